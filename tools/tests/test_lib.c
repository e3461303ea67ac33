// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of libp4tc: type names, values and their containers, key
 * packing and masks, the messages requests are built into and replies
 * parsed from, option checks, and the errors of requests that never reach
 * the kernel (or find no p4tc module).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include "internal.h"
#include "tap.h"

/* Containers below are written out for a little-endian host. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian host");

static const char *type_name(__u32 type, __u16 bitsz)
{
	static char name[16];

	if (p4tc_type_str(type, bitsz, name, sizeof(name)) < 0)
		snprintf(name, sizeof(name), "type%u/%u", type, bitsz);
	return name;
}

static void check_type(const char *str, __u32 type, __u16 bitsz, int size)
{
	__u32 t = 0;
	__u16 b = 0;
	char name[16];

	tap_ok(!p4tc_type_parse(str, &t, &b) && t == type && b == bitsz,
	       "type %s is %u/%u", str, type, bitsz);
	tap_ok(p4tc_type_size(type, bitsz) == size, "type %s takes %d bytes", str, size);
	tap_ok(p4tc_type_str(type, bitsz, name, sizeof(name)) == (int)strlen(str) &&
	       !strcmp(name, str), "type %u/%u prints as %s", type, bitsz, str);
}

static void test_types(void)
{
	static const char *const bad[] = {
		"bit0", "bit129", "bit08", "bit", "bitx", "int0", "be8", "be24",
		"mac", "IPV4", "", "u32",
	};
	unsigned int i;
	__u16 bitsz;
	__u32 type;

	check_type("bit1", P4TC_T_BIT, 1, 1);
	check_type("bit8", P4TC_T_BIT, 8, 1);
	check_type("bit9", P4TC_T_BIT, 9, 2);
	check_type("bit17", P4TC_T_BIT, 17, 4);
	check_type("bit33", P4TC_T_BIT, 33, 8);
	check_type("bit65", P4TC_T_BIT, 65, 16);
	check_type("bit128", P4TC_T_BIT, 128, 16);
	check_type("int7", P4TC_T_INT, 7, 1);
	check_type("int128", P4TC_T_INT, 128, 16);
	check_type("be16", P4TC_T_BE, 16, 2);
	check_type("be32", P4TC_T_BE, 32, 4);
	check_type("be64", P4TC_T_BE, 64, 8);
	check_type("macaddr", P4TC_T_MACADDR, 48, 8);
	check_type("ipv4", P4TC_T_IPV4, 32, 4);
	check_type("ipv6", P4TC_T_IPV6, 128, 16);
	check_type("dev", P4TC_T_DEV, 32, 4);
	check_type("bool", P4TC_T_BOOL, 1, 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		tap_ok(p4tc_type_parse(bad[i], &type, &bitsz) == -EINVAL && errno == EINVAL,
		       "type \"%s\" is refused", bad[i]);
	tap_ok(p4tc_type_size(P4TC_T_IPV4, 0) == 4, "fixed types need no width");
	tap_ok(p4tc_type_size(P4TC_T_IPV4, 24) == -EINVAL, "ipv4 is not 24 bits wide");
	tap_ok(p4tc_type_size(P4TC_T_BIT, 0) == -EINVAL, "bit0 has no container");
	tap_ok(p4tc_type_size(P4TC_T_RATE + 1, 0) == -EINVAL, "unknown type has no container");
}

static void check_parse(__u32 type, __u16 bitsz, const char *str,
			const void *expect, int len)
{
	__u8 buf[P4TC_MAX_VALUE_SIZE];
	int ret;

	memset(buf, 0xa5, sizeof(buf));
	ret = p4tc_value_parse(type, bitsz, str, buf, sizeof(buf));
	tap_ok(ret == len && !memcmp(buf, expect, len), "%s \"%s\" parses",
	       type_name(type, bitsz), str);
}

static void check_parse_err(__u32 type, __u16 bitsz, const char *str, int err)
{
	__u8 buf[P4TC_MAX_VALUE_SIZE];
	int ret;

	ret = p4tc_value_parse(type, bitsz, str, buf, sizeof(buf));
	tap_ok(ret == err && errno == -err, "%s \"%s\" is refused with %s",
	       type_name(type, bitsz), str, strerror(-err));
}

static void check_str(__u32 type, __u16 bitsz, const void *val, const char *expect)
{
	int len = p4tc_type_size(type, bitsz);
	char buf[64];
	int ret;

	ret = p4tc_value_str(type, bitsz, val, len, buf, sizeof(buf));
	tap_ok(ret == (int)strlen(expect) && !strcmp(buf, expect),
	       "%s prints as \"%s\" (got \"%s\")", type_name(type, bitsz), expect,
	       ret < 0 ? strerror(-ret) : buf);
}

/* Parse @str, print it back, expect @expect. */
static void check_roundtrip(__u32 type, __u16 bitsz, const char *str,
			    const char *expect)
{
	__u8 buf[P4TC_MAX_VALUE_SIZE];
	int len = p4tc_value_parse(type, bitsz, str, buf, sizeof(buf));

	if (!tap_ok(len > 0, "%s \"%s\" parses", type_name(type, bitsz), str))
		return;
	check_str(type, bitsz, buf, expect);
}

static void test_numbers(void)
{
	static const __u8 max128[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	static const __u8 min_int128[16] = { [15] = 0x80 };
	__u8 small[2];

	check_parse(P4TC_T_BIT, 8, "255", "\xff", 1);
	check_parse(P4TC_T_BIT, 8, "0xff", "\xff", 1);
	check_parse(P4TC_T_BIT, 8, "0", "\x00", 1);
	check_parse(P4TC_T_BIT, 12, "4095", "\xff\x0f", 2);
	check_parse(P4TC_T_BIT, 32, "4294967295", "\xff\xff\xff\xff", 4);
	check_parse(P4TC_T_BIT, 32, "0x01020304", "\x04\x03\x02\x01", 4);
	check_parse(P4TC_T_BIT, 64, "18446744073709551615", max128, 8);
	check_parse(P4TC_T_BIT, 128, "0xffffffffffffffffffffffffffffffff", max128, 16);
	check_parse(P4TC_T_BIT, 128, "340282366920938463463374607431768211455", max128, 16);
	check_parse_err(P4TC_T_BIT, 8, "256", -ERANGE);
	check_parse_err(P4TC_T_BIT, 8, "0x100", -ERANGE);
	check_parse_err(P4TC_T_BIT, 12, "4096", -ERANGE);
	check_parse_err(P4TC_T_BIT, 1, "2", -ERANGE);
	check_parse_err(P4TC_T_BIT, 128, "0x1ffffffffffffffffffffffffffffffff", -ERANGE);
	check_parse_err(P4TC_T_BIT, 128, "340282366920938463463374607431768211456", -ERANGE);
	check_parse_err(P4TC_T_BIT, 8, "-1", -EINVAL);
	check_parse_err(P4TC_T_BIT, 8, "abc", -EINVAL);
	check_parse_err(P4TC_T_BIT, 8, "", -EINVAL);
	check_parse_err(P4TC_T_BIT, 8, "0x", -EINVAL);
	check_parse_err(P4TC_T_BIT, 8, "1 ", -EINVAL);
	check_parse_err(P4TC_T_BIT, 8, "+1", -EINVAL);

	check_parse(P4TC_T_INT, 8, "-128", "\x80", 1);
	check_parse(P4TC_T_INT, 8, "127", "\x7f", 1);
	check_parse(P4TC_T_INT, 8, "0xff", "\xff", 1);
	check_parse(P4TC_T_INT, 4, "-8", "\xf8", 1);
	check_parse(P4TC_T_INT, 4, "0xf", "\xff", 1);
	check_parse(P4TC_T_INT, 16, "-1", "\xff\xff", 2);
	check_parse(P4TC_T_INT, 128, "-170141183460469231731687303715884105728", min_int128, 16);
	check_parse_err(P4TC_T_INT, 8, "-129", -ERANGE);
	check_parse_err(P4TC_T_INT, 8, "128", -ERANGE);
	check_parse_err(P4TC_T_INT, 8, "0x100", -ERANGE);
	check_parse_err(P4TC_T_INT, 8, "--1", -EINVAL);
	check_parse_err(P4TC_T_INT, 8, "-", -EINVAL);

	check_parse(P4TC_T_BE, 16, "0x1234", "\x12\x34", 2);
	check_parse(P4TC_T_BE, 32, "1", "\x00\x00\x00\x01", 4);
	check_parse(P4TC_T_BE, 64, "0x0102030405060708", "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
	check_parse_err(P4TC_T_BE, 16, "65536", -ERANGE);

	tap_ok(p4tc_value_parse(P4TC_T_BIT, 32, "1", small, sizeof(small)) == -ENOSPC,
	       "a buffer smaller than the container is refused");

	check_roundtrip(P4TC_T_BIT, 8, "0xff", "255");
	check_roundtrip(P4TC_T_BIT, 128, "0xffffffffffffffffffffffffffffffff",
			"340282366920938463463374607431768211455");
	check_roundtrip(P4TC_T_INT, 8, "-128", "-128");
	check_roundtrip(P4TC_T_INT, 4, "0xf", "-1");
	check_roundtrip(P4TC_T_INT, 128, "-170141183460469231731687303715884105728",
			"-170141183460469231731687303715884105728");
	check_roundtrip(P4TC_T_INT, 64, "9223372036854775807", "9223372036854775807");
	check_roundtrip(P4TC_T_BE, 16, "0x1234", "4660");
	check_roundtrip(P4TC_T_BE, 64, "18446744073709551615", "18446744073709551615");
}

static void test_addresses(void)
{
	static const __u8 v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	char buf[8];

	check_parse(P4TC_T_MACADDR, 48, "aa:bb:cc:dd:ee:ff",
		    "\xaa\xbb\xcc\xdd\xee\xff\x00\x00", 8);
	check_parse(P4TC_T_MACADDR, 48, "0:1:2:3:4:5", "\x00\x01\x02\x03\x04\x05\x00\x00", 8);
	check_parse_err(P4TC_T_MACADDR, 48, "aa:bb:cc:dd:ee", -EINVAL);
	check_parse_err(P4TC_T_MACADDR, 48, "aa:bb:cc:dd:ee:ff:00", -EINVAL);
	check_parse_err(P4TC_T_MACADDR, 48, "aaa:bb:cc:dd:ee:ff", -EINVAL);
	check_parse_err(P4TC_T_MACADDR, 48, "aa-bb-cc-dd-ee-ff", -EINVAL);
	check_parse_err(P4TC_T_MACADDR, 48, "0x:bb:cc:dd:ee:ff", -EINVAL);
	check_roundtrip(P4TC_T_MACADDR, 48, "AA:0:cc:dd:ee:FF", "aa:00:cc:dd:ee:ff");

	check_parse(P4TC_T_IPV4, 32, "10.0.0.1", "\x0a\x00\x00\x01", 4);
	check_parse(P4TC_T_IPV4, 32, "10.0.0.1/32", "\x0a\x00\x00\x01", 4);
	check_parse_err(P4TC_T_IPV4, 32, "10.0.0.0/24", -EINVAL);
	check_parse_err(P4TC_T_IPV4, 32, "10.0.0.1/", -EINVAL);
	check_parse_err(P4TC_T_IPV4, 32, "10.0.0.300", -EINVAL);
	check_parse_err(P4TC_T_IPV4, 32, "10.0.0", -EINVAL);
	check_roundtrip(P4TC_T_IPV4, 32, "192.168.1.254/32", "192.168.1.254");

	check_parse(P4TC_T_IPV6, 128, "2001:db8::1", v6, 16);
	check_parse(P4TC_T_IPV6, 128, "2001:db8::1/128", v6, 16);
	check_parse_err(P4TC_T_IPV6, 128, "2001:db8::/64", -EINVAL);
	check_parse_err(P4TC_T_IPV6, 128, "2001:db8::1::2", -EINVAL);
	check_roundtrip(P4TC_T_IPV6, 128, "2001:0db8:0::0:1", "2001:db8::1");

	check_parse(P4TC_T_DEV, 32, "lo", "\x01\x00\x00\x00", 4);
	check_parse_err(P4TC_T_DEV, 32, "no-such-dev0", -ENODEV);
	check_str(P4TC_T_DEV, 32, "\x01\x00\x00\x00", "lo");
	check_str(P4TC_T_DEV, 32, "\x3f\x42\x0f\x00", "999999");

	check_parse(P4TC_T_BOOL, 1, "true", "\x01", 1);
	check_parse(P4TC_T_BOOL, 1, "1", "\x01", 1);
	check_parse(P4TC_T_BOOL, 1, "false", "\x00", 1);
	check_parse(P4TC_T_BOOL, 1, "0", "\x00", 1);
	check_parse_err(P4TC_T_BOOL, 1, "yes", -EINVAL);
	check_str(P4TC_T_BOOL, 1, "\x01", "true");
	check_str(P4TC_T_BOOL, 1, "\x00", "false");

	tap_ok(p4tc_value_str(P4TC_T_IPV4, 32, "\x0a\x00\x00\x01", 3, buf, sizeof(buf)) == -EINVAL,
	       "printing a value of the wrong size is refused");
	tap_ok(p4tc_value_str(P4TC_T_IPV4, 32, "\x0a\x00\x00\x01", 4, buf, sizeof(buf)) == -ENOSPC &&
	       errno == ENOSPC, "printing into too small a buffer is refused");
}

/* strN, keyN and rate, since LIBP4TC_0.3 */
static void test_new_types(void)
{
	static const char *const bad[] = {
		"str", "str0", "str12", "str1000", "str08", "key", "key0", "key513", "rates",
	};
	static __u8 key512[64], str992[124];
	char text[300];
	unsigned int i;
	__u16 bitsz;
	__u32 type;
	int ret;

	check_type("str8", P4TC_T_STRING, 8, 1);
	check_type("str64", P4TC_T_STRING, 64, 8);
	check_type("str992", P4TC_T_STRING, 992, 124);
	check_type("key1", P4TC_T_KEY, 1, 1);
	check_type("key12", P4TC_T_KEY, 12, 2);
	check_type("key512", P4TC_T_KEY, 512, 64);
	check_type("rate", P4TC_T_RATE, 64, 8);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		tap_ok(p4tc_type_parse(bad[i], &type, &bitsz) == -EINVAL,
		       "type \"%s\" is refused", bad[i]);
	tap_ok(p4tc_type_size(P4TC_T_STRING, 12) == -EINVAL, "str widths are whole bytes");
	tap_ok(p4tc_type_size(P4TC_T_RATE, 32) == -EINVAL, "a rate is 64 bits wide");

	check_parse(P4TC_T_STRING, 64, "eth0", "eth0\0\0\0\0", 8);
	check_parse(P4TC_T_STRING, 64, "", "\0\0\0\0\0\0\0\0", 8);
	check_parse(P4TC_T_STRING, 64, "1234567", "1234567\0", 8);
	check_parse_err(P4TC_T_STRING, 64, "12345678", -ERANGE);
	check_roundtrip(P4TC_T_STRING, 64, "a b", "a b");
	check_str(P4TC_T_STRING, 32, "ab\0\0", "ab");
	memset(str992, 'x', 123);
	str992[123] = '\0';
	ret = p4tc_value_parse(P4TC_T_STRING, 992, (char *)str992, text, sizeof(text));
	tap_ok(ret == 124 && !memcmp(text, str992, 124), "a str992 takes 123 characters");

	check_parse(P4TC_T_KEY, 12, "0xabc0", "\xab\xc0", 2);
	check_parse(P4TC_T_KEY, 16, "0XABCD", "\xab\xcd", 2);
	check_parse(P4TC_T_KEY, 1, "0x80", "\x80", 1);
	check_parse_err(P4TC_T_KEY, 12, "0xabc1", -ERANGE);
	check_parse_err(P4TC_T_KEY, 12, "0xabc", -EINVAL);
	check_parse_err(P4TC_T_KEY, 12, "0xabc000", -ERANGE);
	check_parse_err(P4TC_T_KEY, 12, "0xabcg", -EINVAL);
	check_parse_err(P4TC_T_KEY, 16, "43981", -EINVAL);
	check_roundtrip(P4TC_T_KEY, 24, "0xABCDEF", "0xabcdef");
	memset(key512, 0x5a, sizeof(key512));
	ret = p4tc_value_str(P4TC_T_KEY, 512, key512, 64, text, sizeof(text));
	tap_ok(ret == 130 && !strncmp(text, "0x5a5a", 6) && !strcmp(text + 126, "5a5a"),
	       "a key512 prints as 128 hex digits");
	tap_ok(p4tc_value_str(P4TC_T_KEY, 512, key512, 64, text, 130) == -ENOSPC,
	       "a key needs room for its digits");

	check_parse(P4TC_T_RATE, 64, "100", "\x64\0\0\0\0\0\0\0", 8);
	check_parse(P4TC_T_RATE, 64, "0x100", "\0\x01\0\0\0\0\0\0", 8);
	check_parse(P4TC_T_RATE, 64, "100Mbit", "\x20\xbc\xbe\0\0\0\0\0", 8);
	check_parse(P4TC_T_RATE, 64, "8bit", "\x01\0\0\0\0\0\0\0", 8);
	check_parse(P4TC_T_RATE, 64, "1KBPS", "\xe8\x03\0\0\0\0\0\0", 8);
	check_parse(P4TC_T_RATE, 64, "18446744073709551615",
		    "\xff\xff\xff\xff\xff\xff\xff\xff", 8);
	check_parse_err(P4TC_T_RATE, 64, "18446744073709551616", -ERANGE);
	check_parse_err(P4TC_T_RATE, 64, "1bit", -ERANGE);
	check_parse_err(P4TC_T_RATE, 64, "1000000000tbit", -ERANGE);
	check_parse_err(P4TC_T_RATE, 64, "10 mbit", -EINVAL);
	check_parse_err(P4TC_T_RATE, 64, "10xbit", -EINVAL);
	check_parse_err(P4TC_T_RATE, 64, "mbit", -EINVAL);
	check_parse_err(P4TC_T_RATE, 64, "-1", -EINVAL);
	check_roundtrip(P4TC_T_RATE, 64, "1gbit", "125000000");
}

static void add_keyfield(struct p4tc_table *t, const char *name, const char *type)
{
	struct p4tc_keyfield *kf = &t->keyfields[t->nkeyfields++];

	snprintf(kf->name, sizeof(kf->name), "%s", name);
	p4tc_type_parse(type, &kf->type, &kf->bitsz);
	kf->id = t->nkeyfields;
	kf->match = P4TC_MATCH_EXACT;
}

static void check_key_str(const struct p4tc_table *t, unsigned int i,
			  const __u8 *key, size_t len, const char *expect)
{
	char buf[160];
	int ret;

	ret = p4tc_key_field_str(t, i, key, len, buf, sizeof(buf));
	tap_ok(ret == (int)strlen(expect) && !strcmp(buf, expect),
	       "key field %u prints as %s (got \"%s\")", i, expect,
	       ret < 0 ? strerror(-ret) : buf);
}

static void test_keys(void)
{
	struct p4tc_table t = { .keysz = 48 };
	struct p4tc_keyfield kf;
	__u8 key[64];

	add_keyfield(&t, "dstAddr", "ipv4");
	add_keyfield(&t, "port", "bit16");
	tap_ok(p4tc_key_size(&t) == 6, "keysz 48 takes 6 bytes");
	tap_ok(p4tc_key_nfields(&t) == 2, "two key fields");
	memset(key, 0xa5, sizeof(key));
	tap_ok(!p4tc_key_field_parse(&t, 0, "10.0.0.1", key, 6) &&
	       !p4tc_key_field_parse(&t, 1, "80", key, 6) &&
	       !memcmp(key, "\x0a\x00\x00\x01\x50\x00", 6) && key[6] == 0xa5,
	       "fields are packed in order, each in its container");
	check_key_str(&t, 0, key, 6, "10.0.0.1");
	check_key_str(&t, 1, key, 6, "80");
	tap_ok(p4tc_key_field_parse(&t, 2, "1", key, 6) == -EINVAL, "no third field");
	tap_ok(p4tc_key_field_parse(&t, 0, "10.0.0.1", key, 8) == -EINVAL,
	       "a key of the wrong size is refused");
	tap_ok(p4tc_key_field_parse(&t, 1, "65536", key, 6) == -ERANGE,
	       "a field out of range is refused");

	t.keysz = 40;
	tap_ok(!p4tc_key_field_parse(&t, 0, "10.0.0.1", key, 5) &&
	       p4tc_key_field_parse(&t, 1, "80", key, 5) == -EINVAL,
	       "a field beyond keysz is refused");

	memset(&t, 0, sizeof(t));
	t.keysz = 24;
	tap_ok(p4tc_key_nfields(&t) == 1 && !p4tc_key_field(&t, 0, &kf) &&
	       !strcmp(kf.name, "key") && kf.type == P4TC_T_BIT && kf.bitsz == 24 &&
	       kf.id == 1 && kf.match == P4TC_MATCH_EXACT,
	       "a table without key fields has the field \"key\" of bit<keysz>");
	tap_ok(p4tc_key_field(&t, 1, &kf) == -EINVAL, "and no other");
	memset(key, 0xa5, sizeof(key));
	tap_ok(!p4tc_key_field_parse(&t, 0, "0xabcdef", key, 3) &&
	       !memcmp(key, "\xef\xcd\xab", 3) && key[3] == 0xa5,
	       "an implicit bit24 key fills exactly 3 bytes");
	check_key_str(&t, 0, key, 3, "11259375");
	tap_ok(p4tc_key_field_parse(&t, 0, "0x1000000", key, 3) == -ERANGE,
	       "an implicit key is range-checked to keysz");

	t.keysz = 72;
	tap_ok(!p4tc_key_field_parse(&t, 0, "0x0102030405060708ff", key, 9) &&
	       !memcmp(key, "\x01\x02\x03\x04\x05\x06\x07\x08\xff", 9),
	       "an implicit key wider than 64 bits is hex, first byte first");
	check_key_str(&t, 0, key, 9, "0x0102030405060708ff");
	tap_ok(p4tc_key_field_parse(&t, 0, "0x01020304050607", key, 9) == -EINVAL,
	       "a hex key must have all its bytes");
	tap_ok(p4tc_key_field_parse(&t, 0, "0x0102030405060708fg", key, 9) == -EINVAL,
	       "a hex key has only hex digits");
	tap_ok(p4tc_key_field_parse(&t, 0, "1", key, 9) == -EINVAL,
	       "a wide key is not a number");

	t.keysz = 0;
	tap_ok(p4tc_key_size(&t) == -EINVAL, "keysz 0 is refused");
	t.keysz = P4TC_MAX_KEYSZ + 1;
	tap_ok(p4tc_key_size(&t) == -EINVAL, "keysz above the maximum is refused");
	t.keysz = P4TC_MAX_KEYSZ;
	tap_ok(p4tc_key_size(&t) == P4TC_MAX_KEYSZ / 8, "the largest key takes 64 bytes");
}


/* Parse @str as field @i of @t and compare key and mask with the expected. */
static void check_masked(const struct p4tc_table *t, unsigned int i, const char *str,
			 const void *key, const void *mask, size_t len)
{
	__u8 k[64], m[64];
	int err;

	memset(k, 0xa5, sizeof(k));
	memset(m, 0xa5, sizeof(m));
	err = p4tc_key_field_parse_masked(t, i, str, k, m, len);
	if (!tap_ok(!err && !memcmp(k, key, len) && !memcmp(m, mask, len),
		    "key field %u \"%s\": key and mask", i, str)) {
		unsigned int j;

		printf("# err %d key", err);
		for (j = 0; j < len; j++)
			printf(" %02x", k[j]);
		printf(" mask");
		for (j = 0; j < len; j++)
			printf(" %02x", m[j]);
		printf("\n");
	}
}

static void check_masked_err(const struct p4tc_table *t, unsigned int i, const char *str,
			     size_t len, int err)
{
	__u8 k[64], m[64];

	tap_ok(p4tc_key_field_parse_masked(t, i, str, k, m, len) == err,
	       "key field %u \"%s\" is refused with %s", i, str, strerror(-err));
}

static void check_prefix(const struct p4tc_table *t, unsigned int i, const void *mask,
			 size_t len, int expect)
{
	int ret = p4tc_key_field_prefix(t, i, mask, len);

	tap_ok(ret == expect, "key field %u: prefix %d (got %d)", i, expect, ret);
}

static void check_mask_str(const struct p4tc_table *t, unsigned int i, const void *mask,
			   size_t len, const char *expect)
{
	char buf[160];
	int ret;

	ret = p4tc_key_field_mask_str(t, i, mask, len, buf, sizeof(buf));
	tap_ok(ret == (int)strlen(expect) && !strcmp(buf, expect),
	       "key field %u: mask prints as %s (got \"%s\")", i, expect,
	       ret < 0 ? strerror(-ret) : buf);
}

static void test_masks(void)
{
	struct p4tc_table t = { .type = P4TC_TABLE_TYPE_LPM, .keysz = 48 };
	__u8 mask[64];

	add_keyfield(&t, "dstAddr", "ipv4");
	add_keyfield(&t, "port", "bit16");
	t.keyfields[0].match = 0;
	t.keyfields[1].match = 0;
	check_masked(&t, 0, "10.1.2.3/8", "\x0a\x00\x00\x00\xa5\xa5",
		     "\xff\x00\x00\x00\xa5\xa5", 6);
	check_masked(&t, 0, "10.1.2.3", "\x0a\x01\x02\x03\xa5\xa5",
		     "\xff\xff\xff\xff\xa5\xa5", 6);
	check_masked(&t, 0, "10.1.2.3/32", "\x0a\x01\x02\x03\xa5\xa5",
		     "\xff\xff\xff\xff\xa5\xa5", 6);
	check_masked(&t, 0, "10.1.2.3/20", "\x0a\x01\x00\x00\xa5\xa5",
		     "\xff\xff\xf0\x00\xa5\xa5", 6);
	check_masked(&t, 0, "0.0.0.0/0", "\x00\x00\x00\x00\xa5\xa5",
		     "\x00\x00\x00\x00\xa5\xa5", 6);
	check_masked(&t, 0, "10.1.2.3/255.0.255.0", "\x0a\x00\x02\x00\xa5\xa5",
		     "\xff\x00\xff\x00\xa5\xa5", 6);
	/* bit16 in host order: a prefix keeps the number's high bits. */
	check_masked(&t, 1, "0x1234/8", "\xa5\xa5\xa5\xa5\x00\x12",
		     "\xa5\xa5\xa5\xa5\x00\xff", 6);
	check_masked(&t, 1, "0x1234/0x0ff0", "\xa5\xa5\xa5\xa5\x30\x02",
		     "\xa5\xa5\xa5\xa5\xf0\x0f", 6);
	check_masked(&t, 1, "80", "\xa5\xa5\xa5\xa5\x50\x00",
		     "\xa5\xa5\xa5\xa5\xff\xff", 6);
	check_masked_err(&t, 0, "10.0.0.0/33", 6, -EINVAL);
	{
		/* A key12 and a str16 field: prefixes in byte order, masks in hex. */
		struct p4tc_table k = { .type = P4TC_TABLE_TYPE_TERNARY, .keysz = 40 };
		char buf[16];

		add_keyfield(&k, "tag", "key12");
		add_keyfield(&k, "name", "str16");
		add_keyfield(&k, "rate", "rate");
		k.keyfields[0].match = k.keyfields[1].match = k.keyfields[2].match = 0;
		k.keysz = 96;
		check_masked(&k, 0, "0xabc0/4", "\xa0\x00\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5",
			     "\xf0\x00\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5", 12);
		check_masked(&k, 0, "0xabc0/0x0ff0", "\x0b\xc0\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5",
			     "\x0f\xf0\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5", 12);
		check_masked(&k, 1, "a/0xff00", "\xa5\xa5" "a\0\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5",
			     "\xa5\xa5\xff\x00\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5", 12);
		check_masked(&k, 2, "1kbps/0xff00", "\xa5\xa5\xa5\xa5\x00\x03\0\0\0\0\0\0",
			     "\xa5\xa5\xa5\xa5\x00\xff\0\0\0\0\0\0", 12);
		check_prefix(&k, 0, "\xf0\x00\0\0\0\0\0\0\0\0\0\0", 12, 4);
		check_prefix(&k, 0, "\xff\xff\0\0\0\0\0\0\0\0\0\0", 12, 12);
		tap_ok(p4tc_key_field_mask_str(&k, 0, "\x0f\xf0\0\0\0\0\0\0\0\0\0\0", 12, buf,
					       sizeof(buf)) == 6 && !strcmp(buf, "0x0ff0"),
		       "a key12 mask prints as the bytes of its container");
	}
	check_masked_err(&t, 0, "10.0.0.0/", 6, -EINVAL);
	check_masked_err(&t, 0, "10.0.0/8", 6, -EINVAL);
	check_masked_err(&t, 1, "1/17", 6, -EINVAL);
	check_masked_err(&t, 1, "1/0x10000", 6, -ERANGE);
	check_masked_err(&t, 1, "65536/8", 6, -ERANGE);

	memcpy(mask, "\xff\xf0\x00\x00\xff\xff", 6);
	check_prefix(&t, 0, mask, 6, 12);
	check_prefix(&t, 1, mask, 6, 16);
	check_mask_str(&t, 0, mask, 6, "255.240.0.0");
	check_mask_str(&t, 1, mask, 6, "0xffff");
	memcpy(mask, "\xff\x0f\x00\x00\x00\xfe", 6);
	check_prefix(&t, 0, mask, 6, -EINVAL);
	check_prefix(&t, 1, mask, 6, 7);
	check_mask_str(&t, 1, mask, 6, "0xfe00");
	memcpy(mask, "\x00\x00\x00\x00\x01\x00", 6);
	check_prefix(&t, 0, mask, 6, 0);
	check_prefix(&t, 1, mask, 6, -EINVAL);

	/* A field that matches exact takes no mask, but the full prefix. */
	t.keyfields[1].match = P4TC_MATCH_EXACT;
	check_masked_err(&t, 1, "80/8", 6, -EINVAL);
	check_masked(&t, 1, "80", "\xa5\xa5\xa5\xa5\x50\x00", "\xa5\xa5\xa5\xa5\xff\xff", 6);
	t.type = P4TC_TABLE_TYPE_EXACT;
	t.keyfields[1].match = 0;
	check_masked_err(&t, 0, "10.0.0.0/8", 6, -EINVAL);
	check_masked(&t, 0, "10.0.0.1/32", "\x0a\x00\x00\x01\xa5\xa5",
		     "\xff\xff\xff\xff\xa5\xa5", 6);

	/* macaddr: 48 bits in 8 bytes; a full mask covers the padding too. */
	memset(&t, 0, sizeof(t));
	t.type = P4TC_TABLE_TYPE_TERNARY;
	t.keysz = 80;
	add_keyfield(&t, "mac", "macaddr");
	add_keyfield(&t, "vid", "be16");
	t.keyfields[0].match = P4TC_MATCH_TERNARY;
	t.keyfields[1].match = P4TC_MATCH_TERNARY;
	check_masked(&t, 0, "aa:bb:cc:dd:ee:ff/24",
		     "\xaa\xbb\xcc\x00\x00\x00\x00\x00\xa5\xa5",
		     "\xff\xff\xff\x00\x00\x00\x00\x00\xa5\xa5", 10);
	check_masked(&t, 0, "aa:bb:cc:dd:ee:ff",
		     "\xaa\xbb\xcc\xdd\xee\xff\x00\x00\xa5\xa5",
		     "\xff\xff\xff\xff\xff\xff\xff\xff\xa5\xa5", 10);
	check_masked(&t, 0, "aa:bb:cc:dd:ee:ff/ff:00:ff:00:ff:00",
		     "\xaa\x00\xcc\x00\xee\x00\x00\x00\xa5\xa5",
		     "\xff\x00\xff\x00\xff\x00\x00\x00\xa5\xa5", 10);
	check_masked(&t, 1, "0x0123/4",
		     "\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\x00\x00",
		     "\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xa5\xf0\x00", 10);
	memcpy(mask, "\xff\xff\xff\xff\xff\xff\x00\x00\xff\xf0", 10);
	check_prefix(&t, 0, mask, 10, 48);
	check_prefix(&t, 1, mask, 10, 12);
	check_mask_str(&t, 0, mask, 10, "ff:ff:ff:ff:ff:ff");
	check_mask_str(&t, 1, mask, 10, "0xfff0");

	/* The implicit key: hex beyond 64 bits, a number below. */
	memset(&t, 0, sizeof(t));
	t.type = P4TC_TABLE_TYPE_LPM;
	t.keysz = 72;
	check_masked(&t, 0, "0x0102030405060708ff/12",
		     "\x01\x00\x00\x00\x00\x00\x00\x00\x00",
		     "\xff\xf0\x00\x00\x00\x00\x00\x00\x00", 9);
	check_masked(&t, 0, "0x0102030405060708ff/0xff00000000000000ff",
		     "\x01\x00\x00\x00\x00\x00\x00\x00\xff",
		     "\xff\x00\x00\x00\x00\x00\x00\x00\xff", 9);
	memcpy(mask, "\xff\xf0\x00\x00\x00\x00\x00\x00\x00", 9);
	check_prefix(&t, 0, mask, 9, 12);
	check_mask_str(&t, 0, mask, 9, "0xfff000000000000000");
	/* In lpm and ternary tables, the implicit key is hex whatever its size. */
	t.keysz = 24;
	check_masked(&t, 0, "0xabcdef/4", "\xa0\x00\x00", "\xf0\x00\x00", 3);
	memcpy(mask, "\xff\xf0\x00", 3);
	check_prefix(&t, 0, mask, 3, 12);
	check_mask_str(&t, 0, mask, 3, "0xfff000");
	check_key_str(&t, 0, (const __u8 *)"\x0a\x0b\x0c", 3, "0x0a0b0c");
	check_masked_err(&t, 0, "11259375/4", 3, -EINVAL);
	tap_ok(p4tc_key_field_parse_masked(&t, 1, "1", mask, mask, 3) == -EINVAL,
	       "no second implicit field");
	/* In exact tables, a number up to 64 bits. */
	t.type = P4TC_TABLE_TYPE_EXACT;
	check_masked(&t, 0, "0xabcdef", "\xef\xcd\xab", "\xff\xff\xff", 3);
}

/* A handle whose requests are built but never sent: no family lookup. */
static struct p4tc_handle *offline_handle(void)
{
	struct p4tc_handle *h = p4tc_open(NULL);

	if (h)
		h->family = 0x7f00;
	return h;
}

/* The first attribute @type of a message or nest. */
static const struct nlattr *find_attr(const struct nlmsghdr *nlh, const struct nlattr *nest,
				      unsigned int type)
{
	const struct nlattr *attr;

	if (nest) {
		mnl_attr_for_each_nested(attr, nest)
			if (mnl_attr_get_type(attr) == type)
				return attr;
		return NULL;
	}
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == type)
			return attr;
	return NULL;
}

static void fill_entry(struct p4tc_entry *e, unsigned int i)
{
	memset(e, 0, sizeof(*e));
	e->table_id = 3;
	e->keylen = 6;
	memcpy(e->key, &i, sizeof(i));
	e->has = P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO | P4TC_ENTRY_HAS_PERMISSIONS |
		 P4TC_ENTRY_HAS_AGING;
	memset(e->mask, 0xff, 4);
	e->prio = i + 1;
	e->permissions = 0x1da4;
	e->dynamic = true;
	e->aging_ms = 1000 + i;
	strcpy(e->action_name, "cb/send");
	e->nparams = 2;
	strcpy(e->params[0].name, "port");
	e->params[0].len = 4;
	memcpy(e->params[0].value, &i, 4);
	e->params[1].id = 2;
	e->params[1].len = 1;
	e->params[1].value[0] = 7;
}

static bool same_entry(const struct p4tc_entry *a, const struct p4tc_entry *b)
{
	unsigned int i;

	if (a->table_id != b->table_id || strcmp(a->table_name, b->table_name) ||
	    a->keylen != b->keylen || memcmp(a->key, b->key, a->keylen) ||
	    a->has != b->has || memcmp(a->mask, b->mask, a->keylen) || a->prio != b->prio ||
	    a->permissions != b->permissions || a->dynamic != b->dynamic ||
	    a->aging_ms != b->aging_ms || a->profile_id != b->profile_id ||
	    a->action_id != b->action_id || strcmp(a->action_name, b->action_name) ||
	    a->nparams != b->nparams)
		return false;
	for (i = 0; i < a->nparams; i++)
		if (a->params[i].id != b->params[i].id ||
		    strcmp(a->params[i].name, b->params[i].name) ||
		    a->params[i].len != b->params[i].len ||
		    memcmp(a->params[i].value, b->params[i].value, a->params[i].len))
			return false;
	return true;
}

static void test_entry_messages(void)
{
	static char buf[P4TC_BATCH_MSG_SIZE_MAX];
	static struct p4tc_entry entries[1000], e;
	const size_t size = 4096;
	unsigned int i, n, done, msgs = 0, bad = 0;
	const struct nlattr *attr;
	struct nlmsghdr *nlh;
	bool fits = true;

	for (i = 0; i < 1000; i++)
		fill_entry(&entries[i], i);
	entries[7].has |= P4TC_ENTRY_HAS_PROFILE_ID;
	entries[7].has &= ~P4TC_ENTRY_HAS_AGING;
	entries[7].aging_ms = 0;
	entries[7].profile_id = 3;
	entries[8].table_id = 0;
	strcpy(entries[8].table_name, "cb/other");

	/* A batch: as many entries per message as fit, in order, nothing lost. */
	for (done = 0; done < 1000; done += n, msgs++) {
		nlh = mnl_nlmsg_put_header(buf);
		mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
		n = p4tc_entry_batch_fill(nlh, size, entries + done, 1000 - done,
					  P4TC_ENTRY_PUT_TABLE | P4TC_ENTRY_PUT_ATTRS);
		if (!n || nlh->nlmsg_len > size)
			break;
		/* The next entry would not have fitted. */
		if (done + n < 1000 &&
		    nlh->nlmsg_len + p4tc_entry_size(&entries[done + n], P4TC_ENTRY_PUT_TABLE |
						     P4TC_ENTRY_PUT_ATTRS) <= size)
			fits = false;
		i = done;
		mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
			if (mnl_attr_get_type(attr) != P4TC_A_ENTRY ||
			    p4tc_entry_parse(attr, &e) || !same_entry(&e, &entries[i++]))
				bad++;
		}
		if (i != done + n)
			bad++;
	}
	tap_ok(done == 1000 && !bad, "1000 entries go in %u messages of at most %zu bytes, "
	       "each read back as it was", msgs, size);
	tap_ok(fits, "each message is filled (%u messages)", msgs);
	for (i = 0; i < 3; i++) {
		unsigned int what = i == 0 ? 0 : i == 1 ? P4TC_ENTRY_PUT_TABLE :
				    P4TC_ENTRY_PUT_TABLE | P4TC_ENTRY_PUT_ATTRS;

		nlh = mnl_nlmsg_put_header(buf);
		n = nlh->nlmsg_len;
		p4tc_entry_put(nlh, sizeof(buf), P4TC_A_ENTRY, &entries[7], what);
		if (nlh->nlmsg_len - n != p4tc_entry_size(&entries[7], what))
			bad++;
		nlh = mnl_nlmsg_put_header(buf);
		p4tc_entry_put(nlh, sizeof(buf), P4TC_A_ENTRY, &entries[8], what);
		if (nlh->nlmsg_len - n != p4tc_entry_size(&entries[8], what))
			bad++;
	}
	tap_ok(!bad, "the size of an entry is what it takes in a message");

	/* Delete: table, key, mask and prio only. */
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	p4tc_entry_put(nlh, sizeof(buf), P4TC_A_ENTRY, &entries[5], P4TC_ENTRY_PUT_TABLE);
	attr = find_attr(nlh, NULL, P4TC_A_ENTRY);
	tap_ok(attr && find_attr(NULL, attr, P4TC_ENTRY_A_KEY) &&
	       find_attr(NULL, attr, P4TC_ENTRY_A_MASK) && find_attr(NULL, attr, P4TC_ENTRY_A_PRIO) &&
	       find_attr(NULL, attr, P4TC_ENTRY_A_TABLE_ID) &&
	       !find_attr(NULL, attr, P4TC_ENTRY_A_ACTION_NAME) &&
	       !find_attr(NULL, attr, P4TC_ENTRY_A_PARAM) &&
	       !find_attr(NULL, attr, P4TC_ENTRY_A_PERMISSIONS) &&
	       !find_attr(NULL, attr, P4TC_ENTRY_A_DYNAMIC),
	       "an entry named for get or delete has its table, key, mask and prio only");

	/* A message too small for an entry takes none, and is left as it was. */
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	n = nlh->nlmsg_len;
	tap_ok(!p4tc_entry_batch_fill(nlh, n + 64, entries, 3, P4TC_ENTRY_PUT_TABLE | P4TC_ENTRY_PUT_ATTRS) &&
	       nlh->nlmsg_len == n, "an entry that does not fit is not put");
}

/* A plain create: table, key, action and two params (q: 2 bytes, p: 1). */
static void fill_plain(struct p4tc_entry *e, unsigned int i)
{
	memset(e, 0, sizeof(*e));
	e->table_id = 1;
	e->keylen = 5;
	memcpy(e->key, &i, sizeof(i));
	e->key[4] = 0x5a;
	strcpy(e->action_name, "cb/a");
	e->nparams = 2;
	strcpy(e->params[0].name, "q");
	e->params[0].len = 2;
	memcpy(e->params[0].value, &i, 2);
	strcpy(e->params[1].name, "p");
	e->params[1].len = 1;
	e->params[1].value[0] = i % 7;
}

/* Runs of plain creates go as records of one P4TC_A_ENTRY_BULK nest. */
static void test_entry_bulk(void)
{
	static struct p4tc_entry entries[100];
	static char buf[P4TC_BATCH_MSG_SIZE_MAX];
	const struct nlattr *nest, *attr, *recs;
	unsigned int i, n, params = 0, bad = 0;
	const size_t size = 256;
	struct nlmsghdr *nlh;
	const __u8 *rec;

	for (i = 0; i < 100; i++)
		fill_plain(&entries[i], i);
	strcpy(entries[40].action_name, "cb/b");
	entries[60].has = P4TC_ENTRY_HAS_PRIO;
	entries[70].dynamic = true;
	entries[80].params[1].len = 2;
	for (i = 0; i < 6; i++) {
		static const unsigned int from[] = { 0, 40, 60, 61, 71, 81 };
		static const unsigned int want[] = { 40, 0, 0, 9, 9, 0 };

		nlh = mnl_nlmsg_put_header(buf);
		mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
		n = nlh->nlmsg_len;
		if (p4tc_entry_bulk_fill(nlh, sizeof(buf), entries + from[i],
					 i == 5 ? 5 : 100 - from[i]) != want[i] ||
		    (!want[i] && nlh->nlmsg_len != n))
			bad++;
	}
	tap_ok(!bad, "a bulk run ends at another action, a prio, a dynamic entry or another "
	       "param size; runs under %d go as entries", P4TC_BULK_MIN);
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	n = p4tc_entry_bulk_fill(nlh, size, entries, 40);
	nest = find_attr(nlh, NULL, P4TC_A_ENTRY_BULK);
	recs = nest ? find_attr(NULL, nest, P4TC_BULK_A_RECORDS) : NULL;
	attr = nest ? find_attr(NULL, nest, P4TC_BULK_A_RECORD_LEN) : NULL;
	tap_ok(n > 1 && n < 40 && nlh->nlmsg_len <= size && nlh->nlmsg_len + 8 > size &&
	       recs && mnl_attr_get_payload_len(recs) == n * 8 && attr &&
	       mnl_attr_get_u32(attr) == 8,
	       "a bulk nest takes the records that fit in %zu bytes (%u of 40, 8 bytes each)",
	       size, n);
	if (nest) {
		mnl_attr_for_each_nested(attr, nest)
			if (mnl_attr_get_type(attr) == P4TC_BULK_A_PARAM)
				params = params * 10 +
					 (find_attr(NULL, attr, P4TC_PARAM_A_NAME) &&
					  !find_attr(NULL, attr, P4TC_PARAM_A_VALUE) ?
					  *(char *)mnl_attr_get_payload(find_attr(NULL, attr,
							P4TC_PARAM_A_NAME)) : 0);
	}
	tap_ok(nest && find_attr(NULL, nest, P4TC_BULK_A_TABLE_ID) &&
	       find_attr(NULL, nest, P4TC_BULK_A_ACTION_NAME) &&
	       !find_attr(NULL, nest, P4TC_BULK_A_ACTION_ID) &&
	       params == 'q' * 10 + 'p',
	       "the nest names the table, the action and the params in order, without values");
	for (i = 0, rec = recs ? mnl_attr_get_payload(recs) : NULL; rec && i < n; i++, rec += 8)
		if (memcmp(rec, entries[i].key, 5) || memcmp(rec + 5, &i, 2) || rec[7] != i % 7)
			bad++;
	tap_ok(recs && !bad, "each record is the key, then each param's value in order");

	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	n = nlh->nlmsg_len;
	tap_ok(!p4tc_entry_bulk_fill(nlh, n + 60, entries, 40) && nlh->nlmsg_len == n,
	       "a bulk nest without room for a record is not put");
}

/* An entry reply as the kernel builds it, with the reply-only attributes. */
static void test_entry_reply(void)
{
	static char buf[4096];
	struct nlmsghdr *nlh;
	struct nlattr *nest, *sub;
	struct p4tc_entry e;
	int err;

	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY);
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, 2);
	mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, "cb/t");
	mnl_attr_put(nlh, P4TC_ENTRY_A_KEY, 4, "\x0a\x00\x00\x00");
	mnl_attr_put(nlh, P4TC_ENTRY_A_MASK, 4, "\xff\x00\x00\x00");
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_PRIO, 9);
	mnl_attr_put_u16(nlh, P4TC_ENTRY_A_PERMISSIONS, 0x1da4);
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_ACTION_ID, 1);
	mnl_attr_put_strz(nlh, P4TC_ENTRY_A_ACTION_NAME, "cb/send");
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_PARAM);
	mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, 1);
	mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, "port");
	mnl_attr_put_u32(nlh, P4TC_PARAM_A_TYPE, P4TC_T_DEV);
	mnl_attr_put_u16(nlh, P4TC_PARAM_A_BITSZ, 32);
	mnl_attr_put_u16(nlh, P4TC_PARAM_A_OFFSET, 0);
	mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, 4, "\x01\x00\x00\x00");
	mnl_attr_nest_end(nlh, sub);
	mnl_attr_put(nlh, P4TC_ENTRY_A_DYNAMIC, 0, "");
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_AGING, 30000);
	mnl_attr_put(nlh, P4TC_ENTRY_A_TMPL_CREATED, 0, "");
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_TM);
	mnl_attr_put_u64(nlh, P4TC_TM_A_CREATED, 5000);
	mnl_attr_put_u64(nlh, P4TC_TM_A_LASTUSED, 12);
	mnl_attr_put_u64(nlh, P4TC_TM_A_FIRSTUSED, 4000);
	mnl_attr_nest_end(nlh, sub);
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_CREATED_BY);
	mnl_attr_put_u8(nlh, P4TC_WHO_A_ENTITY, P4TC_ENTITY_TC);
	mnl_attr_put_u32(nlh, P4TC_WHO_A_PID, 4242);
	mnl_attr_put_strz(nlh, P4TC_WHO_A_COMM, "p4tc");
	mnl_attr_nest_end(nlh, sub);
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_UPDATED_BY);
	mnl_attr_put_u8(nlh, P4TC_WHO_A_ENTITY, P4TC_ENTITY_KERNEL);
	mnl_attr_put_u32(nlh, P4TC_WHO_A_PID, 0);
	mnl_attr_put_strz(nlh, P4TC_WHO_A_COMM, "a-name-longer-than-comm");
	mnl_attr_nest_end(nlh, sub);
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_COUNTERS);
	mnl_attr_put_u64(nlh, P4TC_COUNTERS_A_PACKETS, 3);
	mnl_attr_put_u64(nlh, P4TC_COUNTERS_A_BYTES, 300);
	mnl_attr_nest_end(nlh, sub);
	/* An attribute newer than the library is skipped. */
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_MAX + 1, 1);
	mnl_attr_nest_end(nlh, nest);

	err = p4tc_entry_parse(find_attr(nlh, NULL, P4TC_A_ENTRY), &e);
	tap_ok(!err && e.table_id == 2 && !strcmp(e.table_name, "cb/t") && e.keylen == 4 &&
	       !memcmp(e.mask, "\xff\x00\x00\x00", 4) && e.prio == 9 &&
	       e.permissions == 0x1da4 && e.action_id == 1 && e.nparams == 1 &&
	       e.params[0].len == 4 && e.dynamic && e.aging_ms == 30000 && e.tmpl_created,
	       "an entry reply is read: key, mask, prio, permissions, action, aging");
	tap_ok(e.has == (P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO | P4TC_ENTRY_HAS_PERMISSIONS |
			 P4TC_ENTRY_HAS_AGING | P4TC_ENTRY_HAS_TM | P4TC_ENTRY_HAS_CREATED_BY |
			 P4TC_ENTRY_HAS_UPDATED_BY | P4TC_ENTRY_HAS_COUNTERS),
	       "and says which optional fields it had (has 0x%x)", e.has);
	tap_ok(e.created_ms == 5000 && e.lastused_ms == 12 && e.firstused_ms == 4000 &&
	       e.created_by.entity == P4TC_ENTITY_TC && e.created_by.pid == 4242 &&
	       !strcmp(e.created_by.comm, "p4tc") && e.updated_by.entity == P4TC_ENTITY_KERNEL &&
	       !strcmp(e.updated_by.comm, "a-name-longer-t") && e.packets == 3 && e.bytes == 300,
	       "with its times, who created and updated it, and its counters");
}

static void test_table_messages(void)
{
	static struct p4tc_table t, back;
	static struct p4tc_entry consts[3], e;
	const struct nlattr *tattr, *attr;
	struct p4tc_handle *h = offline_handle();
	struct nlmsghdr *nlh;
	unsigned int i = 0;
	bool same = true;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	strcpy(t.name, "cb/t");
	t.has = P4TC_TABLE_HAS_TYPE | P4TC_TABLE_HAS_KEYSZ | P4TC_TABLE_HAS_COUNTERS |
		P4TC_TABLE_HAS_NUM_TIMER_PROFILES | P4TC_TABLE_HAS_DEFAULT_HIT |
		P4TC_TABLE_HAS_DEFAULT_MISS | P4TC_TABLE_HAS_PERMISSIONS;
	t.type = P4TC_TABLE_TYPE_TERNARY;
	t.keysz = 32;
	t.permissions = 0x3da4;
	add_keyfield(&t, "k", "bit32");
	t.keyfields[0].match = 0;
	t.counters = true;
	t.num_timer_profiles = 2;
	t.ntimer_profiles = 1;
	t.timer_profiles[0] = (struct p4tc_timer_profile){ 1, 5000 };
	t.nacts = 2;
	strcpy(t.acts[0].name, "cb/send");
	t.acts[0].flags = P4TC_TABLE_ACT_TABLEONLY;
	t.acts[1].id = 4;
	t.default_miss.permissions = 0x1024;
	strcpy(t.default_miss.action_name, "cb/drop");
	t.default_miss.nparams = 1;
	strcpy(t.default_miss.params[0].name, "why");
	t.default_miss.params[0].len = 1;
	t.default_miss.params[0].value[0] = 3;
	for (i = 0; i < 3; i++) {
		fill_entry(&consts[i], i);
		consts[i].keylen = 4;
	}
	t.nconst_entries = 3;
	t.const_entries = consts;

	nlh = p4tc_table_request(h, P4TC_CMD_TABLE_NEW, 0, "p", &t);
	tattr = nlh ? find_attr(nlh, NULL, P4TC_A_TABLE) : NULL;
	attr = tattr ? find_attr(NULL, tattr, P4TC_TABLE_A_DEFAULT_HIT) : NULL;
	tap_ok(!p4tc_table_parse(nlh, &back) && back.type == t.type &&
	       back.permissions == 0x3da4 && back.counters && back.num_timer_profiles == 2 &&
	       back.ntimer_profiles == 1 && back.timer_profiles[0].id == 1 &&
	       back.timer_profiles[0].aging_ms == 5000 && back.nacts == 2 &&
	       !strcmp(back.acts[0].name, "cb/send") &&
	       back.acts[0].flags == P4TC_TABLE_ACT_TABLEONLY && back.acts[1].id == 4 &&
	       back.nkeyfields == 1 && !back.keyfields[0].match,
	       "a table request carries type, counters, timer profiles, actions, key fields");
	tap_ok(attr && find_attr(NULL, attr, P4TC_DEFACT_A_ACTION_ID) &&
	       !mnl_attr_get_u32(find_attr(NULL, attr, P4TC_DEFACT_A_ACTION_ID)) &&
	       !find_attr(NULL, attr, P4TC_DEFACT_A_PERMISSIONS) &&
	       (back.has & P4TC_TABLE_HAS_DEFAULT_HIT) && !back.default_hit.action_id,
	       "a default action without an action is action id 0, no action");
	tap_ok((back.has & P4TC_TABLE_HAS_DEFAULT_MISS) &&
	       back.default_miss.permissions == 0x1024 &&
	       !strcmp(back.default_miss.action_name, "cb/drop") &&
	       back.default_miss.nparams == 1 && back.default_miss.params[0].value[0] == 3,
	       "the default miss action has its permissions, action and params");
	i = 0;
	if (tattr) {
		mnl_attr_for_each_nested(attr, tattr) {
			if (mnl_attr_get_type(attr) != P4TC_TABLE_A_ENTRY)
				continue;
			consts[i].table_id = 0;
			if (i >= 3 || p4tc_entry_parse(attr, &e) || !same_entry(&e, &consts[i]))
				same = false;
			i++;
		}
	}
	tap_ok(same && i == 3, "and the const entries, without their table");

	memset(&t.default_miss, 0, sizeof(t.default_miss));
	t.default_miss.noaction = true;
	t.nconst_entries = 0;
	nlh = p4tc_table_request(h, P4TC_CMD_TABLE_SET, 0, "p", &t);
	tattr = nlh ? find_attr(nlh, NULL, P4TC_A_TABLE) : NULL;
	attr = tattr ? find_attr(NULL, tattr, P4TC_TABLE_A_DEFAULT_MISS) : NULL;
	tap_ok(attr && find_attr(NULL, attr, P4TC_DEFACT_A_NOACTION) &&
	       !find_attr(NULL, attr, P4TC_DEFACT_A_ACTION_ID),
	       "noaction sends the flag alone: it deletes the default action");
	p4tc_close(h);
}

static void check_errmsg(struct p4tc_handle *h, const char *kernel, unsigned int first,
			 unsigned int n, unsigned int total, unsigned int applied,
			 const char *expect)
{
	unsigned int ret;

	snprintf(h->errmsg, sizeof(h->errmsg), "%s", kernel);
	ret = p4tc_batch_errmsg(h, -EEXIST, first, n, total);
	tap_ok(ret == applied && !strcmp(h->errmsg, expect),
	       "batch error \"%s\" becomes \"%s\" (got %u, \"%s\")", kernel, expect, ret,
	       h->errmsg);
}

static void test_batch_errors(void)
{
	struct p4tc_entry entries[3] = {};
	LIBP4TC_OPTS(p4tc_entry_batch_opts, big, .msg_size = P4TC_BATCH_MSG_SIZE_MAX + 1);
	struct p4tc_handle *h = p4tc_open(NULL);
	struct p4tc_table t = {};
	const char *msg;
	__u32 count;
	int err;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	check_errmsg(h, "p4tc: entry 3 of 5: p4tc: table p/cb/t: an entry with this key exists (2 applied)",
		     100, 5, 1000, 2,
		     "p4tc: entry 103 of 1000: table p/cb/t: an entry with this key exists (102 applied)");
	check_errmsg(h, "p4tc: entry 3 of 5: p4tc: table p/cb/t: a message cut sho",
		     0, 5, 5, 2, "p4tc: entry 3 of 5: table p/cb/t: a message cut sho (2 applied)");
	check_errmsg(h, "p4tc: table p/cb/t is full: tentries is 8", 8, 1, 9, 0,
		     "p4tc: entry 9 of 9: table p/cb/t is full: tentries is 8 (8 applied)");
	check_errmsg(h, "p4tc: table p/cb/t: no entry with this key", 0, 1, 1, 0,
		     "p4tc: table p/cb/t: no entry with this key");
	check_errmsg(h, "", 0, 2, 2, 0, "entries 1 to 2 of 2: File exists (0 applied)");
	check_errmsg(h, "p4tc: no pipeline p", 10, 5, 20, 0,
		     "p4tc: entries 11 to 15 of 20: no pipeline p (10 applied)");

	count = 3;
	err = p4tc_entry_create_batch(h, "p", entries, &count, &big);
	tap_ok(err == -EINVAL && count == 0 && p4tc_errmsg(h), "a batch's msg_size is bounded");
	err = p4tc_entry_create_batch(h, "p", entries, NULL, NULL);
	tap_ok(err == -EINVAL && p4tc_errmsg(h), "a batch needs a count");
	count = 0;
	tap_ok(!p4tc_entry_create_batch(h, "p", NULL, &count, NULL), "an empty batch does nothing");
	for (count = 0; count < 3; count++) {
		strcpy(entries[count].table_name, "cb/t");
		entries[count].keylen = 4;
	}
	entries[1].keylen = 0;
	err = p4tc_entry_delete_batch(h, "p", entries, &count, NULL);
	msg = p4tc_errmsg(h);
	tap_ok(err == -EINVAL && count == 0 && msg && strstr(msg, "entry 2 of 3: table cb/t: no key"),
	       "a batch is checked whole before it goes (%s)", msg ?: "no message");
	entries[1].keylen = 4;
	memset(entries[2].action_name, 'a', sizeof(entries[2].action_name));
	count = 3;
	err = p4tc_entry_create_batch(h, "p", entries, &count, NULL);
	msg = p4tc_errmsg(h);
	tap_ok(err == -ENAMETOOLONG && count == 0 && msg && strstr(msg, "entry 3 of 3: "),
	       "an entry the library refuses fails the batch, nothing sent (%s)", msg ?: "");

	strcpy(t.name, "cb/t");
	err = p4tc_table_attrs_update(h, "p", &t);
	tap_ok(err == -EINVAL && p4tc_errmsg(h) && strstr(p4tc_errmsg(h), "nothing to change"),
	       "table attrs: something to change");
	t.has = P4TC_TABLE_HAS_KEYSZ;
	err = p4tc_table_attrs_update(h, "p", &t);
	tap_ok(err == -EINVAL && p4tc_errmsg(h) && strstr(p4tc_errmsg(h), "at runtime"),
	       "table attrs: only what changes at runtime");
	p4tc_close(h);
}

static void test_const_entries_overflow(void)
{
	static struct p4tc_entry consts[P4TC_MAX_CONST_ENTRIES];
	struct p4tc_handle *h = offline_handle();
	static struct p4tc_table t;
	unsigned int i;
	int err;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	for (i = 0; i < P4TC_MAX_CONST_ENTRIES; i++) {
		fill_entry(&consts[i], i);
		consts[i].keylen = 64;
	}
	strcpy(t.name, "cb/t");
	t.const_entries = consts;
	t.nconst_entries = P4TC_MAX_CONST_ENTRIES;
	err = p4tc_table_update(h, "p", &t);
	tap_ok(err == -EMSGSIZE && p4tc_errmsg(h) && strstr(p4tc_errmsg(h), "several requests"),
	       "const entries beyond one request's size are refused (%s)", p4tc_errmsg(h) ?: "");
	p4tc_close(h);
}

/* Option structs from a newer caller: one more field the library lacks. */
struct open_opts_newer {
	struct p4tc_open_opts opts;
	long newer_field;
};

struct tc_hook_newer {
	struct p4tc_tc_hook hook;
	int newer_field;
};

static void test_open_opts(void)
{
	struct open_opts_newer newer;
	struct p4tc_handle *h;

	memset(&newer, 0, sizeof(newer));
	newer.opts.sz = sizeof(newer);
	newer.newer_field = 1;
	h = p4tc_open(&newer.opts);
	tap_ok(!h && errno == EINVAL, "open refuses unknown non-zero option fields");
	newer.newer_field = 0;
	h = p4tc_open(&newer.opts);
	tap_ok(h != NULL, "open accepts unknown option fields that are zero");
	p4tc_close(h);
	newer.opts.sz = 4;
	tap_ok(!p4tc_open(&newer.opts) && errno == EINVAL, "open refuses a truncated size");
}

static void test_filter_opts(struct p4tc_handle *h)
{
	LIBP4TC_OPTS(p4tc_filter_opts, fopts, .pname = "p", .main_obj = "x.o",
		     .main_sec = "p4tc/main");
	LIBP4TC_OPTS(p4tc_tc_hook, both, .ifindex = 1, .block_index = 2);
	LIBP4TC_OPTS(p4tc_filter_opts, nosec, .pname = "p", .main_obj = "x.o");
	LIBP4TC_OPTS(p4tc_tc_hook, dev, .ifindex = 1);
	LIBP4TC_OPTS(p4tc_filter_opts, noprio);
	struct tc_hook_newer newer;
	const char *msg;
	int err;

	memset(&newer, 0, sizeof(newer));
	newer.hook.sz = sizeof(newer);
	newer.hook.ifindex = 1;
	newer.newer_field = 1;
	err = p4tc_filter_add(h, &newer.hook, &fopts);
	msg = p4tc_errmsg(h);
	tap_ok(err == -EINVAL && errno == EINVAL && msg &&
	       strstr(msg, "struct p4tc_tc_hook: unknown non-zero field"),
	       "filter add refuses unknown hook fields (%s)", msg ?: "no message");
	err = p4tc_filter_add(h, &both, &fopts);
	tap_ok(err == -EINVAL && p4tc_errmsg(h), "a hook is a device or a block, not both");
	err = p4tc_filter_add(h, &dev, &nosec);
	tap_ok(err == -EINVAL && p4tc_errmsg(h), "a filter needs a main section");
	err = p4tc_filter_delete(h, &dev, &noprio);
	tap_ok(err == -EINVAL && p4tc_errmsg(h), "filter delete needs a prio");
}

/* num_prealloc of action templates, and template flushes (LIBP4TC_0.3). */
static void test_action_messages(void)
{
	static struct p4tc_action a, back;
	struct p4tc_handle *h = offline_handle();
	const struct nlattr *nest;
	struct nlmsghdr *nlh;
	__u32 count = 0;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	strcpy(a.name, "cb/a");
	a.has = P4TC_ACTION_HAS_NUM_PREALLOC;
	a.num_prealloc = 64;
	a.nparams = 1;
	strcpy(a.params[0].name, "x");
	p4tc_type_parse("str64", &a.params[0].type, &a.params[0].bitsz);
	nlh = p4tc_action_request(h, P4TC_CMD_ACTION_NEW, 0, "p", &a);
	nest = find_attr(nlh, NULL, P4TC_A_ACTION);
	tap_ok(nest && find_attr(NULL, nest, P4TC_ACTION_A_NUM_PREALLOC) &&
	       mnl_attr_get_u32(find_attr(NULL, nest, P4TC_ACTION_A_NUM_PREALLOC)) == 64 &&
	       !find_attr(NULL, nest, P4TC_ACTION_A_ACTIVE),
	       "an action request carries num_prealloc when asked");
	tap_ok(!p4tc_action_parse(nlh, &back) && back.num_prealloc == 64 &&
	       (back.has & P4TC_ACTION_HAS_NUM_PREALLOC) && back.nparams == 1 &&
	       back.params[0].type == P4TC_T_STRING && back.params[0].bitsz == 64,
	       "and a reply with it is read back");
	a.has = 0;
	nlh = p4tc_action_request(h, P4TC_CMD_ACTION_SET, 0, "p", &a);
	tap_ok(!find_attr(NULL, find_attr(nlh, NULL, P4TC_A_ACTION), P4TC_ACTION_A_NUM_PREALLOC),
	       "and not when not");

	nlh = p4tc_tmpl_flush_request(h, P4TC_CMD_TABLE_DEL, P4TC_A_TABLE, "p");
	nest = find_attr(nlh, NULL, P4TC_A_TABLE);
	tap_ok(nest && mnl_attr_get_payload_len(nest) == 0 && find_attr(nlh, NULL, P4TC_A_PIPELINE) &&
	       ((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->cmd == P4TC_CMD_TABLE_DEL,
	       "a table flush is a delete with an empty table nest");
	nlh = p4tc_tmpl_flush_request(h, P4TC_CMD_ACTION_DEL, P4TC_A_ACTION, "p");
	tap_ok(find_attr(nlh, NULL, P4TC_A_ACTION) &&
	       !mnl_attr_get_payload_len(find_attr(nlh, NULL, P4TC_A_ACTION)),
	       "an action flush the same with an action nest");
	mnl_attr_put_u32(nlh, P4TC_A_COUNT, 7);
	tap_ok(!p4tc_tmpl_flush_reply(nlh, &count) && count == 7, "the reply's count is read");
	nlh = p4tc_tmpl_flush_request(h, P4TC_CMD_ACTION_DEL, P4TC_A_ACTION, "p");
	tap_ok(p4tc_tmpl_flush_reply(nlh, &count) == -EBADMSG, "a reply without count is refused");
	tap_ok(p4tc_action_flush(h, "") == -EINVAL && p4tc_table_flush(h, NULL) == -EINVAL,
	       "flushes need a pipeline name");
	p4tc_close(h);
}

/* Entry filters (LIBP4TC_0.3) */

static struct p4tc_table flt_table;
static struct p4tc_action flt_actions[6];

static void flt_add_param(struct p4tc_action *a, const char *name, const char *type)
{
	struct p4tc_param *prm = &a->params[a->nparams];
	__u16 off = a->nparams ? a->params[a->nparams - 1].offset +
		    p4tc_type_size(a->params[a->nparams - 1].type, a->params[a->nparams - 1].bitsz) : 0;

	strcpy(prm->name, name);
	p4tc_type_parse(type, &prm->type, &prm->bitsz);
	prm->id = ++a->nparams;
	prm->offset = off;
}

static void flt_init(void)
{
	memset(&flt_table, 0, sizeof(flt_table));
	flt_table.id = 5;
	strcpy(flt_table.name, "cb/t");
	flt_table.type = P4TC_TABLE_TYPE_LPM;
	flt_table.keysz = 48;
	add_keyfield(&flt_table, "dstAddr", "ipv4");
	add_keyfield(&flt_table, "port", "bit16");
	flt_table.keyfields[0].match = P4TC_MATCH_LPM;
	flt_actions[0] = (struct p4tc_action){ .id = 1, .name = "cb/send" };
	flt_add_param(&flt_actions[0], "port", "bit16");
	flt_add_param(&flt_actions[0], "dmac", "macaddr");
	flt_actions[1] = (struct p4tc_action){ .id = 2, .name = "cb/drop" };
	flt_actions[2] = (struct p4tc_action){ .id = 3, .name = "other/drop" };
	flt_actions[3] = (struct p4tc_action){ .id = 4, .name = "cb/tag" };
	flt_add_param(&flt_actions[3], "name", "str64");
	flt_actions[4] = (struct p4tc_action){ .id = 5, .name = "cb/x.y" };
	flt_add_param(&flt_actions[4], "z", "bit8");
	flt_actions[5] = (struct p4tc_action){ .id = 6, .name = "cb/x" };
	flt_add_param(&flt_actions[5], "y.z", "bit8");
}

/* A filter nest as text: "and(eq(key@0,0a000000/ff000000),lt(prio,64000000h))". */
static void flt_decode(const struct nlattr *nest, char *out, size_t size)
{
	static const char *const ops[] = { "?", "eq", "ne", "lt", "gt", "le", "ge", "and", "or",
					   "xor", "not" };
	static const char *const opnds[] = { "?", "key", "action", "param", "prio", "msecs" };
	const struct nlattr *attr, *value = NULL, *mask = NULL;
	unsigned int op = 0, opnd = 0, off = 0, act = 0, n = 0, i;
	bool host = false, has_act = false;
	size_t len;

	mnl_attr_for_each_nested(attr, nest) {
		switch (mnl_attr_get_type(attr)) {
		case P4TC_FILTER_A_OP:
			op = mnl_attr_get_u8(attr);
			break;
		case P4TC_FILTER_A_OPERAND:
			opnd = mnl_attr_get_u8(attr);
			break;
		case P4TC_FILTER_A_OFFSET:
			off = mnl_attr_get_u16(attr);
			break;
		case P4TC_FILTER_A_VALUE:
			value = attr;
			break;
		case P4TC_FILTER_A_MASK:
			mask = attr;
			break;
		case P4TC_FILTER_A_HOST_ORDER:
			host = true;
			break;
		case P4TC_FILTER_A_ACTION_ID:
			act = mnl_attr_get_u32(attr);
			has_act = true;
			break;
		}
	}
	snprintf(out, size, "%s(", op <= 10 ? ops[op] : "?");
	if (op >= P4TC_FILTER_OP_AND) {
		mnl_attr_for_each_nested(attr, nest) {
			if (mnl_attr_get_type(attr) != P4TC_FILTER_A_NODE)
				continue;
			len = strlen(out);
			if (n++)
				out[len++] = ',';
			flt_decode(attr, out + len, size - len);
		}
		strncat(out, ")", size - strlen(out) - 1);
		return;
	}
	len = strlen(out);
	snprintf(out + len, size - len, "%s", opnd <= 5 ? opnds[opnd] : "?");
	len = strlen(out);
	if (has_act)
		len += snprintf(out + len, size - len, "#%u", act);
	if (off)
		len += snprintf(out + len, size - len, "@%u", off);
	if (value) {
		out[len++] = ',';
		for (i = 0; i < mnl_attr_get_payload_len(value); i++)
			len += snprintf(out + len, size - len, "%02x",
					((const __u8 *)mnl_attr_get_payload(value))[i]);
	}
	if (mask) {
		out[len++] = '/';
		for (i = 0; i < mnl_attr_get_payload_len(mask); i++)
			len += snprintf(out + len, size - len, "%02x",
					((const __u8 *)mnl_attr_get_payload(mask))[i]);
	}
	snprintf(out + len, size - len, "%s)", host ? "h" : "");
}

static struct p4tc_entry_filter *flt_new(struct p4tc_handle *h, const char *expr, bool table)
{
	LIBP4TC_OPTS(p4tc_entry_filter_opts, opts, .pname = "p",
		     .table = table ? &flt_table : NULL, .actions = flt_actions,
		     .nactions = ARRAY_SIZE(flt_actions));

	return p4tc_entry_filter_new(h, expr, &opts);
}

/* @expr becomes the filter message @expect, @depth levels deep. */
static void check_filter(struct p4tc_handle *h, const char *expr, const char *expect, int depth)
{
	struct p4tc_entry_filter *f = flt_new(h, expr, true);
	const struct nlattr *entry, *filter;
	struct nlmsghdr *nlh;
	char got[1024] = "";

	if (f) {
		nlh = p4tc_entry_table_request(h, P4TC_CMD_ENTRY_GET, NLM_F_DUMP, "p", &flt_table, f);
		entry = find_attr(nlh, NULL, P4TC_A_ENTRY);
		filter = entry ? find_attr(NULL, entry, P4TC_ENTRY_A_FILTER) : NULL;
		if (filter)
			flt_decode(filter, got, sizeof(got));
	}
	tap_ok(f && !strcmp(got, expect) && p4tc_entry_filter_depth(f) == depth,
	       "filter '%s' is %s, %d deep (got %s, %d%s%s)", expr, expect, depth, got,
	       f ? p4tc_entry_filter_depth(f) : 0, f ? "" : ": ", f ? "" : p4tc_errmsg(h));
	p4tc_entry_filter_free(f);
}

static void check_filter_err(struct p4tc_handle *h, const char *expr, bool table,
			     const char *expect)
{
	struct p4tc_entry_filter *f = flt_new(h, expr, table);
	const char *msg = p4tc_errmsg(h);

	tap_ok(!f && errno == EINVAL && msg && !strncmp(msg, "filter: ", 8) && strstr(msg, expect),
	       "filter '%s' is refused: %s", expr, msg ?: "(no message)");
	p4tc_entry_filter_free(f);
}

static void check_match(struct p4tc_handle *h, const char *expr, const struct p4tc_entry *e,
			int expect)
{
	struct p4tc_entry_filter *f = flt_new(h, expr, true);
	int ret = f ? p4tc_entry_filter_match(f, e) : -1;

	tap_ok(ret == expect, "filter '%s' %s the entry", expr, expect ? "passes" : "drops");
	p4tc_entry_filter_free(f);
}

static void test_entry_filters(void)
{
	struct p4tc_handle *h = offline_handle();
	struct p4tc_table hex = { .id = 9, .name = "cb/h", .type = P4TC_TABLE_TYPE_TERNARY,
				  .keysz = 24 };
	LIBP4TC_OPTS(p4tc_entry_filter_opts, hopts, .table = &hex);
	struct p4tc_entry_filter *f;
	struct p4tc_entry e = {};
	const struct nlattr *attr;
	struct nlmsghdr *nlh;
	char got[256] = "";

	if (!tap_ok(h != NULL, "a handle"))
		return;
	flt_init();
	check_filter(h, "key.dstAddr == 10.0.0.0/8 and prio < 100",
		     "and(eq(key,0a000000/ff000000),lt(prio,64000000h))", 2);
	check_filter(h, "not (param.act.send.port == 7) or msecs_since > 5000",
		     "or(not(eq(param#1,0700h)),gt(msecs,8813000000000000h))", 3);
	check_filter(h, "param.act.cb/send.dmac != 0:1:2:3:4:5",
		     "ne(param#1@2,0001020304050000)", 1);
	check_filter(h, "key.port >= 80", "ge(key@4,5000h)", 1);
	check_filter(h, "key.port == 0x1234/0xff00", "eq(key@4,0012/00ffh)", 1);
	check_filter(h, "key.dstAddr == 10.1.2.3", "eq(key,0a010203)", 1);
	check_filter(h, "action == cb/drop", "eq(action#2)", 1);
	check_filter(h, "action != NoAction", "ne(action#0)", 1);
	check_filter(h, "act.p/cb/send", "eq(action#1)", 1);
	check_filter(h, "prio<100 and(prio>=0x10)", "and(lt(prio,64000000h),ge(prio,10000000h))", 2);
	check_filter(h, "prio == 1 or prio == 2 and prio == 3",
		     "or(eq(prio,01000000h),and(eq(prio,02000000h),eq(prio,03000000h)))", 3);
	check_filter(h, "prio == 1 xor prio == 2 or prio == 3",
		     "or(xor(eq(prio,01000000h),eq(prio,02000000h)),eq(prio,03000000h))", 3);
	check_filter(h, "not prio == 1 and prio == 2",
		     "and(not(eq(prio,01000000h)),eq(prio,02000000h))", 3);
	check_filter(h, "prio == 1 or prio == 2 or prio == 3 or prio == 4 or prio == 5 or "
		     "prio == 6 or prio == 7 or prio == 8",
		     "or(or(or(eq(prio,01000000h),eq(prio,02000000h)),"
		     "or(eq(prio,03000000h),eq(prio,04000000h))),"
		     "or(or(eq(prio,05000000h),eq(prio,06000000h)),"
		     "or(eq(prio,07000000h),eq(prio,08000000h))))", 4);
	check_filter(h, "param.act.tag.name == \"a (b)\"", "eq(param#4,6120286229000000)", 1);
	check_filter(h, "param.act.tag.name == \"q\\\"\\\\\"", "eq(param#4,71225c0000000000)", 1);

	f = p4tc_entry_filter_new(h, "key.key == 0x0a0000/8 or key.key > 0x0b0000", &hopts);
	if (f) {
		nlh = p4tc_entry_table_request(h, P4TC_CMD_ENTRY_DEL, 0, "p", &hex, f);
		attr = find_attr(nlh, NULL, P4TC_A_ENTRY);
		if (attr && find_attr(NULL, attr, P4TC_ENTRY_A_FILTER))
			flt_decode(find_attr(NULL, attr, P4TC_ENTRY_A_FILTER), got, sizeof(got));
	}
	tap_ok(f && !strcmp(got, "or(eq(key,0a0000/ff0000),gt(key,0b0000))"),
	       "the implicit key of a ternary table compares in hex, byte by byte (%s)", got);
	p4tc_entry_filter_free(f);

	check_filter_err(h, "", true, "at the end: an empty filter");
	check_filter_err(h, "prio", true, "at the end: expected ==, !=, <, >, <= or >= after prio");
	check_filter_err(h, "prio ==", true, "at the end: expected a value after prio ==");
	check_filter_err(h, "prio = 1", true, "at \"=\" (token 2): not an operator");
	check_filter_err(h, "prio !1", true, "at \"!\" (token 2): not an operator");
	check_filter_err(h, "prio == 1 and", true, "at the end: expected key.FIELD");
	check_filter_err(h, "prio == 1 prio == 2", true,
			 "at \"prio\" (token 4): expected and, or, xor or the end");
	check_filter_err(h, "(prio == 1", true, "at the end: expected and, or, xor or the ) of token 1");
	check_filter_err(h, "prio == 1)", true, "at \")\" (token 4): a ) without its (");
	check_filter_err(h, "()", true, "at \")\" (token 2): expected key.FIELD");
	check_filter_err(h, "key.dstAdr == 1.2.3.4", true,
			 "at \"key.dstAdr\" (token 1): table cb/t has no key field dstAdr");
	check_filter_err(h, "key.dstAddr == 10.0.0.300", true,
			 "at \"10.0.0.300\" (token 3): not a valid ipv4[/PREFIX|/MASK] for key field dstAddr");
	check_filter_err(h, "key.dstAddr == 10.0.0.0/33", true, "at \"10.0.0.0/33\" (token 3)");
	check_filter_err(h, "key.port == 70000", true, "out of range for bit16 key field port");
	check_filter_err(h, "key.port == 80", false, "no table to find key fields in");
	check_filter_err(h, "action < cb/drop", true,
			 "at \"<\" (token 2): an action compares with == or != only");
	check_filter_err(h, "action == nosuch", true, "at \"nosuch\" (token 3): no action nosuch");
	check_filter_err(h, "action == drop", true, "action drop is ambiguous: cb/drop or other/drop");
	check_filter_err(h, "action == q/cb/drop", true, "no action q/cb/drop");
	check_filter_err(h, "act.nosuch", true, "at \"act.nosuch\" (token 1): no action nosuch");
	check_filter_err(h, "param.act.send.nosuch == 1", true, "no action with such a param");
	check_filter_err(h, "param.act.x.y.z == 1", true, "ambiguous: param y.z of cb/x, or param z of cb/x.y");
	check_filter_err(h, "param.act.send.port == 1.2", true,
			 "at \"1.2\" (token 3): not a valid bit16 for param port of cb/send");
	check_filter_err(h, "param.act.tag.name == 12345678", true, "out of range for str64");
	check_filter_err(h, "param.act.tag.name == \"abc", true, "its \" is not closed");
	check_filter_err(h, "prio == -1", true, "at \"-1\" (token 3): not a number");
	check_filter_err(h, "prio == 4294967296", true, "out of range (at most 4294967295)");
	check_filter_err(h, "msecs_since > 18446744073709551616", true, "out of range");
	check_filter_err(h, "bogus == 1", true, "at \"bogus\" (token 1): unknown operand");
	check_filter_err(h, "not", true, "at the end: expected key.FIELD");
	check_filter_err(h, "prio == 1 and or prio == 2", true, "at \"or\" (token 5): unknown operand");

	/* In user space, as the kernel would decide. */
	e.table_id = 5;
	e.keylen = 6;
	memcpy(e.key, "\x0a\x01\x00\x00\x50\x00", 6);
	e.prio = 5;
	e.action_id = 1;
	e.nparams = 2;
	e.params[0] = (struct p4tc_param_value){ .id = 1, .name = "port", .len = 2, .value = { 7 } };
	e.params[1] = (struct p4tc_param_value){ .id = 2, .name = "dmac", .len = 8,
						 .value = { 0, 1, 2, 3, 4, 5 } };
	e.created_ms = 6000;
	check_match(h, "key.dstAddr == 10.0.0.0/8", &e, 1);
	check_match(h, "key.dstAddr == 10.0.0.0/16", &e, 0);
	check_match(h, "key.dstAddr > 9.255.255.255 and key.dstAddr < 10.1.0.1", &e, 1);
	check_match(h, "key.port == 80 and prio < 100", &e, 1);
	check_match(h, "key.port > 79", &e, 1);
	check_match(h, "key.port > 256", &e, 0);
	check_match(h, "key.port == 0x0050/0x00f0", &e, 1);
	check_match(h, "prio >= 6", &e, 0);
	check_match(h, "action == send", &e, 1);
	check_match(h, "action != send", &e, 0);
	check_match(h, "act.cb/drop", &e, 0);
	check_match(h, "action == NoAction", &e, 0);
	check_match(h, "param.act.send.port == 7", &e, 1);
	check_match(h, "param.act.send.port > 7", &e, 0);
	check_match(h, "param.act.send.dmac == 00:01:02:03:04:05", &e, 1);
	check_match(h, "param.act.tag.name == x", &e, 0);
	check_match(h, "not (param.act.send.port == 7) or msecs_since > 5000", &e, 1);
	check_match(h, "msecs_since < 5000", &e, 0);
	e.lastused_ms = 10;
	check_match(h, "msecs_since < 5000", &e, 1);
	check_match(h, "prio == 5 xor key.port == 80", &e, 0);
	e.action_id = 0;
	check_match(h, "action == NoAction", &e, 1);
	check_match(h, "param.act.send.port == 7", &e, 0);
	tap_ok(p4tc_entry_filter_match(NULL, &e) == -EINVAL, "matching without a filter is refused");

	/* Deeper than the kernel takes: refused before it is sent. */
	f = flt_new(h, "not not not not not prio == 1", true);
	tap_ok(f && p4tc_entry_filter_depth(f) == 6 &&
	       p4tc_entry_dump_filter(h, "p", &flt_table, f, (p4tc_entry_cb)1, NULL) == -E2BIG &&
	       strstr(p4tc_errmsg(h), "6 levels deep, at most 5") &&
	       p4tc_entry_flush_filter(h, "p", &flt_table, f) == -E2BIG,
	       "a filter of 6 levels is refused before it is sent");
	p4tc_entry_filter_free(f);
	f = flt_new(h, "prio == 1", true);
	tap_ok(p4tc_entry_dump_filter(h, "p", NULL, f, (p4tc_entry_cb)1, NULL) == -EINVAL &&
	       p4tc_entry_dump_filter(h, "p", &flt_table, f, NULL, NULL) == -EINVAL,
	       "a filtered dump needs a table and a callback");
	p4tc_entry_filter_free(f);
	{
		LIBP4TC_OPTS(p4tc_entry_filter_opts, none);

		f = p4tc_entry_filter_new(h, "prio > 1 and act.NoAction", &none);
		tap_ok(f != NULL, "prio, msecs_since and NoAction need no table nor actions");
		p4tc_entry_filter_free(f);
		f = p4tc_entry_filter_new(h, "act.drop", &none);
		tap_ok(!f && strstr(p4tc_errmsg(h), "no action templates"),
		       "other actions need the action templates");
	}
	p4tc_close(h);
}

/* Events (LIBP4TC_0.3): the group's id, and messages into struct p4tc_event */

static struct nlmsghdr *ev_start(char *buf, __u16 family, __u8 cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;
	struct nlattr *nest;

	nlh->nlmsg_type = family;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	nest = mnl_attr_nest_start(nlh, P4TC_A_PIPELINE);
	mnl_attr_put_u32(nlh, P4TC_PIPELINE_A_ID, 1);
	mnl_attr_put_strz(nlh, P4TC_PIPELINE_A_NAME, "p");
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static void ev_entry(struct nlmsghdr *nlh, bool deleted)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY), *sub;

	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, 5);
	mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, "cb/t");
	mnl_attr_put(nlh, P4TC_ENTRY_A_KEY, 6, "\x0a\x01\x00\x00\x50\x00");
	mnl_attr_put(nlh, P4TC_ENTRY_A_MASK, 6, "\xff\xff\x00\x00\xff\xff");
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_PRIO, 7);
	mnl_attr_put_u16(nlh, P4TC_ENTRY_A_PERMISSIONS, 0x1da4);
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_ACTION_ID, 2);
	mnl_attr_put_strz(nlh, P4TC_ENTRY_A_ACTION_NAME, "cb/drop");
	sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_CREATED_BY);
	mnl_attr_put_u8(nlh, P4TC_WHO_A_ENTITY, P4TC_ENTITY_TC);
	mnl_attr_put_u32(nlh, P4TC_WHO_A_PID, 42);
	mnl_attr_put_strz(nlh, P4TC_WHO_A_COMM, "p4tc");
	mnl_attr_nest_end(nlh, sub);
	if (deleted) {
		sub = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_DELETED_BY);
		mnl_attr_put_u8(nlh, P4TC_WHO_A_ENTITY, P4TC_ENTITY_TIMER);
		mnl_attr_put_u32(nlh, P4TC_WHO_A_PID, 0);
		mnl_attr_put_strz(nlh, P4TC_WHO_A_COMM, "timer");
		mnl_attr_nest_end(nlh, sub);
	}
	mnl_attr_nest_end(nlh, nest);
}

static void test_events(void)
{
	static char buf[8192];
	struct p4tc_event_bufs *bufs = p4tc_event_bufs_new();
	struct p4tc_family_info fi = {};
	struct nlattr *nest, *grp;
	struct p4tc_handle *h;
	struct nlmsghdr *nlh;
	struct p4tc_event ev;
	int err;

	/* The family's reply names its groups. */
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, GENL_HDRLEN);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, 0x22);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "p4tc");
	nest = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "other");
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, 3);
	mnl_attr_nest_end(nlh, grp);
	grp = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, P4TC_MCGRP_EVENTS);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, 9);
	mnl_attr_nest_end(nlh, grp);
	mnl_attr_nest_end(nlh, nest);
	tap_ok(!p4tc_family_info_parse(nlh, &fi) && fi.family == 0x22 && fi.group == 9,
	       "the family's reply gives its id and the events group's");

	nlh = ev_start(buf, 0x22, P4TC_CMD_ENTRY_NEW);
	ev_entry(nlh, false);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.cmd == P4TC_CMD_ENTRY_NEW && ev.obj == P4TC_EVENT_ENTRY &&
	       ev.op == P4TC_EVENT_CREATE && !ev.flush && ev.pipeline.id == 1 &&
	       !strcmp(ev.pipeline.name, "p") && ev.entry && !ev.table && !ev.action &&
	       ev.entry->table_id == 5 && ev.entry->prio == 7 && ev.entry->action_id == 2 &&
	       (ev.entry->has & P4TC_ENTRY_HAS_CREATED_BY) &&
	       !(ev.entry->has & P4TC_ENTRY_HAS_DELETED_BY),
	       "an entry's creation is read: pipeline, entry, who created it");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ENTRY_DEL);
	ev_entry(nlh, true);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.op == P4TC_EVENT_DELETE && ev.entry &&
	       (ev.entry->has & P4TC_ENTRY_HAS_DELETED_BY) &&
	       ev.entry->deleted_by.entity == P4TC_ENTITY_TIMER &&
	       !strcmp(ev.entry->deleted_by.comm, "timer"),
	       "an entry's deletion says who deleted it");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ENTRY_DEL);
	mnl_attr_put_u32(nlh, P4TC_A_COUNT, 12);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY);
	mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, 5);
	mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, "cb/t");
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.flush && ev.count == 12 && ev.obj == P4TC_EVENT_ENTRY && ev.entry &&
	       ev.entry->table_id == 5 && !ev.entry->keylen,
	       "a flush of entries: its count and table");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ACTION_DEL);
	mnl_attr_put_u32(nlh, P4TC_A_COUNT, 3);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.flush && ev.count == 3 && ev.obj == P4TC_EVENT_ACTION && !ev.action,
	       "a flush of actions: its count");
	nlh = ev_start(buf, 0x22, P4TC_CMD_TABLE_NEW);
	nest = mnl_attr_nest_start(nlh, P4TC_A_TABLE);
	mnl_attr_put_u32(nlh, P4TC_TABLE_A_ID, 5);
	mnl_attr_put_strz(nlh, P4TC_TABLE_A_NAME, "cb/t");
	mnl_attr_put_u32(nlh, P4TC_TABLE_A_KEYSZ, 48);
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_TABLE && ev.table && ev.table->keysz == 48 &&
	       !strcmp(ev.table->name, "cb/t"), "a table's creation: the table");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ACTION_SET);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ACTION);
	mnl_attr_put_u32(nlh, P4TC_ACTION_A_ID, 2);
	mnl_attr_put_strz(nlh, P4TC_ACTION_A_NAME, "cb/drop");
	mnl_attr_put_u8(nlh, P4TC_ACTION_A_ACTIVE, 1);
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_ACTION && ev.op == P4TC_EVENT_UPDATE && ev.action &&
	       ev.action->active, "an action's update: the action");
	nlh = ev_start(buf, 0x22, P4TC_CMD_PIPELINE_DEL);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_PIPELINE && ev.op == P4TC_EVENT_DELETE &&
	       ev.pipeline.id == 1, "a pipeline's deletion: the pipeline");
	nlh = ev_start(buf, 0x23, P4TC_CMD_PIPELINE_DEL);
	tap_ok(p4tc_event_parse(nlh, 0x22, bufs, &ev) == 1, "another family's message is skipped");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ENTRY_GET);
	tap_ok(p4tc_event_parse(nlh, 0x22, bufs, &ev) == 1, "a get is no event");
	nlh = ev_start(buf, 0x22, P4TC_CMD_ENTRY_SET);
	tap_ok(p4tc_event_parse(nlh, 0x22, bufs, &ev) == -EBADMSG, "an entry event needs its entry");
	free(bufs);

	h = p4tc_open(NULL);
	tap_ok(h && p4tc_event_read(h, 0, (p4tc_event_cb)1, NULL) == -EINVAL &&
	       strstr(p4tc_errmsg(h), "not subscribed"), "reading events needs a subscription");
	err = h ? p4tc_event_subscribe(h) : 0;
	if (err == -ENOENT && strstr(p4tc_errmsg(h), "not loaded"))
		tap_ok(true, "without the module, subscribing fails: %s", p4tc_errmsg(h));
	else
		tap_skip("the p4tc module is loaded here (%d)", err);
	p4tc_close(h);
}

static void test_requests(void)
{
	struct p4tc_pipeline p = {};
	struct p4tc_entry e = {};
	struct p4tc_handle *h;
	const char *msg;
	int err;

	h = p4tc_open(NULL);
	if (!tap_ok(h != NULL, "open without options"))
		return;
	test_filter_opts(h);
	memset(p.name, 'a', sizeof(p.name));
	err = p4tc_pipeline_create(h, &p);
	tap_ok(err == -ENAMETOOLONG && errno == ENAMETOOLONG && p4tc_errmsg(h),
	       "a pipeline name without room for its NUL is refused");
	err = p4tc_action_dump(h, "", NULL, NULL);
	tap_ok(err == -EINVAL && p4tc_errmsg(h), "an empty pipeline name is refused");

	strcpy(e.table_name, "cb/t");
	err = p4tc_entry_delete(h, "p", &e);
	msg = p4tc_errmsg(h);
	tap_ok(err == -EINVAL && msg && strstr(msg, "p4tc_entry_flush"),
	       "deleting an entry needs its key");

	/* Whether the requests reach the kernel: the host has no p4tc module. */
	strcpy(p.name, "p");
	err = p4tc_pipeline_get(h, &p);
	msg = p4tc_errmsg(h);
	if (err == -ENOENT && msg && strstr(msg, "not loaded"))
		tap_ok(true, "without the module, requests fail: %s", msg);
	else
		tap_skip("the p4tc module is loaded here (%s)", msg ?: strerror(-err));
	p4tc_close(h);
}

int main(void)
{
	test_types();
	test_numbers();
	test_addresses();
	test_new_types();
	test_keys();
	test_masks();
	test_entry_messages();
	test_entry_bulk();
	test_entry_reply();
	test_table_messages();
	test_batch_errors();
	test_const_entries_overflow();
	test_action_messages();
	test_entry_filters();
	test_events();
	test_open_opts();
	test_requests();
	return tap_done();
}
