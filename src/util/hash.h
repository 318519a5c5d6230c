/*
 * Content hashing: SHA-256 as lowercase hex, the identity of an imported
 * file (its rows carry it, so the same content is never stored twice).
 * Through OpenSSL's libcrypto (EVP), which every Debian system has; the
 * only file of util that needs it is hash.c.
 *
 * And a string map (co_strmap): NUL-terminated keys to size_t values, open
 * addressing with FNV-1a, so a loop that looks a name up per row costs one
 * probe or so per row, not one comparison per distinct name. It counts its
 * probes (key comparisons), which tests of bounds assert.
 */
#ifndef CO_UTIL_HASH_H
#define CO_UTIL_HASH_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL in out.
 * Cannot fail: a broken libcrypto aborts (a hash of zeros would make every
 * file the same file).
 */
void co_sha256_hex(char out[65], const void *data, size_t len);

/*
 * Keys are not copied: each must outlive the map. Values are the caller's
 * (an index into its own vector, typically).
 */
typedef struct co_strmap {
	struct co_strmap_slot *slots;
	size_t n, cap;  /* cap: 0 or a power of two, at least twice n */
	size_t probes;  /* key comparisons made by get and put so far */
} co_strmap;

#define CO_STRMAP_INIT {NULL, 0, 0, 0}

/** Whether key is in the map; its value in *value when it is. */
bool co_strmap_get(co_strmap *m, const char *key, size_t *value);

/** Set key's value (adding the key when absent). Aborts when out of memory. */
void co_strmap_put(co_strmap *m, const char *key, size_t value);

void co_strmap_release(co_strmap *m);

#endif
