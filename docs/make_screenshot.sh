#!/usr/bin/env bash
# Regenerate docs/workbook.png from the real workbook of the shipped examples:
# rectdiff writes it, LibreOffice prints it, pdftoppm rasterizes the 事项对照 sheet.
# Needs: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
rectdiff compare examples/qinghe_1_2023-06.txt examples/qinghe_2_2023-12.txt -o "$tmp/changes.xlsx" >/dev/null
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/changes.xlsx" >/dev/null
pdftoppm -r 250 -png -f 3 -l 3 "$tmp/changes.pdf" "$tmp/page"
python3 - "$tmp" <<'PY'
import glob, sys
from PIL import Image
im = Image.open(glob.glob(sys.argv[1] + "/page*.png")[0])
w, h = im.size
im.crop((int(w * 0.05), int(h * 0.11), int(w * 0.80), int(h * 0.36))).save("docs/workbook.png", optimize=True)
PY
rm -rf "$tmp"
echo "wrote docs/workbook.png"
