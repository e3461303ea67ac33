// SPDX-License-Identifier: GPL-2.0
/*
 * Bulk entry creation (P4TC_A_ENTRY_BULK): the table, action, params and
 * layout of a nest are checked once, then its fixed-size records become
 * entries, a chunk at a time: checked, allocated at once, filled, then
 * inserted under one hold of the table's writer lock. entry.c runs them
 * in the order of a request's entries.
 */
#include "entry.h"
#include "netlink.h"

/* Bytes of a record by a bulk nest's layout; 0 if it has none. */
static u32 p4tc_bulk_reclen(const struct nlattr *layout)
{
	const u32 *len = layout ? nla_data(layout) : NULL;
	u32 i, reclen = 0;

	for (i = 0; len && i < nla_len(layout) / sizeof(*len); i++)
		reclen += min_t(u32, len[i], P4TC_MAX_KEYSZ);
	return reclen;
}

/**
 * p4tc_bulk_count() - the records of a bulk nest, for the count of a batch
 * @nest: P4TC_A_ENTRY_BULK, validated by its policy
 *
 * Return: the number of records, 1 for a malformed nest (p4tc_bulk_init()
 * will say what is wrong with it).
 */
u32 p4tc_bulk_count(const struct nlattr *nest)
{
	struct nlattr *tb[P4TC_BULK_A_MAX + 1];
	u32 reclen;

	p4tc_nl_split(tb, P4TC_BULK_A_MAX, nest);
	reclen = p4tc_bulk_reclen(tb[P4TC_BULK_A_LAYOUT]);
	if (!reclen || !tb[P4TC_BULK_A_RECORDS] || !nla_len(tb[P4TC_BULK_A_RECORDS]) ||
	    nla_len(tb[P4TC_BULK_A_RECORDS]) % reclen)
		return 1;
	return nla_len(tb[P4TC_BULK_A_RECORDS]) / reclen;
}

/* The params a bulk nest's records carry, in their order: all of @b->a's. */
static int p4tc_bulk_params(struct p4tc_entry_req *req, struct p4tc_entry_bulk *b,
			    const struct nlattr *nest)
{
	struct nlattr *tb[P4TC_PARAM_A_MAX + 1];
	DECLARE_BITMAP(seen, P4TC_MAX_PARAMS);
	const struct p4tc_type_info *pi;
	const struct nlattr *attr;
	int rem;
	u32 i;

	bitmap_zero(seen, P4TC_MAX_PARAMS);
	b->nparams = 0;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_BULK_A_PARAM)
			continue;
		p4tc_nl_split(tb, P4TC_PARAM_A_MAX, attr);
		pi = NULL;
		if (b->a)
			pi = p4tc_param_find(b->a, tb[P4TC_PARAM_A_ID] ?
					     nla_get_u32(tb[P4TC_PARAM_A_ID]) : 0,
					     p4tc_nl_str(tb[P4TC_PARAM_A_NAME]));
		if (!pi) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: %s has no param %s", req->obj,
					       b->a ? b->a->name : "no action",
					       tb[P4TC_PARAM_A_NAME] ?
					       p4tc_nl_str(tb[P4TC_PARAM_A_NAME]) : "with that id");
			NL_SET_BAD_ATTR(req->extack, attr);
			return -ENOENT;
		}
		if (__test_and_set_bit(pi - b->a->params, seen) ||
		    tb[P4TC_PARAM_A_VALUE]) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: param %s %s", req->obj, pi->name,
					       tb[P4TC_PARAM_A_VALUE] ?
					       "has its values in the records" : "given twice");
			NL_SET_BAD_ATTR(req->extack, attr);
			return -EINVAL;
		}
		b->params[b->nparams++] = pi;
	}
	for (i = 0; b->a && i < b->a->num_params; i++) {
		if (!test_bit(i, seen)) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: action %s: missing param %s",
					       req->obj, b->a->name, b->a->params[i].name);
			NL_SET_BAD_ATTR(req->extack, nest);
			return -EINVAL;
		}
	}
	return 0;
}

/* Check a bulk nest's layout: the key's bytes, then each param's. */
static int p4tc_bulk_layout(struct p4tc_entry_req *req, struct p4tc_entry_bulk *b,
			    const struct nlattr *layout)
{
	const u32 *len = nla_data(layout);
	u32 i;

	if (nla_len(layout) != (1 + b->nparams) * sizeof(*len)) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack,
				       "%s: the records' layout has %d sizes, the key and %u params need %u",
				       req->obj, nla_len(layout) / (int)sizeof(*len), b->nparams,
				       1 + b->nparams);
		goto bad_layout;
	}
	if (len[0] != req->t->keylen) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack,
				       "%s: the records' keys have %u bytes, keysz %u needs %u",
				       req->obj, len[0], req->t->keysz, req->t->keylen);
		goto bad_layout;
	}
	b->reclen = len[0];
	for (i = 0; i < b->nparams; i++) {
		if (len[1 + i] != b->params[i]->size) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack,
					       "%s: param %s has %u bytes in the records, type %s%u takes %u",
					       req->obj, b->params[i]->name, len[1 + i],
					       p4tc_type_name(b->params[i]->type),
					       b->params[i]->bitsz, b->params[i]->size);
			goto bad_layout;
		}
		b->reclen += len[1 + i];
	}
	return 0;

bad_layout:
	NL_SET_BAD_ATTR(req->extack, layout);
	return -EINVAL;
}

/**
 * p4tc_bulk_init() - check a bulk nest: table, action, params, layout
 * @req: gets the table, the requester and the rest of the request's context
 * @b: gets the action, params and records
 * @p: pipeline
 * @nest: P4TC_A_ENTRY_BULK, validated by its policy
 * @net: namespace
 * @extack: error report
 *
 * Return: 0, or a negative errno with an extack message.
 */
int p4tc_bulk_init(struct p4tc_entry_req *req, struct p4tc_entry_bulk *b,
		   struct p4tc_pipeline *p, const struct nlattr *nest, struct net *net,
		   struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_BULK_A_MAX + 1];
	int err;

	p4tc_nl_split(tb, P4TC_BULK_A_MAX, nest);
	memset(req->tb, 0, sizeof(req->tb));
	req->p = p;
	req->nest = nest;
	req->net = net;
	req->extack = extack;
	p4tc_who_set(&req->who, P4TC_ENTITY_TC);
	req->t = p4tc_tmpl_lookup(p, &p4tc_table_ops, tb[P4TC_BULK_A_TABLE_ID],
				  tb[P4TC_BULK_A_TABLE_NAME], nest, extack);
	if (IS_ERR(req->t))
		return PTR_ERR(req->t);
	snprintf(req->obj, sizeof(req->obj), "table %s/%s", p->name, req->t->name);
	if (!(READ_ONCE(req->t->permissions) & P4TC_CTRL_PERM_C)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s has no control create permission", req->obj);
		return -EPERM;
	}
	b->a = NULL;
	if ((tb[P4TC_BULK_A_ACTION_ID] && nla_get_u32(tb[P4TC_BULK_A_ACTION_ID])) ||
	    tb[P4TC_BULK_A_ACTION_NAME]) {
		b->a = p4tc_table_find_action(p, req->t, tb[P4TC_BULK_A_ACTION_ID],
					      tb[P4TC_BULK_A_ACTION_NAME], false, req->obj,
					      extack);
		if (IS_ERR(b->a))
			return PTR_ERR(b->a);
	}
	err = p4tc_bulk_params(req, b, nest);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_BULK_A_LAYOUT, "bulk layout") ||
	    p4tc_nl_attr_missing(extack, nest, tb, P4TC_BULK_A_RECORDS, "bulk records"))
		return -EINVAL;
	err = p4tc_bulk_layout(req, b, tb[P4TC_BULK_A_LAYOUT]);
	if (err)
		return err;
	if (!nla_len(tb[P4TC_BULK_A_RECORDS]) ||
	    nla_len(tb[P4TC_BULK_A_RECORDS]) % b->reclen) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: %d bytes of records are not records of %u",
				       req->obj, nla_len(tb[P4TC_BULK_A_RECORDS]), b->reclen);
		NL_SET_BAD_ATTR(extack, tb[P4TC_BULK_A_RECORDS]);
		return -EINVAL;
	}
	b->records = nla_data(tb[P4TC_BULK_A_RECORDS]);
	b->nrecords = nla_len(tb[P4TC_BULK_A_RECORDS]) / b->reclen;
	return 0;
}

/* Check the key fields and param values of record @i of a bulk nest. */
static int p4tc_bulk_check(struct p4tc_entry_req *req, const struct p4tc_entry_bulk *b, u32 i)
{
	const u8 *rec = b->records + (size_t)i * b->reclen;
	struct p4tc_table *t = req->t;
	u32 j, off;
	int err;

	err = p4tc_entry_check_key(req, rec);
	if (err)
		return err;
	for (j = 0, off = t->keylen; j < b->nparams; off += b->params[j++]->size) {
		err = p4tc_param_check(b->a, b->params[j], rec + off, b->params[j]->size,
				       req->net, req->extack);
		if (err)
			return err;
	}
	return 0;
}

/* Fill a new entry from record @i of a bulk nest. */
static void p4tc_bulk_fill(struct p4tc_entry_req *req, const struct p4tc_entry_bulk *b, u32 i,
			   struct p4tc_entry *e)
{
	const u8 *rec = b->records + (size_t)i * b->reclen;
	struct p4tc_table *t = req->t;
	u32 j, off;

	memcpy(p4tc_entry_id(e), rec, t->keylen);
	/* lpm and ternary: an all-ones mask, the whole key as prefix. */
	if (t->type != P4TC_TABLE_TYPE_EXACT)
		memset(p4tc_entry_id(e) + t->keylen, 0xff, t->keylen);
	e->prefixlen = t->type == P4TC_TABLE_TYPE_LPM ? t->keylen * 8 : 0;
	for (j = 0, off = t->keylen; j < b->nparams; off += b->params[j++]->size)
		memcpy(e->act.params + b->params[j]->offset, rec + off, b->params[j]->size);
	e->act.act_id = b->a ? b->a->id : 0;
	e->act.hit = 1;
	e->prio = t->type == P4TC_TABLE_TYPE_EXACT ? P4TC_EXACT_PRIO : 0;
	e->permissions = p4tc_entry_default_perms(t);
	e->created = p4tc_now();
	e->created_by = req->who;
}

/**
 * p4tc_bulk_add() - create the entries of records of a bulk nest
 * @req: from p4tc_bulk_init()
 * @b: from p4tc_bulk_init()
 * @first: the first record
 * @n: how many, at most P4TC_BULK_CHUNK
 * @err: gets the first failure's errno, or 0
 *
 * In order, up to the first failure: checked, allocated at once and
 * filled first, then inserted under one hold of the table's lock.
 *
 * Return: the number created.
 */
u32 p4tc_bulk_add(struct p4tc_entry_req *req, const struct p4tc_entry_bulk *b,
		  u32 first, u32 n, int *err)
{
	struct p4tc_entry *built[P4TC_BULK_CHUNK];
	int insert_err = 0, prio_err;
	struct p4tc_table *t = req->t;
	u32 nbuilt, added, i, j;

	*err = 0;
	for (nbuilt = 0; nbuilt < n; nbuilt++) {
		*err = p4tc_bulk_check(req, b, first + nbuilt);
		if (*err)
			break;
	}
	if (nbuilt && p4tc_entry_alloc_bulk(p4tc_table_idlen(t), p4tc_entry_tail(t),
					    GFP_KERNEL_ACCOUNT, nbuilt, built)) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: no memory for entries", req->obj);
		*err = -ENOMEM;
		return 0;
	}
	for (i = 0; i < nbuilt; i++) {
		p4tc_bulk_fill(req, b, first + i, built[i]);
		p4tc_entry_init_tail(t, built[i]);
		prio_err = p4tc_entry_take_prio(req, built[i]);
		if (prio_err) {
			*err = prio_err;
			for (j = i; j < nbuilt; j++)
				p4tc_entry_free(built[j]);
			nbuilt = i;
		}
	}
	p4tc_store_lock(t);
	for (added = 0; added < nbuilt && !insert_err; added++)
		insert_err = p4tc_store_insert(t, built[added]);
	if (insert_err)
		added--;
	/* Under the lock: once it is released, the entries may go. */
	if (p4tc_nl_listening(req->net))
		for (i = 0; i < added; i++)
			p4tc_entry_notify(req->net, P4TC_CMD_ENTRY_NEW, req->p, t, built[i], NULL);
	p4tc_store_unlock(t);
	/* A refused insert comes before the failure that ended the building. */
	if (insert_err) {
		*err = insert_err;
		p4tc_entry_insert_failed(req, insert_err);
		for (i = added; i < nbuilt; i++) {
			if (t->type != P4TC_TABLE_TYPE_EXACT)
				ida_free(&t->prios, built[i]->prio);
			p4tc_entry_free(built[i]);
		}
	}
	return added;
}

