"""Match dates to events in History; elsewhere, match what was found or proposed to the person who did it.

Outside History the year of a discovery is trivia: a science teacher asks who proposed which model.
Where the events open with the people who made them ('Niels Bohr said that electrons ...'), those
people are matched to what they did, their names hidden in the events; otherwise no question is made.
"""

from __future__ import annotations

import random

from ..errors import NotEnoughMaterial
from ..model import Match, Question, Section, Topic
from ._gates import printable
from ._text import find_phrase
from ._timeline import Dated, actor, choose_events, dated_events, printed_dates, room, staleness, years_matter
from .base import Options

LETTERS = "ABCDEFGHIJ"
MATCH_MIN, MATCH_MAX = 4, 6  # listed; one of them is a spare
ORDER_LEFT = 4  # events left for a sequence or 'which came first' on the same paper
FIRST_LEFT = 3  # events left for a 'which came first' drawn after a match of dates
COMMON_MIN = 3  # deeds a noun is in before it is the topic's, not one deed's


def with_spare(n: int, rng: random.Random) -> list[int]:
    """The listed items to match, in the order the lettered rows ask for them: all but one, so one listed
    date or person is not needed and the last row is never matched by elimination."""
    order = list(range(n))
    rng.shuffle(order)
    return order[:-1]


def deeds(events: list[Dated]) -> list[tuple[str, str, Dated]]:
    """(person, what they did with the name left out, event) for events that open with one person each,
    named in no other event (a person twice, or named in another's event, could be matched two ways)."""
    found = [(actor(e.event), e) for e in events]
    names = [n for n, _ in found if n]
    out = []
    for name, event in found:
        if not name or names.count(name) > 1:
            continue
        if any(find_phrase(other.event, part) for other in events if other is not event
               for part in name.split() if len(part) > 3):
            continue
        rest = event.event[len(name):].strip()
        out.append((name, rest[0].upper() + rest[1:], event))
    return out


def things(text: str) -> frozenset[str]:
    """The nouns of a deed ('matter', 'electron'), and words the lexicon does not know (names), as lemmas:
    what it is about, where its verbs ('showed', 'discovered') say only what kind of step it was."""
    from ..quality.words import STOP, lemma, pos, tokens

    return frozenset(lemma(w) for w in tokens(text) if w.lower() not in STOP and not w[0].isdigit() and len(w) > 2
                     and ("NOUN" in pos(w) or not pos(w)))


def rival_deeds(found: list[tuple[str, str, Dated]]) -> dict[str, frozenset[str]]:
    """Event source -> the sources of the other deeds it could be taken for: two deeds about the same thing
    ("... that all matter is made of atoms" beside "... atoms were the smallest bit of matter") let a student
    defend either person for each. What many deeds are about (three or more, and a third of them: the topic,
    'atom') tells none apart."""
    nouns = {d[2].source: things(d[1]) for d in found}
    counts = [w for words in nouns.values() for w in words]
    common = {w for w in set(counts) if counts.count(w) >= max(COMMON_MIN, len(nouns) / 3)}
    return {a: frozenset(b for b in nouns if b != a and (nouns[a] & nouns[b]) - common) for a in nouns}


def apart_deeds(pool: list[tuple[str, str, Dated]], rivals: dict[str, frozenset[str]],
                n: int) -> list[tuple[str, str, Dated]]:
    """Up to ``n`` deeds from ``pool``, in its order, none about the same thing as another one taken."""
    taken: list[tuple[str, str, Dated]] = []
    for deed in pool:
        if len(taken) < n and not rivals[deed[2].source] & {t[2].source for t in taken}:
            taken.append(deed)
    return taken


class DateMatch:
    name = "date-match"

    @staticmethod
    def hides_text(topic: Topic) -> bool:
        """Outside History the pairing of person and deed is the answer: drawn first, so no order or
        'which first' question prints those events with their people."""
        return not years_matter(topic)

    title = "Dates and events"
    summary = ("Match events to their dates (History), or elsewhere what was found to who found it "
               "(dates far enough apart to tell apart).")

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        limit = min(options.count or MATCH_MAX, MATCH_MAX) if options.tier != "support" else MATCH_MIN
        if not years_matter(topic):
            return self._people(topic, rng, options, max(limit, MATCH_MIN))
        paper = list(options.paper)
        if "which-first" in paper[paper.index(self.name) + 1:] if self.name in paper else False:
            # a 'which came first' drawn after this one needs three events of its own
            limit = min(limit, room(topic, options) - FIRST_LEFT)
        # One event another question puts in order may be matched to its date here, never two: their dates
        # would give that order away.
        chosen = choose_events(topic, options, rng, max(limit, MATCH_MIN), MATCH_MIN, "matching dates to events",
                               keep=lambda e: printable(e.event, "statement") and printable(e.date, "term"), share=1,
                               name=self.name, bookends=True)
        dates = sorted(chosen, key=lambda e: e.when)  # dates print in order, like a timeline
        order = with_spare(len(dates), rng)
        body = Match(causes=tuple(printed_dates(dates)), examples=tuple(dates[i].event for i in order),
                     key=tuple(order), example_ids=tuple(dates[i].source for i in order),
                     left_label="Date", right_label="Event")
        n = len(order)
        question = Question(
            id="date-match:" + ",".join(d.source for d in dates), strategy=self.name,
            prompt=f"Match each event, A to {LETTERS[n - 1]}, to its date. Write the number of the date in the box. "
                   "Each date is used once at most, and one date is not needed.",
            marks=n, body=body, answer=", ".join(f"{LETTERS[j]} {k + 1}" for j, k in enumerate(order)),
            guidance=(f"1 mark for each event matched to its date (up to {n}).",),
            sources=tuple(d.source for d in dates),  # the spare's event too: printed elsewhere, it would rule the spare out
        )
        return Section(self.name, self.title, "Show that you know when the key events happened.", (question,))

    def _people(self, topic: Topic, rng: random.Random, options: Options, limit: int) -> Section:
        found = [d for d in deeds(dated_events(topic, options.hidden))
                 if printable(d[0], "term") and printable(d[1], "statement")]
        fresh = [d for d in found if d[2].source not in options.exclude]
        pool = fresh if len(fresh) >= MATCH_MIN else found
        if len(pool) < MATCH_MIN:
            raise NotEnoughMaterial(
                f"{topic.source}: in {topic.subject or 'this subject'} the year of each event is not worth a "
                f"question; matching needs at least {MATCH_MIN} events that each open with the person who made "
                "them ('Niels Bohr said that ...'), or use sequence to put the events in order")
        rng.shuffle(pool)
        pool.sort(key=lambda d: staleness(d[2].source, options.previous, self.name))  # seed 2 asks about others
        # Drawn first, the match leaves an order question on the paper events of its own where it can.
        leave = ORDER_LEFT if {"sequence", "which-first"} & set(options.paper) else 0
        n = max(MATCH_MIN, min(limit, len(pool) - leave))
        # Every listed person, the spare too, did something about a thing no other listed person's deed is about.
        rivals = rival_deeds(deeds(dated_events(topic)))
        picked = apart_deeds(pool, rivals, n)
        if len(picked) < MATCH_MIN:
            raise NotEnoughMaterial(
                f"{topic.source}: matching people to what they did needs at least {MATCH_MIN} people whose deeds are "
                "each about something no other listed deed is about; these could be matched two ways")
        chosen = sorted(picked, key=lambda d: d[0].split()[-1].lower())  # people in A-Z order, not by date
        order = with_spare(len(chosen), rng)
        body = Match(causes=tuple(d[0] for d in chosen), examples=tuple(chosen[i][1] for i in order),
                     key=tuple(order), example_ids=tuple(chosen[i][2].source for i in order),
                     left_label="Person", right_label="What they did")
        n = len(order)
        question = Question(
            id="date-match:people:" + ",".join(d[2].source for d in chosen), strategy=self.name,
            prompt=f"Match each discovery or idea, A to {LETTERS[n - 1]}, to the person who put it forward. "
                   "Write the number of the person in the box. Each person is used once at most, and one "
                   "person is not needed.",
            marks=n, body=body, answer=", ".join(f"{LETTERS[j]} {k + 1}" for j, k in enumerate(order)),
            guidance=(f"1 mark for each discovery or idea matched to the right person (up to {n}).",),
            sources=tuple(d[2].source for d in chosen),  # the spare's too
        )
        return Section(self.name, "Who did what?", "Show that you know who made each step forward.", (question,))


STRATEGY = DateMatch()
