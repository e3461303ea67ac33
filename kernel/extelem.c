// SPDX-License-Identifier: GPL-2.0
/*
 * Extern elements: what the datapath does with them (count, meter,
 * md_read, md_write) and the control plane's runtime reads and writes
 * ("p4ctrl get|update PIPE/extern/KIND/INST tc_key index N param ...").
 *
 * An element's lock serializes every access to it, from the datapath
 * (softirq) and from the control plane. Meters are RFC 2697 (single rate:
 * cir, cbs, ebs) or RFC 2698 (two rates: cir, cbs, pir, pbs); a
 * colour-blind mark is the colour-aware one of a green packet. An element
 * whose rates and bursts are all 0 is not configured and marks green.
 * Writing a meter's params refills its buckets.
 */
#include <linux/math64.h>
#include <linux/percpu.h>

#include "netlink.h"

/* What md_read returns: the program reads it before it runs again. */
static DEFINE_PER_CPU(struct p4tc_ext_bpf_val, p4tc_ext_val);

/*
 * The entry tbl_read last counted on this CPU, and the program context it
 * counted for: a count kfunc on a direct counter for the same packet and
 * entry does not count it twice.
 */
struct p4tc_direct_hit {
	const void *ctx;
	const struct p4tc_entry *e;
};

static DEFINE_PER_CPU(struct p4tc_direct_hit, p4tc_direct_hit);

/**
 * p4tc_ext_direct_hit() - tbl_read counted an entry of a table with a direct counter
 * @ctx: the program's context
 * @e: the entry
 *
 * Context: the datapath.
 */
void p4tc_ext_direct_hit(const void *ctx, const struct p4tc_entry *e)
{
	struct p4tc_direct_hit *h = this_cpu_ptr(&p4tc_direct_hit);

	h->ctx = ctx;
	h->e = e;
}

/* Whether tbl_read already counted @e for @ctx; forgets it. */
static bool p4tc_ext_direct_counted(const void *ctx, const struct p4tc_entry *e)
{
	struct p4tc_direct_hit *h = this_cpu_ptr(&p4tc_direct_hit);

	if (h->ctx != ctx || h->e != e)
		return false;
	h->ctx = NULL;
	h->e = NULL;
	return true;
}

/* An integer param (1, 2, 4 or 8 bytes, host order) of a packed block. */
static u64 p4tc_ext_get(const struct p4tc_type_info *pi, const u8 *block)
{
	const void *v;

	if (!pi)
		return 0;
	v = block + pi->offset;
	switch (pi->size) {
	case 1:
		return *(const u8 *)v;
	case 2:
		return get_unaligned((const u16 *)v);
	case 4:
		return get_unaligned((const u32 *)v);
	}
	return get_unaligned((const u64 *)v);
}

static void p4tc_ext_add(const struct p4tc_type_info *pi, u8 *block, u64 n)
{
	void *v;
	u64 x;

	if (!pi)
		return;
	v = block + pi->offset;
	x = p4tc_ext_get(pi, block) + n;
	if (pi->bitsz < 64)
		x &= (1ULL << pi->bitsz) - 1;
	switch (pi->size) {
	case 1:
		*(u8 *)v = x;
		break;
	case 2:
		put_unaligned((u16)x, (u16 *)v);
		break;
	case 4:
		put_unaligned((u32)x, (u32 *)v);
		break;
	default:
		put_unaligned(x, (u64 *)v);
	}
}

/**
 * p4tc_meter_init() - buckets of a new entry of a table with a direct meter
 * @m: the buckets
 */
void p4tc_meter_init(struct p4tc_meter_state *m)
{
	spin_lock_init(&m->lock);
}

/**
 * p4tc_meter_copy() - a replaced entry takes over the buckets of the old one
 * @dst: the new entry's buckets, initialized
 * @src: the old entry's
 */
void p4tc_meter_copy(struct p4tc_meter_state *dst, struct p4tc_meter_state *src)
{
	spin_lock_bh(&src->lock);
	dst->last_ns = src->last_ns;
	dst->tok_c = src->tok_c;
	dst->tok_p = src->tok_p;
	dst->config = src->config;
	spin_unlock_bh(&src->lock);
}

/* Fill the buckets as the config says. Holds @m->lock. */
static void p4tc_meter_reset(const struct p4tc_extinst *inst, struct p4tc_meter_state *m,
			     const u8 *cfg)
{
	m->last_ns = ktime_get_ns();
	m->tok_c = p4tc_ext_get(inst->cbs, cfg);
	m->tok_p = p4tc_ext_get(inst->pbs ?: inst->ebs, cfg);
}

/* Tokens a rate of @rate per second gives in @ns. */
static u64 p4tc_meter_tokens(u64 rate, u64 ns)
{
	/* Past 1000 s every bucket of a sane config is full anyway. */
	return mul_u64_u64_div_u64(rate, min_t(u64, ns, 1000ULL * NSEC_PER_SEC),
				   NSEC_PER_SEC);
}

/*
 * Mark @b bytes or packets of colour @color with buckets @m and config
 * @cfg; a config generation @gen other than the buckets' refills them.
 */
static int p4tc_meter_mark(const struct p4tc_extinst *inst, struct p4tc_meter_state *m,
			   const u8 *cfg, u64 gen, u64 b, int color)
{
	u64 cir = p4tc_ext_get(inst->cir, cfg), cbs = p4tc_ext_get(inst->cbs, cfg);
	u64 pir = p4tc_ext_get(inst->pir, cfg), pbs = p4tc_ext_get(inst->pbs, cfg);
	u64 ebs = p4tc_ext_get(inst->ebs, cfg);
	u64 now, add;

	if (!cir && !cbs && !pir && !pbs && !ebs)
		return P4TC_METER_GREEN;
	if (gen && m->config != gen) {
		p4tc_meter_reset(inst, m, cfg);
		m->config = gen;
	}
	now = ktime_get_ns();
	add = p4tc_meter_tokens(cir, now - m->last_ns);
	if (inst->pir) {
		m->tok_p = min(pbs, m->tok_p + p4tc_meter_tokens(pir, now - m->last_ns));
		m->tok_c = min(cbs, m->tok_c + add);
		m->last_ns = now;
		if (color == P4TC_METER_RED || m->tok_p < b)
			return P4TC_METER_RED;
		m->tok_p -= b;
		if (color == P4TC_METER_YELLOW || m->tok_c < b)
			return P4TC_METER_YELLOW;
		m->tok_c -= b;
		return P4TC_METER_GREEN;
	}
	/* Single rate: tokens fill the committed bucket, then the excess one. */
	if (m->tok_c + add > cbs) {
		m->tok_p = min(ebs, m->tok_p + m->tok_c + add - cbs);
		m->tok_c = cbs;
	} else {
		m->tok_c += add;
	}
	m->last_ns = now;
	if (color == P4TC_METER_GREEN && m->tok_c >= b) {
		m->tok_c -= b;
		return P4TC_METER_GREEN;
	}
	if (color != P4TC_METER_RED && m->tok_p >= b) {
		m->tok_p -= b;
		return P4TC_METER_YELLOW;
	}
	return P4TC_METER_RED;
}

/*
 * The instance and element an indirect call names, if the extern's data
 * permission @perm allows the call; else NULL and the errno in @err.
 */
static struct p4tc_ext_elem *p4tc_ext_elem_of(struct net *net,
					      const struct p4tc_ext_bpf_params *params,
					      u16 perm, struct p4tc_extinst **instp, int *err)
{
	struct p4tc_extinst *inst;

	inst = p4tc_extinst_lookup_rcu(net, params);
	if (!inst) {
		*err = -ENOENT;
		return NULL;
	}
	if (!(inst->permissions & perm)) {
		*err = -EPERM;
		return NULL;
	}
	if (params->index >= inst->numel) {
		*err = -ERANGE;
		return NULL;
	}
	*instp = inst;
	return p4tc_extinst_elem(inst, params->index);
}

/* The entry @key matches in the table a direct call names, and the table. */
static struct p4tc_entry *p4tc_ext_direct_entry(struct net *net,
						const struct p4tc_ext_bpf_params *params,
						const void *key, u32 key__sz,
						struct p4tc_table **tp, int *err)
{
	struct p4tc_table *t;
	struct p4tc_entry *e;

	t = p4tc_table_cached_rcu(net, params->pipe_id, params->tbl_id);
	*err = -ENOENT;
	if (!t)
		return NULL;
	*err = -EINVAL;
	if (!key || !p4tc_key_blob_fits(t, key__sz))
		return NULL;
	e = p4tc_store_lookup(t, key + sizeof(struct p4tc_table_entry_key_hdr));
	*err = -ENOENT;
	*tp = t;
	return e;
}

/**
 * p4tc_ext_count() - count a packet into a counter
 * @net: the packet's namespace
 * @ctx: the program's context
 * @params: the call: P4TC_EXT_CNT_DIRECT (the entry @key matches in table
 *	@params->tbl_id) or else an indirect counter's element @params->index
 * @params__sz: must be sizeof(*params)
 * @key: direct counters: the key blob
 * @key__sz: its size, as tbl_read's
 * @len: the packet's bytes
 * @pkts: count the packet
 * @bytes: count its bytes
 *
 * Context: the datapath.
 * Return: 0; -EINVAL for a wrong size, key or kind, -ENOENT if there is no
 * such instance, table, bound counter or entry, -EPERM without the data X
 * permission, -ERANGE for an index past the elements.
 */
int p4tc_ext_count(struct net *net, const void *ctx,
		   const struct p4tc_ext_bpf_params *params, u32 params__sz,
		   const void *key, u32 key__sz, u32 len, bool pkts, bool bytes)
{
	struct p4tc_extinst *inst;
	struct p4tc_ext_elem *el;
	struct p4tc_counters *c;
	struct p4tc_table *t;
	struct p4tc_entry *e;
	int err;

	if (!net || params__sz != sizeof(*params))
		return -EINVAL;
	if (params->flags & P4TC_EXT_CNT_DIRECT) {
		e = p4tc_ext_direct_entry(net, params, key, key__sz, &t, &err);
		if (!e)
			return err;
		if (!t->direct_counter)
			return -ENOENT;
		if (p4tc_ext_direct_counted(ctx, e))
			return 0;
		c = p4tc_entry_counters(e);
		if (pkts)
			atomic64_inc(&c->packets);
		if (bytes)
			atomic64_add(len, &c->bytes);
		return 0;
	}
	el = p4tc_ext_elem_of(net, params, P4TC_DATA_PERM_X, &inst, &err);
	if (!el)
		return err;
	if (inst->type != P4TC_EXT_COUNTER)
		return -EINVAL;
	spin_lock(&el->meter.lock);
	if (pkts)
		p4tc_ext_add(inst->pkts, el->params, 1);
	if (bytes)
		p4tc_ext_add(inst->bytes, el->params, len);
	spin_unlock(&el->meter.lock);
	return 0;
}

/**
 * p4tc_ext_meter() - mark a packet with a meter
 * @net: the packet's namespace
 * @params: the call: P4TC_EXT_METER_DIRECT (the entry @key matches in table
 *	@params->tbl_id, with the config of element 0 of the bound meter) or
 *	else an indirect meter's element @params->index; colour-aware, the
 *	packet's colour in @params->in_params[0]
 * @params__sz: must be sizeof(*params)
 * @key: direct meters: the key blob
 * @key__sz: its size, as tbl_read's
 * @len: the packet's bytes
 * @bytes: meter bytes, else packets
 * @color_aware: take the packet's colour into account
 *
 * Context: the datapath.
 * Return: P4TC_METER_GREEN, _YELLOW or _RED, or a negative errno as
 * p4tc_ext_count().
 */
int p4tc_ext_meter(struct net *net, const struct p4tc_ext_bpf_params *params,
		   u32 params__sz, const void *key, u32 key__sz, u32 len, bool bytes,
		   bool color_aware)
{
	int color = P4TC_METER_GREEN, ret, err;
	struct p4tc_meter_state *m;
	struct p4tc_extinst *inst;
	struct p4tc_ext_elem *el;
	struct p4tc_table *t;
	struct p4tc_entry *e;
	const u8 *cfg;
	u64 gen = 0;

	if (!net || params__sz != sizeof(*params))
		return -EINVAL;
	if (color_aware) {
		color = params->in_params[0];
		if (color > P4TC_METER_YELLOW)
			return -EINVAL;
	}
	if (params->flags & P4TC_EXT_METER_DIRECT) {
		e = p4tc_ext_direct_entry(net, params, key, key__sz, &t, &err);
		if (!e)
			return err;
		inst = t->direct_meter;
		if (!inst)
			return -ENOENT;
		m = p4tc_entry_meter(t, e);
		cfg = p4tc_extinst_elem(inst, 0)->params;
		gen = atomic_read(&inst->config_gen);
	} else {
		el = p4tc_ext_elem_of(net, params, P4TC_DATA_PERM_X, &inst, &err);
		if (!el)
			return err;
		if (inst->type != P4TC_EXT_METER)
			return -EINVAL;
		m = &el->meter;
		cfg = el->params;
	}
	spin_lock(&m->lock);
	ret = p4tc_meter_mark(inst, m, cfg, gen, bytes ? len : 1, color);
	spin_unlock(&m->lock);
	return ret;
}

/**
 * p4tc_ext_md_read() - read an element of an extern instance
 * @net: the packet's namespace
 * @params: the call: instance and element @params->index
 * @params__sz: must be sizeof(*params)
 *
 * Context: the datapath.
 * Return: this CPU's copy of the element's params, or NULL for a wrong
 * size, no such instance or element, or without the data R permission.
 */
struct p4tc_ext_bpf_val *p4tc_ext_md_read(struct net *net,
					  const struct p4tc_ext_bpf_params *params,
					  u32 params__sz)
{
	struct p4tc_ext_bpf_val *val = this_cpu_ptr(&p4tc_ext_val);
	struct p4tc_extinst *inst;
	struct p4tc_ext_elem *el;
	int err;

	if (!net || params__sz != sizeof(*params))
		return NULL;
	el = p4tc_ext_elem_of(net, params, P4TC_DATA_PERM_R, &inst, &err);
	if (!el)
		return NULL;
	BUILD_BUG_ON(sizeof(val->out_params) != P4TC_MAX_EXT_PARAM_DATA_SIZE);
	memset(val, 0, sizeof(*val));
	val->ext_id = inst->ext_id;
	val->index_id = params->index;
	spin_lock(&el->meter.lock);
	memcpy(val->out_params, el->params, inst->params_size);
	spin_unlock(&el->meter.lock);
	return val;
}

/*
 * Write @params into element @index of @inst; a meter's buckets refill,
 * and a new element 0 of a direct meter refills every entry's. Holds no
 * lock.
 */
static void p4tc_ext_elem_write(struct p4tc_extinst *inst, u32 index, const u8 *params)
{
	struct p4tc_ext_elem *el = p4tc_extinst_elem(inst, index);

	spin_lock_bh(&el->meter.lock);
	memcpy(el->params, params, inst->params_size);
	if (inst->type == P4TC_EXT_METER)
		p4tc_meter_reset(inst, &el->meter, el->params);
	spin_unlock_bh(&el->meter.lock);
	if (inst->direct && inst->type == P4TC_EXT_METER && !index)
		atomic_inc(&inst->config_gen);
}

/**
 * p4tc_ext_md_write() - write an element of an extern instance
 * @net: the packet's namespace
 * @params: the call: instance and element @params->index
 * @params__sz: must be sizeof(*params)
 * @val: its out_params are the element's new params
 * @val__sz: must be sizeof(*val)
 *
 * Context: the datapath.
 * Return: 0, -EINVAL for a wrong size, -ENOENT if there is no such
 * instance, -EPERM without the data U permission, -ERANGE for an index
 * past the elements.
 */
int p4tc_ext_md_write(struct net *net, const struct p4tc_ext_bpf_params *params,
		      u32 params__sz, const struct p4tc_ext_bpf_val *val, u32 val__sz)
{
	struct p4tc_extinst *inst;
	int err;

	if (!net || params__sz != sizeof(*params) || val__sz != sizeof(*val))
		return -EINVAL;
	if (!p4tc_ext_elem_of(net, params, P4TC_DATA_PERM_U, &inst, &err))
		return err;
	p4tc_ext_elem_write(inst, params->index, val->out_params);
	return 0;
}

/* Control plane */

/**
 * struct p4tc_extelem_req - an element request, once its objects are found
 * @p: pipeline
 * @inst: instance
 * @tb: the element nest's attributes
 * @nest: the element nest
 */
struct p4tc_extelem_req {
	struct p4tc_pipeline *p;
	struct p4tc_extinst *inst;
	struct nlattr *tb[P4TC_EXTELEM_A_MAX + 1];
	const struct nlattr *nest;
};

static int p4tc_extelem_req_init(struct p4tc_extelem_req *req, struct net *net,
				 struct nlattr **attrs, u16 perm, struct netlink_ext_ack *extack)
{
	struct nlattr **tb = req->tb;
	struct p4tc_extinst *inst;
	unsigned long i;

	req->nest = attrs[P4TC_A_EXTELEM];
	if (!req->nest) {
		NL_SET_ERR_MSG_MOD(extack, "missing extern element attributes");
		NL_SET_ERR_ATTR_MISS(extack, NULL, P4TC_A_EXTELEM);
		return -EINVAL;
	}
	p4tc_nl_split(tb, P4TC_EXTELEM_A_MAX, req->nest);
	req->p = p4tc_pipeline_find(net, attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(req->p))
		return PTR_ERR(req->p);
	if (!tb[P4TC_EXTELEM_A_EXT_ID] && !tb[P4TC_EXTELEM_A_EXT_NAME]) {
		NL_SET_ERR_MSG_MOD(extack, "missing extern kind name or id");
		NL_SET_ERR_ATTR_MISS(extack, req->nest, P4TC_EXTELEM_A_EXT_NAME);
		return -EINVAL;
	}
	/* The kind by its instances: a pipeline's instances know their kind. */
	req->inst = NULL;
	xa_for_each(&req->p->extinsts, i, inst) {
		for (; inst; inst = rcu_dereference_protected(inst->next, true)) {
			if (tb[P4TC_EXTELEM_A_EXT_ID] ?
			    inst->ext_id == nla_get_u32(tb[P4TC_EXTELEM_A_EXT_ID]) :
			    !strcmp(inst->ext_name, nla_data(tb[P4TC_EXTELEM_A_EXT_NAME]))) {
				req->inst = inst;
				break;
			}
		}
		if (req->inst)
			break;
	}
	if (!req->inst) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s has no instances of extern %s",
				       req->p->name, tb[P4TC_EXTELEM_A_EXT_NAME] ?
				       p4tc_nl_str(tb[P4TC_EXTELEM_A_EXT_NAME]) : "with that id");
		NL_SET_BAD_ATTR(extack, tb[P4TC_EXTELEM_A_EXT_ID] ?: tb[P4TC_EXTELEM_A_EXT_NAME]);
		return -ENOENT;
	}
	inst = p4tc_extinst_lookup(req->p, req->inst->ext_name, req->inst->ext_id,
				   tb[P4TC_EXTELEM_A_INST_ID], tb[P4TC_EXTELEM_A_INST_NAME],
				   req->nest, P4TC_EXTELEM_A_INST_NAME, extack);
	if (IS_ERR(inst))
		return PTR_ERR(inst);
	req->inst = inst;
	if (!(inst->permissions & perm)) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s: permissions 0x%x do not allow the control path to %s it",
				       inst->obj, inst->permissions,
				       perm == P4TC_CTRL_PERM_R ? "read" : "update");
		return -EPERM;
	}
	return 0;
}

/* The element the request's INDEX names. */
static int p4tc_extelem_index(struct p4tc_extelem_req *req, u32 *index,
			      struct netlink_ext_ack *extack)
{
	const struct nlattr *attr = req->tb[P4TC_EXTELEM_A_INDEX];

	if (p4tc_nl_attr_missing(extack, req->nest, req->tb, P4TC_EXTELEM_A_INDEX,
				 "extern element index (tc_key)"))
		return -EINVAL;
	*index = nla_get_u32(attr);
	if (*index < req->inst->numel)
		return 0;
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s has %u elements: no index %u", req->inst->obj,
			       req->inst->numel, *index);
	NL_SET_BAD_ATTR(extack, attr);
	return -ERANGE;
}

static int p4tc_extelem_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			     const struct p4tc_extinst *inst, u32 index)
{
	u8 params[P4TC_MAX_EXT_PARAM_DATA_SIZE];
	struct p4tc_ext_elem *el = p4tc_extinst_elem(inst, index);
	struct nlattr *nest;

	spin_lock_bh(&el->meter.lock);
	memcpy(params, el->params, inst->params_size);
	spin_unlock_bh(&el->meter.lock);
	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_EXTELEM);
	if (!nest || p4tc_extinst_put_elem_ids(skb, inst) ||
	    nla_put_u32(skb, P4TC_EXTELEM_A_INDEX, index) ||
	    p4tc_params_put(skb, inst->params, inst->nparams, params, P4TC_EXTELEM_A_PARAM)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* SET (@change) and GET of one element. */
static int p4tc_extelem_one(struct genl_info *info, bool change)
{
	struct netlink_ext_ack *extack = info->extack;
	struct net *net = genl_info_net(info);
	struct nlattr *nests[P4TC_MAX_PARAMS];
	struct p4tc_net *pn = p4tc_net(net);
	u8 params[P4TC_MAX_EXT_PARAM_DATA_SIZE];
	struct p4tc_extelem_req req;
	struct p4tc_ext_elem *el;
	const struct nlattr *attr;
	unsigned int n = 0;
	struct sk_buff *msg;
	int rem, err;
	void *hdr;
	u32 index;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	err = p4tc_extelem_req_init(&req, net, info->attrs,
				    change ? P4TC_CTRL_PERM_U : P4TC_CTRL_PERM_R, extack);
	if (!err)
		err = p4tc_extelem_index(&req, &index, extack);
	if (err)
		goto unlock;
	if (change) {
		nla_for_each_nested(attr, req.nest, rem) {
			if (nla_type(attr) != P4TC_EXTELEM_A_PARAM)
				continue;
			if (n == P4TC_MAX_PARAMS) {
				NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d params",
						       req.inst->obj, P4TC_MAX_PARAMS);
				NL_SET_BAD_ATTR(extack, attr);
				err = -E2BIG;
				goto unlock;
			}
			nests[n++] = (struct nlattr *)attr;
		}
		el = p4tc_extinst_elem(req.inst, index);
		spin_lock_bh(&el->meter.lock);
		memcpy(params, el->params, req.inst->params_size);
		spin_unlock_bh(&el->meter.lock);
		err = p4tc_params_fill(req.inst->params, req.inst->nparams, "extern",
				       req.inst->obj + strlen("extern "), params, nests, n,
				       false, net, extack);
		if (err)
			goto unlock;
		p4tc_ext_elem_write(req.inst, index, params);
	}
	hdr = p4tc_nl_reply_start(msg, info);
	if (!hdr || p4tc_extelem_fill(msg, req.p, req.inst, index)) {
		/* Done, even if it cannot be said: an element fits a page. */
		nlmsg_free(msg);
		mutex_unlock(&pn->lock);
		return 0;
	}
	err = p4tc_nl_reply(msg, hdr, info);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_extelem_set() - P4TC_CMD_EXTELEM_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Writes the params the request gives; the others keep their values.
 * Replies with the element.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extelem_set(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_extelem_one(info, true);
}

/**
 * p4tc_nl_extelem_get() - P4TC_CMD_EXTELEM_GET handler for one element
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_extelem_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_extelem_one(info, false);
}

/**
 * p4tc_nl_extelem_dump() - P4TC_CMD_EXTELEM_GET dump: every element of an
 *	instance
 * @skb: dump buffer
 * @cb: dump state; args[0] is the next index
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_extelem_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_extelem_req req;
	u32 index;
	void *hdr;
	int err;

	mutex_lock(&pn->lock);
	err = p4tc_extelem_req_init(&req, net, attrs, P4TC_CTRL_PERM_R, cb->extack);
	if (err)
		goto unlock;
	for (index = cb->args[0]; index < req.inst->numel; index++) {
		hdr = p4tc_nl_dump_start(skb, cb);
		if (!hdr)
			break;
		if (p4tc_extelem_fill(skb, req.p, req.inst, index)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = index + 1;
	}
	err = skb->len;
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/* kfuncs (registered in kfuncs.c) */

__diag_push();
__diag_ignore_all("-Wmissing-prototypes",
		  "kfuncs are global functions without prototypes, found through BTF");

/* Bytes of an XDP program's packet. */
static u32 p4tc_xdp_len(struct xdp_md *xdp_ctx)
{
	struct xdp_buff *xdp = (struct xdp_buff *)xdp_ctx;

	return xdp->data_end - xdp->data;
}

/**
 * bpf_p4tc_extern_count_pktsnbytes() - count a packet and its bytes, from TC
 * @skb_ctx: the program's context
 * @params: the counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct counters: the key blob, as bpf_p4tc_tbl_read()'s
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_count().
 */
int bpf_p4tc_extern_count_pktsnbytes(struct __sk_buff *skb_ctx,
				     struct p4tc_ext_bpf_params *params, const u32 params__sz,
				     void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_count(p4tc_skb_net(skb), skb, params, params__sz, key, key__sz,
			      skb->len, true, true);
}

/**
 * bpf_p4tc_extern_count_pkts() - count a packet, from TC
 * @skb_ctx: the program's context
 * @params: the counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct counters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_count().
 */
int bpf_p4tc_extern_count_pkts(struct __sk_buff *skb_ctx, struct p4tc_ext_bpf_params *params,
			       const u32 params__sz, void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_count(p4tc_skb_net(skb), skb, params, params__sz, key, key__sz,
			      skb->len, true, false);
}

/**
 * bpf_p4tc_extern_count_bytes() - count a packet's bytes, from TC
 * @skb_ctx: the program's context
 * @params: the counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct counters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_count().
 */
int bpf_p4tc_extern_count_bytes(struct __sk_buff *skb_ctx, struct p4tc_ext_bpf_params *params,
				const u32 params__sz, void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_count(p4tc_skb_net(skb), skb, params, params__sz, key, key__sz,
			      skb->len, false, true);
}

/**
 * xdp_p4tc_extern_count_pktsnbytes() - count a packet and its bytes, from XDP
 * @xdp_ctx: the program's context
 * @params: an indirect counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_count(); -EINVAL for a direct counter (no key).
 */
int xdp_p4tc_extern_count_pktsnbytes(struct xdp_md *xdp_ctx,
				     struct p4tc_ext_bpf_params *params, const u32 params__sz)
{
	return p4tc_ext_count(p4tc_xdp_net(xdp_ctx), xdp_ctx, params, params__sz, NULL, 0,
			      p4tc_xdp_len(xdp_ctx), true, true);
}

/**
 * xdp_p4tc_extern_count_pkts() - count a packet, from XDP
 * @xdp_ctx: the program's context
 * @params: an indirect counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 *
 * Context: RCU read side; does not sleep.
 * Return: as xdp_p4tc_extern_count_pktsnbytes().
 */
int xdp_p4tc_extern_count_pkts(struct xdp_md *xdp_ctx, struct p4tc_ext_bpf_params *params,
			       const u32 params__sz)
{
	return p4tc_ext_count(p4tc_xdp_net(xdp_ctx), xdp_ctx, params, params__sz, NULL, 0,
			      p4tc_xdp_len(xdp_ctx), true, false);
}

/**
 * xdp_p4tc_extern_count_bytes() - count a packet's bytes, from XDP
 * @xdp_ctx: the program's context
 * @params: an indirect counter: see p4tc_ext_count()
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 *
 * Context: RCU read side; does not sleep.
 * Return: as xdp_p4tc_extern_count_pktsnbytes().
 */
int xdp_p4tc_extern_count_bytes(struct xdp_md *xdp_ctx, struct p4tc_ext_bpf_params *params,
				const u32 params__sz)
{
	return p4tc_ext_count(p4tc_xdp_net(xdp_ctx), xdp_ctx, params, params__sz, NULL, 0,
			      p4tc_xdp_len(xdp_ctx), false, true);
}

/*
 * Meters: (ctx, params, params__sz, key, key__sz), the colour or a negative
 * errno (p4tc_ext_meter()). Bytes or packets, colour-aware or blind.
 */

/**
 * bpf_p4tc_extern_meter_bytes_color() - colour-aware byte meter, from TC
 * @skb_ctx: the program's context
 * @params: the meter, the packet's colour in in_params[0]
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int bpf_p4tc_extern_meter_bytes_color(struct __sk_buff *skb_ctx,
				      struct p4tc_ext_bpf_params *params, const u32 params__sz,
				      void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_meter(p4tc_skb_net(skb), params, params__sz, key, key__sz, skb->len,
			      true, true);
}

/**
 * bpf_p4tc_extern_meter_bytes() - colour-blind byte meter, from TC
 * @skb_ctx: the program's context
 * @params: the meter
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int bpf_p4tc_extern_meter_bytes(struct __sk_buff *skb_ctx, struct p4tc_ext_bpf_params *params,
				const u32 params__sz, void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_meter(p4tc_skb_net(skb), params, params__sz, key, key__sz, skb->len,
			      true, false);
}

/**
 * bpf_p4tc_extern_meter_pkts_color() - colour-aware packet meter, from TC
 * @skb_ctx: the program's context
 * @params: the meter, the packet's colour in in_params[0]
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int bpf_p4tc_extern_meter_pkts_color(struct __sk_buff *skb_ctx,
				     struct p4tc_ext_bpf_params *params, const u32 params__sz,
				     void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_meter(p4tc_skb_net(skb), params, params__sz, key, key__sz, skb->len,
			      false, true);
}

/**
 * bpf_p4tc_extern_meter_pkts() - colour-blind packet meter, from TC
 * @skb_ctx: the program's context
 * @params: the meter
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int bpf_p4tc_extern_meter_pkts(struct __sk_buff *skb_ctx, struct p4tc_ext_bpf_params *params,
			       const u32 params__sz, void *key, const u32 key__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	return p4tc_ext_meter(p4tc_skb_net(skb), params, params__sz, key, key__sz, skb->len,
			      false, false);
}

/**
 * xdp_p4tc_extern_meter_bytes_color() - colour-aware byte meter, from XDP
 * @xdp_ctx: the program's context
 * @params: the meter, the packet's colour in in_params[0]
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int xdp_p4tc_extern_meter_bytes_color(struct xdp_md *xdp_ctx,
				      struct p4tc_ext_bpf_params *params, const u32 params__sz,
				      void *key, const u32 key__sz)
{
	return p4tc_ext_meter(p4tc_xdp_net(xdp_ctx), params, params__sz, key, key__sz,
			      p4tc_xdp_len(xdp_ctx), true, true);
}

/**
 * xdp_p4tc_extern_meter_bytes() - colour-blind byte meter, from XDP
 * @xdp_ctx: the program's context
 * @params: the meter
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int xdp_p4tc_extern_meter_bytes(struct xdp_md *xdp_ctx, struct p4tc_ext_bpf_params *params,
				const u32 params__sz, void *key, const u32 key__sz)
{
	return p4tc_ext_meter(p4tc_xdp_net(xdp_ctx), params, params__sz, key, key__sz,
			      p4tc_xdp_len(xdp_ctx), true, false);
}

/**
 * xdp_p4tc_extern_meter_pkts_color() - colour-aware packet meter, from XDP
 * @xdp_ctx: the program's context
 * @params: the meter, the packet's colour in in_params[0]
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int xdp_p4tc_extern_meter_pkts_color(struct xdp_md *xdp_ctx,
				     struct p4tc_ext_bpf_params *params, const u32 params__sz,
				     void *key, const u32 key__sz)
{
	return p4tc_ext_meter(p4tc_xdp_net(xdp_ctx), params, params__sz, key, key__sz,
			      p4tc_xdp_len(xdp_ctx), false, true);
}

/**
 * xdp_p4tc_extern_meter_pkts() - colour-blind packet meter, from XDP
 * @xdp_ctx: the program's context
 * @params: the meter
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @key: direct meters: the key blob
 * @key__sz: its size
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_meter().
 */
int xdp_p4tc_extern_meter_pkts(struct xdp_md *xdp_ctx, struct p4tc_ext_bpf_params *params,
			       const u32 params__sz, void *key, const u32 key__sz)
{
	return p4tc_ext_meter(p4tc_xdp_net(xdp_ctx), params, params__sz, key, key__sz,
			      p4tc_xdp_len(xdp_ctx), false, false);
}

/**
 * bpf_p4tc_extern_md_read() - read an extern element, from TC
 * @skb_ctx: the program's context
 * @params: instance and element index
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_md_read().
 */
struct p4tc_ext_bpf_val *bpf_p4tc_extern_md_read(struct __sk_buff *skb_ctx,
						 struct p4tc_ext_bpf_params *params,
						 const u32 params__sz)
{
	return p4tc_ext_md_read(p4tc_skb_net((struct sk_buff *)skb_ctx), params, params__sz);
}

/**
 * bpf_p4tc_extern_md_write() - write an extern element, from TC
 * @skb_ctx: the program's context
 * @params: instance and element index
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @val: the element's new params in out_params
 * @val__sz: must be sizeof(struct p4tc_ext_bpf_val)
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_md_write().
 */
int bpf_p4tc_extern_md_write(struct __sk_buff *skb_ctx, struct p4tc_ext_bpf_params *params,
			     const u32 params__sz, struct p4tc_ext_bpf_val *val,
			     const u32 val__sz)
{
	return p4tc_ext_md_write(p4tc_skb_net((struct sk_buff *)skb_ctx), params, params__sz,
				 val, val__sz);
}

/**
 * xdp_p4tc_extern_md_read() - read an extern element, from XDP
 * @xdp_ctx: the program's context
 * @params: instance and element index
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_md_read().
 */
struct p4tc_ext_bpf_val *xdp_p4tc_extern_md_read(struct xdp_md *xdp_ctx,
						 struct p4tc_ext_bpf_params *params,
						 const u32 params__sz)
{
	return p4tc_ext_md_read(p4tc_xdp_net(xdp_ctx), params, params__sz);
}

/**
 * xdp_p4tc_extern_md_write() - write an extern element, from XDP
 * @xdp_ctx: the program's context
 * @params: instance and element index
 * @params__sz: must be sizeof(struct p4tc_ext_bpf_params)
 * @val: the element's new params in out_params
 * @val__sz: must be sizeof(struct p4tc_ext_bpf_val)
 *
 * Context: RCU read side; does not sleep.
 * Return: as p4tc_ext_md_write().
 */
int xdp_p4tc_extern_md_write(struct xdp_md *xdp_ctx, struct p4tc_ext_bpf_params *params,
			     const u32 params__sz, struct p4tc_ext_bpf_val *val,
			     const u32 val__sz)
{
	return p4tc_ext_md_write(p4tc_xdp_net(xdp_ctx), params, params__sz, val, val__sz);
}

__diag_pop();
