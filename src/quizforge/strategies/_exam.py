"""Shared by the exam-style strategies: profiles, stimulus bullets, indicative content."""

from __future__ import annotations

from ..errors import NotEnoughMaterial, OptionError, QuizforgeError
from ..model import Cause, Topic
from ..profiles import Profile, load_profile
from ._gates import printable
from ._marking import marking_points
from .base import Options


def profile_for(options: Options, default: str, style: str) -> Profile:
    profile = load_profile(options.profile or default)
    if profile.style != style:
        raise OptionError(f"exam profile '{profile.name}' is for '{profile.style}' questions, not '{style}'")
    return profile


def subject_skills(topic: Topic, kind: str) -> tuple[str, ...]:
    """What the notes' subject rewards in a written answer of ``kind``, from its subject profile
    (``subjects/*.yaml``, key ``skills``): the marking guidance a colleague marks the skills by, printed
    apart from the indicative content. A subject without a profile entry gives ()."""
    from ..subjects import profile_for as subject_profile  # subjects read the strategy registry: import late

    try:
        return subject_profile(topic.subject).skills_for(kind)
    except QuizforgeError:
        return ()


def set_text_author(topic: Topic, text: str) -> str:
    """The author of ``text`` as the subject profile lists its set texts (key ``authors``), else ""."""
    from ..subjects import profile_for as subject_profile  # subjects read the strategy registry: import late

    try:
        return subject_profile(topic.subject).author_of(text)
    except QuizforgeError:
        return ""


def usable_causes(topic: Topic, profile: Profile, what: str) -> list[Cause]:
    """Causes with points; there must be more than the stimulus uses, for 'own knowledge'."""
    causes = [c for c in topic.causes if points_of(c) and printable(stimulus(c), "option")]
    if len(causes) < profile.stimulus + 1 or not (topic.question.strip() or topic.explain_stem):
        raise NotEnoughMaterial(
            f"{topic.source}: {what} needs the enquiry 'question' and at least {profile.stimulus + 1} causes, "
            f"each with a title worded as a reason and a point that is a full sentence ({profile.stimulus} for the "
            "bullet points and one more for the student's own knowledge)"
        )
    return causes


def bullet_source(cause: Cause) -> str:
    """How an essay records a cause it gives as a bullet (as ``quizforge review`` names a cause's title)."""
    return f"cause:{cause.id}"


def stimulus(cause: Cause) -> str:
    return cause.title.rstrip(".")


def points_of(cause: Cause) -> tuple[str, ...]:
    """The points a mark scheme can credit: explained points, never headings or scraps (``_marking``)."""
    return marking_points(cause)


CAUSAL = ("because", " so ", "so that", "in order to", "led to", "meant", "caused", "blamed")


def summary_of(cause: Cause) -> str:
    """One line of 'own knowledge' for a cause: its title and its first point that says why or what
    followed ('because', 'so', 'led to' ...), else its fullest point. A cause's first line is often only
    context ("Kirov was the Communist Party boss in Leningrad."), which explains nothing on its own."""
    points = points_of(cause)
    best = next((p for p in points if any(w in f" {p.lower()}" for w in CAUSAL)),
                max(points, key=lambda p: len(p.split())))
    mark = " \u2013" if ": " in best else ":"
    return f"{cause.title.rstrip('.')}{mark} {best}"
