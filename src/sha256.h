/* sha256.h - SHA-256 digest for lexicon provenance in reports. */
#ifndef LXS_SHA256_H
#define LXS_SHA256_H
#include <stddef.h>
/* Writes 64 lowercase hex digits and a NUL into out. */
void lxs_sha256_hex(const void *data, size_t len, char out[65]);
#endif
