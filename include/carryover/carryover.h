/*
 * libcarryover: strength training that carries over to running.
 *
 * One header per concept; this one includes them all. Conventions, as the
 * whole library follows them:
 *   - public functions are co_<module>_<verb>(), macros and enums CO_*;
 *   - fallible functions return 0 or a negative CO_E* code (error.h) and
 *     leave a one-line message in co_error_last();
 *   - out-parameters come first and are named `out`;
 *   - objects from _new()/_load()/_parse() are freed with the matching
 *     _free(), and _free(NULL) does nothing;
 *   - the engine never prints and does no I/O.
 */
#ifndef CARRYOVER_H
#define CARRYOVER_H

#include "carryover/error.h"
#include "carryover/date.h"
#include "carryover/catalog.h"
#include "carryover/athlete.h"
#include "carryover/plan.h"
#include "carryover/history.h"
#include "carryover/actual.h"
#include "carryover/store.h"
#include "carryover/activity.h"
#include "carryover/stream.h"
#include "carryover/detect.h"
#include "carryover/fit.h"
#include "carryover/fit_workout.h"
#include "carryover/xmltrack.h"
#include "carryover/analysis.h"
#include "carryover/analyze.h"
#include "carryover/import.h"
#include "carryover/calendar_io.h"
#include "carryover/json.h"
#include "carryover/check.h"
#include "carryover/report.h"
#include "carryover/app.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library version, "MAJOR.MINOR.PATCH". */
const char *co_version(void);

#ifdef __cplusplus
}
#endif

#endif
