"""Theme files: the shipped ones load; broken ones are skipped with a reason."""

from pathlib import Path

import pytest

from coach_tui.ui.themes import (
    DEFAULT_THEME,
    ThemeFileError,
    discover_themes,
    load_theme_file,
    shipped_theme_dirs,
    theme_folders,
)

REPO_THEMES = Path(__file__).parents[2] / "themes"


def test_shipped_themes_all_load_and_include_the_default() -> None:
    (folder,) = shipped_theme_dirs()
    catalogue = discover_themes([folder])
    assert catalogue.problems == []
    assert DEFAULT_THEME in catalogue.names
    assert {"coach-dark", "coach-light"} <= set(catalogue.names)
    assert {theme.name: theme.dark for theme in catalogue.themes}["coach-light"] is False


def test_every_file_in_the_repo_themes_folder_is_a_valid_theme() -> None:
    files = sorted(REPO_THEMES.glob("*.toml"))
    assert len(files) >= 2
    for path in files:
        assert load_theme_file(path).name == path.stem


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("name = ", "Invalid"),
        ('dark = true\n[colors]\nprimary = "#fff"', "'name'"),
        ('name = "x"\ndark = "yes"\n[colors]\nprimary = "#fff"', "'dark'"),
        ('name = "x"', "[colors]"),
        ('name = "x"\n[colors]\nprimary = "not-a-colour"', "not a colour"),
        ('name = "x"\n[colors]\nprimary = "#fff"\nprimery = "#000"', "unknown colour"),
        ('name = "x"\n[colors]\nprimary = 12', "not a colour"),
        ('name = "x"\n[colors]\nprimary = "[/]"', "'primary' is not a colour: '[/]'"),
        ('name = "[b]Evil[/b]"\n[colors]\nprimary = "#fff"', "the name '[b]Evil[/b]' may hold"),
        ('name = "My theme"\n[colors]\nprimary = "#fff"', "only letters, digits, - and _"),
        ('name = "\\u001b]0;T"\n[colors]\nprimary = "#fff"', "'\\x1b]0;T'"),
    ],
)
def test_broken_theme_files_are_reported_not_loaded(tmp_path: Path, content, problem) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(content)
    with pytest.raises(ThemeFileError) as caught:
        load_theme_file(path)
    assert "mine.toml" in str(caught.value)
    assert problem in str(caught.value)


def test_discovery_skips_bad_files_and_later_folders_win(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ocean.toml").write_text('name = "ocean"\n[colors]\nprimary = "#0000ff"')
    (tmp_path / "b" / "ocean.toml").write_text('name = "ocean"\n[colors]\nprimary = "#00ff00"')
    (tmp_path / "b" / "broken.toml").write_bytes(b"\xff\xfe not utf-8")
    catalogue = discover_themes([tmp_path / "a", tmp_path / "b", tmp_path / "missing"])
    assert catalogue.names == ["ocean"]
    assert catalogue.themes[0].primary == "#00ff00"
    assert len(catalogue.problems) == 1
    assert "broken.toml" in catalogue.problems[0]


def test_theme_folders_go_built_ins_then_config_then_data(tmp_path: Path, monkeypatch) -> None:
    """Later folders win a name clash: the data folder's theme over the config folder's."""
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "config"))
    folders = theme_folders(tmp_path / "data")
    assert folders[-2:] == [tmp_path / "config" / "themes", tmp_path / "data" / "themes"]
    assert folders[:-2] == shipped_theme_dirs()
