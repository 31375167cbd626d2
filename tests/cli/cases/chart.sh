# The chart and the report page's evidence, byte for byte, on two fixture
# articles compared --by article (rows keyed by article, a non-ASCII name):
# legend, axis titles, colour only where an interval excludes 0, whiskers
# over the dots; the evidence once per sentence with its article.
# tests/unit/test_chart.c checks each of these properties by itself.
$BIN compare $LEX --by article --bootstrap 200 -o "$T/chart" $FX/article.txt \
  tests/fixtures/articles/levy-oped.txt >/dev/null 2>&1
check chart-svg 0 -- cat "$T/chart/comparison.svg"
check report-evidence 0 -- sed -n '/<h2>Evidence/,/<\/table>/p' "$T/chart/report.html"
