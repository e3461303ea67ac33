// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of libp4tc: type names, values and their containers, key
 * packing and masks. test_messages.c and test_filters.c test the rest.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>

#include "internal.h"
#include "lib_util.h"
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

int main(void)
{
	test_types();
	test_numbers();
	test_addresses();
	test_new_types();
	test_keys();
	test_masks();
	return tap_done();
}
