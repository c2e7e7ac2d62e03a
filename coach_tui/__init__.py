"""coach_tui: a personal sales coach that lives in the terminal."""

__version__ = "0.1.0"
