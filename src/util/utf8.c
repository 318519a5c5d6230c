/*
 * UTF-8 checks shared by the profile reader (formats/profile.c): the whole
 * file, and each name given on the command line, which no file check sees.
 * Well-formed means RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF.
 */
#include <stddef.h>

#include "util/utf8.h"

size_t co_utf8_first_bad(const unsigned char *t, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = t[i];
		size_t need;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			need = 1; cp = c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2; cp = c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else {
			return i;
		}
		if (len - i <= need)
			return i;
		for (size_t k = 1; k <= need; k++) {
			if ((t[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (t[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return len;
}
