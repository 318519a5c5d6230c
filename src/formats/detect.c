/*
 * File kinds from their first bytes (include/carryover/detect.h).
 *
 * Magic numbers first (zip, gzip, FIT's ".FIT" at byte 8, 7z, bzip2, xz,
 * tar's "ustar" at 257), then XML: a byte-order mark and white space are
 * skipped and the local name of the first element (prefix stripped) says
 * GPX or TCX. The name of a file is never looked at here: a ".fit" that is
 * really a zip is a zip.
 */
#include <ctype.h>
#include <string.h>

#include "carryover/detect.h"

/* The local name of the first element of an XML document in h, or "". */
static void xml_root(char *out, size_t size, const unsigned char *h, size_t n)
{
	size_t i = 0, k = 0, start;

	out[0] = '\0';
	while (i < n) {
		while (i < n && h[i] != '<')
			i++;
		if (i + 1 >= n)
			return;
		if (h[i + 1] == '?' || h[i + 1] == '!') {
			i += 2;
			continue;
		}
		start = ++i;
		while (i < n && (isalnum(h[i]) || h[i] == ':' || h[i] == '_' || h[i] == '-' ||
				 h[i] == '.'))
			i++;
		for (size_t j = start; j < i; j++)
			if (h[j] == ':')
				start = j + 1;
		for (k = 0; start < i && k + 1 < size; k++)
			out[k] = (char)h[start++];
		out[k] = '\0';
		return;
	}
}

co_import_kind co_import_detect(const unsigned char *h, size_t n)
{
	size_t i = 0;
	char root[40];

	if (n >= 4 && h[0] == 'P' && h[1] == 'K' &&
	    ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6) || (h[2] == 7 && h[3] == 8)))
		return CO_KIND_ZIP;
	if (n >= 2 && h[0] == 0x1F && h[1] == 0x8B)
		return CO_KIND_GZIP;
	if (n >= 12 && (h[0] == 12 || h[0] == 14) && !memcmp(h + 8, ".FIT", 4))
		return CO_KIND_FIT;
	if ((n >= 6 && !memcmp(h, "7z\xBC\xAF\x27\x1C", 6)) || (n >= 3 && !memcmp(h, "BZh", 3)) ||
	    (n >= 6 && !memcmp(h, "\xFD" "7zXZ\0", 6)) ||
	    (n >= 262 && !memcmp(h + 257, "ustar", 5)))
		return CO_KIND_ARCHIVE;
	if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
		i = 3;
	while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
		i++;
	if (i >= n || h[i] != '<')
		return CO_KIND_UNKNOWN;
	xml_root(root, sizeof(root), h + i, n - i);
	if (!strcmp(root, "gpx"))
		return CO_KIND_GPX;
	if (!strcmp(root, "TrainingCenterDatabase"))
		return CO_KIND_TCX;
	return root[0] ? CO_KIND_UNKNOWN : CO_KIND_XML;
}
