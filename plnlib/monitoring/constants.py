"""Names shared by the monitoring modules (defined with the answers and the survey engine)."""

from plnlib.checklists.answers import MARKER, RESERVED
from plnlib.checklists.results import NETWORK

__all__ = ["MARKER", "NETWORK", "RESERVED"]
