"""The dated events a timeline strategy can use, and how far apart they must be to be asked about."""

from __future__ import annotations

import math
import random
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import NotEnoughMaterial
from ..model import Topic
from ._dates import When, parse_date, year_text
from ._text import end_sentence, normalise
from ..quality.words import STOP, pos
from .base import Options

# A year written inside the event ("and is back in 1580") would give its date away.
MAX_EVENT_WORDS = 20  # longer, an event is a paragraph as an option or a line to order: it is left out
MIN_GAP = 5  # years: closer than this, "which came first" is a guess for most students
CORE_ORDERED = 3  # events of the notes' main period an order question puts in order, beside any outlier
YEAR_IN_TEXT = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)|\d+\s*(?:BCE|BC|AD|CE)\b")


@dataclass(frozen=True)
class Dated:
    """One usable entry of ``topic.dates``."""

    index: int  # position in topic.dates
    date: str  # as written in the notes
    event: str  # as printed: a full sentence, no date in it
    when: When
    line: int = 0  # in the notes: the source id every other part of the tool knows the event by

    @property
    def source(self) -> str:
        return f"date:{self.line}"


# A title-case heading before a dash ('The Babington Plot - Walsingham uncovers ...'): the name of the event,
# not part of its sentence.
HEADING = re.compile(r"^((?:[A-Z][\w'’]*|of|the|to|and|in|on|at|for)(?:\s+(?:[A-Z][\w'’]*|of|the|to|and|in|on|at|for)){0,5})"
                     r"\s+[-–—]\s+(?=[A-Z])")
# The end of a sentence: not after an initial ('J. Thomson') or a title ('St. Paul').
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[SDM]r)(?<!\bSt)(?<!\bMrs)(?<!\bMs)(?<!\bJr)[.!?](?=\s+[A-Z\u2018\"'(])")
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*(?=[.!?]?$)")


def short_event(text: str) -> str:
    """The event as one short sentence to print, or '' when it cannot be cut to one safely.

    A title-case heading before a dash is dropped, then everything after the first sentence (the rest
    adds detail: 'Queen Elizabeth I dies and the Tudor dynasty ends. James I ... is proclaimed King.');
    an aside in brackets at the end goes only when the sentence is too long with it."""
    text = " ".join(text.split())
    heading = HEADING.match(text)
    if heading and len(text[heading.end():].split()) >= 3:
        text = text[heading.end():]
    end = SENTENCE_END.search(text)
    if end:
        text = text[:end.end()]
    text = end_sentence(text.rstrip(" ,;:-"))
    if len(text.split()) > MAX_EVENT_WORDS:
        text = end_sentence(TRAILING_ASIDE.sub("", text[:-1]))
    return text if len(text.split()) <= MAX_EVENT_WORDS else ""


def dated_events(topic: Topic, avoid: frozenset[str] = frozenset(), bookends: bool = False) -> list[Dated]:
    """Events whose date we can read and whose text, cut to one short sentence, prints no year; each once.

    Without ``bookends``, the start or end of the life or rule the notes are about ('Elizabeth crowned',
    'Queen Elizabeth I dies') is left out: in an order or a 'which came first' it is placed by logic, not by
    knowing (blind review: "any set containing 'Elizabeth crowned' ... needs no dates"). 'In what year' asks
    for it, and a match of dates may (``bookends=True``): its spare date leaves more than one to choose from."""
    found, seen = [], set()
    for i, entry in enumerate(topic.dates):
        when = parse_date(entry.date)
        text = short_event(entry.event)
        if (when is None or not text or YEAR_IN_TEXT.search(text) or normalise(text) in seen
                or f"date:{entry.line}" in avoid or side_birth(text, topic.title)
                or (not bookends and bookend(text, topic.title))):
            continue
        seen.add(normalise(text))
        found.append(Dated(i, entry.date.strip(), text[0].upper() + text[1:], when, entry.line))
    return on_topic(found, topic.title)


# Words a timeline's title uses for what it is, not what it is about.
TITLE_FRAME = frozenset("timeline time line development history key dates date events event story chronology "
                        "revision notes main important".split())
ON_TOPIC_SHARE = 0.75  # where this share of events names the title's subject, one that does not is off it
MIN_FOR_TOPIC = 5


def on_topic(events: list[Dated], title: str) -> list[Dated]:
    """The events, less those about something else: where nearly every event names the title's subject
    ('atoms', 'atomic number' on 'The development of atomic structure'), one that names none of it is a
    fact from beside the topic ('Glen Seaborg found several radioactive elements': blind review, "off the
    specification"). Where the title's words are not the events' own (a reign's key dates), all are kept."""
    subject = {w.lower()[:4] for w in re.findall(r"[A-Za-z]{4,}", title)
               if w.lower() not in STOP and w.lower() not in TITLE_FRAME}
    if not subject or len(events) < MIN_FOR_TOPIC:
        return events
    about = [bool(subject & {w.lower()[:4] for w in re.findall(r"[A-Za-z]{4,}", e.event)}) for e in events]
    if sum(about) < ON_TOPIC_SHARE * len(events):
        return events
    return [e for e, yes in zip(events, about) if yes]


BIRTH = re.compile(r"^(?:the\s+)?birth of\s+(?P<a>.+)$|^(?P<b>.+?)\s+(?:was|is)\s+born\b\.?$", re.IGNORECASE)


def side_birth(event: str, title: str) -> bool:
    """An event that is only someone's birth, someone the notes' title does not name: 'William Shakespeare was
    born' on a timeline of Elizabeth's reign is trivia to date (blind review: "not a key event of the reign");
    'Elizabeth is born' on 'Elizabeth key dates' is kept."""
    found = BIRTH.match(event.strip().rstrip("."))
    if not found:
        return False
    return not names_one_of(found.group("a") or found.group("b"), title)


BOUNDARY = re.compile(r"\b(crowned|coronation|accession|comes? to the throne|came to the throne|becomes? (?:queen|king|"
                      r"emperor|empress|leader|president|prime minister)|became (?:queen|king|emperor|empress|leader|"
                      r"president|prime minister)|dies|died|death of|is born|was born|birth of|abdicates?|abdicated)\b",
                      re.IGNORECASE)


def bookend(event: str, title: str) -> bool:
    """The start or end of the life or rule of someone the title names ('Elizabeth crowned Queen of England',
    'Queen Elizabeth I dies and the Tudor dynasty ends' on 'Elizabeth key dates'): first or last by logic."""
    return bool(BOUNDARY.search(event)) and names_one_of(event, title)


def names_one_of(text: str, title: str) -> bool:
    """``text`` names someone the title names: a capitalised word of both that is a name, not a word of the
    dictionary ('Elizabeth', 'Stalin'; never 'The', 'Key' or 'Cold')."""
    named = {w.lower() for w in re.findall(r"[A-Z][a-z]+", title) if len(w) > 2 and not pos(w.lower())
             and w.lower() not in STOP}
    return any(w.lower() in named for w in re.findall(r"[A-Z][a-z]+", text))


def staleness(source: str, previous: frozenset[str], name: str = "") -> tuple[bool, bool]:
    """How much the seed before used ``source``: (asked by strategy ``name``, asked at all); fresher sorts first."""
    return (bool(name) and f"{name}@{source}" in previous, source in previous)


def room(topic: Topic, options: Options) -> int:
    """How many events no other question prints yet can all be put in order (of two that overlap, one)."""
    free = dated_events(topic, options.hidden | options.exclude)
    return len(spread(free, random.Random(0), len(free)))


def apart(a: Dated, b: Dated) -> bool:
    """Either certainly came before the other (their spans do not overlap)."""
    return a.when.before(b.when) or b.when.before(a.when)


def years_apart(a: Dated, b: Dated) -> int:
    """Whole years between the two, whichever came first (0 when they overlap)."""
    return max(years_before(a, b), years_before(b, a), 0)


def central(events: list[Dated]) -> frozenset[str]:
    """The sources of the events inside the notes' main period: an event further than one and a half times the
    spread of the middle half of the years beyond it (Tukey's fences) is an outlier ('442 BCE' in a timeline of
    1897-1940). An order question with an outlier in it is given away by the outlier alone."""
    years = sorted(e.when.year for e in events)
    if len(years) < 4:
        return frozenset(e.source for e in events)
    q1, _, q3 = statistics.quantiles(years, n=4, method="inclusive")
    low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    return frozenset(e.source for e in events if low <= e.when.year <= high)


def order_gap(events: list[Dated], n: int) -> int:
    """Years to keep between any two of ``n`` events to put in order: the notes' main period cut into n + 1 equal
    parts. Events closer than that test a fine distinction, and one wrong date in the notes (a year or two out)
    turns the key wrong; events spread across the period test its shape."""
    core = [e.when.year for e in events if e.source in central(events)]
    if len(core) < 2:
        return 0
    return max(1, math.ceil((max(core) - min(core)) / (n + 1)))


def spacings(events: list[Dated], n: int) -> list[int]:
    """The gaps to try in turn for an order question of ``n`` events, where the notes are short of events that far
    apart: the full gap, then half of it (no closer: where the events left are nearer than that, an order
    question is a guess, and one wrong date in the notes makes its key wrong)."""
    gap = order_gap(events, n)
    return list(dict.fromkeys((gap, gap // 2)))


def with_outliers(chosen: list[Dated], outliers: list[Dated], rng: random.Random, limit: int,
                  used: frozenset[str] = frozenset(), name: str = "", gap: int = 0) -> list[Dated]:
    """``chosen`` (events of the notes' main period) topped up to ``limit`` with outliers, only once it holds
    ``CORE_ORDERED`` events: an outlier's place is plain, so the question must still order that many without it."""
    if len(chosen) < CORE_ORDERED or len(chosen) >= limit:
        return chosen
    rest = [e for e in outliers if all(apart(e, c) and years_apart(e, c) >= gap for c in chosen)]
    return chosen + spread(rest, rng, limit - len(chosen), used, name, gap)


def spread(events: list[Dated], rng: random.Random, limit: int, used: frozenset[str] = frozenset(),
           name: str = "", gap: int = 0) -> list[Dated]:
    """Up to ``limit`` events, drawn at random, any two of which can be put in order (and, with ``gap``, at
    least that many years apart); events in ``used`` (asked by the seed before) only when the others run
    out, and last of all those the seed before asked in the same kind of question (strategy ``name``):
    seed 2 orders the events seed 1 matched to dates."""
    pool = events[:]
    rng.shuffle(pool)
    # a long war would shut out every event inside it
    pool.sort(key=lambda e: (*staleness(e.source, used, name), e.when.precision == "span"))
    chosen: list[Dated] = []
    for event in pool:
        if all(apart(event, c) and years_apart(event, c) >= gap for c in chosen):
            chosen.append(event)
        if len(chosen) == limit:
            break
    return chosen


def usual_gap(events: list[Dated]) -> int:
    """Years between neighbouring events, typically: 'which came first' needs options further apart."""
    years = sorted({e.when.year for e in events})
    gaps = [b - a for a, b in zip(years, years[1:])]
    return max(MIN_GAP, int(statistics.median(gaps))) if gaps else MIN_GAP


def years_before(a: Dated, b: Dated) -> int:
    """How many whole years separate the end of ``a`` from the start of ``b``."""
    return b.when.start[0] - a.when.end[0]


def usable_events(topic: Topic, options: Options, need: int, what: str) -> list[Dated]:
    """The usable events, leaving out those other questions print when enough remain."""
    every = dated_events(topic)
    fresh = dated_events(topic, options.exclude | options.hidden)
    found = fresh if len(fresh) >= need else [e for e in every if e.source not in options.hidden]
    if len(found) < need:
        raise NotEnoughMaterial(
            f"{topic.source}: {what} needs at least {need} 'dates' entries with dates that can be read "
            f"(a year, e.g. '1559', '13 January 1559' or '442 BCE') and no year written in the event (found {len(found)})")
    return found


def choose_events(topic: Topic, options: Options, rng: random.Random, limit: int, need: int, what: str,
                  keep: Callable[[Dated], bool] = lambda e: True, share: int | None = None,
                  name: str = "", gap: int = 0, fall_back: bool = True, bookends: bool = False) -> list[Dated]:
    """Up to ``limit`` events that can be put in order, avoiding events other questions print if enough remain.

    Only events ``keep`` accepts are drawn (those a quality gate would pass), so one bad line of the
    notes does not cost the whole question. With ``share``, at most that many events another question
    prints are drawn where the notes allow: a question whose order or dates another one shows by two shared
    events gives it away (the Ledger leaves such a question out). Without ``fall_back``, events other questions
    print are not drawn beyond ``share`` (the caller has another way to try first)."""
    every = [e for e in dated_events(topic, options.hidden, bookends) if keep(e)]
    fresh = [e for e in every if e.source not in options.exclude]
    chosen = spread(fresh, rng, limit, options.previous, name, gap)
    if len(chosen) < need and share is not None:
        printed = [e for e in every if e.source in options.exclude]
        rng.shuffle(printed)
        printed.sort(key=lambda e: staleness(e.source, options.previous, name))
        for extra in printed:  # the fewest shared events that make up the number
            if len(chosen) >= need or share <= 0:
                break
            if all(apart(extra, c) and years_apart(extra, c) >= gap for c in chosen):
                chosen.append(extra)
                share -= 1
    if len(chosen) < need and fall_back:  # what else prints them may be no order question: the Ledger has the last word
        chosen = spread(every, rng, limit, options.previous, name, gap)
    if len(chosen) < need:
        raise NotEnoughMaterial(
            f"{topic.source}: {what} needs at least {need} 'dates' entries with dates that can be read "
            f"(a year, e.g. '1559', '13 January 1559' or '442 BCE'), that do not overlap ('1586' and "
            f"'October 1586' cannot be told apart) and no year written in the event (found {len(chosen)})")
    return chosen


def printed_dates(events: list[Dated]) -> list[str]:
    """The dates to print beside ``events``: the years alone where each is one plain date in a year of its own
    ('1559', not '13 January 1559': a GCSE student is asked the year), otherwise as the notes write them."""
    years = [e.when.year for e in events]
    if all(e.when.exact and e.when.precision != "span" for e in events) and len(set(years)) == len(years):
        return [year_text(y) for y in years]
    return [e.date for e in events]


# A name at the start of an event: 'Ernest Rutherford', 'H.G Moseley', 'J.J. Thomson', 'Democritus'.
ACTOR = re.compile(r"^((?:[A-Z](?:\.[A-Z])*\.?\s+)?(?:[A-Z][a-z'\-]+\s+){0,2}[A-Z][a-z'\-]+)\s+(?=[a-z])")


def actor(event: str) -> str:
    """The person an event opens with ('' when it opens otherwise): 'Niels Bohr said that ...' -> 'Niels Bohr'.

    Only a run of capitalised words followed by a lower-case word (the verb) counts; it opens with no
    function word ('The', 'In') and holds a word the English lexicon does not know ('Parliament', 'Royal Navy'
    are all words)."""
    from .. import quality

    found = ACTOR.match(event)
    if not found:
        return ""
    name = found.group(1)
    words = name.split()
    if words[0].lower() in quality.words.STOP or all(quality.words.pos(w.lower().strip(".")) for w in words):
        return ""
    return name


def years_matter(topic: Topic) -> bool:
    """Only in History is an event's exact year worth asking; elsewhere the order and who did what are."""
    return topic.subject.strip().lower().startswith("history")
