"""The accuracy benchmark: gold dev pairs and public sets scored through the HTTP API."""

from crosscheck.evaluation.cli import main

__all__ = ["main"]
