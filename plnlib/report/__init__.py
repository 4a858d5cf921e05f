"""Standalone HTML reports (self-contained pages that open offline)."""
