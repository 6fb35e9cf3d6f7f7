"""Key terms: match each term to its definition, then "define X" with the definition as the mark scheme."""

from __future__ import annotations

import random
import re

from ..equations import read_equation
from ..errors import NotEnoughMaterial
from ..quality.fit import echoes_title
from ..quality.words import known, lemma, pos
from ..model import KeyTerm, Match, Question, Section, ShortAnswer, Topic
from ._glossary import answered_elsewhere, confusable, gives_away, is_answer, language, same_term
from ._pools import first_sentence, slug
from ._gates import fresh_first, in_turns, printable, reveals
from ._text import STOP_WORDS, normalise
from .base import Options


MAX_MATCH = 6
MIN_MATCH = 3  # definitions in a matching question: fewer is a guess between two
DEFINE_COUNT = 2
MASK = "\u2026"  # the term's own name is hidden in its definition


def masked(term: KeyTerm) -> str:
    """The definition's first sentence, with the term itself hidden so it cannot give the match away."""
    text = first_sentence(term.definition)
    for form in sorted((term.term, *term.accept), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", MASK, text, flags=re.IGNORECASE)
    return text


def term_source(term: KeyTerm) -> str:
    """How a question records that it asks about a key term (point ids never contain ':')."""
    return f"term:{slug(term.term)}"


def match_question(terms: list[KeyTerm], rng: random.Random, lang: str = "", spare: KeyTerm | None = None) -> Question:
    """Definitions A, B, ... to match to the numbered terms. A ``spare`` term is listed among them with no
    definition of its own, so the last definition is never matched by elimination."""
    listed = list(terms) if spare is None else sorted([*terms, spare], key=lambda t: rng.random())
    order = list(range(len(terms)))
    rng.shuffle(order)
    asked = [terms[i] for i in order]
    body = Match(causes=tuple(t.term for t in listed), examples=tuple(masked(t) for t in asked),
                 key=tuple(listed.index(t) for t in asked), example_ids=tuple(slug(t.term) for t in asked),
                 left_label=f"{lang} word" if lang else "Term", right_label="English" if lang else "Definition")
    letters = "ABCDEFGHIJ"
    if lang:
        prompt = (f"Match each English meaning, A to {letters[len(terms) - 1]}, to the {lang} for it. "
                  f"Write the number of the {lang} word or phrase in the box. "
                  + ("Each one is used once at most, and one is not needed." if spare else "Each one is used once."))
    else:
        prompt = (f"Match each definition, A to {letters[len(terms) - 1]}, to the key term it describes. "
                  "Write the number of the term in the box. "
                  + ("Each term is used once at most, and one term is not needed." if spare else "Each term is used once."))
    return Question(
        id="key-terms:match:" + ",".join(body.example_ids), strategy="key-terms", prompt=prompt,
        marks=len(terms), body=body, answer=", ".join(f"{letters[j]} {k + 1}" for j, k in enumerate(body.key)),
        guidance=(f"1 mark for each English meaning matched to the right {lang} (up to {len(terms)})." if lang
                  else f"1 mark for each definition matched to the right term (up to {len(terms)}).",),
        sources=tuple(term_source(t) for t in (*terms, *([spare] if spare else []))),
    )


def meaning_question(term: KeyTerm, lang: str) -> Question:
    """'What does ‘venir’ mean?' A word of a language: 1 mark for the meaning, any of its glosses."""
    glosses = [g.strip() for g in re.split(r"/| or ", term.definition) if g.strip()]  # "open/outgoing", "open or outgoing"
    accept = tuple(g for g in glosses if g != term.definition.strip())
    body = ShortAnswer(answer=term.definition, accept=accept, lines=1)
    either = " or ".join(f"‘{g}’" for g in glosses)
    return Question(
        id=f"key-terms:define:{slug(term.term)}", strategy="key-terms", prompt=f"What does ‘{term.term}’ mean in English?",
        marks=1, body=body, answer=term.definition,
        # A word seldom has one English meaning ('la taille': height, size, waist); the notes give the one they
        # were learnt with, so a colleague is told to credit any other that is right (blind review: "accepts only
        # 'The height'").
        guidance=(f"1 mark for {either}, or the same meaning in other words.",
                  f"Also credit any other correct English meaning of ‘{term.term}’: the notes give one, and many words "
                  "have more than one."), sources=(term_source(term),),
    )


# Where a definition holds two ideas, each earns a mark: "The area of land drained by a river | and its
# tributaries" is not split, but "A process used in industry. | It makes ammonia" or "..., which ..." is.
TWO_PARTS = re.compile(r"(?<=[a-z)])(?:\. (?=[A-Z])|; |, (?=which |so |because |where |when |and then ))")


def define_parts(definition: str) -> list[str]:
    """The definition's ideas, for marking: two when it plainly has two clauses, else one."""
    parts = [p.strip().rstrip(".") for p in TWO_PARTS.split(definition.strip()) if p.strip()]
    return parts if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts) else [definition.strip().rstrip(".")]


def mid_sentence(term: str, names: frozenset[str] = frozenset()) -> str:
    """A term as it reads inside a sentence: 'Groundwater flow' -> 'groundwater flow'; a name, an acronym or a
    word the dictionary does not know ('Politburo', 'NKVD') keeps its capital, and so does a word the notes
    write with a capital mid-sentence (``names``: 'God' in "God's presence")."""
    words = term.split()
    first = words[0] if words else ""
    if len(first) < 2 or not first[0].isupper() or any(c.isupper() for c in term[1:]) or first in names:
        return term
    # a dictionary word; or a word the frequency list knows ahead of ordinary words ('Groundwater flow');
    # or one made of two dictionary words ('Afterlife': after + life), as names seldom are
    common = (pos(first.lower()) or (len(words) > 1 and all(pos(w) for w in words[1:]) and known(first.lower()))
              or (len(words) == 1 and compound(first.lower())))
    return term[0].lower() + term[1:] if common else term


def compound(word: str) -> bool:
    """'afterlife', 'groundwater': two dictionary words of three letters or more, written as one; or
    dictionary words joined by hyphens ('hard-working')."""
    if "-" in word:
        return all(part.isalpha() and pos(part) for part in word.split("-"))
    return word.isalpha() and any(pos(word[:i]) and pos(word[i:]) for i in range(3, len(word) - 2))


MID_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)")


def capitalised_names(topic: Topic) -> frozenset[str]:
    """Words the notes' definitions write with a capital after a lower-case word: names, whatever the dictionary says."""
    return frozenset(w for t in topic.key_terms for w in MID_CAPITAL.findall(t.definition))


def define_question(term: KeyTerm, names: frozenset[str] = frozenset(), topic: Topic | None = None) -> Question:
    """'Define the term X': one mark an idea of the definition, each idea printed for the marker; where the
    notes also give the term as a sum ('Stopping distance = thinking distance + braking distance'), the
    sum is accepted for a one-mark definition (blind review: "the standard GCSE answer ... not in the key")."""
    parts = define_parts(term.definition)
    body = ShortAnswer(answer=term.definition, lines=2 if len(parts) == 1 else 3,
                       points=tuple(p[0].upper() + p[1:] + "." for p in parts) if len(parts) > 1 else ())
    if len(parts) == 1:
        guidance = ("1 mark for the meaning in the model answer, in any words.",)
        total = sum_for(term, topic) if topic is not None else ""
        if total:
            guidance += (f"Also accept: {total}.",)
    else:
        guidance = ("1 mark for each of the two ideas above, in any words.",)
    return Question(
        id=f"key-terms:define:{slug(term.term)}", strategy="key-terms", prompt=f"Define the term \u2018{mid_sentence(term.term, names)}\u2019.",
        marks=len(parts), body=body, answer=term.definition, guidance=guidance,
        sources=(term_source(term),),
    )


def sum_for(term: KeyTerm, topic: Topic) -> str:
    """'the thinking distance plus the braking distance' where an equation of the notes has the term alone
    on its left ('Stopping distance = thinking distance + braking distance'), else ''."""
    for equation in topic.equations:
        reading = read_equation(equation.text)
        if reading and reading.quantities and len(reading.left) == 1 and normalise(reading.left[0]) == normalise(term.term):
            return " plus ".join(f"the {part[0].lower() + part[1:]}" for part in reading.right)
    return ""


def names_topic(term: KeyTerm, topic: Topic) -> bool:
    """Is the term the topic its title names ('Haber process' on 'The Haber process', 'Mitosis' on 'Mitosis')?"""
    words = {lemma(w) for w in re.findall(r"[\w'-]+", term.term) if w.lower() not in STOP_WORDS}
    title = {lemma(w) for w in re.findall(r"[\w'-]+", topic.title)}
    return bool(words) and words <= title


class KeyTerms:
    hides_text = True  # the pairing of term and definition is the answer: no other question may print it
    name = "key-terms"
    title = "Key terms"
    summary = "Match key terms to their definitions, and 'define X' with the definition as the mark scheme."

    def generate(self, topic: Topic, rng: random.Random, options: Options) -> Section:
        lang = language(topic)
        unique = {normalise(masked(t)): t for t in reversed(topic.key_terms)}
        # a term listed twice ('gentil' and 'gentil(le)') leaves both out, as askable() does: one printed
        # in the match would answer a question on the other
        twice = {t.term for t in topic.key_terms for o in topic.key_terms if o is not t and same_term(o, t)}
        answers = answered_elsewhere(topic, options.hidden)  # 'Attention', the answer of a comparison
        terms = [t for t in topic.key_terms if unique.get(normalise(masked(t))) is t and t.term not in twice
                 and not is_answer(t, answers)
                 and printable(t.term, "term") and printable(masked(t), "option")
                 and not reveals(t.term, options.secrets) and not reveals(masked(t), options.secrets)]
        # Leave out terms another question asks about, and in a language the words that give themselves
        # away ('patient(e)': patient), as long as enough are left.
        better = [t for t in terms if term_source(t) not in options.hidden | options.exclude
                  and not (lang and gives_away(t, t.definition, True))]
        terms = better if len(better) >= 3 + DEFINE_COUNT else [t for t in terms if term_source(t) not in options.hidden] or terms
        if not terms:
            raise NotEnoughMaterial(f"{topic.source}: key terms needs key_terms with different definitions, each "
                                    "a clear phrase or sentence")
        if len(terms) < 3:  # too few to match: each defined on its own ('Define the term overclocking')
            # but not the topic itself ('Define the Haber process' on 'The Haber process'): the rest of the
            # paper is about it, so its equation or stages give the definition away (blind review)
            terms = [t for t in terms if not names_topic(t, topic)]
            if not terms:
                raise NotEnoughMaterial(f"{topic.source}: key terms needs key_terms other than the topic itself "
                                        f"({topic.title.strip()}), with different definitions")
            return self._section(lang, self._one_by_one(topic, terms, options, lang))
        # Each seed its turn, and the terms the seed before asked go last: seed 2 asks other terms.
        # A glossary no longer than one paper's worth still turns: another seed defines other terms.
        step = MAX_MATCH + DEFINE_COUNT if len(terms) > MAX_MATCH + DEFINE_COUNT else DEFINE_COUNT
        terms = fresh_first(in_turns(terms, step, options.seed, "key-terms", key=lambda t: t.term),
                            options.previous, term_source, self.name)
        others = {t.term: [o.term for o in topic.key_terms if o is not t] for t in topic.key_terms}
        # 'Distance travelled until the car stops' for 'Stopping distance': the definition's own word, by lemma
        revealing = [t for t in terms if gives_away(t, masked(t))
                     or (not lang and echoes_title(masked(t), t.term, others[t.term]))]

        def trap(a: KeyTerm, b: KeyTerm) -> bool:
            """a's definition uses a word of b's name ('putting on the brakes' beside 'Braking distance'), or
            the other way round: listed together, one points at the wrong term."""
            return not lang and (echoes_title(masked(a), b.term, others[b.term])
                                 or echoes_title(masked(b), a.term, others[a.term]))
        n_define = DEFINE_COUNT if options.tier != "support" else 1
        if len(terms) - n_define < 3:  # a defined term never also appears in the match
            n_define = min(n_define, len(revealing)) if len(terms) - len(revealing) >= 3 else 0
        n_match = min(options.count or MAX_MATCH, MAX_MATCH, len(terms) - n_define)
        # A definition that still shows a word of its term ('The cycle that ...' for 'Fetch-decode-execute
        # cycle') would give the match away: such a term is better asked as "Define ...".
        picked: list[KeyTerm] = []
        # confusable definitions never share a match; a term that misleads beside many others goes last
        clashes = {t.term: sum(trap(t, o) for o in terms if o is not t) for t in terms}
        for term in sorted((t for t in terms if t not in revealing), key=lambda t: clashes[t.term]):
            if len(picked) < n_match and not any(confusable(term, p) or trap(term, p) for p in picked):
                picked.append(term)
        if len(picked) < min(3, n_match):  # too few: revealing terms too, but never two that mislead
            picked = []
            for term in terms:
                if len(picked) < n_match and not any(confusable(term, p) or trap(term, p) for p in picked):
                    picked.append(term)
        matched = sorted(picked, key=topic.key_terms.index)
        rest = [t for t in terms if t not in picked]
        defines = sorted(rest, key=lambda t: t not in revealing)[:n_define]
        # One term more than definitions, so the last definition is not matched by elimination: a term
        # no other question asks about if there is one, else one of the matched terms loses its definition.
        spares = [t for t in rest if t not in defines and t not in revealing
                  and not any(confusable(t, m) or trap(t, m) for m in matched)]
        # a term to be defined serves as the spare rather than a definition lost from a short match
        movable = [d for d in defines if d not in revealing and not any(confusable(d, m) or trap(d, m) for m in matched)]
        if spares:
            spare = spares[0]
        elif len(matched) <= MIN_MATCH and movable and len(defines) > 1:
            spare = movable[0]
            defines.remove(spare)
        else:
            spare = matched.pop(rng.randrange(len(matched))) if len(matched) >= 3 else None
        names = capitalised_names(topic)
        ask = (lambda t: meaning_question(t, lang)) if lang else (lambda t: define_question(t, names, topic))
        for term in [d for d in defines if d not in revealing]:  # a fuller match before a second 'define'
            if len(matched) < MIN_MATCH and not any(confusable(term, m) or trap(term, m)
                                                    for m in [*matched, *([spare] if spare else [])]):
                matched.append(term)
                defines.remove(term)
        matched.sort(key=topic.key_terms.index)
        if len(matched) >= MIN_MATCH:
            questions = (match_question(matched, rng, lang, spare), *(ask(t) for t in defines))
        else:
            # two definitions to match is a guess between two: the terms are asked one by one instead, those
            # this strategy did not ask the seed before first (a short glossary that every seed uses whole:
            # seed 2 defines the term seed 1 only offered in a multiple choice, not the same four again)
            one_by_one = fresh_first([*defines, *matched, *([spare] if spare else [])], options.previous,
                                     lambda t: f"{self.name}@{term_source(t)}")[:max(n_define, 1) + DEFINE_COUNT]
            questions = tuple(ask(t) for t in sorted(one_by_one, key=topic.key_terms.index))
            if not questions:
                raise NotEnoughMaterial(f"{topic.source}: key terms needs at least {MIN_MATCH + 1} key_terms whose "
                                        "definitions do not use a word of any term's name")
        return self._section(lang, questions)

    def _one_by_one(self, topic: Topic, terms: list[KeyTerm], options: Options, lang: str) -> tuple[Question, ...]:
        """Up to two terms defined on their own, each seed its turn and the seed before's last."""
        names = capitalised_names(topic)
        turn = fresh_first(in_turns(terms, 1, options.seed, "key-terms", key=lambda t: t.term), options.previous,
                           term_source, self.name)
        n = min(DEFINE_COUNT if options.tier != "support" else 1, options.count or DEFINE_COUNT)
        chosen = sorted(turn[:n], key=topic.key_terms.index)
        return tuple(meaning_question(t, lang) if lang else define_question(t, names, topic) for t in chosen)

    def _section(self, lang: str, questions: tuple[Question, ...]) -> Section:
        instructions = (f"Show that you know what these {lang} words and phrases mean." if lang
                        else "Show that you know what the key words of this topic mean.")
        return Section(self.name, "Vocabulary" if lang else self.title, instructions, questions)


STRATEGY = KeyTerms()
