"""Match quotations to the themes or characters they belong to: every quotation fits exactly one.

A quotation is left out when it could fit two: the same words filed under two branches, words that
name a character or a theme (which would give the match away or point somewhere else), or, for
characters, words spoken by another of the characters listed. A group left with no quotation of its
own is left out too. Notes with quotations but no themes or characters are matched by speaker.
"""

from __future__ import annotations

import random
import re
import string

from ..errors import NotEnoughMaterial
from ..quality.fit import balanced, even_split
from ..model import Match, Question, Quotation, Section, Topic
from ._quotes import content_words, names_in, printed, quote_source, speaker_source, usable
from ._text import normalise
from ._timeline import staleness
from .base import Options

MAX_GROUPS = 6
MAX_QUOTES = 8
MIN_QUOTES = 3  # fewer is a guess between two, not a matching question


def mentions(text: str, title: str) -> bool:
    """True when the text uses a word of a theme's title or one sharing its stem ('guilty' for 'Guilt')."""
    words = re.findall(r"\w+", normalise(text))
    for key in (w for w in normalise(title).split() if len(w) >= 4 and w not in {"the", "and", "of"}):
        if any(w == key or (len(key) >= 5 and w.startswith(key[:5])) for w in words):
            return True
    return False


def _items_words(branch) -> list[set[str]]:
    """The content words of each item of a branch: its points, and each quotation with what it shows."""
    texts = [p.text for p in branch.walk()] + [f"{q.quote} {q.shows}" for q in branch.quotes]
    return [set(content_words(t.lower())) for t in texts]


def _leans_elsewhere(quote: Quotation, own, others) -> bool:
    """True when the quotation or its reading uses a word another theme's notes use far more than its own.

    'I dreamt of them last night' filed under guilt, read as 'feels guilty about dreaming of the witches',
    leans towards the supernatural, where the witches are all through the notes: it could fit both.
    """
    words = set(content_words(f"{quote.quote} {quote.shows}".lower()))
    mine = _items_words(own)
    for other in others:
        theirs = _items_words(other)
        for w in words:
            there = sum(w in item for item in theirs)
            if there >= 2 and there > 2 * sum(w in item for item in mine):
                return True
    return False


def _by_branch(topic: Topic, kind: str, quotes: list[Quotation]) -> dict[str, list[Quotation]]:
    branches = [b for b in topic.themes if b.kind == kind]
    titles = [b.title for b in branches]
    owners: dict[str, set[str]] = {}
    for q in topic.all_quotations():
        owners.setdefault(normalise(q.quote), set()).add(q.branch_id)
    groups: dict[str, list[Quotation]] = {}
    for q in quotes:
        branch = next((b for b in branches if b.id == q.branch_id), None)
        if branch is None or len(owners[normalise(q.quote)]) > 1:
            continue
        if kind == "character":
            if any(names_in(q.quote, t) for t in titles):
                continue
            if q.speaker and any(names_in(q.speaker, t) for t in titles if t != branch.title):
                continue
        elif any(mentions(q.quote, t) for t in titles) or _leans_elsewhere(q, branch, [b for b in branches if b is not branch]):
            continue
        groups.setdefault(branch.id, []).append(q)
    return groups


def _by_speaker(topic: Topic, quotes: list[Quotation]) -> dict[str, list[Quotation]]:
    speakers = sorted({q.speaker for q in quotes if q.speaker}, key=[q.speaker for q in quotes].index)
    groups: dict[str, list[Quotation]] = {}
    for q in quotes:
        if q.speaker and not any(names_in(q.quote, s) for s in speakers):
            groups.setdefault(q.speaker, []).append(q)
    return groups


def _groups(topic: Topic, quotes: list[Quotation], unspoken: list[Quotation]) -> tuple[str, list[str], dict[str, list[Quotation]]]:
    """(what the groups are, their titles in the notes' order, their quotations), the fullest kind first.

    ``unspoken``: the quotations whose speaker no other question shows or asks for; matching to a
    character or a speaker would show it.
    """
    options = []
    for kind, pool in (("theme", quotes), ("character", unspoken)):
        groups = _by_branch(topic, kind, pool)
        order = [b.id for b in topic.themes if b.id in groups]
        options.append((kind, [topic.cause(i).title for i in order], {topic.cause(i).title: groups[i] for i in order}))
    speakers = _by_speaker(topic, unspoken)
    options.append(("speaker", list(speakers), speakers))
    usable_options = [o for o in options if len(o[1]) >= 2]
    if not usable_options:
        return options[0]
    return max(usable_options, key=lambda o: (len(o[1]) if o[0] != "speaker" else 0, sum(map(len, o[2].values()))))


WORDING = {
    "theme": ("Theme", "Each quotation, A to {last}, shows one of the themes numbered 1 to {n}. Write the number of "
                       "the theme in the box next to each quotation. A theme may be used more than once."),
    "character": ("Character", "Each quotation, A to {last}, is spoken by one of the characters numbered 1 to {n} or "
                               "tells us about them. Write the number of the character in the box next to each "
                               "quotation. A character may be used more than once."),
    "speaker": ("Character", "Each quotation, A to {last}, is spoken by one of the characters numbered 1 to {n}. Write "
                             "the number of the character in the box next to each quotation. A character may be "
                             "used more than once."),
}


class MatchQuotes:
    name = "match-quotes"
    title = "Match the quotations"
    summary = "Quotations to match to the theme or character they belong to; each fits exactly one."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        kind, titles, groups = _groups(topic, usable(topic, options.hidden, options.exclude),
                                       usable(topic, options.hidden, options.exclude, asks_speaker=True))
        if len(titles) < 2:
            raise NotEnoughMaterial(
                f"{topic.source}: matching quotations needs at least two themes or characters (or speakers), each "
                "with a quotation that belongs to it alone and does not name a character or theme")
        if len(titles) > MAX_GROUPS:
            titles = sorted(rng.sample(titles, MAX_GROUPS), key=titles.index)
        # Shuffled, then quotations no other question prints put last, so pop() takes them first, and of
        # those the ones the seed before did not match: seed 2 matches other quotations while there are some.
        pools = {t: sorted(rng.sample(groups[t], len(groups[t])),
                           key=lambda q: (quote_source(q) not in options.exclude,
                                          not any(staleness(quote_source(q), options.previous, self.name))))
                 for t in titles}
        # Every group one quotation, then a second each, ...: no group more than twice another's share plus
        # one, and two groups two each (3:1 is a guess at the odd one out).
        piles = [pools[t][::-1] for t in titles]
        piles = [p[:2 * min(map(len, piles)) + 1] for p in piles]
        count = max(min(options.count or len(titles) + 2, MAX_QUOTES), len(titles))
        turn = list(range(len(piles)))
        rng.shuffle(turn)  # which groups get a second quotation when not all can
        chosen = [(q, turn[i]) for q, i in even_split([piles[j] for j in turn], count)]
        if len(chosen) < MIN_QUOTES or not balanced([sum(1 for _, i in chosen if i == j) for j in range(len(titles))]):
            raise NotEnoughMaterial(
                f"{topic.source}: matching quotations needs at least {MIN_QUOTES} quotations that belong to one "
                "theme or character each and that no other question on this paper prints, two of each where there "
                "are two themes or characters")
        rng.shuffle(chosen)
        label, wording = WORDING[kind]
        body = Match(causes=tuple(titles), examples=tuple(printed(q) for q, _ in chosen), key=tuple(i for _, i in chosen),
                     example_ids=tuple(q.id for q, _ in chosen), left_label=label, right_label="Quotation")
        letters = string.ascii_uppercase
        question = Question(
            id="match-quotes:" + ",".join(body.example_ids), strategy=self.name,
            prompt=wording.format(last=letters[len(chosen) - 1], n=len(titles)),
            marks=len(chosen), body=body,
            answer=", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key)),
            guidance=(f"1 mark for each quotation matched to the right {label.lower()} (up to {len(chosen)}).",),
            sources=tuple(s for q, _ in chosen for s in (quote_source(q), *((speaker_source(q),) if kind != "theme" else ()))),
        )
        what = {"theme": "theme it shows", "character": "character it belongs to", "speaker": "character who says it"}[kind]
        return Section(self.name, self.title, f"Match each quotation to the {what}.", (question,))


STRATEGY = MatchQuotes()
