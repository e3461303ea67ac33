// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Table keys: the key fields, each in its container, one after the other
 * from the key's first byte; P4TC_ENTRY_A_KEY holds DIV_ROUND_UP(keysz, 8)
 * bytes. A table without key fields has one implicit field, "key".
 */
#include <ctype.h>
#include <stdio.h>

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
	kf->match = P4TC_MATCH_EXACT;
	return 0;
}

/* Whether the key of @t is the implicit field written in hex. */
static bool p4tc_key_is_hex(const struct p4tc_table *t)
{
	return !t->nkeyfields && t->keysz > P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS;
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
