// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of libp4tc: the messages requests are built into and
 * replies parsed from (entries, bulk records, tables, actions, externs,
 * batch errors), option checks, and the errors of requests that never
 * reach the kernel (or find no p4tc module).
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
	attr = nest ? find_attr(NULL, nest, P4TC_BULK_A_LAYOUT) : NULL;
	tap_ok(n > 1 && n < 40 && nlh->nlmsg_len <= size && nlh->nlmsg_len + 8 > size &&
	       recs && mnl_attr_get_payload_len(recs) == n * 8 && attr &&
	       mnl_attr_get_payload_len(attr) == 12 &&
	       !memcmp(mnl_attr_get_payload(attr), (__u32[]){ 5, 2, 1 }, 12),
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

/* Add a param of a type given as the CLI spells it to an instance. */
static void add_ext_param(struct p4tc_ext_param *params, unsigned int *n, const char *name,
			  const char *type, __u8 flags)
{
	struct p4tc_ext_param *prm = &params[(*n)++];

	snprintf(prm->name, sizeof(prm->name), "%s", name);
	p4tc_type_parse(type, &prm->type, &prm->bitsz);
	prm->flags = flags;
}

/* upstream's Counter: constructor param type, key index, pkts and bytes. */
static void fill_counter(struct p4tc_extern_inst *ei)
{
	memset(ei, 0, sizeof(*ei));
	strcpy(ei->ext_name, "Counter");
	strcpy(ei->name, "global_counter");
	ei->id = 1;
	ei->numel = 2048;
	add_ext_param(ei->constructor, &ei->nconstructor, "type", "bit32", 0);
	ei->constructor[0].len = 4;
	ei->constructor[0].value[0] = 2;
	add_ext_param(ei->params, &ei->nparams, "index", "bit32", P4TC_EXT_PARAM_F_KEY);
	add_ext_param(ei->params, &ei->nparams, "pkts", "bit64", 0);
	add_ext_param(ei->params, &ei->nparams, "bytes", "bit64", P4TC_EXT_PARAM_F_DATA_SCALAR);
	ei->params[2].id = 7;
}

/* Kinds, instances and elements of externs (LIBP4TC_0.3). */
static void test_extern_messages(void)
{
	static struct p4tc_extern_inst ei, back;
	struct p4tc_handle *h = offline_handle();
	struct p4tc_extern ext = {}, kind;
	const struct nlattr *nest, *attr;
	struct p4tc_extern_elem el = {}, elem;
	struct nlattr *pnest;
	struct nlmsghdr *nlh;
	unsigned int i, n = 0;
	const char *msg;
	bool ok = true;
	int err;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	strcpy(ext.name, "Counter");
	ext.id = 0x1a000000;
	ext.has = P4TC_EXTERN_HAS_NUM_INSTANCES | P4TC_EXTERN_HAS_PERMISSIONS;
	ext.num_instances = 4;
	ext.permissions = 0x1cf6;
	ext.has_exec = true;
	nlh = p4tc_extern_request(h, P4TC_CMD_EXTERN_NEW, 0, &ext);
	tap_ok(nlh && !find_attr(nlh, NULL, P4TC_A_PIPELINE) && !p4tc_extern_parse(nlh, &kind) &&
	       kind.id == 0x1a000000 && !strcmp(kind.name, "Counter") && kind.has == ext.has &&
	       kind.num_instances == 4 && kind.permissions == 0x1cf6 && kind.has_exec,
	       "an extern kind request names no pipeline, and carries what is set");
	memset(&ext, 0, sizeof(ext));
	strcpy(ext.name, "Register");
	nlh = p4tc_extern_request(h, P4TC_CMD_EXTERN_NEW, 0, &ext);
	nest = find_attr(nlh, NULL, P4TC_A_EXTERN);
	mnl_attr_put_u32(nlh, P4TC_EXTERN_A_INSTANCES, 3);
	mnl_attr_nest_end(nlh, (struct nlattr *)nest);
	tap_ok(nest && !find_attr(NULL, nest, P4TC_EXTERN_A_ID) &&
	       !find_attr(NULL, nest, P4TC_EXTERN_A_NUM_INSTANCES) &&
	       !find_attr(NULL, nest, P4TC_EXTERN_A_PERMISSIONS) &&
	       !find_attr(NULL, nest, P4TC_EXTERN_A_HAS_EXEC) &&
	       !p4tc_extern_parse(nlh, &kind) && !kind.has && !kind.has_exec &&
	       kind.instances == 3, "and nothing that is not; a reply's instances are read");
	ext.id = 0x80000000;
	err = p4tc_extern_create(h, &ext);
	tap_ok(err == -ERANGE && p4tc_errmsg(h), "an extern id above INT_MAX is refused");
	tap_ok(p4tc_extern_get(h, NULL) == -EINVAL && p4tc_extern_dump(h, NULL, NULL) == -EINVAL,
	       "get needs a kind, dump a callback");

	fill_counter(&ei);
	nlh = p4tc_extern_inst_request(h, P4TC_CMD_EXTINST_NEW, 0, "simple_l3", &ei);
	nest = nlh ? find_attr(nlh, NULL, P4TC_A_EXTINST) : NULL;
	tap_ok(nest && find_attr(nlh, NULL, P4TC_A_PIPELINE) &&
	       !p4tc_extern_inst_parse(nlh, &back) && !strcmp(back.ext_name, "Counter") &&
	       !strcmp(back.name, "global_counter") && back.id == 1 && back.numel == 2048 &&
	       !back.tbl_bindable && back.nconstructor == 1 && back.nparams == 3 &&
	       back.constructor[0].len == 4 && back.constructor[0].value[0] == 2 &&
	       back.constructor[0].type == P4TC_T_BIT && back.constructor[0].bitsz == 32,
	       "an instance request carries its pipeline, kind, name, numel and params");
	if (nest) {
		mnl_attr_for_each_nested(attr, nest) {
			if (mnl_attr_get_type(attr) == P4TC_EXTINST_A_CONSTRUCTOR &&
			    (find_attr(NULL, attr, P4TC_PARAM_A_ID) ||
			     find_attr(NULL, attr, P4TC_PARAM_A_FLAGS) ||
			     !find_attr(NULL, attr, P4TC_PARAM_A_VALUE)))
				ok = false;
			if (mnl_attr_get_type(attr) != P4TC_EXTINST_A_PARAM)
				continue;
			n++;
			if (find_attr(NULL, attr, P4TC_PARAM_A_VALUE))
				ok = false;
		}
	}
	tap_ok(ok && n == 3, "constructor params with their value, control params without");
	tap_ok(back.params[0].id == 1 && back.params[1].id == 2 && back.params[2].id == 7 &&
	       back.params[0].flags == P4TC_EXT_PARAM_F_KEY && !back.params[1].flags &&
	       back.params[2].flags == P4TC_EXT_PARAM_F_DATA_SCALAR &&
	       back.params[2].type == P4TC_T_BIT && back.params[2].bitsz == 64,
	       "control params have their id (else their position), type and flags");

	/* A reply, with what only replies have: nests are extended as the kernel fills them. */
	nlh = p4tc_extern_inst_request(h, P4TC_CMD_EXTINST_GET, 0, "simple_l3", &ei);
	nest = find_attr(nlh, NULL, P4TC_A_EXTINST);
	mnl_attr_put_u32(nlh, P4TC_EXTINST_A_EXT_ID, 5);
	mnl_attr_put(nlh, P4TC_EXTINST_A_TBL_BINDABLE, 0, "");
	mnl_attr_put_u16(nlh, P4TC_EXTINST_A_PERMISSIONS, 0x19b4);
	mnl_attr_put_u32(nlh, P4TC_EXTINST_A_TABLE_ID, 3);
	pnest = mnl_attr_nest_start(nlh, P4TC_EXTINST_A_PARAM);
	mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, "extra");
	mnl_attr_put_u16(nlh, P4TC_PARAM_A_OFFSET, 16);
	mnl_attr_nest_end(nlh, pnest);
	mnl_attr_nest_end(nlh, (struct nlattr *)nest);
	tap_ok(!p4tc_extern_inst_parse(nlh, &back) && back.ext_id == 5 && back.tbl_bindable &&
	       back.permissions == 0x19b4 && back.table_id == 3 && back.nparams == 4 &&
	       back.params[3].offset == 16, "an instance reply: its kind id, permissions, table "
	       "and params' offsets");
	for (i = back.nconstructor; i <= P4TC_MAX_EXT_PARAMS; i++) {
		pnest = mnl_attr_nest_start(nlh, P4TC_EXTINST_A_CONSTRUCTOR);
		mnl_attr_nest_end(nlh, pnest);
	}
	mnl_attr_nest_end(nlh, (struct nlattr *)nest);
	tap_ok(p4tc_extern_inst_parse(nlh, &back) == -EBADMSG,
	       "a reply with more than %d constructor params is refused", P4TC_MAX_EXT_PARAMS);

	ei.params[1].flags = P4TC_EXT_PARAM_F_KEY;
	err = p4tc_extern_inst_create(h, "p", &ei);
	msg = p4tc_errmsg(h) ?: "";
	tap_ok(err == -EINVAL && strstr(msg, "2 key params (tc_key), one needed"),
	       "an instance has one key param: %s", msg);
	ei.nparams = 0;
	err = p4tc_extern_inst_create(h, "p", &ei);
	tap_ok(err == -EINVAL && strstr(p4tc_errmsg(h) ?: "", "0 key params"), "not none");
	ei.ext_name[0] = '\0';
	err = p4tc_extern_inst_get(h, "p", &ei);
	tap_ok(err == -EINVAL && strstr(p4tc_errmsg(h) ?: "", "extern name is empty"),
	       "an instance is named with its kind");
	tap_ok(p4tc_extern_inst_dump(h, "p", "", (p4tc_extern_inst_cb)1, NULL) == -EINVAL &&
	       p4tc_extern_inst_dump(h, "p", NULL, NULL, NULL) == -EINVAL,
	       "a dump needs a kind, if any, and a callback");

	/* Elements: index 0 is an element. */
	strcpy(el.ext_name, "Register");
	strcpy(el.inst_name, "MainControlImpl.reg1");
	el.nparams = 1;
	strcpy(el.params[0].name, "a_value");
	el.params[0].len = 4;
	el.params[0].value[0] = 5;
	nlh = p4tc_extern_elem_request(h, P4TC_CMD_EXTELEM_SET, 0, "p", &el,
				       P4TC_EXTELEM_PUT_INDEX | P4TC_EXTELEM_PUT_PARAMS);
	nest = find_attr(nlh, NULL, P4TC_A_EXTELEM);
	attr = nest ? find_attr(NULL, nest, P4TC_EXTELEM_A_PARAM) : NULL;
	tap_ok(find_attr(nlh, NULL, P4TC_A_PIPELINE) && attr &&
	       find_attr(NULL, nest, P4TC_EXTELEM_A_INDEX) &&
	       !mnl_attr_get_u32(find_attr(NULL, nest, P4TC_EXTELEM_A_INDEX)) &&
	       find_attr(NULL, nest, P4TC_EXTELEM_A_EXT_NAME) &&
	       find_attr(NULL, nest, P4TC_EXTELEM_A_INST_NAME) &&
	       !find_attr(NULL, nest, P4TC_EXTELEM_A_EXT_ID) &&
	       find_attr(NULL, attr, P4TC_PARAM_A_NAME) && find_attr(NULL, attr, P4TC_PARAM_A_VALUE),
	       "an element update carries its kind, instance, index and param values");
	nlh = p4tc_extern_elem_request(h, P4TC_CMD_EXTELEM_GET, NLM_F_DUMP, "p", &el, 0);
	nest = find_attr(nlh, NULL, P4TC_A_EXTELEM);
	tap_ok(nest && !find_attr(NULL, nest, P4TC_EXTELEM_A_INDEX) &&
	       !find_attr(NULL, nest, P4TC_EXTELEM_A_PARAM) &&
	       (nlh->nlmsg_flags & NLM_F_DUMP), "a dump names the instance alone");

	/* A reply: each param with its type. */
	nlh = p4tc_extern_elem_request(h, P4TC_CMD_EXTELEM_GET, 0, "p", &el, 0);
	nest = find_attr(nlh, NULL, P4TC_A_EXTELEM);
	mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_EXT_ID, 6);
	mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_INST_ID, 1);
	mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_INDEX, 9);
	for (i = 0; i < 2; i++) {
		pnest = mnl_attr_nest_start(nlh, P4TC_EXTELEM_A_PARAM);
		mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, i + 2);
		mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, i ? "bytes" : "pkts");
		mnl_attr_put_u32(nlh, P4TC_PARAM_A_TYPE, i ? P4TC_T_BIT : P4TC_T_RATE);
		mnl_attr_put_u16(nlh, P4TC_PARAM_A_BITSZ, i ? 32 : 64);
		mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, i ? 4 : 8, "\x03\0\0\0\0\0\0\0");
		mnl_attr_nest_end(nlh, pnest);
	}
	mnl_attr_nest_end(nlh, (struct nlattr *)nest);
	tap_ok(!p4tc_extern_elem_parse(nlh, &elem) && elem.ext_id == 6 && elem.inst_id == 1 &&
	       elem.index == 9 && !strcmp(elem.inst_name, "MainControlImpl.reg1") &&
	       elem.nparams == 2 && elem.params[0].id == 2 && !strcmp(elem.params[1].name, "bytes") &&
	       elem.params[0].len == 8 && elem.params[1].len == 4 && elem.params[1].value[0] == 3 &&
	       elem.types[0] == P4TC_T_RATE && elem.bitsz[0] == 64 &&
	       elem.types[1] == P4TC_T_BIT && elem.bitsz[1] == 32,
	       "an element reply: ids, index, and each param's value, type and width");
	el.inst_name[0] = '\0';
	err = p4tc_extern_elem_update(h, "p", &el);
	tap_ok(err == -EINVAL && strstr(p4tc_errmsg(h) ?: "", "extern instance name is empty"),
	       "an element is named with its instance");
	strcpy(el.inst_name, "c");
	el.nparams = P4TC_MAX_EXT_PARAMS + 1;
	err = p4tc_extern_elem_update(h, "p", &el);
	msg = p4tc_errmsg(h) ?: "";
	tap_ok(err == -EINVAL && strstr(msg, "extern instance c: 17 param values, at most 16"),
	       "at most %d param values: %s", P4TC_MAX_EXT_PARAMS, msg);
	p4tc_close(h);
}

/* Tables bind direct counters and meters by name (LIBP4TC_0.3). */
static void test_table_direct(void)
{
	static struct p4tc_table t, back;
	struct p4tc_handle *h = offline_handle();
	struct nlmsghdr *nlh;
	const char *msg;
	int err;

	if (!tap_ok(h != NULL, "a handle"))
		return;
	strcpy(t.name, "cb/t");
	strcpy(t.direct_counter, "DirectCounter/MainControlImpl.c");
	nlh = p4tc_table_request(h, P4TC_CMD_TABLE_NEW, 0, "p", &t);
	tap_ok(!p4tc_table_parse(nlh, &back) &&
	       !strcmp(back.direct_counter, "DirectCounter/MainControlImpl.c") &&
	       !back.direct_meter[0] &&
	       !find_attr(NULL, find_attr(nlh, NULL, P4TC_A_TABLE), P4TC_TABLE_A_DIRECT_METER),
	       "a table request carries its direct counter, not an empty direct meter");
	memset(t.direct_meter, 'm', sizeof(t.direct_meter));
	err = p4tc_table_create(h, "p", &t);
	msg = p4tc_errmsg(h) ?: "";
	tap_ok(err == -ENAMETOOLONG && strstr(msg, "direct extern"),
	       "a direct extern's name fits its field: %s", msg);
	memset(t.direct_meter, 0, sizeof(t.direct_meter));
	t.has = P4TC_TABLE_HAS_PERMISSIONS;
	err = p4tc_table_attrs_update(h, "p", &t);
	tap_ok(err == -EINVAL && strstr(p4tc_errmsg(h) ?: "", "at runtime"),
	       "and binds it at create or update only");
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
	test_entry_messages();
	test_entry_bulk();
	test_entry_reply();
	test_table_messages();
	test_batch_errors();
	test_const_entries_overflow();
	test_action_messages();
	test_extern_messages();
	test_table_direct();
	test_open_opts();
	test_requests();
	return tap_done();
}
