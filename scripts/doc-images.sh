#!/usr/bin/env bash
# Regenerate the pictures in docs/img/ (one page of each preset, tier and print variant) at 50 dpi.
# Needs quizforge installed and poppler's pdftoppm. Usage: bash scripts/doc-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs/img

# name | page | document | build options | dpi (default 50)
while IFS='|' read -r name page doc args dpi; do
  # shellcheck disable=SC2086
  quizforge build sources/purges.yaml --seed 1 --out "$tmp/$name" $args >/dev/null
  pdftoppm -png -r "${dpi:-50}" -f "$page" -l "$page" -singlefile "$(ls "$tmp/$name/purges/$doc"*.pdf)" "docs/img/$name"
  echo "docs/img/$name.png"
done <<'LIST'
worksheet-page1|1|worksheet||70
markscheme-page1|1|markscheme||70
quick-quiz|1|worksheet|--preset quick-quiz
worksheet|1|worksheet|--preset worksheet
exam-cover|1|worksheet|--preset exam
exam-questions|5|worksheet|--preset exam
exam-markscheme|3|markscheme|--preset exam
tier-support|3|worksheet|--preset exam --tier support
tier-core|2|worksheet|--preset worksheet --tier core
tier-stretch|4|worksheet|--tier stretch
large-print|3|worksheet|--preset worksheet --large-print
dyslexia-friendly|2|worksheet|--preset worksheet --dyslexia-friendly
LIST
