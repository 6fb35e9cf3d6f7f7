"""Who says this, and what does it show? A quotation with a known speaker and a known interpretation.

1 mark for the speaker and 1-2 for what the words show (1 for a line too short to pick a phrase out of).
The mark scheme gives the notes' reading and lets the marker credit any other reasonable one. Only quotations whose words do not name their speaker
are used, and the prompt never names the speaker either.
"""

from __future__ import annotations

import random

from .. import quality
from ..errors import NotEnoughMaterial
from ..model import Question, Quotation, Section, ShortAnswer, Topic
from ._quotes import (branch_of, focus_phrase, names_in, printed, quote_source, reading, speaker_forms,
                      speaker_source, usable, word_count)
from ._text import end_sentence, normalise
from ._timeline import staleness
from .base import Options

DEFAULT_COUNT = 3
LINES = 4


def askable(quote: Quotation, topic: Topic) -> bool:
    """A speaker and a reading to mark against, and nothing printed beside the words that names the speaker."""
    if not quote.speaker.strip() or not quote.shows.strip():
        return False
    if any(names_in(quote.quote, form) for form in speaker_forms(quote, topic)):
        return False
    branch = branch_of(topic, quote)
    if branch and branch.kind == "theme" and names_in(branch.title, quote.speaker):
        return False
    # The mark scheme prints the reading as a sentence: a fragment or a misspelling is not a model answer.
    said = reading(quote, topic)
    return bool(said) and quality.ok(end_sentence(f"The quotation {said}"), role="statement")


EXPLAINABLE_WORDS = 6


def who_says_question(quote: Quotation, topic: Topic, tier: str) -> Question:
    branch = branch_of(topic, quote)
    theme = branch is not None and branch.kind == "theme"
    about = f" about {focus_phrase(branch, topic)}" if theme else ""
    # Five words ('That ain't no good, George') hold no word or phrase to pick out and explain: 1 mark.
    shows_marks = 1 if tier == "support" or word_count(quote.quote) < EXPLAINABLE_WORDS else 2
    forms = speaker_forms(quote, topic)
    said = reading(quote, topic)
    sentence = "It " + said
    point = said.removeprefix("shows ") if said.startswith("shows ") else sentence
    also = f" Also accept: {'; '.join(forms[1:])}." if len(forms) > 1 else ""
    link = f"links these words to {focus_phrase(branch, topic)}" if theme else "says what these words show about a character"
    shows_rule = ("1 mark for a relevant point about what the words show." if shows_marks == 1 else
                  "Up to 2 marks for what it shows: 1 for a relevant point; 2 for a point that is explained, "
                  "for example by picking out a word or phrase from the quotation.")
    body = ShortAnswer(
        answer=f"{quote.speaker}. {end_sentence(sentence)}", accept=(), lines=LINES,
        points=(f"The speaker (1 mark): {end_sentence(quote.speaker)}",
                f"What it shows ({shows_marks} mark{'s' if shows_marks > 1 else ''}): {end_sentence(point)}"),
    )
    return Question(
        id=f"who-says:{quote.id}", strategy="who-says",
        prompt=f"Who says this, and what does it show{about}?\n{printed(quote)}",
        marks=1 + shows_marks, body=body, answer=body.answer,
        guidance=(f"1 mark for naming the speaker.{also}", shows_rule,
                  f"Allow any other reasonable interpretation that {link} and is supported by them.",
                  "Do not give a mark for what it shows to an answer that only repeats the quotation in other words."),
        cause_id=quote.branch_id or None, sources=(quote_source(quote), speaker_source(quote)),
    )


class WhoSays:
    name = "who-says"
    title = "Who says this?"
    summary = "A quotation from the notes: name the speaker (1 mark) and say what it shows (1-2 marks)."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        quotes = [q for q in usable(topic, options.hidden, options.exclude, asks_speaker=True) if askable(q, topic)]
        if not quotes:
            filed = sum(1 for q in topic.all_quotations() if q.character and not q.speaker)
            hint = (f"; {filed} quotation(s) are only filed under a character (character:), which does not say who "
                    "speaks them: add speaker: where you know it") if filed else ""
            raise NotEnoughMaterial(
                f"{topic.source}: 'who says this' needs quotations with a speaker (not named in the words) and "
                f"what they show, that no other question on this paper prints{hint}")
        count = min(options.count or DEFAULT_COUNT, len(quotes))
        chosen = _spread(quotes, count, rng, options.exclude, options.previous)
        questions = tuple(who_says_question(q, topic, options.tier) for q in chosen)
        instructions = ("For each quotation, say who says it and explain what it shows." if len(questions) > 1
                        else "Say who says the quotation and explain what it shows.")
        return Section(self.name, self.title, instructions, questions)


def _spread(quotes: list[Quotation], count: int, rng: random.Random, exclude: frozenset[str],
            previous: frozenset[str] = frozenset()) -> list[Quotation]:
    """``count`` quotations spread over the themes, with different speakers and readings, in the notes' order.

    Quotations no other question prints are taken first, and of those the ones the seed before did not
    ask about (seed 2 asks about other words while the notes have them).
    """
    pool = quotes[:]
    rng.shuffle(pool)
    pool.sort(key=lambda q: (quote_source(q) in exclude, *staleness(quote_source(q), previous, "who-says")))
    chosen: list[Quotation] = []
    while len(chosen) < count:
        said = {normalise(q.speaker) for q in chosen}
        read = {normalise(q.shows) for q in chosen}
        counts = {b: sum(q.branch_id == b for q in chosen) for b in {q.branch_id for q in pool}}
        fewest = min(counts.values())
        new_reading = [q for q in pool if normalise(q.shows) not in read] or pool
        new_speaker = [q for q in new_reading if normalise(q.speaker) not in said] or new_reading
        fresh = [q for q in new_speaker if counts[q.branch_id] == fewest] or new_speaker
        pool.remove(fresh[0])
        chosen.append(fresh[0])
    return sorted(chosen, key=quotes.index)


STRATEGY = WhoSays()
