// SPDX-License-Identifier: GPL-2.0
/*
 * Table entries over netlink: created, updated, read and deleted by
 * identity (key; for lpm and ternary tables also the mask; for ternary
 * tables the prio too), in batches of any size within one message, each
 * checked against the table's and the entry's permissions. Dynamic entries
 * go once idle for longer than their aging. Storage is in store.c.
 */
#include <linux/sched.h>
#include <linux/slab.h>

#include "entry.h"
#include "netlink.h"

static const struct p4tc_action_attrs p4tc_entry_act_attrs = {
	.id = P4TC_ENTRY_A_ACTION_ID,
	.name = P4TC_ENTRY_A_ACTION_NAME,
	.param = P4TC_ENTRY_A_PARAM,
	.index = P4TC_ENTRY_A_ACTION_INDEX,
};

/* What identifies an entry in its table. */
struct p4tc_entry_ident {
	u8 id[2 * P4TC_MAX_KEYSZ / 8];
	u32 prio;
	u16 prefixlen;
};

/**
 * p4tc_who_set() - record who makes a change
 * @who: gets the record
 * @entity: enum p4tc_entity: the current task for P4TC_ENTITY_TC
 */
void p4tc_who_set(struct p4tc_who *who, u8 entity)
{
	who->entity = entity;
	who->pid = 0;
	if (entity == P4TC_ENTITY_TC) {
		who->pid = task_tgid_nr(current);
		get_task_comm(who->comm, current);
	} else {
		strscpy(who->comm, entity == P4TC_ENTITY_TIMER ? "timer" : "kernel",
			sizeof(who->comm));
	}
}

/* Whether an entry nest names @t, the table of the entry before it. */
static bool p4tc_entry_names_table(struct nlattr **tb, const struct p4tc_table *t)
{
	if (!t)
		return false;
	if (tb[P4TC_ENTRY_A_TABLE_ID])
		return nla_get_u32(tb[P4TC_ENTRY_A_TABLE_ID]) == t->id;
	return tb[P4TC_ENTRY_A_TABLE_NAME] && !strcmp(nla_data(tb[P4TC_ENTRY_A_TABLE_NAME]),
						       t->name);
}

/*
 * Parse an entry nest and find its table: @t if given, @prev (the table of
 * the entry before it in a batch) if it names that one again.
 */
static int p4tc_entry_req_init(struct p4tc_entry_req *req, struct p4tc_pipeline *p,
			       struct p4tc_table *t, struct p4tc_table *prev,
			       const struct nlattr *nest, struct net *net,
			       struct netlink_ext_ack *extack)
{
	int err;

	err = p4tc_nl_split(req->tb, P4TC_ENTRY_A_MAX, nest);
	if (err)
		return err;
	req->p = p;
	req->nest = nest;
	req->net = net;
	req->extack = extack;
	/* Entries of a batch share the requester and the table. */
	if (!t && p4tc_entry_names_table(req->tb, prev))
		return 0;
	p4tc_who_set(&req->who, P4TC_ENTITY_TC);
	req->t = t ?: p4tc_tmpl_lookup(p, &p4tc_table_ops, req->tb[P4TC_ENTRY_A_TABLE_ID],
				       req->tb[P4TC_ENTRY_A_TABLE_NAME], nest, extack);
	if (IS_ERR(req->t))
		return PTR_ERR(req->t);
	snprintf(req->obj, sizeof(req->obj), "table %s/%s", p->name, req->t->name);
	return 0;
}

static bool p4tc_entry_req_fail(struct p4tc_entry_req *req, int attr, const char *msg)
{
	NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: %s", req->obj, msg);
	NL_SET_BAD_ATTR(req->extack, req->tb[attr]);
	return true;
}

/* The mask of an lpm entry must be a prefix: ones, then zeros. */
static int p4tc_mask_prefixlen(const u8 *mask, u32 len)
{
	u32 i, plen = 0;

	for (i = 0; i < len && mask[i] == 0xff; i++)
		plen += 8;
	if (i < len) {
		plen += hweight8(mask[i]);
		if ((u8)(mask[i] << hweight8(mask[i])))
			return -EINVAL;
		while (++i < len)
			if (mask[i])
				return -EINVAL;
	}
	return plen;
}

/**
 * p4tc_entry_check_key() - check each field of a key against its type
 * @req: the request, for its table, namespace and extack
 * @key: the table's keylen bytes
 *
 * Return: 0, or as p4tc_type_check_value() with an extack message.
 */
int p4tc_entry_check_key(struct p4tc_entry_req *req, const u8 *key)
{
	const struct p4tc_type_info *kf;
	u32 i;
	int err;

	for (i = 0; i < req->t->num_keyfields; i++) {
		kf = &req->t->keyfields[i];
		err = p4tc_type_check_value(kf, key + kf->offset, kf->size, req->net, req->obj,
					    req->extack);
		if (err)
			return err;
	}
	return 0;
}

/*
 * The identity an entry request names: the key, each field in range;
 * the mask (lpm: a prefix; default all ones); the prio (ternary: needed to
 * name an existing entry).
 */
static int p4tc_entry_parse_ident(struct p4tc_entry_req *req, struct p4tc_entry_ident *ident,
				  bool existing)
{
	struct nlattr **tb = req->tb;
	struct p4tc_table *t = req->t;
	const u8 *key, *mask = NULL;
	int err, plen;
	u32 i;

	if (p4tc_nl_attr_missing(req->extack, req->nest, tb, P4TC_ENTRY_A_KEY, "entry key"))
		return -EINVAL;
	if (nla_len(tb[P4TC_ENTRY_A_KEY]) != t->keylen) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: key has %d bytes, keysz %u needs %u",
				       req->obj, nla_len(tb[P4TC_ENTRY_A_KEY]), t->keysz,
				       t->keylen);
		NL_SET_BAD_ATTR(req->extack, tb[P4TC_ENTRY_A_KEY]);
		return -EINVAL;
	}
	key = nla_data(tb[P4TC_ENTRY_A_KEY]);
	err = p4tc_entry_check_key(req, key);
	if (err) {
		NL_SET_BAD_ATTR(req->extack, tb[P4TC_ENTRY_A_KEY]);
		return err;
	}
	ident->prio = tb[P4TC_ENTRY_A_PRIO] ? nla_get_u32(tb[P4TC_ENTRY_A_PRIO]) : 0;
	ident->prefixlen = 0;
	if (t->type == P4TC_TABLE_TYPE_EXACT) {
		if (tb[P4TC_ENTRY_A_MASK] &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_MASK, "exact tables take no mask"))
			return -EINVAL;
		if (tb[P4TC_ENTRY_A_PRIO] &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_PRIO, "exact tables take no prio"))
			return -EINVAL;
		memcpy(ident->id, key, t->keylen);
		ident->prio = P4TC_EXACT_PRIO;
		return 0;
	}
	if (tb[P4TC_ENTRY_A_MASK]) {
		if (nla_len(tb[P4TC_ENTRY_A_MASK]) != t->keylen &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_MASK,
					"the mask must be as long as the key"))
			return -EINVAL;
		mask = nla_data(tb[P4TC_ENTRY_A_MASK]);
	}
	for (i = 0; i < t->keylen; i++) {
		u8 m = mask ? mask[i] : 0xff;

		ident->id[i] = key[i] & m;
		ident->id[t->keylen + i] = m;
	}
	if (t->type == P4TC_TABLE_TYPE_LPM) {
		plen = p4tc_mask_prefixlen(ident->id + t->keylen, t->keylen);
		if (plen < 0 &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_MASK,
					"an lpm mask must be a prefix (ones, then zeros)"))
			return -EINVAL;
		ident->prefixlen = plen;
	} else if (existing && !tb[P4TC_ENTRY_A_PRIO]) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack,
				       "%s: ternary entries are named by key, mask and prio",
				       req->obj);
		NL_SET_ERR_ATTR_MISS(req->extack, req->nest, P4TC_ENTRY_A_PRIO);
		return -EINVAL;
	}
	return 0;
}

static u32 p4tc_entry_id_prio(const struct p4tc_table *t, u32 prio)
{
	return t->type == P4TC_TABLE_TYPE_TERNARY ? prio : 0;
}

/* Permissions, dynamic and aging of a new or updated entry. */
static int p4tc_entry_parse_attrs(struct p4tc_entry_req *req, struct p4tc_entry *e,
				  const struct p4tc_entry *old)
{
	struct nlattr **tb = req->tb;
	struct p4tc_table *t = req->t;
	u32 profile;

	e->permissions = old ? old->permissions : p4tc_entry_default_perms(t);
	if (tb[P4TC_ENTRY_A_PERMISSIONS]) {
		e->permissions = nla_get_u16(tb[P4TC_ENTRY_A_PERMISSIONS]);
		if (e->permissions & ~P4TC_PERM_MASK &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_PERMISSIONS,
					"entry permissions have more than 14 bits"))
			return -EINVAL;
		if (e->permissions & P4TC_PERM_CREATE &&
		    p4tc_entry_req_fail(req, P4TC_ENTRY_A_PERMISSIONS,
					"entry permissions cannot have create bits"))
			return -EINVAL;
	}
	e->skip_hw = old ? old->skip_hw : 0;
	if (tb[P4TC_ENTRY_A_FLAGS]) {
		/* Software is all there is: an entry for hardware only has no home. */
		if (nla_get_u32(tb[P4TC_ENTRY_A_FLAGS]) & P4TC_ENTRY_FLAGS_SKIP_SW) {
			p4tc_entry_req_fail(req, P4TC_ENTRY_A_FLAGS,
					    "skip_sw: no device offloads P4 tables");
			return -EOPNOTSUPP;
		}
		e->skip_hw = !!(nla_get_u32(tb[P4TC_ENTRY_A_FLAGS]) & P4TC_ENTRY_FLAGS_SKIP_HW);
	}
	e->dynamic = old ? old->dynamic : 0;
	e->aging_ms = old ? old->aging_ms : 0;
	if (tb[P4TC_ENTRY_A_DYNAMIC]) {
		e->dynamic = 1;
		e->aging_ms = READ_ONCE(t->profile_aging[0]);
	}
	if (tb[P4TC_ENTRY_A_AGING] && tb[P4TC_ENTRY_A_PROFILE_ID] &&
	    p4tc_entry_req_fail(req, P4TC_ENTRY_A_PROFILE_ID,
				"give aging or profile_id, not both"))
		return -EINVAL;
	if ((tb[P4TC_ENTRY_A_AGING] || tb[P4TC_ENTRY_A_PROFILE_ID]) && !e->dynamic &&
	    p4tc_entry_req_fail(req, tb[P4TC_ENTRY_A_AGING] ? P4TC_ENTRY_A_AGING :
			     P4TC_ENTRY_A_PROFILE_ID, "aging is for dynamic entries"))
		return -EINVAL;
	if (tb[P4TC_ENTRY_A_AGING])
		e->aging_ms = nla_get_u32(tb[P4TC_ENTRY_A_AGING]);
	if (tb[P4TC_ENTRY_A_PROFILE_ID]) {
		profile = nla_get_u32(tb[P4TC_ENTRY_A_PROFILE_ID]);
		if (profile >= t->num_profiles) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack,
					       "%s: no timer profile %u, the table has %u",
					       req->obj, profile, t->num_profiles);
			NL_SET_BAD_ATTR(req->extack, tb[P4TC_ENTRY_A_PROFILE_ID]);
			return -EINVAL;
		}
		e->aging_ms = READ_ONCE(t->profile_aging[profile]);
	}
	return 0;
}

/* A new entry (or new version of one) from a request. */
static struct p4tc_entry *p4tc_entry_build(struct p4tc_entry_req *req,
					   const struct p4tc_entry_ident *ident, bool existing)
{
	u32 idlen = p4tc_table_idlen(req->t);
	struct p4tc_actinst *inst = NULL;
	struct p4tc_entry *e;
	int err;

	e = p4tc_entry_alloc(idlen, p4tc_entry_tail(req->t), GFP_KERNEL_ACCOUNT);
	if (!e)
		return ERR_PTR(-ENOMEM);
	p4tc_entry_init_tail(req->t, e);
	memcpy(p4tc_entry_id(e), ident->id, idlen);
	e->prio = ident->prio;
	e->prefixlen = ident->prefixlen;
	err = p4tc_table_parse_action(req->p, req->t, req->nest, &p4tc_entry_act_attrs, false,
				      &e->act, &inst, req->obj, req->net, req->extack);
	if (err)
		goto free_entry;
	e->act.hit = 1;
	if (inst) {
		e->shared = 1;
		e->inst = inst;
	}
	/* An update parses them against the entry it replaces. */
	if (!existing) {
		err = p4tc_entry_parse_attrs(req, e, NULL);
		if (err)
			goto free_entry;
	}
	e->created = p4tc_now();
	e->created_by = req->who;
	return e;

free_entry:
	p4tc_entry_discard(e);
	return ERR_PTR(err);
}

/**
 * p4tc_entry_take_prio() - take the prio of a new lpm or ternary entry
 * @req: the request
 * @e: the entry: the prio asked for, or 0 for any free one
 *
 * Nothing for exact tables.
 *
 * Return: 0, or -EEXIST (the prio is taken), -ENOSPC or -ENOMEM with an
 * extack message.
 */
int p4tc_entry_take_prio(struct p4tc_entry_req *req, struct p4tc_entry *e)
{
	struct p4tc_table *t = req->t;
	int prio;

	if (t->type == P4TC_TABLE_TYPE_EXACT)
		return 0;
	if (e->prio)
		prio = ida_alloc_range(&t->prios, e->prio, e->prio, GFP_KERNEL);
	else
		prio = ida_alloc_range(&t->prios, 1, P4TC_MAX_PRIO, GFP_KERNEL);
	if (prio == -ENOSPC && e->prio) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: prio %u is taken", req->obj, e->prio);
		NL_SET_BAD_ATTR(req->extack, req->tb[P4TC_ENTRY_A_PRIO]);
		return -EEXIST;
	}
	if (prio < 0) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: no free prio", req->obj);
		return prio;
	}
	e->prio = prio;
	e->node.id_prio = p4tc_entry_id_prio(t, prio);
	return 0;
}

static int p4tc_entry_insert(struct p4tc_entry_req *req, struct p4tc_entry *e)
{
	struct p4tc_table *t = req->t;
	int err;

	err = p4tc_entry_take_prio(req, e);
	if (err)
		return err;
	p4tc_store_lock(t);
	err = p4tc_store_insert(t, e);
	/*
	 * Published under the lock: once it is released, @e may go. Const
	 * entries go with their table's event.
	 */
	if (!err && !e->tmpl_created)
		p4tc_entry_notify(req->net, P4TC_CMD_ENTRY_NEW, req->p, t, e, NULL);
	p4tc_store_unlock(t);
	if (!err)
		return 0;
	if (t->type != P4TC_TABLE_TYPE_EXACT)
		ida_free(&t->prios, e->prio);
	p4tc_entry_insert_failed(req, err);
	return err;
}

/**
 * p4tc_entry_insert_failed() - say why p4tc_store_insert() refused an entry
 * @req: the request, for its table and extack
 * @err: what p4tc_store_insert() returned
 */
void p4tc_entry_insert_failed(struct p4tc_entry_req *req, int err)
{
	struct p4tc_table *t = req->t;

	if (err == -EEXIST)
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: an entry with this key exists",
				       req->obj);
	else if (err == -ENOSPC && atomic_read(&t->nentries) >= t->tentries)
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s is full: tentries is %u",
				       req->obj, t->tentries);
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG_FMT_MOD(req->extack,
				       "%s: the entry needs a new mask, nummasks is %u",
				       req->obj, t->nummasks);
	else
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: cannot insert the entry (%d)",
				       req->obj, err);
}

/* A new entry (or new version of one) from a request, with its identity. */
static struct p4tc_entry *p4tc_entry_from_req(struct p4tc_entry_req *req, bool existing)
{
	struct p4tc_entry_ident ident;
	int err;

	err = p4tc_entry_parse_ident(req, &ident, existing);
	return err ? ERR_PTR(err) : p4tc_entry_build(req, &ident, existing);
}

/* Create the request's entry in its table; it belongs to the table then. */
static struct p4tc_entry *p4tc_entry_add(struct p4tc_entry_req *req, bool tmpl_created)
{
	struct p4tc_entry *e;
	int err;

	e = p4tc_entry_from_req(req, false);
	if (IS_ERR(e))
		return e;
	e->tmpl_created = tmpl_created;
	err = p4tc_entry_insert(req, e);
	if (err) {
		p4tc_entry_discard(e);
		return ERR_PTR(err);
	}
	return e;
}

/**
 * p4tc_entry_create_const() - add a const entry given with a table template
 * @p: unsealed pipeline
 * @t: table, ready for entries
 * @nest: P4TC_TABLE_A_ENTRY
 * @net: namespace
 * @extack: error report
 *
 * Return: the entry, or an ERR_PTR() with an extack message.
 */
struct p4tc_entry *p4tc_entry_create_const(struct p4tc_pipeline *p, struct p4tc_table *t,
					   const struct nlattr *nest, struct net *net,
					   struct netlink_ext_ack *extack)
{
	struct p4tc_entry_req req;
	int err;

	err = p4tc_entry_req_init(&req, p, t, NULL, nest, net, extack);
	return err ? ERR_PTR(err) : p4tc_entry_add(&req, true);
}

/**
 * p4tc_entry_remove_const() - take back a const entry of a failed request
 * @t: table of an unsealed pipeline
 * @e: entry p4tc_entry_create_const() added
 */
void p4tc_entry_remove_const(struct p4tc_table *t, struct p4tc_entry *e)
{
	p4tc_store_lock(t);
	p4tc_store_remove(t, e);
	p4tc_store_unlock(t);
	p4tc_entry_free_rcu(e);
}

static int p4tc_entry_create(struct p4tc_entry_req *req)
{
	struct p4tc_entry *e;

	if (!(READ_ONCE(req->t->permissions) & P4TC_CTRL_PERM_C)) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s has no control create permission",
				       req->obj);
		return -EPERM;
	}
	e = p4tc_entry_add(req, false);
	return PTR_ERR_OR_ZERO(e);
}

static bool p4tc_entry_perm_fail(struct p4tc_entry_req *req, const struct p4tc_entry *e,
				 u16 perm, const char *what)
{
	if (e->permissions & perm)
		return false;
	NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: the entry has no control %s permission",
			       req->obj, what);
	return true;
}

/*
 * Update: the new version keeps what the request does not change, the
 * creation record, the use times and the counters (hits counted on the
 * old version between the copy and the switch are lost).
 */
static int p4tc_entry_update(struct p4tc_entry_req *req)
{
	struct p4tc_table *t = req->t;
	struct p4tc_entry *e, *old;
	int err;

	e = p4tc_entry_from_req(req, true);
	if (IS_ERR(e))
		return PTR_ERR(e);
	p4tc_store_lock(t);
	old = p4tc_store_find(t, p4tc_entry_id(e), p4tc_entry_id_prio(t, e->prio));
	err = -ENOENT;
	if (!old) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: no entry with this key", req->obj);
		goto unlock;
	}
	err = -EPERM;
	if (p4tc_entry_perm_fail(req, old, P4TC_CTRL_PERM_U, "update"))
		goto unlock;
	err = p4tc_entry_parse_attrs(req, e, old);
	if (err)
		goto unlock;
	e->updated_by = req->who;
	p4tc_store_replace(t, old, e);
	/* Under the lock: once it is released, @e may go. */
	p4tc_entry_notify(req->net, P4TC_CMD_ENTRY_SET, req->p, t, e, NULL);
unlock:
	p4tc_store_unlock(t);
	if (err) {
		p4tc_entry_discard(e);
		return err;
	}
	p4tc_entry_free_rcu(old);
	return 0;
}

static int p4tc_entry_delete(struct p4tc_entry_req *req)
{
	struct p4tc_table *t = req->t;
	struct p4tc_entry_ident ident;
	struct p4tc_entry *e;
	int err;

	err = p4tc_entry_parse_ident(req, &ident, true);
	if (err)
		return err;
	p4tc_store_lock(t);
	e = p4tc_store_find(t, ident.id, p4tc_entry_id_prio(t, ident.prio));
	err = -ENOENT;
	if (!e)
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: no entry with this key", req->obj);
	else if (p4tc_entry_perm_fail(req, e, P4TC_CTRL_PERM_D, "delete"))
		err = -EPERM;
	else
		err = p4tc_store_remove(t, e);
	p4tc_store_unlock(t);
	if (err)
		return err;
	p4tc_entry_notify(req->net, P4TC_CMD_ENTRY_DEL, req->p, t, e, &req->who);
	p4tc_entry_free_rcu(e);
	return 0;
}

/* Apply tbl_attrs: default actions, permissions and timer profiles. */
static int p4tc_entry_tbl_attrs(struct p4tc_entry_req *req)
{
	struct p4tc_defact *hit = NULL, *miss = NULL;
	u32 aging[P4TC_MAX_TIMER_PROFILES];
	struct sk_buff *event;
	void *hdr;
	struct nlattr *tb[P4TC_TABLE_A_MAX + 1];
	const struct nlattr *attr;
	struct p4tc_table *t = req->t;
	int rem, err;
	u16 perms;

	err = nla_parse_nested(tb, P4TC_TABLE_A_MAX, req->tb[P4TC_ENTRY_A_TBL_ATTRS],
			       p4tc_tbl_attrs_policy, req->extack);
	if (err)
		return err;
	spin_lock_bh(&t->lock);
	memcpy(aging, t->profile_aging, sizeof(aging));
	spin_unlock_bh(&t->lock);
	nla_for_each_nested(attr, req->tb[P4TC_ENTRY_A_TBL_ATTRS], rem) {
		if (nla_type(attr) != P4TC_TABLE_A_TIMER_PROFILE)
			continue;
		err = p4tc_table_parse_profile(t, attr, aging, req->obj, req->extack);
		if (err)
			return err;
	}
	if (tb[P4TC_TABLE_A_DEFAULT_HIT]) {
		hit = p4tc_defact_parse(req->p, t, tb[P4TC_TABLE_A_DEFAULT_HIT], req->net,
					req->extack);
		if (IS_ERR(hit))
			return PTR_ERR(hit);
	}
	if (tb[P4TC_TABLE_A_DEFAULT_MISS]) {
		miss = p4tc_defact_parse(req->p, t, tb[P4TC_TABLE_A_DEFAULT_MISS], req->net,
					 req->extack);
		if (IS_ERR(miss)) {
			err = PTR_ERR(miss);
			miss = NULL;
			goto free_defacts;
		}
	}
	spin_lock_bh(&t->lock);
	perms = t->permissions;
	err = -EPERM;
	if ((tb[P4TC_TABLE_A_PERMISSIONS] || tb[P4TC_TABLE_A_TIMER_PROFILE]) &&
	    !(perms & P4TC_CTRL_PERM_U)) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s has no control update permission",
				       req->obj);
		goto unlock;
	}
	/* Both default actions must allow the change before either changes. */
	if (tb[P4TC_TABLE_A_DEFAULT_HIT]) {
		err = p4tc_defact_check(t->default_hit, hit, "default hit action",
					req->obj, req->extack);
		if (err)
			goto unlock;
	}
	if (tb[P4TC_TABLE_A_DEFAULT_MISS]) {
		err = p4tc_defact_check(t->default_miss, miss, "default miss action",
					req->obj, req->extack);
		if (err)
			goto unlock;
	}
	if (tb[P4TC_TABLE_A_DEFAULT_HIT])
		p4tc_defact_replace(&t->default_hit, hit);
	if (tb[P4TC_TABLE_A_DEFAULT_MISS])
		p4tc_defact_replace(&t->default_miss, miss);
	if (tb[P4TC_TABLE_A_PERMISSIONS])
		WRITE_ONCE(t->permissions, nla_get_u16(tb[P4TC_TABLE_A_PERMISSIONS]));
	memcpy(t->profile_aging, aging, sizeof(aging));
	spin_unlock_bh(&t->lock);
	/* Published as the table's new state, as a template update is. */
	event = p4tc_nl_event_new(req->net, P4TC_CMD_TABLE_SET, P4TC_TABLE_MSG_SIZE, &hdr,
				  GFP_KERNEL);
	if (event && p4tc_table_ops.fill(event, req->p, t)) {
		nlmsg_free(event);
		event = NULL;
	}
	p4tc_nl_event_send(req->net, event, hdr, GFP_KERNEL);
	return 0;

unlock:
	spin_unlock_bh(&t->lock);
free_defacts:
	p4tc_defact_free(hit);
	p4tc_defact_free(miss);
	return err;
}

static int p4tc_entry_change(struct p4tc_entry_req *req, u8 cmd)
{
	bool has_key = req->tb[P4TC_ENTRY_A_KEY];

	if (req->tb[P4TC_ENTRY_A_FILTER]) {
		NL_SET_ERR_MSG_FMT_MOD(req->extack, "%s: filters go with dumps and flushes",
				       req->obj);
		NL_SET_BAD_ATTR(req->extack, req->tb[P4TC_ENTRY_A_FILTER]);
		return -EINVAL;
	}
	if (req->tb[P4TC_ENTRY_A_TBL_ATTRS]) {
		if (cmd != P4TC_CMD_ENTRY_SET || has_key) {
			NL_SET_ERR_MSG_FMT_MOD(req->extack,
					       "%s: tbl_attrs go with an update and no key",
					       req->obj);
			NL_SET_BAD_ATTR(req->extack, req->tb[P4TC_ENTRY_A_TBL_ATTRS]);
			return -EINVAL;
		}
		return p4tc_entry_tbl_attrs(req);
	}
	switch (cmd) {
	case P4TC_CMD_ENTRY_NEW:
		return p4tc_entry_create(req);
	case P4TC_CMD_ENTRY_SET:
		return p4tc_entry_update(req);
	}
	return p4tc_entry_delete(req);
}

/* An extack message without the module's name in front. */
static const char *p4tc_nl_unprefixed(const char *msg)
{
	static const char prefix[] = KBUILD_MODNAME ": ";

	if (!msg)
		return "failed";
	return strncmp(msg, prefix, sizeof(prefix) - 1) ? msg : msg + sizeof(prefix) - 1;
}

/*
 * Run a create, update or delete for each P4TC_A_ENTRY of the request, and
 * a create for each record of its P4TC_A_ENTRY_BULK nests, in order,
 * stopping at the first failure: the ones before it are applied.
 */
static int p4tc_entry_batch(struct genl_info *info, u8 cmd)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	unsigned int n = 0, total = 0;
	struct p4tc_table *prev = NULL;
	struct p4tc_entry_bulk bulk;
	struct p4tc_entry_req req;
	u32 i;
	struct p4tc_pipeline *p;
	const struct nlattr *attr;
	int rem, err = 0;

	p = p4tc_pipeline_get(net, info->attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nlmsg_for_each_attr(attr, info->nlhdr, GENL_HDRLEN, rem) {
		if (nla_type(attr) == P4TC_A_ENTRY)
			total++;
		else if (nla_type(attr) == P4TC_A_ENTRY_BULK)
			total += p4tc_bulk_count(attr);
	}
	if (!total) {
		NL_SET_ERR_MSG_MOD(extack, "missing entry attributes");
		NL_SET_ERR_ATTR_MISS(extack, NULL, P4TC_A_ENTRY);
		err = -EINVAL;
		goto put_pipeline;
	}
	nlmsg_for_each_attr(attr, info->nlhdr, GENL_HDRLEN, rem) {
		/* The policies of other commands refuse bulk nests. */
		if (nla_type(attr) == P4TC_A_ENTRY_BULK && cmd == P4TC_CMD_ENTRY_NEW) {
			err = p4tc_bulk_init(&req, &bulk, p, attr, net, extack);
			for (i = 0; !err && i < bulk.nrecords; i += P4TC_BULK_CHUNK) {
				n += p4tc_bulk_add(&req, &bulk, i,
						   min_t(u32, bulk.nrecords - i, P4TC_BULK_CHUNK),
						   &err);
				cond_resched();
			}
			if (err)
				break;
			prev = NULL;
			continue;
		}
		if (nla_type(attr) != P4TC_A_ENTRY)
			continue;
		err = p4tc_entry_req_init(&req, p, NULL, prev, attr, net, extack);
		if (!err)
			err = p4tc_entry_change(&req, cmd);
		if (err)
			break;
		prev = req.t;
		n++;
		cond_resched();
	}
	if (err && total > 1)
		NL_SET_ERR_MSG_FMT_MOD(extack, "entry %u of %u: %s (%u applied)", n + 1, total,
				       p4tc_nl_unprefixed(extack->_msg), n);
put_pipeline:
	p4tc_pipeline_put(p);
	return err;
}

/**
 * p4tc_nl_entry_new() - P4TC_CMD_ENTRY_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Creates each entry of the request in order, up to the first failure.
 *
 * Return: 0, -EEXIST if a key is in its table, -ENOSPC if a table is full
 * or out of masks, -EPERM without control create permission, or another
 * negative errno; always with an extack message.
 */
int p4tc_nl_entry_new(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_entry_batch(info, P4TC_CMD_ENTRY_NEW);
}

/**
 * p4tc_nl_entry_set() - P4TC_CMD_ENTRY_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Replaces the action, params and attributes of each entry of the
 * request, or with tbl_attrs and no key, changes the table's default
 * actions, permissions and timer profiles.
 *
 * Return: 0, -ENOENT if a key is not in its table, -EPERM if a permission
 * is missing, or another negative errno; always with an extack message.
 */
int p4tc_nl_entry_set(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_entry_batch(info, P4TC_CMD_ENTRY_SET);
}

static int p4tc_who_put(struct sk_buff *skb, int attrtype, const struct p4tc_who *who)
{
	struct nlattr *nest;

	if (!who->entity)
		return 0;
	nest = nla_nest_start(skb, attrtype);
	if (!nest ||
	    nla_put_u8(skb, P4TC_WHO_A_ENTITY, who->entity) ||
	    nla_put_u32(skb, P4TC_WHO_A_PID, who->pid) ||
	    nla_put_string(skb, P4TC_WHO_A_COMM, who->comm))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_entry_put_counters(struct sk_buff *skb, const struct p4tc_entry *e)
{
	struct p4tc_counters *c = p4tc_entry_counters((struct p4tc_entry *)e);

	return p4tc_put_counters(skb, P4TC_ENTRY_A_COUNTERS, atomic64_read(&c->packets),
				 atomic64_read(&c->bytes));
}

static int p4tc_entry_fill(struct sk_buff *skb, struct p4tc_pipeline *p,
			   const struct p4tc_table *t, const struct p4tc_entry *e,
			   const struct p4tc_who *deleted_by)
{
	struct nlattr *nest;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_ENTRY);
	if (!nest ||
	    nla_put_u32(skb, P4TC_ENTRY_A_TABLE_ID, t->id) ||
	    nla_put_string(skb, P4TC_ENTRY_A_TABLE_NAME, t->name) ||
	    nla_put(skb, P4TC_ENTRY_A_KEY, t->keylen, p4tc_entry_id(e)) ||
	    (t->type != P4TC_TABLE_TYPE_EXACT &&
	     nla_put(skb, P4TC_ENTRY_A_MASK, t->keylen, p4tc_entry_id(e) + t->keylen)) ||
	    nla_put_u32(skb, P4TC_ENTRY_A_PRIO, e->prio) ||
	    nla_put_u16(skb, P4TC_ENTRY_A_PERMISSIONS, e->permissions) ||
	    nla_put_u32(skb, P4TC_ENTRY_A_FLAGS, P4TC_ENTRY_FLAGS_NOT_IN_HW |
			(e->skip_hw ? P4TC_ENTRY_FLAGS_SKIP_HW : 0)) ||
	    (e->act.act_id && p4tc_put_action(skb, p, &e->act, e->shared ? e->inst : NULL,
					      &p4tc_entry_act_attrs)) ||
	    (e->dynamic && (nla_put_flag(skb, P4TC_ENTRY_A_DYNAMIC) ||
			    nla_put_u32(skb, P4TC_ENTRY_A_AGING, e->aging_ms))) ||
	    (e->tmpl_created && nla_put_flag(skb, P4TC_ENTRY_A_TMPL_CREATED)) ||
	    p4tc_put_tm(skb, P4TC_ENTRY_A_TM, e->created, READ_ONCE(e->lastused),
			READ_ONCE(e->firstused)) ||
	    p4tc_who_put(skb, P4TC_ENTRY_A_CREATED_BY, &e->created_by) ||
	    p4tc_who_put(skb, P4TC_ENTRY_A_UPDATED_BY, &e->updated_by) ||
	    (t->counters && p4tc_entry_put_counters(skb, e)) ||
	    (deleted_by && p4tc_who_put(skb, P4TC_ENTRY_A_DELETED_BY, deleted_by))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_entry_notify() - tell the events group about an entry change
 * @net: namespace
 * @cmd: P4TC_CMD_ENTRY_NEW, _SET or _DEL
 * @p: pipeline
 * @t: table
 * @e: the entry; the caller keeps it alive (holds the writer lock or RCU,
 *     or has not freed it yet)
 * @who: who deleted it, or NULL
 *
 * Context: any; allocates with GFP_ATOMIC, and only if somebody listens.
 */
void p4tc_entry_notify(struct net *net, u8 cmd, struct p4tc_pipeline *p,
		       const struct p4tc_table *t, const struct p4tc_entry *e,
		       const struct p4tc_who *who)
{
	struct sk_buff *event;
	void *hdr;

	event = p4tc_nl_event_new(net, cmd, NLMSG_GOODSIZE, &hdr, GFP_ATOMIC);
	if (!event)
		return;
	if (p4tc_entry_fill(event, p, t, e, who)) {
		nlmsg_free(event);
		return;
	}
	p4tc_nl_event_send(net, event, hdr, GFP_ATOMIC);
}

/**
 * p4tc_nl_entry_get() - P4TC_CMD_ENTRY_GET handler for one key
 * @skb: request
 * @info: request attributes
 *
 * Return: 0, -ENOENT, -EPERM without control read permission, or another
 * negative errno; with an extack message.
 */
int p4tc_nl_entry_get(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_entry_ident ident;
	struct p4tc_entry_req req;
	struct p4tc_pipeline *p;
	struct p4tc_entry *e;
	struct sk_buff *msg;
	void *hdr;
	int err;

	if (p4tc_nl_attr_missing(extack, NULL, info->attrs, P4TC_A_ENTRY, "entry attributes"))
		return -EINVAL;
	p = p4tc_pipeline_get(net, info->attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = p4tc_entry_req_init(&req, p, NULL, NULL, info->attrs[P4TC_A_ENTRY], net, extack);
	if (err)
		goto put_pipeline;
	err = p4tc_entry_parse_ident(&req, &ident, true);
	if (err)
		goto put_pipeline;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg) {
		err = -ENOMEM;
		goto put_pipeline;
	}
	hdr = p4tc_nl_reply_start(msg, info);
	rcu_read_lock();
	e = p4tc_store_find(req.t, ident.id, p4tc_entry_id_prio(req.t, ident.prio));
	if (!e) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: no entry with this key", req.obj);
		err = -ENOENT;
	} else if (p4tc_entry_perm_fail(&req, e, P4TC_CTRL_PERM_R, "read")) {
		err = -EPERM;
	} else if (!hdr || p4tc_entry_fill(msg, p, req.t, e, NULL)) {
		err = -EMSGSIZE;
	}
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		goto put_pipeline;
	}
	err = p4tc_nl_reply(msg, hdr, info);
put_pipeline:
	p4tc_pipeline_put(p);
	return err;
}

/*
 * Remove the entries for which @match() holds, one bucket of the table's
 * hash at a time: looked at under RCU, then if one matches, walked again
 * under the writer lock to remove. The CPU breathes every so often in big
 * tables. Flushes run on sealed pipelines and aging stops around a resize
 * (p4tc_store_resize()), so the hash stays the same meanwhile.
 */
#define P4TC_WALK_BATCH	1024

static u32 p4tc_entry_remove_if(struct p4tc_table *t,
				bool (*match)(const struct p4tc_entry *e, unsigned long now,
					      const struct p4tc_filter *f),
				const struct p4tc_filter *filter, const struct p4tc_who *who)
{
	unsigned long now = jiffies;
	struct p4tc_entry *e, *next;
	u32 b, count = 0;
	bool matched;

	for (b = 0; b <= t->entries->mask && atomic_read(&t->nentries); b++) {
		if (!(b % P4TC_WALK_BATCH))
			cond_resched();
		rcu_read_lock();
		for (e = p4tc_store_chain(t, b, NULL); e && !match(e, now, filter);
		     e = p4tc_store_chain(t, b, e))
			;
		rcu_read_unlock();
		if (!e)
			continue;
		p4tc_store_lock(t);
		for (e = p4tc_store_chain(t, b, NULL); e; e = next) {
			next = p4tc_store_chain(t, b, e);
			/* A filter may read an action instance's params: RCU's. */
			rcu_read_lock();
			matched = match(e, now, filter);
			rcu_read_unlock();
			if (!matched || p4tc_store_remove(t, e))
				continue;
			/* Removals by aging are published if the entry allows. */
			if (who && e->permissions & P4TC_CTRL_PERM_P)
				p4tc_entry_notify(t->net, P4TC_CMD_ENTRY_DEL, t->p, t, e, who);
			p4tc_entry_free_rcu(e);
			count++;
		}
		p4tc_store_unlock(t);
	}
	return count;
}

static bool p4tc_entry_deletable(const struct p4tc_entry *e, unsigned long now,
				 const struct p4tc_filter *filter)
{
	return e->permissions & P4TC_CTRL_PERM_D && p4tc_filter_match(filter, e, now);
}

static bool p4tc_entry_expired(const struct p4tc_entry *e, unsigned long now,
			       const struct p4tc_filter *filter)
{
	u32 used = READ_ONCE(e->lastused) ?: e->created;

	return e->dynamic && (u32)now - used > msecs_to_jiffies(e->aging_ms);
}

/**
 * p4tc_entry_aging_work() - remove dynamic entries idle beyond their aging
 * @work: the table's aging_work
 *
 * Runs every P4TC_AGING_PERIOD while the table has dynamic entries.
 */
void p4tc_entry_aging_work(struct work_struct *work)
{
	struct p4tc_table *t = container_of(to_delayed_work(work), struct p4tc_table,
					    aging_work);
	struct p4tc_who timer;

	p4tc_who_set(&timer, P4TC_ENTITY_TIMER);
	p4tc_entry_remove_if(t, p4tc_entry_expired, NULL, &timer);
	if (atomic_read(&t->ndynamic))
		p4tc_store_start_aging(t);
}

/* The reply to a flush, which also goes to the events group. */
static int p4tc_entry_flush_reply(struct p4tc_pipeline *p, const struct p4tc_table *t,
				  u32 count, struct genl_info *info)
{
	struct sk_buff *msg;
	struct nlattr *nest;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = p4tc_nl_reply_start(msg, info);
	if (!hdr || p4tc_pipeline_put_id(msg, p) ||
	    nla_put_u32(msg, P4TC_A_COUNT, count))
		goto cancel;
	nest = nla_nest_start(msg, P4TC_A_ENTRY);
	if (!nest ||
	    nla_put_u32(msg, P4TC_ENTRY_A_TABLE_ID, t->id) ||
	    nla_put_string(msg, P4TC_ENTRY_A_TABLE_NAME, t->name))
		goto cancel;
	nla_nest_end(msg, nest);
	return p4tc_nl_reply(msg, hdr, info);

cancel:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

/**
 * p4tc_nl_entry_del() - P4TC_CMD_ENTRY_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * With keys, deletes those entries, in order, up to the first failure.
 * With one entry nest and no key, flushes the table: every entry with
 * control delete permission goes, and the reply says how many in
 * P4TC_A_COUNT.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_entry_del(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_filter *filter = NULL;
	struct p4tc_entry_req req;
	struct p4tc_pipeline *p;
	u32 count;
	int err;

	if (p4tc_nl_attr_missing(extack, NULL, info->attrs, P4TC_A_ENTRY, "entry attributes"))
		return -EINVAL;
	p = p4tc_pipeline_get(net, info->attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = p4tc_entry_req_init(&req, p, NULL, NULL, info->attrs[P4TC_A_ENTRY], net, extack);
	if (err || req.tb[P4TC_ENTRY_A_KEY]) {
		p4tc_pipeline_put(p);
		return err ?: p4tc_entry_batch(info, P4TC_CMD_ENTRY_DEL);
	}
	if (!(READ_ONCE(req.t->permissions) & P4TC_CTRL_PERM_D)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s has no control delete permission", req.obj);
		err = -EPERM;
		goto put_pipeline;
	}
	if (req.tb[P4TC_ENTRY_A_FILTER]) {
		filter = p4tc_filter_parse(req.tb[P4TC_ENTRY_A_FILTER], req.t, req.obj, extack);
		if (IS_ERR(filter)) {
			err = PTR_ERR(filter);
			goto put_pipeline;
		}
	}
	count = p4tc_entry_remove_if(req.t, p4tc_entry_deletable, filter, NULL);
	p4tc_filter_free(filter);
	err = p4tc_entry_flush_reply(p, req.t, count, info);
put_pipeline:
	p4tc_pipeline_put(p);
	return err;
}

/*
 * Dump state, kept in cb->ctx between calls: where the walk is, as a bucket
 * of the table's hash and the entries of that bucket already dumped.
 */
struct p4tc_entry_dump {
	struct p4tc_pipeline *p;
	struct p4tc_table *t;
	struct p4tc_filter *filter;
	u32 bucket;
	u32 skip;
};

/*
 * Set a dump up, in its first call rather than in a start callback: 6.1
 * gives start callbacks no extack. Holds a reference on the pipeline until
 * p4tc_nl_entry_dump_done().
 */
static int p4tc_entry_dump_init(struct netlink_callback *cb)
{
	struct p4tc_entry_dump *dump = (struct p4tc_entry_dump *)cb->ctx;
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(cb->skb->sk);
	struct p4tc_entry_req req;
	struct p4tc_pipeline *p;
	int err;

	BUILD_BUG_ON(sizeof(*dump) > sizeof(cb->ctx));
	if (p4tc_nl_attr_missing(cb->extack, NULL, attrs, P4TC_A_ENTRY, "entry attributes"))
		return -EINVAL;
	p = p4tc_pipeline_get(net, attrs[P4TC_A_PIPELINE], cb->extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = p4tc_entry_req_init(&req, p, NULL, NULL, attrs[P4TC_A_ENTRY], net, cb->extack);
	if (err)
		goto put_pipeline;
	err = -EPERM;
	if (!(READ_ONCE(req.t->permissions) & P4TC_CTRL_PERM_R)) {
		NL_SET_ERR_MSG_FMT_MOD(cb->extack, "%s has no control read permission",
				       req.obj);
		goto put_pipeline;
	}
	if (req.tb[P4TC_ENTRY_A_FILTER]) {
		dump->filter = p4tc_filter_parse(req.tb[P4TC_ENTRY_A_FILTER], req.t, req.obj,
						 cb->extack);
		if (IS_ERR(dump->filter)) {
			err = PTR_ERR(dump->filter);
			dump->filter = NULL;
			goto put_pipeline;
		}
	}
	dump->p = p;
	dump->t = req.t;
	return 0;

put_pipeline:
	p4tc_pipeline_put(p);
	return err;
}

/**
 * p4tc_nl_entry_dump() - dump a table's readable entries, one message each
 * @skb: dump buffer
 * @cb: dump state
 *
 * The entries can be filtered (P4TC_ENTRY_A_FILTER).
 *
 * Return: bytes in @skb, 0 when done; -EPERM if the table has no control
 * read permission, or another negative errno, with an extack message.
 */
int p4tc_nl_entry_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct p4tc_entry_dump *dump = (struct p4tc_entry_dump *)cb->ctx;
	struct p4tc_entry *e;
	u32 bucket, i;
	int err;

	if (!dump->p) {
		err = p4tc_entry_dump_init(cb);
		if (err)
			return err;
	}
	rcu_read_lock();
	bucket = dump->bucket;
	e = p4tc_store_next(dump->t, &bucket, NULL);
	for (i = 0; e && bucket == dump->bucket && i < dump->skip; i++)
		e = p4tc_store_next(dump->t, &bucket, e);
	for (; e; e = p4tc_store_next(dump->t, &bucket, e)) {
		void *hdr;

		if (bucket != dump->bucket) {
			dump->bucket = bucket;
			dump->skip = 0;
		}
		if ((e->permissions & P4TC_CTRL_PERM_R) &&
		    p4tc_filter_match(dump->filter, e, jiffies)) {
			hdr = p4tc_nl_dump_start(skb, cb);
			if (!hdr)
				break;
			if (p4tc_entry_fill(skb, dump->p, dump->t, e, NULL)) {
				genlmsg_cancel(skb, hdr);
				break;
			}
			genlmsg_end(skb, hdr);
		}
		dump->skip++;
	}
	if (!e)
		dump->bucket = dump->t->entries->mask + 1;
	rcu_read_unlock();
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

	if (dump->p) {
		p4tc_filter_free(dump->filter);
		p4tc_pipeline_put(dump->p);
	}
	return 0;
}
