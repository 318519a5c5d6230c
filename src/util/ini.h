/*
 * A line-numbered INI reader, shared by the exercise catalogue
 * (lib/catalog.c) and the athlete profile (formats/profile.c).
 *
 * It does two things and decides nothing else:
 *   - co_ini_next_line() hands out one physical line at a time with its
 *     number (1-based), without its '\n' and, on line 1, without a UTF-8
 *     byte-order mark. Lines have no length limit here: each caller states
 *     its own limit and its own message.
 *   - co_ini_split() reads one line the way inih (55, as Debian builds it,
 *     which carryover used before) reads it, so the files parse exactly as
 *     before: leading and trailing whitespace (isspace) is dropped; a line
 *     starting with ';' or '#' is a comment; an inline comment starts at a
 *     ';' that follows whitespace; "[name]" is a section (the name as
 *     written between '[' and the first ']', not trimmed); otherwise the
 *     line splits at its first '=' or ':' into a key and a value, both
 *     trimmed. A line that is none of these is CO_INI_BAD.
 *
 * What inih would do and we do not: continue an indented line as a second
 * value of the key above (both callers refuse or strip indentation; the
 * line's `indented` flag says it was), cut a line at 200 bytes and read its
 * tail as the next line (Debian's inih 55 did, silently), or cut section
 * names at 50 bytes.
 *
 * The strings of a co_ini_line point into the reader's buffer and are valid
 * until the next call on the reader.
 */
#ifndef CO_UTIL_INI_H
#define CO_UTIL_INI_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

typedef enum co_ini_kind {
	CO_INI_BLANK = 0, /* empty, or a comment */
	CO_INI_SECTION,   /* "[name]": `section` */
	CO_INI_KEY,       /* "key = value" or "key: value": `key`, `value` */
	CO_INI_BAD        /* a '[' without ']', or no '=' / ':' */
} co_ini_kind;

typedef struct co_ini_line {
	int lineno;          /* 1-based */
	const char *raw;     /* the physical line: no '\n', no BOM; not NUL-terminated */
	size_t raw_len;
	bool bom;            /* line 1 started with a UTF-8 BOM (not in `raw`) */
	bool indented;       /* `raw` starts with whitespace */
	/* set by co_ini_split(): */
	co_ini_kind kind;
	const char *section;
	const char *key;
	const char *value;
} co_ini_line;

typedef struct co_ini_reader {
	const char *text;
	size_t len, pos;
	int lineno;
	co_strbuf buf;       /* the text co_ini_split() works on */
} co_ini_reader;

/** Read `text` (`len` bytes, not owned; NUL bytes are part of a line). */
void co_ini_reader_init(co_ini_reader *r, const char *text, size_t len);

/** Free the reader's buffer; the text is the caller's. */
void co_ini_reader_release(co_ini_reader *r);

/** The next line into *out (kind CO_INI_BLANK, strings NULL); 0 at the end of the text, else 1. */
int co_ini_next_line(co_ini_reader *r, co_ini_line *out);

/**
 * Split `len` bytes of `text` (a line's raw text, or a caller's cleaned
 * copy of it) as inih would, into out->kind, section, key and value.
 */
void co_ini_split(co_ini_reader *r, co_ini_line *out, const char *text, size_t len);

#endif
