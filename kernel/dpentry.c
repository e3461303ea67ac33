// SPDX-License-Identifier: GPL-2.0
/*
 * Entries written by the datapath: what the create, create_on_miss,
 * update and delete kfuncs do (kfuncs.c has their entry points). Only
 * exact tables, as upstream P4TC: their writer lock is a spinlock taken
 * with bottom halves off, which a program running in softirq may take, and
 * their entries need nothing but one allocation, which here is GFP_ATOMIC.
 * Entries the datapath creates are dynamic: they age by the timer profile
 * the program names.
 */
#include "p4tc.h"

/* The exact table a datapath write names, with the permission it needs. */
static struct p4tc_table *p4tc_dp_table(struct net *net,
					const struct p4tc_table_entry_create_bpf_params *params,
					u32 params__sz, u32 key__sz, u16 perm)
{
	struct p4tc_table *t;

	if (!net || params__sz != sizeof(*params))
		return ERR_PTR(-EINVAL);
	t = p4tc_table_cached_rcu(net, params->pipeid, params->tblid);
	if (!t)
		return ERR_PTR(-ENOENT);
	if (t->type != P4TC_TABLE_TYPE_EXACT)
		return ERR_PTR(-EOPNOTSUPP);
	if (!p4tc_key_blob_fits(t, key__sz))
		return ERR_PTR(-EINVAL);
	if (!(READ_ONCE(t->permissions) & perm))
		return ERR_PTR(-EPERM);
	return t;
}

/* Whether @t takes @act_id in entries: allowed, and an active action. */
static bool p4tc_dp_action_ok(const struct p4tc_table *t, u32 act_id)
{
	const struct p4tc_action *a;

	if (!act_id)
		return true;
	if (!p4tc_table_act_allowed(t, act_id, false))
		return false;
	a = p4tc_action_find(t->p, act_id, NULL);
	return a && a->active;
}

/* A new entry with the key and action of a datapath write. */
static struct p4tc_entry *p4tc_dp_build(struct p4tc_table *t,
					const struct p4tc_table_entry_create_bpf_params *params,
					const u8 *key)
{
	u32 profile = params->profile_id;
	struct p4tc_entry *e;

	if (!p4tc_dp_action_ok(t, params->act_bpf.act_id))
		return ERR_PTR(-EINVAL);
	e = p4tc_entry_alloc(t->keylen, p4tc_entry_tail(t), GFP_ATOMIC);
	if (!e)
		return ERR_PTR(-ENOMEM);
	p4tc_entry_init_tail(t, e);
	memcpy(p4tc_entry_id(e), key, t->keylen);
	e->act.act_id = params->act_bpf.act_id;
	memcpy(e->act.params, params->act_bpf.params, sizeof(e->act.params));
	e->act.hit = 1;
	e->prio = P4TC_EXACT_PRIO;
	e->permissions = p4tc_entry_default_perms(t);
	e->dynamic = 1;
	if (profile >= t->num_profiles)
		profile = 0;
	e->aging_ms = READ_ONCE(t->profile_aging[profile]);
	e->created = p4tc_now();
	p4tc_who_set(&e->created_by, P4TC_ENTITY_KERNEL);
	return e;
}

/* Datapath changes are published if the entry allows it (data P bit). */
static void p4tc_dp_publish(struct p4tc_table *t, u8 cmd, const struct p4tc_entry *e,
			    const struct p4tc_who *who)
{
	if (e->permissions & P4TC_DATA_PERM_P)
		p4tc_entry_notify(t->net, cmd, t->p, t, e, who);
}

/**
 * p4tc_dp_entry_create() - add an entry from the datapath
 * @net: namespace of the packet
 * @params: action, timer profile, pipeline and table
 * @params__sz: sizeof(*@params)
 * @key: key blob: struct p4tc_table_entry_key_hdr, then the key bytes
 * @key__sz: 8 + the table's key bytes rounded up to 8
 * @on_miss: look first, and allocate nothing if the key is there
 *
 * Context: RCU read side (a BPF program); does not sleep.
 * Return: 0; -EEXIST if the key has an entry; -ENOSPC if the table has
 * tentries entries; -EPERM without the table's data-path create
 * permission; -EOPNOTSUPP for lpm and ternary tables; -ENOENT for an
 * unknown or unsealed pipeline or table; -EINVAL for wrong sizes or an
 * action the table does not take; -ENOMEM.
 */
int p4tc_dp_entry_create(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz, bool on_miss)
{
	const u8 *k = (const u8 *)key + sizeof(struct p4tc_table_entry_key_hdr);
	struct p4tc_table *t;
	struct p4tc_entry *e;
	int err;

	t = p4tc_dp_table(net, params, params__sz, key__sz, P4TC_DATA_PERM_C);
	if (IS_ERR(t))
		return PTR_ERR(t);
	if (on_miss && p4tc_store_lookup(t, k))
		return -EEXIST;
	e = p4tc_dp_build(t, params, k);
	if (IS_ERR(e))
		return PTR_ERR(e);
	p4tc_store_lock(t);
	err = p4tc_store_insert(t, e);
	p4tc_store_unlock(t);
	if (err) {
		p4tc_entry_free(e);
		return err;
	}
	p4tc_dp_publish(t, P4TC_CMD_ENTRY_NEW, e, NULL);
	return 0;
}

/**
 * p4tc_dp_entry_update() - replace an entry's action from the datapath
 * @net: namespace of the packet
 * @params: the new action, pipeline and table (the timer profile is kept)
 * @params__sz: sizeof(*@params)
 * @key: key blob
 * @key__sz: 8 + the table's key bytes rounded up to 8
 *
 * The entry keeps its identity, times, creator, aging and counters.
 *
 * Context: RCU read side; does not sleep.
 * Return: 0; -ENOENT if the key has no entry (or as for
 * p4tc_dp_entry_create() for the table); -EPERM without the table's or the
 * entry's data-path update permission; -EINVAL, -ENOMEM.
 */
int p4tc_dp_entry_update(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz)
{
	const u8 *k = (const u8 *)key + sizeof(struct p4tc_table_entry_key_hdr);
	struct p4tc_entry *e, *old;
	struct p4tc_table *t;
	int err = 0;

	t = p4tc_dp_table(net, params, params__sz, key__sz, P4TC_DATA_PERM_U);
	if (IS_ERR(t))
		return PTR_ERR(t);
	e = p4tc_dp_build(t, params, k);
	if (IS_ERR(e))
		return PTR_ERR(e);
	p4tc_store_lock(t);
	old = p4tc_store_lookup(t, k);
	if (!old) {
		err = -ENOENT;
	} else if (!(old->permissions & P4TC_DATA_PERM_U)) {
		err = -EPERM;
	} else {
		e->permissions = old->permissions;
		e->skip_hw = old->skip_hw;
		e->dynamic = old->dynamic;
		e->aging_ms = old->aging_ms;
		p4tc_who_set(&e->updated_by, P4TC_ENTITY_KERNEL);
		p4tc_store_replace(t, old, e);
	}
	p4tc_store_unlock(t);
	if (err) {
		p4tc_entry_free(e);
		return err;
	}
	p4tc_entry_free_rcu(old);
	p4tc_dp_publish(t, P4TC_CMD_ENTRY_SET, e, NULL);
	return 0;
}

/**
 * p4tc_dp_entry_delete() - remove an entry from the datapath
 * @net: namespace of the packet
 * @params: pipeline and table (the action is ignored)
 * @params__sz: sizeof(*@params)
 * @key: key blob
 * @key__sz: 8 + the table's key bytes rounded up to 8
 *
 * Context: RCU read side; does not sleep.
 * Return: 0; -ENOENT if the key has no entry (or as for
 * p4tc_dp_entry_create() for the table); -EPERM without the table's or the
 * entry's data-path delete permission; -EINVAL.
 */
int p4tc_dp_entry_delete(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz)
{
	const u8 *k = (const u8 *)key + sizeof(struct p4tc_table_entry_key_hdr);
	struct p4tc_table *t;
	struct p4tc_entry *e;
	struct p4tc_who who;
	int err;

	t = p4tc_dp_table(net, params, params__sz, key__sz, P4TC_DATA_PERM_D);
	if (IS_ERR(t))
		return PTR_ERR(t);
	p4tc_store_lock(t);
	e = p4tc_store_lookup(t, k);
	if (!e)
		err = -ENOENT;
	else if (!(e->permissions & P4TC_DATA_PERM_D))
		err = -EPERM;
	else
		err = p4tc_store_remove(t, e);
	p4tc_store_unlock(t);
	if (err)
		return err;
	p4tc_who_set(&who, P4TC_ENTITY_KERNEL);
	p4tc_dp_publish(t, P4TC_CMD_ENTRY_DEL, e, &who);
	p4tc_entry_free_rcu(e);
	return 0;
}
