"""Stage 2: question strategies, one module each, behind one registry."""

from . import explain_why, fill_blank, match_causes
from .base import Options, Strategy, available, get, register

register(fill_blank.STRATEGY)
register(match_causes.STRATEGY)
register(explain_why.STRATEGY)

DEFAULT_STRATEGIES = ("fill-blank", "match", "explain")

__all__ = ["DEFAULT_STRATEGIES", "Options", "Strategy", "available", "get", "register"]
