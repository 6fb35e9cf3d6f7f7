"""Stage 2: question strategies, one module each, behind one registry."""

from . import (exam_explain, explain_why, fill_blank, how_far, key_terms, match_causes, multiple_choice, odd_one_out,
               sequencing, true_false)
from . import date_match, what_year, which_first  # timelines
from . import stage_describe, stage_name, stage_next, stage_order  # processes
from . import term_blank, term_choice  # glossaries
from .base import Options, Strategy, available, get, register

register(fill_blank.STRATEGY)
register(match_causes.STRATEGY)
register(explain_why.STRATEGY)
register(multiple_choice.STRATEGY)
register(true_false.STRATEGY)
register(key_terms.STRATEGY)
register(odd_one_out.STRATEGY)
register(sequencing.STRATEGY)
register(exam_explain.STRATEGY)
register(how_far.STRATEGY)
register(date_match.STRATEGY)
register(which_first.STRATEGY)
register(what_year.STRATEGY)
register(stage_order.STRATEGY)
register(stage_describe.STRATEGY)
register(stage_next.STRATEGY)
register(stage_name.STRATEGY)
register(term_choice.STRATEGY)
register(term_blank.STRATEGY)

DEFAULT_STRATEGIES = ("fill-blank", "match", "explain")

__all__ = ["DEFAULT_STRATEGIES", "Options", "Strategy", "available", "get", "register"]
