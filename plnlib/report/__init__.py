"""Standalone reports (self-contained pages that open offline)."""

__all__: list[str] = []
