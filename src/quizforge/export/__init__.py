"""Exports: the same questions and answers as the worksheet, in the formats other tools import.

One module per format behind one registry; ``run.export`` is the whole job.
"""

from . import anki, csv, gift, moodle, qti12, qti21, quizlet
from .base import (
    ExportContext,
    Exporter,
    ExportError,
    available,
    dispatch,
    get,
    register,
)

for _module in (moodle, gift, qti12, qti21, anki, quizlet, csv):
    register(_module.EXPORTER)

__all__ = ["ExportContext", "ExportError", "Exporter", "available", "dispatch", "get", "register"]
