"""Stage 4: render an assembled paper to HTML, PDF and JSON."""

from .formats import FORMATS, register_format, render_files

__all__ = ["FORMATS", "register_format", "render_files"]
