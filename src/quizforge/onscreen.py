"""Questions as a student reads them on a screen (self-test page, practice, LMS exports).

The paper says "circle the letter" and "write the number in the box"; on a
screen the student picks from options and menus instead.
"""

from __future__ import annotations

import re

from .model import Match, Question, Section, Sequence

_PAPER_WORDS = (
    (re.compile(r"\bcircle\b", re.IGNORECASE), lambda m: "Choose" if m.group(0)[0].isupper() else "choose"),
    (re.compile(r" If it is false, write the correct version underneath\."), lambda m: " If it is false, think what the true version is."),
    (re.compile(r"Write your answer in the spaces provided\. ?"), lambda m: ""),
)


def online_prompt(q: Question) -> str:
    """The prompt for a screen: matching and ordering questions are answered with menus."""
    body = q.body
    if isinstance(body, Match):
        left, right = body.left_label.lower(), body.right_label.lower()
        if left == "cause":  # the original shape: examples support causes
            return f"Match each {right} to the {left} it supports. A {left} may be used more than once."
        again = f" {'An' if left[:1] in 'aeiou' else 'A'} {left} may be used more than once." \
            if len(set(body.key)) < len(body.key) else ""
        return f"Match each {right} to its {left}.{again}"
    if isinstance(body, Sequence):
        return f"{q.prompt} Choose each item's place in the order."
    return _unprint(q.prompt)


def online_instructions(section: Section) -> str:
    return _unprint(section.instructions)


def _unprint(text: str) -> str:
    for pattern, replace in _PAPER_WORDS:
        text = pattern.sub(replace, text)
    return text
