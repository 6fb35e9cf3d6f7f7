"""Load a notes file into a validated ``Topic``.

The contract is documented in docs/notes-format.md and schema/notes.schema.json.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceError
from ..model import Cause, DatedEvent, KeyTerm, Person, Point, Topic
from .fields import Fields
from .yamltree import Node, ScalarNode, line_of, parse_yaml, read_text

TOP_REQUIRED = ("title", "subject", "question", "causes")
TOP_OPTIONAL = ("course", "level", "explain_stem", "language", "key_terms", "people", "dates")
MAX_DEPTH = 12


def load_notes(path: str | Path) -> Topic:
    """Read and validate a notes file; raise SourceError listing every problem."""
    path = Path(path)
    label = str(path)
    return parse_notes(read_text(path, label), label, slug_for(path))


def parse_notes(text: str, label: str = "<notes>", slug: str = "notes") -> Topic:
    """Validate notes given as YAML text."""
    root = parse_yaml(text, label)
    return _TopicReader(label).topic(root, slug)


def slug_for(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "notes"


class _TopicReader(Fields):
    def __init__(self, file: str):
        super().__init__(file)
        self.ids: dict[str, int] = {}

    def topic(self, root: Node, slug: str) -> Topic:
        top = self.mapping(root, "", TOP_REQUIRED, TOP_OPTIONAL)
        if top is None:
            raise SourceError(self.problems)
        get = top.get
        causes = tuple(
            c for i, node in enumerate(self.items(get("causes"), "causes", min_items=2))
            if (c := self.cause(node, i)) is not None
        )
        topic = Topic(
            slug=slug,
            source=self.file,
            title=self.text(get("title"), "title") or "",
            subject=self.text(get("subject"), "subject") or "",
            question=self.text(get("question"), "question") or "",
            course=self.text(get("course"), "course"),
            level=self.text(get("level"), "level"),
            explain_stem=self.text(get("explain_stem"), "explain_stem"),
            language=self.language(get("language")),
            causes=causes,
            key_terms=self.records(get("key_terms"), "key_terms", self.key_term),
            people=self.records(get("people"), "people", self.person),
            dates=self.records(get("dates"), "dates", self.dated),
        )
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.line))
        return topic

    def language(self, node: Node | None) -> str:
        value = self.text(node, "language")
        if value is None:
            return "en"
        if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
            self.problem(node, "language", f"'{value}' is not a language tag; write e.g. en, en-GB or fr")
            return "en"
        return value

    def claim_id(self, value: str, node: Node, path: str, explicit: bool) -> bool:
        """Record an id; False (and a problem) if it is taken."""
        if value not in self.ids:
            self.ids[value] = line_of(node)
            return True
        first = self.ids[value]
        if explicit:
            self.problem(node, f"{path}.id", f"id '{value}' is already used on line {first}; ids must be unique")
        else:
            self.problem(node, path, f"this item's automatic id '{value}' clashes with the id on line {first}; "
                                     "give one of them a different id")
        return False

    def cause(self, node: Node, index: int) -> Cause | None:
        path = f"causes[{index}]"
        fields = self.mapping(node, path, ("title", "points"), ("id", "explain"))
        if fields is None:
            return None
        given = self.identifier(fields.get("id"), f"{path}.id")
        cause_id = given or f"c{index + 1}"
        if not self.claim_id(cause_id, fields.get("id", node), path, explicit=given is not None):
            cause_id = f"c{index + 1}" if given else f"{cause_id}-{index + 1}"  # avoid knock-on clashes below
        points = self.points(fields.get("points"), f"{path}.points", cause_id, depth=1, min_items=1)
        title = self.text(fields.get("title"), f"{path}.title")
        if title is None:
            return None
        return Cause(
            id=cause_id, title=title, line=line_of(node), points=points,
            explain=self.text(fields.get("explain"), f"{path}.explain"),
        )

    def points(self, node: Node | None, path: str, parent_id: str, depth: int, min_items: int = 0) -> tuple[Point, ...]:
        if depth > MAX_DEPTH:
            self.problem(node, path, f"points are nested more than {MAX_DEPTH} deep; flatten them")
            return ()
        out = []
        for i, item in enumerate(self.items(node, path, min_items=min_items)):
            point = self.point(item, f"{path}[{i}]", f"{parent_id}.{i + 1}", depth)
            if point is not None:
                out.append(point)
        return tuple(out)

    def point(self, node: Node, path: str, default_id: str, depth: int) -> Point | None:
        if isinstance(node, ScalarNode):
            text = self.text(node, path)
            self.claim_id(default_id, node, path, explicit=False)
            return Point(id=default_id, text=text, line=line_of(node)) if text else None
        fields = self.mapping(node, path, ("text",), ("id", "blank", "accept", "points"))
        if fields is None:
            return None
        given = self.identifier(fields.get("id"), f"{path}.id")
        point_id = given or default_id
        self.claim_id(point_id, fields.get("id", node), path, explicit=given is not None)
        text = self.text(fields.get("text"), f"{path}.text")
        blanks = self.text_list(fields.get("blank"), f"{path}.blank")
        accept = self.text_list(fields.get("accept"), f"{path}.accept")
        children = self.points(fields.get("points"), f"{path}.points", point_id, depth + 1)
        if text is None:
            return None
        for blank in blanks:
            if not re.search(rf"(?<!\w){re.escape(blank)}(?!\w)", text, re.IGNORECASE):
                self.problem(fields["blank"], f"{path}.blank", f"'{blank}' does not appear in the text of this point; copy it exactly from the text")
        if accept and len(blanks) != 1:
            self.problem(fields["accept"], f"{path}.accept", "accept needs exactly one 'blank' phrase on the same point")
        return Point(id=point_id, text=text, line=line_of(node), points=children, blanks=blanks, accept=accept)

    def records(self, node, path, read_one):
        return tuple(r for i, item in enumerate(self.items(node, path)) if (r := read_one(item, f"{path}[{i}]")) is not None)

    def key_term(self, node: Node, path: str) -> KeyTerm | None:
        f = self.mapping(node, path, ("term", "definition"), ("accept",))
        if f is None:
            return None
        term, definition = self.text(f.get("term"), f"{path}.term"), self.text(f.get("definition"), f"{path}.definition")
        accept = self.text_list(f.get("accept"), f"{path}.accept")
        return KeyTerm(term, definition, line_of(node), accept) if term and definition else None

    def person(self, node: Node, path: str) -> Person | None:
        f = self.mapping(node, path, ("name", "role"), ("known_as",))
        if f is None:
            return None
        name, role = self.text(f.get("name"), f"{path}.name"), self.text(f.get("role"), f"{path}.role")
        known_as = self.text_list(f.get("known_as"), f"{path}.known_as")
        return Person(name, role, line_of(node), known_as) if name and role else None

    def dated(self, node: Node, path: str) -> DatedEvent | None:
        f = self.mapping(node, path, ("date", "event"), ())
        if f is None:
            return None
        date, event = self.text(f.get("date"), f"{path}.date"), self.text(f.get("event"), f"{path}.event")
        return DatedEvent(date, event, line_of(node)) if date and event else None
