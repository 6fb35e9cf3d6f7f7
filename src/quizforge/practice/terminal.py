"""The real terminal: plain print and input, so readline editing and Ctrl-C behave as users expect."""

from __future__ import annotations

import click

from ..tty import safe


class Console:
    """Everything printed goes through ``tty.safe``: notes cannot set the title, clear the screen or hide text."""

    def say(self, text: str = "") -> None:
        click.echo(safe(text))

    def ask(self, prompt: str) -> str:
        return input(safe(prompt))


def table(headers: tuple[str, ...], rows: list[tuple[str, ...]], right_align: frozenset[int] = frozenset()) -> str:
    """A plain-text table with a rule under the header; columns in ``right_align`` are right-aligned."""
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        out = [c.rjust(w) if i in right_align else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(out).rstrip()
    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])
