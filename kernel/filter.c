// SPDX-License-Identifier: GPL-2.0
/*
 * Entry filters: which entries a dump shows or a flush removes, as a tree
 * of comparisons (key bytes, action, params, prio, idle time) combined by
 * and, or, xor and not, at most P4TC_FILTER_DEPTH_MAX levels deep.
 */
#include <linux/jiffies.h>
#include <linux/slab.h>

#include "netlink.h"

#include <p4tc/filter.h>

/**
 * struct p4tc_filter - a node of a filter tree
 * @op: enum p4tc_filter_op
 * @operand: enum p4tc_filter_operand, for comparisons
 * @host_order: @value is a host-order integer
 * @len: bytes in @value and @mask
 * @offset: bytes into the key or params
 * @act_id: the action of ACTION and PARAM operands
 * @value: what the operand is compared with
 * @mask: bits of the operand and @value compared
 * @child: the operands of a logical node
 */
struct p4tc_filter {
	u8 op;
	u8 operand;
	bool host_order;
	u8 len;
	u16 offset;
	u32 act_id;
	u8 value[P4TC_FILTER_VALUE_MAX];
	u8 mask[P4TC_FILTER_VALUE_MAX];
	struct p4tc_filter *child[2];
};

/**
 * p4tc_filter_free() - free a filter tree
 * @f: the root, may be NULL
 */
void p4tc_filter_free(struct p4tc_filter *f)
{
	if (!f)
		return;
	p4tc_filter_free(f->child[0]);
	p4tc_filter_free(f->child[1]);
	kfree(f);
}

static bool p4tc_filter_fail(struct netlink_ext_ack *extack, const struct nlattr *attr,
			     const char *obj, const char *msg)
{
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s: filter: %s", obj, msg);
	NL_SET_BAD_ATTR(extack, attr);
	return true;
}

static int p4tc_filter_parse_cmp(struct p4tc_filter *f, struct nlattr **tb,
				 const struct nlattr *nest, const struct p4tc_table *t,
				 const char *obj, struct netlink_ext_ack *extack)
{
	u32 room = 0;

	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_FILTER_A_OPERAND, "filter operand"))
		return -EINVAL;
	f->operand = nla_get_u8(tb[P4TC_FILTER_A_OPERAND]);
	if (f->operand == P4TC_FILTER_OPND_ACTION || f->operand == P4TC_FILTER_OPND_PARAM) {
		if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_FILTER_A_ACTION_ID,
					 "filter action id"))
			return -EINVAL;
		f->act_id = nla_get_u32(tb[P4TC_FILTER_A_ACTION_ID]);
	}
	if (f->operand == P4TC_FILTER_OPND_ACTION) {
		if (f->op != P4TC_FILTER_OP_EQ && f->op != P4TC_FILTER_OP_NE &&
		    p4tc_filter_fail(extack, tb[P4TC_FILTER_A_OP], obj,
				     "an action is compared with == or != only"))
			return -EINVAL;
		return 0;
	}
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_FILTER_A_VALUE, "filter value"))
		return -EINVAL;
	f->len = nla_len(tb[P4TC_FILTER_A_VALUE]);
	nla_memcpy(f->value, tb[P4TC_FILTER_A_VALUE], sizeof(f->value));
	memset(f->mask, 0xff, sizeof(f->mask));
	if (tb[P4TC_FILTER_A_MASK]) {
		if (nla_len(tb[P4TC_FILTER_A_MASK]) != f->len &&
		    p4tc_filter_fail(extack, tb[P4TC_FILTER_A_MASK], obj,
				     "the mask must be as long as the value"))
			return -EINVAL;
		nla_memcpy(f->mask, tb[P4TC_FILTER_A_MASK], sizeof(f->mask));
	}
	f->offset = tb[P4TC_FILTER_A_OFFSET] ? nla_get_u16(tb[P4TC_FILTER_A_OFFSET]) : 0;
	f->host_order = tb[P4TC_FILTER_A_HOST_ORDER];
	switch (f->operand) {
	case P4TC_FILTER_OPND_KEY:
		room = t->keylen;
		break;
	case P4TC_FILTER_OPND_PARAM:
		room = P4TC_MAX_PARAM_DATA_SIZE;
		break;
	case P4TC_FILTER_OPND_PRIO:
	case P4TC_FILTER_OPND_MSECS_SINCE:
		f->host_order = true;
		f->offset = 0;
		room = f->operand == P4TC_FILTER_OPND_PRIO ? sizeof(u32) : sizeof(u64);
		if (f->len != room &&
		    p4tc_filter_fail(extack, tb[P4TC_FILTER_A_VALUE], obj,
				     "prio takes a u32 value, msecs_since a u64"))
			return -EINVAL;
		break;
	}
	if (f->offset + f->len > room &&
	    p4tc_filter_fail(extack, tb[P4TC_FILTER_A_VALUE], obj,
			     "the value goes past the end of the key or params"))
		return -EINVAL;
	return 0;
}

static struct p4tc_filter *p4tc_filter_parse_node(const struct nlattr *nest, u32 depth,
						  const struct p4tc_table *t, const char *obj,
						  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_FILTER_A_MAX + 1];
	const struct nlattr *attr;
	struct p4tc_filter *f;
	u32 want, n = 0;
	int rem, err;

	if (depth > P4TC_FILTER_DEPTH_MAX) {
		p4tc_filter_fail(extack, nest, obj, "more than 5 levels");
		return ERR_PTR(-E2BIG);
	}
	err = nla_parse_nested(tb, P4TC_FILTER_A_MAX, nest, p4tc_filter_policy, extack);
	if (err)
		return ERR_PTR(err);
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_FILTER_A_OP, "filter op"))
		return ERR_PTR(-EINVAL);
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	f->op = nla_get_u8(tb[P4TC_FILTER_A_OP]);
	if (f->op < P4TC_FILTER_OP_AND) {
		err = p4tc_filter_parse_cmp(f, tb, nest, t, obj, extack);
		if (err)
			goto free_filter;
		return f;
	}
	want = f->op == P4TC_FILTER_OP_NOT ? 1 : 2;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_FILTER_A_NODE)
			continue;
		err = -EINVAL;
		if (n == want &&
		    p4tc_filter_fail(extack, attr, obj, "not takes one node, and/or/xor two"))
			goto free_filter;
		f->child[n] = p4tc_filter_parse_node(attr, depth + 1, t, obj, extack);
		if (IS_ERR(f->child[n])) {
			err = PTR_ERR(f->child[n]);
			f->child[n] = NULL;
			goto free_filter;
		}
		n++;
	}
	if (n != want) {
		p4tc_filter_fail(extack, nest, obj, "not takes one node, and/or/xor two");
		err = -EINVAL;
		goto free_filter;
	}
	return f;

free_filter:
	p4tc_filter_free(f);
	return ERR_PTR(err);
}

/**
 * p4tc_filter_parse() - parse an entry filter for a table
 * @nest: P4TC_ENTRY_A_FILTER
 * @t: the table
 * @obj: the table, for messages
 * @extack: error report
 *
 * Return: the filter, or an ERR_PTR() with an extack message.
 */
struct p4tc_filter *p4tc_filter_parse(const struct nlattr *nest, const struct p4tc_table *t,
				      const char *obj, struct netlink_ext_ack *extack)
{
	return p4tc_filter_parse_node(nest, 1, t, obj, extack);
}

/* Compare the operand's bytes with the value, as unsigned integers. */
static int p4tc_filter_cmp(const struct p4tc_filter *f, const u8 *opnd)
{
	return p4tc_filter_bytes_cmp(opnd, f->value, f->mask, f->len,
				     f->host_order && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
}

/**
 * p4tc_filter_match() - whether an entry passes a filter
 * @f: the filter, NULL passes everything
 * @e: the entry
 * @now: jiffies, for idle times
 *
 * Return: true if @e passes.
 */
bool p4tc_filter_match(const struct p4tc_filter *f, const struct p4tc_entry *e,
		       unsigned long now)
{
	u64 idle_ms;
	u32 used;
	u32 prio;

	if (!f)
		return true;
	switch (f->op) {
	case P4TC_FILTER_OP_AND:
		return p4tc_filter_match(f->child[0], e, now) &&
		       p4tc_filter_match(f->child[1], e, now);
	case P4TC_FILTER_OP_OR:
		return p4tc_filter_match(f->child[0], e, now) ||
		       p4tc_filter_match(f->child[1], e, now);
	case P4TC_FILTER_OP_XOR:
		return p4tc_filter_match(f->child[0], e, now) !=
		       p4tc_filter_match(f->child[1], e, now);
	case P4TC_FILTER_OP_NOT:
		return !p4tc_filter_match(f->child[0], e, now);
	}
	switch (f->operand) {
	case P4TC_FILTER_OPND_KEY:
		return p4tc_filter_rel(f->op, p4tc_filter_cmp(f, p4tc_entry_id(e) + f->offset));
	case P4TC_FILTER_OPND_ACTION:
		return (e->act.act_id == f->act_id) == (f->op == P4TC_FILTER_OP_EQ);
	case P4TC_FILTER_OPND_PARAM:
		return e->act.act_id == f->act_id &&
		       p4tc_filter_rel(f->op, p4tc_filter_cmp(f, p4tc_entry_params(e) + f->offset));
	case P4TC_FILTER_OPND_PRIO:
		prio = e->prio;
		return p4tc_filter_rel(f->op, p4tc_filter_cmp(f, (u8 *)&prio));
	}
	used = READ_ONCE(e->lastused) ?: e->created;
	idle_ms = jiffies_to_msecs((u32)now - used);
	return p4tc_filter_rel(f->op, p4tc_filter_cmp(f, (u8 *)&idle_ms));
}
