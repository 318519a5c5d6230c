/*
 * CRC-16/ARC as FIT uses it (co_fit_crc16, include/carryover/fit.h): the
 * decoder checks it over each chained file before decoding any record,
 * and an encoder writes it after the header and after the records.
 * Two ways, same result:
 *   - a slicing-by-8 table (any CPU; short inputs and tails);
 *   - on x86-64 CPUs with PCLMULQDQ, carry-less multiplication folding
 *     (Intel's "Fast CRC computation for generic polynomials"), 64 bytes a
 *     step in four lanes. It never reduces to 16 bits itself: the folded
 *     128-bit remainder is congruent to the data so far modulo the
 *     polynomial, so the table CRC of its 16 bytes, then of the tail, is
 *     the CRC of the whole input. About 10x the table's speed, which
 *     matters because every chained file is checked in a pass of its own
 *     before its records are decoded.
 * Tables and constants are built once (pthread_once: decoders run in
 * threads).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/fit/fit_int.h"

static uint16_t crc_table[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_CLMUL 1
static int have_clmul;
static uint64_t clmul_k[4]; /* fold by 512 bits (lo, hi), by 128 (lo, hi) */

/* x^n mod P, P = x^16 + x^15 + x^2 + 1, as 16 coefficient bits (bit k: x^k) */
static uint32_t xpow_mod(unsigned n)
{
	uint32_t r = 1;

	while (n--) {
		r <<= 1;
		if (r & 0x10000)
			r ^= 0x18005;
	}
	return r;
}

/* a polynomial of degree < 16 in the bit-reflected 64-bit lane order */
static uint64_t refl64(uint32_t poly)
{
	uint64_t r = 0;
	unsigned k;

	for (k = 0; k < 16; k++)
		if (poly >> k & 1)
			r |= 1ull << (63 - k);
	return r;
}
#endif

static void crc_init(void)
{
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		uint16_t c = (uint16_t)i;

		for (k = 0; k < 8; k++)
			c = (uint16_t)(c & 1 ? (c >> 1) ^ 0xA001 : c >> 1);
		crc_table[0][i] = c;
	}
	/* slicing-by-8: table k is the CRC of byte i followed by k zeros */
	for (k = 1; k < 8; k++)
		for (i = 0; i < 256; i++)
			crc_table[k][i] = (uint16_t)((crc_table[k - 1][i] >> 8) ^
				crc_table[0][crc_table[k - 1][i] & 0xFF]);
#ifdef HAVE_CLMUL
	/*
	 * In a 128-bit lane, bit i is the coefficient of x^(127 - i); the low
	 * 64 bits, A, stand for A * x^64. Moving the lane D bits on is
	 * A * x^(64 + D) + B * x^D; a carry-less product of reflected values
	 * comes out multiplied by x, hence the "- 1".
	 */
	clmul_k[0] = refl64(xpow_mod(512 + 64 - 1));
	clmul_k[1] = refl64(xpow_mod(512 - 1));
	clmul_k[2] = refl64(xpow_mod(128 + 64 - 1));
	clmul_k[3] = refl64(xpow_mod(128 - 1));
	__builtin_cpu_init();
	have_clmul = __builtin_cpu_supports("pclmul") &&
		__builtin_cpu_supports("sse4.1");
#endif
}

static uint16_t crc_bytes(uint16_t crc, const unsigned char *p, size_t len)
{
	while (len >= 8) {
		crc = (uint16_t)(crc_table[7][(p[0] ^ crc) & 0xFF] ^
			crc_table[6][(p[1] ^ (crc >> 8)) & 0xFF] ^
			crc_table[5][p[2]] ^ crc_table[4][p[3]] ^
			crc_table[3][p[4]] ^ crc_table[2][p[5]] ^
			crc_table[1][p[6]] ^ crc_table[0][p[7]]);
		p += 8;
		len -= 8;
	}
	while (len--)
		crc = (uint16_t)((crc >> 8) ^ crc_table[0][(crc ^ *p++) & 0xFF]);
	return crc;
}

#ifdef HAVE_CLMUL
__attribute__((target("pclmul,sse4.1")))
static inline __m128i fold(__m128i x, __m128i k, __m128i next)
{
	return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00),
					   _mm_clmulepi64_si128(x, k, 0x11)), next);
}

/* len >= 64 */
__attribute__((target("pclmul,sse4.1")))
static uint16_t crc_clmul(uint16_t crc, const unsigned char *p, size_t len)
{
	const __m128i k512 = _mm_set_epi64x((long long)clmul_k[1],
					    (long long)clmul_k[0]);
	const __m128i k128 = _mm_set_epi64x((long long)clmul_k[3],
					    (long long)clmul_k[2]);
	__m128i x0, x1, x2, x3;
	unsigned char tmp[16];

	/* a start value is the same as xor-ing it into the first two bytes */
	x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p),
			   _mm_cvtsi32_si128(crc));
	x1 = _mm_loadu_si128((const __m128i *)(p + 16));
	x2 = _mm_loadu_si128((const __m128i *)(p + 32));
	x3 = _mm_loadu_si128((const __m128i *)(p + 48));
	p += 64;
	len -= 64;
	while (len >= 64) {
		x0 = fold(x0, k512, _mm_loadu_si128((const __m128i *)p));
		x1 = fold(x1, k512, _mm_loadu_si128((const __m128i *)(p + 16)));
		x2 = fold(x2, k512, _mm_loadu_si128((const __m128i *)(p + 32)));
		x3 = fold(x3, k512, _mm_loadu_si128((const __m128i *)(p + 48)));
		p += 64;
		len -= 64;
	}
	x0 = fold(x0, k128, x1);
	x0 = fold(x0, k128, x2);
	x0 = fold(x0, k128, x3);
	while (len >= 16) {
		x0 = fold(x0, k128, _mm_loadu_si128((const __m128i *)p));
		p += 16;
		len -= 16;
	}
	_mm_storeu_si128((__m128i *)tmp, x0);
	return crc_bytes(crc_bytes(0, tmp, 16), p, len);
}
#endif

uint16_t co_fit_crc16(uint16_t crc, const void *data, size_t len)
{
	pthread_once(&crc_once, crc_init);
#ifdef HAVE_CLMUL
	if (len >= 64 && have_clmul)
		return crc_clmul(crc, data, len);
#endif
	return crc_bytes(crc, data, len);
}
