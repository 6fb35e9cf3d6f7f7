"""'In what year did this happen?', only where the date is the point of the event."""

from __future__ import annotations

import random
import re

from ..errors import NotEnoughMaterial
from ..model import Question, Section, ShortAnswer, Topic
from ._dates import year_text
from ._timeline import Dated, apart, dated_events, spread
from .base import Options

YEAR_COUNT = 3
# In these subjects a timeline is about the order of discoveries and models, not the year of each:
# "In what year did Chadwick discover the neutron?" is trivia there (date-match and sequence still fit).
SCIENCES = frozenset("biology chemistry physics science sciences computing psychology".split())

# Events whose date is the point of them: a coronation, a birth or death, a law, a treaty, a battle won.
POINT_EVENT = re.compile(r"\b(" + "|".join((
    r"crown(?:s|ed)?", r"coronation", r"born", r"birth", r"d(?:ies|ied)", r"death", r"execut(?:ed|ion)",
    r"passe[sd]", r"signs?|signed", r"found(?:s|ed)", r"buil[td]", r"opens?|opened", r"invade[sd]?|invasion",
    r"defeat(?:s|ed)?", r"discover(?:s|ed)", r"publishe[sd]", r"elected", r"abdicate[sd]?", r"assassinat(?:ed|ion)",
    r"murdered", r"killed", r"treaty", r"act", r"declare[sd]", r"proclaimed", r"marr(?:ies|ied)",
    r"captured?", r"surrender(?:s|ed)?", r"abolishe[sd]", r"proved", r"sank|sinks",
)) + r")\b", re.IGNORECASE)


def year_worth_asking(event: Dated) -> bool:
    """A single, plainly written date for an event that happens at one moment (not a range or 'c. 1500')."""
    return event.when.exact and event.when.precision != "span" and bool(POINT_EVENT.search(event.event))


class WhatYear:
    name = "what-year"
    title = "In what year?"
    summary = "'In what year did this happen?' for events whose date is the point (a coronation, a law, a death)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        subject = topic.subject.lower().split()
        if subject and (subject[0] in SCIENCES or " ".join(subject[:2]) == "computer science"):
            raise NotEnoughMaterial(
                f"{topic.source}: 'in what year' needs notes where the year is the point (History, say); in "
                f"{topic.subject} the order of events matters, not the year of each: use sequence or date-match")
        # A year printed anywhere else on the paper (a match of dates lists them) would answer the question;
        # an event another question prints without its date (to order it) gives nothing away.
        every = [e for e in dated_events(topic, options.hidden, bookends=True) if year_worth_asking(e)
                 and not any(re.search(rf"(?<!\d){abs(e.when.year)}(?!\d)", text) for text in options.printed)]
        fresh = [e for e in every if e.source not in options.exclude]
        count = options.count or YEAR_COUNT
        chosen = spread(fresh, rng, count, options.previous, self.name)
        if len(chosen) < count:
            chosen += spread([e for e in every if e not in fresh and all(apart(e, c) for c in chosen)], rng,
                             count - len(chosen), options.previous, self.name)
        if not chosen:
            raise NotEnoughMaterial(
                f"{topic.source}: 'in what year' needs 'dates' entries with one plain date (not a range or "
                "'c. 1500') for an event that happens at one moment, such as a coronation, a death or a law passed"
)
        questions = tuple(self._question(e) for e in sorted(chosen, key=lambda e: e.when))
        return Section(self.name, self.title, "Give the year in which each event happened.", questions)

    @staticmethod
    def _question(event: Dated) -> Question:
        year = year_text(event.when.year)
        accept = [event.date] if event.date != year else []
        if event.when.year < 0:
            accept.append(f"{-event.when.year} BC")
        body = ShortAnswer(answer=year, accept=tuple(accept), lines=1)
        return Question(
            id=f"what-year:{event.source}", strategy="what-year",
            prompt=f"In what year did this happen?\n\u201c{event.event}\u201d", marks=1, body=body, answer=year,
            guidance=(f"1 mark for {year}.",), sources=(event.source,),
        )


STRATEGY = WhatYear()
