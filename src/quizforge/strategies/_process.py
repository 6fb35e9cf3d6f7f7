"""What the process strategies share: the ordered stages, how to name a stage in a sentence, usable points."""

from __future__ import annotations

import re

from ..errors import NotEnoughMaterial
from ..model import Cause, Point, Topic
from ._text import STOP_WORDS, end_sentence, find_phrase, normalise, stands_alone

MIN_STAGES = 3
NUMBER_WORDS = ("two", "three", "four", "five", "six")


LOOP = re.compile(r"\b(repeats?|back to (the )?(first|start|beginning)|starts? again|begins? again)\b", re.IGNORECASE)


def loops_back(stage: Cause) -> bool:
    """A last stage that only sends the process round again ('Repeat': 'The cycle goes back to the first step')."""
    return all(LOOP.search(p.text) for p in stage.points) or bool(LOOP.fullmatch(stage.title.strip()))


NUMBERED = re.compile(r"^\s*((step|stage|phase|part)\s*)?\d+\s*[.):]?\s*$", re.IGNORECASE)


def numbered(stage: Cause) -> bool:
    """A title that only numbers the stage ('Step 3'): asking for it tests the list, not the process."""
    return bool(NUMBERED.match(stage.title))


def stages(topic: Topic, need: int, what: str, named: bool = True) -> tuple[Cause, ...]:
    """The stages in order, each with a distinct title, or NotEnoughMaterial saying what is missing.

    A last stage that only says "go back to the start" is left out: asking what comes after the
    step before it, or putting it last, tests nothing.
    """
    found = topic.stages
    if len(found) > 1 and loops_back(found[-1]):
        found = found[:-1]
    titles = [normalise(s.title) for s in found]
    if len(found) < need or len(set(titles)) != len(titles):
        raise NotEnoughMaterial(
            f"{topic.source}: {what} needs at least {need} 'stages', in order, with different titles "
            f"(found {len(found)})")
    if named and any(numbered(s) for s in found):
        raise NotEnoughMaterial(
            f"{topic.source}: {what} needs stages with names; some are only numbered "
            f"('{next(s.title for s in found if numbered(s))}'): give each stage a name as its title")
    return found


def process_name(topic: Topic) -> str:
    """'mitosis', 'the fetch-decode-execute cycle'; the title when the notes do not name the process."""
    return topic.process.strip() or topic.title.strip()


def of_process(topic: Topic, noun: str) -> str:
    """' of the fetch-decode-execute cycle' after 'steps'; nothing after named stages. Notes often list a named
    stage beside a process that is not part of it (interphase with the stages of mitosis), and 'Which stage of
    mitosis ...' would then call it one; the paper's title names the process anyway."""
    return f" of {process_name(topic)}" if noun == "step" else ""


def unit(found: tuple[Cause, ...]) -> str:
    """'stage' when the titles name the stages (Prophase), 'step' when they say what is done (Increase the PC)."""
    return "stage" if all(is_name(s.title) for s in found) else "step"


def stage_phrase(stage: Cause, noun: str = "stage") -> str:
    """How a sentence names a stage: 'prophase', 'the fetch stage', 'the ‘Decode and execute’ step'."""
    title = stage.title.strip()
    words = title.split()
    if len(words) == 1 and title.lower().endswith("phase"):
        return title.lower() if title[1:].islower() else title
    if re.search(r"\b(stage|step|phase)$", title, re.IGNORECASE):
        return "the " + (title.lower() if title[1:].islower() or " " in title else title)
    if len(words) == 1:
        return f"the {title.lower() if title[1:].islower() else title} {noun}"
    return f"the \u2018{title}\u2019 {noun}"


def is_name(title: str) -> bool:
    """A stage title that names the stage ('Prophase', 'Fetch') rather than describing it."""
    return len(title.split()) <= 2 and not NUMBERED.match(title)


# A line that says how something stays ('The nuclear membrane is intact.', 'The DNA remains coiled.') describes
# no change: it answers no 'what happens', earns no mark for one, and the same state often holds in the stage
# before, so as a clue it picks out no one stage. Only a line that is that one clause counts ('..., then ...' or
# '... while ...' says something happens too).
_STATE = re.compile(
    r"^[^,;]*?\b(?:(?:is|are|was|were)\s+(?:still\s+|not\s+yet\s+|all\s+)?(?:intact|unchanged|visible|present|"
    r"whole|unaffected|undivided|complete|in place|the same|there|inside|absent|not visible|not yet \w+)\b|"
    r"(?:remains?|stays?|still)\b)", re.I)
_ANOTHER_CLAUSE = re.compile(r"[,;]|\b(?:while|whilst|but|then|until|before|after|as|so|when)\b", re.I)


def describes_no_change(text: str) -> bool:
    """True for a stative line ('Nuclear membrane and nucleolus are intact.'): nothing happens in it."""
    found = _STATE.match(text.strip())
    return bool(found) and not _ANOTHER_CLAUSE.search(text.strip())


def sentence_points(stage: Cause, avoid: frozenset[str] = frozenset()) -> list[Point]:
    """The stage's own points that are whole sentences, read on their own and say what happens (nested detail
    and stative lines left out)."""
    out = []
    for point in stage.points:
        text = point.text.strip()
        # a point with points under it frames them ("If ..., extra steps are taken"): not a fact to credit
        if point.id in avoid or point.points or not stands_alone(text) or len(text.split()) < 3:
            continue
        if describes_no_change(text):
            continue
        out.append(point)
    return out


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS and len(w) >= 3}


def names_stage(text: str, stage: Cause) -> bool:
    """Does the text name the stage, or a word of its title, or a form of one ('copied' for 'Copy')?"""
    if find_phrase(text, stage.title):
        return True
    words = content_words(text)
    for word in content_words(stage.title):
        stem = word[:5] if len(word) > 5 else word.rstrip("y")
        if any(w.startswith(stem) for w in words):
            return True
    return False


def printed(text: str) -> str:
    return end_sentence(" ".join(text.split()))


# Words in a step that tell where it comes in the order, which an ordering question must not print:
# 'is next copied', 'is then increased', ', again,' are taken out; a step that names its place ('goes back
# to step 1', 'Finally, ...', 'the cycle repeats') cannot be asked in order at all.
_ORDER_ADVERB = re.compile(r"\b(is|are|was|were|gets|get|can be|will be)\s+(?:then|next|now)\s+", re.I)
_LEADING = re.compile(r"^(?:then|next|after this|after that|afterwards|now)\s*,?\s+", re.I)
_AGAIN = re.compile(r",\s*again\s*,", re.I)
_PLACE = re.compile(r"\b(?:(?:step|stage)\s+\d+|back to the (?:start|beginning)|back to step|starts? again|begins? again|"
                    r"repeats?|repeated|^first(?:ly)?|firstly|first step|finally|lastly|last step|final step|"
                    r"to begin with)\b", re.I)


def without_order_words(text: str) -> str:
    """'The MDR is next copied into the CIR.' -> 'The MDR is copied into the CIR.'; 'Then, the ...' ->
    'The ...'; 'so that, again, it points ...' -> 'so that it points ...'."""
    out = _ORDER_ADVERB.sub(lambda m: m.group(1) + " ", text)
    out = _AGAIN.sub("", out)
    lead = _LEADING.match(out)
    if lead:
        out = out[lead.end():]
        out = out[:1].upper() + out[1:]
    return " ".join(out.split())


def tells_its_place(text: str) -> bool:
    """True for a step that names where it comes: 'The cycle goes back to step 1.', 'Finally, ...'."""
    return bool(_PLACE.search(text))
