#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "util/strbuf.h"

static char empty[1];

static void die_oom(void)
{
	fputs("carryover: out of memory\n", stderr);
	abort();
}

void *co_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *co_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *co_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_oom();
	return q;
}

char *co_xstrdup(const char *s)
{
	return co_xstrndup(s, strlen(s));
}

char *co_xstrndup(const char *s, size_t n)
{
	char *p = co_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void co_strbuf_init(co_strbuf *sb)
{
	sb->buf = empty;
	sb->len = 0;
	sb->alloc = 0;
}

void co_strbuf_release(co_strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	co_strbuf_init(sb);
}

void co_strbuf_reset(co_strbuf *sb)
{
	if (!sb->buf)
		co_strbuf_init(sb);
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

void co_strbuf_grow(co_strbuf *sb, size_t extra)
{
	size_t need;

	if (!sb->buf)
		co_strbuf_init(sb);
	need = sb->len + extra + 1;
	if (need <= sb->alloc)
		return;
	size_t n = sb->alloc ? sb->alloc : 64;
	while (n < need)
		n *= 2;
	if (sb->alloc) {
		sb->buf = co_xrealloc(sb->buf, n);
	} else {
		sb->buf = co_xmalloc(n);
		sb->buf[0] = '\0';
	}
	sb->alloc = n;
}

void co_strbuf_add(co_strbuf *sb, const void *data, size_t len)
{
	co_strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void co_strbuf_adds(co_strbuf *sb, const char *s)
{
	co_strbuf_add(sb, s, strlen(s));
}

void co_strbuf_addch(co_strbuf *sb, char c)
{
	co_strbuf_add(sb, &c, 1);
}

void co_strbuf_vaddf(co_strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	co_strbuf_grow(sb, 64);
	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= sb->alloc - sb->len) {
		co_strbuf_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void co_strbuf_addf(co_strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	co_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *co_strbuf_detach(co_strbuf *sb)
{
	char *p = sb->alloc ? sb->buf : co_xstrdup("");
	co_strbuf_init(sb);
	return p;
}

int co_strbuf_read_file(co_strbuf *sb, const char *path, size_t max_bytes)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!f)
		return co_error_set(CO_EIO, "'%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (max_bytes && sb->len + n > max_bytes) {
			fclose(f);
			return co_error_set(CO_EINPUT, "'%s': file larger than %zu bytes",
					    path, max_bytes);
		}
		co_strbuf_add(sb, chunk, n);
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		return co_error_set(CO_EIO, "'%s': %s", path, strerror(e));
	}
	fclose(f);
	return CO_OK;
}
