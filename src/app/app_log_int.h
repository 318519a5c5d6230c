/*
 * What the training log's use cases (app_log.c) share with the lifting-log
 * importer (import_lifts.c) and the export (app_export_log.c): the readers
 * of the small value forms users type, and the load bound.
 */
#ifndef CO_APP_LOG_INT_H
#define CO_APP_LOG_INT_H

#include <stdbool.h>
#include <stddef.h>

/* A plain decimal filling the whole of s (or its first len bytes). */
bool co_app_log_num(double *out, const char *s);
bool co_app_log_num_n(double *out, const char *s, size_t len);

/* The number before `suffix`: "45min" with "min" -> 45. */
bool co_app_log_num_suffix(double *out, const char *s, const char *suffix);

bool co_app_log_is_int(double v);

/* "4:15", "4:15/km" -> 255 s/km; "6:50/mi" -> s/km. */
bool co_app_log_parse_pace(double *out, const char *s);

/* "45min", "45m", "1h", "1h20", "1:20:00", "50:00" -> minutes. */
bool co_app_log_parse_minutes(double *out, const char *s);

/* "10.2km", "6.2mi" -> km. */
bool co_app_log_parse_km(double *out, const char *s);

/* "60", "60kg", "130lb" -> load, and unit "kg"/"lb" ("" when bare). */
bool co_app_log_parse_load(double *out, char unit[3], const char *s);

/* 0, or CO_EINPUT when a load is not above 0 or over 500 kg (1100 lb). */
int co_app_log_check_load(double load, const char *unit, const char *text);

#endif
