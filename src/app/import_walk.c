/*
 * The import's walker (app/import_int.h): paths to files, files to tasks.
 *
 * First the paths become a flat list of files (import_collect_inputs):
 * every path must exist, folders are walked recursively (hidden files and
 * folders left out), and inside each folder files are taken FIT first,
 * then TCX, then GPX (judged by name; the format itself is always told by
 * content), so that when a run exists as a device's FIT and as exported
 * GPX/TCX, the richer FIT is the one met first.
 *
 * Then the walker thread reads them in order. Each file or archive member
 * is a stream (`reader`): its first bytes say what it is
 * (co_import_detect); an archive (zip, tar, 7z, a .gz member) is walked
 * through libarchive as a stream inside the stream that holds it, nothing
 * unpacked to disk, at most MAX_DEPTH deep; an activity file is read whole
 * (at most max_file bytes) into a task for the workers; anything else is
 * reported as ignored.
 */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/import_int.h"
#include "carryover/error.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* --- the walker ---------------------------------------------------------- */

/* Something bytes can be read from: a file, an archive member. */
typedef struct reader reader;
struct reader {
	/* Up to n bytes into buf: the count, 0 at the end, -1 on error (msg set). */
	ssize_t (*read)(reader *r, void *buf, size_t n);
	char msg[160];
	uint64_t size; /* the bytes to come when known (a file's size), else 0 */
};

typedef struct fd_reader {
	reader base;
	int fd;
	pipeline *pl;
	uint64_t start;
} fd_reader;

static ssize_t fd_read(reader *r, void *buf, size_t n)
{
	fd_reader *f = (fd_reader *)r;
	ssize_t got;

	do
		got = read(f->fd, buf, n);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		snprintf(r->msg, sizeof(r->msg), "%s", strerror(errno));
		return -1;
	}
	f->pl->disk_pos += (uint64_t)got;
	return got;
}

typedef struct arch_reader {
	reader base;
	struct archive *a;
} arch_reader;

static ssize_t arch_read(reader *r, void *buf, size_t n)
{
	arch_reader *ar = (arch_reader *)r;
	la_ssize_t got = archive_read_data(ar->a, buf, n);

	if (got < 0) {
		snprintf(r->msg, sizeof(r->msg), "%s",
			 archive_error_string(ar->a) ? archive_error_string(ar->a) : "archive error");
		return -1;
	}
	return got;
}

/* libarchive reading an archive that is itself a stream: head first, then the rest. */
typedef struct chain {
	reader *parent;
	const unsigned char *head;
	size_t head_len;
	bool head_done;
	unsigned char buf[65536];
} chain;

static la_ssize_t chain_read(struct archive *a, void *ctx, const void **buf)
{
	chain *c = ctx;
	ssize_t n;

	if (!c->head_done) {
		c->head_done = true;
		if (c->head_len) {
			*buf = c->head;
			return (la_ssize_t)c->head_len;
		}
	}
	n = c->parent->read(c->parent, c->buf, sizeof(c->buf));
	if (n < 0) {
		archive_set_error(a, EIO, "%s", c->parent->msg);
		return -1;
	}
	*buf = c->buf;
	return n;
}

static ssize_t read_full(reader *r, unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k = r->read(r, buf + got, n - got);

		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

/* The name without a trailing ".gz", lowercased extension compared. */
static bool has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	if (n > 3 && !strcasecmp(name + n - 3, ".gz"))
		n -= 3;
	return n > e && !strncasecmp(name + n - e, ext, e);
}

static int rank_of(const char *name)
{
	if (has_ext(name, ".fit"))
		return 0;
	if (has_ext(name, ".tcx"))
		return 1;
	if (has_ext(name, ".gpx"))
		return 2;
	return 3;
}

#define MAX_DEPTH 8

static void walk_stream(pipeline *pl, reader *r, const char *name, const char *source,
			int depth);

static void walk_archive(pipeline *pl, reader *parent, const unsigned char *head,
			 size_t head_len, bool gzip, const char *name, const char *source,
			 int depth)
{
	chain *c = co_xcalloc(1, sizeof(*c));
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	arch_reader ar = {{arch_read, "", 0}, a};
	co_strbuf cname = CO_STRBUF_INIT, csource = CO_STRBUF_INIT;
	int r;

	c->parent = parent;
	c->head = head;
	c->head_len = head_len;
	if (gzip) {
		archive_read_support_filter_gzip(a);
		archive_read_support_format_raw(a);
	} else {
		archive_read_support_filter_all(a);
		archive_read_support_format_all(a);
	}
	if (archive_read_open(a, c, NULL, chain_read, NULL) != ARCHIVE_OK) {
		import_report(pl, name, CO_IMPORT_FAILED, archive_error_string(a));
		goto done;
	}
	while (!import_stopped(pl)) {
		r = archive_read_next_header(a, &e);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN) {
			import_report(pl, name, CO_IMPORT_FAILED, archive_error_string(a));
			break;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		const char *path = archive_entry_pathname(e);
		const char *base = path ? strrchr(path, '/') : NULL;
		base = base ? base + 1 : path;
		if (path && (!strncmp(path, "__MACOSX/", 9) || !strncmp(base, "._", 2)))
			continue; /* macOS resource forks, not files */
		ar.base.size = !gzip && archive_entry_size_is_set(e) && archive_entry_size(e) > 0 ?
			       (uint64_t)archive_entry_size(e) : 0;
		if (gzip) {
			walk_stream(pl, &ar.base, name, source, depth + 1);
			continue;
		}
		co_strbuf_reset(&cname);
		co_strbuf_reset(&csource);
		co_strbuf_addf(&cname, "%s:%s", name, path ? path : "?");
		co_strbuf_addf(&csource, "%s:%s", source, path ? path : "?");
		walk_stream(pl, &ar.base, cname.buf, csource.buf, depth + 1);
	}
done:
	archive_read_free(a);
	free(c);
	co_strbuf_release(&cname);
	co_strbuf_release(&csource);
}

/*
 * One file or member: tell what it is from its first bytes, then recurse
 * into an archive, queue an activity file, or report it.
 */
static void walk_stream(pipeline *pl, reader *r, const char *name, const char *source,
			int depth)
{
	unsigned char *head = co_xmalloc(IMPORT_HEAD_BYTES);
	ssize_t n = read_full(r, head, IMPORT_HEAD_BYTES);
	co_import_kind kind;

	if (n < 0) {
		import_report(pl, name, CO_IMPORT_FAILED, r->msg);
		goto done;
	}
	kind = co_import_detect(head, (size_t)n);
	if (kind == CO_KIND_UNKNOWN || kind == CO_KIND_XML) {
		/* a file named as an activity is decoded, to say what is wrong with it */
		if (has_ext(name, ".fit"))
			kind = CO_KIND_FIT;
		else if (has_ext(name, ".gpx"))
			kind = CO_KIND_GPX;
		else if (has_ext(name, ".tcx"))
			kind = CO_KIND_TCX;
	}
	switch (kind) {
	case CO_KIND_ZIP: case CO_KIND_GZIP: case CO_KIND_ARCHIVE:
		if (depth >= MAX_DEPTH) {
			import_report(pl, name, CO_IMPORT_FAILED, "archives nested too deep");
			break;
		}
		walk_archive(pl, r, head, (size_t)n, kind == CO_KIND_GZIP, name, source, depth);
		break;
	case CO_KIND_FIT: case CO_KIND_GPX: case CO_KIND_TCX: case CO_KIND_XML: {
		size_t len = (size_t)n, cap = IMPORT_HEAD_BYTES * 16;

		/* sized once when the size is known (one more byte to see the end) */
		if (r->size >= cap && r->size < pl->max_file)
			cap = (size_t)r->size + 1;
		unsigned char *data = co_xmalloc(cap);
		bool too_big = false;

		memcpy(data, head, len);
		if ((size_t)n == IMPORT_HEAD_BYTES) {
			for (;;) {
				ssize_t k;

				if (len == cap) {
					if (cap >= pl->max_file) {
						too_big = true;
						break;
					}
					cap = cap * 2 > pl->max_file ? pl->max_file : cap * 2;
					data = co_xrealloc(data, cap);
				}
				k = r->read(r, data + len, cap - len);
				if (k < 0) {
					free(data);
					import_report(pl, name, CO_IMPORT_FAILED, r->msg);
					goto done;
				}
				if (k == 0)
					break;
				len += (size_t)k;
			}
		}
		if (too_big) {
			char msg[96];

			free(data);
			snprintf(msg, sizeof(msg), "larger than %zu MiB, not read",
				 pl->max_file >> 20);
			import_report(pl, name, CO_IMPORT_FAILED, msg);
			break;
		}
		task *t = import_task_new(name, source);
		t->data = data;
		t->len = len;
		t->kind = kind;
		import_push(pl, t, true);
		break;
	}
	default:
		import_report(pl, name, CO_IMPORT_IGNORED, "not a FIT, GPX or TCX file");
	}
done:
	free(head);
}

void *import_walker_main(void *arg)
{
	pipeline *pl = arg;

	for (size_t i = 0; i < pl->ninputs && !import_stopped(pl); i++) {
		input *in = &pl->inputs[i];
		uint64_t start = pl->disk_pos;
		fd_reader f = {{fd_read, "", in->size}, -1, pl, start};

		if (in->error) {
			import_report(pl, in->path, CO_IMPORT_FAILED, in->error);
			continue;
		}
		f.fd = open(in->path, O_RDONLY | O_CLOEXEC);
		if (f.fd < 0) {
			import_report(pl, in->path, CO_IMPORT_FAILED, strerror(errno));
			pl->disk_pos = start + in->size;
			continue;
		}
		walk_stream(pl, &f.base, in->path, in->source, 0);
		close(f.fd);
		pl->disk_pos = start + in->size;
	}
	pthread_mutex_lock(&pl->mu);
	pl->walk_done = true;
	pthread_cond_broadcast(&pl->task_cv);
	pthread_cond_broadcast(&pl->done_cv);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* --- inputs: paths to a flat list of files ------------------------------------ */

static input *input_add(input_list *l, const char *path, uint64_t size)
{
	const char *base = strrchr(path, '/');
	input *in;

	in = CO_VEC_PUSH(l->v, l->n, l->alloc);
	in->path = co_xstrdup(path);
	in->source = co_xstrdup(base && base[1] ? base + 1 : path);
	in->size = size;
	in->rank = rank_of(path);
	return in;
}

static int input_cmp(const void *a, const void *b)
{
	const input *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->path, y->path);
}

static void collect_dir(input_list *l, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	co_strbuf path = CO_STRBUF_INIT;
	struct stat st;

	if (!d) {
		input_add(l, dir, 0)->error = co_xstrdup(strerror(errno));
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue; /* ".", "..", and hidden files (.DS_Store, ._x.fit) */
		co_strbuf_reset(&path);
		co_strbuf_addf(&path, "%s%s%s", dir,
			       dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		if (lstat(path.buf, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < 64)
				collect_dir(l, path.buf, depth + 1);
		} else if (S_ISREG(st.st_mode) ||
			   (S_ISLNK(st.st_mode) && !stat(path.buf, &st) && S_ISREG(st.st_mode))) {
			input_add(l, path.buf, (uint64_t)st.st_size);
		}
	}
	closedir(d);
	co_strbuf_release(&path);
}

void import_inputs_free(input *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].source);
		free(v[i].error);
	}
	free(v);
}

/* Every path exists: expand folders (FIT first in each), sum the sizes. */
int import_collect_inputs(input_list *l, uint64_t *total, const char *const *paths,
			  size_t npaths)
{
	struct stat st;

	for (size_t i = 0; i < npaths; i++)
		if (stat(paths[i], &st) < 0)
			return co_error_set(errno == ENOENT ? CO_ENOTFOUND : CO_EIO, "'%s': %s",
					    paths[i], errno == ENOENT ?
					    "no such file or directory" : strerror(errno));
	for (size_t i = 0; i < npaths; i++) {
		size_t first = l->n;

		stat(paths[i], &st);
		if (S_ISDIR(st.st_mode)) {
			collect_dir(l, paths[i], 0);
			qsort(l->v + first, l->n - first, sizeof(*l->v), input_cmp);
		} else {
			input_add(l, paths[i], (uint64_t)st.st_size);
		}
	}
	*total = 0;
	for (size_t i = 0; i < l->n; i++)
		*total += l->v[i].size;
	return 0;
}

