"""The import, in the order it happens: read -> clean -> map -> write YAML -> validate -> save."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, QuizforgeError, SourceError
from ..io import write_atomic
from ..load import parse_notes
from ..load.notes import slug_for
from ..model import Topic
from .clean import clean_tree
from .mapper import map_outline
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
    reader = choose(source, forced_format)
    report = Report(source.label)
    tree = reader.read(source, report)
    if depth_of(tree) > MAX_OUTLINE_DEPTH + 1:
        raise SourceError([Problem(source.label, 0, f"the outline is nested more than {MAX_OUTLINE_DEPTH} levels deep; flatten it")])
    draft = map_outline(clean_tree(tree, report), report, Path(source.label).stem)
    text = notes_yaml(draft, Path(source.label).name)
    try:
        topic = parse_notes(text, f"{source.label} (imported)", slug_for(Path(source.label)))
    except SourceError as exc:  # the importer wrote notes it cannot read back: a bug, said plainly
        raise QuizforgeError(f"the notes imported from {source.label} do not validate (a bug in quizforge import; please report it):\n{exc}") from None
    return ImportResult(source.label, reader.name, text, topic, tuple(report.remarks), tuple(report.lines()))


def read_source(path: Path) -> Source:
    """The file's bytes, with a clear error for a missing, unreadable or huge file."""
    label = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError([Problem(label, 0, f"is {size // 1024 // 1024} MB; an outline to import must be under {MAX_BYTES // 1024 // 1024} MB")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError([Problem(label, 0, "file not found")]) from None
    except IsADirectoryError:
        raise SourceError([Problem(label, 0, "is a folder, not a file")]) from None
    except OSError as exc:
        raise SourceError([Problem(label, 0, f"cannot be read: {exc.strerror}")]) from None
    return Source(label, data, path.suffix)


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
