"""The one failure an import reports: the whole file is refused, with a sentence why."""


class ImportFailed(Exception):
    """Nothing was imported; `str(error)` says what is wrong and what to do, for a seller.

    Callers put "Nothing imported:" in front, so messages do not repeat it.
    """
