"""Map a cleaned outline tree onto the notes format.

- The root (and any chain of single branches under it, such as a page title
  above the mind map's centre) gives the title and the enquiry question,
  both marked as guesses.
- Each first-level branch under the centre is a cause; deeper nodes are its
  points, nested as in the map (flattened below the loader's depth limit).
- Leaves that are ``term - definition`` lines, and nodes under a "Key terms"
  or "Glossary" heading, become key terms; leaves that start with a date, and
  nodes under a "Timeline" heading, become dates. Other loose leaves beside
  the branches are gathered into one cause, "Other points", to be checked.
- A tree with fewer than two branches cannot be notes: a SourceError says
  what was found and how to reshape it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import Problem, SourceError
from ..load.notes import MAX_DEPTH
from . import guess
from .tree import CHECK, GUESSED, OutlineNode, Report, quote

OTHER_POINTS = "Other points"
NOT_ALONE = ("this ", "these ", "those ", "that ", "it ", "he ", "she ", "they ", "his ", "her ", "their ", "as a result")


@dataclass(frozen=True)
class DraftPoint:
    text: str
    line: int
    points: tuple["DraftPoint", ...] = ()


@dataclass(frozen=True)
class DraftCause:
    title: str
    line: int
    points: tuple[DraftPoint, ...]


@dataclass(frozen=True)
class Draft:
    """Notes ready to be written: every field the writer needs, nothing it must work out."""

    title: str
    subject: str
    question: str
    causes: tuple[DraftCause, ...]
    course: str | None = None
    key_terms: tuple[tuple[str, str], ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    guessed: dict[str, str] = field(default_factory=dict)  # key -> why it needs checking
    unused: tuple[str, ...] = ()  # text outside the map, kept as comments


@dataclass
class _Parts:
    """What the walk down from the root finds (filled in as it goes)."""

    chain: list[OutlineNode] = field(default_factory=list)
    branches: list[OutlineNode] = field(default_factory=list)
    loose: list[OutlineNode] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)
    unused: list[OutlineNode] = field(default_factory=list)


def map_outline(root: OutlineNode, report: Report, stem: str) -> Draft:
    """The notes draft for a cleaned tree, or a SourceError if it has too few branches."""
    parts = _find_centre(root, report)
    if not parts.chain and len(parts.branches) >= 2 and any(c.children for c in parts.branches[0].children):
        # several top-level branches deep enough to be maps of their own: reading them as causes is a guess
        for other in parts.branches[1:]:
            report.add(GUESSED, other.line, f"{quote(other.text, 40)} is a second root beside line "
                                            f"{parts.branches[0].line}; each root was read as a cause")
    causes = [_cause(node, report) for node in parts.branches]
    if parts.loose:
        line = parts.loose[0].line
        report.add(CHECK, line, f"{len(parts.loose)} loose line(s) beside the branches put under a cause '{OTHER_POINTS}'; move them or rename it")
        causes.append(DraftCause(OTHER_POINTS, line, tuple(_points(parts.loose, 1, report))))
    if len(causes) < 2:
        raise SourceError([_too_few(parts, report.file)])
    texts = [n.text for n in root.walk()]
    return _with_header(parts, tuple(causes), texts, stem, report)


def map_records(root: OutlineNode, report: Report) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Only the key terms and dates in a cleaned tree (for adding them to existing notes)."""
    parts = _find_centre(root, report)
    skipped = len(parts.branches) + len(parts.loose)
    if skipped:
        report.add(CHECK, 0, f"{skipped} branch(es) or line(s) that are not key terms or dates were not added")
    return _records(parts)


def _records(parts: _Parts):
    terms = tuple((term, guess.sentence_case(definition)) for term, definition in parts.terms)
    dates = tuple((date, guess.sentence_case(event)) for date, event in parts.dates)
    return terms, dates


def _find_centre(root: OutlineNode, report: Report) -> _Parts:
    """Walk down single branches to the node whose children are the causes."""
    parts = _Parts()
    root = _title_line(root, parts)
    node = root
    while True:
        rest = _take_sections(node.children, parts, report)
        branches = [c for c in rest if c.children]
        leaves = [c for c in rest if not c.children]
        outside = node is root and len(branches) == 1  # a title or author line above the map
        if len(branches) == 1 and (not leaves or outside):
            _sort_leaves(leaves, parts, parts.unused)
            parts.chain.append(branches[0])
            node = branches[0]
            continue
        parts.branches = branches
        intro = [c for c in leaves if branches and c.line < branches[0].line]  # text before the first branch
        _sort_leaves(intro, parts, parts.unused)
        _sort_leaves([c for c in leaves if all(c is not i for i in intro)], parts, parts.loose)
        return parts


def _title_line(root: OutlineNode, parts: _Parts) -> OutlineNode:
    """A first line that is unlike the lines after it (a heading over a list) is the title."""
    first, rest = (root.children[0], root.children[1:]) if root.children else (None, ())
    if first is None or first.children or not rest:
        return root
    kinds = Counter(_kind(c) for c in rest)
    if _kind(first) == kinds.most_common(1)[0][0]:
        return root
    parts.chain.append(first)
    return root.with_children(rest)


def _kind(node: OutlineNode) -> str:
    if node.children:
        return "branch"
    if guess.dated_line(node.text):
        return "date"
    return "term" if guess.term_line(node.text) else "line"


def _take_sections(children, parts: _Parts, report: Report) -> list[OutlineNode]:
    """Children that are not glossary or timeline headings; those are read into parts."""
    rest = []
    for child in children:
        if child.children and guess.GLOSSARY_HEADING.fullmatch(child.text):
            parts.terms.extend(_entries(child, _term_entry, "a term and its definition", parts, report))
        elif child.children and guess.TIMELINE_HEADING.fullmatch(child.text):
            parts.dates.extend(_entries(child, _date_entry, "a date and an event", parts, report))
        else:
            rest.append(child)
    return rest


def _entries(heading: OutlineNode, read_one, what: str, parts: _Parts, report: Report):
    for child in heading.children:
        entry = read_one(child)
        if entry is None:
            report.add(CHECK, child.line, f"under {quote(heading.text)} but not {what}; kept as a comment")
            parts.unused.extend(child.walk())
        else:
            yield entry


def _term_entry(node: OutlineNode) -> tuple[str, str] | None:
    if node.children:
        return node.text, " ".join(c.text for c in node.walk() if c is not node)
    return guess.term_line(node.text)


def _date_entry(node: OutlineNode) -> tuple[str, str] | None:
    if node.children and guess.is_date(node.text):
        return node.text.strip(" :"), " ".join(c.text for c in node.walk() if c is not node)
    return guess.dated_line(" ".join(n.text for n in node.walk()))


def _sort_leaves(leaves, parts: _Parts, otherwise: list[OutlineNode]) -> None:
    for leaf in leaves:
        if (term := guess.term_line(leaf.text)) is not None:
            parts.terms.append(term)
        elif (dated := guess.dated_line(leaf.text)) is not None:
            parts.dates.append(dated)
        else:
            otherwise.append(leaf)


def _cause(node: OutlineNode, report: Report) -> DraftCause:
    return DraftCause(guess.sentence_case(node.text), node.line, tuple(_points(node.children, 1, report)))


def _points(nodes, depth: int, report: Report) -> list[DraftPoint]:
    out = []
    for node in nodes:
        if node.text.lower().startswith(NOT_ALONE):
            report.add(CHECK, node.line, f"{quote(node.text, 40)} may not make sense on its own; name who or what it is about")
        if depth >= MAX_DEPTH and node.children:
            report.add(CHECK, node.line, f"points nested more than {MAX_DEPTH} deep were moved up to level {MAX_DEPTH}")
            out.append(DraftPoint(guess.sentence_case(node.text), node.line))
            flat = [OutlineNode(d.text, d.line) for c in node.children for d in c.walk()]
            out.extend(_points(flat, depth, report))
            continue
        out.append(DraftPoint(guess.sentence_case(node.text), node.line, tuple(_points(node.children, depth + 1, report))))
    return out


def _with_header(parts: _Parts, causes, texts, stem: str, report: Report) -> Draft:
    guessed: dict[str, tuple[int, str]] = {}
    if parts.chain:
        title, centre = guess.sentence_case(parts.chain[0].text), parts.chain[-1].text
        guessed["title"] = parts.chain[0].line, f"taken from line {parts.chain[0].line}"
    else:
        title = centre = guess.title_from_filename(stem)
        guessed["title"] = 0, "made from the file name: the outline has no single root"
    subject, guessed["subject"] = _subject(texts, report)
    course, course_line = report.hints.get("course", (None, 0))
    if course and course.casefold() != subject.casefold():
        guessed["course"] = course_line, f"taken from the page's 'See all ... resources' link on line {course_line}"
    else:
        course = None
    question = guess.guess_question(centre, subject)
    guessed["question"] = parts.chain[-1].line if parts.chain else 0, f"made from {quote(centre)}; write the enquiry question your causes answer"
    for key, (line, why) in guessed.items():
        report.add(GUESSED, line, f"{key}: {why}")
    for node in parts.unused:
        report.add(CHECK, node.line, f"{quote(node.text)} is outside the mind map; kept as a comment at the top")
    terms, dates = _records(parts)
    return Draft(title, subject, question, causes, course, terms, dates,
                 {key: why for key, (_, why) in guessed.items()}, tuple(n.text for n in parts.unused))


def _subject(texts: list[str], report: Report) -> tuple[str, tuple[int, str]]:
    if "subject" in report.hints:
        subject, line = report.hints["subject"]
        return subject, (line, f"taken from the page's 'Similar ... resources' heading on line {line}")
    subject = guess.guess_subject(texts)
    if subject:
        return subject, (0, "guessed from the words in the notes")
    return guess.FALLBACK_SUBJECT, (0, "not clear from the notes; write the subject")


def _too_few(parts: _Parts, label: str) -> Problem:
    found = [f"{n} {what}" for n, what in ((len(parts.branches), "branch(es)"), (len(parts.terms), "key term(s)"),
                                            (len(parts.dates), "dated line(s)"), (len(parts.loose), "loose line(s)")) if n]
    line = parts.chain[-1].line if parts.chain else 1
    what = "; ".join(found) or "nothing to import"
    return Problem(label, line, (
        f"found {what}, but notes need at least 2 causes, each a branch with points under it. "
        "Group the lines under 2 or more headings (indent the points under each), "
        "or add key terms and dates to existing notes with --into NOTES.yaml"
    ))
