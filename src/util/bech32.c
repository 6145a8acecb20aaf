/*
 * bech32: checksum, 5/8-bit regrouping, and the two directions.
 */
#include "util/bech32.h"

#include <ctype.h>
#include <string.h>

static const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/* The BCH checksum polymod of BIP-173. */
static uint32_t polymod_step(uint32_t chk, uint8_t v)
{
	static const uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
	                                0x3d4233dd, 0x2a1462b3};
	uint8_t top = (uint8_t)(chk >> 25);
	chk = ((chk & 0x1ffffff) << 5) ^ v;
	for (int i = 0; i < 5; i++)
		if ((top >> i) & 1)
			chk ^= gen[i];
	return chk;
}

/* Checksum over the expanded hrp and the 5-bit values. */
static uint32_t polymod(const char *hrp, const uint8_t *v, size_t n)
{
	uint32_t chk = 1;
	size_t hl = strlen(hrp);
	for (size_t i = 0; i < hl; i++)
		chk = polymod_step(chk, (uint8_t)((unsigned char)hrp[i] >> 5));
	chk = polymod_step(chk, 0);
	for (size_t i = 0; i < hl; i++)
		chk = polymod_step(chk, (uint8_t)(hrp[i] & 31));
	for (size_t i = 0; i < n; i++)
		chk = polymod_step(chk, v[i]);
	return chk;
}

/* Regroup bits; 'pad' for encoding, strict zero padding check for decoding. */
static int convert_bits(uint8_t *out, size_t cap, size_t *outlen, int outbits,
                        const uint8_t *in, size_t inlen, int inbits, int pad)
{
	uint32_t val = 0;
	int bits = 0;
	uint32_t maxv = (1u << outbits) - 1;
	*outlen = 0;
	for (size_t i = 0; i < inlen; i++) {
		val = (val << inbits) | in[i];
		bits += inbits;
		while (bits >= outbits) {
			bits -= outbits;
			if (*outlen >= cap)
				return -1;
			out[(*outlen)++] = (uint8_t)((val >> bits) & maxv);
		}
	}
	if (pad) {
		if (bits) {
			if (*outlen >= cap)
				return -1;
			out[(*outlen)++] = (uint8_t)((val << (outbits - bits)) & maxv);
		}
	} else if (bits >= inbits || ((val << (outbits - bits)) & maxv)) {
		return -1;
	}
	return 0;
}

int bech32_decode(const char *str, char *hrp, size_t hrp_cap,
                  uint8_t *data, size_t data_cap, size_t *data_len)
{
	size_t len = strlen(str);
	int lower = 0, upper = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)str[i];
		if (c < 33 || c > 126)
			return -1;
		lower |= islower(c) != 0;
		upper |= isupper(c) != 0;
	}
	if (lower && upper)
		return -1;
	const char *sep = strrchr(str, '1');
	if (!sep || sep == str)
		return -1;
	size_t hl = (size_t)(sep - str), dl = len - hl - 1;
	if (hl + 1 > hrp_cap || dl < 6 || dl > 1024)
		return -1;
	for (size_t i = 0; i < hl; i++)
		hrp[i] = (char)tolower((unsigned char)str[i]);
	hrp[hl] = '\0';
	uint8_t v[1024];
	for (size_t i = 0; i < dl; i++) {
		const char *p = strchr(charset, tolower((unsigned char)sep[1 + i]));
		if (!p || !*p)
			return -1;
		v[i] = (uint8_t)(p - charset);
	}
	if (polymod(hrp, v, dl) != 1)
		return -1;
	return convert_bits(data, data_cap, data_len, 8, v, dl - 6, 5, 0);
}

int bech32_encode(char *out, size_t out_cap, const char *hrp,
                  const uint8_t *data, size_t data_len, int upper)
{
	uint8_t v[1024];
	size_t n;
	if (convert_bits(v, sizeof v - 6, &n, 5, data, data_len, 8, 1) < 0)
		return -1;
	char lhrp[84];
	size_t hl = strlen(hrp);
	if (hl == 0 || hl >= sizeof lhrp || hl + 1 + n + 6 + 1 > out_cap)
		return -1;
	for (size_t i = 0; i <= hl; i++)
		lhrp[i] = (char)tolower((unsigned char)hrp[i]);
	uint8_t tmp[1024 + 6];
	memcpy(tmp, v, n);
	memset(tmp + n, 0, 6);
	uint32_t chk = polymod(lhrp, tmp, n + 6) ^ 1;
	for (int i = 0; i < 6; i++)
		v[n + (size_t)i] = (uint8_t)((chk >> (5 * (5 - i))) & 31);
	size_t o = 0;
	for (size_t i = 0; i < hl; i++)
		out[o++] = upper ? (char)toupper((unsigned char)lhrp[i]) : lhrp[i];
	out[o++] = '1';
	for (size_t i = 0; i < n + 6; i++) {
		char c = charset[v[i]];
		out[o++] = upper ? (char)toupper((unsigned char)c) : c;
	}
	out[o] = '\0';
	return 0;
}
