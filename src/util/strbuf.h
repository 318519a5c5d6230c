/*
 * A growable, always NUL-terminated byte buffer (in the spirit of git's
 * strbuf). Embedded by value: co_strbuf_init() / co_strbuf_release().
 * Allocation failure aborts the process: every caller would only report
 * "out of memory" and stop, and a buffer that silently stops growing is
 * worse than a crash.
 */
#ifndef CO_UTIL_STRBUF_H
#define CO_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct co_strbuf {
	char *buf;   /* never NULL after init; "" when empty */
	size_t len;
	size_t alloc;
} co_strbuf;

#define CO_STRBUF_INIT {NULL, 0, 0}

void co_strbuf_init(co_strbuf *sb);
void co_strbuf_release(co_strbuf *sb);
void co_strbuf_reset(co_strbuf *sb);
void co_strbuf_grow(co_strbuf *sb, size_t extra);
void co_strbuf_add(co_strbuf *sb, const void *data, size_t len);
void co_strbuf_adds(co_strbuf *sb, const char *s);
void co_strbuf_addch(co_strbuf *sb, char c);
void co_strbuf_addf(co_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void co_strbuf_vaddf(co_strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/** Give the buffer to the caller (free() it); sb is left empty. */
char *co_strbuf_detach(co_strbuf *sb);

/**
 * Read a whole file into sb, at most max_bytes (0: no limit). Returns 0, or
 * CO_EIO with "'PATH': REASON" set as the last error.
 */
int co_strbuf_read_file(co_strbuf *sb, const char *path, size_t max_bytes);

/** malloc/strdup that abort on failure (see above). */
void *co_xmalloc(size_t n);
void *co_xcalloc(size_t n, size_t size);
void *co_xrealloc(void *p, size_t n);
char *co_xstrdup(const char *s);
char *co_xstrndup(const char *s, size_t n);

#endif
