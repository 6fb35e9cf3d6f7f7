"""Add what an import found to an existing notes file (``quizforge import --into``).

Used to add a glossary or a timeline to notes, and to import a map again into
notes the teacher has already edited. New items are inserted as text at the end
of the file's list of their kind (``causes:``, ``themes:``, ..., ``key_terms:``,
``dates:``), or as a new list at the end, so every comment and line the teacher
wrote stays as it was. An item already in the notes is skipped: the same title,
term or date, or text close to one there (a line the teacher corrected). The
result must still load, or nothing is written.
"""

from __future__ import annotations

import difflib

from ..errors import Problem, QuizforgeError, SourceError
from ..load import parse_notes
from ..load.yamltree import MappingNode, ScalarNode, SequenceNode, parse_yaml
from .draft import BRANCH_KEYS, Draft, DraftBranch
from .yamltext import INDENT, _Writer, scalar

FIELDS = {"key_terms": ("term", "definition"), "dates": ("date", "event")}
KIND_OF_KEY = {"causes": "reason", "themes": "theme", "characters": "character", "factors": "factor",
               "stages": "stage", "categories": "category", "cases": "case"}
CLOSE = 0.75  # an edited line is still this alike to the line it was imported from


def merge_records(notes_text: str, label: str, terms, dates, draft: Draft | None = None) -> tuple[str, dict[str, int]]:
    """The notes text with new branches, key terms and dates added, and how many of each were added."""
    topic = parse_notes(notes_text, label)
    known = {
        "key_terms": {t.term.casefold() for t in topic.key_terms},
        "dates": {(d.date.casefold(), d.event.casefold()) for d in topic.dates},
    }
    wanted = {
        "key_terms": [r for r in dict.fromkeys(terms) if r[0].casefold() not in known["key_terms"]],
        "dates": [r for r in dict.fromkeys(dates) if (r[0].casefold(), r[1].casefold()) not in known["dates"]],
    }
    text = notes_text
    added: dict[str, int] = {}
    for key in BRANCH_KEYS:
        new = _new_branches(topic, key, draft.of_key(key) if draft else ())
        if new:
            text = _insert_branches(text, label, key, new)
            added[key] = len(new)
    for key in ("key_terms", "dates"):
        if wanted[key]:
            text = _insert(text, label, key, wanted[key])
    try:
        parse_notes(text, label)
    except SourceError as exc:
        raise QuizforgeError(f"adding to {label} would leave it invalid (a bug in quizforge import; please report it):\n{exc}") from None
    return text, {**added, **{key: len(records) for key, records in wanted.items()}}


def _alike(a: str, b: str) -> bool:
    a, b = a.casefold().strip(" ."), b.casefold().strip(" .")
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= CLOSE


def _new_branches(topic, key: str, branches) -> list[DraftBranch]:
    """The branches of this kind that the notes do not have yet (same or similar title, or similar first point)."""
    have = topic.of_kind(KIND_OF_KEY[key])
    out = []
    for branch in branches:
        first = branch.points[0].text if branch.points else ""
        if any(_alike(branch.title, b.title) or (first and b.points and _alike(first, b.points[0].text)) for b in have):
            continue
        out.append(branch)
    return out


def _insert_branches(text: str, label: str, key: str, branches) -> str:
    writer = _Writer({})
    body = [line for branch in branches for line in writer.branch(branch)]
    lines = text.splitlines()
    node = _top_level(parse_yaml(text, label), key)
    if node is None:
        return "\n".join(lines).rstrip("\n") + "\n\n" + "\n".join([f"{key}:", *body]).rstrip("\n") + "\n"
    if not isinstance(node, SequenceNode) or node.flow_style or not node.value:
        raise SourceError([Problem(label, node.start_mark.line + 1, f"{key} is not a list of '- ' items, so the imported ones cannot be added; add them by hand")])
    first = node.value[0]
    dash = max(lines[first.start_mark.line].rfind("-", 0, first.start_mark.column), 0)
    end = _last_scalar(node).end_mark
    last_line = end.line if end.column == 0 else end.line + 1
    shift = " " * dash
    moved = [shift + line[len(INDENT):] if line.startswith(INDENT) else line for line in body]
    return "\n".join(lines[:last_line] + moved + lines[last_line:]).rstrip("\n") + "\n"


def _insert(text: str, label: str, key: str, records) -> str:
    lines = text.splitlines()
    node = _top_level(parse_yaml(text, label), key)
    if node is None:
        block = ["", f"{key}:", *_items(key, records, INDENT)]
        return "\n".join(lines).rstrip("\n") + "\n" + "\n".join(block) + "\n"
    if not isinstance(node, SequenceNode) or node.flow_style or not node.value:
        raise SourceError([Problem(label, node.start_mark.line + 1, f"{key} is not a list of '- ' items, so the imported ones cannot be added; add them by hand")])
    first = node.value[0]
    dash = lines[first.start_mark.line].rfind("-", 0, first.start_mark.column)
    end = _last_scalar(node).end_mark  # a collection's own end mark is at the next key, past any comments
    last_line = end.line if end.column == 0 else end.line + 1
    new = _items(key, records, " " * max(dash, 0))
    return "\n".join(lines[:last_line] + new + lines[last_line:]) + "\n"


def _top_level(root, key: str):
    if not isinstance(root, MappingNode):
        return None
    return next((value for k, value in root.value if isinstance(k, ScalarNode) and k.value == key), None)


def _last_scalar(node):
    while not isinstance(node, ScalarNode):
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    return node


def _items(key: str, records, indent: str) -> list[str]:
    first, second = FIELDS[key]
    out = []
    for a, b in records:
        out += [f"{indent}- {first}: {scalar(a)}", f"{indent}  {second}: {scalar(b)}"]
    return out
