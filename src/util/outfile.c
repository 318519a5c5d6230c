/*
 * co_outfile_write(): replace a file the user named, whole or not at all,
 * keeping what it is (outfile.h says what that means). POSIX calls only:
 * lstat/readlink to follow links by hand (realpath() fails on a dangling
 * link, which names a file to create), mkstemp in the target's directory so
 * the rename cannot cross file systems, fchmod/fchown to keep the mode and
 * owner, fsync before the rename so a crash leaves the old or the new file.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carryover/error.h"
#include "util/outfile.h"
#include "util/strbuf.h"

#define MAX_LINKS 40 /* as the kernel's ELOOP limit */

static const char *kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/*
 * Follow `path` through symlinks into `target`. *exists says whether the
 * final name exists (its lstat in *st). Returns CO_OK or an error code.
 */
static int resolve(co_strbuf *target, struct stat *st, bool *exists, const char *path)
{
	co_strbuf link = CO_STRBUF_INIT;
	int rc = CO_OK;

	co_strbuf_reset(target);
	co_strbuf_adds(target, path);
	for (int hops = 0;; hops++) {
		ssize_t n;

		if (lstat(target->buf, st) != 0) {
			if (errno != ENOENT) {
				rc = co_error_set(CO_EIO, "cannot write '%s': %s", path, strerror(errno));
				goto done;
			}
			*exists = false;
			goto done;
		}
		if (!S_ISLNK(st->st_mode)) {
			*exists = true;
			goto done;
		}
		if (hops >= MAX_LINKS) {
			rc = co_error_set(CO_EINPUT, "cannot write '%s': too many levels of symbolic links",
					  path);
			goto done;
		}
		/* st_size may be 0 (/proc) or stale: grow until the text fits */
		for (size_t want = (size_t)st->st_size + 256;; want *= 2) {
			co_strbuf_reset(&link);
			co_strbuf_grow(&link, want);
			n = readlink(target->buf, link.buf, link.alloc - 1);
			if (n < 0) {
				rc = co_error_set(CO_EIO, "cannot write '%s': %s", path,
						  strerror(errno));
				goto done;
			}
			if ((size_t)n < link.alloc - 1 || want > 65536)
				break;
		}
		link.len = (size_t)n;
		link.buf[n] = '\0';
		if (link.buf[0] != '/') {
			/* relative to the directory holding the link */
			char *slash = strrchr(target->buf, '/');

			if (slash) {
				target->len = (size_t)(slash - target->buf) + 1;
				target->buf[target->len] = '\0';
			} else {
				co_strbuf_reset(target);
			}
			co_strbuf_adds(target, link.buf);
		} else {
			co_strbuf_reset(target);
			co_strbuf_adds(target, link.buf);
		}
	}
done:
	co_strbuf_release(&link);
	return rc;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int co_outfile_write(const char *path, const void *data, size_t len, unsigned flags)
{
	co_strbuf target = CO_STRBUF_INIT, tmp = CO_STRBUF_INIT;
	struct stat st;
	bool exists = false;
	const char *slash;
	mode_t mode, mask;
	int fd = -1, rc;

	if ((rc = resolve(&target, &st, &exists, path)) != CO_OK)
		goto done;
	if (exists && (flags & CO_OUTFILE_NO_CLOBBER)) {
		rc = co_error_set(CO_EEXISTS, "'%s' already exists", path);
		goto done;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		rc = co_error_set(CO_EINPUT, "cannot write '%s': it is %s, not a regular file",
				  path, kind_of(st.st_mode));
		goto done;
	}
	if (exists && access(target.buf, W_OK) != 0) {
		rc = co_error_set(CO_EIO, "cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	slash = strrchr(target.buf, '/');
	if (slash)
		co_strbuf_add(&tmp, target.buf, (size_t)(slash - target.buf) + 1);
	co_strbuf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : target.buf);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		rc = co_error_set(CO_EIO, "cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	/* the owner first: chown may clear set-id bits that fchmod then restores */
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()))
		(void)!fchown(fd, st.st_uid, st.st_gid); /* only root may; others keep theirs */
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0)
		goto io;
	if (close(fd) != 0) {
		fd = -1;
		goto io;
	}
	fd = -1;
	if (flags & CO_OUTFILE_NO_CLOBBER) {
		if (link(tmp.buf, target.buf) != 0) {
			if (errno == EEXIST) {
				rc = co_error_set(CO_EEXISTS, "'%s' already exists", path);
				goto fail;
			}
			goto io;
		}
		unlink(tmp.buf);
	} else if (rename(tmp.buf, target.buf) != 0) {
		goto io;
	}
	rc = CO_OK;
	goto done;
io:
	rc = co_error_set(CO_EIO, "cannot write '%s': %s", path, strerror(errno));
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
done:
	co_strbuf_release(&tmp);
	co_strbuf_release(&target);
	return rc;
}

int co_mkdirs(const char *dir, unsigned mode, char **failed)
{
	char *p = co_xstrdup(dir);
	int err = 0;

	if (failed)
		*failed = NULL;
	for (char *s = p + 1;; s++) {
		char c = *s;

		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST) {
			err = errno;
			if (failed)
				*failed = co_xstrdup(p);
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return err;
}
