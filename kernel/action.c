// SPDX-License-Identifier: GPL-2.0
/*
 * Action templates: an id, a name and typed parameters. An entry carries an
 * action id and the parameters packed into one block, which is what the
 * datapath gets back from a lookup.
 */
#include <linux/slab.h>

#include "netlink.h"

/**
 * p4tc_actions_destroy() - free every action template of a pipeline
 * @p: pipeline nobody can reach any more
 */
void p4tc_actions_destroy(struct p4tc_pipeline *p)
{
	struct p4tc_action *act;
	unsigned long tmp, id;

	idr_for_each_entry_ul(&p->actions, act, tmp, id) {
		p4tc_actinsts_destroy(act);
		kfree(act);
	}
	idr_destroy(&p->actions);
}

/**
 * p4tc_params_find() - a parameter of a list by id or by name
 * @params: the list
 * @num: entries in @params
 * @id: parameter id, or 0 to find by @name
 * @name: parameter name
 *
 * Return: the parameter or NULL.
 */
const struct p4tc_type_info *p4tc_params_find(const struct p4tc_type_info *params, u32 num,
					      u32 id, const char *name)
{
	u32 i;

	for (i = 0; i < num; i++)
		if (id ? params[i].id == id : !strcmp(params[i].name, name))
			return &params[i];
	return NULL;
}

/**
 * p4tc_param_find() - a parameter of an action template
 * @act: action
 * @id: parameter id, or 0 to find by @name
 * @name: parameter name
 *
 * Return: the parameter or NULL.
 */
const struct p4tc_type_info *p4tc_param_find(const struct p4tc_action *act, u32 id,
					     const char *name)
{
	return p4tc_params_find(act->params, act->num_params, id, name);
}

/**
 * p4tc_params_parse() - parse the parameter nests of a template
 * @params: gets the parameters, P4TC_MAX_PARAMS of them at most
 * @num: gets the number of @params
 * @size: gets the bytes of the packed params
 * @nest: the template's nest
 * @attrtype: attribute of each parameter nest in @nest
 * @max_size: most bytes the packed params may take
 * @flags: P4TC_EXT_PARAM_F_* a parameter may have, 0 for none
 * @obj: the template, for messages
 * @extack: error report
 *
 * Parameters with P4TC_EXT_PARAM_F_KEY take no room in the packed params.
 *
 * Return: 0, or a negative errno with an extack message.
 */
int p4tc_params_parse(struct p4tc_type_info *params, u32 *num, u32 *size,
		      const struct nlattr *nest, int attrtype, u32 max_size, u8 flags,
		      const char *obj, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_PARAM_A_MAX + 1];
	struct p4tc_type_info *pi;
	const struct nlattr *attr;
	u32 offset = 0;
	int rem, err;

	*num = 0;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != attrtype)
			continue;
		if (*num == P4TC_MAX_PARAMS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d params",
					       obj, P4TC_MAX_PARAMS);
			NL_SET_BAD_ATTR(extack, attr);
			return -E2BIG;
		}
		err = nla_parse_nested(tb, P4TC_PARAM_A_MAX, attr, p4tc_param_policy,
				       extack);
		if (err)
			return err;
		if (p4tc_nl_attr_missing(extack, attr, tb, P4TC_PARAM_A_NAME, "param name") ||
		    p4tc_nl_attr_missing(extack, attr, tb, P4TC_PARAM_A_TYPE, "param type"))
			return -EINVAL;
		err = p4tc_nl_check_name(tb[P4TC_PARAM_A_NAME], obj, "param", false, extack);
		if (err)
			return err;
		pi = &params[*num];
		memset(pi, 0, sizeof(*pi));
		strscpy(pi->name, nla_data(tb[P4TC_PARAM_A_NAME]), sizeof(pi->name));
		pi->id = tb[P4TC_PARAM_A_ID] ? nla_get_u32(tb[P4TC_PARAM_A_ID]) : *num + 1;
		if (!pi->id || p4tc_params_find(params, *num, 0, pi->name) ||
		    p4tc_params_find(params, *num, pi->id, "")) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: param %s (id %u) is a duplicate or has id 0",
					       obj, pi->name, pi->id);
			NL_SET_BAD_ATTR(extack, attr);
			return -EINVAL;
		}
		if (tb[P4TC_PARAM_A_FLAGS])
			pi->flags = nla_get_u8(tb[P4TC_PARAM_A_FLAGS]);
		if (pi->flags & ~flags) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: param %s: flags 0x%x not allowed here",
					       obj, pi->name, pi->flags & ~flags);
			NL_SET_BAD_ATTR(extack, tb[P4TC_PARAM_A_FLAGS]);
			return -EINVAL;
		}
		err = p4tc_type_init(pi, nla_get_u32(tb[P4TC_PARAM_A_TYPE]),
				     tb[P4TC_PARAM_A_BITSZ], obj, extack);
		if (err)
			return err;
		(*num)++;
		if (pi->flags & P4TC_EXT_PARAM_F_KEY)
			continue;
		pi->offset = offset;
		offset += pi->size;
		if (offset > max_size) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: params take more than %d bytes at param %s",
					       obj, max_size, pi->name);
			NL_SET_BAD_ATTR(extack, attr);
			return -E2BIG;
		}
	}
	*size = offset;
	return 0;
}

/**
 * p4tc_param_check() - check a value of an action's parameter
 * @act: action
 * @pi: one of its parameters
 * @val: value
 * @len: bytes of @val
 * @net: namespace of the entry (for dev params)
 * @extack: error report
 *
 * Return: as p4tc_type_check_value(), with an extack message naming the
 * action and parameter.
 */
int p4tc_param_check(const struct p4tc_action *act, const struct p4tc_type_info *pi,
		     const void *val, u32 len, struct net *net, struct netlink_ext_ack *extack)
{
	char obj[P4TC_NAME_LEN + 8];
	int err;

	/* Checked without a message first: naming the action costs a printf. */
	err = p4tc_type_check_value(pi, val, len, net, NULL, NULL);
	if (err) {
		snprintf(obj, sizeof(obj), "action %s", act->name);
		p4tc_type_check_value(pi, val, len, net, obj, extack);
	}
	return err;
}

/**
 * p4tc_params_fill() - pack parameter values
 * @params: the parameters
 * @num: entries in @params
 * @kind: "action", "extern": what owns them, for messages
 * @name: its name, for messages
 * @block: the packed params: zeroed, or values to change
 * @nests: param nests, validated by p4tc_param_policy
 * @nnests: number of @nests
 * @all: every parameter but keys needs a value (else those without one
 *	keep theirs in @block)
 * @net: namespace (for dev params)
 * @extack: error report
 *
 * A parameter takes at most one value; a key (P4TC_EXT_PARAM_F_KEY) none.
 *
 * Return: 0, or a negative errno with an extack message.
 */
int p4tc_params_fill(const struct p4tc_type_info *params, u32 num, const char *kind,
		     const char *name, u8 *block, struct nlattr **nests, unsigned int nnests,
		     bool all, struct net *net, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_PARAM_A_MAX + 1];
	DECLARE_BITMAP(seen, P4TC_MAX_PARAMS);
	char owner[2 * P4TC_NAME_LEN + 8];
	const struct p4tc_type_info *pi;
	const struct nlattr *value;
	unsigned int i;
	int err;
	u32 id;

	bitmap_zero(seen, P4TC_MAX_PARAMS);
	for (i = 0; i < nnests; i++) {
		p4tc_nl_split(tb, P4TC_PARAM_A_MAX, nests[i]);
		id = tb[P4TC_PARAM_A_ID] ? nla_get_u32(tb[P4TC_PARAM_A_ID]) : 0;
		pi = p4tc_params_find(params, num, id, p4tc_nl_str(tb[P4TC_PARAM_A_NAME]));
		if (!pi || (pi->flags & P4TC_EXT_PARAM_F_KEY)) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s has no param %s%s", kind, name,
					       tb[P4TC_PARAM_A_NAME] ?
					       p4tc_nl_str(tb[P4TC_PARAM_A_NAME]) : "with that id",
					       pi ? " (it is the key: the index)" : "");
			NL_SET_BAD_ATTR(extack, nests[i]);
			return -ENOENT;
		}
		if (__test_and_set_bit(pi - params, seen)) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: param %s given twice", kind, name,
					       pi->name);
			NL_SET_BAD_ATTR(extack, nests[i]);
			return -EINVAL;
		}
		if (p4tc_nl_attr_missing(extack, nests[i], tb, P4TC_PARAM_A_VALUE, "param value"))
			return -EINVAL;
		value = tb[P4TC_PARAM_A_VALUE];
		/* Checked without a message first: naming the owner costs a printf. */
		err = p4tc_type_check_value(pi, nla_data(value), nla_len(value), net, NULL, NULL);
		if (err) {
			snprintf(owner, sizeof(owner), "%s %s", kind, name);
			p4tc_type_check_value(pi, nla_data(value), nla_len(value), net, owner,
					      extack);
			NL_SET_BAD_ATTR(extack, value);
			return err;
		}
		memcpy(block + pi->offset, nla_data(value), pi->size);
	}
	for (i = 0; all && i < num; i++) {
		if (!test_bit(i, seen) && !(params[i].flags & P4TC_EXT_PARAM_F_KEY)) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: missing param %s", kind, name,
					       params[i].name);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * p4tc_action_fill_params() - pack parameter values of an entry or instance
 * @act: the action
 * @block: P4TC_MAX_PARAM_DATA_SIZE bytes: zeroed, or values to change
 * @params: param nests, validated by p4tc_param_policy
 * @nparams: number of @params
 * @all: every parameter of @act needs a value
 * @net: namespace of the entry (for dev params)
 * @extack: error report
 *
 * Return: as p4tc_params_fill().
 */
int p4tc_action_fill_params(const struct p4tc_action *act, u8 *block,
			    struct nlattr **params, unsigned int nparams, bool all,
			    struct net *net, struct netlink_ext_ack *extack)
{
	return p4tc_params_fill(act->params, act->num_params, "action", act->name, block,
				params, nparams, all, net, extack);
}

static int p4tc_param_put(struct sk_buff *skb, int attrtype,
			  const struct p4tc_type_info *pi, const u8 *block)
{
	struct nlattr *nest = nla_nest_start(skb, attrtype);

	if (!nest ||
	    nla_put_u32(skb, P4TC_PARAM_A_ID, pi->id) ||
	    nla_put_string(skb, P4TC_PARAM_A_NAME, pi->name) ||
	    nla_put_u32(skb, P4TC_PARAM_A_TYPE, pi->type) ||
	    nla_put_u16(skb, P4TC_PARAM_A_BITSZ, pi->bitsz) ||
	    nla_put_u16(skb, P4TC_PARAM_A_OFFSET, pi->offset) ||
	    (pi->flags && nla_put_u8(skb, P4TC_PARAM_A_FLAGS, pi->flags)) ||
	    (block && nla_put(skb, P4TC_PARAM_A_VALUE, pi->size, block + pi->offset))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_params_put() - put parameters, with their values if @block is given
 * @skb: message, inside the owner's nest
 * @params: the parameters
 * @num: entries in @params
 * @block: the packed params, or NULL
 * @attrtype: attribute of each param nest
 *
 * Keys (P4TC_EXT_PARAM_F_KEY) go without a value, and not at all with
 * values: an element's key is its index.
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_params_put(struct sk_buff *skb, const struct p4tc_type_info *params, u32 num,
		    const u8 *block, int attrtype)
{
	u32 i;

	for (i = 0; i < num; i++) {
		if (block && (params[i].flags & P4TC_EXT_PARAM_F_KEY))
			continue;
		if (p4tc_param_put(skb, attrtype, &params[i], block))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * p4tc_action_put_params() - put the parameter values of an entry or default
 * @skb: message, inside the entry's or default action's nest
 * @act: the action
 * @block: the packed params
 * @attrtype: attribute of each param nest
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_action_put_params(struct sk_buff *skb, const struct p4tc_action *act,
			   const u8 *block, int attrtype)
{
	return p4tc_params_put(skb, act->params, act->num_params, block, attrtype);
}

static int p4tc_action_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			    const void *obj)
{
	const struct p4tc_action *act = obj;
	struct nlattr *nest;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_ACTION);
	if (!nest ||
	    nla_put_u32(skb, P4TC_ACTION_A_ID, act->id) ||
	    nla_put_string(skb, P4TC_ACTION_A_NAME, act->name) ||
	    nla_put_u8(skb, P4TC_ACTION_A_ACTIVE, act->active) ||
	    nla_put_u32(skb, P4TC_ACTION_A_NUM_PREALLOC, act->num_prealloc))
		goto cancel;
	if (p4tc_params_put(skb, act->params, act->num_params, NULL, P4TC_ACTION_A_PARAM))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/*
 * Tables and action instances refer to actions by id and pack their
 * params: keep those fixed.
 */
static int p4tc_action_busy(struct p4tc_pipeline *p, const void *obj,
			    struct netlink_ext_ack *extack)
{
	const struct p4tc_action *act = obj;

	if (act->ninsts) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "action %s/%s has %u instances", p->name,
				       act->name, act->ninsts);
		return -EBUSY;
	}
	if (!p4tc_tables_use_action(p, act->id))
		return 0;
	NL_SET_ERR_MSG_FMT_MOD(extack,
			       "action %s/%s is in use by a table (allowed, default or const entry action)",
			       p->name, act->name);
	return -EBUSY;
}

static int p4tc_action_destroy(struct p4tc_pipeline *p, void *obj,
			       struct netlink_ext_ack *extack)
{
	struct p4tc_action *act = obj;
	int err;

	err = p4tc_action_busy(p, act, extack);
	if (err)
		return err;
	idr_remove(&p->actions, act->id);
	p->nactions--;
	p4tc_actinsts_destroy(act);
	kfree(act);
	return 0;
}

const struct p4tc_tmpl_ops p4tc_action_ops = {
	.kind = "action",
	.attr = P4TC_A_ACTION,
	.id_attr = P4TC_ACTION_A_ID,
	.name_attr = P4TC_ACTION_A_NAME,
	.idr_offset = offsetof(struct p4tc_pipeline, actions),
	.name_offset = offsetof(struct p4tc_action, name),
	.fill = p4tc_action_fill,
	.busy = p4tc_action_busy,
	.destroy = p4tc_action_destroy,
};

/**
 * p4tc_action_find() - find an action template by id or by name
 * @p: pipeline
 * @id: action id, or 0 to find by @name
 * @name: action name, used when @id is 0
 *
 * Context: holds the namespace's p4tc lock, or @p is sealed.
 * Return: the action or NULL.
 */
struct p4tc_action *p4tc_action_find(struct p4tc_pipeline *p, u32 id, const char *name)
{
	return p4tc_tmpl_find(p, &p4tc_action_ops, id, name);
}

static int p4tc_action_check_name(const struct nlattr *attr, struct netlink_ext_ack *extack)
{
	const char *name = nla_data(attr);
	const char *slash = strchr(name, '/');
	int err;

	err = p4tc_nl_check_name(attr, NULL, "action", true, extack);
	if (err)
		return err;
	if (slash && (slash == name || !slash[1] || strchr(slash + 1, '/'))) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "action name %s must be ACTION or CONTROL_BLOCK/ACTION",
				       name);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	return 0;
}

/**
 * p4tc_nl_action_new() - P4TC_CMD_ACTION_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Replies with the new action template, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_action_new(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *nest = info->attrs[P4TC_A_ACTION];
	struct nlattr *tb[P4TC_ACTION_A_MAX + 1];
	char obj[2 * P4TC_NAME_LEN + 8];
	u32 id = 1, max = U32_MAX;
	struct p4tc_pipeline *p;
	struct p4tc_action *act;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "action", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_ACTION_A_NAME, "action name"))
		return -EINVAL;
	err = p4tc_action_check_name(tb[P4TC_ACTION_A_NAME], extack);
	if (err)
		return err;
	if (tb[P4TC_ACTION_A_ID]) {
		id = nla_get_u32(tb[P4TC_ACTION_A_ID]);
		max = id;
		if (!id) {
			NL_SET_ERR_MSG_MOD(extack, "action id must not be 0");
			NL_SET_BAD_ATTR(extack, tb[P4TC_ACTION_A_ID]);
			return -EINVAL;
		}
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	act = kzalloc(sizeof(*act), GFP_KERNEL_ACCOUNT);
	if (!act) {
		err = -ENOMEM;
		goto free_msg;
	}
	strscpy(act->name, nla_data(tb[P4TC_ACTION_A_NAME]), sizeof(act->name));
	idr_init(&act->insts);
	act->active = tb[P4TC_ACTION_A_ACTIVE] && nla_get_u8(tb[P4TC_ACTION_A_ACTIVE]);
	act->num_prealloc = tb[P4TC_ACTION_A_NUM_PREALLOC] ?
			    nla_get_u32(tb[P4TC_ACTION_A_NUM_PREALLOC]) : P4TC_DEFAULT_NUM_PREALLOC;

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_action_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	snprintf(obj, sizeof(obj), "action %s/%s", p->name, act->name);
	if (p4tc_action_find(p, 0, act->name)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s already exists", obj);
		NL_SET_BAD_ATTR(extack, tb[P4TC_ACTION_A_NAME]);
		err = -EEXIST;
		goto unlock;
	}
	if (p->nactions >= P4TC_MAX_ACTIONS) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline already has %d actions",
				       obj, P4TC_MAX_ACTIONS);
		err = -ENOSPC;
		goto unlock;
	}
	err = p4tc_params_parse(act->params, &act->num_params, &act->params_size, nest,
				P4TC_ACTION_A_PARAM, P4TC_MAX_PARAM_DATA_SIZE, 0, obj, extack);
	if (err)
		goto unlock;
	err = idr_alloc_u32(&p->actions, act, &id, max, GFP_KERNEL);
	if (err) {
		if (err == -ENOSPC) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: actid %u is in use", obj, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_ACTION_A_ID]);
			err = -EEXIST;
		}
		goto unlock;
	}
	act->id = id;
	p->nactions++;
	err = p4tc_tmpl_reply(msg, p, act, &p4tc_action_ops, info);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	kfree(act);
free_msg:
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_action_set() - P4TC_CMD_ACTION_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Activates or deactivates an action template, or replaces its params
 * when the request has any. Replies with the action.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_action_set(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_ACTION];
	struct nlattr *tb[P4TC_ACTION_A_MAX + 1];
	char obj[2 * P4TC_NAME_LEN + 8];
	struct p4tc_action *act, *new;
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "action", info);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new) {
		err = -ENOMEM;
		goto free_msg;
	}

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_action_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	act = p4tc_tmpl_lookup(p, &p4tc_action_ops, tb[P4TC_ACTION_A_ID],
			       tb[P4TC_ACTION_A_NAME], nest, info->extack);
	if (IS_ERR(act)) {
		err = PTR_ERR(act);
		goto unlock;
	}
	snprintf(obj, sizeof(obj), "action %s/%s", p->name, act->name);
	if (nla_find_nested(nest, P4TC_ACTION_A_PARAM) ||
	    (tb[P4TC_ACTION_A_ACTIVE] && !nla_get_u8(tb[P4TC_ACTION_A_ACTIVE]))) {
		err = p4tc_action_busy(p, act, info->extack);
		if (err)
			goto unlock;
	}
	if (nla_find_nested(nest, P4TC_ACTION_A_PARAM)) {
		err = p4tc_params_parse(new->params, &new->num_params, &new->params_size,
					nest, P4TC_ACTION_A_PARAM, P4TC_MAX_PARAM_DATA_SIZE, 0,
					obj, info->extack);
		if (err)
			goto unlock;
		act->num_params = new->num_params;
		act->params_size = new->params_size;
		memcpy(act->params, new->params, sizeof(act->params));
	}
	if (tb[P4TC_ACTION_A_ACTIVE])
		act->active = nla_get_u8(tb[P4TC_ACTION_A_ACTIVE]);
	if (tb[P4TC_ACTION_A_NUM_PREALLOC])
		act->num_prealloc = nla_get_u32(tb[P4TC_ACTION_A_NUM_PREALLOC]);
	err = p4tc_tmpl_reply(msg, p, act, &p4tc_action_ops, info);
	mutex_unlock(&pn->lock);
	kfree(new);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	kfree(new);
free_msg:
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_action_get() - P4TC_CMD_ACTION_GET handler for one action
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_action_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_get(info, &p4tc_action_ops);
}

/**
 * p4tc_nl_action_dump() - P4TC_CMD_ACTION_GET dump of a pipeline's actions
 * @skb: dump buffer
 * @cb: dump state
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_action_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	return p4tc_tmpl_dump(skb, cb, &p4tc_action_ops);
}

/**
 * p4tc_nl_action_del() - P4TC_CMD_ACTION_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_action_del(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_del(info, &p4tc_action_ops);
}
