"""The one failure an import reports: the whole file is refused, with a sentence why."""


class ImportFailed(Exception):
    """Nothing was imported; `str(error)` says why in words a seller can act on."""
