"""Hostile XML in OPML and FreeMind files is refused with FILE:LINE, quickly, without fetching anything."""

from __future__ import annotations

import time

import pytest

from quizforge.errors import SourceError
from quizforge.importers import Source, import_source, read_source

from .conftest import FIXTURES

HOSTILE = FIXTURES / "import" / "hostile"


@pytest.mark.parametrize("name, words", [
    ("billion-laughs.opml", "DTD"),
    ("external-entity.mm", "DTD"),
    ("external-dtd.opml", "http://attacker.invalid/evil.dtd"),
])
def test_hostile_fixtures_are_refused(name, words):
    started = time.perf_counter()
    with pytest.raises(SourceError) as exc:
        import_source(read_source(HOSTILE / name))
    assert time.perf_counter() - started < 2, "no entity expansion, no network"
    message = str(exc.value)
    assert message.startswith(f"{HOSTILE / name}:2: ")
    assert words in message and "Delete the <!DOCTYPE" in message
    assert "root:" not in message  # nothing from /etc/passwd


def test_hostile_xml_is_refused_whatever_the_file_is_called():
    data = (HOSTILE / "billion-laughs.opml").read_bytes()
    for name in ("notes.txt", "map.mm", "noext"):
        with pytest.raises(SourceError, match="declares a DTD"):
            import_source(Source(name, data, "." + name.split(".")[-1] if "." in name else ""))


def test_forced_xml_format_on_hostile_content():
    data = (HOSTILE / "external-entity.mm").read_bytes()
    with pytest.raises(SourceError, match="declares a DTD"):
        import_source(Source("x.txt", data, ".txt"), "freemind")


def test_undefined_entity_is_not_well_formed():
    with pytest.raises(SourceError, match=r"parameter-entity.opml:2: not well-formed XML .*undefined entity"):
        import_source(read_source(HOSTILE / "parameter-entity.opml"))


@pytest.mark.parametrize("xml, message", [
    (b"<opml><body><outline text='a'></body></opml>", r"x.opml:1: not well-formed XML"),
    (b"", r"x.opml:1: not well-formed XML"),
    (b"<?xml version='1.0'?>\n<html><body/></html>", r"x.opml:2: expected an OPML file"),
])
def test_broken_xml_points_at_the_line(xml, message):
    with pytest.raises(SourceError, match=message):
        import_source(Source("x.opml", xml, ".opml"))


def test_deeply_nested_xml_is_refused_not_a_crash():
    xml = b"<map>" + b"<node TEXT='x'>" * 5000 + b"</node>" * 5000 + b"</map>"
    with pytest.raises(SourceError, match="nested more than"):
        import_source(Source("deep.mm", xml, ".mm"))


def test_xml_encoding_declaration_is_respected():
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<map><node TEXT="Caf\xe9s">'
           '<node TEXT="Why"><node TEXT="a"/></node><node TEXT="How"><node TEXT="b"/></node></node></map>').encode("latin-1")
    topic = import_source(Source("x.mm", xml, ".mm")).topic
    assert topic.title == "Cafés"
