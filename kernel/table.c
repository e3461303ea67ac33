// SPDX-License-Identifier: GPL-2.0
/*
 * Table templates: key width and optional key schema, capacity, type and
 * permissions. Templates change only while their pipeline is unsealed;
 * entries exist only once it is sealed.
 */
#include <linux/hash.h>
#include <linux/slab.h>

#include "netlink.h"

/**
 * p4tc_table_lookup_rcu() - find a table of a sealed pipeline from the datapath
 * @p: sealed pipeline
 * @tblid: table id
 *
 * Context: RCU read side.
 * Return: the table or NULL.
 */
struct p4tc_table *p4tc_table_lookup_rcu(struct p4tc_pipeline *p, u32 tblid)
{
	return idr_find(&p->tables, tblid);
}

/* Free what a table template allocated, but not its store. */
static void p4tc_table_free_tmpl(struct p4tc_table *t)
{
	p4tc_defact_free(rcu_dereference_protected(t->default_hit, true));
	p4tc_defact_free(rcu_dereference_protected(t->default_miss, true));
	kfree(t->acts);
	kfree(t->keyfields);
	kfree(t);
}

/* Copy the template attributes a create or update sets. */
static void p4tc_table_copy_tmpl(struct p4tc_table *dst, const struct p4tc_table *src)
{
	dst->type = src->type;
	dst->keysz = src->keysz;
	dst->keylen = src->keylen;
	dst->tentries = src->tentries;
	dst->nummasks = src->nummasks;
	dst->permissions = src->permissions;
	dst->counters = src->counters;
	dst->direct_counter = src->direct_counter;
	dst->direct_meter = src->direct_meter;
	dst->num_keyfields = src->num_keyfields;
	dst->num_acts = src->num_acts;
	dst->num_profiles = src->num_profiles;
	memcpy(dst->profile_aging, src->profile_aging, sizeof(dst->profile_aging));
}

/**
 * p4tc_tables_use_action() - whether a table refers to an action
 * @p: pipeline
 * @act_id: action id
 *
 * Context: holds the namespace's p4tc lock.
 * Return: true if a table allows the action, has it as a default action
 * or has a const entry with it.
 */
bool p4tc_tables_use_action(struct p4tc_pipeline *p, u32 act_id)
{
	const struct p4tc_defact *hit, *miss;
	unsigned long tmp, id;
	struct p4tc_table *t;
	struct p4tc_entry *e;
	u32 i, bucket;

	idr_for_each_entry_ul(&p->tables, t, tmp, id) {
		for (i = 0; i < t->num_acts; i++)
			if (t->acts[i].act_id == act_id)
				return true;
		hit = rcu_dereference_protected(t->default_hit, true);
		miss = rcu_dereference_protected(t->default_miss, true);
		if ((hit && hit->act.act_id == act_id) || (miss && miss->act.act_id == act_id))
			return true;
		rcu_read_lock();
		bucket = 0;
		for (e = p4tc_store_next(t, &bucket, NULL); e; e = p4tc_store_next(t, &bucket, e))
			if (e->act.act_id == act_id)
				break;
		rcu_read_unlock();
		if (e)
			return true;
	}
	return false;
}

/**
 * p4tc_table_parse_profile() - parse a timer profile's new aging
 * @t: table
 * @attr: P4TC_TABLE_A_TIMER_PROFILE
 * @aging: the table's profile agings, updated
 * @obj: the table, for messages
 * @extack: error report
 *
 * Return: 0 or -EINVAL with an extack message.
 */
int p4tc_table_parse_profile(const struct p4tc_table *t, const struct nlattr *attr,
			     u32 *aging, const char *obj, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_TIMER_PROFILE_A_MAX + 1];
	u32 id;
	int err;

	err = nla_parse_nested(tb, P4TC_TIMER_PROFILE_A_MAX, attr, p4tc_timer_profile_policy,
			       extack);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, attr, tb, P4TC_TIMER_PROFILE_A_ID,
				 "timer profile id") ||
	    p4tc_nl_attr_missing(extack, attr, tb, P4TC_TIMER_PROFILE_A_AGING,
				 "timer profile aging"))
		return -EINVAL;
	id = nla_get_u32(tb[P4TC_TIMER_PROFILE_A_ID]);
	if (id >= t->num_profiles) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: no timer profile %u, the table has %u",
				       obj, id, t->num_profiles);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TIMER_PROFILE_A_ID]);
		return -EINVAL;
	}
	aging[id] = nla_get_u32(tb[P4TC_TIMER_PROFILE_A_AGING]);
	return 0;
}

static void p4tc_table_default_profiles(struct p4tc_table *t, u32 num)
{
	u32 i;

	t->num_profiles = num;
	for (i = 0; i < num; i++)
		t->profile_aging[i] = (i + 1) * P4TC_DEFAULT_AGING_MS;
}

static void p4tc_table_free(struct p4tc_table *t)
{
	p4tc_store_destroy(t);
	p4tc_table_free_tmpl(t);
}

struct p4tc_table __rcu *p4tc_table_cache[1 << P4TC_TABLE_CACHE_BITS];
static DEFINE_SPINLOCK(p4tc_table_cache_lock);

/**
 * p4tc_tables_cache() - add a sealed pipeline's tables to the datapath's
 * cache, or take them out before the pipeline goes
 * @p: the pipeline
 * @add: add (at seal), else remove
 */
void p4tc_tables_cache(struct p4tc_pipeline *p, bool add)
{
	struct p4tc_table __rcu **slot;
	struct p4tc_table *t;
	unsigned long tmp, id;

	spin_lock(&p4tc_table_cache_lock);
	idr_for_each_entry_ul(&p->tables, t, tmp, id) {
		slot = p4tc_table_cache_slot(t->net, p->id, t->id);
		if (add)
			rcu_assign_pointer(*slot, t);
		else if (rcu_access_pointer(*slot) == t)
			RCU_INIT_POINTER(*slot, NULL);
	}
	spin_unlock(&p4tc_table_cache_lock);
}

/**
 * p4tc_table_uncached_rcu() - find a table of a sealed pipeline not in the cache
 * @net: namespace
 * @pipeid: pipeline id
 * @tblid: table id
 *
 * Context: RCU read side, as p4tc_table_cached_rcu().
 * Return: the table or NULL.
 */
struct p4tc_table *p4tc_table_uncached_rcu(struct net *net, u32 pipeid, u32 tblid)
{
	struct p4tc_pipeline *p;
	struct p4tc_table *t;

	rcu_read_lock();
	p = p4tc_pipeline_lookup_rcu(net, pipeid);
	t = p ? p4tc_table_lookup_rcu(p, tblid) : NULL;
	rcu_read_unlock();
	return t;
}

/**
 * p4tc_tables_stop_aging() - stop removing idle entries from a pipeline's tables
 * @p: pipeline of a dying namespace
 *
 * Context: process context.
 */
void p4tc_tables_stop_aging(struct p4tc_pipeline *p)
{
	struct p4tc_table *t;
	unsigned long tmp, id;

	idr_for_each_entry_ul(&p->tables, t, tmp, id) {
		WRITE_ONCE(t->aging_stopped, true);
		cancel_delayed_work_sync(&t->aging_work);
	}
}

/**
 * p4tc_tables_destroy() - free every table of a pipeline and their entries
 * @p: pipeline nobody can reach any more
 *
 * Context: process context.
 */
void p4tc_tables_destroy(struct p4tc_pipeline *p)
{
	struct p4tc_table *t;
	unsigned long tmp, id;

	idr_for_each_entry_ul(&p->tables, t, tmp, id)
		p4tc_table_free(t);
	idr_destroy(&p->tables);
}

static const char *p4tc_table_type_name(u8 type)
{
	switch (type) {
	case P4TC_TABLE_TYPE_LPM:
		return "lpm";
	case P4TC_TABLE_TYPE_TERNARY:
		return "ternary";
	}
	return "exact";
}

/* Parse the key schema; the fields' containers must cover the key exactly. */
static int p4tc_table_parse_keyfields(struct p4tc_table *t, const struct nlattr *nest,
				      const char *obj, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_KEYFIELD_A_MAX + 1];
	struct p4tc_type_info *kf, *fields;
	u32 n = 0, offset = 0, bits, i;
	const struct nlattr *attr;
	int rem, err;

	fields = kcalloc(P4TC_MAX_KEY_FIELDS, sizeof(*fields), GFP_KERNEL_ACCOUNT);
	if (!fields)
		return -ENOMEM;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_TABLE_A_KEYFIELD)
			continue;
		err = -E2BIG;
		if (n == P4TC_MAX_KEY_FIELDS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d key fields",
					       obj, P4TC_MAX_KEY_FIELDS);
			goto bad_attr;
		}
		err = nla_parse_nested(tb, P4TC_KEYFIELD_A_MAX, attr,
				       p4tc_keyfield_policy, extack);
		if (err)
			goto free_fields;
		err = -EINVAL;
		if (p4tc_nl_attr_missing(extack, attr, tb, P4TC_KEYFIELD_A_NAME,
					 "key field name") ||
		    p4tc_nl_attr_missing(extack, attr, tb, P4TC_KEYFIELD_A_TYPE,
					 "key field type"))
			goto free_fields;
		err = p4tc_nl_check_name(tb[P4TC_KEYFIELD_A_NAME], obj, "key field", false,
					 extack);
		if (err)
			goto free_fields;
		kf = &fields[n];
		strscpy(kf->name, nla_data(tb[P4TC_KEYFIELD_A_NAME]), sizeof(kf->name));
		kf->id = tb[P4TC_KEYFIELD_A_ID] ? nla_get_u32(tb[P4TC_KEYFIELD_A_ID]) : n + 1;
		err = -EINVAL;
		for (i = 0; i < n; i++)
			if (!strcmp(fields[i].name, kf->name) || fields[i].id == kf->id)
				break;
		if (i < n || !kf->id) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: key field %s (id %u) is a duplicate or has id 0",
					       obj, kf->name, kf->id);
			goto bad_attr;
		}
		kf->match = tb[P4TC_KEYFIELD_A_MATCH] ?
			    nla_get_u8(tb[P4TC_KEYFIELD_A_MATCH]) : t->type;
		if (kf->match != P4TC_MATCH_EXACT && kf->match != t->type) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: key field %s: a %s table matches exact or %s",
					       obj, kf->name, p4tc_table_type_name(t->type),
					       p4tc_table_type_name(t->type));
			NL_SET_BAD_ATTR(extack, tb[P4TC_KEYFIELD_A_MATCH]);
			goto free_fields;
		}
		err = p4tc_type_init(kf, nla_get_u32(tb[P4TC_KEYFIELD_A_TYPE]),
				     tb[P4TC_KEYFIELD_A_BITSZ], obj, extack);
		if (err)
			goto free_fields;
		kf->offset = offset;
		offset += kf->size;
		n++;
	}
	for (i = 0, bits = 0; i < n; i++)
		bits += fields[i].bitsz;
	if (bits > t->keysz) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: key fields take %u bits, more than keysz %u",
				       obj, bits, t->keysz);
		err = -EINVAL;
		goto free_fields;
	}
	if (n && offset != t->keylen) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: key fields take %u bytes but keysz %u needs %u",
				       obj, offset, t->keysz, t->keylen);
		err = -EINVAL;
		goto free_fields;
	}
	kfree(t->keyfields);
	t->keyfields = n ? fields : NULL;
	t->num_keyfields = n;
	if (!n)
		kfree(fields);
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
free_fields:
	kfree(fields);
	return err;
}

/*
 * The direct counter and meter a create binds: the table keeps them, they
 * learn it once it exists (p4tc_table_bound()). An update cannot change them.
 */
static int p4tc_table_bind_externs(struct p4tc_pipeline *p, struct p4tc_table *t,
				   struct nlattr **tb, const char *obj,
				   struct netlink_ext_ack *extack)
{
	struct nlattr *attr = tb[P4TC_TABLE_A_DIRECT_COUNTER];
	struct p4tc_extinst *inst;

	if (t->direct_counter && tb[P4TC_TABLE_A_COUNTERS] && !t->counters) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: entries count for direct counter %s/%s",
				       obj, t->direct_counter->ext_name, t->direct_counter->name);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_COUNTERS]);
		return -EINVAL;
	}
	if (attr) {
		inst = p4tc_extinst_bind_table(p, attr, P4TC_EXT_COUNTER, obj, extack);
		if (IS_ERR(inst))
			return PTR_ERR(inst);
		t->direct_counter = inst;
		t->counters = true;
	}
	attr = tb[P4TC_TABLE_A_DIRECT_METER];
	if (attr) {
		inst = p4tc_extinst_bind_table(p, attr, P4TC_EXT_METER, obj, extack);
		if (IS_ERR(inst))
			return PTR_ERR(inst);
		t->direct_meter = inst;
	}
	return 0;
}

/* A new table's direct counter and meter learn it; a deleted one's forget it. */
static void p4tc_table_bound(struct p4tc_table *t, u32 id)
{
	if (t->direct_counter)
		t->direct_counter->table_id = id;
	if (t->direct_meter)
		t->direct_meter->table_id = id;
}

static int p4tc_table_put_extern(struct sk_buff *skb, int attrtype,
				 const struct p4tc_extinst *inst)
{
	char path[2 * P4TC_NAME_LEN];

	if (!inst)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", inst->ext_name, inst->name);
	return nla_put_string(skb, attrtype, path);
}

/*
 * Apply the template attributes of a create or update to @t, a copy of
 * the table being changed, so that a rejected request leaves the table as
 * it was. A new key schema or list of actions is allocated for @t.
 */
static int p4tc_table_apply(struct p4tc_pipeline *p, struct p4tc_table *t,
			    struct nlattr **tb, const struct nlattr *nest, const char *obj,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *attr;
	int rem, err;

	if (tb[P4TC_TABLE_A_TYPE])
		t->type = nla_get_u8(tb[P4TC_TABLE_A_TYPE]);
	attr = tb[P4TC_TABLE_A_KEYSZ];
	if (attr) {
		t->keysz = nla_get_u32(attr);
		if (!t->keysz || t->keysz > P4TC_MAX_KEYSZ) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: keysz %u is not within 1..%d bits",
					       obj, t->keysz, P4TC_MAX_KEYSZ);
			goto bad_attr;
		}
		t->keylen = DIV_ROUND_UP(t->keysz, 8);
	}
	attr = tb[P4TC_TABLE_A_TENTRIES];
	if (attr) {
		t->tentries = nla_get_u32(attr);
		if (!t->tentries || t->tentries > P4TC_MAX_TENTRIES) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: tentries %u is not within 1..%d",
					       obj, t->tentries, P4TC_MAX_TENTRIES);
			goto bad_attr;
		}
	}
	attr = tb[P4TC_TABLE_A_NUMMASKS];
	if (attr) {
		t->nummasks = nla_get_u32(attr);
		if (!t->nummasks || t->nummasks > P4TC_MAX_NUMMASKS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: nummasks %u is not within 1..%d",
					       obj, t->nummasks, P4TC_MAX_NUMMASKS);
			goto bad_attr;
		}
	}
	attr = tb[P4TC_TABLE_A_PERMISSIONS];
	if (attr) {
		t->permissions = nla_get_u16(attr);
		if (t->permissions & ~P4TC_PERM_MASK) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: permissions 0x%x have more than 14 bits",
					       obj, t->permissions);
			goto bad_attr;
		}
	}
	if (tb[P4TC_TABLE_A_COUNTERS])
		t->counters = nla_get_u8(tb[P4TC_TABLE_A_COUNTERS]);
	err = p4tc_table_bind_externs(p, t, tb, obj, extack);
	if (err)
		return err;
	if (tb[P4TC_TABLE_A_NUM_TIMER_PROFILES])
		p4tc_table_default_profiles(t, nla_get_u32(tb[P4TC_TABLE_A_NUM_TIMER_PROFILES]));
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_TABLE_A_TIMER_PROFILE)
			continue;
		err = p4tc_table_parse_profile(t, attr, t->profile_aging, obj, extack);
		if (err)
			return err;
	}
	if (nla_find_nested(nest, P4TC_TABLE_A_ACT)) {
		err = p4tc_table_parse_acts(p, nest, &t->acts, &t->num_acts, obj, extack);
		if (err)
			return err;
	}
	if (nla_find_nested(nest, P4TC_TABLE_A_KEYFIELD))
		return p4tc_table_parse_keyfields(t, nest, obj, extack);
	if (t->num_keyfields && (tb[P4TC_TABLE_A_KEYSZ] || tb[P4TC_TABLE_A_TYPE])) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: a new keysz or type needs new key fields",
				       obj);
		attr = tb[P4TC_TABLE_A_KEYSZ] ?: tb[P4TC_TABLE_A_TYPE];
		goto bad_attr;
	}
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
	return -EINVAL;
}

static int p4tc_keyfield_put(struct sk_buff *skb, const struct p4tc_type_info *kf)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_TABLE_A_KEYFIELD);

	if (!nest ||
	    nla_put_u32(skb, P4TC_KEYFIELD_A_ID, kf->id) ||
	    nla_put_string(skb, P4TC_KEYFIELD_A_NAME, kf->name) ||
	    nla_put_u32(skb, P4TC_KEYFIELD_A_TYPE, kf->type) ||
	    nla_put_u16(skb, P4TC_KEYFIELD_A_BITSZ, kf->bitsz) ||
	    nla_put_u8(skb, P4TC_KEYFIELD_A_MATCH, kf->match)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_profile_put(struct sk_buff *skb, u32 id, u32 aging)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_TABLE_A_TIMER_PROFILE);

	if (!nest ||
	    nla_put_u32(skb, P4TC_TIMER_PROFILE_A_ID, id) ||
	    nla_put_u32(skb, P4TC_TIMER_PROFILE_A_AGING, aging))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_table_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			   const void *obj)
{
	struct p4tc_table *t = (struct p4tc_table *)obj;
	struct nlattr *nest;
	int err;
	u32 i;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_TABLE);
	if (!nest ||
	    nla_put_u32(skb, P4TC_TABLE_A_ID, t->id) ||
	    nla_put_string(skb, P4TC_TABLE_A_NAME, t->name) ||
	    nla_put_u8(skb, P4TC_TABLE_A_TYPE, t->type) ||
	    nla_put_u32(skb, P4TC_TABLE_A_KEYSZ, t->keysz) ||
	    nla_put_u32(skb, P4TC_TABLE_A_TENTRIES, t->tentries) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NUMMASKS, t->nummasks) ||
	    nla_put_u16(skb, P4TC_TABLE_A_PERMISSIONS, t->permissions) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NENTRIES, atomic_read(&t->nentries)) ||
	    nla_put_u8(skb, P4TC_TABLE_A_COUNTERS, t->counters) ||
	    p4tc_table_put_extern(skb, P4TC_TABLE_A_DIRECT_COUNTER, t->direct_counter) ||
	    p4tc_table_put_extern(skb, P4TC_TABLE_A_DIRECT_METER, t->direct_meter) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NUM_TIMER_PROFILES, t->num_profiles) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NUM_MASKS_USED, p4tc_store_masks(t)) ||
	    nla_put_u64_64bit(skb, P4TC_TABLE_A_MEMORY, p4tc_store_memory(t),
			      P4TC_TABLE_A_PAD) ||
	    p4tc_table_put_acts(skb, t))
		goto cancel;
	for (i = 0; i < t->num_keyfields; i++)
		if (p4tc_keyfield_put(skb, &t->keyfields[i]))
			goto cancel;
	for (i = 0; i < t->num_profiles; i++)
		if (p4tc_profile_put(skb, i, READ_ONCE(t->profile_aging[i])))
			goto cancel;
	rcu_read_lock();
	err = p4tc_defact_put(skb, P4TC_TABLE_A_DEFAULT_HIT, p, rcu_dereference(t->default_hit)) ||
	      p4tc_defact_put(skb, P4TC_TABLE_A_DEFAULT_MISS, p,
			      rcu_dereference(t->default_miss));
	rcu_read_unlock();
	if (err)
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int p4tc_table_destroy(struct p4tc_pipeline *p, void *obj,
			      struct netlink_ext_ack *extack)
{
	struct p4tc_table *t = obj;

	/* Unsealed: the datapath cannot see this table, free it now. */
	p4tc_table_bound(t, 0);
	idr_remove(&p->tables, t->id);
	p->ntables--;
	p4tc_table_free(t);
	return 0;
}

const struct p4tc_tmpl_ops p4tc_table_ops = {
	.kind = "table",
	.attr = P4TC_A_TABLE,
	.id_attr = P4TC_TABLE_A_ID,
	.name_attr = P4TC_TABLE_A_NAME,
	.idr_offset = offsetof(struct p4tc_pipeline, tables),
	.name_offset = offsetof(struct p4tc_table, name),
	.fill = p4tc_table_fill,
	.destroy = p4tc_table_destroy,
};

/**
 * p4tc_table_find() - find a table template by id or by name
 * @p: pipeline
 * @id: table id, or 0 to find by @name
 * @name: table name, used when @id is 0
 *
 * Context: holds the namespace's p4tc lock, or @p is sealed.
 * Return: the table or NULL.
 */
struct p4tc_table *p4tc_table_find(struct p4tc_pipeline *p, u32 id, const char *name)
{
	return p4tc_tmpl_find(p, &p4tc_table_ops, id, name);
}

static int p4tc_table_check_name(const struct nlattr *attr, struct netlink_ext_ack *extack)
{
	const char *name = nla_data(attr);
	const char *slash = strchr(name, '/');
	int err;

	err = p4tc_nl_check_name(attr, NULL, "table", true, extack);
	if (err)
		return err;
	if (!slash || slash == name || !slash[1] || strchr(slash + 1, '/')) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "table name %s must be CONTROL_BLOCK/TABLE", name);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	return 0;
}

/* Whether a request only adds const entries to an existing table. */
static bool p4tc_table_only_entries(const struct nlattr *nest)
{
	const struct nlattr *attr;
	int rem;

	nla_for_each_nested(attr, nest, rem)
		if (nla_type(attr) != P4TC_TABLE_A_ENTRY && nla_type(attr) != P4TC_TABLE_A_ID &&
		    nla_type(attr) != P4TC_TABLE_A_NAME)
			return false;
	return nla_find_nested(nest, P4TC_TABLE_A_ENTRY);
}

/* Add the request's const entries; on failure, none of them stays. */
static int p4tc_table_add_const(struct p4tc_pipeline *p, struct p4tc_table *t,
				const struct nlattr *nest, struct genl_info *info)
{
	struct p4tc_entry **added;
	const struct nlattr *attr;
	u32 n = 0, i;
	int rem, err = 0;

	added = kcalloc(P4TC_MAX_CONST_ENTRIES, sizeof(*added), GFP_KERNEL);
	if (!added)
		return -ENOMEM;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_TABLE_A_ENTRY)
			continue;
		if (n == P4TC_MAX_CONST_ENTRIES) {
			NL_SET_ERR_MSG_FMT_MOD(info->extack,
					       "table %s/%s: more than %d const entries in a request",
					       p->name, t->name, P4TC_MAX_CONST_ENTRIES);
			NL_SET_BAD_ATTR(info->extack, attr);
			err = -E2BIG;
			break;
		}
		added[n] = p4tc_entry_create_const(p, t, attr, genl_info_net(info), info->extack);
		if (IS_ERR(added[n])) {
			err = PTR_ERR(added[n]);
			break;
		}
		n++;
	}
	if (err)
		for (i = 0; i < n; i++)
			p4tc_entry_remove_const(t, added[i]);
	kfree(added);
	return err;
}

/* Parse both default actions of a template request against @t's actions. */
static int p4tc_table_parse_defacts(struct p4tc_pipeline *p, const struct p4tc_table *t,
				    struct nlattr **tb, struct p4tc_defact **hit,
				    struct p4tc_defact **miss, struct genl_info *info)
{
	*hit = NULL;
	*miss = NULL;
	if (tb[P4TC_TABLE_A_DEFAULT_HIT]) {
		*hit = p4tc_defact_parse(p, t, tb[P4TC_TABLE_A_DEFAULT_HIT],
					 genl_info_net(info), info->extack);
		if (IS_ERR(*hit))
			return PTR_ERR(*hit);
	}
	if (tb[P4TC_TABLE_A_DEFAULT_MISS]) {
		*miss = p4tc_defact_parse(p, t, tb[P4TC_TABLE_A_DEFAULT_MISS],
					  genl_info_net(info), info->extack);
		if (IS_ERR(*miss)) {
			p4tc_defact_free(*hit);
			return PTR_ERR(*miss);
		}
	}
	return 0;
}

static struct p4tc_table *p4tc_table_alloc(void)
{
	struct p4tc_table *t = kzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);

	if (!t)
		return NULL;
	t->type = P4TC_TABLE_TYPE_EXACT;
	t->tentries = P4TC_DEFAULT_TENTRIES;
	t->nummasks = P4TC_DEFAULT_NUMMASKS;
	t->permissions = P4TC_DEFAULT_PERMISSIONS;
	p4tc_table_default_profiles(t, P4TC_DEFAULT_TIMER_PROFILES);
	return t;
}

static int p4tc_table_reply(struct p4tc_pipeline *p, struct p4tc_table *t,
			    struct genl_info *info)
{
	struct sk_buff *msg = genlmsg_new(P4TC_TABLE_MSG_SIZE, GFP_KERNEL);

	if (!msg)
		return -ENOMEM;
	return p4tc_tmpl_reply(msg, p, t, &p4tc_table_ops, info);
}

/**
 * p4tc_nl_table_new() - P4TC_CMD_TABLE_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Creates a table with its const entries, or, naming an existing table
 * with nothing but entries, adds those const entries. Replies with the
 * table, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_new(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_TABLE];
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_TABLE_A_MAX + 1];
	struct p4tc_defact *hit, *miss;
	char obj[2 * P4TC_NAME_LEN + 8];
	u32 id = 1, max = U32_MAX;
	struct p4tc_table *t, *old;
	struct p4tc_pipeline *p;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "table", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_TABLE_A_NAME, "table name"))
		return -EINVAL;
	err = p4tc_table_check_name(tb[P4TC_TABLE_A_NAME], extack);
	if (err)
		return err;
	if (tb[P4TC_TABLE_A_ID]) {
		id = nla_get_u32(tb[P4TC_TABLE_A_ID]);
		max = id;
		if (!id) {
			NL_SET_ERR_MSG_MOD(extack, "table id must not be 0");
			NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_ID]);
			return -EINVAL;
		}
	}
	t = p4tc_table_alloc();
	if (!t)
		return -ENOMEM;
	strscpy(t->name, nla_data(tb[P4TC_TABLE_A_NAME]), sizeof(t->name));

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_table_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	snprintf(obj, sizeof(obj), "table %s/%s", p->name, t->name);
	old = p4tc_table_find(p, 0, t->name);
	if (old && p4tc_table_only_entries(nest)) {
		err = p4tc_table_add_const(p, old, nest, info);
		if (!err)
			err = p4tc_table_reply(p, old, info);
		goto unlock;
	}
	if (old) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s already exists", obj);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_NAME]);
		err = -EEXIST;
		goto unlock;
	}
	if (!tb[P4TC_TABLE_A_KEYSZ]) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: missing keysz", obj);
		NL_SET_ERR_ATTR_MISS(extack, nest, P4TC_TABLE_A_KEYSZ);
		err = -EINVAL;
		goto unlock;
	}
	if (p->ntables >= p->numtables) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline already has its %u tables (numtables)",
				       obj, p->numtables);
		err = -ENOSPC;
		goto unlock;
	}
	err = p4tc_table_apply(p, t, tb, nest, obj, extack);
	if (err)
		goto unlock;
	err = p4tc_table_parse_defacts(p, t, tb, &hit, &miss, info);
	if (err)
		goto unlock;
	RCU_INIT_POINTER(t->default_hit, hit);
	RCU_INIT_POINTER(t->default_miss, miss);
	err = p4tc_store_init(t);
	if (err)
		goto unlock;
	err = p4tc_store_set_index(t);
	if (err)
		goto destroy_store;
	err = idr_alloc_u32(&p->tables, t, &id, max, GFP_KERNEL);
	if (err) {
		if (err == -ENOSPC) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: tblid %u is in use", obj, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_ID]);
			err = -EEXIST;
		}
		goto destroy_store;
	}
	t->id = id;
	t->pipeid = p->id;
	t->p = p;
	t->net = genl_info_net(info);
	err = p4tc_table_add_const(p, t, nest, info);
	if (err)
		goto remove_table;
	p4tc_table_bound(t, t->id);
	p->ntables++;
	err = p4tc_table_reply(p, t, info);
	mutex_unlock(&pn->lock);
	return err;

remove_table:
	idr_remove(&p->tables, t->id);
destroy_store:
	p4tc_store_destroy(t);
unlock:
	mutex_unlock(&pn->lock);
	p4tc_table_free_tmpl(t);
	return err;
}

/* Whether a change of template needs a new index, which needs no entries. */
static bool p4tc_table_reshaped(const struct p4tc_table *t, const struct p4tc_table *new,
				const struct nlattr *nest)
{
	return new->type != t->type || new->keysz != t->keysz ||
	       new->nummasks != t->nummasks || nla_find_nested(nest, P4TC_TABLE_A_KEYFIELD);
}

/**
 * p4tc_nl_table_set() - P4TC_CMD_TABLE_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Changes the template of a table of an unsealed pipeline, or adds const
 * entries given on their own. Replies with the table.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_set(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_TABLE];
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_TABLE_A_MAX + 1];
	struct p4tc_defact *hit = NULL, *miss = NULL;
	char obj[2 * P4TC_NAME_LEN + 8];
	struct p4tc_table *t, *new;
	struct p4tc_pipeline *p;
	struct p4tc_hash *hash;
	bool reshaped;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "table", info);
	if (err)
		return err;
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_table_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	t = p4tc_tmpl_lookup(p, &p4tc_table_ops, tb[P4TC_TABLE_A_ID],
			     tb[P4TC_TABLE_A_NAME], nest, extack);
	if (IS_ERR(t)) {
		err = PTR_ERR(t);
		goto unlock;
	}
	if (p4tc_table_only_entries(nest)) {
		err = p4tc_table_add_const(p, t, nest, info);
		goto reply;
	}
	snprintf(obj, sizeof(obj), "table %s/%s", p->name, t->name);
	if (nla_find_nested(nest, P4TC_TABLE_A_ENTRY)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: const entries go in a request of their own",
				       obj);
		NL_SET_BAD_ATTR(extack, nla_find_nested(nest, P4TC_TABLE_A_ENTRY));
		err = -EINVAL;
		goto unlock;
	}
	if (tb[P4TC_TABLE_A_DIRECT_COUNTER] || tb[P4TC_TABLE_A_DIRECT_METER]) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s: direct counters and meters are bound at create only",
				       obj);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_DIRECT_COUNTER] ?:
				tb[P4TC_TABLE_A_DIRECT_METER]);
		err = -EINVAL;
		goto unlock;
	}
	p4tc_table_copy_tmpl(new, t);
	strscpy(new->name, t->name, sizeof(new->name));
	new->keyfields = NULL;
	new->acts = NULL;
	err = p4tc_table_apply(p, new, tb, nest, obj, extack);
	if (err)
		goto unlock;
	if (!nla_find_nested(nest, P4TC_TABLE_A_KEYFIELD))
		new->keyfields = t->keyfields;
	if (!nla_find_nested(nest, P4TC_TABLE_A_ACT))
		new->acts = t->acts;
	if (new->tentries < atomic_read(&t->nentries)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s has %d const entries, more than tentries %u",
				       obj, atomic_read(&t->nentries), new->tentries);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_TENTRIES]);
		err = -EBUSY;
		goto free_new;
	}
	if (nla_find_nested(nest, P4TC_TABLE_A_ACT)) {
		err = p4tc_table_check_acts(t, new, obj, extack);
		if (err)
			goto free_new;
	}
	if (p4tc_entry_tail(new) != p4tc_entry_tail(t) && atomic_read(&t->nentries)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s has const entries: its counters cannot change",
				       obj);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_COUNTERS]);
		err = -EBUSY;
		goto free_new;
	}
	reshaped = p4tc_table_reshaped(t, new, nest);
	if (reshaped && atomic_read(&t->nentries)) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s has const entries: its type, keysz, nummasks and key fields cannot change",
				       obj);
		err = -EBUSY;
		goto free_new;
	}
	err = p4tc_table_parse_defacts(p, new, tb, &hit, &miss, info);
	if (err)
		goto free_new;
	if (tb[P4TC_TABLE_A_DEFAULT_HIT])
		err = p4tc_defact_check(t->default_hit, hit, "default hit action", obj, extack);
	if (!err && tb[P4TC_TABLE_A_DEFAULT_MISS])
		err = p4tc_defact_check(t->default_miss, miss, "default miss action", obj,
					extack);
	if (err)
		goto free_defacts;
	hash = p4tc_store_resize_prepare(t, new->tentries);
	if (IS_ERR(hash)) {
		err = PTR_ERR(hash);
		goto free_defacts;
	}
	if (reshaped) {
		swap(t->type, new->type);
		swap(t->keylen, new->keylen);
		swap(t->nummasks, new->nummasks);
		err = p4tc_store_set_index(t);
		swap(t->type, new->type);
		swap(t->keylen, new->keylen);
		swap(t->nummasks, new->nummasks);
		if (err)
			goto free_hash;
	}
	p4tc_store_resize(t, hash);
	if (new->keyfields != t->keyfields) {
		kfree(t->keyfields);
		t->keyfields = new->keyfields;
	}
	if (new->acts != t->acts) {
		kfree(t->acts);
		t->acts = new->acts;
	}
	p4tc_table_copy_tmpl(t, new);
	if (tb[P4TC_TABLE_A_DEFAULT_HIT])
		p4tc_defact_replace(&t->default_hit, hit);
	if (tb[P4TC_TABLE_A_DEFAULT_MISS])
		p4tc_defact_replace(&t->default_miss, miss);
	kfree(new);
reply:
	if (!err)
		err = p4tc_table_reply(p, t, info);
	mutex_unlock(&pn->lock);
	return err;

free_hash:
	if (hash)
		p4tc_hash_free(hash);
free_defacts:
	p4tc_defact_free(hit);
	p4tc_defact_free(miss);
free_new:
	if (new->keyfields != t->keyfields)
		kfree(new->keyfields);
	if (new->acts != t->acts)
		kfree(new->acts);
unlock:
	mutex_unlock(&pn->lock);
	kfree(new);
	return err;
}

/**
 * p4tc_nl_table_get() - P4TC_CMD_TABLE_GET handler for one table
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_get(info, &p4tc_table_ops);
}

/**
 * p4tc_nl_table_dump() - P4TC_CMD_TABLE_GET dump of a pipeline's tables
 * @skb: dump buffer
 * @cb: dump state
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_table_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	return p4tc_tmpl_dump(skb, cb, &p4tc_table_ops);
}

/**
 * p4tc_nl_table_del() - P4TC_CMD_TABLE_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_del(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_del(info, &p4tc_table_ops);
}
