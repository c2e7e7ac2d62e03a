"""The rules that make the app a coach: pure functions over model objects.

No Textual and no TinyDB here, so every rule can be unit-tested from a table of cases.
"""
