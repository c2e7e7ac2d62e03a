"""Use cases: one function per user action or read model, for the CLI commands and the screens.

A service reads what one action needs through the `Repository`, asks `coaching` for the
rules and hands back model objects (or one small dataclass of them), so a command and a
screen doing the same thing cannot drift apart. No Textual here and no printing: the
callers decide how it looks. Services may import model, coaching, store and interop.
"""
