"""Two branches that argue the two sides of one question: 'Arguments for God' / 'Arguments against God',
'Advantages of nuclear power' / 'Disadvantages of nuclear power', 'Strengths of X' / 'Weaknesses of X'.

Religious Studies and Ethics notes are often written this way; they call for "Explain two ..." and
"Evaluate this statement" questions, with the other side as the counter-argument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Cause, Topic
from ..quality import fit
from ._marking import marking_points
from ._text import normalise

# (the pattern of the 'for' title, of the 'against' title); group 1 is the word for the points, 2 the subject.
PAIRS = (
    (r"(arguments|reasons|evidence|views) for (?:the )?(.+)", r"(arguments|reasons|evidence|views) against (?:the )?(.+)"),
    (r"(advantages) of (.+)", r"(disadvantages) of (.+)"),
    (r"(strengths) of (.+)", r"(weaknesses) of (.+)"),
    (r"(benefits) of (.+)", r"(drawbacks|costs|problems) of (.+)"),
)
MIN_POINTS = 3  # two reasons to explain and one more, so the mark scheme is no list of the only answers


@dataclass(frozen=True)
class Sides:
    subject: str  # 'God', 'nuclear power': as the notes' titles write it
    pro: Cause
    con: Cause
    pro_noun: str  # 'arguments', 'advantages'
    con_noun: str  # 'arguments', 'disadvantages'
    wording: str = ""  # 'the existence of God': how the notes' own titles name what is argued about

    def points(self, side: Cause) -> tuple[str, ...]:
        """The side's explained points for a mark scheme, its shorthand written out (``written_out``)."""
        return side_points(side, self.subject)

    def title(self, side: Cause) -> str:
        """'arguments for the existence of God', 'disadvantages of nuclear power': the side's own title in
        running text, naming the subject as the notes' enquiry or title words it."""
        text = side.title.strip().rstrip(".")
        text = text[0].lower() + text[1:]
        if self.wording:
            noun = self.pro_noun if side is self.pro else self.con_noun
            for pattern in (p for pair in PAIRS for p in pair):
                m = _match(pattern, text)
                if m and m.group(1).lower() == noun:
                    return f"{text[:m.start(2)].removesuffix('the ')}{self.wording}"
        return text


# 'Must be a creator ...', 'Must have been a first cause ...': the existential shorthand of notes.
EXISTENTIAL = re.compile(r"^(must|can't|cannot|could|might|may|would)\s+(be|have been)\b", re.I)
# 'If he exists ...' under 'Arguments against God': the pronoun is the subject the side argues about.
CLAUSE_PRONOUN = re.compile(r"^(if|when|although|though|because|since|unless)\s+(he|she|it)\b", re.I)


def written_out(text: str, subject: str) -> str:
    """A side's point as a sentence of its own: 'Must be a creator, ...' -> 'There must be a creator, ...';
    'If he exists why ...' -> 'If God exists why ...' when the subject is a name ('God', 'Allah')."""
    text = text.strip()
    if EXISTENTIAL.match(text):
        return "There " + text[0].lower() + text[1:]
    m = CLAUSE_PRONOUN.match(text)
    if m and subject[:1].isupper() and len(subject.split()) == 1:
        return f"{m.group(1)} {subject}{text[m.end():]}"
    return text


def side_points(side: Cause, subject: str) -> tuple[str, ...]:
    """The side's points for a mark scheme. A line of doubt filed under the 'for' side ("Can't prove there is
    a God, can't prove there isn't either") argues for neither side, so it is not credited as an argument for."""
    kept = [p for p in side.points if not (fit.side(side.title) == "for" and fit.doubts(p.text))]
    points = tuple(replace(p, text=written_out(p.text, subject)) if not p.points else p for p in kept)
    return marking_points(replace(side, points=points))


def _match(pattern: str, title: str) -> re.Match[str] | None:
    return re.fullmatch(pattern, title.strip().rstrip(".").strip(), re.I)


# Nouns that make 'arguments for the ... of X' a claim one can argue for ('the nature of God' is not one).
CLAIMS = frozenset("""existence reality truth use legalisation legalization abolition banning ban introduction
reintroduction""".split())


def wording(topic: Topic, subject: str, sides: tuple[Cause, Cause]) -> str:
    """'the existence of God' when the notes' title, enquiry question or another branch's title names the
    subject that way ('Existence of God', 'Does God exist? The existence of God'); else ''.

    'Arguments for God' is shorthand a teacher would not print: the arguments are for a claim about God.
    Only a 'for/against' subject that is a bare name or noun is reworded.
    """
    if len(subject.split()) > 2:
        return ""
    texts = [topic.title, topic.question, *(b.title for b in topic.groups if b not in sides)]
    found = re.compile(rf"\b(?:the\s+)?([A-Za-z]+)\s+of\s+(the\s+)?{re.escape(subject)}\b", re.I)
    for text in texts:
        for m in found.finditer(text or ""):
            noun = m.group(1).lower()
            if noun in CLAIMS:
                return f"the {noun} of {(m.group(2) or '').lower()}{subject}"
    return ""


def find(topic: Topic) -> Sides | None:
    """The first pair of branches that argue the two sides of one subject, each with enough to credit."""
    for pro_pattern, con_pattern in PAIRS:
        for pro in topic.groups:
            m = _match(pro_pattern, pro.title)
            if not m or len(side_points(pro, m.group(2).strip())) < MIN_POINTS:
                continue
            for con in topic.groups:
                n = _match(con_pattern, con.title)
                if n and con is not pro and normalise(n.group(2)) == normalise(m.group(2)) \
                        and len(side_points(con, m.group(2).strip())) >= MIN_POINTS:
                    subject = m.group(2).strip()
                    reworded = wording(topic, subject, (pro, con)) if "for" in pro_pattern else ""
                    return Sides(subject, pro, con, m.group(1).lower(), n.group(1).lower(), reworded)
    return _bare(topic)


BARE = (r"(arguments|reasons|evidence|views) for", r"(arguments|reasons|evidence|views) against")


def _bare(topic: Topic) -> Sides | None:
    """'Arguments FOR' / 'Arguments against' under the title 'Euthanasia - is it ever right?': the sides of
    what the title names before its dash or colon (a noun of one or two words), written into each title."""
    head = re.split(r"\s+[-–—:]\s+|:\s*", (topic.title or "").strip(), maxsplit=1)[0].strip()
    if not head or len(head.split()) > 2 or not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", head):
        return None
    subject = head if len(head.split()) > 1 and head.split()[1][:1].isupper() else head[0].lower() + head[1:]
    pro = next((g for g in topic.groups if _match(BARE[0], g.title)), None)
    con = next((g for g in topic.groups if _match(BARE[1], g.title)), None)
    if pro is None or con is None:
        return None
    m, n = _match(BARE[0], pro.title), _match(BARE[1], con.title)
    pro = replace(pro, title=f"{m.group(1).capitalize()} for {subject}")
    con = replace(con, title=f"{n.group(1).capitalize()} against {subject}")
    if len(side_points(pro, subject)) < MIN_POINTS or len(side_points(con, subject)) < MIN_POINTS:
        return None
    return Sides(subject, pro, con, m.group(1).lower(), n.group(1).lower())
