"""Subcommands that print to a plain terminal with Rich instead of opening the app."""
