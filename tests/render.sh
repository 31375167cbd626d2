#!/bin/sh
# Renders the example report.html and comparison.svg in headless Chromium and
# fails on a blank or broken page.  Prints "ok NAME"/"not ok NAME"/"skip NAME".
#   tests/render.sh REPORT_DIR OUT_DIR
DIR=${1:-reports/cafta-3.0-global-times-2025-11-02}
OUT=${2:-build/render}
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
mkdir -p "$OUT"
if [ -z "$CHROME" ]; then
  echo "skip render-html (chromium not installed: apt-get install chromium)"
  echo "skip render-svg (chromium not installed)"
  exit 0
fi
render() { # name file
  name=$1; file=$2; png="$OUT/$name.png"
  rm -f "$png"
  prof=$(mktemp -d)
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$prof" --hide-scrollbars --window-size=1300,1400 \
    --screenshot="$png" "file://$(realpath "$file")" >"$OUT/$name.log" 2>&1
  rm -rf "$prof"
  if [ ! -s "$png" ]; then echo "not ok $name (no screenshot)"; return; fi
  # A blank page compresses to almost nothing; a rendered table and chart
  # do not.  Also count distinct colours in the PNG's decoded pixels.
  size=$(wc -c < "$png")
  colours=$(python3 - "$png" <<'PY' 2>/dev/null || echo 0
import sys, zlib, struct
d = open(sys.argv[1], 'rb').read()
w, h = struct.unpack('>II', d[16:24]); ct = d[25]
idat = b''; i = 8
while i < len(d):
    n = struct.unpack('>I', d[i:i+4])[0]; t = d[i+4:i+8]
    if t == b'IDAT': idat += d[i+8:i+8+n]
    i += 12 + n
raw = zlib.decompress(idat)
bpp = 4 if ct == 6 else 3
stride = w * bpp + 1
seen = set()
for y in range(0, h, 7):
    row = raw[y*stride+1:(y+1)*stride]
    for x in range(0, w * bpp, bpp * 5):
        seen.add(row[x:x+3])
print(len(seen))
PY
)
  if [ "$size" -gt 20000 ] && [ "$colours" -gt 8 ]; then
    echo "ok $name (screenshot $png, $size bytes, $colours colours sampled)"
  else
    echo "not ok $name (blank-looking screenshot: $size bytes, $colours colours)"
  fi
}
render render-html "$DIR/report.html"
render render-svg "$DIR/comparison.svg"
