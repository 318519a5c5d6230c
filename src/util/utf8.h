/*
 * UTF-8 well-formedness (RFC 3629), for text read from users.
 */
#ifndef CO_UTIL_UTF8_H
#define CO_UTIL_UTF8_H

#include <stddef.h>

/* The length (1-4) of the well-formed sequence at s[0..n), 0 when there is none. */
size_t co_utf8_len(const unsigned char *s, size_t n);

/* The offset of the first byte that is not part of well-formed UTF-8, or len. */
size_t co_utf8_first_bad(const unsigned char *t, size_t len);

#endif
