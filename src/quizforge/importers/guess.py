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
    "English": "poem poems poet novel character characters theme themes metaphor stanza shakespeare narrator "
               "imagery simile play act scene",
    "Religious Studies": "god belief beliefs church religion religious christian christians muslim muslims prayer "
                         "worship bible quran",
}.items()}
MIN_HITS = 3
FALLBACK_SUBJECT = "General"

PLURAL_LEADS = re.compile(
    r"(the )?(main |key )?(reasons|causes|effects|consequences|factors|impacts|results|features|ways|types|"
    r"stages|advantages|disadvantages|arguments|problems|benefits|risks|aims|methods|changes|characteristics)\b",
    re.IGNORECASE,
)
QUESTION_LEADS = re.compile(r"(why|how|what|which|who|when|where|to what extent|was|were|did|does|do|is|are)\b", re.IGNORECASE)

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = (
    r"(?:c\.\s?|circa\s)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + MONTH + r"\s+)?"
    r"(?:\d{4}s?|\d{1,3}\s?(?:BC|AD|BCE|CE))(?:\s?(?:-|–|to)\s?\d{2,4}s?)?(?:\s?(?:BC|AD|BCE|CE))?"
)
DATED_LINE = re.compile(rf"(?P<date>{DATE})\s*(?:[-–—:,]\s*|\s+)(?P<event>\S.*)", re.IGNORECASE)
DATE_ONLY = re.compile(DATE, re.IGNORECASE)
TERM_LINE = re.compile(r"(?P<term>[^.,;:!?=()\-–—]{1,40}?)\s*(?:\s[-–—=]\s|:\s|[–—]|\s=)\s*(?P<definition>\S.*)")
MAX_TERM_WORDS = 4

GLOSSARY_HEADING = re.compile(
    r"(key (terms|words|vocabulary|concepts)|keywords|glossary|vocabulary|definitions|terminology)\s*:?", re.IGNORECASE)
TIMELINE_HEADING = re.compile(r"(timeline|time line|key dates|dates|chronology|key events)\s*:?", re.IGNORECASE)


def sentence_case(text: str) -> str:
    """Capitalise the first letter unless the first word already has capitals (pH, iPhone, mRNA)."""
    first = text.split(" ", 1)[0]
    if first[:1].islower() and first == first.lower():
        return text[:1].upper() + text[1:]
    return text


def guess_subject(texts: list[str]) -> str | None:
    """The subject whose words occur most often in the notes, or None if none is clear."""
    words = Counter(w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text))
    scores = {name: sum(words[w] for w in vocabulary) for name, vocabulary in SUBJECT_WORDS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] >= MIN_HITS else None


def guess_question(centre: str, subject: str) -> str:
    """An enquiry question built from the mind map's central node, in its own words."""
    text = centre.rstrip(" .:;")
    if text.endswith("?") or QUESTION_LEADS.match(text):
        return sentence_case(text.rstrip("?")) + "?"
    be = "were" if subject == "History" else "are"
    lead = PLURAL_LEADS.match(text)
    if lead:  # "Causes of the First World War" -> "What were the causes of the First World War?"
        rest = text[lead.end():]
        words = re.sub(r"^the\s+", "", lead.group(0), flags=re.IGNORECASE).lower()
        return f"What {be} the {words}{rest}?"
    return f"What are the key points about {text}?"


def title_from_filename(stem: str) -> str:
    words = re.sub(r"[-_.]+", " ", stem).split()
    return sentence_case(" ".join(words)) if words else "Imported notes"


def dated_line(text: str) -> tuple[str, str] | None:
    """('1934', 'Kirov is shot') for a line that starts with a date, else None."""
    match = DATED_LINE.fullmatch(text)
    return (match["date"].strip(), match["event"].strip()) if match else None


def is_date(text: str) -> bool:
    return bool(DATE_ONLY.fullmatch(text.strip(" :")))


def term_line(text: str) -> tuple[str, str] | None:
    """('kulak', 'a rich peasant') for a 'term - definition' line, else None."""
    match = TERM_LINE.fullmatch(text)
    if not match:
        return None
    term = match["term"].strip()
    if not term or len(term.split()) > MAX_TERM_WORDS or dated_line(text):
        return None
    return term, match["definition"].strip()
