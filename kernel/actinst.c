// SPDX-License-Identifier: GPL-2.0
/*
 * Action instances: param values of an action template kept under an
 * index, which entries and default actions use instead of params of their
 * own (upstream: "tc actions add action PIPE/ACT param ... index N", then
 * "action PIPE/ACT index N" in an entry). Changing an instance's params
 * changes what every lookup returning it sees, in one pointer switch.
 *
 * Two counts: @users, the entries and default actions in tables that use
 * the instance, exact at any time, so that deleting an instance right after
 * its last entry works (-1 once deleted, which stops new users); and @ref,
 * what keeps the memory: the action's index, and every entry or default
 * action holding a pointer, until that is freed after a grace period.
 */
#include <linux/percpu.h>
#include <linux/slab.h>

#include "netlink.h"

/**
 * struct p4tc_actinst_data - what lookups returning an instance see
 * @rcu: deferred free, after a change of params
 * @act: per use, the action id, flags and params
 */
struct p4tc_actinst_data {
	struct rcu_head rcu;
	struct p4tc_table_entry_act_bpf act[P4TC_ACTINST_USES];
};

/**
 * struct p4tc_actinst_stats - lookups that returned an instance, on one CPU
 * @packets: lookups
 * @bytes: bytes of their packets
 */
struct p4tc_actinst_stats {
	u64 packets;
	u64 bytes;
};

/**
 * struct p4tc_actinst - an action instance
 * @index: index within its action, 1..
 * @act_id: its action's id
 * @users: entries and default actions in tables using it; -1 once deleted
 * @ref: references to the memory
 * @created: p4tc_now() at creation
 * @lastused: p4tc_now() at the last lookup returning it, 0 if none
 * @firstused: p4tc_now() at the first such lookup, 0 if none
 * @data: what lookups see, RCU
 * @stats: per-CPU lookup counts
 * @rcu: deferred free
 */
struct p4tc_actinst {
	u32 index;
	u32 act_id;
	atomic_t users;
	refcount_t ref;
	u32 created;
	u32 lastused;
	u32 firstused;
	struct p4tc_actinst_data __rcu *data;
	struct p4tc_actinst_stats __percpu *stats;
	struct rcu_head rcu;
};

/**
 * p4tc_actinst_bind() - take an action instance for an entry or default action
 * @p: pipeline
 * @a: action
 * @index: u32 attribute, the instance's index
 * @obj: the entry's or default action's table, for messages
 * @extack: error report
 *
 * Counts a user and takes a reference; p4tc_actinst_unbind() gives the
 * first back when the user leaves its table, p4tc_actinst_put() the second
 * when it is freed.
 *
 * Context: process context; the namespace's lock, or none.
 * Return: the instance, ERR_PTR(-ENOENT), or ERR_PTR(-EBUSY) while a
 * delete or flush of it runs; with an extack message.
 */
struct p4tc_actinst *p4tc_actinst_bind(const struct p4tc_pipeline *p,
				       const struct p4tc_action *a,
				       const struct nlattr *index, const char *obj,
				       struct netlink_ext_ack *extack)
{
	struct p4tc_actinst *inst;
	int err = 0;

	rcu_read_lock();
	inst = idr_find(&a->insts, nla_get_u32(index));
	if (!inst) {
		err = -ENOENT;
	} else if (!atomic_inc_unless_negative(&inst->users)) {
		err = -EBUSY;
	} else if (!refcount_inc_not_zero(&inst->ref)) {
		/* Not deleted, it holds the index's reference: never here. */
		atomic_dec(&inst->users);
		err = -ENOENT;
	}
	rcu_read_unlock();
	if (!err)
		return inst;
	if (err == -EBUSY)
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: instance %u of action %s/%s is being deleted",
				       obj, nla_get_u32(index), p->name, a->name);
	else
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: action %s/%s has no instance %u", obj,
				       p->name, a->name, nla_get_u32(index));
	NL_SET_BAD_ATTR(extack, index);
	return ERR_PTR(err);
}

/**
 * p4tc_actinst_unbind() - an entry or default action leaves its table
 * @inst: the instance it uses
 */
void p4tc_actinst_unbind(struct p4tc_actinst *inst)
{
	atomic_dec(&inst->users);
}

/**
 * p4tc_actinst_put() - drop a reference to an action instance
 * @inst: instance
 *
 * Once the last one goes, nothing can reach the params or counts (entries
 * and default actions are gone after their grace period), but a lookup of
 * the index may still hold the instance: that is freed after one more.
 *
 * Context: any, RCU callbacks included.
 */
void p4tc_actinst_put(struct p4tc_actinst *inst)
{
	if (!refcount_dec_and_test(&inst->ref))
		return;
	free_percpu(inst->stats);
	kfree(rcu_dereference_protected(inst->data, true));
	kfree_rcu(inst, rcu);
}

/**
 * p4tc_actinst_hit() - what a lookup returning an action instance returns
 * @inst: the instance of the entry or default action found
 * @use: which one it was
 * @len: bytes of the packet, counted
 *
 * Context: RCU read side, the datapath.
 * Return: the action id, flags and params, valid until the read side ends.
 */
struct p4tc_table_entry_act_bpf *p4tc_actinst_hit(struct p4tc_actinst *inst,
						  enum p4tc_actinst_use use, u32 len)
{
	u32 now = p4tc_now();

	this_cpu_inc(inst->stats->packets);
	this_cpu_add(inst->stats->bytes, len);
	if (READ_ONCE(inst->lastused) != now) {
		if (!READ_ONCE(inst->firstused))
			WRITE_ONCE(inst->firstused, now);
		WRITE_ONCE(inst->lastused, now);
	}
	return &rcu_dereference_check(inst->data, rcu_read_lock_bh_held())->act[use];
}

/**
 * p4tc_actinst_params() - the current params of an action instance
 * @inst: instance
 *
 * Context: RCU read side.
 * Return: the packed params, valid until the read side ends.
 */
const u8 *p4tc_actinst_params(const struct p4tc_actinst *inst)
{
	return rcu_dereference_check(inst->data,
				     rcu_read_lock_bh_held())->act[P4TC_ACTINST_ENTRY].params;
}

/**
 * p4tc_actinst_index() - the index of an action instance
 * @inst: instance
 *
 * Return: the index.
 */
u32 p4tc_actinst_index(const struct p4tc_actinst *inst)
{
	return inst->index;
}

/**
 * p4tc_actinsts_destroy() - drop the instances of an action going away
 * @a: action of a pipeline whose tables are gone
 */
void p4tc_actinsts_destroy(struct p4tc_action *a)
{
	struct p4tc_actinst *inst;
	unsigned long tmp, index;

	idr_for_each_entry_ul(&a->insts, inst, tmp, index)
		p4tc_actinst_put(inst);
	idr_destroy(&a->insts);
}

/* Params for each use, the flags of each set. */
static struct p4tc_actinst_data *p4tc_actinst_data_new(u32 act_id, const u8 *params)
{
	struct p4tc_actinst_data *d;
	int use;

	d = kzalloc(sizeof(*d), GFP_KERNEL_ACCOUNT);
	if (!d)
		return NULL;
	for (use = 0; use < P4TC_ACTINST_USES; use++) {
		d->act[use].act_id = act_id;
		d->act[use].hit = use != P4TC_ACTINST_DEFAULT_MISS;
		d->act[use].is_default_hit_act = use == P4TC_ACTINST_DEFAULT_HIT;
		d->act[use].is_default_miss_act = use == P4TC_ACTINST_DEFAULT_MISS;
		if (params)
			memcpy(d->act[use].params, params, sizeof(d->act[use].params));
	}
	return d;
}

/**
 * struct p4tc_actinst_req - an instance request, once its objects are found
 * @p: pipeline
 * @a: action
 * @tb: the instance nest's attributes
 * @nest: the instance nest
 * @obj: "action PIPE/ACT", for messages
 */
struct p4tc_actinst_req {
	struct p4tc_pipeline *p;
	struct p4tc_action *a;
	struct nlattr *tb[P4TC_ACTINST_A_MAX + 1];
	const struct nlattr *nest;
	char obj[2 * P4TC_NAME_LEN + 8];
};

/* Find the pipeline and, if @need_action, the action of a request. */
static int p4tc_actinst_req_init(struct p4tc_actinst_req *req, struct net *net,
				 struct nlattr **attrs, bool need_action,
				 struct netlink_ext_ack *extack)
{
	struct nlattr **tb = req->tb;
	int err;

	req->nest = attrs[P4TC_A_ACTINST];
	memset(tb, 0, sizeof(req->tb));
	if (req->nest) {
		err = p4tc_nl_split(tb, P4TC_ACTINST_A_MAX, req->nest);
		if (err)
			return err;
	} else if (need_action) {
		NL_SET_ERR_MSG_MOD(extack, "missing action instance attributes");
		NL_SET_ERR_ATTR_MISS(extack, NULL, P4TC_A_ACTINST);
		return -EINVAL;
	}
	req->p = p4tc_pipeline_find(net, attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(req->p))
		return PTR_ERR(req->p);
	req->a = NULL;
	if (!need_action && !tb[P4TC_ACTINST_A_ACTION_ID] && !tb[P4TC_ACTINST_A_ACTION_NAME])
		return 0;
	req->a = p4tc_tmpl_lookup(req->p, &p4tc_action_ops, tb[P4TC_ACTINST_A_ACTION_ID],
				  tb[P4TC_ACTINST_A_ACTION_NAME], req->nest, extack);
	if (IS_ERR(req->a))
		return PTR_ERR(req->a);
	snprintf(req->obj, sizeof(req->obj), "action %s/%s", req->p->name, req->a->name);
	return 0;
}

static struct p4tc_actinst *p4tc_actinst_find(struct p4tc_actinst_req *req,
					      struct netlink_ext_ack *extack)
{
	struct nlattr *index = req->tb[P4TC_ACTINST_A_INDEX];
	struct p4tc_actinst *inst;

	if (p4tc_nl_attr_missing(extack, req->nest, req->tb, P4TC_ACTINST_A_INDEX,
				 "action instance index"))
		return ERR_PTR(-EINVAL);
	inst = idr_find(&req->a->insts, nla_get_u32(index));
	if (inst)
		return inst;
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s has no instance %u", req->obj, nla_get_u32(index));
	NL_SET_BAD_ATTR(extack, index);
	return ERR_PTR(-ENOENT);
}

static int p4tc_actinst_put_stats(struct sk_buff *skb, const struct p4tc_actinst *inst)
{
	u64 packets = 0, bytes = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct p4tc_actinst_stats *s = per_cpu_ptr(inst->stats, cpu);

		packets += READ_ONCE(s->packets);
		bytes += READ_ONCE(s->bytes);
	}
	return p4tc_put_counters(skb, P4TC_ACTINST_A_COUNTERS, packets, bytes);
}

static int p4tc_actinst_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			     const struct p4tc_action *a, const struct p4tc_actinst *inst)
{
	struct nlattr *nest;
	int err;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_ACTINST);
	if (!nest)
		return -EMSGSIZE;
	rcu_read_lock();
	err = nla_put_u32(skb, P4TC_ACTINST_A_ACTION_ID, a->id) ||
	      nla_put_string(skb, P4TC_ACTINST_A_ACTION_NAME, a->name) ||
	      nla_put_u32(skb, P4TC_ACTINST_A_INDEX, inst->index) ||
	      nla_put_u32(skb, P4TC_ACTINST_A_USERS, max(atomic_read(&inst->users), 0)) ||
	      p4tc_action_put_params(skb, a, p4tc_actinst_params(inst),
				     P4TC_ACTINST_A_PARAM) ||
	      p4tc_put_tm(skb, P4TC_ACTINST_A_TM, inst->created, READ_ONCE(inst->lastused),
			  READ_ONCE(inst->firstused)) ||
	      p4tc_actinst_put_stats(skb, inst);
	rcu_read_unlock();
	if (err) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* The PARAM nests of a request, at most P4TC_MAX_PARAMS. */
static int p4tc_actinst_params_of(struct p4tc_actinst_req *req, struct nlattr **params,
				  unsigned int *nparams, struct netlink_ext_ack *extack)
{
	struct nlattr *attr;
	int rem;

	*nparams = 0;
	nla_for_each_nested(attr, req->nest, rem) {
		if (nla_type(attr) != P4TC_ACTINST_A_PARAM)
			continue;
		if (*nparams == P4TC_MAX_PARAMS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d params", req->obj,
					       P4TC_MAX_PARAMS);
			NL_SET_BAD_ATTR(extack, attr);
			return -E2BIG;
		}
		params[(*nparams)++] = attr;
	}
	return 0;
}

/*
 * New params for an instance: those of the request over @base (the
 * current ones for a change, else none, and then every param is needed).
 */
static struct p4tc_actinst_data *p4tc_actinst_parse(struct p4tc_actinst_req *req,
						    const struct p4tc_actinst *base,
						    struct net *net,
						    struct netlink_ext_ack *extack)
{
	struct nlattr *params[P4TC_MAX_PARAMS];
	u8 block[P4TC_MAX_PARAM_DATA_SIZE] = {};
	unsigned int nparams;
	int err;

	err = p4tc_actinst_params_of(req, params, &nparams, extack);
	if (err)
		return ERR_PTR(err);
	if (base) {
		rcu_read_lock();
		memcpy(block, p4tc_actinst_params(base), sizeof(block));
		rcu_read_unlock();
	}
	err = p4tc_action_fill_params(req->a, block, params, nparams, !base, net, extack);
	if (err)
		return ERR_PTR(err);
	return p4tc_actinst_data_new(req->a->id, block) ?: ERR_PTR(-ENOMEM);
}

/* Lookups see the old params or the new, never a mix. */
static void p4tc_actinst_set_data(struct p4tc_net *pn, struct p4tc_actinst *inst,
				  struct p4tc_actinst_data *d)
{
	struct p4tc_actinst_data *old;

	old = rcu_replace_pointer(inst->data, d, lockdep_is_held(&pn->lock));
	kfree_rcu(old, rcu);
}

/* Reply with an instance, in @msg allocated before any change was made. */
static int p4tc_actinst_reply(struct genl_info *info, struct sk_buff *msg,
			      const struct p4tc_actinst_req *req,
			      const struct p4tc_actinst *inst)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || p4tc_actinst_fill(msg, req->p, req->a, inst)) {
		/* Done, even if it cannot be said: an instance fits a page. */
		nlmsg_free(msg);
		return 0;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/* A new instance in the action's index, its index given or the first free. */
static struct p4tc_actinst *p4tc_actinst_create(struct p4tc_actinst_req *req,
						struct net *net, struct netlink_ext_ack *extack)
{
	struct nlattr *index = req->tb[P4TC_ACTINST_A_INDEX];
	struct p4tc_actinst_data *d;
	struct p4tc_actinst *inst;
	u32 id = 1, max = U32_MAX;
	int err;

	if (!req->a->active) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is not active: instances need state active",
				       req->obj);
		return ERR_PTR(-EPERM);
	}
	if (req->a->ninsts >= P4TC_MAX_ACTION_INSTANCES) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s already has %d instances", req->obj,
				       P4TC_MAX_ACTION_INSTANCES);
		return ERR_PTR(-ENOSPC);
	}
	if (index) {
		id = nla_get_u32(index);
		max = id;
	}
	d = p4tc_actinst_parse(req, NULL, net, extack);
	if (IS_ERR(d))
		return ERR_CAST(d);
	err = -ENOMEM;
	inst = kzalloc(sizeof(*inst), GFP_KERNEL_ACCOUNT);
	if (!inst)
		goto free_data;
	inst->stats = alloc_percpu_gfp(struct p4tc_actinst_stats, GFP_KERNEL_ACCOUNT);
	if (!inst->stats)
		goto free_inst;
	/* Reserved empty: entries binding without the lock find it once whole. */
	err = idr_alloc_u32(&req->a->insts, NULL, &id, max, GFP_KERNEL_ACCOUNT);
	if (err)
		goto free_stats;
	inst->index = id;
	inst->act_id = req->a->id;
	inst->created = p4tc_now();
	refcount_set(&inst->ref, 1);
	RCU_INIT_POINTER(inst->data, d);
	idr_replace(&req->a->insts, inst, id);
	req->a->ninsts++;
	return inst;

free_stats:
	free_percpu(inst->stats);
free_inst:
	kfree(inst);
free_data:
	kfree(d);
	return ERR_PTR(err);
}

/**
 * p4tc_nl_actinst_new() - P4TC_CMD_ACTINST_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Creates an instance with a value for every param of its action, or
 * with P4TC_ACTINST_A_REPLACE replaces the params of an existing one.
 * Replies with the instance, including its index.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_actinst_new(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_actinst *inst = NULL;
	struct p4tc_actinst_data *d;
	struct p4tc_actinst_req req;
	struct sk_buff *msg;
	u32 index;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	err = p4tc_actinst_req_init(&req, net, info->attrs, true, extack);
	if (err)
		goto unlock;
	if (req.tb[P4TC_ACTINST_A_REPLACE] &&
	    p4tc_nl_attr_missing(extack, req.nest, req.tb, P4TC_ACTINST_A_INDEX,
				 "action instance index to replace")) {
		err = -EINVAL;
		goto unlock;
	}
	if (req.tb[P4TC_ACTINST_A_INDEX]) {
		index = nla_get_u32(req.tb[P4TC_ACTINST_A_INDEX]);
		err = -EINVAL;
		if (!index) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: instance index must not be 0",
					       req.obj);
			goto bad_index;
		}
		inst = idr_find(&req.a->insts, index);
		err = -EEXIST;
		if (inst && !req.tb[P4TC_ACTINST_A_REPLACE]) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: instance %u already exists",
					       req.obj, index);
			goto bad_index;
		}
	}
	if (inst) {
		d = p4tc_actinst_parse(&req, NULL, net, extack);
		err = PTR_ERR_OR_ZERO(d);
		if (err)
			goto unlock;
		p4tc_actinst_set_data(pn, inst, d);
	} else {
		inst = p4tc_actinst_create(&req, net, extack);
		err = PTR_ERR_OR_ZERO(inst);
		if (err)
			goto unlock;
	}
	err = p4tc_actinst_reply(info, msg, &req, inst);
	mutex_unlock(&pn->lock);
	return err;

bad_index:
	NL_SET_BAD_ATTR(extack, req.tb[P4TC_ACTINST_A_INDEX]);
unlock:
	mutex_unlock(&pn->lock);
	nlmsg_free(msg);
	return err;
}

/* SET (@change) and GET of one instance: the same but for the change. */
static int p4tc_actinst_one(struct genl_info *info, bool change)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_actinst_data *d;
	struct p4tc_actinst_req req;
	struct p4tc_actinst *inst;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	err = p4tc_actinst_req_init(&req, net, info->attrs, true, extack);
	if (err)
		goto unlock;
	inst = p4tc_actinst_find(&req, extack);
	err = PTR_ERR_OR_ZERO(inst);
	if (err)
		goto unlock;
	if (change) {
		d = p4tc_actinst_parse(&req, inst, net, extack);
		err = PTR_ERR_OR_ZERO(d);
		if (err)
			goto unlock;
		p4tc_actinst_set_data(pn, inst, d);
	}
	err = p4tc_actinst_reply(info, msg, &req, inst);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_actinst_set() - P4TC_CMD_ACTINST_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Changes the params the request gives; the others keep their values.
 * Replies with the instance.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_actinst_set(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_actinst_one(info, true);
}

/**
 * p4tc_nl_actinst_get() - P4TC_CMD_ACTINST_GET handler for one instance
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_actinst_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_actinst_one(info, false);
}

/**
 * p4tc_nl_actinst_dump() - P4TC_CMD_ACTINST_GET dump
 * @skb: dump buffer
 * @cb: dump state; args[0] is the action id, args[1] the next index
 *
 * Dumps the instances of the action the request names, or of every action
 * of the pipeline.
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_actinst_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	unsigned long act_id = cb->args[0], index, tmp, tmp_inst;
	struct net *net = sock_net(skb->sk);
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_actinst_req req;
	struct p4tc_actinst *inst;
	struct p4tc_action *a;
	void *hdr;
	int err;

	mutex_lock(&pn->lock);
	err = p4tc_actinst_req_init(&req, net, attrs, false, cb->extack);
	if (err)
		goto unlock;
	if (req.a && act_id < req.a->id)
		act_id = req.a->id;
	idr_for_each_entry_continue_ul(&req.p->actions, a, tmp, act_id) {
		if (req.a && a != req.a)
			break;
		index = act_id == cb->args[0] ? cb->args[1] : 0;
		idr_for_each_entry_continue_ul(&a->insts, inst, tmp_inst, index) {
			hdr = p4tc_nl_dump_start(skb, cb);
			if (!hdr)
				goto full;
			if (p4tc_actinst_fill(skb, req.p, a, inst)) {
				genlmsg_cancel(skb, hdr);
				goto full;
			}
			genlmsg_end(skb, hdr);
			cb->args[0] = act_id;
			cb->args[1] = index + 1;
		}
		cb->args[0] = act_id + 1;
		cb->args[1] = 0;
	}
full:
	err = skb->len;
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/* Stop new users of an instance no entry or default action uses. */
static bool p4tc_actinst_retire(struct p4tc_actinst *inst)
{
	return atomic_cmpxchg(&inst->users, 0, -1) == 0;
}

static void p4tc_actinst_remove(struct p4tc_action *a, struct p4tc_actinst *inst)
{
	idr_remove(&a->insts, inst->index);
	a->ninsts--;
	p4tc_actinst_put(inst);
}

static int p4tc_actinst_busy(const struct p4tc_actinst_req *req,
			     const struct p4tc_actinst *inst, struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s: instance %u is used by %d entries or default actions",
			       req->obj, inst->index, atomic_read(&inst->users));
	return -EBUSY;
}

/* The P4TC_A_ACTINST nest of a flush: the action alone. */
static int p4tc_actinst_put_action(struct sk_buff *skb, const struct p4tc_action *a)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_ACTINST);

	if (!nest ||
	    nla_put_u32(skb, P4TC_ACTINST_A_ACTION_ID, a->id) ||
	    nla_put_string(skb, P4TC_ACTINST_A_ACTION_NAME, a->name))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* Delete every instance of the request's action, or none if one is in use. */
static int p4tc_actinst_flush(struct genl_info *info, struct p4tc_actinst_req *req)
{
	struct p4tc_actinst *inst, *busy = NULL;
	unsigned long tmp, index;
	struct sk_buff *msg;
	u32 count = 0;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	idr_for_each_entry_ul(&req->a->insts, inst, tmp, index) {
		if (!p4tc_actinst_retire(inst)) {
			busy = inst;
			break;
		}
	}
	if (busy) {
		/* Give the retired ones their users back. */
		idr_for_each_entry_ul(&req->a->insts, inst, tmp, index) {
			if (inst == busy)
				break;
			atomic_set(&inst->users, 0);
		}
		nlmsg_free(msg);
		return p4tc_actinst_busy(req, busy, info->extack);
	}
	idr_for_each_entry_ul(&req->a->insts, inst, tmp, index) {
		p4tc_actinst_remove(req->a, inst);
		count++;
	}
	hdr = p4tc_nl_reply_start(msg, info);
	if (!hdr || p4tc_pipeline_put_id(msg, req->p) ||
	    p4tc_actinst_put_action(msg, req->a) ||
	    nla_put_u32(msg, P4TC_A_COUNT, count)) {
		/* Done, even if it cannot be said. */
		nlmsg_free(msg);
		return 0;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/**
 * p4tc_nl_actinst_del() - P4TC_CMD_ACTINST_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Deletes the instance of the given index, or without an index every
 * instance of the action (replying with P4TC_A_COUNT). An instance that an
 * entry or default action uses cannot go.
 *
 * Return: 0, -EBUSY, or another negative errno; with an extack message.
 */
int p4tc_nl_actinst_del(struct sk_buff *skb, struct genl_info *info)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_actinst_req req;
	struct p4tc_actinst *inst;
	struct sk_buff *msg;
	void *hdr;
	int err;

	mutex_lock(&pn->lock);
	err = p4tc_actinst_req_init(&req, net, info->attrs, true, extack);
	if (err)
		goto unlock;
	if (!req.tb[P4TC_ACTINST_A_INDEX]) {
		err = p4tc_actinst_flush(info, &req);
		goto unlock;
	}
	inst = p4tc_actinst_find(&req, extack);
	err = PTR_ERR_OR_ZERO(inst);
	if (err)
		goto unlock;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	err = -ENOMEM;
	if (!msg)
		goto unlock;
	hdr = p4tc_nl_reply_start(msg, info);
	err = -EMSGSIZE;
	if (!hdr || p4tc_actinst_fill(msg, req.p, req.a, inst))
		goto free_msg;
	if (!p4tc_actinst_retire(inst)) {
		err = p4tc_actinst_busy(&req, inst, extack);
		goto free_msg;
	}
	p4tc_actinst_remove(req.a, inst);
	err = p4tc_nl_reply(msg, hdr, info);
	goto unlock;

free_msg:
	nlmsg_free(msg);
unlock:
	mutex_unlock(&pn->lock);
	return err;
}
