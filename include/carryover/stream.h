/*
 * The per-second stream of an activity as bytes: how a co_activity's
 * samples are stored (docs/formats/stream.md).
 *
 * A format, not a service: bytes <-> values, no store, no threads
 * (src/formats/stream.c). The encoder writes version 2 ("COS2": each
 * channel a column of first or second differences, zigzagged and
 * bit-packed in blocks of 16, no general-purpose compression); the decoder
 * reads versions 1 ("COS1", varints, plain or zlib) and 2, so streams
 * stored before 2026-11-24 stay readable. Decoding a stream and encoding
 * the samples again gives the same bytes (distances are kept to the
 * centimetre).
 */
#ifndef CARRYOVER_STREAM_H
#define CARRYOVER_STREAM_H

#include <stddef.h>

#include "carryover/activity.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Encode act's samples (stream format 2, "COS2") into a new buffer *out of
 * *out_len bytes (the caller frees it). An activity without samples gives *out NULL, length 0.
 * Returns 0 or CO_ENOMEM.
 */
int co_stream_encode(unsigned char **out, size_t *out_len, const co_activity *act);

/**
 * Decode a stream of format 1 ("COS1", plain or zlib; written before
 * 2026-11-24) or 2 into a new array *out of *out_count samples (the caller
 * frees it; NULL when empty). Distances come back rounded to the
 * centimetre; every other field exactly. CO_EINPUT for a damaged or
 * unknown stream.
 */
int co_stream_decode(co_sample **out, size_t *out_count, const unsigned char *data,
		     size_t len);

#ifdef __cplusplus
}
#endif

#endif
