// SPDX-License-Identifier: GPL-2.0
/*
 * A table's allowed actions and its default hit and miss actions. The
 * datapath returns a default miss action on a miss and the default hit
 * action on a hit of an entry without an action; both are replaced under
 * RCU, so lookups never wait for the control plane.
 */
#include <linux/slab.h>

#include "netlink.h"

/* Default actions must stay readable and executable by both paths. */
#define P4TC_DEFACT_NEEDED_PERMS (P4TC_CTRL_PERM_R | P4TC_DATA_PERM_R | P4TC_DATA_PERM_X)

static const struct p4tc_table_act *p4tc_table_act_find(const struct p4tc_table *t,
							u32 act_id)
{
	u32 i;

	for (i = 0; i < t->num_acts; i++)
		if (t->acts[i].act_id == act_id)
			return &t->acts[i];
	return NULL;
}

/**
 * p4tc_table_act_allowed() - whether a table allows an action
 * @t: table
 * @act_id: action id, 0 for no action
 * @dflt: as a default action (else in entries)
 *
 * Return: true if @t's list of actions allows @act_id there.
 */
bool p4tc_table_act_allowed(const struct p4tc_table *t, u32 act_id, bool dflt)
{
	const struct p4tc_table_act *ta = p4tc_table_act_find(t, act_id);

	if (!t->num_acts || !act_id)
		return true;
	return ta && !(ta->flags & (dflt ? P4TC_TABLE_ACT_TABLEONLY :
					   P4TC_TABLE_ACT_DEFAULTONLY));
}

/**
 * p4tc_table_check_acts() - whether a new list of allowed actions still
 * allows the actions of a table's default actions and const entries
 * @t: the table, of an unsealed pipeline
 * @new: the table's new template, with the new list
 * @obj: the table, for messages
 * @extack: error report
 *
 * Return: 0, or -EBUSY with an extack message.
 */
int p4tc_table_check_acts(struct p4tc_table *t, const struct p4tc_table *new,
			  const char *obj, struct netlink_ext_ack *extack)
{
	const struct p4tc_defact *hit, *miss;
	const struct p4tc_action *a;
	struct p4tc_entry *e;
	u32 act_id = 0;
	u32 bucket;
	bool dflt;

	hit = rcu_dereference_protected(t->default_hit, true);
	miss = rcu_dereference_protected(t->default_miss, true);
	if (hit && !p4tc_table_act_allowed(new, hit->act.act_id, true))
		act_id = hit->act.act_id;
	else if (miss && !p4tc_table_act_allowed(new, miss->act.act_id, true))
		act_id = miss->act.act_id;
	dflt = act_id;
	rcu_read_lock();
	bucket = 0;
	for (e = p4tc_store_next(t, &bucket, NULL); e; e = p4tc_store_next(t, &bucket, e)) {
		if (!p4tc_table_act_allowed(new, e->act.act_id, false)) {
			act_id = e->act.act_id;
			break;
		}
	}
	rcu_read_unlock();
	if (!act_id)
		return 0;
	a = p4tc_action_find(t->p, act_id, NULL);
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s: the new table_acts do not allow action %s of %s",
			       obj, a ? a->name : "?", dflt ? "a default action" : "a const entry");
	return -EBUSY;
}

/**
 * p4tc_table_find_action() - the action an entry or default action names
 * @p: pipeline
 * @t: table
 * @id_attr: the action id attribute, or NULL
 * @name_attr: the action name attribute, or NULL; one of the two is given
 * @dflt: for a default action (else for an entry)
 * @obj: the object, for messages
 * @extack: error report
 *
 * Return: the action, active and allowed by @t, or an ERR_PTR() with an
 * extack message: -ENOENT if unknown, -EPERM if inactive or not allowed.
 */
const struct p4tc_action *p4tc_table_find_action(struct p4tc_pipeline *p,
						 const struct p4tc_table *t,
						 const struct nlattr *id_attr,
						 const struct nlattr *name_attr, bool dflt,
						 const char *obj, struct netlink_ext_ack *extack)
{
	u32 act_id = id_attr ? nla_get_u32(id_attr) : 0;
	const struct nlattr *named = act_id ? id_attr : name_attr;
	const struct p4tc_action *a;

	a = p4tc_action_find(p, act_id, p4tc_nl_str(name_attr));
	if (!a) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline has no action %s", obj,
				       act_id ? "with that id" : p4tc_nl_str(name_attr));
		NL_SET_BAD_ATTR(extack, named);
		return ERR_PTR(-ENOENT);
	}
	if (!a->active) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: action %s is not active", obj, a->name);
		NL_SET_BAD_ATTR(extack, named);
		return ERR_PTR(-EPERM);
	}
	if (!p4tc_table_act_allowed(t, a->id, dflt)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: action %s is not allowed %s", obj,
				       a->name, dflt ? "as a default action" : "in entries");
		NL_SET_BAD_ATTR(extack, named);
		return ERR_PTR(-EPERM);
	}
	return a;
}

/**
 * p4tc_table_parse_action() - the action and params of an entry or default
 * @p: pipeline
 * @t: table
 * @nest: nest holding the attributes @ids name
 * @ids: which attributes of @nest are the action id, name, params and
 *	instance index
 * @dflt: for a default action (else for an entry)
 * @act: gets the action id, and the packed params without an index
 * @inst: gets the action instance of the index, bound (p4tc_actinst_bind()),
 *	or NULL
 * @obj: the object, for messages
 * @net: namespace (dev params)
 * @extack: error report
 *
 * No action id and no name leaves @act->act_id 0: no action.
 *
 * Return: 0, or a negative errno with an extack message.
 */
int p4tc_table_parse_action(struct p4tc_pipeline *p, const struct p4tc_table *t,
			    const struct nlattr *nest, const struct p4tc_action_attrs *ids,
			    bool dflt, struct p4tc_table_entry_act_bpf *act,
			    struct p4tc_actinst **inst, const char *obj,
			    struct net *net, struct netlink_ext_ack *extack)
{
	const struct nlattr *id_attr = NULL, *name_attr = NULL, *index = NULL, *attr;
	struct nlattr *params[P4TC_MAX_PARAMS];
	const struct p4tc_action *a;
	unsigned int nparams = 0;
	u32 act_id = 0;
	int rem, err;

	*inst = NULL;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) == ids->id)
			id_attr = attr;
		else if (nla_type(attr) == ids->name)
			name_attr = attr;
		else if (nla_type(attr) == ids->index)
			index = attr;
		else if (nla_type(attr) != ids->param)
			continue;
		else if (nparams == P4TC_MAX_PARAMS)
			goto too_many;
		else
			params[nparams++] = (struct nlattr *)attr;
	}
	if (id_attr)
		act_id = nla_get_u32(id_attr);
	if (!act_id && !name_attr) {
		if (nparams || index) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: %s need%s an action", obj,
					       nparams ? "params" : "an action instance index",
					       nparams ? "" : "s");
			NL_SET_BAD_ATTR(extack, nparams ? params[0] : index);
			return -EINVAL;
		}
		act->act_id = 0;
		return 0;
	}
	a = p4tc_table_find_action(p, t, id_attr, name_attr, dflt, obj, extack);
	if (IS_ERR(a))
		return PTR_ERR(a);
	act->act_id = a->id;
	if (!index)
		return p4tc_action_fill_params(a, act->params, params, nparams, true, net,
					       extack);
	if (nparams) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s: give params or an action instance index, not both",
				       obj);
		NL_SET_BAD_ATTR(extack, index);
		return -EINVAL;
	}
	*inst = p4tc_actinst_bind(p, a, index, obj, extack);
	if (IS_ERR(*inst)) {
		err = PTR_ERR(*inst);
		*inst = NULL;
		return err;
	}
	return 0;

too_many:
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d params", obj, P4TC_MAX_PARAMS);
	NL_SET_BAD_ATTR(extack, attr);
	return -E2BIG;
}

/**
 * p4tc_table_parse_acts() - parse a table's list of allowed actions
 * @p: pipeline
 * @nest: the table nest with P4TC_TABLE_A_ACT nests
 * @acts: gets the list, NULL if empty (allowing every action)
 * @num_acts: gets the number of actions in @acts
 * @obj: the table, for messages
 * @extack: error report
 *
 * Return: 0, or a negative errno with an extack message.
 */
int p4tc_table_parse_acts(struct p4tc_pipeline *p, const struct nlattr *nest,
			  struct p4tc_table_act **acts, u32 *num_acts, const char *obj,
			  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_TABLE_ACT_A_MAX + 1];
	const struct p4tc_action *a;
	struct p4tc_table_act *list;
	const struct nlattr *attr;
	u32 n = 0, i, id;
	int rem, err;

	list = kcalloc(P4TC_MAX_ACTIONS, sizeof(*list), GFP_KERNEL_ACCOUNT);
	if (!list)
		return -ENOMEM;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_TABLE_A_ACT)
			continue;
		err = nla_parse_nested(tb, P4TC_TABLE_ACT_A_MAX, attr, p4tc_table_act_policy,
				       extack);
		if (err)
			goto free_list;
		id = tb[P4TC_TABLE_ACT_A_ID] ? nla_get_u32(tb[P4TC_TABLE_ACT_A_ID]) : 0;
		if (!id && !tb[P4TC_TABLE_ACT_A_NAME]) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: table action needs a name or id", obj);
			NL_SET_ERR_ATTR_MISS(extack, attr, P4TC_TABLE_ACT_A_NAME);
			err = -EINVAL;
			goto free_list;
		}
		a = p4tc_action_find(p, id, p4tc_nl_str(tb[P4TC_TABLE_ACT_A_NAME]));
		if (!a) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline has no action %s", obj,
					       id ? "with that id" :
					       p4tc_nl_str(tb[P4TC_TABLE_ACT_A_NAME]));
			err = -ENOENT;
			goto bad_attr;
		}
		for (i = 0; i < n; i++)
			if (list[i].act_id == a->id)
				break;
		err = -EINVAL;
		if (i < n) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: action %s is listed twice",
					       obj, a->name);
			goto bad_attr;
		}
		list[n].act_id = a->id;
		if (tb[P4TC_TABLE_ACT_A_FLAGS])
			list[n].flags = nla_get_u8(tb[P4TC_TABLE_ACT_A_FLAGS]);
		if (list[n].flags == (P4TC_TABLE_ACT_TABLEONLY | P4TC_TABLE_ACT_DEFAULTONLY)) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: action %s cannot be tableonly and defaultonly",
					       obj, a->name);
			goto bad_attr;
		}
		n++;
	}
	*acts = n ? list : NULL;
	*num_acts = n;
	if (!n)
		kfree(list);
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
free_list:
	kfree(list);
	return err;
}

/**
 * p4tc_table_put_acts() - put a table's allowed actions into a message
 * @skb: message
 * @t: table
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_table_put_acts(struct sk_buff *skb, const struct p4tc_table *t)
{
	struct nlattr *nest;
	u32 i;

	for (i = 0; i < t->num_acts; i++) {
		nest = nla_nest_start(skb, P4TC_TABLE_A_ACT);
		if (!nest ||
		    nla_put_u32(skb, P4TC_TABLE_ACT_A_ID, t->acts[i].act_id) ||
		    nla_put_u8(skb, P4TC_TABLE_ACT_A_FLAGS, t->acts[i].flags))
			return -EMSGSIZE;
		nla_nest_end(skb, nest);
	}
	return 0;
}

static const struct p4tc_action_attrs p4tc_defact_attrs = {
	.id = P4TC_DEFACT_A_ACTION_ID,
	.name = P4TC_DEFACT_A_ACTION_NAME,
	.param = P4TC_DEFACT_A_PARAM,
	.index = P4TC_DEFACT_A_ACTION_INDEX,
};

/**
 * p4tc_defact_parse() - parse a default hit or miss action
 * @p: pipeline
 * @t: table
 * @attr: P4TC_TABLE_A_DEFAULT_HIT or P4TC_TABLE_A_DEFAULT_MISS
 * @net: namespace (dev params)
 * @extack: error report
 *
 * Return: the new default action, NULL to delete the current one, or an
 * ERR_PTR() with an extack message.
 */
struct p4tc_defact *p4tc_defact_parse(struct p4tc_pipeline *p, const struct p4tc_table *t,
				      const struct nlattr *attr, struct net *net,
				      struct netlink_ext_ack *extack)
{
	bool hit = nla_type(attr) == P4TC_TABLE_A_DEFAULT_HIT;
	struct nlattr *tb[P4TC_DEFACT_A_MAX + 1];
	char obj[3 * P4TC_NAME_LEN];
	struct p4tc_defact *d;
	int err;

	snprintf(obj, sizeof(obj), "table %s/%s default %s action", p->name, t->name,
		 hit ? "hit" : "miss");
	err = nla_parse_nested(tb, P4TC_DEFACT_A_MAX, attr, p4tc_defact_policy, extack);
	if (err)
		return ERR_PTR(err);
	if (tb[P4TC_DEFACT_A_NOACTION]) {
		if (tb[P4TC_DEFACT_A_ACTION_ID] || tb[P4TC_DEFACT_A_ACTION_NAME]) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: noaction deletes it, give no action",
					       obj);
			NL_SET_BAD_ATTR(extack, tb[P4TC_DEFACT_A_NOACTION]);
			return ERR_PTR(-EINVAL);
		}
		return NULL;
	}
	d = kzalloc(sizeof(*d), GFP_KERNEL_ACCOUNT);
	if (!d)
		return ERR_PTR(-ENOMEM);
	d->permissions = P4TC_PERM_MASK;
	if (tb[P4TC_DEFACT_A_PERMISSIONS]) {
		d->permissions = nla_get_u16(tb[P4TC_DEFACT_A_PERMISSIONS]);
		err = -EINVAL;
		if (d->permissions & ~P4TC_PERM_MASK) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: permissions 0x%x have more than 14 bits",
					       obj, d->permissions);
			goto bad_perms;
		}
		if ((d->permissions & P4TC_DEFACT_NEEDED_PERMS) != P4TC_DEFACT_NEEDED_PERMS) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: permissions 0x%x must keep control read, data read and data execute",
					       obj, d->permissions);
			goto bad_perms;
		}
	}
	err = p4tc_table_parse_action(p, t, attr, &p4tc_defact_attrs, true, &d->act, &d->inst,
				      obj, net, extack);
	if (err)
		goto free_defact;
	d->act.hit = hit;
	d->act.is_default_hit_act = hit;
	d->act.is_default_miss_act = !hit;
	return d;

bad_perms:
	NL_SET_BAD_ATTR(extack, tb[P4TC_DEFACT_A_PERMISSIONS]);
free_defact:
	p4tc_defact_free(d);
	return ERR_PTR(err);
}

/**
 * p4tc_defact_free() - free a default action no reader can see
 * @d: default action in no table (never installed, or of a table going
 *	away), may be NULL
 */
void p4tc_defact_free(struct p4tc_defact *d)
{
	if (!d)
		return;
	if (d->inst) {
		p4tc_actinst_unbind(d->inst);
		p4tc_actinst_put(d->inst);
	}
	kfree(d);
}

static void p4tc_defact_free_rcu(struct rcu_head *head)
{
	struct p4tc_defact *d = container_of(head, struct p4tc_defact, rcu);

	if (d->inst)
		p4tc_actinst_put(d->inst);
	kfree(d);
}

/**
 * p4tc_defact_check() - whether the current default action may change
 * @cur: the current default action, may be NULL
 * @d: the new one, or NULL to delete the current one
 * @what: "default hit action" or "default miss action", for messages
 * @obj: the table, for messages
 * @extack: error report
 *
 * Replacing needs the current one's control update permission, deleting
 * its control delete permission.
 *
 * Context: holds the table's lock, or the pipeline is unsealed.
 * Return: 0 or -EPERM with an extack message.
 */
int p4tc_defact_check(const struct p4tc_defact __rcu *cur, const struct p4tc_defact *d,
		      const char *what, const char *obj, struct netlink_ext_ack *extack)
{
	const struct p4tc_defact *old = rcu_dereference_protected(cur, true);
	u16 need = d ? P4TC_CTRL_PERM_U : P4TC_CTRL_PERM_D;

	if (!old || old->permissions & need)
		return 0;
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s: the %s has no control %s permission",
			       obj, what, d ? "update" : "delete");
	return -EPERM;
}

/**
 * p4tc_defact_replace() - install a new default action, or delete it
 * @slot: the table's default_hit or default_miss
 * @d: the new default action, or NULL; belongs to the table from now
 *
 * Lookups see the old or the new one; the old one is freed after a grace
 * period.
 *
 * Context: holds the table's lock, or the pipeline is unsealed.
 */
void p4tc_defact_replace(struct p4tc_defact __rcu **slot, struct p4tc_defact *d)
{
	struct p4tc_defact *old = rcu_replace_pointer(*slot, d, true);

	if (!old)
		return;
	/* It leaves the table now, the memory after readers are done. */
	if (old->inst)
		p4tc_actinst_unbind(old->inst);
	call_rcu(&old->rcu, p4tc_defact_free_rcu);
}

/**
 * p4tc_defact_put() - put a default action into a message
 * @skb: message
 * @attrtype: P4TC_TABLE_A_DEFAULT_HIT or P4TC_TABLE_A_DEFAULT_MISS
 * @p: pipeline
 * @d: the default action, may be NULL (then nothing is put)
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_defact_put(struct sk_buff *skb, int attrtype, const struct p4tc_pipeline *p,
		    const struct p4tc_defact *d)
{
	struct nlattr *nest;

	if (!d)
		return 0;
	nest = nla_nest_start(skb, attrtype);
	if (!nest ||
	    nla_put_u16(skb, P4TC_DEFACT_A_PERMISSIONS, d->permissions) ||
	    (d->act.act_id ? p4tc_put_action(skb, p, &d->act, d->inst, &p4tc_defact_attrs) :
			     nla_put_u32(skb, P4TC_DEFACT_A_ACTION_ID, 0)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_put_action() - put the action of an entry or default action
 * @skb: message, inside the entry's or default action's nest
 * @p: pipeline
 * @act: action id, and the params without @inst
 * @inst: the action instance whose params it uses, or NULL
 * @ids: the attributes of the nest for the action id, name, params and index
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_put_action(struct sk_buff *skb, const struct p4tc_pipeline *p,
		    const struct p4tc_table_entry_act_bpf *act, const struct p4tc_actinst *inst,
		    const struct p4tc_action_attrs *ids)
{
	const struct p4tc_action *a;
	int err;

	a = p4tc_action_find((struct p4tc_pipeline *)p, act->act_id, NULL);
	if (!a)
		return nla_put_u32(skb, ids->id, act->act_id);
	if (nla_put_u32(skb, ids->id, a->id) ||
	    nla_put_string(skb, ids->name, a->name) ||
	    (inst && nla_put_u32(skb, ids->index, p4tc_actinst_index(inst))))
		return -EMSGSIZE;
	rcu_read_lock();
	err = p4tc_action_put_params(skb, a, inst ? p4tc_actinst_params(inst) : act->params,
				     ids->param);
	rcu_read_unlock();
	return err;
}
