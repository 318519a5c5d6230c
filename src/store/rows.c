/*
 * The memory of what the store hands out, and what backends share to fill
 * it: local dates of an instant, and one-block ownership of an activity row.
 *
 * A row returned by the store owns its strings and stream in one block
 * (row->owned), so releasing it is one free(); athletes own each string.
 * Nothing here touches a store handle: this is the part of the store a
 * backend may call besides its own code (store_impl.h), and it never calls
 * back into the front door (store.c).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_impl.h"
#include "util/strbuf.h"

/* --- athletes --------------------------------------------------------------- */

void co_store_athlete_release(co_store_athlete *a)
{
	if (!a)
		return;
	free(a->name);
	free(a->profile_text);
	free(a->profile_hash);
	free(a->source_path);
	memset(a, 0, sizeof(*a));
}

void co_store_athlete_list_free(co_store_athlete *list, size_t n)
{
	if (!list)
		return;
	for (size_t i = 0; i < n; i++)
		co_store_athlete_release(&list[i]);
	free(list);
}

/* --- activities --------------------------------------------------------- */

co_date co_store_local_date(int64_t start_utc, int32_t utc_offset_s)
{
	int64_t t = start_utc + utc_offset_s;
	int64_t d = t / 86400;

	if (t % 86400 < 0)
		d--;
	return (co_date)d;
}

static size_t opt_len(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

static const char *opt_copy(char **cursor, const char *s)
{
	char *dst;
	size_t n = opt_len(s);

	if (!s)
		return NULL;
	dst = *cursor;
	memcpy(dst, s, n);
	*cursor += n;
	return dst;
}

void co_store_row_take(co_store_activity_row *row)
{
	size_t total = row->stream_len + opt_len(row->hash) + opt_len(row->source) +
		       opt_len(row->sport) + opt_len(row->sub_sport) + opt_len(row->device) +
		       opt_len(row->summary_json) + opt_len(row->laps_json);
	char *block = co_xmalloc(total ? total : 1);
	char *cursor = block;

	if (row->stream && row->stream_len) {
		memcpy(cursor, row->stream, row->stream_len);
		row->stream = (const unsigned char *)cursor;
		cursor += row->stream_len;
	} else {
		row->stream = NULL;
		row->stream_len = 0;
	}
	row->hash = opt_copy(&cursor, row->hash);
	row->source = opt_copy(&cursor, row->source);
	row->sport = opt_copy(&cursor, row->sport);
	row->sub_sport = opt_copy(&cursor, row->sub_sport);
	row->device = opt_copy(&cursor, row->device);
	row->summary_json = opt_copy(&cursor, row->summary_json);
	row->laps_json = opt_copy(&cursor, row->laps_json);
	row->owned = block;
}

void co_store_activity_row_release(co_store_activity_row *row)
{
	if (!row)
		return;
	free(row->owned);
	*row = (co_store_activity_row)CO_STORE_ACTIVITY_ROW_INIT;
}

void co_store_activity_list_free(co_store_activity_row *rows, size_t n)
{
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++)
		free(rows[i].owned);
	free(rows);
}
