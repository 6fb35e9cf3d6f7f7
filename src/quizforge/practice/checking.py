"""Answer checking for the askers: the shared rules in quizforge.matching."""

from ..matching import SPELLING_RULE, accepted, answer_key, close_enough, normalise, slips_allowed

__all__ = ["SPELLING_RULE", "accepted", "answer_key", "close_enough", "normalise", "slips_allowed"]
