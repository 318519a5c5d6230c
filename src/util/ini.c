/*
 * The line-numbered INI reader (ini.h): lines by number, and inih's
 * reading of one line, written out so that no line is ever cut and every
 * message can name its line. The splitting rules are inih's (ini.c of
 * benhoyt/inih r55 with Debian's defaults: BOM allowed, ';' and '#'
 * comments, inline comments after whitespace, no value-less keys), so a
 * catalogue or profile reads the same as it did through inih.
 */
#include <ctype.h>
#include <string.h>

#include "util/ini.h"

void co_ini_reader_init(co_ini_reader *r, const char *text, size_t len)
{
	r->text = text ? text : "";
	r->len = text ? len : 0;
	r->pos = 0;
	r->lineno = 0;
	co_strbuf_init(&r->buf);
}

void co_ini_reader_release(co_ini_reader *r)
{
	co_strbuf_release(&r->buf);
}

int co_ini_next_line(co_ini_reader *r, co_ini_line *out)
{
	const char *start, *nl;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (r->pos >= r->len)
		return 0;
	start = r->text + r->pos;
	nl = memchr(start, '\n', r->len - r->pos);
	n = nl ? (size_t)(nl - start) : r->len - r->pos;
	r->pos += n + (nl ? 1 : 0);
	out->lineno = ++r->lineno;
	if (out->lineno == 1 && n >= 3 && !memcmp(start, "\xEF\xBB\xBF", 3)) {
		start += 3;
		n -= 3;
		out->bom = true;
	}
	out->raw = start;
	out->raw_len = n;
	out->indented = n && isspace((unsigned char)start[0]);
	out->kind = CO_INI_BLANK;
	return 1;
}

static char *lskip(char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return s;
}

static char *rstrip(char *s)
{
	char *p = s + strlen(s);

	while (p > s && isspace((unsigned char)*--p))
		*p = '\0';
	return s;
}

/*
 * The first of `chars` (any of them; NULL: none) or of an inline comment
 * (a ';' after whitespace) in s, or its terminating NUL.
 */
static char *find_chars_or_comment(char *s, const char *chars)
{
	bool was_space = false;

	while (*s && (!chars || !strchr(chars, *s)) && !(was_space && *s == ';')) {
		was_space = isspace((unsigned char)*s);
		s++;
	}
	return s;
}

void co_ini_split(co_ini_reader *r, co_ini_line *out, const char *text, size_t len)
{
	char *start, *end, *name, *value;

	out->kind = CO_INI_BLANK;
	out->section = out->key = out->value = NULL;
	co_strbuf_reset(&r->buf);
	co_strbuf_add(&r->buf, text, len);
	/* a NUL byte ends the line, as it ends inih's C string */
	start = lskip(rstrip(r->buf.buf));
	if (!*start || *start == ';' || *start == '#')
		return;
	if (*start == '[') {
		end = find_chars_or_comment(start + 1, "]");
		if (*end != ']') {
			out->kind = CO_INI_BAD;
			return;
		}
		*end = '\0';
		out->kind = CO_INI_SECTION;
		out->section = start + 1;
		return;
	}
	end = find_chars_or_comment(start, "=:");
	if (*end != '=' && *end != ':') {
		out->kind = CO_INI_BAD;
		return;
	}
	*end = '\0';
	name = rstrip(start);
	value = end + 1;
	end = find_chars_or_comment(value, NULL);
	*end = '\0';
	value = lskip(value);
	rstrip(value);
	out->kind = CO_INI_KEY;
	out->key = name;
	out->value = value;
}
