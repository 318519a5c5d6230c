/*
 * The schema migrations of each backend: the numbered SQL files of
 * src/store/schema/<folder>/ (sqlite/, and postgres/ when that backend
 * comes), embedded into the binary by scripts/embed.cmake.
 *
 * A store's schema version is the number of migrations of its own backend
 * applied to it, so the files of a folder are numbered 001, 002, ... with no
 * gap: the n-th file (from 1) is named n_... (three digits). A folder that
 * breaks the sequence is refused at open instead of migrated, since a gap
 * would skip a change on some stores and not on others. Each folder is
 * numbered on its own; how a backend records the version (SQLite:
 * PRAGMA user_version) is its own business.
 */
#include <stdlib.h>
#include <string.h>

#include "carryover/error.h"
#include "store/store_impl.h"
#include "util/embedded.h"

/* The run of embedded migrations tagged `folder`: the table is sorted by path. */
static const co_embedded_file *find(const char *folder, size_t *out_count)
{
	const co_embedded_file *first = NULL;
	size_t n = 0;

	for (size_t i = 0; i < co_embedded_migration_count; i++) {
		if (strcmp(co_embedded_migrations[i].backend, folder) != 0) {
			if (first)
				break;
			continue;
		}
		if (!first)
			first = &co_embedded_migrations[i];
		n++;
	}
	*out_count = n;
	return first;
}

int co_store_latest_version(const char *folder)
{
	size_t n = 0;

	find(folder, &n);
	return (int)n;
}

int co_store_migrations(const co_embedded_file **out, size_t *out_count, const char *folder,
			const char *location)
{
	size_t n = 0;
	const co_embedded_file *m = find(folder, &n);

	*out = NULL;
	*out_count = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = m[i].name;
		char *end = NULL;
		long num = strtol(name, &end, 10);

		if (num != (long)i + 1 || end != name + 3 || *end != '_')
			return co_error_set(CO_ESTORE,
					    "store '%s': migration '%s' is out of sequence (expected %03zu_...)",
					    location, name, i + 1);
	}
	*out = m;
	*out_count = n;
	return CO_OK;
}
