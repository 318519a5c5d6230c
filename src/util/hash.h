/*
 * Content hashing: SHA-256 as lowercase hex, the identity of an imported
 * file (its rows carry it, so the same content is never stored twice).
 * Through OpenSSL's libcrypto (EVP), which every Debian system has; the
 * only file of util that needs it is hash.c.
 */
#ifndef CO_UTIL_HASH_H
#define CO_UTIL_HASH_H

#include <stddef.h>

/*
 * The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL in out.
 * Cannot fail: a broken libcrypto aborts (a hash of zeros would make every
 * file the same file).
 */
void co_sha256_hex(char out[65], const void *data, size_t len);

#endif
