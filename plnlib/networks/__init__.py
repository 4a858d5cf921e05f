"""Advice-network analysis (core: pure functions, no file I/O)."""

from plnlib.networks.graph import BuildReport, Issue, Network, build_network

__all__ = ["BuildReport", "Issue", "Network", "build_network"]
