#!/usr/bin/env bash
# Install quizforge into .venv and build the default worksheet and mark scheme.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/quizforge build "$@"
