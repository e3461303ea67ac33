// SPDX-License-Identifier: GPL-2.0
/*
 * Extern kinds and extern instances (templates). A kind ("extern/root/
 * Counter extid N ...") is declared once per namespace; a pipeline declares
 * instances of it ("extern_inst/PIPE/Counter/c1 ..."), each an array of
 * elements that the datapath and the control plane read and write
 * (extelem.c). What the datapath does with an instance beyond md_read and
 * md_write depends on its kind's name: counters, meters, or neither.
 *
 * Kinds live as long as no pipeline has instances of them. Instances live
 * with their pipeline: they are created and deleted while it is unsealed,
 * and freed with it (or after a grace period, when deleted).
 */
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "netlink.h"

/**
 * struct p4tc_extern - an extern kind of a namespace
 * @id: extid
 * @name: kind name
 * @num_instances: instances a pipeline may have
 * @permissions: CRUDXPS bits its instances take
 * @has_exec: has_exec_method, kept and reported
 * @type: enum p4tc_ext_type, from @name
 * @ninsts: instances in all pipelines of the namespace
 */
struct p4tc_extern {
	u32 id;
	char name[P4TC_NAME_LEN];
	u32 num_instances;
	u16 permissions;
	bool has_exec;
	u8 type;
	u32 ninsts;
};

static const struct {
	const char *name;
	u8 type;
	bool direct;
} p4tc_ext_types[] = {
	{ "Counter", P4TC_EXT_COUNTER, false },
	{ "DirectCounter", P4TC_EXT_COUNTER, true },
	{ "Meter", P4TC_EXT_METER, false },
	{ "DirectMeter", P4TC_EXT_METER, true },
};

static u8 p4tc_ext_type_of(const char *name, bool *direct)
{
	unsigned int i;

	*direct = false;
	for (i = 0; i < ARRAY_SIZE(p4tc_ext_types); i++) {
		if (!strcmp(p4tc_ext_types[i].name, name)) {
			*direct = p4tc_ext_types[i].direct;
			return p4tc_ext_types[i].type;
		}
	}
	return P4TC_EXT_GENERIC;
}

static struct p4tc_extern *p4tc_extern_find(struct p4tc_net *pn, u32 id, const char *name)
{
	struct p4tc_extern *ext;
	unsigned long tmp, i;

	if (id)
		return idr_find(&pn->externs, id);
	idr_for_each_entry_ul(&pn->externs, ext, tmp, i)
		if (!strcmp(ext->name, name))
			return ext;
	return NULL;
}

/* The kind a request names by @id or @name (either may be NULL). */
static struct p4tc_extern *p4tc_extern_lookup(struct p4tc_net *pn, const struct nlattr *id,
					      const struct nlattr *name,
					      const struct nlattr *nest, int name_attr,
					      struct netlink_ext_ack *extack)
{
	struct p4tc_extern *ext;

	if (!id && !name) {
		NL_SET_ERR_MSG_MOD(extack, "missing extern kind name or id");
		NL_SET_ERR_ATTR_MISS(extack, nest, name_attr);
		return ERR_PTR(-EINVAL);
	}
	ext = p4tc_extern_find(pn, id ? nla_get_u32(id) : 0, p4tc_nl_str(name));
	if (ext && id && name && strcmp(ext->name, nla_data(name))) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "extern id %u is %s, not %s", ext->id, ext->name,
				       p4tc_nl_str(name));
		NL_SET_BAD_ATTR(extack, id);
		return ERR_PTR(-EINVAL);
	}
	if (ext)
		return ext;
	if (id)
		NL_SET_ERR_MSG_FMT_MOD(extack, "no extern kind with id %u", nla_get_u32(id));
	else
		NL_SET_ERR_MSG_FMT_MOD(extack, "no extern kind %s", p4tc_nl_str(name));
	NL_SET_BAD_ATTR(extack, id ?: name);
	return ERR_PTR(-ENOENT);
}

static int p4tc_extern_fill(struct sk_buff *skb, const struct p4tc_extern *ext)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_EXTERN);

	if (!nest ||
	    nla_put_u32(skb, P4TC_EXTERN_A_ID, ext->id) ||
	    nla_put_string(skb, P4TC_EXTERN_A_NAME, ext->name) ||
	    nla_put_u32(skb, P4TC_EXTERN_A_NUM_INSTANCES, ext->num_instances) ||
	    nla_put_u16(skb, P4TC_EXTERN_A_PERMISSIONS, ext->permissions) ||
	    (ext->has_exec && nla_put_flag(skb, P4TC_EXTERN_A_HAS_EXEC)) ||
	    nla_put_u32(skb, P4TC_EXTERN_A_INSTANCES, ext->ninsts)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* Reply to @info with @ext; a change goes to the events group too. */
static int p4tc_extern_reply(struct genl_info *info, struct sk_buff *msg,
			     const struct p4tc_extern *ext)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || p4tc_extern_fill(msg, ext)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/**
 * p4tc_nl_extern_new() - P4TC_CMD_EXTERN_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Declares an extern kind in the namespace. Templates of several programs
 * declare the same kinds: declaring an existing kind again with the same
 * id (or none) succeeds and raises its num_instances to the larger of the
 * two. Replies with the kind, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extern_new(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_EXTERN];
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_EXTERN_A_MAX + 1];
	struct p4tc_extern *ext, *old;
	u32 id = 1, max = U32_MAX;
	struct sk_buff *msg;
	bool direct;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "extern", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_EXTERN_A_NAME, "extern kind name"))
		return -EINVAL;
	err = p4tc_nl_check_name(tb[P4TC_EXTERN_A_NAME], NULL, "extern kind", false, extack);
	if (err)
		return err;
	if (tb[P4TC_EXTERN_A_ID]) {
		id = nla_get_u32(tb[P4TC_EXTERN_A_ID]);
		max = id;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	ext = kzalloc(sizeof(*ext), GFP_KERNEL_ACCOUNT);
	if (!ext) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	strscpy(ext->name, nla_data(tb[P4TC_EXTERN_A_NAME]), sizeof(ext->name));
	ext->num_instances = tb[P4TC_EXTERN_A_NUM_INSTANCES] ?
			     nla_get_u32(tb[P4TC_EXTERN_A_NUM_INSTANCES]) : 1;
	ext->permissions = tb[P4TC_EXTERN_A_PERMISSIONS] ?
			   nla_get_u16(tb[P4TC_EXTERN_A_PERMISSIONS]) :
			   P4TC_DEFAULT_EXT_PERMISSIONS;
	ext->has_exec = tb[P4TC_EXTERN_A_HAS_EXEC];
	ext->type = p4tc_ext_type_of(ext->name, &direct);

	mutex_lock(&pn->lock);
	old = p4tc_extern_find(pn, 0, ext->name);
	if (old) {
		err = -EEXIST;
		if (tb[P4TC_EXTERN_A_ID] && old->id != id) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "extern %s exists with id %u, not %u",
					       old->name, old->id, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_EXTERN_A_ID]);
			goto unlock;
		}
		old->num_instances = max(old->num_instances, ext->num_instances);
		kfree(ext);
		err = p4tc_extern_reply(info, msg, old);
		mutex_unlock(&pn->lock);
		return err;
	}
	err = -ENOSPC;
	if (pn->nexterns >= P4TC_MAX_EXTERNS) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "extern %s: the namespace already has %d kinds",
				       ext->name, P4TC_MAX_EXTERNS);
		goto unlock;
	}
	err = idr_alloc_u32(&pn->externs, ext, &id, max, GFP_KERNEL_ACCOUNT);
	if (err) {
		if (err == -ENOSPC) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "extern %s: extid %u is in use",
					       ext->name, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_EXTERN_A_ID]);
			err = -EEXIST;
		}
		goto unlock;
	}
	ext->id = id;
	pn->nexterns++;
	err = p4tc_extern_reply(info, msg, ext);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	kfree(ext);
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_extern_get() - P4TC_CMD_EXTERN_GET handler for one kind
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extern_get(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_EXTERN];
	struct nlattr *tb[P4TC_EXTERN_A_MAX + 1];
	struct p4tc_extern *ext;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "extern", info);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	ext = p4tc_extern_lookup(pn, tb[P4TC_EXTERN_A_ID], tb[P4TC_EXTERN_A_NAME], nest,
				 P4TC_EXTERN_A_NAME, info->extack);
	if (IS_ERR(ext)) {
		nlmsg_free(msg);
		err = PTR_ERR(ext);
	} else {
		err = p4tc_extern_reply(info, msg, ext);
	}
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_nl_extern_dump() - P4TC_CMD_EXTERN_GET dump: every kind
 * @skb: dump buffer
 * @cb: dump state; args[0] is the next id
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_extern_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct p4tc_net *pn = p4tc_net(sock_net(skb->sk));
	unsigned long id = cb->args[0], tmp;
	struct p4tc_extern *ext;
	void *hdr;

	mutex_lock(&pn->lock);
	idr_for_each_entry_continue_ul(&pn->externs, ext, tmp, id) {
		hdr = p4tc_nl_dump_start(skb, cb);
		if (!hdr)
			break;
		if (p4tc_extern_fill(skb, ext)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = id + 1;
	}
	mutex_unlock(&pn->lock);
	return skb->len;
}

/**
 * p4tc_nl_extern_del() - P4TC_CMD_EXTERN_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno (-EBUSY while a pipeline has instances of
 * the kind), with an extack message.
 */
int p4tc_nl_extern_del(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_EXTERN];
	struct nlattr *tb[P4TC_EXTERN_A_MAX + 1];
	struct p4tc_extern *ext;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "extern", info);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	ext = p4tc_extern_lookup(pn, tb[P4TC_EXTERN_A_ID], tb[P4TC_EXTERN_A_NAME], nest,
				 P4TC_EXTERN_A_NAME, info->extack);
	err = PTR_ERR_OR_ZERO(ext);
	if (!err && ext->ninsts) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "extern %s has %u instances", ext->name,
				       ext->ninsts);
		err = -EBUSY;
	}
	if (err) {
		nlmsg_free(msg);
		goto unlock;
	}
	idr_remove(&pn->externs, ext->id);
	pn->nexterns--;
	err = p4tc_extern_reply(info, msg, ext);
	kfree(ext);
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_externs_destroy() - free the extern kinds of a dying namespace
 * @pn: the namespace's state, without pipelines
 */
void p4tc_externs_destroy(struct p4tc_net *pn)
{
	struct p4tc_extern *ext;
	unsigned long tmp, id;

	idr_for_each_entry_ul(&pn->externs, ext, tmp, id)
		kfree(ext);
	idr_destroy(&pn->externs);
}

/* Instances */

/* An instance of a pipeline by kind id and instance id, or name if @id is 0. */
static struct p4tc_extinst *p4tc_extinst_find(struct p4tc_pipeline *p, u32 ext_id, u32 id,
					      const char *name)
{
	struct p4tc_extinst *inst;
	unsigned long tmp;

	if (id) {
		inst = xa_load(&p->extinsts, id);
		while (inst && inst->ext_id != ext_id)
			inst = rcu_dereference_protected(inst->next, true);
		return inst;
	}
	xa_for_each(&p->extinsts, tmp, inst)
		for (; inst; inst = rcu_dereference_protected(inst->next, true))
			if (inst->ext_id == ext_id && !strcmp(inst->name, name))
				return inst;
	return NULL;
}

/**
 * p4tc_extinst_lookup_rcu() - the instance an extern call of the datapath names
 * @net: the packet's namespace
 * @params: the call
 *
 * Context: RCU read side.
 * Return: the instance, of a sealed pipeline, or NULL.
 */
struct p4tc_extinst *p4tc_extinst_lookup_rcu(struct net *net,
					     const struct p4tc_ext_bpf_params *params)
{
	struct p4tc_extinst *inst;
	struct p4tc_pipeline *p;

	p = p4tc_pipeline_lookup_rcu(net, params->pipe_id);
	if (!p || !READ_ONCE(p->sealed))
		return NULL;
	inst = xa_load(&p->extinsts, params->inst_id);
	while (inst && inst->ext_id != params->ext_id)
		inst = rcu_dereference_check(inst->next, rcu_read_lock_bh_held());
	return inst;
}

/* Element @index of @inst. */
struct p4tc_ext_elem *p4tc_extinst_elem(const struct p4tc_extinst *inst, u32 index)
{
	return inst->elems + (size_t)index * inst->stride;
}

static void p4tc_extinst_free(struct p4tc_extinst *inst)
{
	kvfree(inst->elems);
	kfree(inst);
}

static void p4tc_extinst_free_rcu(struct rcu_head *head)
{
	p4tc_extinst_free(container_of(head, struct p4tc_extinst, rcu));
}

static int p4tc_extinst_put_ids(struct sk_buff *skb, int ext_id_attr, int ext_name_attr,
				int id_attr, int name_attr, const struct p4tc_extinst *inst)
{
	return nla_put_u32(skb, ext_id_attr, inst->ext_id) ||
	       nla_put_string(skb, ext_name_attr, inst->ext_name) ||
	       nla_put_u32(skb, id_attr, inst->id) ||
	       nla_put_string(skb, name_attr, inst->name) ? -EMSGSIZE : 0;
}

/**
 * p4tc_extinst_put_elem_ids() - put the kind and instance of an element message
 * @skb: message, in its P4TC_A_EXTELEM nest
 * @inst: the instance
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_extinst_put_elem_ids(struct sk_buff *skb, const struct p4tc_extinst *inst)
{
	return p4tc_extinst_put_ids(skb, P4TC_EXTELEM_A_EXT_ID, P4TC_EXTELEM_A_EXT_NAME,
				    P4TC_EXTELEM_A_INST_ID, P4TC_EXTELEM_A_INST_NAME, inst);
}

static int p4tc_extinst_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			     const struct p4tc_extinst *inst)
{
	struct nlattr *nest;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_EXTINST);
	if (!nest ||
	    p4tc_extinst_put_ids(skb, P4TC_EXTINST_A_EXT_ID, P4TC_EXTINST_A_EXT_NAME,
				 P4TC_EXTINST_A_ID, P4TC_EXTINST_A_NAME, inst) ||
	    nla_put_u32(skb, P4TC_EXTINST_A_NUMEL, inst->numel) ||
	    (inst->tbl_bindable && nla_put_flag(skb, P4TC_EXTINST_A_TBL_BINDABLE)) ||
	    nla_put_u16(skb, P4TC_EXTINST_A_PERMISSIONS, inst->permissions) ||
	    (inst->table_id && nla_put_u32(skb, P4TC_EXTINST_A_TABLE_ID, inst->table_id)) ||
	    p4tc_params_put(skb, inst->constr, inst->nconstr, inst->constr_vals,
			    P4TC_EXTINST_A_CONSTRUCTOR) ||
	    p4tc_params_put(skb, inst->params, inst->nparams, NULL, P4TC_EXTINST_A_PARAM)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_extinst_reply(struct genl_info *info, struct sk_buff *msg,
			      const struct p4tc_pipeline *p, const struct p4tc_extinst *inst)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || p4tc_extinst_fill(msg, p, inst)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/* The constructor params and their values. */
static int p4tc_extinst_parse_constr(struct p4tc_extinst *inst, const struct nlattr *nest,
				     struct net *net, struct netlink_ext_ack *extack)
{
	struct nlattr *nests[P4TC_MAX_PARAMS];
	const struct nlattr *attr;
	unsigned int n = 0;
	u32 size;
	int rem, err;

	err = p4tc_params_parse(inst->constr, &inst->nconstr, &size, nest,
				P4TC_EXTINST_A_CONSTRUCTOR, P4TC_MAX_PARAM_DATA_SIZE, 0,
				inst->obj, extack);
	if (err)
		return err;
	nla_for_each_nested(attr, nest, rem)
		if (nla_type(attr) == P4TC_EXTINST_A_CONSTRUCTOR)
			nests[n++] = (struct nlattr *)attr;
	return p4tc_params_fill(inst->constr, inst->nconstr, "extern constructor of",
				inst->obj, inst->constr_vals, nests, n, true, net, extack);
}

/*
 * A number param of a counter (a bit) or a meter (a bit or a rate), of at
 * most 64 bits; *@bad set if it is there but not so.
 */
static const struct p4tc_type_info *p4tc_extinst_num_param(struct p4tc_extinst *inst,
							   const char *name, bool rate,
							   bool *bad)
{
	const struct p4tc_type_info *pi = p4tc_params_find(inst->params, inst->nparams, 0, name);

	if (pi && ((pi->type != P4TC_T_BIT && (!rate || pi->type != P4TC_T_RATE)) ||
		   pi->size > 8 || (pi->flags & P4TC_EXT_PARAM_F_KEY)))
		*bad = true;
	return pi;
}

/* The key, and the params a counter or meter needs. */
static int p4tc_extinst_check_params(struct p4tc_extinst *inst, const struct nlattr *nest,
				     struct netlink_ext_ack *extack)
{
	bool bad = false;
	u32 i;

	for (i = 0; i < inst->nparams; i++) {
		if (!(inst->params[i].flags & P4TC_EXT_PARAM_F_KEY))
			continue;
		if (inst->key) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than one tc_key param", inst->obj);
			goto bad_params;
		}
		inst->key = &inst->params[i];
		if ((inst->key->type != P4TC_T_BIT && inst->key->type != P4TC_T_INT) ||
		    inst->key->bitsz > 32) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: tc_key %s must be a bit or int of at most 32 bits",
					       inst->obj, inst->key->name);
			goto bad_params;
		}
	}
	if (!inst->key) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: missing the tc_key param (the index)",
				       inst->obj);
		goto bad_params;
	}
	switch (inst->type) {
	case P4TC_EXT_COUNTER:
		inst->pkts = p4tc_extinst_num_param(inst, "pkts", false, &bad) ?:
			     p4tc_extinst_num_param(inst, "packets", false, &bad);
		inst->bytes = p4tc_extinst_num_param(inst, "bytes", false, &bad);
		if (bad || (!inst->pkts && !inst->bytes)) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: a counter needs a pkts or bytes param, a bit of at most 64 bits",
					       inst->obj);
			goto bad_params;
		}
		break;
	case P4TC_EXT_METER:
		inst->cir = p4tc_extinst_num_param(inst, "cir", true, &bad);
		inst->cbs = p4tc_extinst_num_param(inst, "cbs", true, &bad);
		inst->pir = p4tc_extinst_num_param(inst, "pir", true, &bad);
		inst->pbs = p4tc_extinst_num_param(inst, "pbs", true, &bad);
		inst->ebs = p4tc_extinst_num_param(inst, "ebs", true, &bad);
		if (bad || !inst->cir || !inst->cbs ||
		    !((inst->pir && inst->pbs && !inst->ebs) ||
		      (!inst->pir && !inst->pbs && inst->ebs))) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: a meter needs params cir, cbs and either pir, pbs or ebs, bits or rates of at most 64 bits",
					       inst->obj);
			goto bad_params;
		}
		break;
	}
	return 0;

bad_params:
	NL_SET_BAD_ATTR(extack, nest);
	return -EINVAL;
}

static struct p4tc_extinst *p4tc_extinst_parse(struct p4tc_pipeline *p,
					       const struct p4tc_extern *ext,
					       struct nlattr **tb, const struct nlattr *nest,
					       struct net *net, struct netlink_ext_ack *extack)
{
	struct p4tc_extinst *inst;
	size_t size;
	u32 i;
	int err;

	inst = kzalloc(sizeof(*inst), GFP_KERNEL_ACCOUNT);
	if (!inst)
		return ERR_PTR(-ENOMEM);
	strscpy(inst->name, nla_data(tb[P4TC_EXTINST_A_NAME]), sizeof(inst->name));
	strscpy(inst->ext_name, ext->name, sizeof(inst->ext_name));
	snprintf(inst->obj, sizeof(inst->obj), "extern %s/%s/%s", p->name, ext->name,
		 inst->name);
	inst->ext_id = ext->id;
	inst->type = ext->type;
	p4tc_ext_type_of(ext->name, &inst->direct);
	inst->permissions = ext->permissions;
	inst->numel = tb[P4TC_EXTINST_A_NUMEL] ? nla_get_u32(tb[P4TC_EXTINST_A_NUMEL]) :
						 P4TC_DEFAULT_EXT_ELEMS;
	inst->tbl_bindable = tb[P4TC_EXTINST_A_TBL_BINDABLE];
	atomic_set(&inst->config_gen, 1);
	err = p4tc_extinst_parse_constr(inst, nest, net, extack);
	if (err)
		goto free_inst;
	err = p4tc_params_parse(inst->params, &inst->nparams, &inst->params_size, nest,
				P4TC_EXTINST_A_PARAM, P4TC_MAX_EXT_PARAM_DATA_SIZE,
				P4TC_EXT_PARAM_F_KEY | P4TC_EXT_PARAM_F_DATA_SCALAR,
				inst->obj, extack);
	if (err)
		goto free_inst;
	err = p4tc_extinst_check_params(inst, nest, extack);
	if (err)
		goto free_inst;
	if (inst->key->bitsz < 32 && inst->numel > 1U << inst->key->bitsz) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: tc_numel %u does not fit tc_key %s of %u bits",
				       inst->obj, inst->numel, inst->key->name, inst->key->bitsz);
		NL_SET_BAD_ATTR(extack, tb[P4TC_EXTINST_A_NUMEL]);
		err = -EINVAL;
		goto free_inst;
	}
	inst->stride = round_up(sizeof(struct p4tc_ext_elem) + inst->params_size, 8);
	size = (size_t)inst->numel * inst->stride;
	err = -ENOMEM;
	inst->elems = kvzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!inst->elems)
		goto free_inst;
	for (i = 0; i < inst->numel; i++)
		spin_lock_init(&p4tc_extinst_elem(inst, i)->meter.lock);
	return inst;

free_inst:
	kfree(inst);
	return ERR_PTR(err);
}

/* Add @inst to @p under id @id: the first of its chain, for lookups. */
static int p4tc_extinst_insert(struct p4tc_pipeline *p, struct p4tc_extinst *inst)
{
	struct p4tc_extinst *first = xa_load(&p->extinsts, inst->id);
	int err;

	RCU_INIT_POINTER(inst->next, first);
	err = xa_err(xa_store(&p->extinsts, inst->id, inst, GFP_KERNEL_ACCOUNT));
	if (!err)
		p->nextinsts++;
	return err;
}

static void p4tc_extinst_unlink(struct p4tc_pipeline *p, struct p4tc_extinst *inst)
{
	struct p4tc_extinst *first = xa_load(&p->extinsts, inst->id), *prev;
	struct p4tc_extinst *next = rcu_dereference_protected(inst->next, true);

	p->nextinsts--;
	if (first == inst) {
		if (next)
			xa_store(&p->extinsts, inst->id, next, GFP_KERNEL);
		else
			xa_erase(&p->extinsts, inst->id);
		return;
	}
	for (prev = first; rcu_dereference_protected(prev->next, true) != inst;
	     prev = rcu_dereference_protected(prev->next, true))
		;
	rcu_assign_pointer(prev->next, next);
}

/* The first free instance id of kind @ext_id in @p. */
static u32 p4tc_extinst_free_id(struct p4tc_pipeline *p, u32 ext_id)
{
	u32 id;

	for (id = 1; id <= P4TC_MAX_EXT_INSTANCES; id++)
		if (!p4tc_extinst_find(p, ext_id, id, ""))
			return id;
	return 0;
}

/* Instances of kind @ext in @p. */
static u32 p4tc_extinst_count(struct p4tc_pipeline *p, const struct p4tc_extern *ext)
{
	struct p4tc_extinst *inst;
	unsigned long i;
	u32 n = 0;

	xa_for_each(&p->extinsts, i, inst)
		for (; inst; inst = rcu_dereference_protected(inst->next, true))
			n += inst->ext_id == ext->id;
	return n;
}

/**
 * p4tc_nl_extinst_new() - P4TC_CMD_EXTINST_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Creates an instance of an extern kind in an unsealed pipeline, its
 * elements zeroed. Replies with the instance, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extinst_new(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *nest = info->attrs[P4TC_A_EXTINST];
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_net *pn = p4tc_net(net);
	struct nlattr *tb[P4TC_EXTINST_A_MAX + 1];
	struct p4tc_extinst *inst;
	struct p4tc_pipeline *p;
	struct p4tc_extern *ext;
	struct sk_buff *msg;
	u32 id = 0;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "extern instance", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_EXTINST_A_NAME, "extern instance name"))
		return -EINVAL;
	err = p4tc_nl_check_name(tb[P4TC_EXTINST_A_NAME], NULL, "extern instance", false,
				 extack);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(net, info->attrs[P4TC_A_PIPELINE], extack);
	err = PTR_ERR_OR_ZERO(p);
	if (err)
		goto unlock;
	if (p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s is sealed: its extern instances cannot change",
				       p->name);
		err = -EPERM;
		goto unlock;
	}
	ext = p4tc_extern_lookup(pn, tb[P4TC_EXTINST_A_EXT_ID], tb[P4TC_EXTINST_A_EXT_NAME],
				 nest, P4TC_EXTINST_A_EXT_NAME, extack);
	err = PTR_ERR_OR_ZERO(ext);
	if (err)
		goto unlock;
	if (p4tc_extinst_find(p, ext->id, 0, nla_data(tb[P4TC_EXTINST_A_NAME]))) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "extern %s/%s/%s already exists", p->name,
				       ext->name, (char *)nla_data(tb[P4TC_EXTINST_A_NAME]));
		NL_SET_BAD_ATTR(extack, tb[P4TC_EXTINST_A_NAME]);
		err = -EEXIST;
		goto unlock;
	}
	if (p4tc_extinst_count(p, ext) >= ext->num_instances) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s already has the %u instances of extern %s (numinstances)",
				       p->name, ext->num_instances, ext->name);
		err = -ENOSPC;
		goto unlock;
	}
	if (tb[P4TC_EXTINST_A_ID]) {
		id = nla_get_u32(tb[P4TC_EXTINST_A_ID]);
		if (p4tc_extinst_find(p, ext->id, id, "")) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: extern %s instid %u is in use",
					       p->name, ext->name, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_EXTINST_A_ID]);
			err = -EEXIST;
			goto unlock;
		}
	} else {
		id = p4tc_extinst_free_id(p, ext->id);
	}
	inst = p4tc_extinst_parse(p, ext, tb, nest, net, extack);
	err = PTR_ERR_OR_ZERO(inst);
	if (err)
		goto unlock;
	inst->id = id;
	err = p4tc_extinst_insert(p, inst);
	if (err) {
		p4tc_extinst_free(inst);
		goto unlock;
	}
	ext->ninsts++;
	err = p4tc_extinst_reply(info, msg, p, inst);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	nlmsg_free(msg);
	return err;
}

/*
 * The pipeline, kind and instance a request names; @inst NULL to name the
 * kind alone (or nothing, if @need_inst is false).
 */
static int p4tc_extinst_req(struct net *net, struct nlattr **attrs, bool need_inst,
			    struct p4tc_pipeline **pp, struct p4tc_extern **extp,
			    struct p4tc_extinst **instp, struct netlink_ext_ack *extack)
{
	struct nlattr *nest = attrs[P4TC_A_EXTINST];
	struct nlattr *tb[P4TC_EXTINST_A_MAX + 1] = {};
	struct p4tc_pipeline *p;
	struct p4tc_extinst *inst;
	struct p4tc_extern *ext;

	if (nest) {
		p4tc_nl_split(tb, P4TC_EXTINST_A_MAX, nest);
	} else if (need_inst) {
		NL_SET_ERR_MSG_MOD(extack, "missing extern instance attributes");
		NL_SET_ERR_ATTR_MISS(extack, NULL, P4TC_A_EXTINST);
		return -EINVAL;
	}
	p = p4tc_pipeline_find(net, attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	*pp = p;
	*extp = NULL;
	*instp = NULL;
	if (!need_inst && !tb[P4TC_EXTINST_A_EXT_ID] && !tb[P4TC_EXTINST_A_EXT_NAME])
		return 0;
	ext = p4tc_extern_lookup(p4tc_net(net), tb[P4TC_EXTINST_A_EXT_ID],
				 tb[P4TC_EXTINST_A_EXT_NAME], nest, P4TC_EXTINST_A_EXT_NAME,
				 extack);
	if (IS_ERR(ext))
		return PTR_ERR(ext);
	*extp = ext;
	if (!need_inst)
		return 0;
	inst = p4tc_extinst_lookup(p, ext->name, ext->id, tb[P4TC_EXTINST_A_ID],
				   tb[P4TC_EXTINST_A_NAME], nest, P4TC_EXTINST_A_NAME, extack);
	if (IS_ERR(inst))
		return PTR_ERR(inst);
	*instp = inst;
	return 0;
}

/**
 * p4tc_extinst_lookup() - the instance a request names
 * @p: pipeline
 * @kind: its kind's name, for messages
 * @ext_id: its kind's id
 * @id: u32 instance id attribute, may be NULL
 * @name: string instance name attribute, used without @id, may be NULL
 * @nest: the nest of @id and @name
 * @name_attr: the name's attribute type in @nest
 * @extack: error report
 *
 * Context: holds the namespace's p4tc lock.
 * Return: the instance or an ERR_PTR(), with an extack message.
 */
struct p4tc_extinst *p4tc_extinst_lookup(struct p4tc_pipeline *p, const char *kind,
					 u32 ext_id, const struct nlattr *id,
					 const struct nlattr *name, const struct nlattr *nest,
					 int name_attr, struct netlink_ext_ack *extack)
{
	struct p4tc_extinst *inst;

	if (!id && !name) {
		NL_SET_ERR_MSG_MOD(extack, "missing extern instance name or id");
		NL_SET_ERR_ATTR_MISS(extack, nest, name_attr);
		return ERR_PTR(-EINVAL);
	}
	inst = p4tc_extinst_find(p, ext_id, id ? nla_get_u32(id) : 0, p4tc_nl_str(name));
	if (inst && id && name && strcmp(inst->name, nla_data(name))) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: extern %s instid %u is %s, not %s",
				       p->name, kind, inst->id, inst->name, p4tc_nl_str(name));
		NL_SET_BAD_ATTR(extack, id);
		return ERR_PTR(-EINVAL);
	}
	if (inst)
		return inst;
	if (id)
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s has no extern %s instid %u", p->name,
				       kind, nla_get_u32(id));
	else
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s has no extern %s/%s", p->name, kind,
				       p4tc_nl_str(name));
	NL_SET_BAD_ATTR(extack, id ?: name);
	return ERR_PTR(-ENOENT);
}

/**
 * p4tc_nl_extinst_get() - P4TC_CMD_EXTINST_GET handler for one instance
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extinst_get(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct p4tc_extinst *inst;
	struct p4tc_pipeline *p;
	struct p4tc_extern *ext;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	err = p4tc_extinst_req(genl_info_net(info), info->attrs, true, &p, &ext, &inst,
			       info->extack);
	if (err)
		nlmsg_free(msg);
	else
		err = p4tc_extinst_reply(info, msg, p, inst);
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_nl_extinst_dump() - P4TC_CMD_EXTINST_GET dump
 * @skb: dump buffer
 * @cb: dump state; args[0] is the next instance id, args[1] the position
 *	in its chain
 *
 * Dumps the instances of the pipeline, or of the kind the request names.
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_extinst_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct p4tc_net *pn = p4tc_net(net);
	unsigned long id = cb->args[0];
	struct p4tc_extinst *inst;
	struct p4tc_pipeline *p;
	struct p4tc_extern *ext;
	unsigned long pos;
	void *hdr;
	int err;

	mutex_lock(&pn->lock);
	err = p4tc_extinst_req(net, attrs, false, &p, &ext, &inst, cb->extack);
	if (err)
		goto unlock;
	xa_for_each_start(&p->extinsts, id, inst, cb->args[0]) {
		for (pos = 0; inst; inst = rcu_dereference_protected(inst->next, true), pos++) {
			if (pos < cb->args[1] || (ext && inst->ext_id != ext->id))
				continue;
			hdr = p4tc_nl_dump_start(skb, cb);
			if (!hdr)
				goto full;
			if (p4tc_extinst_fill(skb, p, inst)) {
				genlmsg_cancel(skb, hdr);
				goto full;
			}
			genlmsg_end(skb, hdr);
			cb->args[0] = id;
			cb->args[1] = pos + 1;
		}
		cb->args[0] = id + 1;
		cb->args[1] = 0;
	}
full:
	err = skb->len;
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_nl_extinst_del() - P4TC_CMD_EXTINST_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno (-EBUSY while a table binds the instance),
 * with an extack message.
 */
int p4tc_nl_extinst_del(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct p4tc_extinst *inst;
	struct p4tc_pipeline *p;
	struct p4tc_extern *ext;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	err = p4tc_extinst_req(genl_info_net(info), info->attrs, true, &p, &ext, &inst, extack);
	if (err)
		goto free_msg;
	err = -EPERM;
	if (p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s is sealed: its extern instances cannot change",
				       p->name);
		goto free_msg;
	}
	err = -EBUSY;
	if (inst->table_id) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is bound to table id %u", inst->obj,
				       inst->table_id);
		goto free_msg;
	}
	p4tc_extinst_unlink(p, inst);
	ext->ninsts--;
	err = p4tc_extinst_reply(info, msg, p, inst);
	call_rcu(&inst->rcu, p4tc_extinst_free_rcu);
	mutex_unlock(&pn->lock);
	return err;

free_msg:
	nlmsg_free(msg);
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_extinsts_release() - a pipeline leaves its namespace: its instances
 *	stop counting in their kinds, which may go then
 * @pn: the namespace's state
 * @p: the pipeline
 *
 * Context: holds @pn's lock.
 */
void p4tc_extinsts_release(struct p4tc_net *pn, struct p4tc_pipeline *p)
{
	struct p4tc_extinst *inst;
	struct p4tc_extern *ext;
	unsigned long i;

	xa_for_each(&p->extinsts, i, inst) {
		for (; inst; inst = rcu_dereference_protected(inst->next, true)) {
			ext = idr_find(&pn->externs, inst->ext_id);
			if (ext)
				ext->ninsts--;
		}
	}
}

/**
 * p4tc_extinsts_destroy() - free the instances of a pipeline nobody can reach
 * @p: the pipeline
 */
void p4tc_extinsts_destroy(struct p4tc_pipeline *p)
{
	struct p4tc_extinst *inst, *next;
	unsigned long i;

	xa_for_each(&p->extinsts, i, inst) {
		for (; inst; inst = next) {
			next = rcu_dereference_protected(inst->next, true);
			p4tc_extinst_free(inst);
		}
	}
	xa_destroy(&p->extinsts);
}

/**
 * p4tc_extinst_bind_table() - find the direct counter or meter a table binds
 * @p: the table's pipeline
 * @attr: string attribute "KIND/INST"
 * @type: P4TC_EXT_COUNTER or P4TC_EXT_METER
 * @obj: the table, for messages
 * @extack: error report
 *
 * The caller marks the instance bound (its table_id) once the table is
 * created.
 *
 * Context: holds the namespace's p4tc lock.
 * Return: the instance or an ERR_PTR(), with an extack message.
 */
struct p4tc_extinst *p4tc_extinst_bind_table(struct p4tc_pipeline *p,
					     const struct nlattr *attr, u8 type,
					     const char *obj, struct netlink_ext_ack *extack)
{
	const char *path = nla_data(attr), *slash = strchr(path, '/');
	struct p4tc_extinst *inst = NULL;
	struct p4tc_extinst *it;
	unsigned long i;

	xa_for_each(&p->extinsts, i, it) {
		for (; it && !inst; it = rcu_dereference_protected(it->next, true))
			if (slash && !strncmp(path, it->ext_name, slash - path) &&
			    !it->ext_name[slash - path] && !strcmp(slash + 1, it->name))
				inst = it;
	}
	if (!inst) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline %s has no extern %s", obj, p->name,
				       path);
	} else if (inst->type != type || !inst->tbl_bindable) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: extern %s is not a table-bindable %s", obj,
				       path, type == P4TC_EXT_COUNTER ? "counter" : "meter");
		inst = NULL;
	} else if (inst->table_id) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: extern %s is bound to table id %u", obj, path,
				       inst->table_id);
		inst = NULL;
	}
	if (inst)
		return inst;
	NL_SET_BAD_ATTR(extack, attr);
	return ERR_PTR(-EINVAL);
}
