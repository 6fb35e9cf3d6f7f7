"""Load a notes file into a validated ``Topic``.

The contract is documented in docs/notes-format.md and schema/notes.schema.json.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from pathlib import Path

from ..errors import SourceError
from ..equations import read_equation
from ..model import BRANCH_KINDS, Aspect, Cause, DatedEvent, Equation, ItemList, KeyTerm, Person, Point, Quotation, Topic
from .fields import Fields
from .yamltree import Node, ScalarNode, line_of, parse_yaml, read_text

TOP_REQUIRED = ("title",)
BRANCH_KEYS = tuple(BRANCH_KINDS)  # causes, themes, characters, factors, stages, categories, cases
MATERIAL_KEYS = BRANCH_KEYS + ("key_terms", "dates", "quotations", "lists", "equations")
TOP_OPTIONAL = ("subject", "question", "shape", "course", "level", "explain_stem", "language", "process", "outcome",
                *BRANCH_KEYS, "quotations", "key_terms", "people", "dates", "lists", "equations")
MAX_DEPTH = 12

# What a file may declare itself to be, and the shape one kind of branch gives when it is the only kind.
SHAPES = ("reasons", "themes", "characters", "factors", "process", "categories", "case-studies",
          "glossary", "timeline", "mixed")
SHAPE_OF_KIND = {"reason": "reasons", "theme": "themes", "character": "characters", "factor": "factors",
                 "stage": "process", "category": "categories", "case": "case-studies"}
# Automatic ids, by the key a branch is listed under: c1, c2 for causes as before; t1 for themes, ...
ID_PREFIX = {"causes": "c", "themes": "t", "characters": "ch", "factors": "f", "stages": "s",
             "categories": "g", "cases": "k"}
# Keys each kind of branch may have beyond id and title.
BRANCH_FIELDS = {
    "causes": ("points", "explain"), "themes": ("points", "quotes"), "characters": ("points", "quotes"),
    "factors": ("change", "effect", "mechanism", "points", "affects"), "stages": ("points",),
    "categories": ("points",), "cases": ("points", "aspects"),
}


def load_notes(path: str | Path) -> Topic:
    """Read and validate a notes file; raise SourceError listing every problem."""
    path = Path(path)
    label = str(path)
    return parse_notes(read_text(path, label), label, slug_for(path))


def parse_notes(text: str, label: str = "<notes>", slug: str = "notes") -> Topic:
    """Validate notes given as YAML text."""
    root = parse_yaml(text, label)
    return _TopicReader(label).topic(root, slug)


# Names Windows will not take for a folder, whatever the case.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slug_for(path: Path) -> str:
    """The output folder's name: the file's name in lower case, letters of any script kept
    ('Причины.yaml' -> 'причины', not a shared 'notes'); io.claim_folder catches two files that still meet."""
    stem = unicodedata.normalize("NFKC", path.stem).casefold()
    slug = re.sub(r"[\W_]+", "-", stem).strip("-")
    if slug in WINDOWS_RESERVED:
        slug += "-notes"
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
        if not any(key in top for key in MATERIAL_KEYS):
            self.problem(root, "", "the notes hold nothing to ask about; add at least one of "
                                   + ", ".join(MATERIAL_KEYS) + " (see docs/notes-format.md)")
        branches = {key: self.branches(get(key), key) for key in BRANCH_KEYS}
        others = tuple(b for key in BRANCH_KEYS[1:] for b in branches[key])
        others = tuple(sorted(others, key=lambda b: b.line))
        themes = {b.id: b for b in others if b.kind in ("theme", "character")}
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
            causes=branches["causes"],
            key_terms=self.records(get("key_terms"), "key_terms", self.key_term),
            people=self.records(get("people"), "people", self.person),
            dates=self.records(get("dates"), "dates", self.dated),
            branches=others,
            quotations=self.quotations(get("quotations"), "quotations", "q", themes),
            process=self.text(get("process"), "process") or "",
            outcome=self.text(get("outcome"), "outcome") or "",
            lists=self.records(get("lists"), "lists", self.item_list),
            equations=self.records(get("equations"), "equations", self.equation),
        )
        topic = dataclasses.replace(topic, shape=self.shape(get("shape"), topic))
        if self.problems:
            raise SourceError(sorted(self.problems, key=lambda p: p.line))
        return topic

    def shape(self, node: Node | None, topic: Topic) -> str:
        """The shape the notes declare, or the one their material gives."""
        declared = self.text(node, "shape")
        if declared is not None:
            if declared in SHAPES:
                return declared
            close = difflib.get_close_matches(declared, SHAPES, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "choose from " + ", ".join(SHAPES)
            self.problem(node, "shape", f"unknown shape '{declared}'; {hint}")
        return infer_shape(topic)

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

    def branches(self, node: Node | None, key: str) -> tuple[Cause, ...]:
        return tuple(b for i, item in enumerate(self.items(node, key, min_items=1))
                     if (b := self.branch(item, key, i)) is not None)

    def branch(self, node: Node, key: str, index: int) -> Cause | None:
        path = f"{key}[{index}]"
        kind = BRANCH_KINDS[key]
        required = ("title", "points") if kind in ("reason", "stage", "category") else ("title",)
        optional = tuple(k for k in ("id",) + BRANCH_FIELDS[key] if k not in required)
        fields = self.mapping(node, path, required, optional)
        if fields is None:
            return None
        get = fields.get
        given = self.identifier(get("id"), f"{path}.id")
        auto = f"{ID_PREFIX[key]}{index + 1}"
        branch_id = given or auto
        if not self.claim_id(branch_id, get("id", node), path, explicit=given is not None):
            branch_id = auto if given else f"{branch_id}-{index + 1}"  # avoid knock-on clashes below
        points = self.points(get("points"), f"{path}.points", branch_id, depth=1,
                             min_items=1 if "points" in required else 0)
        title = self.text(get("title"), f"{path}.title")
        quotes = self.quotations(get("quotes"), f"{path}.quotes", f"{branch_id}.q", {}, owner=branch_id)
        aspects = self.aspects(get("aspects"), f"{path}.aspects", branch_id)
        effect = self.text(get("effect"), f"{path}.effect") or ""
        needs = {"theme": (points or quotes, "points or quotes"), "character": (points or quotes, "points or quotes"),
                 "factor": (points or effect or get("affects"), "an effect or points"), "case": (points or aspects, "aspects or points")}
        present, what = needs.get(kind, (True, ""))
        if not present and title is not None:
            self.problem(node, path, f"'{title}' needs {what}")
        if title is None:
            return None
        return Cause(
            id=branch_id, title=title, line=line_of(node), points=points, kind=kind,
            explain=self.text(get("explain"), f"{path}.explain"), quotes=quotes,
            change=self.text(get("change"), f"{path}.change") or "", effect=effect,
            mechanism=self.text_list(get("mechanism"), f"{path}.mechanism"), aspects=aspects,
            affects=self.text(get("affects"), f"{path}.affects") or "",
        )

    def aspects(self, node: Node | None, path: str, branch_id: str) -> tuple[Aspect, ...]:
        out = []
        for i, item in enumerate(self.items(node, path)):
            f = self.mapping(item, f"{path}[{i}]", ("heading", "points"), ())
            if f is None:
                continue
            heading = self.text(f.get("heading"), f"{path}[{i}].heading")
            points = self.points(f.get("points"), f"{path}[{i}].points", f"{branch_id}.a{i + 1}", depth=1, min_items=1)
            if heading:
                out.append(Aspect(heading, points, line_of(item)))
        return tuple(out)

    def quotations(self, node: Node | None, path: str, id_prefix: str, themes: dict[str, Cause],
                   owner: str = "") -> tuple[Quotation, ...]:
        out = []
        for i, item in enumerate(self.items(node, path)):
            quote = self.quotation(item, f"{path}[{i}]", f"{id_prefix}{i + 1}", themes, owner)
            if quote is not None:
                out.append(quote)
        return tuple(out)

    def quotation(self, node: Node, path: str, default_id: str, themes: dict[str, Cause], owner: str) -> Quotation | None:
        if isinstance(node, ScalarNode):
            words = self.text(node, path)
            self.claim_id(default_id, node, path, explicit=False)
            return Quotation(default_id, _unquote(words), line_of(node), branch_id=owner) if words else None
        optional = ("id", "speaker", "shows", "accept", "character") + (() if owner else ("theme",))
        f = self.mapping(node, path, ("quote",), optional)
        if f is None:
            return None
        given = self.identifier(f.get("id"), f"{path}.id")
        quote_id = given or default_id
        self.claim_id(quote_id, f.get("id", node), path, explicit=given is not None)
        words = self.text(f.get("quote"), f"{path}.quote")
        branch_id, character = owner, ""
        for key in ("theme", "character"):
            ref = self.text(f.get(key), f"{path}.{key}")
            if ref is None:
                continue
            if owner:  # under a branch already: the character it is filed under, by name
                character = ref
                continue
            branch_id = self.theme_ref(f[key], f"{path}.{key}", ref, themes) or branch_id
            if key == "character" and branch_id in themes and themes[branch_id].kind == "character":
                character = themes[branch_id].title
        if not words:
            return None
        return Quotation(quote_id, _unquote(words), line_of(node), speaker=self.text(f.get("speaker"), f"{path}.speaker") or "",
                         shows=self.text(f.get("shows"), f"{path}.shows") or "", branch_id=branch_id,
                         accept=self.text_list(f.get("accept"), f"{path}.accept"), character=character)

    def theme_ref(self, node: Node, path: str, ref: str, themes: dict[str, Cause]) -> str | None:
        """The id of the theme or character a quotation names by id or title."""
        for branch in themes.values():
            if ref == branch.id or ref.casefold() == branch.title.casefold():
                return branch.id
        names = [b.title for b in themes.values()]
        close = difflib.get_close_matches(ref, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else (
            "the themes and characters are: " + ", ".join(names) if names else "the notes have no themes or characters")
        self.problem(node, path, f"'{ref}' is not the id or title of a theme or character; {hint}")
        return None

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

    def item_list(self, node: Node, path: str) -> ItemList | None:
        f = self.mapping(node, path, ("title", "items"), ())
        if f is None:
            return None
        list_id = f"l{int(path.rsplit('[', 1)[1].rstrip(']')) + 1}"
        self.claim_id(list_id, node, path, explicit=False)
        title = self.text(f.get("title"), f"{path}.title")
        items = self.points(f.get("items"), f"{path}.items", list_id, depth=1, min_items=1)
        return ItemList(list_id, title, items, line_of(node)) if title and items else None

    def equation(self, node: Node, path: str) -> Equation | None:
        text = self.text(node, path)
        if text is None:
            return None
        if read_equation(text) is None:
            self.problem(node, path, f"'{text}' is not an equation: write the substances joined by '+' on each side "
                                     "of one arrow (-> or ⇌), e.g. 'nitrogen + hydrogen ⇌ ammonia'")
            return None
        eq_id = f"eq{int(path.rsplit('[', 1)[1].rstrip(']')) + 1}"
        self.claim_id(eq_id, node, path, explicit=False)
        return Equation(eq_id, text, line_of(node))

    def dated(self, node: Node, path: str) -> DatedEvent | None:
        f = self.mapping(node, path, ("date", "event"), ())
        if f is None:
            return None
        date, event = self.text(f.get("date"), f"{path}.date"), self.text(f.get("event"), f"{path}.event")
        return DatedEvent(date, event, line_of(node)) if date and event else None


def infer_shape(topic: Topic) -> str:
    """The shape the material gives: the one kind of branch, or what the notes hold besides."""
    kinds = {b.kind for b in topic.groups}
    if len(kinds) == 1:
        return SHAPE_OF_KIND[kinds.pop()]
    if kinds:
        return "mixed"
    held = [name for name, there in (("glossary", topic.key_terms), ("timeline", topic.dates),
                                     ("themes", topic.quotations)) if there]
    return held[0] if len(held) == 1 else "mixed"


def _unquote(words: str) -> str:
    """A quotation's words without the quote marks round them."""
    marks = "'\"\u2018\u2019\u201c\u201d"
    stripped = words.strip()
    if len(stripped) > 1 and stripped[0] in marks and stripped[-1] in marks:
        return stripped[1:-1].strip()
    return stripped
