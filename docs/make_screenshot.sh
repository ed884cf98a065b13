#!/usr/bin/env bash
# Regenerate the pictures in docs/ from the real workbooks of the shipped examples: rectdiff writes
# them, LibreOffice prints them as a spreadsheet application would, pdftoppm draws whole pages.
#   docs/overview.png  - the first page of 概览 (changes.xlsx, v1 -> v2)
#   docs/pairs.png     - the first page of 事项对照 as printed (what changed; 出处 on every row)
#   docs/passages.png  - the first page of 原文(新版), where every 出处 links to
#   docs/ledger.png    - 事项对照 of the two ledger examples (责任单位, 整改时限, 逾期 as columns)
#   docs/timeline.png  - the first page of 时间线 (timeline.xlsx, v1 … v4)
# Needs: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rectdiff compare examples/qinghe_1_2023-06.txt examples/qinghe_2_2023-12.txt -o "$tmp/changes.xlsx" -q >/dev/null
rectdiff series examples/qinghe_*.txt -o "$tmp/timeline.xlsx" -q >/dev/null
rectdiff compare examples/ledger_1_2024-03.xlsx examples/ledger_2_2024-09.xlsx -o "$tmp/ledger.xlsx" -q >/dev/null
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/changes.xlsx" "$tmp/timeline.xlsx" "$tmp/ledger.xlsx" >/dev/null

# page: the first PDF page whose footer names the sheet ("<sheet> 第 5 页 / 共 10 页")
page() {
  local pdf=$1 sheet=$2 n
  for n in $(seq 1 "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"); do
    if pdftotext -f "$n" -l "$n" "$pdf" - | grep -q "^$sheet 第 [0-9]* 页"; then echo "$n"; return; fi
  done
  echo "no page of $sheet in $pdf" >&2; exit 1
}
draw() {
  local pdf=$1 sheet=$2 out=$3 n
  n=$(page "$pdf" "$sheet")
  pdftoppm -r 110 -png -singlefile -f "$n" -l "$n" "$pdf" "docs/$out"
  echo "wrote docs/$out.png ($sheet, page $n)"
}
draw "$tmp/changes.pdf" 概览 overview
draw "$tmp/changes.pdf" 事项对照 pairs
draw "$tmp/changes.pdf" "原文(新版)" passages
draw "$tmp/ledger.pdf" 事项对照 ledger
draw "$tmp/timeline.pdf" 时间线 timeline
