// SPDX-License-Identifier: GPL-2.0
/*
 * Table entries: created, updated and deleted by key over netlink, looked
 * up by the datapath under RCU with no lock. Writers serialize on the
 * table's spinlock, so they may run in any context.
 */
#include <linux/jhash.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "netlink.h"

struct p4tc_entry_key {
	const u8 *key;
	u32 len;
};

static u32 p4tc_entry_key_hash(const void *data, u32 len, u32 seed)
{
	const struct p4tc_entry_key *k = data;

	return jhash(k->key, k->len, seed);
}

static u32 p4tc_entry_obj_hash(const void *data, u32 len, u32 seed)
{
	const struct p4tc_entry *e = data;

	return jhash(e->key, e->keylen, seed);
}

static int p4tc_entry_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct p4tc_entry_key *k = arg->key;
	const struct p4tc_entry *e = obj;

	return memcmp(k->key, e->key, k->len);
}

static const struct rhashtable_params p4tc_entry_params = {
	.head_offset = offsetof(struct p4tc_entry, node),
	.hashfn = p4tc_entry_key_hash,
	.obj_hashfn = p4tc_entry_obj_hash,
	.obj_cmpfn = p4tc_entry_cmp,
	.automatic_shrinking = true,
};

/**
 * p4tc_entries_init() - set up the entry store of a new table
 * @t: table
 *
 * Return: 0 or -ENOMEM.
 */
int p4tc_entries_init(struct p4tc_table *t)
{
	struct rhashtable_params params = p4tc_entry_params;

	spin_lock_init(&t->lock);
	atomic_set(&t->nentries, 0);
	params.nelem_hint = min_t(u32, t->tentries, 65536) * 3 / 4;
	return rhashtable_init(&t->entries, &params);
}

static void p4tc_entry_free(void *ptr, void *arg)
{
	kfree(ptr);
}

/**
 * p4tc_entries_destroy() - free a table's entries
 * @t: table the datapath cannot reach any more
 *
 * Context: process context.
 */
void p4tc_entries_destroy(struct p4tc_table *t)
{
	rhashtable_free_and_destroy(&t->entries, p4tc_entry_free, NULL);
}

/**
 * p4tc_entry_lookup() - find the entry with a key
 * @t: table
 * @key: @t->keylen bytes
 *
 * Context: RCU read side.
 * Return: the entry or NULL.
 */
struct p4tc_entry *p4tc_entry_lookup(struct p4tc_table *t, const u8 *key)
{
	struct p4tc_entry_key k = { .key = key, .len = t->keylen };

	return rhashtable_lookup(&t->entries, &k, p4tc_entry_params);
}

/* What an entry request names: a sealed pipeline (referenced) and a table. */
struct p4tc_entry_req {
	struct p4tc_pipeline *p;
	struct p4tc_table *t;
	struct nlattr *nest;
	struct nlattr *tb[P4TC_ENTRY_A_MAX + 1];
	char obj[2 * P4TC_NAME_LEN + 8];
};

static int p4tc_entry_req_init(struct p4tc_entry_req *req, struct net *net,
			       struct nlattr **attrs, struct netlink_ext_ack *extack)
{
	struct nlattr **tb = req->tb;
	int err;

	req->nest = attrs[P4TC_A_ENTRY];
	if (!req->nest) {
		NL_SET_ERR_MSG_MOD(extack, "missing entry attributes");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, P4TC_ENTRY_A_MAX, req->nest, p4tc_entry_policy,
			       extack);
	if (err)
		return err;
	req->p = p4tc_pipeline_get(net, attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(req->p))
		return PTR_ERR(req->p);

	req->t = p4tc_tmpl_lookup(req->p, &p4tc_table_ops, tb[P4TC_ENTRY_A_TABLE_ID],
				  tb[P4TC_ENTRY_A_TABLE_NAME], req->nest, extack);
	if (IS_ERR(req->t)) {
		err = PTR_ERR(req->t);
		goto put_pipeline;
	}
	snprintf(req->obj, sizeof(req->obj), "table %s/%s", req->p->name, req->t->name);
	return 0;

put_pipeline:
	p4tc_pipeline_put(req->p);
	return err;
}

/* The request's key: exactly the table's key bytes, each field in range. */
static const u8 *p4tc_entry_req_key(struct p4tc_entry_req *req, struct net *net,
				    struct netlink_ext_ack *extack)
{
	struct nlattr *attr = req->tb[P4TC_ENTRY_A_KEY];
	struct p4tc_table *t = req->t;
	const u8 *key;
	u32 i;
	int err;

	if (p4tc_nl_attr_missing(extack, req->nest, req->tb, P4TC_ENTRY_A_KEY, "entry key"))
		return ERR_PTR(-EINVAL);
	if (nla_len(attr) != t->keylen) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: key has %d bytes, keysz %u needs %u",
				       req->obj, nla_len(attr), t->keysz, t->keylen);
		NL_SET_BAD_ATTR(extack, attr);
		return ERR_PTR(-EINVAL);
	}
	key = nla_data(attr);
	for (i = 0; i < t->num_keyfields; i++) {
		const struct p4tc_type_info *kf = &t->keyfields[i];

		err = p4tc_type_check_value(kf, key + kf->offset, kf->size, net,
					    req->obj, extack);
		if (err) {
			NL_SET_BAD_ATTR(extack, attr);
			return ERR_PTR(err);
		}
	}
	return key;
}

/* Build a new entry for the request's key and action. */
static struct p4tc_entry *p4tc_entry_build(struct p4tc_entry_req *req, const u8 *key,
					   struct net *net, struct netlink_ext_ack *extack)
{
	struct nlattr *params[P4TC_MAX_PARAMS];
	struct nlattr **tb = req->tb, *attr;
	unsigned int nparams = 0;
	struct p4tc_action *act;
	struct p4tc_entry *e;
	int rem, err;
	u32 actid;

	e = kzalloc(struct_size(e, key, req->t->keylen), GFP_KERNEL_ACCOUNT);
	if (!e)
		return ERR_PTR(-ENOMEM);
	e->keylen = req->t->keylen;
	memcpy(e->key, key, e->keylen);
	e->act.hit = 1;

	actid = tb[P4TC_ENTRY_A_ACTION_ID] ? nla_get_u32(tb[P4TC_ENTRY_A_ACTION_ID]) : 0;
	if (!actid && !tb[P4TC_ENTRY_A_ACTION_NAME]) {
		if (nla_find_nested(req->nest, P4TC_ENTRY_A_PARAM)) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: entry params need an action",
					       req->obj);
			err = -EINVAL;
			goto free_entry;
		}
		return e;
	}
	act = p4tc_action_find(req->p, actid, p4tc_nl_str(tb[P4TC_ENTRY_A_ACTION_NAME]));
	if (!act) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline has no action %s", req->obj,
				       actid ? "with that id" :
				       p4tc_nl_str(tb[P4TC_ENTRY_A_ACTION_NAME]));
		NL_SET_BAD_ATTR(extack, actid ? tb[P4TC_ENTRY_A_ACTION_ID] :
						tb[P4TC_ENTRY_A_ACTION_NAME]);
		err = -ENOENT;
		goto free_entry;
	}
	if (!act->active) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: action %s is not active",
				       req->obj, act->name);
		err = -EPERM;
		goto free_entry;
	}
	nla_for_each_nested(attr, req->nest, rem) {
		if (nla_type(attr) != P4TC_ENTRY_A_PARAM)
			continue;
		if (nparams == P4TC_MAX_PARAMS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d params",
					       req->obj, P4TC_MAX_PARAMS);
			NL_SET_BAD_ATTR(extack, attr);
			err = -E2BIG;
			goto free_entry;
		}
		params[nparams++] = attr;
	}
	err = p4tc_action_fill_params(act, e->act.params, params, nparams, net, extack);
	if (err)
		goto free_entry;
	e->act.act_id = act->id;
	return e;

free_entry:
	kfree(e);
	return ERR_PTR(err);
}

static int p4tc_entry_fill(struct sk_buff *skb, struct p4tc_pipeline *p,
			   const struct p4tc_table *t, const struct p4tc_entry *e)
{
	const struct p4tc_action *act = NULL;
	struct nlattr *nest;

	if (e->act.act_id)
		act = p4tc_action_find(p, e->act.act_id, NULL);
	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_ENTRY);
	if (!nest ||
	    nla_put_u32(skb, P4TC_ENTRY_A_TABLE_ID, t->id) ||
	    nla_put_string(skb, P4TC_ENTRY_A_TABLE_NAME, t->name) ||
	    nla_put(skb, P4TC_ENTRY_A_KEY, e->keylen, e->key) ||
	    (act && (nla_put_u32(skb, P4TC_ENTRY_A_ACTION_ID, act->id) ||
		     nla_put_string(skb, P4TC_ENTRY_A_ACTION_NAME, act->name) ||
		     p4tc_action_put_params(skb, act, e->act.params)))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_entry_insert(struct p4tc_entry_req *req, struct p4tc_entry *e,
			     struct netlink_ext_ack *extack)
{
	struct p4tc_entry_key k = { .key = e->key, .len = e->keylen };
	struct p4tc_table *t = req->t;
	int err;

	spin_lock_bh(&t->lock);
	if (atomic_read(&t->nentries) >= t->tentries) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is full: tentries is %u",
				       req->obj, t->tentries);
		err = -ENOSPC;
		goto unlock;
	}
	err = rhashtable_lookup_insert_key(&t->entries, &k, &e->node, p4tc_entry_params);
	if (err == -EEXIST)
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: an entry with this key exists", req->obj);
	else if (err)
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: cannot insert the entry (%d)", req->obj, err);
	else
		atomic_inc(&t->nentries);
unlock:
	spin_unlock_bh(&t->lock);
	return err;
}

static int p4tc_entry_replace(struct p4tc_entry_req *req, struct p4tc_entry *e,
			      struct netlink_ext_ack *extack)
{
	struct p4tc_table *t = req->t;
	struct p4tc_entry *old;
	int err = -ENOENT;

	spin_lock_bh(&t->lock);
	rcu_read_lock();
	old = p4tc_entry_lookup(t, e->key);
	if (old)
		err = rhashtable_replace_fast(&t->entries, &old->node, &e->node,
					      p4tc_entry_params);
	rcu_read_unlock();
	spin_unlock_bh(&t->lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: no entry with this key", req->obj);
	if (!err)
		kfree_rcu(old, rcu);
	return err;
}

static int p4tc_entry_change(struct sk_buff *skb, struct genl_info *info, bool create)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_entry_req req;
	struct p4tc_entry *e;
	const u8 *key;
	int err;

	err = p4tc_entry_req_init(&req, net, info->attrs, extack);
	if (err)
		return err;
	key = p4tc_entry_req_key(&req, net, extack);
	if (IS_ERR(key)) {
		err = PTR_ERR(key);
		goto put_pipeline;
	}
	e = p4tc_entry_build(&req, key, net, extack);
	if (IS_ERR(e)) {
		err = PTR_ERR(e);
		goto put_pipeline;
	}
	err = create ? p4tc_entry_insert(&req, e, extack) :
		       p4tc_entry_replace(&req, e, extack);
	if (err)
		kfree(e);
put_pipeline:
	p4tc_pipeline_put(req.p);
	return err;
}

/**
 * p4tc_nl_entry_new() - P4TC_CMD_ENTRY_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0, -EEXIST if the key is in the table, -ENOSPC if the table is
 * full, or another negative errno; always with an extack message.
 */
int p4tc_nl_entry_new(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_entry_change(skb, info, true);
}

/**
 * p4tc_nl_entry_set() - P4TC_CMD_ENTRY_SET handler: replace an entry's action
 * @skb: request
 * @info: request attributes
 *
 * Return: 0, -ENOENT if the key is not in the table, or another negative
 * errno; always with an extack message.
 */
int p4tc_nl_entry_set(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_entry_change(skb, info, false);
}

/**
 * p4tc_nl_entry_get() - P4TC_CMD_ENTRY_GET handler for one key
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_entry_get(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_entry_req req;
	struct p4tc_entry *e;
	struct sk_buff *msg;
	const u8 *key;
	void *hdr;
	int err;

	err = p4tc_entry_req_init(&req, net, info->attrs, extack);
	if (err)
		return err;
	key = p4tc_entry_req_key(&req, net, extack);
	if (IS_ERR(key)) {
		err = PTR_ERR(key);
		goto put_pipeline;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		err = -ENOMEM;
		goto put_pipeline;
	}
	hdr = p4tc_nl_reply_start(msg, info);
	rcu_read_lock();
	e = p4tc_entry_lookup(req.t, key);
	if (!e) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: no entry with this key", req.obj);
		err = -ENOENT;
	} else if (!hdr || p4tc_entry_fill(msg, req.p, req.t, e)) {
		err = -EMSGSIZE;
	}
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		goto put_pipeline;
	}
	err = p4tc_nl_reply(msg, hdr, info);
put_pipeline:
	p4tc_pipeline_put(req.p);
	return err;
}

/* Remove the entry with @key, whichever entry holds it now. */
static bool p4tc_entry_remove(struct p4tc_table *t, const u8 *key)
{
	struct p4tc_entry *e;
	bool removed = false;

	spin_lock_bh(&t->lock);
	rcu_read_lock();
	e = p4tc_entry_lookup(t, key);
	if (e && !rhashtable_remove_fast(&t->entries, &e->node, p4tc_entry_params)) {
		atomic_dec(&t->nentries);
		kfree_rcu(e, rcu);
		removed = true;
	}
	rcu_read_unlock();
	spin_unlock_bh(&t->lock);
	return removed;
}

/* Entries removed between two reschedule points of a flush. */
#define P4TC_FLUSH_BATCH	1024

static u32 p4tc_entry_flush(struct p4tc_table *t)
{
	struct rhashtable_iter iter;
	struct p4tc_entry *e;
	u32 count = 0;

	rhashtable_walk_enter(&t->entries, &iter);
	rhashtable_walk_start(&iter);
	while ((e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(e))
			continue;
		count += p4tc_entry_remove(t, e->key);
		/* Huge tables: let the CPU and RCU grace periods breathe. */
		if (!(count % P4TC_FLUSH_BATCH)) {
			rhashtable_walk_stop(&iter);
			cond_resched();
			rhashtable_walk_start(&iter);
		}
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return count;
}

static int p4tc_entry_flush_reply(struct p4tc_entry_req *req, u32 count,
				  struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = p4tc_nl_reply_start(msg, info);
	if (!hdr || p4tc_pipeline_put_id(msg, req->p) ||
	    nla_put_u32(msg, P4TC_A_COUNT, count)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/**
 * p4tc_nl_entry_del() - P4TC_CMD_ENTRY_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * With a key, deletes that entry. Without, flushes the table and replies
 * with the number of entries removed in P4TC_A_COUNT.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_entry_del(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_entry_req req;
	const u8 *key;
	int err;

	err = p4tc_entry_req_init(&req, net, info->attrs, extack);
	if (err)
		return err;
	if (!req.tb[P4TC_ENTRY_A_KEY]) {
		err = p4tc_entry_flush_reply(&req, p4tc_entry_flush(req.t), info);
		goto put_pipeline;
	}
	key = p4tc_entry_req_key(&req, net, extack);
	if (IS_ERR(key)) {
		err = PTR_ERR(key);
		goto put_pipeline;
	}
	if (!p4tc_entry_remove(req.t, key)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: no entry with this key", req.obj);
		err = -ENOENT;
	}
put_pipeline:
	p4tc_pipeline_put(req.p);
	return err;
}

/* Dump state, kept in cb->ctx between calls. */
struct p4tc_entry_dump {
	struct p4tc_pipeline *p;
	struct p4tc_table *t;
	struct rhashtable_iter *iter;
};

/**
 * p4tc_nl_entry_dump_start() - start a dump of a table's entries
 * @cb: dump state
 *
 * Holds a reference on the pipeline until p4tc_nl_entry_dump_done().
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_entry_dump_start(struct netlink_callback *cb)
{
	struct p4tc_entry_dump *dump = (struct p4tc_entry_dump *)cb->ctx;
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct p4tc_entry_req req;
	int err;

	BUILD_BUG_ON(sizeof(*dump) > sizeof(cb->ctx));
	err = p4tc_entry_req_init(&req, sock_net(cb->skb->sk), attrs, cb->extack);
	if (err)
		return err;
	dump->iter = kmalloc(sizeof(*dump->iter), GFP_KERNEL);
	if (!dump->iter) {
		p4tc_pipeline_put(req.p);
		return -ENOMEM;
	}
	dump->p = req.p;
	dump->t = req.t;
	rhashtable_walk_enter(&req.t->entries, dump->iter);
	return 0;
}

/**
 * p4tc_nl_entry_dump() - dump a table's entries, one message each
 * @skb: dump buffer
 * @cb: dump state
 *
 * Return: bytes in @skb, 0 when done.
 */
int p4tc_nl_entry_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct p4tc_entry_dump *dump = (struct p4tc_entry_dump *)cb->ctx;
	struct p4tc_entry *e;

	rhashtable_walk_start(dump->iter);
	while ((e = rhashtable_walk_peek(dump->iter))) {
		void *hdr;

		/* -EAGAIN: a resize rewound the walk, entries may repeat. */
		if (IS_ERR(e))
			continue;
		hdr = p4tc_nl_dump_start(skb, cb);
		if (!hdr)
			break;
		if (p4tc_entry_fill(skb, dump->p, dump->t, e)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		rhashtable_walk_next(dump->iter);
	}
	rhashtable_walk_stop(dump->iter);
	return skb->len;
}

/**
 * p4tc_nl_entry_dump_done() - end a dump of a table's entries
 * @cb: dump state
 *
 * Return: 0.
 */
int p4tc_nl_entry_dump_done(struct netlink_callback *cb)
{
	struct p4tc_entry_dump *dump = (struct p4tc_entry_dump *)cb->ctx;

	rhashtable_walk_exit(dump->iter);
	kfree(dump->iter);
	p4tc_pipeline_put(dump->p);
	return 0;
}
