"""'Explain why a pressure of 200 atm is used', 'Explain how the mass of the car affects braking distance':
a factor's own sentence points as the mark scheme, 1 mark each, the tariff the number of points (at most 4).

Points that say nothing about the factor or its other points (an aside on the same card) are not credited,
and a connective that leans on the point before ('Therefore,', 'However,') is left off the mark scheme.
"""

from __future__ import annotations

import random
import re

from .. import quality
from ..errors import NotEnoughMaterial
from ..model import Cause, Point, Question, Section, ShortAnswer, Topic
from ._factors import DOWN, UP, factor_source, mechanism_source
from ._groups import sentence, stems
from ._lists import condition_of, place
from ._text import points_rule, stands_alone
from .base import Options

MAX_MARKS = 4
CONNECTIVE = re.compile(r"^(therefore|however|so|thus|hence|but|also|and|this means that|as a result)\s*,?\s+", re.IGNORECASE)
QUESTION_WORD = re.compile(r"^(how|what|why|whether|which|when)\b", re.IGNORECASE)
SHORT = "Q501"  # too short for a statement
COMPARED = frozenset("heavier lighter further farther sooner later quicker worse better stronger weaker".split())


def credited(text: str) -> str:
    """A point as a mark-scheme line: without a leading connective, with a capital and a full stop."""
    return sentence(CONNECTIVE.sub("", text.strip()))


def creditworthy(text: str) -> bool:
    """A mark-scheme line passes every check a printed statement does, except that it may be short
    ('Pressure is expensive.' is a point worth a mark)."""
    return all(f.code == SHORT for f in quality.check(text, "statement"))


SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?]) +(?=[A-Z])")
DEFINES = re.compile(r"^(?P<term>[A-Z][\w' -]{1,30}?) (?:is|are|means) (?:when|where|the|a|an)\b")


def sentences_of(point: Point) -> list[str]:
    """'Every core can fetch ... instructions. The more cores, the more ...' -> two points to credit."""
    return [t.strip() for t in SENTENCE_END.split(" ".join(point.text.split())) if t.strip()]


def defines_another(text: str, factor: Cause) -> bool:
    """'Overclocking is when ...' under 'Clock speed': a definition of another term, not a point about the factor."""
    match = DEFINES.match(text)
    return bool(match) and not stems(match["term"]) <= stems(factor.title)


def points_of(factor: Cause, topic: Topic) -> list[tuple[str, str]]:
    """(point id, sentence) for each sentence of the factor's own points that reads on its own and belongs
    with it: each shares a word with the factor's name or with another of its sentences (words of the
    paper's title do not count)."""
    title = stems(topic.title)
    usable = [(p.id, text) for p in factor.points if not p.points for text in sentences_of(p)
              if stands_alone(CONNECTIVE.sub("", text)) and len(text.split()) >= 3 and creditworthy(credited(text))
              and not defines_another(text, factor)]
    if len(usable) == 1:
        return usable  # the only point under the factor's heading is about it
    words = [stems(text) - title for _, text in usable]
    own = stems(factor.title) - title
    kept = []
    for i, found in enumerate(usable):
        others = set().union(*(w for j, w in enumerate(words) if j != i))
        if words[i] & (own | others):
            kept.append(found)
    return kept


def says_which_way(text: str) -> bool:
    """'Heavier cars take longer to stop' says which way; 'X directly affects how fast it is' does not."""
    return bool(set(re.findall(r"[a-z]+", text.lower())) & (UP | DOWN | COMPARED))


def plain_name(title: str) -> str:
    """The factor as it reads inside a sentence: 'Iron Catalyst' -> 'iron catalyst', keeping 'CPU' and 'UK'."""
    words = title.strip().rstrip(".").split()
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)


def subject_of(name: str) -> str:
    """'mass of car' -> 'the mass of the car', 'iron catalyst' -> 'the iron catalyst'; one word stays bare, as
    science English writes it ('how temperature affects the rate', 'how tiredness affects'). After 'of', a
    bare singular noun that is a thing takes 'the' too ('of the car'), but not a quantity or a plural
    ('number of cores', 'rate of reaction')."""
    if " " not in name or name.startswith(("the ", "a ", "an ")):
        return name
    head, of, rest = name.partition(" of ")
    if of and len(rest.split()) == 1 and not plural(rest) and rest.lower() in THINGS_AFTER_OF:
        name = f"{head} of the {rest}"
    return f"the {name}"


# Nouns a factor's title names bare after 'of' where English wants 'the' (the 'mass of car' of quick notes).
THINGS_AFTER_OF = frozenset("""
car vehicle lorry bus train bike bicycle driver object ball trolley body wire spring magnet planet person
cell animal plant leaf catalyst container beaker
""".split())


def plural(name: str) -> bool:
    """'worn brakes' is plural; 'number of cores' and 'mass' are not (the head noun is the word before 'of')."""
    head = name.split(" of ")[0].split()[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ics"))


def with_article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def prompt_for(factor: Cause, topic: Topic, marks: int, hidden: frozenset[str]) -> str:
    """'Explain why a pressure of 200 atm is used in X.' for a factor that is one of the notes' conditions;
    otherwise 'Explain how <factor> affects <what it affects>' ('State how' for a single mark)."""
    name = plain_name(factor.title)
    condition = condition_of(factor.title, topic)
    if condition is not None:
        item_list, item_id, value = condition
        where = place(item_list)
        within = f" in {where}" if where else ""
        if item_id not in hidden:  # the value is not the answer to another question
            used = with_article(f"{name} of {value}" if value else name)
            return f"{'Explain why' if marks >= 2 else 'Give one reason why'} {used} is used{within}."
        if value and marks >= 2:
            return f"Explain the choice of {name} used{within}."
        return ""  # 'Explain why an iron catalyst is used' would print another question's answer
    outcome = (factor.affects or topic.outcome).strip().rstrip(".")
    verb = "Explain" if marks >= 2 else "State"
    return f"{verb} how {subject_of(name)} {'affect' if plural(name) else 'affects'} {outcome}."


def askable(factor: Cause, topic: Topic) -> bool:
    """A factor the question can name in a sentence and ask about, and whose points are this strategy's:
    a factor with a mechanism is explain-factor's, and one whose effect is on something else (a catalyst
    'makes the reaction faster', not 'the yield') cannot be asked how it affects the outcome."""
    if QUESTION_WORD.match(factor.title.strip()) or factor.mechanism:  # 'How fast you're going' cannot follow 'Explain how'
        return False
    if condition_of(factor.title, topic) is not None:
        return True
    outcome = factor.affects or topic.outcome
    if factor.effect and not factor.affects and not stems(factor.effect) & (stems(outcome) - {"the"}):
        return False
    return bool(outcome)


def question_for(factor: Cause, topic: Topic, options: Options) -> Question | None:
    points = points_of(factor, topic)
    if not points:
        return None
    texts = tuple(dict.fromkeys(credited(text) for _, text in points))
    cap = 3 if options.tier == "support" else MAX_MARKS
    marks = min(len(texts), cap)
    guidance = (points_rule(marks, len(texts)),
                "Allow the same point in the student's own words.")
    prompt = prompt_for(factor, topic, marks, options.hidden)
    if not prompt or (prompt.startswith("State how") and not says_which_way(texts[0])):
        return None  # 'State how X affects Y' needs an answer that says which way, not only that it does
    body = ShortAnswer(answer=" ".join(texts), lines=2 * marks + 1, points=texts)
    return Question(
        id=f"explain-point:{factor.id}", strategy="explain-point", prompt=prompt,
        marks=marks, body=body, answer=" ".join(texts), guidance=guidance, cause_id=factor.id,
        sources=(factor_source(factor), mechanism_source(factor), *dict.fromkeys(pid for pid, _ in points)),
    )


def explainable(topic: Topic, options: Options) -> list[Question]:
    """A question for each factor with points worth crediting that no other question names or explains."""
    out = []
    for factor in topic.factors:
        taken = {factor_source(factor), mechanism_source(factor)} & (options.hidden | options.exclude)
        if taken or not askable(factor, topic) or any(p.id in options.hidden for p in factor.points):
            continue
        question = question_for(factor, topic, options)
        if question is not None:
            out.append(question)
    return out


class ExplainPoint:
    name = "explain-point"
    title = "Explain"
    summary = "'Explain why/how ...' about one factor, 1 mark for each of its points in the notes (up to 4)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        found = explainable(topic, options)
        if not found:
            raise NotEnoughMaterial(
                f"{topic.source}: explain-point needs a factor the question can name, with a point that is a full "
                "sentence about it, and 'outcome' or 'affects' (or the factor among the notes' 'lists' of conditions); "
                "not named by another question on the paper")
        count = min(options.count or 3, len(found))
        chosen = sorted(rng.sample(found, count), key=found.index)
        # 'Explain' over questions that only ask to state (one mark each) promises what they do not ask
        title = self.title if any(not q.prompt.startswith("State ") for q in chosen) else "Short answers"
        return Section(self.name, title, "Answer in full sentences.", tuple(chosen))


STRATEGY = ExplainPoint()
