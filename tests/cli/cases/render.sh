# The HTML report and the SVG chart render in headless Chromium (skipped,
# and said so, when Chromium is not installed).
$BIN compare -o "$T/render-report" corpora/cafta-3.0-global-times-2025-11-02.txt >/dev/null 2>&1
sh tests/render.sh "$T/render-report" "${BUILD:-build}/render" | sed 's/^skip /# skip /'
