/*
 * util/outfile.c: a named file is replaced whole, and stays what it was.
 * Each test works in a fresh temporary directory: symlinks are followed
 * to their target, modes are kept, FIFOs and directories are refused with
 * nothing left behind, and NO_CLOBBER never replaces (issue 9, item 7).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carryover/error.h"
#include "util/outfile.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/co_outfile_XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *at(const char *name)
{
	static char buf[4][128];
	static int i;

	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

static void slurp(char *out, size_t n, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	assert_non_null(f);
	got = fread(out, 1, n - 1, f);
	out[got] = '\0';
	fclose(f);
}

/* Only the names given are in the directory: no temporary file is left. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void symlink_target_written(void **state)
{
	char text[64];
	struct stat st;

	(void)state;
	assert_int_equal(co_outfile_write(at("real"), "old", 3, 0), CO_OK);
	assert_int_equal(symlink("real", at("link1")), 0);
	assert_int_equal(symlink("link1", at("link2")), 0);
	assert_int_equal(co_outfile_write(at("link2"), "new", 3, 0), CO_OK);
	assert_int_equal(lstat(at("link2"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	slurp(text, sizeof(text), at("real"));
	assert_string_equal(text, "new");
	assert_int_equal(entries(), 3);
}

static void mode_kept(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(co_outfile_write(at("f"), "a", 1, 0), CO_OK);
	assert_int_equal(chmod(at("f"), 0600), 0);
	assert_int_equal(co_outfile_write(at("f"), "b", 1, 0), CO_OK);
	assert_int_equal(stat(at("f"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
}

static void non_regular_refused(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(mkfifo(at("fifo"), 0600), 0);
	assert_int_equal(co_outfile_write(at("fifo"), "x", 1, 0), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "it is a FIFO, not a regular file"));
	assert_int_equal(lstat(at("fifo"), &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(mkdir(at("d"), 0700), 0);
	assert_int_equal(co_outfile_write(at("d"), "x", 1, 0), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "a directory"));
	assert_int_equal(symlink("/dev/null", at("null")), 0);
	assert_int_equal(co_outfile_write(at("null"), "x", 1, 0), CO_EINPUT);
	assert_non_null(strstr(co_error_last(), "a device"));
	assert_int_equal(entries(), 3);
}

static void no_clobber(void **state)
{
	char text[16];

	(void)state;
	assert_int_equal(co_outfile_write(at("f"), "one", 3, CO_OUTFILE_NO_CLOBBER), CO_OK);
	assert_int_equal(co_outfile_write(at("f"), "two", 3, CO_OUTFILE_NO_CLOBBER), CO_EEXISTS);
	slurp(text, sizeof(text), at("f"));
	assert_string_equal(text, "one");
	/* a dangling link names the file to create */
	assert_int_equal(symlink("made", at("dangling")), 0);
	assert_int_equal(co_outfile_write(at("dangling"), "m", 1, CO_OUTFILE_NO_CLOBBER), CO_OK);
	slurp(text, sizeof(text), at("made"));
	assert_string_equal(text, "m");
	assert_int_equal(entries(), 3);
}

static void missing_folder(void **state)
{
	(void)state;
	assert_int_equal(co_outfile_write(at("no/such/f"), "x", 1, 0), CO_EIO);
	assert_non_null(strstr(co_error_last(), "No such file or directory"));
	assert_int_equal(entries(), 0);
}

/* co_mkdirs: every missing parent made; a file in the way names that prefix. */
static void mkdirs_makes_parents(void **state)
{
	struct stat sb;
	char *failed = NULL;
	char path[600];

	(void)state;
	snprintf(path, sizeof(path), "%s", at("a/b/c"));
	assert_int_equal(co_mkdirs(path, 0700, &failed), 0);
	assert_null(failed);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(co_mkdirs(path, 0700, NULL), 0); /* already there */
	assert_int_equal(co_outfile_write(at("file"), "x", 1, 0), CO_OK);
	snprintf(path, sizeof(path), "%s", at("file/sub/dir"));
	assert_int_equal(co_mkdirs(path, 0700, &failed), ENOTDIR);
	assert_non_null(failed);
	assert_non_null(strstr(failed, "file/sub"));
	free(failed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(symlink_target_written, setup, teardown),
		cmocka_unit_test_setup_teardown(mode_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(non_regular_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(no_clobber, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(mkdirs_makes_parents, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
