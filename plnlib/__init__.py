"""plnlib: the tools of The PLN Handbook."""

from plnlib._version import __version__
from plnlib.errors import ContentError, DataError, PlnError

__all__ = ["ContentError", "DataError", "PlnError", "__version__"]
