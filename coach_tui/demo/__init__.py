"""Invented data for exploring the coach and for benchmarks at heavy-user volume."""
