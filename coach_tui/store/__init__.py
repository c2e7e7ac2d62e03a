"""TinyDB behind a small repository API: atomic writes, one lock, versions, backups.

Nothing outside this package touches TinyDB; everything it hands out is a model object.
Its own words (family, tier, pin, publishing, trusted, journal …) are explained, with a
diagram of the tiers, in `README.md` beside this file.

Import the module you need (`coach_tui.store.repository`, `coach_tui.store.errors`):
this package file imports nothing, so a command that only needs an error class or a
path does not pay for loading every repository at start.
"""
