"""Made-up notes that more than one test module builds on."""

from __future__ import annotations

# Two sides of an argument, as RS and ethics notes put them; {thing} is what is argued about.
SIDES = """\
title: {title}
subject: {subject}
{extra}
categories:
  - title: Arguments for {thing}
    points:
      - The universe must have had a first cause.
      - The world looks designed, so someone must have designed it.
      - Many people say they have experienced something beyond themselves.
  - title: Arguments against {thing}
    points:
      - Evil and suffering are hard to explain if a loving creator exists.
      - Science can explain the origin of the universe without a creator.
      - Religious experiences may be tricks of the mind.
"""
