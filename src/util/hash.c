/*
 * SHA-256 as hex (util/hash.h), through libcrypto's one-shot EVP_Digest.
 */
#include <openssl/evp.h>
#include <stdlib.h>

#include "util/hash.h"

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
