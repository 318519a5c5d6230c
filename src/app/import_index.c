/*
 * What the import already knows is stored (app/import_int.h): two hash
 * tables, open addressing with linear probing, kept at most half full.
 *
 *   - known_set: content hash -> (row id, source), loaded from the store at
 *     the start and grown as files are committed; workers read it (under
 *     the pipeline's lock) to skip content already stored before decoding.
 *   - rich_map: row id -> richness (samples with heart rate plus samples
 *     with position) of the rows this import stored, for the writer alone,
 *     so that weighing a later recording of the same run needs no decoding
 *     of a stream just written.
 *
 * Both grow by rehashing into a table twice the size; neither shrinks.
 */
#include <stdlib.h>
#include <string.h>

#include "app/import_int.h"
#include "util/strbuf.h"

/* --- content already stored: file hash -> (row id, source) ---------------- */

static size_t known_slot(const known_set *k, const char *hash)
{
	uint64_t h = 1469598103934665603ull;

	for (int i = 0; i < 16; i++)
		h = (h ^ (unsigned char)hash[i]) * 1099511628211ull;
	return (size_t)h & (k->cap - 1);
}

const known_entry *import_known_find(const known_set *k, const char *hash)
{
	if (!k->cap)
		return NULL;
	for (size_t i = known_slot(k, hash);; i = (i + 1) & (k->cap - 1)) {
		if (!k->v[i].hash[0])
			return NULL;
		if (!strcmp(k->v[i].hash, hash))
			return &k->v[i];
	}
}

void import_known_add(known_set *k, const char *hash, int64_t id, const char *source)
{
	if ((k->n + 1) * 2 > k->cap) {
		known_set bigger = {co_xcalloc(k->cap ? k->cap * 2 : 256, sizeof(known_entry)),
				    k->cap ? k->cap * 2 : 256, 0};

		for (size_t i = 0; i < k->cap; i++) {
			if (!k->v[i].hash[0])
				continue;
			size_t j = known_slot(&bigger, k->v[i].hash);
			while (bigger.v[j].hash[0])
				j = (j + 1) & (bigger.cap - 1);
			bigger.v[j] = k->v[i];
			bigger.n++;
		}
		free(k->v);
		*k = bigger;
	}
	size_t i = known_slot(k, hash);
	while (k->v[i].hash[0]) {
		if (!strcmp(k->v[i].hash, hash))
			return;
		i = (i + 1) & (k->cap - 1);
	}
	memcpy(k->v[i].hash, hash, 65);
	k->v[i].hash[64] = '\0';
	k->v[i].id = id;
	k->v[i].source = co_xstrdup(source ? source : "?");
	k->n++;
}

void import_known_release(known_set *k)
{
	for (size_t i = 0; i < k->cap; i++)
		free(k->v[i].source);
	free(k->v);
	k->v = NULL;
	k->cap = k->n = 0;
}

/* --- richness of the rows this import stored: row id -> samples -------------- */

static size_t rich_slot(const rich_map *m, int64_t id)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
}

bool import_rich_find(const rich_map *m, int64_t id, size_t *out)
{
	if (!m->cap)
		return false;
	for (size_t i = rich_slot(m, id); m->id[i]; i = (i + 1) & (m->cap - 1))
		if (m->id[i] == id) {
			*out = m->rich[i];
			return true;
		}
	return false;
}

void import_rich_put(rich_map *m, int64_t id, size_t rich)
{
	size_t i;

	if (id <= 0)
		return;
	if ((m->n + 1) * 2 > m->cap) {
		rich_map bigger = {NULL, NULL, m->cap ? m->cap * 2 : 256, 0};

		bigger.id = co_xcalloc(bigger.cap, sizeof(*bigger.id));
		bigger.rich = co_xcalloc(bigger.cap, sizeof(*bigger.rich));
		for (size_t j = 0; j < m->cap; j++)
			if (m->id[j])
				import_rich_put(&bigger, m->id[j], m->rich[j]);
		free(m->id);
		free(m->rich);
		*m = bigger;
	}
	for (i = rich_slot(m, id); m->id[i] && m->id[i] != id; i = (i + 1) & (m->cap - 1))
		;
	if (!m->id[i])
		m->n++;
	m->id[i] = id;
	m->rich[i] = rich;
}

void import_rich_release(rich_map *m)
{
	free(m->id);
	free(m->rich);
	memset(m, 0, sizeof(*m));
}
