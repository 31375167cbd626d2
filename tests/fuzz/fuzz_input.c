/* libFuzzer target: the TSV, JSON Lines, lines and CSV readers on arbitrary bytes. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

static void read_all(const uint8_t *data, size_t size, lxs_input_format fmt) {
  char path[] = "/tmp/lxs-fuzz-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return;
  }
  close(fd);
  char err[512];
  lxs_reader *r = lxs_reader_open(path, fmt, err, sizeof err);
  if (r) {
    lxs_record rec;
    int k;
    while ((k = lxs_reader_next(r, &rec, err, sizeof err)) == 1)
      if (rec.len > size) abort();
    if (k < 0 && strncmp(err, path, strlen(path)) != 0) abort();
    lxs_reader_close(r);
  }
  unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  read_all(data, size, LXS_IN_TSV);
  read_all(data, size, LXS_IN_JSONL);
  read_all(data, size, LXS_IN_LINES);
  read_all(data, size, LXS_IN_CSV);
  return 0;
}
