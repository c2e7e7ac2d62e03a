"""The one exception the core raises for input a person typed."""


class ValidationError(ValueError):
    """Input that cannot be saved; `str(error)` is a sentence to show the user as is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
