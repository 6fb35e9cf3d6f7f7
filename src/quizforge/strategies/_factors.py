"""Shared by the factor strategies: how a factor's change and effect read, and the opposite of an effect."""

from __future__ import annotations

import re

from ..model import Cause, Topic
from ._pools import slug
from ._text import normalise

# Direction words and their opposites, for "do not accept" lines ("increases" -> "decreases").
OPPOSITES = {
    "increases": "decreases", "decreases": "increases", "increase": "decrease", "decrease": "increase",
    "raises": "lowers", "lowers": "raises", "higher": "lower", "lower": "higher", "faster": "slower",
    "slower": "faster", "bigger": "smaller", "smaller": "bigger", "longer": "shorter", "shorter": "longer",
    "improves": "worsens", "reduces": "increases",
}
UP = frozenset("increases increase raises higher faster bigger longer improves more greater".split())
DOWN = frozenset("decreases decrease lowers lower slower smaller shorter reduces worsens less fewer".split())


def polarity(effect: str) -> int:
    """+1 if the effect says something goes up or gets better, -1 if down, 0 if it does not say."""
    words = set(re.findall(r"[a-z]+", effect.lower()))
    return (1 if words & UP else 0) - (1 if words & DOWN else 0)


def factor_source(factor: Cause) -> str:
    """A question that names the factor (its title or its change) records this."""
    return f"factor:{factor.id}"


def effect_source(factor: Cause) -> str:
    return f"effect:{factor.id}"


def mechanism_source(factor: Cause) -> str:
    """An extended question whose answer is the factor's mechanism records (and so hides) this."""
    return f"mechanism:{factor.id}"


def free_factors(topic: Topic, hidden: frozenset[str]) -> list[Cause]:
    """Factors whose name is not the answer to another question on the paper."""
    return [f for f in topic.factors if factor_source(f) not in hidden]


def change_of(factor: Cause) -> str:
    """'Increasing the pressure'; a factor without a change is named by its title ('Iron catalyst')."""
    return (factor.change or factor.title).strip().rstrip(".")


def lower_start(text: str) -> str:
    """'Increasing the pressure' -> 'increasing the pressure' (not 'CPU ...' or 'UK ...')."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def the_factor(factor: Cause) -> str:
    """The factor as the subject of 'affects': 'the number of cores', 'the driver's reactions'."""
    title = lower_start(factor.title.strip().rstrip("."))
    return title if title.split()[0].lower() in ("the", "a", "an") or "'" in title.split()[0] else f"the {title}"


def asked_change(factor: Cause) -> str:
    """What 'Explain how ... affects' asks about: the change when it is a doing word ('increasing the
    pressure'), otherwise the factor itself ('More cores' -> 'the number of cores')."""
    change = change_of(factor)
    first = change.split()[0].lower()
    return lower_start(change) if factor.change and first.endswith("ing") else the_factor(factor)


def effect_item(factor: Cause) -> str:
    """The effect printed on its own: 'Increases the yield of ammonia.'; 'means the CPU ...' -> 'The CPU ...'."""
    clause = effect_clause(factor)
    clause = re.sub(r"^(means|mean)( that)? ", "", clause)
    return clause[0].upper() + clause[1:] + ("" if clause.endswith((".", "!", "?")) else ".")


def effect_clause(factor: Cause) -> str:
    """The effect as a verb phrase: 'increases the yield of ammonia'."""
    return lower_start(factor.effect.strip().rstrip("."))


def result_sentence(factor: Cause) -> str:
    """'Increasing the pressure increases the yield of ammonia.'"""
    return f"{change_of(factor)} {effect_clause(factor)}."


def opposite(effect: str) -> str:
    """The effect with its direction turned round, or '' when it names no direction."""
    words = effect.split()
    for i, word in enumerate(words):
        key = re.sub(r"\W", "", word.lower())
        if key in OPPOSITES:
            return " ".join([*words[:i], OPPOSITES[key], *words[i + 1:]])
    return ""


def factor_key(factor: Cause) -> str:
    return slug(factor.title) or normalise(factor.title)
