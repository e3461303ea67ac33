#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# libp4tc's ABI: the shared library exports exactly the symbols of
# libp4tc.map, which are exactly the functions libp4tc.h marks LIBP4TC_API,
# under the soname libp4tc.so.0. Each symbol keeps the version node it
# first appeared in; later nodes inherit the earlier ones, as in libbpf.
# Functions whose structs grew are in two nodes: the old version for the
# programs linked against it, the new one the default.
set -u
cd "$(dirname "$0")/.." || exit 1

source tests/tap.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

exported=$(nm -D --defined-only lib/libp4tc.so |
	awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort -u)
mapped=$(sed -n 's/^[[:space:]]*\(p4tc_[a-z0-9_]*\);$/\1/p' lib/libp4tc.map | sort -u)
declared=$(grep -A1 '^LIBP4TC_API' lib/libp4tc.h | grep -o 'p4tc_[a-z0-9_]*(' |
	tr -d '(' | sort -u)

[ -n "$mapped" ] && [ "$exported" = "$mapped" ]
ok $? "libp4tc.so exports the symbols of libp4tc.map and no others"
[ "$declared" = "$mapped" ]
ok $? "libp4tc.map lists the functions libp4tc.h declares"
# nodes SYMBOL: the version nodes the map puts SYMBOL in, oldest first.
nodes()
{
	awk -v sym="$1;" '/^LIBP4TC_[0-9.]+ \{/ { n = $1 } $1 == sym { print n }' lib/libp4tc.map
}

# "SYMBOL NODE" for each version of each symbol: a symbol's newest node is
# its default version (@@), the older ones are compat versions (@).
versioned=$(nm -D --defined-only lib/libp4tc.so |
	awk '$2 == "T" { d = index($3, "@@") ? "@@" : "@"; split($3, s, "@+");
			 print s[1], d s[2] }' | sort)
expected=$(for s in $mapped; do
		all=$(nodes "$s")
		for v in $all; do
			if [ "$v" = "$(tail -n1 <<<"$all")" ]; then
				echo "$s @@$v"
			else
				echo "$s @$v"
			fi
		done
	done | sort)
[ -n "$versioned" ] && [ "$versioned" = "$expected" ]
ok $? "each symbol has the version nodes the map gives it, the newest the default"
[ "$(nodes p4tc_open)" = LIBP4TC_0.1 ] && [ "$(nodes p4tc_filter_add)" = LIBP4TC_0.1 ]
ok $? "the first release's symbols stay in LIBP4TC_0.1"
[ "$(nodes p4tc_prog_load)" = LIBP4TC_0.2 ]
ok $? "p4tc_prog_load is in LIBP4TC_0.2"
grep -q '^} LIBP4TC_0.1;$' lib/libp4tc.map
ok $? "LIBP4TC_0.2 inherits LIBP4TC_0.1"
grep -q '^} LIBP4TC_0.2;$' lib/libp4tc.map
ok $? "LIBP4TC_0.3 inherits LIBP4TC_0.2"
grown="p4tc_table_create p4tc_table_update p4tc_table_get p4tc_entry_create
	p4tc_entry_update p4tc_entry_get p4tc_entry_delete p4tc_entry_dump
	p4tc_action_create p4tc_action_update p4tc_action_get"
for s in $grown; do
	[ "$(nodes "$s" | tr '\n' ' ')" = "LIBP4TC_0.1 LIBP4TC_0.3 " ]
	ok $? "$s: LIBP4TC_0.1 for struct p4tc_table, p4tc_action and p4tc_entry as they were, 0.3 as they are"
done
readelf -d lib/libp4tc.so | grep -q 'SONAME.*\[libp4tc.so.0\]'
ok $? "the soname is libp4tc.so.0"

# A program built against LIBP4TC_0.1 passes the structs of then: the old
# versions must read and write no further. The requests fail before they
# reach the kernel (a bad name), or at it (no module here, or no pipeline).
cat >"$tmp/old.c" <<'PROG'
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "libp4tc.h"

struct table_v0_1 {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	__u8 type;
	__u32 keysz;
	__u32 tentries;
	__u32 nummasks;
	__u16 permissions;
	unsigned int nkeyfields;
	struct p4tc_keyfield keyfields[P4TC_MAX_KEY_FIELDS];
	__u32 nentries;
};

struct param_value_v0_1 {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 len;
	__u8 value[16];
};

struct entry_v0_1 {
	__u32 table_id;
	char table_name[P4TC_NAME_LEN];
	__u32 keylen;
	__u8 key[P4TC_MAX_KEYSZ / 8];
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	unsigned int nparams;
	struct param_value_v0_1 params[P4TC_MAX_PARAMS];
};

struct action_v0_1 {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	bool active;
	unsigned int nparams;
	struct p4tc_param params[P4TC_MAX_PARAMS];
};

int old_action_get(struct p4tc_handle *h, const char *p, struct action_v0_1 *a);
__asm__(".symver old_action_get, p4tc_action_get@LIBP4TC_0.1");
static struct {
	struct action_v0_1 a;
	unsigned char canary[4096];
} act;

int old_table_get(struct p4tc_handle *h, const char *p, struct table_v0_1 *t);
int old_entry_get(struct p4tc_handle *h, const char *p, struct entry_v0_1 *e);
int old_entry_delete(struct p4tc_handle *h, const char *p, const struct entry_v0_1 *e);
__asm__(".symver old_table_get, p4tc_table_get@LIBP4TC_0.1");
__asm__(".symver old_entry_get, p4tc_entry_get@LIBP4TC_0.1");
__asm__(".symver old_entry_delete, p4tc_entry_delete@LIBP4TC_0.1");

/* The struct, then bytes the library must leave alone. */
static struct {
	struct table_v0_1 t;
	unsigned char canary[4096];
} tbl;
static struct {
	struct entry_v0_1 e;
	unsigned char canary[4096];
} ent;

static int untouched(const unsigned char *c, size_t n)
{
	while (n--)
		if (c[n] != 0xa5)
			return 0;
	return 1;
}

int main(void)
{
	struct p4tc_handle *h = p4tc_open(NULL);
	const char *msg;
	int err;

	if (!h)
		return 1;
	memset(tbl.canary, 0xa5, sizeof(tbl.canary));
	memset(ent.canary, 0xa5, sizeof(ent.canary));
	strcpy(ent.e.table_name, "cb/t");
	err = old_entry_delete(h, "p", &ent.e);
	msg = p4tc_errmsg(h);
	printf("delete without key: %d %s\n", err, msg ? msg : "");
	if (err != -EINVAL || !msg || !strstr(msg, "p4tc_entry_flush"))
		return 2;
	strcpy(tbl.t.name, "cb/t");
	err = old_table_get(h, "no-such-pipeline", &tbl.t);
	printf("table get: %d\n", err);
	ent.e.keylen = 4;
	err = old_entry_get(h, "no-such-pipeline", &ent.e);
	printf("entry get: %d\n", err);
	if (err >= 0 || !untouched(tbl.canary, sizeof(tbl.canary)) ||
	    !untouched(ent.canary, sizeof(ent.canary)))
		return 3;
	memset(act.canary, 0xa5, sizeof(act.canary));
	strcpy(act.a.name, "cb/a");
	err = old_action_get(h, "no-such-pipeline", &act.a);
	printf("action get: %d\n", err);
	if (err >= 0 || !untouched(act.canary, sizeof(act.canary)))
		return 4;
	p4tc_close(h);
	return 0;
}
PROG
${CC:-gcc} -Wall -Werror -Ilib -I../include -o "$tmp/old" "$tmp/old.c" -Llib -lp4tc
ok $? "a program calling the LIBP4TC_0.1 versions builds"
out=$(LD_LIBRARY_PATH=lib "$tmp/old")
ok $? "it runs, and the old versions stay within the old structs ($(tr '\n' ';' <<<"$out"))"
nm -D "$tmp/old" | grep -q 'U p4tc_entry_get@LIBP4TC_0.1'
ok $? "and binds to p4tc_entry_get@LIBP4TC_0.1"
echo "1..$n"
