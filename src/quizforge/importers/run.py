"""The import, in the order it happens: read -> clean -> map -> write YAML -> validate -> save."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, QuizforgeError, SourceError
from ..io import write_atomic
from ..load import parse_notes
from ..load.notes import slug_for
from ..load.yamltree import read_bytes, read_text
from ..model import Topic
from .clean import clean_tree
from .mapper import map_outline, map_records
from .merge import merge_records
from .registry import Source, choose
from .tree import MAX_OUTLINE_DEPTH, Remark, Report, depth_of
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


def import_source(source: Source, forced_format: str | None = None) -> ImportResult:
    """Turn an outline into notes text that the notes loader accepts, or raise QuizforgeError."""
    report = Report(source.label)
    reader, tree = _read_tree(source, forced_format, report)
    draft = map_outline(tree, report, Path(source.label).stem)
    text = notes_yaml(draft, Path(source.label).name)
    try:
        topic = parse_notes(text, f"{source.label} (imported)", slug_for(Path(source.label)))
    except SourceError as exc:  # the importer wrote notes it cannot read back: a bug, said plainly
        raise QuizforgeError(f"the notes imported from {source.label} do not validate (a bug in quizforge import; please report it):\n{exc}") from None
    return ImportResult(source.label, reader.name, text, topic, tuple(report.remarks), tuple(report.lines()))


def _read_tree(source: Source, forced_format: str | None, report: Report):
    reader = choose(source, forced_format)
    tree = reader.read(source, report)
    if depth_of(tree) > MAX_OUTLINE_DEPTH + 1:
        raise SourceError([Problem(source.label, 0, f"the outline is nested more than {MAX_OUTLINE_DEPTH} levels deep; flatten it")])
    return reader, clean_tree(tree, report)


def read_source(path: Path) -> Source:
    """The file's bytes, with a clear error for a missing, unreadable or huge file."""
    label = str(path)
    return Source(label, read_bytes(path, label, MAX_BYTES), path.suffix)


def default_output(path: Path) -> Path:
    return Path("sources") / f"{slug_for(path)}.yaml"


def import_file(path: Path, out: Path | None = None, forced_format: str | None = None, force: bool = False) -> tuple[ImportResult, Path]:
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
    result = import_source(read_source(path), forced_format)
    try:
        write_atomic(out, result.yaml.encode("utf-8"))
    except OSError as exc:
        raise QuizforgeError(f"cannot write {out}: {exc.strerror or exc}") from None
    return result, out


@dataclass(frozen=True)
class MergeResult:
    source: str
    format: str
    added: dict[str, int]  # key_terms / dates -> how many were added
    report: tuple[str, ...]


def import_into(path: Path, notes: Path, out: Path | None = None, forced_format: str | None = None,
                force: bool = False) -> tuple[MergeResult, Path]:
    """Add the key terms and dates found in ``path`` to the notes file ``notes``.

    ``notes`` itself is updated (that is what --into asks for; nothing in it is
    changed or removed) unless ``out`` is given, which follows the usual --force rule.
    """
    target = out or notes
    if out is not None and out.exists() and not force:
        raise QuizforgeError(f"{out} already exists; use --force to replace it, or -o to write somewhere else")
    source = read_source(path)
    report = Report(source.label)
    reader, tree = _read_tree(source, forced_format, report)
    terms, dates = map_records(tree, report)
    if not terms and not dates:
        raise SourceError([Problem(source.label, 0, "found no key terms ('term - definition' lines) or dates "
                                   "('1934 - event' lines) to add; import it as notes of its own without --into")])
    notes_text = read_text(notes, str(notes))
    merged, added = merge_records(notes_text, str(notes), terms, dates)
    try:
        write_atomic(target, merged.encode("utf-8"))
    except OSError as exc:
        raise QuizforgeError(f"cannot write {target}: {exc.strerror or exc}") from None
    return MergeResult(source.label, reader.name, added, tuple(report.lines())), target


def run_import(path: Path, out: Path | None, forced_format: str | None, force: bool, into: Path | None) -> list[str]:
    """``quizforge import``: do the import and return the report lines for stderr."""
    if into is not None:
        merged, written = import_into(path, into, out, forced_format, force)
        return [*merged.report, f"{path} ({merged.format}) -> {written}: added {merged.added['key_terms']} key terms, "
                                f"{merged.added['dates']} dates"]
    result, written = import_file(path, out, forced_format, force)
    topic = result.topic
    points = sum(len(list(c.walk())) for c in topic.causes)
    return [*result.report, f"{path} ({result.format}) -> {written}: {len(topic.causes)} causes, {points} points, "
                            f"{len(topic.key_terms)} key terms, {len(topic.dates)} dates; check the lines marked CHECK"]
