"""Per-student seeds and version dealing.

A student's seed depends only on the batch seed and that student's own key
(candidate number, else name and class), never on their place in the list:
adding, removing or reordering students changes no one else's paper.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter

from ..render.env import letter
from .roster import Student

SEED_BITS = 30  # 6 characters of CODE_ALPHABET: the code is the seed, spelled out
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: read aloud, written by hand


def derive_seed(batch_seed: int, key: str) -> int:
    """A 30-bit seed for ``key`` under ``batch_seed`` (stable across Python versions and machines)."""
    digest = hashlib.sha256(f"quizforge-batch:{batch_seed}:{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - SEED_BITS)


def seed_code(seed: int) -> str:
    """The 6-character version code of a per-student seed; distinct seeds have distinct codes."""
    if not 0 <= seed < 1 << SEED_BITS:
        raise ValueError(f"seed {seed} is outside 0..2**{SEED_BITS}")
    chars = []
    for _ in range(SEED_BITS // 5):
        seed, rem = divmod(seed, 32)
        chars.append(CODE_ALPHABET[rem])
    return "".join(reversed(chars))


def code_seed(code: str) -> int:
    """Inverse of ``seed_code``."""
    value = 0
    for char in code.upper():
        value = value * 32 + CODE_ALPHABET.index(char)
    return value


def student_keys(students: tuple[Student, ...]) -> list[str]:
    """A stable key per student; a repeated key (two 'Sam Smith' in 9X) gets '#2', '#3' in list order."""
    keys, seen = [], Counter()
    for index, student in enumerate(students):
        if student.candidate:
            base = f"candidate:{_fold(student.candidate)}"
        elif student.name:
            base = f"name:{_fold(student.name)}|{_fold(student.class_name)}"
        else:
            base = f"copy:{index + 1}"
        seen[base] += 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def student_seeds(batch_seed: int, students: tuple[Student, ...]) -> list[int]:
    return [derive_seed(batch_seed, key) for key in student_keys(students)]


def version_codes(count: int) -> list[str]:
    return [letter(i) for i in range(count)]


def version_seed(batch_seed: int, code: str) -> int:
    return derive_seed(batch_seed, f"version:{code}")


def deal_versions(count: int, versions: int) -> list[str]:
    """Deal ``versions`` codes round the class in roster (seating) order: A, B, C, A, B, C, ..."""
    if versions < 1:
        raise ValueError("versions must be at least 1")
    codes = version_codes(versions)
    return [codes[i % versions] for i in range(count)]
