// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Types of action parameters and key fields: names, containers, and values
 * as text (see enum p4tc_type in the uapi header for the containers).
 */
#include <ctype.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <arpa/inet.h>
#include <net/if.h>

#include "internal.h"

typedef p4tc_u128 u128;
typedef __int128 s128;

#define P4TC_MAX_BITSZ 128
/* strN: N/8 bytes, all of a params block at most */
#define P4TC_MAX_STR_BITSZ (8 * P4TC_MAX_PARAM_DATA_SIZE)

/* Types whose width is fixed, with their name, bits and container bytes. */
static const struct {
	const char *name;
	__u16 bitsz;
	__u16 size;
} p4tc_fixed_types[] = {
	[P4TC_T_MACADDR] = { "macaddr", 48, 8 },
	[P4TC_T_IPV4] = { "ipv4", 32, 4 },
	[P4TC_T_IPV6] = { "ipv6", 128, 16 },
	[P4TC_T_DEV] = { "dev", 32, 4 },
	[P4TC_T_BOOL] = { "bool", 1, 1 },
	[P4TC_T_RATE] = { "rate", 64, 8 },
};

bool p4tc_type_host_order(__u32 type)
{
	return type == P4TC_T_BIT || type == P4TC_T_INT || type == P4TC_T_DEV ||
	       type == P4TC_T_RATE || type == P4TC_T_BOOL;
}

static bool p4tc_type_is_fixed(__u32 type)
{
	return type < ARRAY_SIZE(p4tc_fixed_types) && p4tc_fixed_types[type].name;
}

/* Parse a width: decimal digits without a leading zero, 1..max. */
static int p4tc_parse_width(const char *s, unsigned int max, __u16 *bitsz)
{
	unsigned long v;
	char *end;

	if (!isdigit((unsigned char)s[0]) || s[0] == '0')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return -EINVAL;
	*bitsz = v;
	return 0;
}

LIBP4TC_API int p4tc_type_parse(const char *str, __u32 *type, __u16 *bitsz)
{
	unsigned int i;

	if (!str || !type || !bitsz)
		return p4tc_ret(-EINVAL);
	for (i = 0; i < ARRAY_SIZE(p4tc_fixed_types); i++) {
		if (p4tc_fixed_types[i].name && !strcmp(str, p4tc_fixed_types[i].name)) {
			*type = i;
			*bitsz = p4tc_fixed_types[i].bitsz;
			return 0;
		}
	}
	if (!strncmp(str, "bit", 3) && !p4tc_parse_width(str + 3, P4TC_MAX_BITSZ, bitsz)) {
		*type = P4TC_T_BIT;
		return 0;
	}
	if (!strncmp(str, "int", 3) && !p4tc_parse_width(str + 3, P4TC_MAX_BITSZ, bitsz)) {
		*type = P4TC_T_INT;
		return 0;
	}
	if (!strncmp(str, "str", 3) && !p4tc_parse_width(str + 3, P4TC_MAX_STR_BITSZ, bitsz) &&
	    !(*bitsz % 8)) {
		*type = P4TC_T_STRING;
		return 0;
	}
	if (!strncmp(str, "key", 3) && !p4tc_parse_width(str + 3, P4TC_MAX_KEYSZ, bitsz)) {
		*type = P4TC_T_KEY;
		return 0;
	}
	if (!strcmp(str, "be16") || !strcmp(str, "be32") || !strcmp(str, "be64")) {
		*type = P4TC_T_BE;
		*bitsz = atoi(str + 2);
		return 0;
	}
	return p4tc_ret(-EINVAL);
}

LIBP4TC_API int p4tc_type_size(__u32 type, __u16 bitsz)
{
	switch (type) {
	case P4TC_T_BIT:
	case P4TC_T_INT:
		if (bitsz < 1 || bitsz > P4TC_MAX_BITSZ)
			return p4tc_ret(-EINVAL);
		if (bitsz <= 8)
			return 1;
		if (bitsz <= 16)
			return 2;
		if (bitsz <= 32)
			return 4;
		if (bitsz <= 64)
			return 8;
		return 16;
	case P4TC_T_BE:
		if (bitsz != 16 && bitsz != 32 && bitsz != 64)
			return p4tc_ret(-EINVAL);
		return bitsz / 8;
	case P4TC_T_STRING:
		if (bitsz < 8 || bitsz > P4TC_MAX_STR_BITSZ || bitsz % 8)
			return p4tc_ret(-EINVAL);
		return bitsz / 8;
	case P4TC_T_KEY:
		if (bitsz < 1 || bitsz > P4TC_MAX_KEYSZ)
			return p4tc_ret(-EINVAL);
		return DIV_ROUND_UP(bitsz, 8);
	default:
		if (!p4tc_type_is_fixed(type) ||
		    (bitsz && bitsz != p4tc_fixed_types[type].bitsz))
			return p4tc_ret(-EINVAL);
		return p4tc_fixed_types[type].size;
	}
}

/* snprintf() into @buf, as the length of the text or -ENOSPC. */
static int p4tc_format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int p4tc_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= size)
		return p4tc_ret(-ENOSPC);
	return len;
}

LIBP4TC_API int p4tc_type_str(__u32 type, __u16 bitsz, char *buf, size_t size)
{
	int err = p4tc_type_size(type, bitsz);

	if (err < 0)
		return err;
	switch (type) {
	case P4TC_T_BIT:
		return p4tc_format(buf, size, "bit%u", bitsz);
	case P4TC_T_INT:
		return p4tc_format(buf, size, "int%u", bitsz);
	case P4TC_T_BE:
		return p4tc_format(buf, size, "be%u", bitsz);
	case P4TC_T_STRING:
		return p4tc_format(buf, size, "str%u", bitsz);
	case P4TC_T_KEY:
		return p4tc_format(buf, size, "key%u", bitsz);
	default:
		return p4tc_format(buf, size, "%s", p4tc_fixed_types[type].name);
	}
}

/* Parse decimal or 0x hex digits, at most 128 bits. */
static int p4tc_parse_u128(const char *s, u128 *v)
{
	unsigned int base = 10, digit;
	u128 n = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digit = *s - '0';
		else if (base == 16 && isxdigit((unsigned char)*s))
			digit = tolower((unsigned char)*s) - 'a' + 10;
		else
			return -EINVAL;
		if (n > (~(u128)0 - digit) / base)
			return -ERANGE;
		n = n * base + digit;
	}
	*v = n;
	return 0;
}

u128 p4tc_umax(unsigned int bitsz)
{
	return bitsz >= 128 ? ~(u128)0 : ((u128)1 << bitsz) - 1;
}

void p4tc_store_uint(void *buf, int size, u128 v)
{
	__u8 u8 = v;
	__u16 u16 = v;
	__u32 u32 = v;
	__u64 u64 = v;

	switch (size) {
	case 1:
		memcpy(buf, &u8, 1);
		break;
	case 2:
		memcpy(buf, &u16, 2);
		break;
	case 4:
		memcpy(buf, &u32, 4);
		break;
	case 8:
		memcpy(buf, &u64, 8);
		break;
	default:
		memcpy(buf, &v, 16);
		break;
	}
}

u128 p4tc_load_uint(const void *buf, int size, bool is_signed)
{
	__u8 u8;
	__u16 u16;
	__u32 u32;
	__u64 u64;
	u128 v;

	switch (size) {
	case 1:
		memcpy(&u8, buf, 1);
		return is_signed ? (u128)(s128)(__s8)u8 : u8;
	case 2:
		memcpy(&u16, buf, 2);
		return is_signed ? (u128)(s128)(__s16)u16 : u16;
	case 4:
		memcpy(&u32, buf, 4);
		return is_signed ? (u128)(s128)(__s32)u32 : u32;
	case 8:
		memcpy(&u64, buf, 8);
		return is_signed ? (u128)(s128)(__s64)u64 : u64;
	default:
		memcpy(&v, buf, 16);
		return v;
	}
}

static int p4tc_parse_bit(const char *str, __u16 bitsz, u128 *v)
{
	int err = p4tc_parse_u128(str, v);

	if (err)
		return err;
	return *v > p4tc_umax(bitsz) ? -ERANGE : 0;
}

/*
 * intN: decimal within [-2^(N-1), 2^(N-1) - 1], or 0x hex as the N-bit
 * two's complement pattern; the result is sign-extended to 128 bits.
 */
static int p4tc_parse_int(const char *str, __u16 bitsz, u128 *v)
{
	u128 sign = (u128)1 << (bitsz - 1), mag;
	bool neg = str[0] == '-';
	bool hex;
	int err;

	if (neg)
		str++;
	hex = str[0] == '0' && (str[1] == 'x' || str[1] == 'X');
	err = p4tc_parse_u128(str, &mag);
	if (err)
		return err;
	if (neg) {
		if (mag > sign)
			return -ERANGE;
		*v = -mag;
		return 0;
	}
	if (hex) {
		if (mag > p4tc_umax(bitsz))
			return -ERANGE;
		*v = mag & sign ? mag | ~p4tc_umax(bitsz) : mag;
		return 0;
	}
	if (mag >= sign)
		return -ERANGE;
	*v = mag;
	return 0;
}

static int p4tc_parse_mac(const char *str, __u8 *mac)
{
	unsigned int i, n;
	char *end;

	for (i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)str[0]))
			return -EINVAL;
		n = strtoul(str, &end, 16);
		if (end - str > 2 || *end != (i == 5 ? '\0' : ':'))
			return -EINVAL;
		mac[i] = n;
		str = end + 1;
	}
	return 0;
}

/*
 * An address with an optional prefix length, which must be the full one:
 * exact matches take single addresses.
 */
static int p4tc_parse_addr(int family, const char *str, void *addr)
{
	const char *full = family == AF_INET ? "32" : "128";
	char buf[INET6_ADDRSTRLEN];
	const char *slash = strchr(str, '/');
	size_t len = slash ? (size_t)(slash - str) : strlen(str);

	if (len >= sizeof(buf) || (slash && strcmp(slash + 1, full)))
		return -EINVAL;
	memcpy(buf, str, len);
	buf[len] = '\0';
	return inet_pton(family, buf, addr) == 1 ? 0 : -EINVAL;
}

/* strN: text of at most size - 1 bytes, NUL-padded. */
static int p4tc_parse_string(const char *str, __u8 *val, int size)
{
	size_t len = strlen(str);

	if (len >= (size_t)size)
		return -ERANGE;
	memset(val, 0, size);
	memcpy(val, str, len);
	return 0;
}

static int p4tc_hex_digit(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/*
 * keyN: "0x" and two hex digits per byte of the container, first byte
 * first; the bits past N, at the end of the last byte, must be zero.
 */
static int p4tc_parse_key(const char *str, __u16 bitsz, __u8 *val, int size)
{
	int i;

	if (strncmp(str, "0x", 2) && strncmp(str, "0X", 2))
		return -EINVAL;
	str += 2;
	for (i = 0; i < 2 * size; i++)
		if (!isxdigit((unsigned char)str[i]))
			return -EINVAL;
	if (str[2 * size])
		return isxdigit((unsigned char)str[2 * size]) ? -ERANGE : -EINVAL;
	for (i = 0; i < size; i++)
		val[i] = p4tc_hex_digit(str[2 * i]) << 4 | p4tc_hex_digit(str[2 * i + 1]);
	if (bitsz % 8 && (val[size - 1] & (0xff >> (bitsz % 8))))
		return -ERANGE;
	return 0;
}

/*
 * rate: bytes per second, a number, or a number of bits (bit, kbit, mbit,
 * gbit, tbit) or bytes (bps, kbps, mbps, gbps, tbps) per second, the unit
 * in any case, k being 1000.
 */
static int p4tc_parse_rate(const char *str, __u64 *rate)
{
	static const struct {
		const char *unit;
		u128 mult;
		bool bits;
	} units[] = {
		{ "", 1, false }, { "bit", 1, true }, { "kbit", 1000, true },
		{ "mbit", 1000000, true }, { "gbit", 1000000000, true },
		{ "tbit", 1000000000000ULL, true }, { "bps", 1, false },
		{ "kbps", 1000, false }, { "mbps", 1000000, false },
		{ "gbps", 1000000000, false }, { "tbps", 1000000000000ULL, false },
	};
	char digits[48];
	size_t n = 0;
	unsigned int i;
	u128 v;
	int err;

	if (str[0] == '0' && (str[1] == 'x' || str[1] == 'X'))
		n = strlen(str);
	else
		while (isdigit((unsigned char)str[n]))
			n++;
	if (!n || n >= sizeof(digits))
		return n ? -ERANGE : -EINVAL;
	memcpy(digits, str, n);
	digits[n] = '\0';
	err = p4tc_parse_u128(digits, &v);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcasecmp(str + n, units[i].unit))
			break;
	if (i == ARRAY_SIZE(units))
		return -EINVAL;
	if (v > ~(u128)0 / units[i].mult)
		return -ERANGE;
	v *= units[i].mult;
	if (units[i].bits) {
		if (v % 8)
			return -ERANGE;
		v /= 8;
	}
	if (v > ~(__u64)0)
		return -ERANGE;
	*rate = v;
	return 0;
}

static int p4tc_value_parse_typed(__u32 type, __u16 bitsz, const char *str,
				  __u8 *val, int size)
{
	__u64 rate;
	__u32 ifindex;
	u128 v;
	int err;

	switch (type) {
	case P4TC_T_BIT:
		err = p4tc_parse_bit(str, bitsz, &v);
		if (!err)
			p4tc_store_uint(val, size, v);
		return err;
	case P4TC_T_INT:
		err = p4tc_parse_int(str, bitsz, &v);
		if (!err)
			p4tc_store_uint(val, size, v);
		return err;
	case P4TC_T_BE:
		err = p4tc_parse_bit(str, bitsz, &v);
		if (err)
			return err;
		if (bitsz == 16)
			p4tc_store_uint(val, size, htobe16(v));
		else if (bitsz == 32)
			p4tc_store_uint(val, size, htobe32(v));
		else
			p4tc_store_uint(val, size, htobe64(v));
		return 0;
	case P4TC_T_MACADDR:
		return p4tc_parse_mac(str, val);
	case P4TC_T_IPV4:
		return p4tc_parse_addr(AF_INET, str, val);
	case P4TC_T_IPV6:
		return p4tc_parse_addr(AF_INET6, str, val);
	case P4TC_T_DEV:
		ifindex = if_nametoindex(str);
		if (!ifindex)
			return -ENODEV;
		memcpy(val, &ifindex, sizeof(ifindex));
		return 0;
	case P4TC_T_STRING:
		return p4tc_parse_string(str, val, size);
	case P4TC_T_KEY:
		return p4tc_parse_key(str, bitsz, val, size);
	case P4TC_T_RATE:
		err = p4tc_parse_rate(str, &rate);
		if (!err)
			memcpy(val, &rate, sizeof(rate));
		return err;
	default:
		if (!strcmp(str, "true") || !strcmp(str, "1"))
			val[0] = 1;
		else if (strcmp(str, "false") && strcmp(str, "0"))
			return -EINVAL;
		return 0;
	}
}

LIBP4TC_API int p4tc_value_parse(__u32 type, __u16 bitsz, const char *str,
				 void *buf, size_t size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};
	int len, err;

	len = p4tc_type_size(type, bitsz);
	if (len < 0)
		return len;
	if (!str || !buf)
		return p4tc_ret(-EINVAL);
	if ((size_t)len > size)
		return p4tc_ret(-ENOSPC);
	err = p4tc_value_parse_typed(type, bitsz, str, val, len);
	if (err)
		return p4tc_ret(err);
	memcpy(buf, val, len);
	return len;
}

/* Decimal text of a 128-bit magnitude, with a minus sign if @neg. */
static int p4tc_format_u128(char *buf, size_t size, u128 v, bool neg)
{
	char digits[48];
	int i = sizeof(digits) - 1;

	digits[i] = '\0';
	do {
		digits[--i] = '0' + (int)(v % 10);
		v /= 10;
	} while (v);
	if (neg)
		digits[--i] = '-';
	return p4tc_format(buf, size, "%s", &digits[i]);
}

LIBP4TC_API int p4tc_value_str(__u32 type, __u16 bitsz, const void *val,
			       size_t len, char *buf, size_t size)
{
	char addr[INET6_ADDRSTRLEN], ifname[IF_NAMESIZE];
	const __u8 *v = val;
	__u32 ifindex;
	size_t i;
	int csize;
	u128 n;

	csize = p4tc_type_size(type, bitsz);
	if (csize < 0)
		return csize;
	if (!val || !buf || len != (size_t)csize)
		return p4tc_ret(-EINVAL);

	switch (type) {
	case P4TC_T_BIT:
		return p4tc_format_u128(buf, size, p4tc_load_uint(v, csize, false), false);
	case P4TC_T_INT:
		n = p4tc_load_uint(v, csize, true);
		if ((s128)n < 0)
			return p4tc_format_u128(buf, size, -n, true);
		return p4tc_format_u128(buf, size, n, false);
	case P4TC_T_BE:
		n = p4tc_load_uint(v, csize, false);
		if (bitsz == 16)
			n = be16toh(n);
		else if (bitsz == 32)
			n = be32toh(n);
		else
			n = be64toh(n);
		return p4tc_format_u128(buf, size, n, false);
	case P4TC_T_MACADDR:
		return p4tc_format(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x",
				   v[0], v[1], v[2], v[3], v[4], v[5]);
	case P4TC_T_IPV4:
	case P4TC_T_IPV6:
		inet_ntop(type == P4TC_T_IPV4 ? AF_INET : AF_INET6, v, addr, sizeof(addr));
		return p4tc_format(buf, size, "%s", addr);
	case P4TC_T_DEV:
		memcpy(&ifindex, v, sizeof(ifindex));
		if (if_indextoname(ifindex, ifname))
			return p4tc_format(buf, size, "%s", ifname);
		return p4tc_format(buf, size, "%u", ifindex);
	case P4TC_T_STRING:
		return p4tc_format(buf, size, "%.*s", (int)strnlen((const char *)v, len), v);
	case P4TC_T_KEY:
		if (size < 3 + 2 * len)
			return p4tc_ret(-ENOSPC);
		strcpy(buf, "0x");
		for (i = 0; i < len; i++)
			sprintf(buf + 2 + 2 * i, "%02x", v[i]);
		return 2 + 2 * len;
	case P4TC_T_RATE:
		return p4tc_format_u128(buf, size, p4tc_load_uint(v, 8, false), false);
	default:
		return p4tc_format(buf, size, "%s", v[0] ? "true" : "false");
	}
}
