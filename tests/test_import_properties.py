"""Property tests: any outline text imports without a crash, and well-formed outlines keep every node."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizforge.errors import QuizforgeError
from quizforge.importers import Source, import_source
from quizforge.importers.guess import sentence_case
from quizforge.importers.yamltext import scalar
from quizforge.load import parse_notes
from quizforge.load.fields import INVISIBLE

from .conftest import MINIMAL

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines built from the pieces real outlines are made of, so that the generator
# reaches the interesting paths (bullets, numbers, dates, glossary lines, clutter).
PIECES = st.sampled_from([
    "", " ", "  ", "\t", "•", "- ", "* ", "o ", "1 ", "1.1 ", "2) ", "(a) ", "# ", "## ", "1934 - ", "term - ",
    "View mindmap", "Photo of ", "Video about it", "Key terms", "Timeline", ": ", " #", "»", "'", '"', "&", "<",
    "the", "and", "Stalin", "reasons", "?", ".", ",", "-", "\u00a0", "\u2028", "\x0b", "yes", "~",
    "See all ", " resources", "Similar ", "Home > ", " » ", "★", "![x](y.png)", "<opml>", "<map>",
])
LINE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=8).map("".join)
OUTLINE = st.lists(LINE, max_size=40).map("\n".join)


def assert_imports_or_says_why(text: str, name: str) -> None:
    try:
        result = import_source(Source(name, text.encode("utf-8"), "." + name.rsplit(".", 1)[-1]))
    except QuizforgeError as exc:
        assert str(exc).strip(), "an error must say what is wrong"
        return
    parse_notes(result.yaml)  # what would be written is valid notes


@SETTINGS
@given(OUTLINE)
def test_any_outline_text_imports_or_fails_clearly(text):
    assert_imports_or_says_why(text, "notes.txt")


@SETTINGS
@given(OUTLINE)
def test_any_markdown_imports_or_fails_clearly(text):
    assert_imports_or_says_why(text, "notes.md")


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_text_imports_or_fails_clearly(text):
    assert_imports_or_says_why(text, "notes.txt")


WORD = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=3, max_size=10)
NODE_TEXT = st.lists(WORD, min_size=2, max_size=6).map(" ".join).map(lambda s: s + ".")


@st.composite
def cause_trees(draw):
    """A root and 2-5 branches with different titles, each with 1-4 points and some sub-points: a well-formed mind map."""
    causes = []
    titles = draw(st.lists(NODE_TEXT, min_size=2, max_size=5, unique_by=lambda t: t.casefold().rstrip(".")))
    distinct = st.lists(NODE_TEXT, unique_by=str.casefold)  # a line repeated straight after itself is kept once
    for title in titles:
        points = [(point, draw(distinct.filter(lambda subs: len(subs) <= 2)))
                  for point in draw(distinct.filter(lambda ps: 1 <= len(ps) <= 4))]
        causes.append((title, points))
    return draw(NODE_TEXT), causes


def render(tree, bullet: str, indent: str) -> str:
    title, causes = tree
    lines = [title]
    for cause, points in causes:
        lines.append(f"{indent}{bullet}{cause}")
        for point, subs in points:
            lines.append(f"{indent * 2}{bullet}{point}")
            lines += [f"{indent * 3}{bullet}{sub}" for sub in subs]
    return "\n".join(lines) + "\n"


@SETTINGS
@given(cause_trees(), st.sampled_from(["• ", "- ", "* ", "o ", ""]), st.sampled_from(["  ", "    ", "\t"]))
def test_well_formed_outlines_keep_every_node(tree, bullet, indent):
    # Structure only: --keep-spelling, so that a random word near a real one ("haarbreak") is not corrected.
    topic = import_source(Source("map.txt", render(tree, bullet, indent).encode(), ".txt"), keep_spelling=True).topic
    _, causes = tree
    # the shape may be guessed otherwise (branch words like 'raises' read as factors); the branches stay
    assert len(topic.groups) == len(causes)
    for imported, (title, points) in zip(topic.groups, causes):
        # A title is a heading: no full stop; shouted words may be lowered ("EXACT copies").
        assert imported.title.casefold() == sentence_case(title).rstrip(".").casefold()
        assert [len(p.points) for p in imported.points] == [len(subs) for _, subs in points]


@SETTINGS
@given(st.text(min_size=1, max_size=60).filter(lambda s: INVISIBLE.sub("", " ".join(s.split())).split()))
def test_any_text_survives_the_yaml_writer(text):
    written = " ".join(text.split())
    notes = MINIMAL.replace("Heat makes particles move faster.", scalar(written))
    # control characters and a stray BOM are the only things the loader leaves out
    assert parse_notes(notes).causes[0].points[0].text == " ".join(INVISIBLE.sub("", written).split())


XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"), min_size=1, max_size=30,
).filter(lambda s: " ".join(s.split()) and not " ".join(s.split()).startswith(("http",)))


@st.composite
def xml_trees(draw):
    """2-4 branches of 1-3 points each, with any text XML can carry (quotes, ampersands, angle brackets)."""
    return [(draw(XML_TEXT), [draw(XML_TEXT) for _ in range(draw(st.integers(1, 3)))]) for _ in range(draw(st.integers(2, 4)))]


def opml(tree) -> bytes:
    from xml.sax.saxutils import quoteattr
    body = "".join(f"<outline text={quoteattr(c)}>" + "".join(f"<outline text={quoteattr(p)}/>" for p in ps) + "</outline>"
                   for c, ps in tree)
    return f'<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>T</title></head><body>{body}</body></opml>'.encode()


def freemind(tree) -> bytes:
    from xml.sax.saxutils import quoteattr
    body = "".join(f"<node TEXT={quoteattr(c)}>" + "".join(f"<node TEXT={quoteattr(p)}/>" for p in ps) + "</node>"
                   for c, ps in tree)
    return f'<map version="1.0.1"><node TEXT="T">{body}</node></map>'.encode()


@SETTINGS
@given(xml_trees(), st.sampled_from([("x.opml", opml), ("x.mm", freemind)]))
@example(tree=[("0", ["0"]), ("0", ["IMAGE"])], kind=("x.opml", opml))  # once failed: "IMAGE" is a media placeholder
@example(tree=[("0", ["0"]), ("0", ["1:"])], kind=("x.opml", opml))
@example(tree=[("0", ["0"]), ("BEBlY", ["0"])], kind=("x.opml", opml))  # once 'corrected' to 'Belly'
@example(tree=[("0", ["0"]), ("0", ["anpau"])], kind=("x.opml", opml))  # once 'corrected' two edits away to 'anal'
@example(tree=[("0", ["0"]), ("0", ["0aaa"])], kind=("x.opml", opml))  # spaced to '0 aaa', a clean-up, not an invention
@example(tree=[("0", ["0"]), ("0", ["ITLL"])], kind=("x.opml", opml))  # "IT'LL": a contraction restored
@example(tree=[("0", ["0"]), ("0", ["Aalow"])], kind=("x.opml", opml))  # corrected to 'Allow', and reported
def test_xml_outlines_import_or_fail_clearly(tree, kind):
    name, render_xml = kind
    try:
        result = import_source(Source(name, render_xml(tree), "." + name.split(".")[1]))
    except QuizforgeError as exc:
        assert str(exc).strip()
        return
    topic = result.topic
    # Media placeholders, glossary and date lines may be moved or dropped, text is cleaned (full stops,
    # "&" written "and", shorthand spelt out), but nothing is invented: every word imported is a word
    # of the outline, one of the few words the clean-up itself writes, or a spelling correction the
    # import report lists for the teacher to check ('Aalow' -> 'Allow').
    # ('0aaa' is read as a number glued to its word, '0 aaa', as '300years' is)
    given = {w for c, ps in tree for t in (c, *ps) for w in words_of(t) | words_of(re.sub(r"(\d)([^\W\d_])", r"\1 \2", t))}
    given |= {w for r in result.remarks if r.kind == "corrected" for w in words_of(r.message.split("->")[-1])}
    for group in topic.groups:
        for text in [group.title, *(p.text for p in group.walk())]:
            assert words_of(text) <= given | IMPORTER_WORDS, (text, tree)


IMPORTER_WORDS = frozenset(
    "and leads to gives is because with without especially e g i approximately government years react reversibly form "
    "other points step affects the of a an information there it this".split())


def words_of(text: str) -> set[str]:
    """The words of a text, compared case-blind; upper-casing first so a capital the clean-up adds
    ('ı0' -> 'I0', dotless i) compares equal to the letter typed."""
    import re
    # digits and letters apart: the clean-up spaces a number glued to a word ('2more' -> '2 more')
    # and apostrophes out: the clean-up restores them in contractions ('itll' -> "it'll")
    return {w.upper().casefold() for w in re.findall(r"\d+|[^\W\d]+", re.sub(r"['\u2019]", "", text))}
