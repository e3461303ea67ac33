// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Table keys: the key fields, each in its container, one after the other
 * from the key's first byte; P4TC_ENTRY_A_KEY holds DIV_ROUND_UP(keysz, 8)
 * bytes. A table without key fields has one implicit field, "key". Masks
 * (P4TC_ENTRY_A_MASK) have the key's layout.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>

#include "internal.h"

LIBP4TC_API int p4tc_key_size(const struct p4tc_table *t)
{
	if (!t || !t->keysz || t->keysz > P4TC_MAX_KEYSZ)
		return p4tc_ret(-EINVAL);
	return DIV_ROUND_UP(t->keysz, 8);
}

LIBP4TC_API int p4tc_key_nfields(const struct p4tc_table *t)
{
	if (!t || t->nkeyfields > P4TC_MAX_KEY_FIELDS)
		return p4tc_ret(-EINVAL);
	return t->nkeyfields ?: 1;
}

LIBP4TC_API int p4tc_key_field(const struct p4tc_table *t, unsigned int i,
			       struct p4tc_keyfield *kf)
{
	int n = p4tc_key_nfields(t);

	if (n < 0)
		return n;
	if (!kf || i >= (unsigned int)n)
		return p4tc_ret(-EINVAL);
	if (t->nkeyfields) {
		*kf = t->keyfields[i];
		return 0;
	}
	memset(kf, 0, sizeof(*kf));
	kf->id = 1;
	strcpy(kf->name, "key");
	kf->type = P4TC_T_BIT;
	kf->bitsz = t->keysz;
	kf->match = t->type ?: P4TC_MATCH_EXACT;
	return 0;
}

/* Whether the key of @t is the implicit field written in hex. */
static bool p4tc_key_is_hex(const struct p4tc_table *t)
{
	return !t->nkeyfields && (t->keysz > P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS ||
				  (t->type && t->type != P4TC_TABLE_TYPE_EXACT));
}

/*
 * Where field @i lies in a key of @len bytes: its offset and its size. The
 * implicit field spans the whole key.
 */
static int p4tc_key_field_loc(const struct p4tc_table *t, unsigned int i,
			      size_t len, unsigned int *off, unsigned int *size)
{
	int keysize = p4tc_key_size(t), n = p4tc_key_nfields(t), csize = 0;
	unsigned int j, pos = 0;

	if (keysize < 0 || n < 0 || i >= (unsigned int)n || len != (size_t)keysize)
		return p4tc_ret(-EINVAL);
	if (!t->nkeyfields) {
		*off = 0;
		*size = keysize;
		return 0;
	}
	for (j = 0; j <= i; j++) {
		pos += csize;
		csize = p4tc_type_size(t->keyfields[j].type, t->keyfields[j].bitsz);
		if (csize < 0)
			return csize;
	}
	if (pos + csize > (unsigned int)keysize)
		return p4tc_ret(-EINVAL);
	*off = pos;
	*size = csize;
	return 0;
}

static int p4tc_hex_digit(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/* A key wider than a number: "0x" and two hex digits per byte. */
static int p4tc_key_parse_hex(const char *str, __u8 *key, unsigned int size)
{
	unsigned int i;

	if (strncmp(str, "0x", 2) || strlen(str + 2) != 2 * size)
		return p4tc_ret(-EINVAL);
	for (i = 0; i < 2 * size; i++)
		if (!isxdigit((unsigned char)str[2 + i]))
			return p4tc_ret(-EINVAL);
	for (i = 0; i < size; i++)
		key[i] = p4tc_hex_digit(str[2 + 2 * i]) << 4 |
			 p4tc_hex_digit(str[3 + 2 * i]);
	return 0;
}

LIBP4TC_API int p4tc_key_field_parse(const struct p4tc_table *t, unsigned int i,
				     const char *str, void *key, size_t len)
{
	__u8 val[P4TC_MAX_VALUE_SIZE];
	struct p4tc_keyfield kf;
	unsigned int off, size;
	int err;

	err = p4tc_key_field_loc(t, i, len, &off, &size);
	if (err)
		return err;
	if (!str || !key)
		return p4tc_ret(-EINVAL);
	p4tc_key_field(t, i, &kf);
	if (p4tc_key_is_hex(t))
		return p4tc_key_parse_hex(str, key, size);
	err = p4tc_value_parse(kf.type, kf.bitsz, str, val, sizeof(val));
	if (err < 0)
		return err;
	/*
	 * The implicit field of a key that is not a container's size (keysz
	 * 24, say) keeps the container's first bytes: the range check left
	 * the others zero.
	 */
	memcpy((__u8 *)key + off, val, size);
	return 0;
}

LIBP4TC_API int p4tc_key_field_str(const struct p4tc_table *t, unsigned int i,
				   const void *key, size_t len, char *buf,
				   size_t size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};
	unsigned int off, fsize, j;
	struct p4tc_keyfield kf;
	const __u8 *k = key;
	int csize, err;

	err = p4tc_key_field_loc(t, i, len, &off, &fsize);
	if (err)
		return err;
	if (!key || !buf)
		return p4tc_ret(-EINVAL);
	p4tc_key_field(t, i, &kf);
	if (p4tc_key_is_hex(t)) {
		if (size < 3 + 2 * fsize)
			return p4tc_ret(-ENOSPC);
		strcpy(buf, "0x");
		for (j = 0; j < fsize; j++)
			sprintf(buf + 2 + 2 * j, "%02x", k[j]);
		return 2 + 2 * fsize;
	}
	csize = p4tc_type_size(kf.type, kf.bitsz);
	if (csize < 0)
		return csize;
	memcpy(val, k + off, fsize);
	return p4tc_value_str(kf.type, kf.bitsz, val, csize, buf, size);
}

/* How a field of a table matches: its own match kind, else the table's. */
static __u8 p4tc_key_field_match(const struct p4tc_table *t, const struct p4tc_keyfield *kf)
{
	return kf->match ?: t->type ?: P4TC_MATCH_EXACT;
}

/*
 * Whether the prefixes of a field count bits in byte order: types kept in
 * network order, and the implicit key written in hex. Prefixes of the
 * others count from the number's most significant bit.
 */
static bool p4tc_key_field_net_order(const struct p4tc_table *t,
				     const struct p4tc_keyfield *kf)
{
	return p4tc_key_is_hex(t) || kf->type == P4TC_T_BE || kf->type == P4TC_T_MACADDR ||
	       kf->type == P4TC_T_IPV4 || kf->type == P4TC_T_IPV6 || kf->type == P4TC_T_KEY ||
	       kf->type == P4TC_T_STRING;
}

/* A field's mask keeping its first @plen bits, into @mask (@size bytes). */
static void p4tc_key_prefix_mask(const struct p4tc_table *t, const struct p4tc_keyfield *kf,
				 unsigned int plen, __u8 *mask, unsigned int size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};
	unsigned int j;

	if (plen >= kf->bitsz) {
		memset(mask, 0xff, size);
		return;
	}
	memset(mask, 0, size);
	if (p4tc_key_field_net_order(t, kf)) {
		for (j = 0; j < plen / 8; j++)
			mask[j] = 0xff;
		if (plen % 8)
			mask[j] = 0xff << (8 - plen % 8);
		return;
	}
	p4tc_store_uint(val, p4tc_type_size(kf->type, kf->bitsz),
			p4tc_umax(plen) << (kf->bitsz - plen));
	memcpy(mask, val, size);
}

/* Decimal digits only: a prefix length, not a mask. */
static bool p4tc_is_prefix_len(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Parse "/PREFIX" or "/MASK" (@str after the '/') of a field into @mask. */
static int p4tc_key_mask_parse(const struct p4tc_table *t, const struct p4tc_keyfield *kf,
			       const char *str, __u8 *mask, unsigned int size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE];
	unsigned long plen;
	char *end;
	int err;

	if (p4tc_is_prefix_len(str)) {
		errno = 0;
		plen = strtoul(str, &end, 10);
		if (errno || plen > kf->bitsz)
			return -EINVAL;
		p4tc_key_prefix_mask(t, kf, plen, mask, size);
		return 0;
	}
	/* Masks of bit strings and text are bytes in hex. */
	if (p4tc_key_is_hex(t) || kf->type == P4TC_T_KEY || kf->type == P4TC_T_STRING)
		return p4tc_key_parse_hex(str, mask, size);
	/* An ifindex mask is a number. */
	if (kf->type == P4TC_T_DEV)
		err = p4tc_value_parse(P4TC_T_BIT, 32, str, val, sizeof(val));
	else
		err = p4tc_value_parse(kf->type, kf->bitsz, str, val, sizeof(val));
	if (err < 0)
		return err;
	memcpy(mask, val, size);
	return 0;
}

int p4tc_key_field_parse_any(const struct p4tc_table *t, unsigned int i, const char *str,
			     bool with_mask, void *key, void *mask, size_t len,
			     unsigned int *offp, unsigned int *sizep)
{
	char value[P4TC_MAX_VALUE_SIZE + 8];
	__u8 *k = key, *m = mask;
	struct p4tc_keyfield kf;
	unsigned int off, size, j;
	const char *slash;
	int err;

	err = p4tc_key_field_loc(t, i, len, &off, &size);
	if (err)
		return err;
	if (!str || !key || !mask)
		return p4tc_ret(-EINVAL);
	if (offp)
		*offp = off;
	if (sizep)
		*sizep = size;
	p4tc_key_field(t, i, &kf);
	slash = strchr(str, '/');
	/* Text may hold a '/': a mask on it is given in hex. */
	if (slash && kf.type == P4TC_T_STRING && !p4tc_key_is_hex(t))
		slash = strrchr(str, '/');
	if (!with_mask || !slash) {
		/* ipv4 and ipv6 values may end with the full prefix. */
		err = p4tc_key_field_parse(t, i, str, key, len);
		if (err)
			return err;
		memset(m + off, 0xff, size);
		return 0;
	}
	if ((size_t)(slash - str) >= sizeof(value))
		return p4tc_ret(-EINVAL);
	memcpy(value, str, slash - str);
	value[slash - str] = '\0';
	err = p4tc_key_field_parse(t, i, value, key, len);
	if (err)
		return err;
	err = p4tc_key_mask_parse(t, &kf, slash + 1, m + off, size);
	if (err)
		return p4tc_ret(err);
	for (j = 0; j < size; j++)
		k[off + j] &= m[off + j];
	return 0;
}

LIBP4TC_API int p4tc_key_field_parse_masked(const struct p4tc_table *t, unsigned int i,
					    const char *str, void *key, void *mask,
					    size_t len)
{
	struct p4tc_keyfield kf;

	if (p4tc_key_field(t, i, &kf))
		return p4tc_ret(-EINVAL);
	return p4tc_key_field_parse_any(t, i, str,
					p4tc_key_field_match(t, &kf) != P4TC_MATCH_EXACT,
					key, mask, len, NULL, NULL);
}

/* The bits of a field's container that hold its value, as a mask. */
static void p4tc_key_value_bits(const struct p4tc_table *t, const struct p4tc_keyfield *kf,
				__u8 *bits, unsigned int size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};

	if (kf->type == P4TC_T_MACADDR) {
		memset(bits, 0, size);
		memset(bits, 0xff, 6);
		return;
	}
	if (p4tc_key_field_net_order(t, kf)) {
		memset(bits, 0xff, size);
		return;
	}
	p4tc_store_uint(val, p4tc_type_size(kf->type, kf->bitsz), p4tc_umax(kf->bitsz));
	memcpy(bits, val, size);
}

LIBP4TC_API int p4tc_key_field_prefix(const struct p4tc_table *t, unsigned int i,
				      const void *mask, size_t len)
{
	__u8 bits[P4TC_MAX_KEYSZ / 8], want[P4TC_MAX_KEYSZ / 8];
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};
	unsigned int off, size, j, plen = 0;
	struct p4tc_keyfield kf;
	const __u8 *m = mask;
	bool full = true;
	p4tc_u128 v;
	int err;

	err = p4tc_key_field_loc(t, i, len, &off, &size);
	if (err)
		return err;
	if (!mask)
		return p4tc_ret(-EINVAL);
	p4tc_key_field(t, i, &kf);
	p4tc_key_value_bits(t, &kf, bits, size);
	for (j = 0; j < size; j++)
		if ((m[off + j] & bits[j]) != bits[j])
			full = false;
	if (full)
		return kf.bitsz;
	/* The only prefix the mask can be, then whether it is that one. */
	if (p4tc_key_field_net_order(t, &kf)) {
		for (j = 0; j < size && m[off + j] == 0xff; j++)
			plen += 8;
		if (j < size)
			plen += __builtin_clz(~(unsigned int)m[off + j] << 24 | 0xffffff);
	} else {
		memcpy(val, m + off, size);
		v = p4tc_load_uint(val, p4tc_type_size(kf.type, kf.bitsz), false);
		plen = __builtin_popcountll((__u64)v) + __builtin_popcountll((__u64)(v >> 64));
	}
	if (plen > kf.bitsz)
		return p4tc_ret(-EINVAL);
	p4tc_key_prefix_mask(t, &kf, plen, want, size);
	if (memcmp(want, m + off, size))
		return p4tc_ret(-EINVAL);
	return plen;
}

LIBP4TC_API int p4tc_key_field_mask_str(const struct p4tc_table *t, unsigned int i,
					const void *mask, size_t len, char *buf,
					size_t size)
{
	__u8 val[P4TC_MAX_VALUE_SIZE] = {};
	unsigned int off, fsize, j, digits;
	struct p4tc_keyfield kf;
	const __u8 *m = mask;
	p4tc_u128 v;
	int csize, err;

	err = p4tc_key_field_loc(t, i, len, &off, &fsize);
	if (err)
		return err;
	if (!mask || !buf)
		return p4tc_ret(-EINVAL);
	p4tc_key_field(t, i, &kf);
	if (p4tc_key_is_hex(t) || kf.type == P4TC_T_BE || kf.type == P4TC_T_KEY ||
	    kf.type == P4TC_T_STRING) {
		if (size < 3 + 2 * fsize)
			return p4tc_ret(-ENOSPC);
		strcpy(buf, "0x");
		for (j = 0; j < fsize; j++)
			sprintf(buf + 2 + 2 * j, "%02x", m[off + j]);
		return 2 + 2 * fsize;
	}
	csize = p4tc_type_size(kf.type, kf.bitsz);
	if (csize < 0)
		return csize;
	memcpy(val, m + off, fsize);
	if (kf.type == P4TC_T_MACADDR || kf.type == P4TC_T_IPV4 || kf.type == P4TC_T_IPV6) {
		if (kf.type == P4TC_T_MACADDR)
			memset(val + 6, 0, 2);
		return p4tc_value_str(kf.type, kf.bitsz, val, csize, buf, size);
	}
	v = p4tc_load_uint(val, csize, false) & p4tc_umax(kf.bitsz);
	digits = DIV_ROUND_UP(kf.bitsz, 4);
	if (size < 3 + digits)
		return p4tc_ret(-ENOSPC);
	strcpy(buf, "0x");
	for (j = 0; j < digits; j++)
		buf[2 + j] = "0123456789abcdef"[(unsigned int)(v >> (4 * (digits - 1 - j))) & 0xf];
	buf[2 + digits] = '\0';
	return 2 + digits;
}
