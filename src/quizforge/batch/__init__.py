"""Class sets: a personalised, randomised paper for every student, print-ready.

roster.py  class list CSV -> Student      seeds.py  per-student seeds, version dealing
plan.py    who gets which paper, schemes   render.py layout in worker processes, by chunk
pdfout.py  combine, stamp, pad (pikepdf)   run.py    the whole job, published in one rename
"""

from .run import BatchRequest, BatchResult, run_batch

__all__ = ["BatchRequest", "BatchResult", "run_batch"]
