"""The import, in the order it happens, one pass at a time, each with its line in the report:

read (a reader per format) -> repair structure -> remove page chrome -> clean text ->
correct spelling -> tidy wording -> detect shape and map to notes -> write YAML -> validate -> save.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, QuizforgeError, SourceError
from ..io import write_atomic
from ..load import parse_notes
from ..load.notes import slug_for
from ..load.yamltree import read_bytes, read_text
from ..model import KeyTerm, Topic
from . import spelling, structure, text, tidy, words
from .clean import clean_tree
from .draft import Draft
from .mapper import map_outline, map_records
from .merge import merge_records
from .registry import Source, choose
from .tree import CHECK, MAX_OUTLINE_DEPTH, OutlineNode, Remark, Report, depth_of
from .yamltext import notes_yaml

MAX_BYTES = 10 * 1024 * 1024  # a mind map is kilobytes; refuse anything absurd before parsing it


@dataclass(frozen=True)
class ImportResult:
    """What one import produced (nothing here has touched the disk)."""

    source: str
    format: str
    yaml: str
    topic: Topic
    remarks: tuple[Remark, ...]
    report: tuple[str, ...]  # the remarks as FILE:LINE: kind: message
    draft: Draft | None = None
    passes: tuple[str, ...] = ()  # one line per pass: its name and how many remarks it made


def draft_source(source: Source, forced_format: str | None = None, keep_spelling: bool = False) -> tuple[str, Draft, Report]:
    """Every pass up to the notes draft: (reader name, draft, report). Nothing is validated or written."""
    report = Report(source.label)
    reader, tree = _read_tree(source, forced_format, report, keep_spelling)
    draft = report.run_pass("map to notes", map_outline, tree, report, Path(source.label).stem)
    draft = report.run_pass("check a language's words", check_vocabulary, draft, report)
    return reader.name, draft, report


def check_vocabulary(draft: Draft, report: Report) -> Draft:
    """A CHECK beside each term of a language glossary with a word that language's dictionary does not know
    ('Socialable'): papers leave such a term out (strategies/_vocabulary.py), so the teacher should mend it."""
    from ..strategies._glossary import subject_language
    from ..strategies._vocabulary import unknown_words

    lang = subject_language(draft.subject)
    if not lang or not draft.key_terms:
        return draft
    terms = [KeyTerm(r.first, r.second, r.line) for r in draft.key_terms]
    bad = unknown_words(terms, lang)
    for term in terms:
        if term.term in bad:
            report.add(CHECK, term.line, f"spelling: the {lang} dictionary does not know "
                       f"{', '.join(repr(w) for w in bad[term.term])}; papers leave '{term.term}' out until it is mended")
    return dataclasses.replace(draft, checks=report.comments()) if bad else draft


def import_source(source: Source, forced_format: str | None = None, keep_spelling: bool = False) -> ImportResult:
    """Turn an outline into notes text that the notes loader accepts, or raise QuizforgeError."""
    reader, draft, report = draft_source(source, forced_format, keep_spelling)
    text = notes_yaml(draft, Path(source.label).name)
    try:
        topic = parse_notes(text, f"{source.label} (imported)", slug_for(Path(source.label)))
    except SourceError as exc:  # the importer wrote notes it cannot read back: a bug, said plainly
        raise QuizforgeError(f"the notes imported from {source.label} do not validate (a bug in quizforge import; please report it):\n{exc}") from None
    return ImportResult(source.label, reader, text, topic, tuple(report.remarks), tuple(report.lines()), draft,
                        tuple(report.pass_lines()))


def _read_tree(source: Source, forced_format: str | None, report: Report, keep_spelling: bool = False):
    reader = choose(source, forced_format)
    tree = report.run_pass("read", reader.read, source, report)
    if depth_of(tree) > MAX_OUTLINE_DEPTH + 1:
        raise SourceError([Problem(source.label, 0, f"the outline is nested more than {MAX_OUTLINE_DEPTH} levels deep; flatten it")])
    return reader, clean_passes(tree, report, keep_spelling)


def clean_passes(tree: OutlineNode, report: Report, keep_spelling: bool = False) -> OutlineNode:
    """The format-independent passes over a tree a reader returned, in order."""
    tree = report.run_pass("repair structure", structure.repair, tree, report)
    tree = report.run_pass("remove chrome and placeholders", clean_tree, tree, report)
    lists = words.load()
    tree = report.run_pass("clean text", text.clean_tree, tree, report, lists)
    tree = report.run_pass("correct spelling", spelling.correct_tree, tree, report, lists, keep_spelling)
    return report.run_pass("tidy wording", tidy.tidy_tree, tree, report, lists)


def read_source(path: Path) -> Source:
    """The file's bytes, with a clear error for a missing, unreadable or huge file."""
    label = str(path)
    return Source(label, read_bytes(path, label, MAX_BYTES), path.suffix)


def default_output(path: Path) -> Path:
    return Path("sources") / f"{slug_for(path)}.yaml"


def import_file(path: Path, out: Path | None = None, forced_format: str | None = None, force: bool = False,
                keep_spelling: bool = False) -> tuple[ImportResult, Path]:
    """Import ``path`` and write the notes to ``out`` (default sources/<name>.yaml) atomically.

    An existing ``out`` is replaced only with ``force``; nothing is written if anything fails.
    """
    out = out or default_output(path)
    if out.exists() and not force:
        raise QuizforgeError(f"{out} already exists; use --force to replace it, or -o to write somewhere else")
    if out.exists() and path.exists() and out.resolve() == path.resolve():
        raise QuizforgeError(f"{out} is the file being imported; write the notes somewhere else with -o")
    if out.is_dir():
        raise QuizforgeError(f"{out} is a folder; give a file name such as {out / 'notes.yaml'}")
    result = import_source(read_source(path), forced_format, keep_spelling)
    try:
        write_atomic(out, result.yaml.encode("utf-8"))
    except OSError as exc:
        raise QuizforgeError(f"cannot write {out}: {exc.strerror or exc}") from None
    return result, out


@dataclass(frozen=True)
class MergeResult:
    source: str
    format: str
    added: dict[str, int]  # list key (causes, themes, ..., key_terms, dates) -> how many items were added
    report: tuple[str, ...]


def import_into(path: Path, notes: Path, out: Path | None = None, forced_format: str | None = None,
                force: bool = False, keep_spelling: bool = False) -> tuple[MergeResult, Path]:
    """Add what ``path`` holds and the notes file ``notes`` lacks: branches, quotations, key terms, dates.

    Everything already in ``notes`` stays exactly as the teacher left it (edits,
    comments, order); an item counts as already there when its title, term or
    date matches one in the notes, or its text is close to one (an edited line).
    ``notes`` itself is updated (that is what --into asks for) unless ``out`` is
    given, which follows the usual --force rule.
    """
    target = out or notes
    if out is not None and out.exists() and not force:
        raise QuizforgeError(f"{out} already exists; use --force to replace it, or -o to write somewhere else")
    source = read_source(path)
    report = Report(source.label)
    reader, tree = _read_tree(source, forced_format, report, keep_spelling)
    try:
        draft = map_outline(tree, report, Path(source.label).stem)
    except SourceError:
        terms, dates = map_records(tree, report)
        draft = None
    if draft is not None:
        terms = tuple((r.first, r.second) for r in draft.key_terms)
        dates = tuple((r.first, r.second) for r in draft.dates)
    if draft is None and not terms and not dates:
        raise SourceError([Problem(source.label, 0, "found nothing to add: no branches, key terms ('term - definition' "
                                   "lines) or dates ('1934 - event' lines)")])
    notes_text = read_text(notes, str(notes))
    merged, added = merge_records(notes_text, str(notes), terms, dates, draft)
    try:
        write_atomic(target, merged.encode("utf-8"))
    except OSError as exc:
        raise QuizforgeError(f"cannot write {target}: {exc.strerror or exc}") from None
    return MergeResult(source.label, reader.name, added, tuple(report.lines())), target


def run_import(path: Path, out: Path | None, forced_format: str | None, force: bool, into: Path | None,
               keep_spelling: bool = False) -> list[str]:
    """``quizforge import``: do the import and return the report lines for stderr."""
    if into is not None:
        merged, written = import_into(path, into, out, forced_format, force, keep_spelling)
        added = ", ".join(f"{n} {key.replace('_', ' ')}" for key, n in merged.added.items())
        return [*merged.report, f"{path} ({merged.format}) -> {written}: added {added}"]
    result, written = import_file(path, out, forced_format, force, keep_spelling)
    return [*result.report, *result.passes, f"{path} ({result.format}) -> {written}: {summary(result.topic)}; "
                                            "check the lines marked CHECK"]


def summary(topic: Topic) -> str:
    """'reasons: 2 causes, 23 points, 0 key terms, 0 dates, 0 quotations' -- what a teacher will find in the file."""
    kinds = Counter(b.kind for b in topic.groups)
    names = {"reason": "causes", "theme": "themes", "character": "characters", "factor": "factors", "stage": "stages",
             "category": "categories", "case": "cases"}
    branches = ", ".join(f"{n} {names.get(kind, kind)}" for kind, n in kinds.items()) or "0 branches"
    points = sum(len(list(b.walk())) for b in topic.groups)
    return (f"{topic.shape or 'notes'}: {branches}, {points} points, {len(topic.key_terms)} key terms, "
            f"{len(topic.dates)} dates, {len(topic.all_quotations())} quotations")
