"""Stage 3: assemble strategies' sections into a numbered, seeded paper."""

from .paper import PAPER_SIZES, AssembleResult, asked, assemble, series_before, strategy_rng

__all__ = ["PAPER_SIZES", "AssembleResult", "asked", "assemble", "series_before", "strategy_rng"]
