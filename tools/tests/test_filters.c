// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of libp4tc: entry filters (parsing, encoding, matching)
 * and events (the group, and messages into struct p4tc_event).
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

/* An event message without attributes. */
static struct nlmsghdr *ev_header(char *buf, __u16 family, __u8 cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	return nlh;
}

/* An event message of pipeline p. */
static struct nlmsghdr *ev_start(char *buf, __u16 family, __u8 cmd)
{
	struct nlmsghdr *nlh = ev_header(buf, family, cmd);
	struct nlattr *nest;

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

/* Extern kinds belong to no pipeline; their instances and elements do. */
static void test_extern_events(struct p4tc_event_bufs *bufs)
{
	static char buf[4096];
	struct nlattr *nest, *param;
	struct nlmsghdr *nlh;
	struct p4tc_event ev;
	int err;

	nlh = ev_header(buf, 0x22, P4TC_CMD_EXTERN_DEL);
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTERN);
	mnl_attr_put_u32(nlh, P4TC_EXTERN_A_ID, 7);
	mnl_attr_put_strz(nlh, P4TC_EXTERN_A_NAME, "Counter");
	mnl_attr_put_u32(nlh, P4TC_EXTERN_A_NUM_INSTANCES, 2);
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_EXTERN && ev.op == P4TC_EVENT_DELETE && ev.ext &&
	       !ev.ext_inst && !ev.ext_elem && ev.ext->id == 7 &&
	       !strcmp(ev.ext->name, "Counter") && ev.ext->num_instances == 2 &&
	       !ev.pipeline.id && !ev.pipeline.name[0],
	       "an extern kind's deletion: the kind, and no pipeline");
	nlh = ev_start(buf, 0x22, P4TC_CMD_EXTINST_NEW);
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTINST);
	mnl_attr_put_strz(nlh, P4TC_EXTINST_A_EXT_NAME, "Counter");
	mnl_attr_put_u32(nlh, P4TC_EXTINST_A_ID, 1);
	mnl_attr_put_strz(nlh, P4TC_EXTINST_A_NAME, "c1");
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_EXTERN_INST && ev.op == P4TC_EVENT_CREATE &&
	       ev.ext_inst && !ev.ext && ev.ext_inst->id == 1 && ev.pipeline.id == 1 &&
	       !strcmp(ev.ext_inst->name, "c1"), "an extern instance's creation: its pipeline and it");
	nlh = ev_start(buf, 0x22, P4TC_CMD_EXTELEM_SET);
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTELEM);
	mnl_attr_put_strz(nlh, P4TC_EXTELEM_A_INST_NAME, "c1");
	mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_INDEX, 5);
	param = mnl_attr_nest_start(nlh, P4TC_EXTELEM_A_PARAM);
	mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, "pkts");
	mnl_attr_put_u32(nlh, P4TC_PARAM_A_TYPE, P4TC_T_BIT);
	mnl_attr_put_u16(nlh, P4TC_PARAM_A_BITSZ, 64);
	mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, 8, "\x03\0\0\0\0\0\0\0");
	mnl_attr_nest_end(nlh, param);
	mnl_attr_nest_end(nlh, nest);
	err = p4tc_event_parse(nlh, 0x22, bufs, &ev);
	tap_ok(!err && ev.obj == P4TC_EVENT_EXTERN_ELEM && ev.op == P4TC_EVENT_UPDATE &&
	       ev.ext_elem && ev.ext_elem->index == 5 && ev.ext_elem->nparams == 1 &&
	       ev.ext_elem->types[0] == P4TC_T_BIT && ev.ext_elem->params[0].value[0] == 3,
	       "an element written: the element with its values");
	nlh = ev_start(buf, 0x22, P4TC_CMD_EXTELEM_GET);
	tap_ok(p4tc_event_parse(nlh, 0x22, bufs, &ev) == 1, "an element read is no event");
	nlh = ev_header(buf, 0x22, P4TC_CMD_EXTINST_DEL);
	tap_ok(p4tc_event_parse(nlh, 0x22, bufs, &ev) == -EBADMSG,
	       "an instance event needs its pipeline");
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
	test_extern_events(bufs);
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

int main(void)
{
	test_entry_filters();
	test_events();
	return tap_done();
}
