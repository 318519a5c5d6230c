/*
 * What a file is, told by its first bytes rather than its name: FIT, GPX,
 * TCX, or an archive (zip, gzip, tar, 7z, ...) that may hold them.
 *
 * Format knowledge (src/formats/detect.c): no I/O, the caller reads the
 * head of the file. The import pipeline (import.h) uses it to decide
 * whether to decode a file, walk into it, or ignore it; the names keep
 * their co_import_ prefix for that reason.
 */
#ifndef CARRYOVER_DETECT_H
#define CARRYOVER_DETECT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What the first bytes of a file say it is. */
typedef enum co_import_kind {
	CO_KIND_UNKNOWN = 0,
	CO_KIND_FIT,
	CO_KIND_GPX,
	CO_KIND_TCX,
	CO_KIND_XML,     /* XML, root not seen in the bytes given */
	CO_KIND_ZIP,
	CO_KIND_GZIP,
	CO_KIND_ARCHIVE  /* another archive libarchive reads (tar, 7z, ...) */
} co_import_kind;

/**
 * Classify a file by its first `len` bytes (a few KiB are enough: an XML
 * root element must start within them). Never fails: CO_KIND_UNKNOWN.
 */
co_import_kind co_import_detect(const unsigned char *head, size_t len);

#ifdef __cplusplus
}
#endif

#endif
