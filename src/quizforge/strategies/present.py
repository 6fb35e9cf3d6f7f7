"""Exam-style "How does <author> present <theme or character> in <text>?", marked by levels built from
assessment objectives (a ``present`` profile: AO1 knowledge and evidence, AO2 methods, AO3 context, and
AO4 spelling, punctuation and grammar only where the profile gives it marks).

The indicative content is the branch's own points and its quotations with what they show, each a full
sentence, labelled with the objective it mostly shows, then context from elsewhere in the notes that names
the focus, and the branch's other quotations as lines to look for. A branch needs at least three points
or explained quotations of its own.
"""

from __future__ import annotations

import random
import re

from .. import quality
from ..errors import NotEnoughMaterial
from ..model import Cause, Extended, Question, Quotation, Section, Topic
from ..quality.words import lemma
from ..quoteslips import slips
from ._exam import profile_for, set_text_author, subject_skills
from ._gates import in_turns
from ._quotes import (NAME_FILLERS, curly, distinctive, focus_phrase, mid_sentence, name_slip, names_in, printed,
                      reading, word_count)
from ._text import STOP_WORDS, end_sentence, normalise, stands_alone
from .base import Options

DEFAULT_PROFILE = "present-30"
MIN_ITEMS = 3
LITERARY = ("literature", "english", "drama")
# Words that mark a point as being about the writer's methods (AO2) or about context (AO3).
METHODS = re.compile(r"\b(rhym\w*|iambic|pentameter|verse|prose|metaphor\w*|simile\w*|imager\w*|symbol\w*|iron\w*|"
                     r"foreshadow\w*|oxymoron\w*|echo\w*|language|structure\w*|dialogue|dialect|repeat\w*|repetition|"
                     r"contrast\w*|personif\w*|soliloqu\w*|alliterat\w*|dramatic|stage directions?|descri\w+|"
                     r"narrat\w*|tone|form)\b", re.IGNORECASE)
CONTEXT = re.compile(r"\b(jacobean|elizabethan|king james|at the time|people then|then believed|"
                     r"\d{2,4}s|depression|context|society|century|historical|migrant\w*|american dream|religio\w*)\b",
                     re.IGNORECASE)


def text_name(topic: Topic) -> str:
    """The literary text the notes are about: 'Macbeth: themes and quotations' -> 'Macbeth';
    'Macbeth by William Shakespeare' -> 'Macbeth'."""
    title = re.split(r"\s*(?::|\u2013|\u2014| - )\s*", topic.title.strip(), maxsplit=1)[0]
    title = BY_AUTHOR.sub("", title).strip() or title
    tail = r"(key\s+)?(themes?|characters?|quotes|quotations|revision|notes)"
    return re.sub(rf"(\s+{tail}((\s+(and|&))?\s+{tail})*)+\s*$", "", title, flags=re.IGNORECASE) or title


# 'Macbeth by William Shakespeare', 'English Literature: Of Mice and Men by John Steinbeck'
BY_AUTHOR = re.compile(r"\bby\s+((?:[A-Z][\w.\u2019'-]*\s+)*?(?:[A-Z][\w\u2019'-]+))\s*(?:$|[,;:()\u2013\u2014-])")


def writer(topic: Topic) -> str:
    """Who the question says wrote the text, as exam papers name them ('How does Shakespeare present ...'):
    the surname from a 'by <Author>' in the notes' title, course or subject, else the author the subject
    profile lists for the text, else 'the writer'."""
    for field in (topic.title, topic.course or "", topic.subject):
        m = BY_AUTHOR.search(field.strip())
        if m:
            return m[1].split()[-1]
    return set_text_author(topic, text_name(topic)) or "the writer"


def objectives(text: str) -> str:
    found = [ao for ao, pattern in (("AO2", METHODS), ("AO3", CONTEXT)) if pattern.search(text)]
    return ", ".join(found) if found else "AO1"


def quote_point(quotes: list[Quotation], topic: Topic) -> str:
    """'‘Out, out damned spot’ (Lady Macbeth) shows ...'; quotations with the same reading in one sentence."""
    speakers = {q.speaker.strip() for q in quotes}
    words = [printed(q) + (f" ({mid_sentence(q.speaker)})" if q.speaker.strip() and len(speakers) > 1 else "")
             for q in quotes]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    who = f" ({mid_sentence(quotes[0].speaker)})" if len(speakers) == 1 and quotes[0].speaker.strip() else ""
    said = reading(quotes[0], topic)
    if len(quotes) > 1:
        said = "show" + said.removeprefix("shows")
    return end_sentence(f"{listed}{who} {said}")


def indicative(branch: Cause, topic: Topic) -> tuple[str, ...]:
    """Explained points: the branch's sentences, its quotations that say what they show and context from
    elsewhere that names the focus; then the branch's other quotations, as evidence to look for."""
    readings: dict[str, list[Quotation]] = {}
    for q in _explained(branch, topic):
        # Quotations share a point only when their reading says 'shows ...' (one verb fits them all).
        key = normalise(q.shows) if reading(q, topic).startswith("shows ") else q.id
        readings.setdefault(key, []).append(q)
    items = [(text, ()) for text in _point_texts(branch, topic)]
    items += [(quote_point(group, topic), tuple(q.id for q in group)) for group in readings.values()]
    items += [(text, ()) for text in context_lines(branch, topic)]
    # A heading, fragment or typo is never indicative content; the writer's own words are not checked.
    kept, _ = quality.screen(items, role="statement", text=lambda item: _unquoted(item[0]))
    more = other_quotations(branch, topic, {i for _, ids in kept for i in ids})
    return tuple(f"{text} ({objectives(text)})" for text, _ in kept) + ((f"{more} (AO1)",) if more else ())


MAX_OTHERS = 4
OTHER_WORDS = 12  # longer quotations are a passage, not a reference to look for


def other_quotations(branch: Cause, topic: Topic, explained: set[str]) -> str:
    """'Other apt quotations include ‘Out, out damned spot’ and ‘Macbeth doth murder sleep’.': the branch's
    quotations the content above does not explain (the notes give no reading that makes a sentence), so
    a marker knows the key lines to look for ("the obvious points are missing: ... 'murder sleep'")."""
    seen: set[str] = set()
    quotes = []
    for q in (*branch.quotes, *(q for q in topic.quotations if q.branch_id == branch.id)):
        key = normalise(q.quote)
        if q.id in explained or key in seen or not distinctive(q) or slips(q.quote) or word_count(q.quote) > OTHER_WORDS:
            continue
        seen.add(key)
        quotes.append(q)
    # the shortest first: the lines students learn and quote; printed in the notes' order
    short = set(map(id, sorted(quotes, key=lambda q: word_count(q.quote))[:MAX_OTHERS]))
    quotes = [printed(q) for q in quotes if id(q) in short]
    if not quotes:
        return ""
    if len(quotes) == 1:
        return f"Another apt quotation is {quotes[0]}."
    return f"Other apt quotations include {', '.join(quotes[:-1])} and {quotes[-1]}."


CONTEXT_BRANCH = re.compile(r"\b(context|background)\b", re.IGNORECASE)


def is_context(branch: Cause) -> bool:
    """A branch of background ('Context', 'Historical background'): its lines are AO3 for an essay, never its focus."""
    return bool(CONTEXT_BRANCH.search(branch.title))


def context_lines(branch: Cause, topic: Topic) -> list[str]:
    """AO3 from elsewhere in the notes: the points of a context branch, and the context points of other
    branches, that name the focus ('Audiences at the time feared ambition' for an essay on ambition; a
    character by their whole name). One that does not ('people then believed in witches' beside an essay
    on guilt) is left out."""
    focus = {lemma(w) for w in re.findall(r"[\w’']+", branch.title.lower()) if w not in STOP_WORDS}
    out = []
    for other in topic.groups:
        if other is branch:
            continue
        for text in _point_texts(other, topic):
            if not (is_context(other) or CONTEXT.search(text)):
                continue
            found = focus & {lemma(w) for w in re.findall(r"[\w’']+", text.lower())}
            if found and (found == focus or branch.kind != "character"):
                out.append(text)
    return out


def _point_texts(branch: Cause, topic: Topic) -> list[str]:
    """The branch's points as sentences that read on their own, with no name missing its apostrophe."""
    return [curly(end_sentence(p.text)) for p in branch.walk()
            if stands_alone(p.text) and len(p.text.split()) >= 4 and not name_slip(p.text, topic)]


def _explained(branch: Cause, topic: Topic) -> list[Quotation]:
    """The branch's quotations whose reading makes a sentence, in words the notes did not mistype; for a
    character, only readings about them ('Slim means Lennie would never survive', filed under George, is
    no point for an essay on George)."""
    quotes = (*branch.quotes, *(q for q in topic.quotations if q.branch_id == branch.id))
    return [q for q in quotes if reading(q, topic) and not slips(q.quote)
            and (branch.kind != "character" or _about(reading(q, topic), branch.title))]


def _about(text: str, name: str) -> bool:
    """Does the text name the character: 'George Milton' by either name (``names_in``), a titled name
    only in full ('Macbeth' alone is another character than 'Lady Macbeth')?"""
    first = name.strip().split(" ", 1)[0].lower()
    if first in NAME_FILLERS:
        return bool(re.search(rf"\b{re.escape(name.strip())}\b", text))
    return names_in(text, name)


def _unquoted(text: str) -> str:
    """The sentence with each quotation in it replaced by "The line", for the quality gates."""
    return re.sub(r"\u2018[^\u2018]*?\u2019(?=[\s,.;:)]|$)", "The line", text)


def _items(branch: Cause, topic: Topic) -> int:
    """Points and explained quotations a branch holds that pass the quality gates (before readings are joined)."""
    texts = _point_texts(branch, topic)
    texts += [quote_point([q], topic) for q in _explained(branch, topic)]
    return len(quality.screen(texts, role="statement", text=_unquoted)[0])


def write_about(branch: Cause, topic: Topic) -> tuple[str, ...]:
    uses = f"{writer(topic)} uses"
    if branch.kind == "character":
        name = branch.title.strip()
        return (f"what {name} says and does, and how other characters respond to {name}",
                f"the methods {uses} to present {name}",
                f"how the context in which the text was written affects the way {name} is presented")
    focus = focus_phrase(branch, topic)
    return (f"how {focus} is shown through what the characters say and do",
            f"the methods {uses} to present {focus}",
            f"how the context in which the text was written affects the way {focus} is presented")


class Present:
    name = "present"
    title = "Extended response (exam style)"
    summary = ("A 30-mark 'How does the writer present <theme/character>?' marked by levels built from AO1-AO3 "
               "(AO4 where the profile gives it), with the notes' points and quotations as indicative content.")

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        profile = profile_for(options, DEFAULT_PROFILE, "present")
        subject = topic.subject.casefold()
        if subject and not any(word in subject for word in LITERARY):
            raise NotEnoughMaterial(
                f"{topic.source}: 'how does the writer present' is a literature question, and these notes are "
                f"{topic.subject}")
        branches = [b for b in topic.themes if not is_context(b) and _items(b, topic) >= MIN_ITEMS]
        if not branches:
            raise NotEnoughMaterial(
                f"{topic.source}: 'how does the writer present' needs a theme or character with at least "
                f"{MIN_ITEMS} points or quotations that say what they show")
        # taken in turns by the paper's seed: seed 2 writes on another theme or character while there is one
        branch = in_turns(branches, 1, options.seed, "present", key=lambda b: b.id)[0]
        focus = branch.title.strip() if branch.kind == "character" else focus_phrase(branch, topic)
        body = Extended(
            lines=profile.lines, indicative=indicative(branch, topic), levels=profile.levels,
            cause_id=branch.id, stimulus=write_about(branch, topic), spag=profile.spag, rules=profile.rules,
            skills=subject_skills(topic, "present"),
            starters=profile.starters if options.starters else (),
        )
        question = Question(
            id=f"present:{profile.name}:{branch.id}", strategy=self.name,
            prompt=f"How does {writer(topic)} present {focus} in {text_name(topic)}?\nWrite about:",
            marks=profile.marks + profile.spag_marks, body=body,
            answer=f"An analysis of how {writer(topic)} presents {focus}, backed by quotations, with comment on "
                   "methods and context.",
            guidance=profile.guidance, cause_id=branch.id,
        )
        instructions = ("Answer in full sentences. Use quotations and references to the text to support your "
                        "ideas. Plan your answer before you start.")
        return Section(self.name, self.title, instructions, (question,))


STRATEGY = Present()
