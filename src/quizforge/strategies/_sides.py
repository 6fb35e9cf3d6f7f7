"""Two branches that argue the two sides of one question: 'Arguments for God' / 'Arguments against God',
'Advantages of nuclear power' / 'Disadvantages of nuclear power', 'Strengths of X' / 'Weaknesses of X'.

Religious Studies and Ethics notes are often written this way; they call for "Explain two ..." and
"Evaluate this statement" questions, with the other side as the counter-argument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cause, Topic
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

    def title(self, side: Cause) -> str:
        """'arguments for God', 'disadvantages of nuclear power': the side's own title in running text."""
        text = side.title.strip().rstrip(".")
        return text[0].lower() + text[1:]


def _match(pattern: str, title: str) -> re.Match[str] | None:
    return re.fullmatch(pattern, title.strip().rstrip(".").strip(), re.I)


def find(topic: Topic) -> Sides | None:
    """The first pair of branches that argue the two sides of one subject, each with enough to credit."""
    groups = [g for g in topic.groups if len(marking_points(g)) >= MIN_POINTS]
    for pro_pattern, con_pattern in PAIRS:
        for pro in groups:
            m = _match(pro_pattern, pro.title)
            if not m:
                continue
            for con in groups:
                n = _match(con_pattern, con.title)
                if n and con is not pro and normalise(n.group(2)) == normalise(m.group(2)):
                    return Sides(m.group(2).strip(), pro, con, m.group(1).lower(), n.group(1).lower())
    return None
