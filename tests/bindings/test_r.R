# The R package gives the command line's numbers: each check runs
# lexstance (the package) and build/lexstance on the same input and
# compares.  Prints "ok NAME" / "not ok NAME" (counted by run-tests.sh).
#   Rscript test_r.R BIN SEED_ARTICLE
library(lexstance)
args <- commandArgs(trailingOnly = TRUE)
bin <- args[1]; seed <- args[2]
name <- sub("\\.[^.]*$", "", basename(seed))
text <- readChar(seed, file.info(seed)$size, useBytes = TRUE)
Encoding(text) <- "UTF-8"
lex <- c("--no-default-lexicons", "--lexicon", "tests/fixtures/lexicons/stance.tsv")
failed <- 0

cli <- function(...) {
  out <- system2(bin, c(...), stdout = TRUE)
  paste0(paste(out, collapse = "\r\n"), "\r\n")
}
# The command line's CSV read independently of the package: empty cells NA.
cli_frame <- function(...) {
  df <- read.csv(text = cli(...), na.strings = "", check.names = FALSE,
                 stringsAsFactors = FALSE, colClasses = c(doc = "character"))
  for (col in c("speaker", "holder", "modifiers", "target", "outlet", "date"))
    if (col %in% names(df)) df[[col]][is.na(df[[col]])] <- ""
  df
}
same <- function(got, want) {
  stopifnot(identical(names(got), names(want)), nrow(got) == nrow(want))
  for (col in names(got)) {
    g <- got[[col]]; w <- want[[col]]
    if (is.numeric(g)) stopifnot(all((is.na(g) & is.na(w)) | abs(g - w) < 1e-12))
    else stopifnot(identical(as.character(g), as.character(w)))
  }
}
check <- function(label, fn) {
  ok <- tryCatch({ fn(); TRUE }, error = function(e) { cat("# ", conditionMessage(e), "\n"); FALSE })
  cat(sprintf("%s r-%s\n", if (ok) "ok" else "not ok", label))
  if (!ok) failed <<- failed + 1
}
docs <- setNames(text, name)

check("score-speakers", function() {
  got <- lxs_score(docs, unit = "speaker")
  same(got, cli_frame("score", seed))
  absent <- got[got$mentions == 0, ]
  stopifnot(nrow(absent) > 0, all(is.na(absent$stance)), all(is.na(absent$class)),
            is.integer(got$class), is.double(got$stance))
})
check("score-units-wide", function() {
  for (u in c("sentence", "doc")) same(lxs_score(docs, unit = u), cli_frame("score", "--unit", u, seed))
  w <- lxs_score(docs, format = "wide", bootstrap = 500, seed = 7)
  same(w, cli_frame("score", "--format", "wide", "--bootstrap", "500", "--seed", "7", seed))
  stopifnot(identical(make.names(names(w)), names(w)))
})
check("dataframe-keep", function() {
  corpus <- read.csv("tests/fixtures/input/corpus.csv", colClasses = "character")
  got <- lxs_score(corpus, id_col = "doc_id", keep = c("outlet", "date"),
                   lexicons = lex[3], no_default_lexicons = TRUE)
  same(got, cli_frame("score", lex, "--input", "csv", "--keep", "outlet,date",
                      "tests/fixtures/input/corpus.csv"))
})
check("dataframe-speakers", function() {
  # unit = "speaker" finds the speakers in each record, as --input csv does
  corpus <- data.frame(id = c("r1", "r2"), text = c(
    '"The WTO is good," said Jane Doe, a trade economist. Doe added that tariffs are bad.',
    "Tariffs are very harmful. The Global South is strong."))
  path <- tempfile(fileext = ".csv"); on.exit(unlink(path))
  write.csv(corpus, path, row.names = FALSE)
  got <- lxs_score(corpus, id_col = "id", unit = "speaker", bootstrap = 200)
  same(got, cli_frame("score", "--input", "csv", "--unit", "speaker", "--bootstrap", "200", path))
  stopifnot(setequal(got$speaker, c("Jane Doe", "author")))
})
check("explain", function() {
  out <- tempfile(); on.exit(unlink(out, recursive = TRUE))
  system2(bin, c("compare", "--bootstrap", "10", "-o", out, seed), stdout = FALSE)
  want <- read.csv(file.path(out, "evidence.csv"), na.strings = "", check.names = FALSE,
                   stringsAsFactors = FALSE, colClasses = c(doc = "character"))
  for (col in c("holder", "modifiers", "target")) want[[col]][is.na(want[[col]])] <- ""
  same(lxs_explain(docs), want)
  stopifnot(all(lxs_explain(docs, theme = "global_south")$theme == "global_south"))
  stopifnot(inherits(try(lxs_explain(docs, speaker = "Nobody"), silent = TRUE), "try-error"))
})
check("compare", function() {
  Sys.setenv(LEXSTANCE_BIN = bin)
  got <- lxs_compare(seed, bootstrap = 300)
  out <- tempfile(); on.exit(unlink(out, recursive = TRUE))
  system2(bin, c("compare", "--bootstrap", "300", "-o", out, seed), stdout = FALSE)
  for (t in c("comparison", "differences")) {
    want <- read.csv(file.path(out, paste0(t, ".csv")), na.strings = "", check.names = FALSE,
                     stringsAsFactors = FALSE)
    for (col in names(want)) if (is.character(want[[col]])) want[[col]][is.na(want[[col]])] <- ""
    same(got[[t]], want)
  }
})
check("errors", function() {
  e <- try(lxs_score(docs, unit = "paragraph"), silent = TRUE)
  stopifnot(inherits(e, "try-error"), grepl("lexstance: unit", e))
})
quit(status = if (failed) 1 else 0)
