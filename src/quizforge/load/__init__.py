"""Stage 1: read notes files into validated ``Topic`` objects."""

from .notes import load_notes, parse_notes

__all__ = ["load_notes", "parse_notes"]
