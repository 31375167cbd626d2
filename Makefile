# lexstance - see README.md.  `make demo` and `make check` set everything up.
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
OPT     ?= -O3
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
# WERROR=1 (CI): every warning is an error.
WARN    += $(if $(WERROR),-Werror)
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude -Isrc $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS  := -lstemmer -lutf8proc -ljansson -lcsv -lyaml -lm -lpthread
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# Link-time optimisation of the lexstance binary (GCC): the objects carry
# machine code (for the tests and the libraries' users) and GCC's
# intermediate code, from which the binary's link inlines across files --
# the per-token helpers live in other files than their callers (make
# bench-ipb: 167.0 -> 162.0 instructions per byte).  LTO= turns it off.
LTO     ?= $(if $(findstring Free Software Foundation,$(shell $(CC) --version 2>/dev/null)),-flto=auto)

# Debian packages this project needs (headers and libraries).
DEB_PKGS := libutf8proc-dev libstemmer-dev uthash-dev libcmocka-dev libjansson-dev libcsv-dev libyaml-dev pkg-config

VADER_SRC ?= src/vader.c
EXTRA_SRC ?=
LIB_SRC := src/util.c src/utf8.c src/tokenize.c src/stem.c src/sha256.c \
           src/lexicon.c src/match.c src/score.c \
           src/segment.c src/strmap.c src/wordclass.c src/names.c src/hints.c src/people.c \
           src/phrases.c src/groups.c src/quotes.c src/frames.c src/prose.c src/layout.c src/aggregate.c \
           src/report.c src/escape.c src/input.c src/bootstrap.c src/chart.c src/partial.c src/lexformat.c src/lexcheck.c src/labels.c src/validate.c $(VADER_SRC) $(EXTRA_SRC)
# The scorer's passes (scoring.h), beside its driver src/score.c.
LIB_SRC += src/score_clause.c src/score_context.c src/score_report.c src/score_bind.c src/score_harm.c
CLI_SRC := src/cli.c src/reportset.c src/walk.c src/cli_options.c src/cmd_score.c src/cmd_compare.c src/cmd_explain.c src/cmd_merge.c src/cmd_speakers.c src/cmd_validate.c src/cmd_lexicon.c
# The command line's row writers (kept columns, wide rows).
CLI_SRC += src/cli_rows.c src/cmd_kwic.c
# The corpus readers' table side (CSV, headers, kept columns).
LIB_SRC += src/input_table.c
# The rows score and merge write, for the command line and the table API.
LIB_SRC += src/rows.c
# Whole jobs for the language bindings (the public header's "jobs").
LIB_SRC += src/api_table.c
# compare's comparison (src/comparison.h) and its renderers, one per format
# (chart.c draws the SVG).
LIB_SRC += src/comparison.c src/compare_csv.c src/compare_md.c src/compare_html.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lexicons_embedded.o \
           $(BUILD)/obj/words_embedded.o
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)

# The shared library: position-independent objects exporting only what
# include/lexstance.h declares (LXS_API; everything else is hidden), with
# a soname that changes with the major version.
VERSION := $(shell sed -n 's/^\#define LXS_VERSION "\(.*\)"/\1/p' include/lexstance.h)
SONAME  := liblexstance.so.$(firstword $(subst ., ,$(VERSION)))
SHLIB   := liblexstance.so.$(VERSION)
PIC_OBJ := $(LIB_OBJ:$(BUILD)/obj/%.o=$(BUILD)/pic/%.o)

# Default lexicons, embedded in this order (theme order in reports).
CORE_LEX  := lexicons/multilateralism.tsv lexicons/us_protectionism.tsv lexicons/global_south.tsv
EXTRA_LEX := $(filter-out $(CORE_LEX) lexicons/sentiment.tsv lexicons/modifiers.tsv,$(sort $(wildcard lexicons/*.tsv)))
LEXICONS  := $(CORE_LEX) $(EXTRA_LEX) lexicons/sentiment.tsv lexicons/modifiers.tsv
# The word lists: word classes (titles, places, speech vocabulary, ...;
# the .tsv files) and plain lists (the .txt files).
WORDS     := $(sort $(wildcard lexicons/words/*.tsv lexicons/words/*.txt))

TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

SEED := corpora/cafta-3.0-global-times-2025-11-02.txt

.PHONY: FORCE all deps check demo asan ubsan portable valgrind clean install uninstall eval bench bench-ipb reports fuzz fuzz-build lint lexicon-check format format-check

FUZZ_SECONDS ?= 10
FUZZ_TARGETS := $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
SHARED ?= ../shared
BENCH_MB ?= 200
.DELETE_ON_ERROR:

all: $(BUILD)/lexstance $(BUILD)/liblexstance.a $(BUILD)/$(SHLIB)

# ---- set-up ---------------------------------------------------------------
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "lexstance: installing$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "lexstance: missing packages; run:"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

# ---- build ----------------------------------------------------------------
$(BUILD)/obj/%.o: src/%.c include/lexstance.h $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(if $(LTO),$(LTO) -ffat-lto-objects) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c include/lexstance.h $(wildcard src/*.h) | $(BUILD)/pic
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(BUILD)/pic/%_embedded.o: $(BUILD)/%_embedded.c | $(BUILD)/pic
	$(CC) -std=c11 $(CFLAGS) $(EXTRA_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(BUILD)/obj $(BUILD)/pic $(BUILD)/tests:
	mkdir -p $@

$(BUILD)/embed: tools/embed.c src/sha256.c | $(BUILD)/obj
	$(CC) -std=c11 -O1 -Isrc -o $@ tools/embed.c src/sha256.c

# The list of embedded files is itself a prerequisite: changing LEXICONS
# (or adding a theme file) re-embeds even when no file is newer.
$(BUILD)/lexicons.list: FORCE | $(BUILD)/obj
	@echo "$(LEXICONS)" | cmp -s - $@ || echo "$(LEXICONS)" > $@

$(BUILD)/lexicons_embedded.c: $(BUILD)/embed $(LEXICONS) $(BUILD)/lexicons.list
	$(BUILD)/embed $@ $(LEXICONS)

$(BUILD)/obj/lexicons_embedded.o: $(BUILD)/lexicons_embedded.c
	$(CC) -std=c11 $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@

$(BUILD)/words.list: FORCE | $(BUILD)/obj
	@echo "$(WORDS)" | cmp -s - $@ || echo "$(WORDS)" > $@

$(BUILD)/words_embedded.c: $(BUILD)/embed $(WORDS) $(BUILD)/words.list
	$(BUILD)/embed -n lxs_embedded_words $@ $(WORDS)

$(BUILD)/obj/words_embedded.o: $(BUILD)/words_embedded.c
	$(CC) -std=c11 $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@

$(BUILD)/liblexstance.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# Linked with its dependencies, so `pkg-config --libs lexstance` needs only
# -llexstance; --no-undefined makes a missing one a build error.
$(BUILD)/$(SHLIB): $(PIC_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined -o $@ $^ $(LDLIBS)
	ln -sf $(SHLIB) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/liblexstance.so

$(BUILD)/lexstance: $(CLI_OBJ) $(BUILD)/liblexstance.a
	$(CC) $(ALL_CFLAGS) $(LTO) -o $@ $(CLI_OBJ) $(BUILD)/liblexstance.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/liblexstance.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/liblexstance.a $(LDLIBS) -lcmocka

# The report sets are the CLI's (signals, locks): their test links them in.
$(BUILD)/tests/test_reportset: tests/unit/test_reportset.c tests/unit/testutil.h $(BUILD)/obj/reportset.o $(BUILD)/liblexstance.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/obj/reportset.o $(BUILD)/liblexstance.a $(LDLIBS) -lcmocka

# Fault injection for the CLI tests (LD_PRELOAD; see tests/faults/faults.c).
# Built without sanitizers: it is loaded into the sanitized binary too.
$(BUILD)/faults.so: tests/faults/faults.c | $(BUILD)/obj
	cc -std=c11 -O1 -g -Wall -Wextra -shared -fPIC -o $@ $< -ldl

# ---- tests ----------------------------------------------------------------
check: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(BUILD)/faults.so
	@BUILD=$(BUILD) API_CFLAGS="$(EXTRA_CFLAGS)" sh tests/run-tests.sh $(TEST_BIN)

asan:
	@$(MAKE) --no-print-directory check BUILD=build-asan OPT=-O1 EXTRA_CFLAGS="$(SAN)"

ubsan: asan

# Every test with the SIMD fast paths compiled out: the portable code must
# give the same results (the tests are the same).
portable:
	@$(MAKE) --no-print-directory check BUILD=build-portable EXTRA_CFLAGS=-U__SSE2__

valgrind: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(BUILD)/faults.so
	@BUILD=$(BUILD) VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	  sh tests/run-tests.sh $(TEST_BIN)

demo: deps all
	@mkdir -p corpora
	$(BUILD)/lexstance compare -o reports/$(basename $(notdir $(SEED))) $(SEED)
	@echo
	@echo "Reports written to reports/$(basename $(notdir $(SEED)))/ (comparison.csv, speakers.csv, evidence.csv)"

reports: all
	$(BUILD)/lexstance compare -o reports/$(basename $(notdir $(SEED))) $(SEED) >reports/$(basename $(notdir $(SEED))).md

# ---- gates (CI runs them: .ci/run) ---------------------------------------
# cppcheck and the clang static analyzer: no finding but those documented
# in tools/lint.supp and the inline cppcheck-suppress comments.
lint:
	@sh tools/lint.sh 2

# The shipped lexicons lint clean: any warning fails.
lexicon-check: $(BUILD)/lexstance
	@$(BUILD)/lexstance lexicon check lexicons/*.tsv 2>$(BUILD)/lexicon-check.err; st=$$?; \
	  cat $(BUILD)/lexicon-check.err; \
	  if [ $$st -ne 0 ] || [ -s $(BUILD)/lexicon-check.err ]; then \
	    echo "lexicon-check: lexicons/*.tsv must have no warning and no error"; exit 1; fi

# .clang-format: `make format` rewrites every C file of the tree in place;
# `make format-check` lists the files it would change and fails.
FORMAT_SRC = $(sort $(wildcard src/*.c src/*.h include/*.h tests/unit/*.c tests/unit/*.h \
                               tests/api/*.c tests/fuzz/*.c tests/faults/*.c tools/*.c \
                               bindings/*/src/*.c))
format:
	@clang-format -i $(FORMAT_SRC)

format-check:
	@bad=0; for f in $(FORMAT_SRC); do \
	  clang-format "$$f" | cmp -s - "$$f" || { echo "format-check: $$f"; bad=1; }; \
	done; exit $$bad

# ---- evaluation and benchmarks -------------------------------------------
$(BUILD)/eval: tools/eval.c $(BUILD)/liblexstance.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/liblexstance.a $(LDLIBS)

$(BUILD)/vader_check: tools/vader_check.c $(BUILD)/liblexstance.a
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/liblexstance.a $(LDLIBS)

$(BUILD)/gencorpus: tools/gencorpus.c | $(BUILD)/obj
	$(CC) -std=c11 -O2 -o $@ $<

# The real set is tuned on its odd-numbered articles and checked on the
# even ones: both halves and the whole are reported, each sentence alone and
# inside its article.  Its texts are read from $(SHARED), never copied here.
REAL := $(SHARED)/data/stance-real
eval: deps
	@$(MAKE) --no-print-directory all $(BUILD)/eval
	$(BUILD)/lexstance validate --mode alone --baselines tests/eval/stance-dev.tsv
	@if [ -f "$(REAL)/labels.tsv" ]; then \
	  for half in all odd even; do \
	    echo; echo "$(BUILD)/lexstance validate --skip-header --split $$half --speaker-labels $(REAL)/speakers.tsv $(REAL)/labels.tsv"; \
	    $(BUILD)/lexstance validate --skip-header --split $$half \
	      --speaker-labels $(REAL)/speakers.tsv $(REAL)/labels.tsv || exit 1; \
	  done; \
	else \
	  echo "eval: $(REAL) not found; skipping the real stance set"; \
	fi
	@echo
	@if [ -d "$(SHARED)/data/vader" ]; then \
	  $(BUILD)/eval sentiment $(SHARED)/data/vader tests/eval/sentiment-dev.tsv; \
	else \
	  echo "eval: $(SHARED)/data/vader not found; skipping the VADER sets"; \
	  $(BUILD)/eval sentiment - tests/eval/sentiment-dev.tsv; \
	fi

bench: all $(BUILD)/gencorpus $(BUILD)/vader_check
	@sh tools/bench.sh $(BUILD) $(BENCH_MB) $(SHARED)

# Instructions per byte on a fixed sample of real lines (callgrind): the
# figure speed commits quote.
bench-ipb: all
	@sh tools/ipb.sh $(BUILD) $(SHARED)

# ---- fuzzing (libFuzzer; clang with libclang-rt-14-dev) --------------------
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Iinclude -Isrc \
  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	  build-fuzz/liblexstance.a
	@for t in $(FUZZ_TARGETS); do \
	  clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o build-fuzz/$$t tests/fuzz/$$t.c \
	    build-fuzz/liblexstance.a $(LDLIBS) || exit 1; \
	done

fuzz: deps fuzz-build
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  name=$${t#fuzz_}; mkdir -p build-fuzz/corpus/$$name tests/fuzz/artifacts; \
	  build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix=tests/fuzz/artifacts/ \
	    build-fuzz/corpus/$$name tests/fuzz/corpus/$$name >build-fuzz/$$t.log 2>&1; \
	  st=$$?; \
	  execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' build-fuzz/$$t.log); \
	  cov=$$(grep -o 'cov: [0-9]*' build-fuzz/$$t.log | tail -1); \
	  echo "fuzz: $$t $(FUZZ_SECONDS)s: $$execs executions, $$cov, exit $$st"; \
	  if [ $$st -ne 0 ]; then grep -E 'ERROR|SUMMARY|Test unit written' build-fuzz/$$t.log | head -5; fail=1; fi; \
	done; exit $$fail

# ---- install --------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/lexstance/lexicons/words \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/lexstance $(DESTDIR)$(PREFIX)/bin/lexstance
	install -m 644 $(BUILD)/liblexstance.a $(DESTDIR)$(PREFIX)/lib/liblexstance.a
	install -m 755 $(BUILD)/$(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/liblexstance.so
	install -m 644 include/lexstance.h $(DESTDIR)$(PREFIX)/include/lexstance.h
	install -m 644 $(LEXICONS) lexicons/README.md $(DESTDIR)$(PREFIX)/share/lexstance/lexicons/
	install -m 644 $(WORDS) lexicons/words/README.md $(DESTDIR)$(PREFIX)/share/lexstance/lexicons/words/
	install -m 644 man/lexstance.1 $(DESTDIR)$(PREFIX)/share/man/man1/lexstance.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  lexstance.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/lexstance.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lexstance $(DESTDIR)$(PREFIX)/lib/liblexstance.a \
	  $(DESTDIR)$(PREFIX)/lib/$(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(SONAME) \
	  $(DESTDIR)$(PREFIX)/lib/liblexstance.so \
	  $(DESTDIR)$(PREFIX)/include/lexstance.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/lexstance.pc \
	  $(DESTDIR)$(PREFIX)/share/man/man1/lexstance.1
	rm -rf $(DESTDIR)$(PREFIX)/share/lexstance

clean:
	rm -rf build build-asan build-fuzz build-portable
