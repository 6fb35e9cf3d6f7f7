"""The Jinja environment: a user's templates folder first, then the defaults.

A template can reach the shipped version of itself with the ``default:``
prefix, e.g. ``{% extends "default:worksheet.html.j2" %}``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import typing

import jinja2

from ..errors import OptionError
from ..matching import SPELLING_RULE
from ..model import Body
from ..papers.naming import paper_code
from ..resources import templates_dir

BODY_KINDS = {cls: cls.__name__.lower() for cls in typing.get_args(Body)}


def body_kind(body) -> str:
    """'choice' for a Choice: templates include questions/body/<kind>.html.j2 for any body type."""
    try:
        return BODY_KINDS[type(body)]
    except KeyError:
        raise TypeError(f"no template for question body {type(body).__name__}; add it to model.Body") from None


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def shared_marking(section) -> bool:
    """True when a section's questions (two or more) share one set of levels and guidance, to print once."""
    questions = section.questions
    if len(questions) < 2:
        return False
    first = questions[0]
    levels = getattr(first.body, "levels", ())
    return bool(levels) and all(getattr(q.body, "levels", ()) == levels and q.guidance == first.guidance
                                 for q in questions[1:])


def template_roots(user_dir: Path | None) -> tuple[Path, ...]:
    if user_dir is not None and not user_dir.is_dir():
        raise OptionError(f"--templates {user_dir}: no such folder")
    return ((user_dir.resolve(),) if user_dir else ()) + (templates_dir(),)


@lru_cache(maxsize=8)
def environment(user_dir: Path | None = None) -> jinja2.Environment:
    roots = template_roots(user_dir)
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(r) for r in roots]),
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(templates_dir()))}, delimiter=":"),
    ])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,  # every note is untrusted text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["letter"] = letter
    env.globals["letter"] = letter
    env.globals["kind"] = body_kind
    env.globals["shared_marking"] = shared_marking
    env.globals["paper_code"] = paper_code
    env.globals["spelling_rule"] = SPELLING_RULE
    return env
