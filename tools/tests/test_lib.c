// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of libp4tc: type names, values and their containers, key
 * packing, option checks, and the errors of requests that never reach the
 * kernel (or find no p4tc module).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "libp4tc.h"
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
	tap_ok(p4tc_type_size(P4TC_T_BOOL + 1, 0) == -EINVAL, "unknown type has no container");
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
	test_keys();
	test_open_opts();
	test_requests();
	return tap_done();
}
