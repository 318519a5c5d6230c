/*
 * UTF-8 checks shared by the profile reader (formats/profile.c): the whole
 * file, and each name given on the command line, which no file check sees;
 * and by the JSON writer (formats/json_values.c), which keeps each
 * well-formed sequence of a string and replaces each bad byte.
 * Well-formed means RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF.
 */
#include <stddef.h>

#include "util/utf8.h"

size_t co_utf8_len(const unsigned char *s, size_t n)
{
	size_t need;
	unsigned cp, min;

	if (!n)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		need = 1; cp = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		need = 2; cp = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		need = 3; cp = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n <= need)
		return 0;
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return need + 1;
}

size_t co_utf8_first_bad(const unsigned char *t, size_t len)
{
	size_t i = 0, k;

	while (i < len) {
		if (!(k = co_utf8_len(t + i, len - i)))
			return i;
		i += k;
	}
	return len;
}
