"""Invariants of the timeline, process and glossary strategies, for the seed sweeps in test_strategies.py.

Each check takes (topic, question) and asserts the question has exactly one right answer, found in the notes.
"""

from __future__ import annotations

from quizforge.model import Choice, Gap, Match, Sequence, ShortAnswer
from quizforge.strategies._dates import parse_date, year_text
from quizforge.strategies._glossary import forms, gives_away, meanings, same_term
from quizforge.strategies._process import names_stage, without_order_words
from quizforge.strategies._text import end_sentence, find_phrase, normalise
from quizforge.strategies._timeline import MIN_GAP, short_event


def _when_of_event(topic, event):
    dated = [d for d in topic.dates if normalise(short_event(d.event)) == normalise(event)]
    assert len(dated) == 1, f"the event comes from the notes once: {event}"
    return dated[0], parse_date(dated[0].date)


def check_date_match(topic, q):
    m: Match = q.body
    if m.left_label == "Person":  # outside History: who did what, each person once, named in no event
        check_people_match(topic, q)
        return
    assert len(set(m.key)) == len(m.key) == len(m.causes) - 1, "each date once at most, one to spare"
    assert (m.left_label, m.right_label) == ("Date", "Event")
    whens = []
    for event, k in zip(m.examples, m.key):
        entry, when = _when_of_event(topic, event)
        assert m.causes[k] in (entry.date.strip(), year_text(when.year)), "each event is keyed to its own date"
        whens.append(when)
    assert all(a.before(b) or b.before(a) for i, a in enumerate(whens) for b in whens[i + 1:]), "dates tell apart"
    assert not any(find_phrase(e, str(w.year)) for e, w in zip(m.examples, whens)), "no event prints its year"


def check_people_match(topic, q):
    m: Match = q.body
    assert not topic.subject.lower().startswith("history"), "History matches events to dates"
    assert len(set(m.key)) == len(m.key) == len(m.causes) - 1, "each person once at most, one to spare"
    assert len(set(m.causes)) == len(m.causes)
    for deed, k in zip(m.examples, m.key):
        entry = [d for d in topic.dates if normalise(short_event(d.event)) == normalise(m.causes[k] + " " + deed)]
        assert len(entry) == 1, f"'{m.causes[k]} {deed}' is one event of the notes"
        for person in m.causes:
            assert not any(find_phrase(deed, part) for part in person.split() if len(part) > 3), "no deed names a person"


def check_which_first(topic, q):
    c: Choice = q.body
    assert 3 <= len(c.options) <= 4 and q.prompt == "Which of these happened first?"
    right = _when_of_event(topic, c.options[c.correct])[1]
    for i, option in enumerate(c.options):
        if i != c.correct:
            when = _when_of_event(topic, option)[1]
            assert when.start[0] - right.end[0] >= MIN_GAP, "the first is years before every other option"
    assert c.explanation


def check_what_year(topic, q):
    sa: ShortAnswer = q.body
    event = q.prompt.split("\n")[1].strip("\u201c\u201d")
    _, when = _when_of_event(topic, event)
    assert when.exact and when.precision != "span" and sa.answer == year_text(when.year) == q.answer


def _stage_items(topic):
    return [s.title for s in topic.stages]


def check_stage_order(topic, q):
    seq: Sequence = q.body
    right = [seq.items[i] for i in seq.order]
    assert list(seq.order) != list(range(len(seq.items))), "not printed already in order"
    titles = _stage_items(topic)
    if right[0] in titles:
        start = titles.index(right[0])
        assert right == titles[start:start + len(right)], "a run of stages in the notes' order"
    else:  # one description of each stage, the stages in order
        # a step is printed without its order words ('is next copied' -> 'is copied')
        owners = [next(i for i, s in enumerate(topic.stages)
                       if any(normalise(without_order_words(p.text)) == normalise(t) for p in s.walk()))
                  for t in right]
        assert owners == sorted(set(owners)), "the steps in the notes' order"
        # a step left out between two printed ones is one whose place the notes' chain does not fix
        from quizforge.strategies.stage_order import side_steps
        from quizforge.strategies._process import printed, sentence_points
        firsts = [without_order_words(printed(sentence_points(s)[0].text)) if sentence_points(s) else ""
                  for s in topic.stages]
        loose = side_steps(firsts)
        assert all(i in loose for i in range(owners[0], owners[-1] + 1) if i not in owners), "a run of steps"


def check_stage_describe(topic, q):
    sa: ShortAnswer = q.body
    stage = topic.cause(q.cause_id)
    own = {normalise(p.text) for p in stage.walk()}
    assert sa.points and all(normalise(p) in own for p in sa.points), "creditworthy points are the stage's own"
    assert 2 <= q.marks <= len(sa.points) and q.prompt.startswith("Describe what happens during ")
    assert any("1 mark" in g for g in q.guidance)


def check_stage_next(topic, q):
    c: Choice = q.body
    stages = topic.stages
    i = next(i for i, s in enumerate(stages) if s.id == q.id.split(":", 1)[1])
    assert c.options[c.correct] == stages[i + 1].title and stages[i].title not in c.options


def check_stage_name(topic, q):
    c: Choice = q.body
    text = q.prompt.split("\n")[1].strip("\u201c\u201d")
    owners = [s for s in topic.stages if any(normalise(p.text) == normalise(text) for p in s.walk())]
    assert [s.title for s in owners] == [c.options[c.correct]], "the description belongs to one stage: the keyed one"
    assert not any(names_stage(text, s) for s in topic.stages), "the description names no stage"


def _term(topic, name):
    found = [t for t in topic.key_terms if t.term == name]
    assert len(found) == 1
    return found[0]


def check_term_choice(topic, q):
    c: Choice = q.body
    term = _term(topic, c.options[c.correct])
    shown = q.prompt.split("\n")[1].strip("\u201c\u201d") if "\n" in q.prompt else q.prompt.split("\u2018", 1)[1].rsplit("\u2019", 1)[0]
    from quizforge.strategies._glossary import language
    assert not gives_away(term, shown, bool(language(topic))), "the definition does not give the term away"
    for i, option in enumerate(c.options):
        if i != c.correct:
            other = _term(topic, option)
            assert not same_term(other, term) and not (meanings(other.definition) & meanings(term.definition))
            assert not any(find_phrase(shown, f) for f in forms(other))


def check_term_blank(topic, q):
    gap: Gap = q.body
    owners = [t for t in topic.key_terms if any(f.lower() == gap.answer.lower() for f in forms(t))]
    assert len(owners) == 1, "the answer is one key term"
    rest = gap.before + " " + gap.after
    assert not any(find_phrase(rest, f) for f in forms(owners[0])), "the rest does not show the answer"
    if gap.source_id:
        point = next(p for p in topic.walk() if p.id == gap.source_id)
        assert normalise(gap.before + gap.answer + gap.after) == normalise(point.text)
    else:
        assert gap.before == "" and normalise(gap.after) == normalise(owners[0].definition.split(". ")[0])


CHECKS = {
    ("date-match", Match): check_date_match, ("which-first", Choice): check_which_first,
    ("what-year", ShortAnswer): check_what_year, ("stage-order", Sequence): check_stage_order,
    ("stage-describe", ShortAnswer): check_stage_describe, ("stage-next", Choice): check_stage_next,
    ("stage-name", Choice): check_stage_name, ("term-choice", Choice): check_term_choice,
    ("term-blank", Gap): check_term_blank,
}
