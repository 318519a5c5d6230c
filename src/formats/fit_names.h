/*
 * FIT profile name tables (generated into fit_names.c from the Garmin SDK
 * profile). Internal to src/formats.
 */
#ifndef CO_FORMATS_FIT_NAMES_H
#define CO_FORMATS_FIT_NAMES_H

#include <stddef.h>
#include <stdint.h>

typedef struct co_fit_name {
	uint16_t id;
	const char *name;
} co_fit_name;

extern const co_fit_name co_fit_manufacturers[];
extern const size_t co_fit_manufacturers_count;
extern const co_fit_name co_fit_garmin_products[];
extern const size_t co_fit_garmin_products_count;

#endif
