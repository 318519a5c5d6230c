/*
 * SHA-256 as hex (util/hash.h), through libcrypto's one-shot EVP_Digest,
 * and the string map: open addressing, linear probing, FNV-1a.
 */
#include <openssl/evp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/strbuf.h"

void co_sha256_hex(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32) {
		/* only when libcrypto is broken; a hash of zeros would collide */
		abort();
	}
	for (unsigned i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
}

struct co_strmap_slot {
	const char *key; /* NULL: empty */
	size_t value;
};

static size_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding key, or the empty slot where it would go. */
static struct co_strmap_slot *find(co_strmap *m, const char *key)
{
	size_t mask = m->cap - 1;

	for (size_t i = fnv1a(key) & mask;; i = (i + 1) & mask) {
		struct co_strmap_slot *s = &m->slots[i];

		if (!s->key)
			return s;
		m->probes++;
		if (!strcmp(s->key, key))
			return s;
	}
}

bool co_strmap_get(co_strmap *m, const char *key, size_t *value)
{
	struct co_strmap_slot *s;

	if (!m->cap)
		return false;
	s = find(m, key);
	if (!s->key)
		return false;
	if (value)
		*value = s->value;
	return true;
}

void co_strmap_put(co_strmap *m, const char *key, size_t value)
{
	struct co_strmap_slot *s;

	if (2 * (m->n + 1) > m->cap) {
		/* at most half full: a probe sequence stays short */
		struct co_strmap_slot *old = m->slots;
		size_t old_cap = m->cap;

		m->cap = m->cap ? 2 * m->cap : 64;
		m->slots = co_xcalloc(m->cap, sizeof(*m->slots));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key) {
				size_t j = fnv1a(old[i].key) & (m->cap - 1);

				while (m->slots[j].key)
					j = (j + 1) & (m->cap - 1);
				m->slots[j] = old[i];
			}
		free(old);
	}
	s = find(m, key);
	if (!s->key) {
		s->key = key;
		m->n++;
	}
	s->value = value;
}

void co_strmap_release(co_strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}
