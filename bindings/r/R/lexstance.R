# lexstance: the command line's tables as data frames, through .Call
# wrappers over liblexstance's jobs API (src/lexstance_r.c).

# Columns that hold text; every other column is a number.
.text_columns <- c("doc", "speaker", "theme", "term", "role", "matched", "target",
                   "modifiers", "holder", "description", "kind", "speaker_a", "speaker_b",
                   "distinguishable", "name", "format", "sha256")

.integer_column <- function(name) {
  name %in% c("sentence", "tokens", "mentions", "sentences", "byte_start", "byte_end",
              "class", "rank") | grepl("_(mentions|stance_class|rank)$", name)
}

# The command line's CSV as a data.frame: text columns as character (""
# kept), numbers as integer or double, an empty cell NA (absent stance).
.read_table <- function(csv, text_columns = character()) {
  df <- read.csv(text = csv, colClasses = "character", na.strings = character(),
                 check.names = FALSE, stringsAsFactors = FALSE, encoding = "UTF-8")
  for (col in names(df)) {
    if (col %in% c(.text_columns, text_columns)) next
    v <- df[[col]]
    v[v == ""] <- NA
    df[[col]] <- if (.integer_column(col)) as.integer(v) else as.double(v)
  }
  df
}

# ids, texts and speakers of the documents: a character vector (its names
# are the ids), or a data.frame (columns text, id, speaker).
.documents <- function(text, ids, text_col, id_col, speaker) {
  if (is.data.frame(text)) {
    df <- text
    if (!text_col %in% names(df))
      stop(sprintf("lexstance: no text column '%s' (columns: %s); name it with text_col =",
                   text_col, paste(names(df), collapse = ", ")))
    texts <- as.character(df[[text_col]])
    if (is.null(ids)) ids <- if (!is.null(id_col)) as.character(df[[id_col]])
                             else as.character(seq_along(texts))
    if (is.character(speaker) && length(speaker) == 1 && speaker %in% names(df))
      speaker <- as.character(df[[speaker]])
  } else {
    texts <- as.character(text)
    if (is.null(ids)) ids <- if (!is.null(names(text))) names(text) else
                               as.character(seq_along(texts))
  }
  if (is.null(speaker)) speaker <- rep(NA_character_, length(texts))
  speaker <- rep_len(as.character(speaker), length(texts))
  speaker[!is.na(speaker) & speaker == ""] <- NA
  stopifnot(length(ids) == length(texts))
  list(ids = as.character(ids), texts = texts, speakers = speaker)
}

# Known speakers (--speakers): a file, or a named list of aliases.
.speakers_file <- function(speakers) {
  if (is.null(speakers) || is.character(speakers) && length(speakers) == 1 &&
      file.exists(speakers)) return(speakers)
  path <- tempfile("speakers", fileext = ".tsv")
  lines <- if (is.list(speakers))
    vapply(names(speakers), function(n) paste(c(n, speakers[[n]]), collapse = "\t"), "")
  else as.character(speakers)
  writeLines(lines, path, useBytes = TRUE)
  path
}

.options <- function(unit = NULL, input = NULL, format = NULL, lexicons = NULL,
                     no_default_lexicons = FALSE, language = NULL, speakers = NULL,
                     no_attribution = FALSE, bootstrap = NULL, seed = 1, ci = 0.95) {
  o <- list(unit = unit, input = input, format = format, language = language,
            speakers = .speakers_file(speakers),
            bootstrap = if (!is.null(bootstrap)) format(as.integer(bootstrap)),
            seed = format(seed, scientific = FALSE), ci = format(ci, digits = 15))
  o <- o[!vapply(o, is.null, TRUE)]
  names <- c(names(o), rep("lexicon", length(lexicons)))
  values <- c(unlist(o, use.names = FALSE), as.character(lexicons))
  if (no_default_lexicons) { names <- c(names, "no-default-lexicons"); values <- c(values, NA) }
  if (no_attribution) { names <- c(names, "no-attribution"); values <- c(values, NA) }
  list(names = names, values = as.character(values))
}

.run <- function(docs, opts, what) {
  .Call("lxs_r_run", docs$ids, enc2utf8(docs$texts), docs$speakers, opts$names, opts$values,
        what, PACKAGE = "lexstance")
}

lxs_version <- function() .Call("lxs_r_version", PACKAGE = "lexstance")

# Scores documents as `lexstance score` does: a data.frame with its columns
# (absent stance NA).  text: articles (a character vector; names are ids)
# or a data.frame whose text_col holds the texts (id_col the ids, speaker
# a column naming each record's speaker, keep columns carried after doc).
lxs_score <- function(text, unit = NULL, lexicons = NULL, speakers = NULL, ids = NULL,
                      text_col = "text", id_col = NULL, speaker = NULL, keep = NULL,
                      format = c("long", "wide"), input = NULL,
                      no_default_lexicons = FALSE, language = NULL, bootstrap = NULL,
                      seed = 1, ci = 0.95, no_attribution = FALSE) {
  format <- match.arg(format)
  if (is.null(input)) input <- if (is.data.frame(text)) "lines" else "text"
  if (input == "doc") input <- "lines"
  docs <- .documents(text, ids, text_col, id_col, speaker)
  opts <- .options(unit, input, if (format == "wide") "wide", lexicons, no_default_lexicons,
                   language, speakers, no_attribution, bootstrap, seed, ci)
  res <- .read_table(.run(docs, opts, "score"))
  if (length(keep)) {
    if (!is.data.frame(text)) stop("lexstance: keep = needs a data.frame of the corpus")
    at <- match(res$doc, docs$ids)
    kept <- lapply(keep, function(k) text[[k]][at])
    names(kept) <- keep
    res <- cbind(res["doc"], as.data.frame(kept, stringsAsFactors = FALSE,
                                           optional = TRUE),
                 res[setdiff(names(res), "doc")])
  }
  res
}

# The evidence behind the scores, as compare's evidence.csv.
lxs_explain <- function(text, theme = NULL, speaker = NULL, lexicons = NULL, ids = NULL,
                        no_default_lexicons = FALSE, language = NULL, speakers = NULL) {
  docs <- .documents(text, ids, "text", NULL, NULL)
  opts <- .options(input = "text", lexicons = lexicons,
                   no_default_lexicons = no_default_lexicons, language = language,
                   speakers = speakers)
  ev <- .read_table(.run(docs, opts, "evidence"))
  if (!is.null(theme)) ev <- ev[ev$theme == theme, , drop = FALSE]
  if (!is.null(speaker)) {
    ev <- ev[tolower(ev$speaker) == tolower(speaker), , drop = FALSE]
    if (!nrow(ev)) stop(sprintf("lexstance: no evidence for speaker '%s'", speaker))
  }
  rownames(ev) <- NULL
  ev
}

# Mergeable statistics, as `score --partial -` (the map step).
lxs_partial <- function(text, ids = NULL, input = "text", lexicons = NULL,
                        no_default_lexicons = FALSE) {
  if (input == "doc") input <- "lines"
  docs <- .documents(text, ids, "text", NULL, NULL)
  .run(docs, .options(input = input, lexicons = lexicons,
                      no_default_lexicons = no_default_lexicons), "partial")
}

# The comparison tables of `lexstance compare` for article files: a list of
# data.frames (comparison, speakers, differences, evidence, lexicons).  The
# comparison is built by the command line: LEXSTANCE_BIN, else the one
# installed with the package (the same build as its library), else the PATH.
lxs_compare <- function(files, by = c("speaker", "article"), lexicons = NULL,
                        bootstrap = NULL, seed = 1, ci = 0.95) {
  by <- match.arg(by)
  exe <- Sys.getenv("LEXSTANCE_BIN", system.file("bin", "lexstance", package = "lexstance"))
  if (!nzchar(exe)) exe <- Sys.which("lexstance")
  if (!nzchar(exe)) stop("lexstance: lxs_compare needs the command line (lexstance on the ",
                         "PATH, or LEXSTANCE_BIN)")
  out <- tempfile("lexstance")
  on.exit(unlink(out, recursive = TRUE))
  args <- c("compare", "--by", by, "--seed", format(seed, scientific = FALSE),
            "--ci", format(ci, digits = 15), "-o", out)
  if (!is.null(bootstrap)) args <- c(args, "--bootstrap", format(as.integer(bootstrap)))
  for (l in lexicons) args <- c(args, "--lexicon", l)
  err <- tempfile()
  status <- system2(exe, c(args, "--", shQuote(files)), stdout = FALSE, stderr = err)
  if (status != 0) stop(paste(readLines(err, warn = FALSE), collapse = "\n"))
  tables <- c("comparison", "speakers", "differences", "evidence", "lexicons")
  res <- lapply(tables, function(t) {
    path <- file.path(out, paste0(t, ".csv"))
    .read_table(readChar(path, file.info(path)$size, useBytes = TRUE))
  })
  names(res) <- tables
  res
}
