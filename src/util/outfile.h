/*
 * Writing a file the user named (-o FILE, init FILE): whole or not at all,
 * and without changing what FILE is.
 *
 * The bytes go to a temporary file in the directory of the file finally
 * written, are fsync()ed, then renamed over it (or, with
 * CO_OUTFILE_NO_CLOBBER, linked to it, which fails if it exists), so a
 * reader sees the old file or the new one, never half of it. What a plain
 * rename would get wrong is handled first:
 *   - a symlink is followed to its target (through chains, at most 40
 *     links), and the target is replaced: the link stays a link;
 *   - an existing file keeps its permission bits (a 0600 file stays 0600)
 *     and, when we may, its owner; a new file gets 0666 less the umask;
 *   - anything that is not a regular file (a directory, a device such as
 *     /dev/null, a FIFO, a socket) is refused: replacing it by a regular
 *     file would break whatever uses it;
 *   - an existing file we may not write is refused, as '>' would refuse it.
 */
#ifndef CO_UTIL_OUTFILE_H
#define CO_UTIL_OUTFILE_H

#include <stddef.h>

enum {
	CO_OUTFILE_NO_CLOBBER = 1 /* fail with CO_EEXISTS when the file exists */
};

/*
 * Write `len` bytes of `data` to `path` as above. Returns CO_OK, or
 * CO_EINPUT (not a regular file, or a symlink loop), CO_EEXISTS (with
 * CO_OUTFILE_NO_CLOBBER) or CO_EIO, with a one-line message naming `path`
 * (co_error_last()). On failure `path` is as it was and no temporary file
 * is left behind.
 */
int co_outfile_write(const char *path, const void *data, size_t len, unsigned flags);

/*
 * mkdir -p: create `dir` and its missing parents with `mode` (less the
 * umask). Returns 0, or the errno of the first directory that could not be
 * made, whose path is then in *failed (may be NULL; the caller frees it).
 */
int co_mkdirs(const char *dir, unsigned mode, char **failed);

#endif
