"""Render the worksheet and the mark scheme from the same paper."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..errors import QuizforgeError
from ..model import Paper
from .env import environment, template_roots

DOCUMENTS = {"worksheet": "worksheet.html.j2", "markscheme": "markscheme.html.j2"}


def asset_url(roots: tuple[Path, ...]):
    """Jinja global: absolute file URL of a shipped or user asset (fonts, images)."""
    def find(name: str) -> str:
        for root in roots:
            candidate = (root / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(root):
                return candidate.as_uri()
        raise FileNotFoundError(f"template asset {name!r} not found in {', '.join(map(str, roots))}")
    return find


def render_html(paper: Paper, document: str, templates: Path | None = None, **context) -> str:
    """``document`` is 'worksheet' or 'markscheme'; extra context reaches the template."""
    env = environment(templates)
    try:
        template = env.get_template(DOCUMENTS.get(document, f"{document}.html.j2"))
        return template.render(paper=paper, topic=paper.topic, document=document,
                               asset_url=asset_url(template_roots(templates)), **context)
    except jinja2.TemplateSyntaxError as exc:
        raise QuizforgeError(f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}") from None
    except (jinja2.TemplateError, FileNotFoundError) as exc:
        raise QuizforgeError(f"template for the {document} could not be rendered: {exc}") from None
