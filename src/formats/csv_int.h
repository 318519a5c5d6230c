/*
 * The RFC 4180 record reader of src/formats/csv.c, shared with the lifting
 * logs of lifting_csv.c so both refuse the same hostile inputs the same way
 * (an unterminated quote, a NUL byte, too many fields: "SOURCE:LINE: ...",
 * CO_EINPUT). Not a public header.
 *
 * Fields: double quotes, "" for a quote inside, delimiters and line breaks
 * allowed inside quotes, nothing but blanks after the closing quote;
 * unquoted fields are trimmed of blanks. Blank lines and lines starting
 * with '#' are skipped; a UTF-8 byte-order mark is ignored. Memory is one
 * record at a time, at most max_fields fields.
 */
#ifndef CO_FORMATS_CSV_INT_H
#define CO_FORMATS_CSV_INT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct co_csv_reader {
	const char *p, *end;
	const char *source;
	int line;                 /* line of the next character */
	char delim;               /* ',' or ';' */
	size_t max_fields;
} co_csv_reader;

typedef struct co_csv_record {
	char **fields;            /* fields[0..n), each malloc'd and NUL-terminated */
	size_t n, cap;
	int line;                 /* where the record starts */
	const char *raw;          /* the record as written, line end included */
	size_t raw_len;
} co_csv_record;

/** Start reading text[0..len) (a leading byte-order mark skipped). */
void co_csv_reader_init(co_csv_reader *rd, const char *text, size_t len, const char *source,
			char delim, size_t max_fields);

/**
 * The next record into r (its previous fields freed): 1 when one was read,
 * 0 at the end of the text, or CO_EINPUT with "SOURCE:LINE: what" set.
 */
int co_csv_next(co_csv_reader *rd, co_csv_record *r);

void co_csv_record_release(co_csv_record *r);

#endif
