/*
 * Data files embedded into the binary at build time by scripts/embed.cmake:
 * the exercise catalogue (data/exercises.ini), the method (docs/method.md,
 * whose rules `carryover rules` prints) and the store's schema
 * migrations (src/store/schema/BACKEND/NNN_name.sql: one folder of numbered
 * files per store backend; each backend's entries are together, in number
 * order).
 */
#ifndef CO_UTIL_EMBEDDED_H
#define CO_UTIL_EMBEDDED_H

#include <stddef.h>

typedef struct co_embedded_file {
	const char *backend; /* the schema folder, e.g. "sqlite" */
	const char *name;    /* file name, e.g. "001_init.sql" */
	const char *text;    /* NUL-terminated contents */
} co_embedded_file;

extern const char *const co_embedded_catalog;
extern const size_t co_embedded_catalog_len;

extern const char *const co_embedded_method;
extern const size_t co_embedded_method_len;

/* Terminated by an entry whose name is NULL. */
extern const co_embedded_file co_embedded_migrations[];
extern const size_t co_embedded_migration_count;

#endif
