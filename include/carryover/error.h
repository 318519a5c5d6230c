/*
 * Errors are values.
 *
 * Every fallible function in libcarryover returns an int: 0 (CO_OK) on
 * success or one of the negative CO_E* codes below. The one-line message that
 * explains the last failure on the calling thread is kept in thread-local
 * storage and read with co_error_last(). Codes are never renumbered.
 *
 * Messages follow the house style: lowercase, one line, the subject in
 * quotes, where first:  "profile.ini:14: unknown run type 'tempoo'".
 */
#ifndef CARRYOVER_ERROR_H
#define CARRYOVER_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum co_error_code {
	CO_OK = 0,
	CO_ERROR = -1,     /* generic failure */
	CO_ENOMEM = -2,    /* out of memory */
	CO_EINPUT = -3,    /* bad input: a file, a field, an argument */
	CO_ENOTFOUND = -4, /* no such exercise, athlete, date, ... */
	CO_ESTORE = -5,    /* the store (SQLite/PostgreSQL) failed */
	CO_EIO = -6,       /* reading or writing a file failed */
	CO_EEXISTS = -7,   /* already there (duplicate import, existing file) */
	CO_EUNSUPPORTED = -8 /* understood but not handled (e.g. a FIT settings file) */
} co_error_code;

/**
 * The message of the last error on this thread, or "" when none was set.
 * The string is owned by the library and valid until the next call that
 * fails on this thread.
 */
const char *co_error_last(void);

/** The code of the last error on this thread (CO_OK when none). */
int co_error_last_code(void);

/** Forget the last error on this thread. */
void co_error_clear(void);

/**
 * Set the last error and return `code`, so that a failing function can end
 * with `return co_error_set(CO_EINPUT, "...", ...);`. printf-style.
 */
int co_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** A short, stable name for a code ("bad input", "store failure", ...). */
const char *co_error_name(int code);

/**
 * The process exit status for a code, as DESIGN.md fixes them:
 * 0 success, 2 bad usage or input, 3 the store failed, 1 anything else.
 */
int co_error_exit_status(int code);

#ifdef __cplusplus
}
#endif

#endif
