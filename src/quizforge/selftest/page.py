"""Render the self-test page: one HTML file with its styles, script and questions inline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..errors import OptionError
from ..io import check_writable, claim_folder, guard_outputs, write_all
from ..onscreen import online_instructions
from ..pipeline import BuildRequest
from ..render.env import environment
from .bodies import encode_question
from .pool import Pool, make_pool

TEMPLATE = "selftest.html.j2"
FILENAME = "selftest.html"

# Characters that could end the <script> element or open an HTML comment inside it,
# and the two line separators older engines treat as newlines in scripts.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '</', '<!--' or ']]>' can survive."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def _section(section, pool: Pool) -> dict[str, Any]:
    answers = {q.answer.lower() for q in section.questions}
    return {
        "strategy": section.strategy, "title": section.title, "instructions": online_instructions(section),
        "first": [q.id for q in section.questions],  # set 1 is the worksheet, in its order
        "pool": [q.id for q in pool.questions if q.strategy == section.strategy],
        "bank_extras": [w for w in section.word_bank if w.lower() not in answers],
        "has_bank": bool(section.word_bank),
    }


def page_data(pool: Pool) -> dict[str, Any]:
    """Everything the page script needs; the page holds no other copy of the notes."""
    paper, topic = pool.paper, pool.paper.topic
    return {
        "title": topic.title, "question": topic.question, "seed": paper.seed,
        "sections": [_section(s, pool) for s in paper.sections],
        "questions": {q.id: encode_question(q) for q in pool.questions},
    }


def _inline(env):
    """Jinja global: a template file's text, unescaped (CSS/JS we ship or the user overrides)."""
    def inline(name: str) -> Markup:
        source, _, _ = env.loader.get_source(env, name)
        if "</" in source and name.endswith(".js"):
            raise OptionError(f"{name}: a script inlined into the page must not contain '</' (write '<\\/')")
        return Markup(source)
    return inline


def render_selftest(pool: Pool, templates: Path | None = None) -> bytes:
    env = environment(templates)
    template = env.get_template(TEMPLATE)
    html = template.render(topic=pool.paper.topic, paper=pool.paper, data=script_json(page_data(pool)),
                           inline=_inline(env))
    return html.encode("utf-8")


def build_selftest(request: BuildRequest) -> tuple[Path, Pool]:
    """Write ``out/<topic>/selftest.html`` atomically; return its path and the questions it holds."""
    pool = make_pool(request)
    folder = request.out / pool.paper.topic.slug
    check_writable(folder)
    html = render_selftest(pool, request.templates)
    claim_folder(folder, request.source)
    guard_outputs([folder / FILENAME], [request.source], request.force)
    [path] = write_all(folder, {FILENAME: html})
    return path, pool
