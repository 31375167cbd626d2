# The seed article with the DEFAULT lexicons: signs only, so the check
# survives lexicon growth.  Columns are found by name in comparison.csv.
check seed-default-signs 0 -- sh -c "rm -rf $T/seed; \
  $BIN compare -o $T/seed corpora/cafta-3.0-global-times-2025-11-02.txt >/dev/null && \
  tr -d '\\r' < $T/seed/comparison.csv | LC_ALL=C awk '
    # split a CSV line with quoted fields into f[1..n]
    function csv(line,   i, c, q, v, n) {
      n = 0; v = \"\"; q = 0
      for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (q) { if (c == \"\\\"\") { if (substr(line, i + 1, 1) == \"\\\"\") { v = v c; i++ } else q = 0 } else v = v c }
        else if (c == \"\\\"\") q = 1
        else if (c == \",\") { f[++n] = v; v = \"\" }
        else v = v c
      }
      f[++n] = v
      return n
    }
    function sign(who, theme, want,   s) {
      s = stance[who, theme]
      if (s == \"\") print who, theme, \"absent, want\", want
      else if ((want == \"+\" && s + 0 > 0) || (want == \"-\" && s + 0 < 0)) print who, theme, want
      else print who, theme, s, \"want\", want
    }
    NR == 1 { n = csv(\$0); for (i = 1; i <= n; i++) col[f[i]] = i; next }
    { csv(\$0)
      split(\"multilateralism us_protectionism global_south\", th, \" \")
      for (k = 1; k <= 3; k++) stance[f[1], th[k]] = f[col[th[k] \"_stance\"]] }
    END {
      sign(\"Kin Phea\", \"multilateralism\", \"+\")
      sign(\"Peter T C Chang\", \"multilateralism\", \"+\")
      sign(\"Jayant Menon\", \"multilateralism\", \"+\")
      sign(\"Peter T C Chang\", \"us_protectionism\", \"-\")
      sign(\"Jayant Menon\", \"us_protectionism\", \"-\")
      sign(\"Kin Phea\", \"global_south\", \"+\")
    }'"
