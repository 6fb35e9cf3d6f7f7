"""Stage 2: question strategies, one module each, behind one registry."""

from . import (exam_explain, explain_why, fill_blank, how_far, key_terms, match_causes, multiple_choice, odd_one_out,
               sequencing, true_false)
from . import compare_cases, describe_case, explain_factor, explain_factors, match_factors, name_factors, sort_groups, which_case
from . import complete_equation, explain_point, sort_factors, state_list  # science recall and explanations
from . import complete_quote, match_quotes, present, who_says
from . import date_match, what_did, what_year, which_first  # timelines
from . import stage_describe, stage_happens, stage_name, stage_next, stage_order  # processes
from . import evaluate, explain_two  # two sides of one question
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
register(name_factors.STRATEGY)
register(match_factors.STRATEGY)
register(explain_factor.STRATEGY)
register(explain_factors.STRATEGY)
register(sort_groups.STRATEGY)
register(describe_case.STRATEGY)
register(compare_cases.STRATEGY)
register(which_case.STRATEGY)
register(who_says.STRATEGY)
register(complete_quote.STRATEGY)
register(match_quotes.STRATEGY)
register(present.STRATEGY)
register(date_match.STRATEGY)
register(which_first.STRATEGY)
register(what_year.STRATEGY)
register(what_did.STRATEGY)
register(stage_order.STRATEGY)
register(stage_describe.STRATEGY)
register(stage_happens.STRATEGY)
register(stage_next.STRATEGY)
register(stage_name.STRATEGY)
register(term_choice.STRATEGY)
register(term_blank.STRATEGY)
register(state_list.STRATEGY)
register(explain_point.STRATEGY)
register(sort_factors.STRATEGY)
register(complete_equation.STRATEGY)
register(explain_two.STRATEGY)
register(evaluate.STRATEGY)

DEFAULT_STRATEGIES = ("fill-blank", "match", "explain")

__all__ = ["DEFAULT_STRATEGIES", "Options", "Strategy", "available", "get", "register"]
