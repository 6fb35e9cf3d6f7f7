"""Names and codes that tell one variant of a paper from another.

Every variant (preset, tier, print option, seed) gets its own file names, so building support,
stretch and large-print copies never replaces one with another; and a short paper code printed on
the paper and on its mark scheme matches the two up in the staff room.
"""

from __future__ import annotations

from ..model import Paper, Presentation

PRESET_CODES = {"quick-quiz": "QQ", "worksheet": "WS", "exam": "EX"}
DEFAULT_SEED = 1


def variant_parts(pres: Presentation, seed: int) -> list[str]:
    """What sets a variant apart from the plain paper with the default seed, as name parts."""
    parts = [pres.preset, pres.tier, "large-print" if pres.large_print else "",
             "dyslexia-friendly" if pres.dyslexia_friendly else "", "no-tint" if pres.no_tint else "",
             f"seed{seed}" if seed != DEFAULT_SEED else ""]
    return [p for p in parts if p]


def variant_name(paper: Paper) -> str:
    """'' for the plain paper with the default seed; else e.g. 'exam-support-large-print-seed7'."""
    return "-".join(variant_parts(paper.presentation, paper.seed))


def variant_file(name: str, paper: Paper) -> str:
    """'worksheet.pdf' -> 'worksheet-exam-support.pdf' for that variant."""
    variant = variant_name(paper)
    stem, dot, ext = name.partition(".")
    return f"{stem}-{variant}{dot}{ext}" if variant else name


def paper_code(paper: Paper) -> str:
    """A short code printed on the paper and its mark scheme, e.g. 'EX-SUP-LP-S7'."""
    pres = paper.presentation
    parts = [PRESET_CODES.get(pres.preset, pres.preset[:3].upper()) if pres.preset else "",
             pres.tier[:3].upper() if pres.tier else "", "LP" if pres.large_print else "",
             "DF" if pres.dyslexia_friendly else "", f"S{paper.seed}"]
    return "-".join(p for p in parts if p)
