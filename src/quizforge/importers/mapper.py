"""Map to notes: turn the cleaned, shape-read outline into a Draft of the notes format (v2).

- The root (and any chain of single branches under it, such as a page title
  above the mind map's centre) gives the title and, when it can be said in good
  English, the enquiry question; both marked as guesses.
- Each first-level branch under the centre becomes a branch of the kind
  ``sections`` reads in it: reasons (causes), themes or characters with their
  quotations, factors, stages, categories, case studies; or key terms and
  dates. Loose lines beside the branches are glossary lines, flashcards, dated
  lines, or "Other points" to be checked.
- A line that was cut off, cannot be read as a sentence, or is only a heading
  is kept as a comment for the teacher, never made into an item.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import Problem, SourceError
from ..equations import read_equation
from ..load.notes import MAX_DEPTH
from ..quality.clause import unresolved_pronoun
from ..quality.words import pos
from ..quoteslips import slips
from . import guess, quotes, sections
from .clean import DANGLING, ends_mid_sentence
from .draft import BRANCH_KEYS, Draft, DraftAspect, DraftBranch, DraftPoint, DraftQuote, Record
from .tree import CHECK, CLEANED, DROPPED, GUESSED, REPAIRED, SPLIT, OutlineNode, Report, quote

OTHER_POINTS = "Other points"
NOT_ALONE = ("this ", "these ", "those ", "that ", "it ", "he ", "she ", "they ", "his ", "her ", "their ", "as a result")
GENERIC_TITLES = re.compile(r"(key (dates|terms|words|events|facts)|timeline|glossary|events|notes|revision notes|summary)", re.IGNORECASE)
CHAIN_SPLIT = re.compile(r" [-–—] ")
BARE_VALUE = re.compile(r"[~≈]?\d[\d,.]*\s?(%|°C|atm|[a-zA-Z]{1,3})?")
MIN_CARDS = 3


@dataclass
class _Parts:
    """What the walk down from the root finds (filled in as it goes)."""

    chain: list[OutlineNode] = field(default_factory=list)
    branches: list[OutlineNode] = field(default_factory=list)
    loose: list[OutlineNode] = field(default_factory=list)
    terms: list[Record] = field(default_factory=list)
    dates: list[Record] = field(default_factory=list)
    unused: list[OutlineNode] = field(default_factory=list)


@dataclass
class _Out:
    """The notes being built."""

    branches: list[DraftBranch] = field(default_factory=list)
    process: list[str] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    quotations: list[DraftQuote] = field(default_factory=list)
    stage_numbers: dict[int, str] = field(default_factory=dict)  # index of a stage branch -> its number in the notes
    lists: list[DraftBranch] = field(default_factory=list)
    equations: list[DraftPoint] = field(default_factory=list)
    terms: list[Record] = field(default_factory=list)  # defined inside a point ('Overclocking is when ...')


def map_outline(root: OutlineNode, report: Report, stem: str) -> Draft:
    """The notes draft for a cleaned tree, or a SourceError if it holds nothing to ask about."""
    out = _Out()
    root = _take_equations(root, out, report)
    parts = _find_centre(root, report)
    if not parts.chain and len(parts.branches) >= 2 and any(c.children for c in parts.branches[0].children):
        # several top-level branches deep enough to be maps of their own: reading them as one notes file is a guess
        for other in parts.branches[1:]:
            report.add(GUESSED, other.line, f"{quote(other.text, 40)} is a second root beside line "
                                            f"{parts.branches[0].line}; each root was read as a branch")
    context = sections.Context.of(root)
    _loose_records(parts, report)
    _branches(parts, context, out, report)
    if parts.loose:
        line = parts.loose[0].line
        points = _points(parts.loose, 1, report)
        if points and out.branches:
            report.add(CHECK, line, f"{len(parts.loose)} loose line(s) beside the branches put under '{OTHER_POINTS}'; move them or rename it")
            out.branches.append(DraftBranch("causes", OTHER_POINTS, line, tuple(points)))
        elif points:
            parts.unused.extend(parts.loose)
    branches = _merge_same_titles(out.branches, report)
    if not branches and not parts.terms and not parts.dates and not out.quotations and not out.lists and not out.equations:
        raise SourceError([_nothing(parts, report.file)])
    return _with_header(parts, out, branches, root, stem, report)


def map_records(root: OutlineNode, report: Report) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Only the key terms and dates in a cleaned tree (for adding them to existing notes)."""
    parts = _find_centre(root, report)
    _loose_records(parts, report)
    skipped = len(parts.branches) + len(parts.loose)
    if skipped:
        report.add(CHECK, 0, f"{skipped} branch(es) or line(s) that are not key terms or dates were not added")
    return (tuple((r.first, r.second) for r in parts.terms), tuple((r.first, r.second) for r in parts.dates))


# --- the centre and what lies beside it --------------------------------------------------

def _find_centre(root: OutlineNode, report: Report) -> _Parts:
    """Walk down single branches to the node whose children are the branches."""
    parts = _Parts()
    root = _title_line(root, parts)
    node = root
    while True:
        rest = _take_sections(node.children, parts, report)
        branches = [c for c in rest if c.children]
        leaves = [c for c in rest if not c.children]
        outside = node is root and len(branches) == 1  # a title or author line above the map
        if len(branches) == 1 and (not leaves or outside) and not _is_own_section(branches[0]):
            _sort_leaves(leaves, parts, parts.unused)
            parts.chain.append(branches[0])
            node = branches[0]
            continue
        parts.branches = branches
        intro = [c for c in leaves if branches and c.line < branches[0].line]  # text before the first branch
        _sort_leaves(intro, parts, parts.unused, defining=True)
        _sort_leaves([c for c in leaves if all(c is not i for i in intro)], parts, parts.loose)
        return parts


def _is_own_section(node: OutlineNode) -> bool:
    """A single branch that is itself the material (a table, numbered steps), not a title above it."""
    return node.marker == "table" or sections.numbered_steps(node) is not None


def _title_line(root: OutlineNode, parts: _Parts) -> OutlineNode:
    """A first line that is unlike the lines after it (a heading over a list) is the title."""
    first, rest = (root.children[0], root.children[1:]) if root.children else (None, ())
    if first is None or first.children or not rest:
        return root
    kinds = Counter(_kind(c) for c in rest)
    if _kind(first) == kinds.most_common(1)[0][0] or _kind(first) != "line" or not _heading_like(first.text):
        return root
    parts.chain.append(first)
    return root.with_children(rest)


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 12 and not guess.SENTENCE_BREAK.search(text) and not text.endswith((".", ","))


def _kind(node: OutlineNode) -> str:
    if node.children:
        return "branch"
    if guess.dated_line(node.text) or re.fullmatch(r"\(?\d{1,4}s?( ?(BC|BCE|AD|CE))?\)?", node.text, re.IGNORECASE):
        return "date"
    if guess.term_line(node.text):
        return "term"
    return "card" if guess.flashcard(node.text) else "line"


def _take_sections(children, parts: _Parts, report: Report) -> list[OutlineNode]:
    """Children that are not glossary, timeline or date entries; those are read into parts."""
    rest = []
    for child in children:
        if child.children and guess.GLOSSARY_HEADING.fullmatch(child.text):
            parts.terms.extend(_entries(child, _term_entry, "a term and its definition", parts, report))
        elif child.children and guess.TIMELINE_HEADING.fullmatch(child.text):
            parts.dates.extend(_entries(child, _date_entry, "a date and an event", parts, report))
        elif child.marker == "table" and len(child.text.split(" | ")) == 2:
            parts.terms.extend(_table_terms(child, report))
        elif child.children and guess.is_date(child.text):
            parts.dates.append(Record(child.text.strip(" :"), _finish(" ".join(c.text for c in child.walk() if c is not child)), child.line))
        elif child.children and guess.dated_line(child.text) and not any(c.children for c in child.children):
            date, event = guess.dated_line(child.text)
            parts.dates.append(Record(date, _finish(event), child.line))
            for extra in child.children:
                report.add(CHECK, extra.line, f"{quote(extra.text)} has no date of its own; kept as a comment")
                parts.unused.append(extra)
        elif not child.children and guess.TIMELINE_HEADING.fullmatch(child.text) or guess.GLOSSARY_HEADING.fullmatch(child.text):
            report.add(DROPPED, child.line, f"heading with nothing under it: {quote(child.text)}")
        else:
            rest.append(child)
    return rest


def _entries(heading: OutlineNode, read_one, what: str, parts: _Parts, report: Report):
    for child in heading.children:
        if child.marker == "table" and len(child.text.split(" | ")) == 2 and read_one is _term_entry:
            yield from (Record(r.first, _finish(r.second), r.line) for r in _table_terms(child, report, heading.text))
            continue
        entry = read_one(child)
        if entry is None:
            report.add(CHECK, child.line, f"under {quote(heading.text)} but not {what}; kept as a comment")
            parts.unused.extend(child.walk())
        else:
            yield Record(entry[0], _finish(_definition(entry[1])), child.line)


def _term_entry(node: OutlineNode) -> tuple[str, str] | None:
    if node.children:
        return node.text, " ".join(c.text for c in node.walk() if c is not node)
    return guess.term_line(node.text)


def _date_entry(node: OutlineNode) -> tuple[str, str] | None:
    if node.children and guess.is_date(node.text):
        return node.text.strip(" :"), " ".join(c.text for c in node.walk() if c is not node)
    return guess.dated_line(" ".join(n.text for n in node.walk()))


def _table_terms(table: OutlineNode, report: Report, heading: str = "") -> list[Record]:
    """A two-column table (French | English): a term per row; a row repeating the heading above it is skipped."""
    out = []
    for row in table.children:
        definition = row.children[0].text if row.children else ""
        if not row.text or not definition:
            report.add(CHECK, row.line, f"table row {quote(row.text)} has an empty cell; kept as a comment")
            continue
        if heading and definition.strip(" .").casefold() == heading.casefold():
            report.add(DROPPED, row.line, f"table row {quote(row.text + ' | ' + definition)} repeats the heading above it")
            continue
        out.append(Record(row.text, guess.sentence_case(definition), row.line))
    return out


def _only_tables(node: OutlineNode) -> bool:
    """A heading with nothing under it but tables (or headings over tables): a vocabulary list."""
    return bool(node.children) and all(c.marker == "table" or (c.children and _only_tables(c)) for c in node.children)


def _parent_title(root: OutlineNode, target: OutlineNode) -> str:
    for node in root.walk():
        if any(c is target for c in node.children):
            return node.text.strip(" :")
    return ""


PRONOUNS = frozenset("it this that these those they he she we there here".split())
DEFINING = re.compile(r"(?:[Tt]he |[Aa]n? )?(?P<term>[A-Z][\w-]*(?: [\w-]+){0,3}?) (?:is|are) (?P<definition>(?:a|an|the) .{8,})")


def _sort_leaves(leaves, parts: _Parts, otherwise: list[OutlineNode], defining: bool = False) -> None:
    for leaf in leaves:
        if defining and (match := DEFINING.fullmatch(leaf.text)) and match["term"].lower() not in PRONOUNS:  # an introduction that says what the topic is
            parts.terms.append(Record(guess.sentence_case(match["term"]), _finish(match["definition"]), leaf.line))
        elif (term := guess.term_line(leaf.text)) is not None:
            parts.terms.append(Record(term[0], _finish(_definition(term[1])), leaf.line))
        elif (dated := guess.dated_line(leaf.text)) is not None:
            parts.dates.append(Record(dated[0], _finish(dated[1]), leaf.line))
        else:
            otherwise.append(leaf)


def _loose_records(parts: _Parts, report: Report) -> None:
    """Flashcards, repeated years and continued events among the loose lines."""
    cards = [(leaf, guess.flashcard(leaf.text)) for leaf in parts.loose]
    if sum(1 for _, card in cards if card) >= MIN_CARDS and sum(1 for _, card in cards if card) * 5 >= len(cards) * 3:
        parts.loose = [leaf for leaf, card in cards if not card]
        for leaf, card in cards:
            if card:
                report.add(REPAIRED, leaf.line, f"flashcard read as term {quote(card[0])} and its definition")
                parts.terms.append(Record(card[0], _finish(_definition(card[1])), leaf.line))
    if parts.dates:
        _timeline_leftovers(parts, report)


def _timeline_leftovers(parts: _Parts, report: Report) -> None:
    by_line = {r.line: i for i, r in enumerate(parts.dates)}
    keep = []
    for leaf in parts.loose:
        previous = max((line for line in by_line if line < leaf.line), default=None)
        record = parts.dates[by_line[previous]] if previous is not None else None
        if record and re.fullmatch(r"\(?\d{1,4}s?( ?(BC|BCE|AD|CE))?\)?", leaf.text, re.IGNORECASE) and \
                record.first.split()[0].strip("()") == leaf.text.strip("()").split()[0]:
            report.add(DROPPED, leaf.line, f"the year {quote(leaf.text)} repeated after its event (line {record.line})")
        elif record and previous == leaf.line - 1 and not guess.is_date(leaf.text):
            report.add(REPAIRED, leaf.line, f"joined to the event on line {record.line} (it goes on from it)")
            parts.dates[by_line[previous]] = Record(record.first, _finish(f"{record.second} {leaf.text}"), record.line)
            by_line[leaf.line] = by_line.pop(previous)
        elif len(parts.dates) >= 3 and len(parts.dates) >= 2 * len(parts.branches):
            report.add(CHECK, leaf.line, f"{quote(leaf.text)} has no date; kept as a comment (add its date to make it an event)")
            parts.unused.append(leaf)
        else:
            keep.append(leaf)
    parts.loose = keep


# --- branches by kind ----------------------------------------------------------------------

def _branches(parts: _Parts, context: sections.Context, out: _Out, report: Report) -> None:
    nodes = parts.branches
    cases = sections.parallel_cases(nodes)
    sides = sum(1 for n in nodes if sections.is_side(n)) >= 2
    several_outcomes = sum(1 for n in nodes if sections.affected_by(n) is not None) >= 2
    quoted = [n for n in nodes if sections.quotations_in(n) >= 1]
    quotation_notes = len(quoted) >= 2 and sum(sections.quotations_in(n) for n in quoted) >= 3
    generic: list[OutlineNode] = []
    for node in nodes:
        if node.marker == "table" and len(node.text.split(" | ")) == 2:
            parts.terms.extend(_table_terms(node, report))
        elif node.marker == "table":
            _table_cases(node, out, report)
        elif _only_tables(node):
            for table in (n for n in node.walk() if n.marker == "table"):
                parts.terms.extend(_table_terms(table, report, _parent_title(node, table)))
        elif sides and sections.is_side(node):  # 'Arguments against', quoting scripture, is still a side
            _simple(node, "categories", out, report)
        elif sections.quotations_in(node) >= 2 or (quotation_notes and any(n is node for n in quoted)):
            _literature(node, context, out, report)
        elif sections.conditions_list(node):
            out.lists.append(DraftBranch("lists", _title(node.text), node.line, tuple(_point(_sentence(c.text), c.line) for c in node.children)))
        elif sections.stage_heading(node.text):
            _stage(node, out, report)
        elif (steps := sections.numbered_steps(node)) is not None:
            _steps(node, steps, out, parts, report)
        elif (outcome := sections.factors_outcome(node)) is not None:
            out.outcomes.append(outcome)
            for child in node.children:
                _factor(child, outcome, out, report)
        elif (affected := sections.affected_by(node)) is not None:
            _term_with_factors(node, affected, out, parts, report, several_outcomes)
        elif cases and sections.case_title(node.text):
            _case(node, out, report)
        elif sections.is_glossary(node):
            parts.terms.extend(Record(*_term_parts(c), c.line) for c in node.children if guess.term_line(c.text))
        elif sections.is_timeline(node):
            parts.dates.extend(Record(d[0], _finish(d[1]), c.line) for c in node.children if (d := guess.dated_line(c.text)))
        else:
            generic.append(node)
    _generic(generic, out, parts, report)


def _generic(nodes: list[OutlineNode], out: _Out, parts: _Parts, report: Report) -> None:
    """Branches with no marks of their own: factors when most describe changes, definitions beside factors, else reasons."""
    changing = [n for n in nodes if sections.changes(n) >= 1 and not sections.is_side(n)]
    as_factors = len(changing) >= 2 and len(changing) * 2 >= len(nodes)
    for node in nodes:
        if as_factors:
            _factor(node, "", out, report)
        elif out.outcomes and not any(c.children for c in node.children) and len(node.children) <= 3:
            parts.terms.append(Record(guess.sentence_case(node.text.rstrip(":")), _finish(" ".join(_sentence(c.text) for c in node.children)),
                                      node.line))
        else:
            _simple(node, "causes", out, report)


def _take_equations(root: OutlineNode, out: _Out, report: Report) -> OutlineNode:
    """Lines that are only an equation ('Nitrogen + hydrogen ⇌ ammonia') go to the equations, wherever they sit."""
    def keep(node: OutlineNode) -> bool:
        if node.children or read_equation(node.text) is None:
            return True
        out.equations.append(DraftPoint(node.text.strip().rstrip("."), node.line))
        report.add(REPAIRED, node.line, f"{quote(node.text)} read as an equation")
        return False

    def strip(node: OutlineNode) -> OutlineNode:
        return node.with_children([strip(c) for c in node.children if keep(c)])
    return strip(root)


def _simple(node: OutlineNode, key: str, out: _Out, report: Report) -> None:
    points = _points(node.children, 1, report)
    if points:
        out.branches.append(DraftBranch(key, _title(node.text), node.line, tuple(points)))
    else:
        _no_points(node, report)


def _no_points(node: OutlineNode, report: Report) -> None:
    report.add(CHECK, node.line, f"{quote(node.text)} has nothing under it that can be a question; left out")


def _stage(node: OutlineNode, out: _Out, report: Report) -> None:
    """'Stage 2 (early). Prophase' -> a stage 'Prophase'; an unnamed 'Stage 2 (late).' joins the stage 2 before it."""
    match = sections.stage_heading(node.text)
    name = _title(match["name"].strip(" .:-")) if match["name"].strip(" .:-") else ""
    points = tuple(_points(node.children, 1, report))
    last = len(out.branches) - 1
    previous = out.branches[last] if out.branches and out.branches[last].key == "stages" else None
    if not name and previous is not None and out.stage_numbers.get(last) == match["number"]:
        report.add(REPAIRED, node.line, f"{quote(node.text)} has no name: its points join stage {match['number']}, {quote(previous.title)}")
        out.branches[last] = DraftBranch("stages", previous.title, previous.line, previous.points + points)
        return
    if not name:
        name = f"{match['label'].capitalize()} {match['number']}"
    if not points:
        return _no_points(node, report)
    out.branches.append(DraftBranch("stages", name, node.line, points))
    out.stage_numbers[len(out.branches) - 1] = match["number"]


def _steps(node: OutlineNode, steps: list[OutlineNode], out: _Out, parts: _Parts, report: Report) -> None:
    """A numbered list of steps: one stage per step, named 'Step N' unless it has a heading of its own."""
    out.process.append(_process_name(node.text))
    for i, step in enumerate(steps, start=1):
        if step.children and len(step.text.split()) <= 5:
            title, points = _title(step.text), _points(step.children, 1, report)
        else:
            title, points = f"Step {i}", _points([step.with_children(())], 1, report) + _points(step.children, 2, report)
        if points:
            out.branches.append(DraftBranch("stages", title, step.line, tuple(points)))
    holder = next(h for h in (node, *node.children) if steps[0] in h.children)
    for other in [c for c in node.children if c is not holder and c not in steps]:
        report.add(CHECK, other.line, f"{quote(other.text)} is beside the steps, not one of them; kept as a comment")
        parts.unused.extend(other.walk())
        for below in list(other.walk())[1:]:
            report.checks.setdefault(below.line, []).append(f"under line {other.line}, beside the steps; kept as a comment")


def _process_name(text: str, topic: str = "") -> str:
    if re.fullmatch(r"(the )?(stages|steps|process|method|procedure|sequence|how it works)", text.strip(" .:"), re.IGNORECASE):
        return ""  # "Stages": the topic's own name is the process (filled in from the title)
    name = re.sub(r"^(the )?(process of |stages of |steps of |steps in )", "", text.strip(" .:"), flags=re.IGNORECASE)
    name = re.sub(r"^(the )?von neumann ", "the ", name, flags=re.IGNORECASE).replace("'", "")
    return name[:1].lower() + name[1:] if name[:2] != name[:2].upper() else name


def _factor(node: OutlineNode, outcome: str, out: _Out, report: Report, affects: str = "") -> None:
    text = re.sub(r"\s*\b(because of|due to|caused by|such as|e\.g\.|like)\s*:?$", "", node.text.rstrip(":"), flags=re.IGNORECASE)
    title, bracket = _split_bracket(text)
    children = node.children
    if CAUSED_BY.search(node.text.rstrip(":")) and len(children) >= 2 and \
            all(not c.children and len(c.text.split()) <= MAX_CAUSE_WORDS for c in children):
        # 'less grip because of:' over 'road surface', 'weather conditions': the causes are a list to recall
        name = _title(title)
        name = name[0].lower() + name[1:] if name[1:2].islower() else name
        out.lists.append(DraftBranch("lists", f"Causes of {name}", node.line,
                                     tuple(_point(guess.sentence_case(c.text.strip(" .")), c.line) for c in children)))
        children = ()
    if (causes := _bracket_causes(title, bracket)):
        # 'slow drivers' reactions (tiredness, drugs, alcohol, old age)': a change and what causes it, a list to recall
        name = _title(title)
        name = name[0].lower() + name[1:] if name[1:2].islower() else name
        out.lists.append(DraftBranch("lists", f"Causes of {name}", node.line,
                                     tuple(_point(guess.sentence_case(c), node.line) for c in causes)))
        report.add(REPAIRED, node.line, f"{quote(bracket)} after {quote(title)} read as a list of its causes")
        bracket = ""
    points = ([_point(_sentence(bracket), node.line)] if bracket else []) + _points(children, 1, report)
    values = [p for p in points if BARE_VALUE.fullmatch(p.text.rstrip("."))]
    for value in values:
        report.add(DROPPED, value.line, f"bare value {quote(value.text)} under {quote(title)}: not a sentence; kept as a comment")
    points = [p for p in points if p not in values]
    effect = f"affects the {outcome}" if outcome and not points else ""
    change, found = _change_and_effect(points)
    if found:
        effect = found
        out.outcomes.append(_object(found))
    if not points and not effect:
        return _no_points(node, report)
    out.branches.append(DraftBranch("factors", _title(title), node.line, tuple(points), change=change, effect=effect,
                                    affects=affects))
    for term in _inline_terms(_title(title), points):
        report.add(REPAIRED, term.line, f"{quote(term.first)} read as a key term: {quote(term.second, 50)}")
        out.terms.append(term)


# 'Overclocking is when the user speeds up the clock by hand': a term defined inside a point.
IS_WHEN = re.compile(r"(?:^|(?<=[.;!?] ))(?P<term>[A-Z][\w'-]*(?: [a-z][\w'-]*){0,2}) (?:is|are) when (?P<definition>[^.;]{8,}?)(?= [-\u2013] |[.;]|$)")
# 'Clock speed directly affects ...; it means the frequency of ...': the point's subject, the factor, defined.
IT_MEANS = re.compile(r"[;,] (?:it|this) means (?P<definition>(?:the|a|an|how|when) [^.;]{8,}?)(?= [-\u2013] |[.;]|$)")


def _inline_terms(title: str, points: list[DraftPoint]) -> list[Record]:
    """Key terms the factor's points define as they go: 'Overclocking is when ...' anywhere in a point, and
    the factor itself where a point that opens with its name says what it means ('it means the frequency')."""
    found = []
    for point in points:
        for m in IS_WHEN.finditer(point.text):
            found.append(Record(m["term"], _finish(f"When {m['definition']}"), point.line))
        m = IT_MEANS.search(point.text)
        if m and point.text.lower().startswith(title.lower()):
            definition = m["definition"]
            found.append(Record(title, _finish(definition[0].upper() + definition[1:]), point.line))
    return found


CAUSED_BY = re.compile(r"\b(because of|due to|caused by)\s*:?$", re.IGNORECASE)
MAX_CAUSE_WORDS = 4
# A factor named as a change ('less grip', 'slow reactions', 'poor visibility'): what a bracket lists after it causes it.
CHANGE_TITLE = re.compile(r"(?:less|more|slow|slower|fast|faster|poor|reduced|increased|lower|higher|worn|bad)\b",
                          re.IGNORECASE)
MIN_BRACKET_CAUSES = 3


def _bracket_causes(title: str, bracket: str) -> list[str]:
    """The causes a bracket lists after a factor named as a change, each a short name with no verb
    ('tiredness, drugs, alcohol, old age'), else []: a sentence in the bracket is the factor's point."""
    if not bracket or not CHANGE_TITLE.match(title.strip()):
        return []
    items = [i.strip(" .") for i in re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", bracket)]
    if len(items) < MIN_BRACKET_CAUSES or not all(1 <= len(i.split()) <= 3 for i in items):
        return []
    from ..quality.words import pos
    if any("NOUN" not in pos(i.split()[-1].lower()) for i in items):
        return []  # each a name ('old age', 'drugs'), not a clause ('it slows')
    return items


CHANGE_EFFECT = re.compile(
    r"(?P<change>(?:increasing|decreasing|raising|lowering|reducing|adding) (?:the )?[a-z ]{2,30}?) "
    r"(?P<effect>(?:increases|decreases|lowers|raises|reduces|speeds up|slows down) the [a-z ]{2,40})", re.IGNORECASE)


def _change_and_effect(points: list[DraftPoint]) -> tuple[str, str]:
    for point in points:
        match = CHANGE_EFFECT.search(point.text)
        if match:
            return guess.sentence_case(match["change"]), match["effect"].strip()
    return "", ""


def _object(effect: str) -> str:
    return re.sub(r"^\w+( up| down)? ", "", effect).strip()


def _term_with_factors(node: OutlineNode, affected: OutlineNode, out: _Out, parts: _Parts, report: Report,
                       several: bool) -> None:
    """'Thinking distance' with a definition and 'affected by:' a list: a key term, and factors of it."""
    outcome = node.text.strip(" :").lower()
    out.outcomes.append(outcome)
    definition = [c for c in node.children if c is not affected]
    if definition:
        parts.terms.append(Record(_title(node.text), _finish(" ".join(_sentence(c.text) for c in definition)), node.line))
    for child in affected.children:
        _factor(child, outcome, out, report, affects=outcome if several else "")


def _literature(node: OutlineNode, context: sections.Context, out: _Out, report: Report) -> None:
    """A theme or a character, with its quotations (filed under a character heading or a name before the quote)."""
    heading = node.text.strip().rstrip(":").strip()
    shouted = heading.isupper() and len(heading.split()) <= 3
    if shouted:  # 'MR BIRLING': a name shouted as a heading; 'STAGING' beside it is still a word
        heading = " ".join(w if len(w) <= 1 else w[0] + w[1:].lower() for w in heading.split())
        node = node.with_text(heading)
    named = sections.is_name(node.text, context, node, exact=True)
    alongside = (any(b.key == "characters" for b in out.branches) and all(w[:1].isupper() for w in node.text.split())
                 and not (shouted and len(heading.split()) == 1 and pos(heading.lower())))
    key = "characters" if named or alongside else "themes"
    title = _title(node.text)
    points: list[DraftPoint] = []
    found: list[DraftQuote] = []
    _read_quotes(node.children, title if key == "characters" else "", context, points, found, report, title)
    if points or found:
        out.branches.append(DraftBranch(key, title, node.line, tuple(points), quotes=tuple(found)))
    else:
        _no_points(node, report)


def _read_quotes(nodes, character: str, context, points: list, found: list, report: Report, branch: str) -> None:
    """Quotations under ``nodes``; ``character`` is the name heading they are filed under ("" if none)."""
    for node in nodes:
        quoted = quotes.find(node.text, character, person=lambda name, n=node: context.mentioned(name, n.text, exact=True))
        if quoted:
            shows = [t for c in node.children if not quotes.find(c.text) and (t := _complete(c, report))]
            for k, q in enumerate(quoted):
                explanation = q.shows if len(q.shows.split()) >= 2 and not ends_mid_sentence(q.shows) else ""
                if k == 0 and shows:
                    explanation = " ".join([explanation, *shows]).strip()
                if not q.closed:
                    report.add(CHECK, node.line, f"quotation {quote(q.quote, 40)} has no closing quote mark; check where it ends")
                slipped = slips(q.quote)
                if slipped:
                    report.add(CHECK, node.line, f"quotation {quote(q.quote, 40)} looks mistyped ({'; '.join(slipped)}); "
                                                 "no question uses it until it reads as the writer wrote it")
                if q.character and not q.speaker:
                    report.add(CHECK, node.line, f"{quote(q.quote, 40)} is filed under {q.character}, but the notes do not "
                                                 f"say who says it; if it is {q.character}, add 'speaker: {q.character}'")
                explanation = re.sub(r"^(this |it )?(shows|suggests|means|reveals)\s+(?=that |how |the |his |her )", "", explanation,
                                     flags=re.IGNORECASE)
                filed = "" if q.character.casefold() == branch.casefold() else q.character
                if explanation and character:
                    mended = name_possessive(explanation, character)
                    if mended != explanation:
                        report.add(CLEANED, node.line, f"possessive: {quote(explanation, 40)} -> {quote(mended, 40)}")
                        explanation = mended
                found.append(DraftQuote(q.quote, node.line, q.speaker, _finish(explanation) if explanation else "", filed))
            _read_quotes([c for c in node.children if quotes.find(c.text)], character, context, points, found, report, branch)
        elif node.children and sections.is_name(node.text, context, node):
            _read_quotes(node.children, _title(node.text), context, points, found, report, branch)
        elif node.children:
            _read_quotes(node.children, character, context, points, found, report, branch)
        else:
            points.extend(_points([node.with_text(_with_subject(node.text, character))], 1, report))


def name_possessive(text: str, name: str) -> str:
    """'Shows Lennies size' under 'Lennie' -> 'Shows Lennie's size': the character's name with an 's' and no
    apostrophe before a word is their possessive typed without it ('the Macbeths', the couple, is left)."""
    last = name.split()[-1] if name.split() else ""
    if len(last) < 3 or not last[:1].isupper():
        return text
    return re.sub(rf"(?<!\bthe )(?<!\bThe )\b{re.escape(last)}s(?= [a-z])", f"{last}'s", text)


def _with_subject(text: str, who: str) -> str:
    """'Talks in rhyme' under 'Lady Macbeth' -> 'Lady Macbeth talks in rhyme'."""
    first = text.split(" ", 1)[0]
    if who and first[:1].isupper() and first.lower().endswith("s") and first.lower() not in ("this", "his", "its", "as", "is"):
        return f"{who} {first.lower()}{text[len(first):]}"
    return text


def _case(node: OutlineNode, out: _Out, report: Report) -> None:
    """'Montserrat - Impacts (NIC)' -> the aspect 'Impacts' of the case 'Montserrat'."""
    match = sections.case_title(node.text)
    title, heading = _title(match["case"]), _title(match["aspect"])
    if match["tag"] and not any(b.key == "cases" and b.title.casefold() == title.casefold() for b in out.branches):
        report.add(CHECK, node.line, f"the label '({match['tag']})' after {quote(title)} was left out of the case's title")
    points = tuple(_points(node.children, 1, report))
    if not points:
        return _no_points(node, report)
    aspect = DraftAspect(heading, node.line, points)
    for i, branch in enumerate(out.branches):
        if branch.key == "cases" and branch.title.casefold() == title.casefold():
            out.branches[i] = DraftBranch("cases", branch.title, branch.line, aspects=branch.aspects + (aspect,))
            return
    out.branches.append(DraftBranch("cases", title, node.line, aspects=(aspect,)))


def _table_cases(table: OutlineNode, out: _Out, report: Report) -> None:
    """A comparison table: each row a case, each further column one of its aspects."""
    headings = table.text.split(" | ")
    for row in table.children:
        aspects = []
        for cell in row.children:
            heading = headings[cell.number] if cell.number is not None and cell.number < len(headings) else f"Column {cell.number}"
            if cell.text.strip().upper() in ("N/A", "NA", "-", "—", ""):
                report.add(DROPPED, cell.line, f"empty cell {quote(cell.text)} under {quote(heading)} for {quote(row.text)}")
                continue
            aspects.append(DraftAspect(_title(heading), cell.line, (_point(guess.sentence_case(cell.text), cell.line),)))
        if aspects:
            out.branches.append(DraftBranch("cases", _title(row.text), row.line, aspects=tuple(aspects)))


def _merge_same_titles(branches: list[DraftBranch], report: Report) -> tuple[DraftBranch, ...]:
    """Two branches of one kind with the same title (a card copied twice) become one, without repeated points."""
    out: list[DraftBranch] = []
    for branch in branches:
        twin = next((i for i, b in enumerate(out) if b.key == branch.key and b.title.casefold() == branch.title.casefold()
                     and b.affects == branch.affects), None)
        if twin is None or branch.key == "cases":
            out.append(branch)
            continue
        first = out[twin]
        seen = {p.text.casefold() for p in first.points}
        extra = tuple(p for p in branch.points if p.text.casefold() not in seen)
        report.add(REPAIRED, branch.line, f"{quote(branch.title)} again (first on line {first.line}): merged, "
                                          f"{len(branch.points) - len(extra)} repeated point(s) left out")
        out[twin] = DraftBranch(first.key, first.title, first.line, first.points + extra, first.quotes + branch.quotes,
                                first.change, first.effect, first.mechanism, first.aspects, first.affects)
    return tuple(out)


# --- points ----------------------------------------------------------------------------------

def _points(nodes, depth: int, report: Report) -> list[DraftPoint]:
    out = []
    for node in nodes:
        why = _unusable(node)
        if why:
            report.add(DROPPED, node.line, f"{why}: {quote(node.text)}; kept as a comment")
            report.left_out.append(node)
            out.extend(_points(node.children, depth, report))
            continue
        if node.text.lower().startswith(NOT_ALONE) or unresolved_pronoun(node.text):  # 'If they had been ..., they ...'
            report.add(CHECK, node.line, f"{quote(node.text, 40)} may not make sense on its own; name who or what it is about")
        pieces = _split(node, report)
        if depth >= MAX_DEPTH and node.children:
            report.add(CHECK, node.line, f"points nested more than {MAX_DEPTH} deep were moved up to level {MAX_DEPTH}")
            out.extend(_point(p, node.line) for p in pieces)
            flat = [OutlineNode(d.text, d.line) for c in node.children for d in c.walk()]
            out.extend(_points(flat, depth, report))
            continue
        children = tuple(_points(node.children, depth + 1, report))
        lead = len(pieces) >= 3 and len(pieces[0].split()) <= 3 and "(" not in pieces[0] and all(len(p.split()) >= 3 for p in pieces[1:])
        if lead and not children and depth < MAX_DEPTH:
            # "Sea level rise - ice melts - water expands": a lead and its facts
            out.append(DraftPoint(guess.sentence_case(pieces[0]), node.line, tuple(_point(p, node.line) for p in pieces[1:])))
            continue
        out.extend(_point(p, node.line) for p in pieces[:-1])
        last = pieces[-1] if children and len(pieces[-1].split()) < 4 else _finish(pieces[-1])
        out.append(DraftPoint(guess.sentence_case(last), node.line, children))
    return out


def _point(text: str, line: int) -> DraftPoint:
    return DraftPoint(_finish(text), line)


def _unusable(node: OutlineNode) -> str | None:
    text = node.text.strip()
    tokens = text.split()
    if not node.children and tokens and _stops_mid_sentence(text):
        return "cut off mid-sentence"
    if not node.children and len(tokens) >= 2 and re.fullmatch(r"[a-z]", tokens[-1]) and tokens[-1] not in ("a", "i"):
        return "cut off mid-word"
    singles = sum(1 for t in tokens if len(t.strip("}{()[]-")) <= 1)
    if len(tokens) >= 4 and singles * 2 > len(tokens):
        return "not a sentence (letters and symbols)"
    return None


def _complete(node: OutlineNode, report: Report) -> str:
    """The node's text without a last sentence that was cut off (the whole text if it was all cut off: "")."""
    text = node.text
    if not text.split() or not _stops_mid_sentence(text):
        return text
    sentences = [s for s in guess.SENTENCE_BREAK.split(text) if s.strip()]
    kept = " ".join(sentences[:-1])
    report.add(DROPPED, node.line, f"cut off mid-sentence: {quote(sentences[-1])}; kept as a comment")
    report.left_out.append(node.with_text(sentences[-1]).with_children(()))
    return kept


def _stops_mid_sentence(text: str) -> bool:
    last = text.split()[-1].lower()
    return bool(re.search(r"[,\-–—]$", text)) or (last in DANGLING and not text.endswith((".", "!", "?", ")", ":")))


def _split(node: OutlineNode, report: Report) -> list[str]:
    """Facts chained with ' - ' (three or more) or run together (three sentences, 40 words) become separate points."""
    text = node.text
    parts = [p.strip() for p in CHAIN_SPLIT.split(text)]
    if len(parts) >= 3 and all(len(p.split()) >= 2 for p in parts):
        report.add(SPLIT, node.line, f"{len(parts)} facts joined by ' - ' made separate points")
        return [guess.sentence_case(p) for p in parts]
    sentences = [s for s in guess.SENTENCE_BREAK.split(text) if s.strip()]
    if len(sentences) >= 3 and len(text.split()) >= 30:
        report.add(SPLIT, node.line, f"{len(sentences)} sentences in one line made separate points")
        return sentences
    return [text]


def _sentence(text: str) -> str:
    return _finish(guess.sentence_case(text.strip()))


def _finish(text: str) -> str:
    """A point as a sentence: a capital first, a full stop last (when it has three words or more)."""
    text = guess.sentence_case(text.strip())
    if len(text.split()) >= 2 and not text.endswith((".", "!", "?", "…", ":")) and not text.endswith(("'", '"')):
        text += "."
    return text.rstrip(":") if text.endswith(":") else text


def _definition(text: str) -> str:
    """'Is the splitting of ...' -> 'The splitting of ...' (the verb a 'Term - is ...' line starts with)."""
    return re.sub(r"^(is|are|means|=)\s+", "", text.strip(), flags=re.IGNORECASE)


def _term_parts(node: OutlineNode) -> tuple[str, str]:
    term, definition = guess.term_line(node.text)
    return term, _finish(_definition(definition))


CHROME_TAIL = re.compile(r"\s*[-:]?\s*\b(revision cards|revision notes|flash ?cards|mind ?map|notes|cards)$", re.IGNORECASE)


def _title(text: str) -> str:
    return guess.sentence_case(text.strip().rstrip(":.").strip())


def _topic_title(text: str) -> str:
    """A topic title without the site's words for what it is ('Volcano Case Study Revision Cards')."""
    trimmed = CHROME_TAIL.sub("", text.strip())
    return _title(trimmed if len(trimmed.split()) >= 1 else text)


def _split_bracket(text: str) -> tuple[str, str]:
    """'how fast you're going (the faster you go, the bigger the distance)' -> title and bracket."""
    match = re.fullmatch(r"(?P<title>[^()]{2,80}?)\s*\((?P<bracket>[^()]{3,200})\)\.?", text.strip())
    if not match or len(match["bracket"].split()) < 3:
        return text, ""  # "Pressure (gases)": the bracket belongs to the title
    return match["title"], match["bracket"]


# --- title, subject, question, shape ------------------------------------------------------

def _with_header(parts: _Parts, out: _Out, branches, root: OutlineNode, stem: str, report: Report) -> Draft:
    guessed: dict[str, tuple[int, str]] = {}
    title, title_line, why = _pick_title(parts, root, stem, report)
    guessed["title"] = title_line, why
    texts = [n.text for n in root.walk()]
    subject, guessed["subject"] = _subject(texts, parts, out, branches, report)
    course, course_line = report.hints.get("course", (None, 0))
    if course and course.casefold() != subject.casefold():
        guessed["course"] = course_line, f"taken from the page's 'See all ... resources' link on line {course_line}"
    else:
        course = None
    question = ""
    if any(b.key == "causes" for b in branches):
        centre = parts.chain[-1].text if parts.chain else title
        question = guess.guess_question(centre, subject)
        line = parts.chain[-1].line if parts.chain else 0
        guessed["question"] = (line, f"made from {quote(centre)}; check it is the enquiry question your causes answer") if question \
            else (line, "none in the notes: write the enquiry question your causes answer (needed for explain questions)")
    for key, (line, message) in guessed.items():
        report.add(GUESSED, line, f"{key}: {message}")
    unused = [*parts.unused, *report.left_out]
    for node in parts.unused:
        if node.line not in report.checks:
            report.add(CHECK, node.line, f"{quote(node.text)} is not part of any branch; kept as a comment at the top")
    quotations = tuple(out.quotations)
    shape = _shape(branches, parts, quotations)
    dates = tuple(sorted(parts.dates, key=lambda r: r.line))
    return Draft(
        title, subject, question, branches, shape, course, _with_inline(parts.terms, out.terms), dates, quotations,
        process=(next((p for p in out.process if p), "") or _default_process(branches, parts, title)),
        outcome=_outcome(out.outcomes), guessed={key: why for key, (_, why) in guessed.items()},
        unused=tuple(sorted({(n.line, n.text) for n in unused})), checks=report.comments(),
        lists=tuple(out.lists), equations=tuple(out.equations))


def _with_inline(terms: list[Record], inline: list[Record]) -> tuple[Record, ...]:
    """The notes' key terms, then those defined inside points that the notes do not define already."""
    known = {r.first.casefold() for r in terms}
    return (*terms, *(r for r in inline if r.first.casefold() not in known))


def _pick_title(parts: _Parts, root: OutlineNode, stem: str, report: Report) -> tuple[str, int, str]:
    if parts.chain:
        node = parts.chain[0]
        title = _topic_title(node.text)
        if GENERIC_TITLES.fullmatch(title):
            name = _main_name(root)
            if name:
                return f"{name} {title.lower()}", node.line, f"line {node.line} says only {quote(title)}; '{name}' is the name the notes use most"
        return title, node.line, f"taken from line {node.line}"
    if "title" in report.hints:
        value, line = report.hints["title"]
        return _topic_title(value), line, f"taken from line {line}"
    first = next((c for c in root.children), None)
    if first is not None and guess.COMPARISON.search(first.text) and len(first.text.split()) <= 12:
        return _topic_title(first.text), first.line, f"taken from line {first.line}"  # 'Earthquakes - Chile 2010 vs Nepal 2015'
    if first is not None and (term := guess.term_line(first.text)) and len(term[0].split()) <= 3:
        return _title(term[0]), first.line, f"the notes open by defining {quote(term[0])}"
    return _clean_stem(stem), 0, "made from the file name: the notes have no heading of their own"


SITE_WORDS = frozenset("goconqr getrevising mindmeister tripod gizmo knowt preceden github quizlet coggle bbc bitesize "
                       "student notes revision cards flashcards mindmap mind map copy final v1 v2 docx txt".split())


def _clean_stem(stem: str) -> str:
    words = [w for w in re.sub(r"[-_.]+", " ", stem).split() if not w.isdigit() and w.lower() not in SITE_WORDS]
    return guess.sentence_case(" ".join(words)) if words else "Imported notes"


PLACE_WORDS = frozenset("of to in at from against into across round around near".split())  # "Queen of England": a place
RANKS = frozenset("Queen King Sir Lord Lady Duke Prince Princess President Pope Saint Mr Mrs Miss The".split())


def _main_name(root: OutlineNode) -> str:
    """The name the notes use most: capitalised words after the first of a line; a name after a rank counts twice."""
    names: Counter[str] = Counter()
    for node in root.walk():
        for match in re.finditer(r"(?<=[\w,] )(?P<rank>(?:Queen|King|Sir|Lord|Lady|President|Prince|Princess) )?(?P<name>[A-Z][a-z]{2,})\b",
                                 node.text):
            before = node.text[:match.start()].split()[-1:]
            if match["name"] not in RANKS and not (before and before[0].lower() in PLACE_WORDS):
                names[match["name"]] += 2 if match["rank"] else 1
    best = names.most_common(1)
    return best[0][0] if best and best[0][1] >= 3 else ""


def _subject(texts, parts: _Parts, out: _Out, branches, report: Report) -> tuple[str, tuple[int, str]]:
    if "subject" in report.hints:
        subject, line = report.hints["subject"]
        return subject, (line, f"taken from the page's 'Similar ... resources' heading on line {line}")
    language = guess.guess_language([r.first for r in parts.terms]) if len(parts.terms) >= 5 else None
    if language:
        return language, (0, f"the key terms are {language} words")
    quoted = sum(len(b.quotes) for b in branches) + len(out.quotations)
    subject = guess.guess_subject(texts, {"English Literature": quoted})
    if subject:
        return subject, (0, "guessed from the words in the notes")
    return "", (0, "not clear from the notes: write the subject (e.g. History, Biology) as 'subject: ...'")


def _shape(branches, parts: _Parts, quotations) -> str:
    kinds = Counter(b.key for b in branches)
    names = {"causes": "reasons", "themes": "themes", "characters": "characters", "factors": "factors",
             "stages": "process", "categories": "categories", "cases": "case-studies"}
    records = len(parts.terms) + len(parts.dates)
    if not kinds:
        if quotations:
            return "themes"
        return "glossary" if len(parts.terms) >= len(parts.dates) else "timeline"
    (major, count), = kinds.most_common(1)
    others = sum(kinds.values()) - count
    if others * 2 > count or records > count:
        return "mixed"
    return names[major]


def _default_process(branches, parts: _Parts, title: str = "") -> str:
    if not any(b.key == "stages" for b in branches):
        return ""
    named = [r.first for r in parts.terms if r.first.casefold() == title.casefold()] or [r.first for r in parts.terms[:1]]
    if named and len(named[0].split()) <= 3:
        return named[0].lower()
    return title.lower() if title and len(title.split()) <= 3 else ""


def _outcome(outcomes: list[str]) -> str:
    unique = list(dict.fromkeys(o.strip() for o in outcomes if o.strip()))
    if not unique:
        return ""
    if len(unique) == 1:
        return unique[0]
    counts = Counter(o.strip() for o in outcomes)
    top = [o for o in unique if counts[o] == max(counts.values())]
    return top[0] if len(top) == 1 and len(unique) > 2 else " and ".join(unique[:3])


def _nothing(parts: _Parts, label: str) -> Problem:
    found = [f"{n} {what}" for n, what in ((len(parts.branches), "branch(es) with nothing usable under them"),
                                            (len(parts.loose), "loose line(s)")) if n]
    line = parts.chain[-1].line if parts.chain else 1
    what = "; ".join(found) or "nothing to import"
    return Problem(label, line, (
        f"found {what}, but no branch with points, key terms, dates or quotations to make notes from. "
        "Group the lines under headings (indent the points under each), write 'term - definition' "
        "or '1934 - event' lines, or add to existing notes with --into NOTES.yaml"
    ))


__all__ = ["BRANCH_KEYS", "Draft", "map_outline", "map_records"]
