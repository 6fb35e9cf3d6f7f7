"""Anki .apkg: a deck per topic, a sub-deck per cause; cloze notes for gaps, basic notes for the rest.

Re-exporting after the notes change updates students' cards instead of
duplicating them: each note's guid comes from the topic and the question's
content (``identity.question_key``: an inserted point or a renamed file changes
nothing; an explicit ``id:`` keeps a card through rewording), and decks and note types have
fixed ids derived from their names. Note ids and modification times come
from ``ExportContext.mtime`` (the notes file's last edit), so the same notes
give the same bytes and an edited file gives newer notes, which Anki's
"update if newer" import takes.
"""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizforgeError
from ..model import (
    Choice,
    Extended,
    Gap,
    Match,
    Paper,
    Question,
    Sequence,
    ShortAnswer,
    TrueFalse,
)
from ..identity import notes_identity, question_key
from .base import ExportContext, dispatch
from .ids import int_id
from .markup import bullets, esc, paragraphs
from .text import (
    answer_lines,
    groups,
    mark_scheme_lines,
    match_pairs,
    sequence_ordered,
    stem_lines,
)
from .zipio import zip_bytes

CSS = ".card { font-family: 'Atkinson Hyperlegible', Arial, sans-serif; font-size: 20px; text-align: left; }"


@dataclass(frozen=True)
class Card:
    """One Anki note before it becomes a genanki.Note: ``key`` names it stably within the topic."""

    key: str
    cloze: bool
    fields: tuple[str, ...]  # HTML: (Front, Back) or (Text, Extra)


def anki_html(html: str) -> str:
    """HTML for an Anki field: braces as entities, so no text can start a {{cloze}} or a template field."""
    return html.replace("{", "&#123;").replace("}", "&#125;")


def _back(lines: list[str]) -> str:
    return anki_html(bullets(lines))


def _gap(q: Question) -> list[Card]:
    body: Gap = q.body
    answer = anki_html(esc(body.answer)).replace(":", "&#58;")  # '::' would start a cloze hint
    text = anki_html(esc(body.before)) + "{{c1::" + answer + "}}" + anki_html(esc(body.after))
    extra = _back(answer_lines(q)[1:])
    return [Card(q.id, True, (text, extra))]


def _match(q: Question) -> list[Card]:
    body: Match = q.body
    ids = body.example_ids or tuple(str(j) for j in range(len(body.examples)))
    label = body.left_label.lower()
    return [Card(f"{q.strategy}:{example_id}", False,
                 (anki_html(paragraphs([example, f"Which {label} does this support?"])), anki_html(esc(cause))))
            for example_id, (example, cause) in zip(ids, match_pairs(body))]


def _basic(q: Question, back: list[str]) -> list[Card]:
    return [Card(q.id, False, (anki_html(bullets(stem_lines(q))), _back(back)))]


def _extended(q: Question) -> list[Card]:
    return _basic(q, mark_scheme_lines(q))


def _answer_only(q: Question) -> list[Card]:
    return _basic(q, answer_lines(q))


def _sequence(q: Question) -> list[Card]:
    return _basic(q, [f"• {item}" for item in sequence_ordered(q.body)])


_BODIES = {Gap: _gap, Match: _match, Extended: _extended, Choice: _answer_only, TrueFalse: _answer_only,
           ShortAnswer: _answer_only, Sequence: _sequence}


def _genanki():
    try:
        import genanki
    except ImportError:
        raise QuizforgeError("the Anki export needs genanki: pip install genanki") from None
    return genanki


def _models(genanki):
    basic = genanki.Model(
        int_id("quizforge", "basic", "v1"), "quizforge basic", fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}], css=CSS)
    cloze = genanki.Model(
        int_id("quizforge", "cloze", "v1"), "quizforge cloze", fields=[{"name": "Text"}, {"name": "Extra"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}"}],
        css=CSS, model_type=genanki.Model.CLOZE)
    return basic, cloze


def deck_name(*names: str) -> str:
    """'Topic::Cause'; a '::' inside a title would make a deeper deck, so it becomes ':'."""
    return "::".join(" ".join(n.split()).replace("::", ":") for n in names)


def _decks(paper: Paper, genanki) -> list:
    basic, cloze = _models(genanki)
    topic = paper.topic
    identity = notes_identity(topic)  # never the file name: a renamed file is the same deck
    top = genanki.Deck(int_id("quizforge", "deck", identity), deck_name(topic.title), description=esc(topic.question))
    decks = {None: top}
    for group in groups(paper):
        cause = group.cause
        if cause is not None:
            decks[cause.id] = genanki.Deck(int_id("quizforge", "deck", question_key(topic, cause.id)),
                                           deck_name(topic.title, cause.title))
        deck = decks[cause.id if cause else None]
        for q in group.questions:
            tags = ["quizforge", q.strategy, *([cause.id.replace(" ", "_")] if cause else [])]
            for card in dispatch(_BODIES, q, "anki"):
                deck.add_note(genanki.Note(model=cloze if card.cloze else basic, fields=list(card.fields),
                                           guid=genanki.guid_for(question_key(topic, card.key)), tags=tags))
    return list(decks.values())


def apkg_bytes(paper: Paper, mtime: int) -> bytes:
    genanki = _genanki()
    package = genanki.Package(_decks(paper, genanki))
    with tempfile.TemporaryDirectory(prefix="quizforge-anki-") as folder:
        path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(path)
        try:
            package.write_to_db(connection.cursor(), mtime, itertools.count(mtime * 1000))
            connection.commit()
        finally:
            connection.close()
        database = path.read_bytes()
    return zip_bytes([("collection.anki2", database), ("media", b"{}")])


class AnkiExporter:
    name = "anki"
    summary = "Anki deck (.apkg): sub-decks per cause, cloze cards for gaps; re-import updates existing cards."
    suffix = ".apkg"

    def export(self, paper: Paper, context: ExportContext) -> bytes:
        return apkg_bytes(paper, context.mtime)


EXPORTER = AnkiExporter()
