"""Guesses the importer makes and marks for checking: subject, question, and what a line is.

All pure functions over text; the mapper decides where their answers go.
"""

from __future__ import annotations

import re
from collections import Counter

# Subject -> words that suggest it. The subject with the most hits (at least
# MIN_HITS) wins; otherwise FALLBACK_SUBJECT. A teacher corrects a wrong guess
# in one line, so a short list is enough.
SUBJECT_WORDS: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "History": "war wars revolution king queen empire treaty stalin hitler lenin tsar century battle government "
               "communist communists party purges soviet nazi nazis parliament medieval army peasants kulaks "
               "league nations sanctions veto crisis ww1 ww2 armada plot execution dynasty throne "
               "bolshevik bolsheviks president elections dictator propaganda reign colonies civil rebellion",
    "Biology": "cell cells bacteria enzyme enzymes dna gene genes photosynthesis respiration organism organisms "
               "species evolution antibiotic antibiotics virus viruses plant plants blood heart protein glucose "
               "chlorophyll mutation mutations immune disease",
    "Chemistry": "atom atoms molecule molecules reaction reactions acid acids element elements compound compounds "
                 "ion ions electron electrons bond bonds metal metals catalyst catalysts ph oxidation alkali "
                 "concentration collisions activation reactants products",
    "Physics": "force forces energy velocity wave waves current voltage mass gravity particle particles radiation "
               "acceleration momentum resistance circuit",
    "Geography": "river rivers erosion climate rainfall population settlement glacier glaciers coast coastal "
                 "volcano volcanoes earthquake earthquakes tectonic urban rural migration",
    "English Literature": "poem poems poet novel character characters theme themes metaphor stanza shakespeare narrator "
                          "imagery simile play act scene audience ironic irony dramatic foreshadows symbolises "
                          "stereotypical prophecy soliloquy quote quotes rhyme pentameter",
    "Religious Studies": "god belief beliefs church religion religious christian christians muslim muslims prayer "
                         "worship bible quran afterlife theists atheists agnostics revelation creator suffering "
                         "evil religions symbolism",
    "Psychology": "memory memories encoding rehearsal recall retrieval sensory stm ltm cognitive behaviour "
                  "capacity duration psychologist psychologists attachment conformity",
    "Computer Science": "cpu instruction instructions register registers program counter cache cores clock "
                        "processor binary algorithm bus accumulator mar mdr cir overclocking software hardware",
}.items()}
SUBJECT_WORDS["Biology"] |= frozenset("mitosis meiosis chromosomes chromosome chromatids centromere spindle nucleolus "
                                      "cytoplasm asexual daughter".split())
SUBJECT_WORDS["Chemistry"] |= frozenset("ammonia nitrogen hydrogen yield equilibrium exothermic endothermic atom "
                                        "protons neutrons nucleus haber fertilisers".split())
SUBJECT_WORDS["Physics"] |= frozenset("braking stopping brakes tyres speed friction distance".split())
SUBJECT_WORDS["Geography"] |= frozenset("drainage basin infiltration groundwater runoff tributary confluence watershed "
                                        "flood flooding eruption lava ash volcanic hazard aquifer percolation".split())
MIN_HITS = 3
CLEAR_MARGIN = 1.5  # the best subject must score this many times the next, or the subject is left to the teacher
FALLBACK_SUBJECT = "General"
# A vocabulary list in another language: its terms are mostly words like these.
LANGUAGES = {
    "French": frozenset("le la les un une des je tu il elle nous vous ils elles est être avoir j'ai de du au aux "
                        "mon ma mes très".split()),
    "Spanish": frozenset("el la los las un una yo tú es ser estar tengo de del muy mi mis".split()),
    "German": frozenset("der die das ein eine ich du ist sein haben und nicht mit sehr mein".split()),
}

PLURAL_LEADS = re.compile(
    r"(the )?(main |key )?(reasons|causes|effects|consequences|factors|impacts|results|features|ways|types|"
    r"stages|advantages|disadvantages|arguments|problems|benefits|risks|aims|methods|changes|characteristics)\b",
    re.IGNORECASE,
)
AUX = r"(did|does|do|is|are|was|were|can|could|should|would|has|have|had|might|will|caused|causes|made|led|happened)"
QUESTION_LEADS = re.compile(rf"((why|how|what|which|who|when|where) {AUX}|to what extent|how far|(was|were|did|does|do|is|are|can|should) \w)\b",
                            re.IGNORECASE)

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (
    r"(?:\d{1,2}/\d{1,2}/\d{4}|"  # 11/11/1918
    r"(?:c\.\s?|circa\s)?(?:\d{1,2}(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{1,2}(?:st|nd|rd|th)?)?\s+)?(?:" + MONTH + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+(?=\d{3}))?)?"
    r"(?:\d{4}s?|\d{1,3}\s?(?:BC|AD|BCE|CE))(?:\s?(?:-|–|to)\s?\d{2,4}s?)?(?:\s?(?:BC|AD|BCE|CE))?)"
)
DATED_LINE = re.compile(rf"(?P<date>{DATE})\s*(?:[-–—:,]\s*|\s+)(?P<event>\S.*)", re.IGNORECASE)
BRACKETED_DATE = re.compile(rf"\((?P<date>{DATE})\)\s*[-–—:,]?\s*(?P<event>\S.*)", re.IGNORECASE)
DATE_ONLY = re.compile(DATE, re.IGNORECASE)
TERM_LINE = re.compile(r"(?P<term>[^.,;:!?=()\-–—]{1,40}?(?:\s*\([^()]{1,40}\))?)\s*(?:\s[-–—=]\s|:\s|[–—]|\s=)\s*(?P<definition>\S.*)")
MAX_TERM_WORDS = 4

GLOSSARY_HEADING = re.compile(
    r"(key (terms|words|vocabulary|concepts)|keywords|glossary|vocabulary|definitions|terminology)\s*:?", re.IGNORECASE)
TIMELINE_HEADING = re.compile(r"(timeline|time line|key dates|dates|chronology|key events|events)\s*:?", re.IGNORECASE)


def sentence_case(text: str) -> str:
    """Capitalise the first letter unless the first word already has capitals (pH, iPhone, mRNA)."""
    first = text.split(" ", 1)[0]
    if first[:1].islower() and first == first.lower():
        return text[:1].upper() + text[1:]
    return text


def guess_subject(texts: list[str], extra: dict[str, int] | None = None) -> str | None:
    """The subject whose words occur most often in the notes, or None if none is clearly ahead."""
    words = Counter(w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text))
    scores = {name: sum(words[w] for w in vocabulary) for name, vocabulary in SUBJECT_WORDS.items()}
    for name, bonus in (extra or {}).items():
        scores[name] = scores.get(name, 0) + bonus
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda name: scores[name])
    clear = ranked[0] >= MIN_HITS and ranked[0] >= CLEAR_MARGIN * (ranked[1] if len(ranked) > 1 else 0)
    return best if clear else None


def guess_language(terms: list[str]) -> str | None:
    """The language of a vocabulary list's terms (French, Spanish, German), if they are clearly one."""
    words = Counter(w.lower() for t in terms for w in re.findall(r"[\w']+", t))
    scores = {name: sum(words[w] for w in vocabulary) for name, vocabulary in LANGUAGES.items()}
    best = max(scores, key=lambda name: scores[name])
    accented = sum(1 for t in terms if re.search(r"[àâçéèêëîïôûùüÿœæñßäö]", t))
    return best if scores[best] + accented >= max(3, len(terms) // 10) and scores[best] >= 2 else None


def guess_question(centre: str, subject: str) -> str:
    """An enquiry question built from the mind map's central node in good English, or "" if none can be.

    A centre that is a question is used as it is; "Causes of X" / "Reasons behind X"
    become "What were the causes of X?". Anything else gets no question: a
    made-up "What are the key points about X?" is worse than none.
    """
    text = centre.rstrip(" .:;")
    # 'Why did WW1 start? (MAIN)': a memory aid in brackets after the question is not part of it
    text = re.sub(r"(?<=\?)\s*\([^()]{1,30}\)$", "", text)
    if text.endswith("?") or QUESTION_LEADS.match(text):
        return sentence_case(text.rstrip("?")) + "?"
    be = "were" if subject == "History" else "are"
    lead = PLURAL_LEADS.match(text)
    if lead and lead.end() < len(text):  # "Causes of the First World War" -> "What were the causes of the First World War?"
        rest = text[lead.end():]
        words = re.sub(r"^the\s+", "", lead.group(0), flags=re.IGNORECASE).lower()
        return f"What {be} the {words}{rest}?"
    return ""





def title_from_filename(stem: str) -> str:
    words = re.sub(r"[-_.]+", " ", stem).split()
    return sentence_case(" ".join(words)) if words else "Imported notes"


def dated_line(text: str) -> tuple[str, str] | None:
    """('1934', 'Kirov is shot') for a line that starts with a date, else None."""
    match = DATED_LINE.fullmatch(text) or BRACKETED_DATE.fullmatch(text)
    if not match or re.match(r"\d+\s*(%|per|million|billion|thousand|people|km|m\b|kg|tonnes|ships)", match["event"], re.IGNORECASE):
        return None
    return match["date"].strip(), match["event"].strip()


def is_date(text: str) -> bool:
    return bool(DATE_ONLY.fullmatch(text.strip(" :")))


# 'Date: 27th February 2010', 'Epicentre: just off the coast of Chile', 'Deaths: approx 500': a case study's
# facts under labels, not terms with their meanings.
FACT_LABELS = frozenset("""date dates when where who location place country region magnitude mag
deaths death toll injured cost costs damage cause causes effect effects response responses""".split())
FACT_VALUE = re.compile(r"(?:\d|~|approx|about|around|over|under|just|off|in|on|at|near|north|south|east|west"
                        r"|between|from)\b", re.IGNORECASE)
COMPARISON = re.compile(r"\b(?:vs\.?|versus)(?=\s)", re.IGNORECASE)


def bare_words(text: str) -> int:
    """How many words ``text`` has outside brackets: 'NIC (network interface card)' is a one-word term."""
    return len(re.sub(r"\([^()]*\)", " ", text).split())


def term_line(text: str) -> tuple[str, str] | None:
    """('kulak', 'a rich peasant') for a 'term - definition' line, else None."""
    match = TERM_LINE.fullmatch(text)
    if not match:
        return None
    term = match["term"].strip()
    if not term or bare_words(term) > MAX_TERM_WORDS or dated_line(text):
        return None
    definition = match["definition"].strip()
    label = term.lower().rstrip(".")
    if label in FACT_LABELS or " ".join(label.split()[:2]) in FACT_LABELS or FACT_VALUE.match(definition) \
            or COMPARISON.search(definition):
        return None  # a fact under a label, or a title that compares ('Earthquakes - Chile 2010 vs Nepal 2015')
    return term, definition


SENTENCE_BREAK = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.?!])\s+(?=[A-Z])")
DEFINITION_LEADS = re.compile(r"(when|where|what|how|the way|a |an |water |it |this |they )", re.IGNORECASE)
QUESTION_CARD = re.compile(r"what (?:is|are|was|were|does|do) (?:an? |the )?(?P<term>[^?]{2,40})\?\s*(?P<definition>\S.*)", re.IGNORECASE)
MAX_CARD_TERM_WORDS = 4


def flashcard(text: str) -> tuple[str, str] | None:
    """A flashcard's two sides run into one line: 'Term. Definition.', 'Definition. Term.' or 'What is X? Answer'."""
    question = QUESTION_CARD.fullmatch(text)
    if question:
        return sentence_case(question["term"].strip()), question["definition"].strip()
    sentences = [s.strip() for s in SENTENCE_BREAK.split(text) if s.strip()]
    if len(sentences) < 2:
        return None
    first, last = sentences[0].rstrip("."), sentences[-1].rstrip(".")
    if _card_term(first) and not _card_term(sentences[1].rstrip(".")):
        return _term_text(first), " ".join(sentences[1:])
    for k in range(len(sentences) - 1, 0, -1):  # "Definition. Term." or "Definition. Term. More definition."
        if _card_term(sentences[k].rstrip(".")) and not sentences[k].lower().startswith(("eg", "e.g")):
            return _term_text(sentences[k].rstrip(".")), " ".join(sentences[:k] + sentences[k + 1:])
    return None


def _card_term(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= MAX_CARD_TERM_WORDS and text[:1].isupper() and not DEFINITION_LEADS.match(text + " ")
            and not re.search(r"[,;:]|\d", text))


def _term_text(text: str) -> str:
    """'The source' -> 'Source'; 'Interception (storage)' keeps its bracket for the teacher to see."""
    return sentence_case(re.sub(r"^(the|a|an) ", "", text.strip(), flags=re.IGNORECASE))
