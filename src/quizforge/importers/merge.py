"""Add imported key terms and dates to an existing notes file (``quizforge import --into``).

A glossary or a timeline on its own is not a topic (notes need causes), but it
belongs in one. The new records are inserted as text at the end of the file's
``key_terms:``/``dates:`` list (or as a new list at the end), so every comment
and line the teacher wrote stays as it was. Terms and dates already in the
notes are skipped. The result must still load, or nothing is written.
"""

from __future__ import annotations

from ..errors import Problem, QuizforgeError, SourceError
from ..load import parse_notes
from ..load.yamltree import MappingNode, ScalarNode, SequenceNode, parse_yaml
from .yamltext import INDENT, scalar

FIELDS = {"key_terms": ("term", "definition"), "dates": ("date", "event")}


def merge_records(notes_text: str, label: str, terms, dates) -> tuple[str, dict[str, int]]:
    """The notes text with new key terms and dates added, and how many of each were added."""
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
    for key in ("key_terms", "dates"):
        if wanted[key]:
            text = _insert(text, label, key, wanted[key])
    try:
        parse_notes(text, label)
    except SourceError as exc:
        raise QuizforgeError(f"adding to {label} would leave it invalid (a bug in quizforge import; please report it):\n{exc}") from None
    return text, {key: len(records) for key, records in wanted.items()}


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
