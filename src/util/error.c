/*
 * The thread-local last error behind co_error_last(). One buffer per thread;
 * messages longer than it are truncated, never overflowed.
 */
#include <stdarg.h>
#include <stdio.h>

#include "carryover/error.h"

static _Thread_local char last_msg[1024];
static _Thread_local int last_code;

const char *co_error_last(void)
{
	return last_msg;
}

int co_error_last_code(void)
{
	return last_code;
}

void co_error_clear(void)
{
	last_msg[0] = '\0';
	last_code = CO_OK;
}

int co_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	va_end(ap);
	last_code = code;
	return code;
}

const char *co_error_name(int code)
{
	switch (code) {
	case CO_OK: return "ok";
	case CO_ENOMEM: return "out of memory";
	case CO_EINPUT: return "bad input";
	case CO_ENOTFOUND: return "not found";
	case CO_ESTORE: return "store failure";
	case CO_EIO: return "i/o error";
	case CO_EEXISTS: return "already exists";
	case CO_EUNSUPPORTED: return "unsupported";
	default: return "error";
	}
}

int co_error_exit_status(int code)
{
	switch (code) {
	case CO_OK: return 0;
	case CO_EINPUT:
	case CO_ENOTFOUND: return 2;
	case CO_ESTORE: return 3;
	default: return 1;
	}
}
