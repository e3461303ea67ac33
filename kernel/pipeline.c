// SPDX-License-Identifier: GPL-2.0
/*
 * Pipelines: created unsealed, filled with action templates and tables,
 * sealed once all tables exist, deleted when no filter uses them.
 */
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "netlink.h"

static struct p4tc_pipeline *p4tc_pipeline_by_name(struct p4tc_net *pn,
						   const char *name)
{
	struct p4tc_pipeline *p;
	unsigned long id, tmp;

	idr_for_each_entry_ul(&pn->pipelines, p, tmp, id)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static void p4tc_pipeline_free_work(struct work_struct *work)
{
	struct p4tc_pipeline *p = container_of(to_rcu_work(work),
					       struct p4tc_pipeline, rwork);

	p4tc_tables_destroy(p);
	p4tc_actions_destroy(p);
	p4tc_extinsts_destroy(p);
	kfree(p);
}

/**
 * p4tc_pipeline_put() - drop a reference to a pipeline
 * @p: the pipeline
 *
 * The last reference frees the pipeline, its tables and entries after an
 * RCU grace period.
 *
 * Context: any context.
 */
void p4tc_pipeline_put(struct p4tc_pipeline *p)
{
	if (refcount_dec_and_test(&p->ref)) {
		INIT_RCU_WORK(&p->rwork, p4tc_pipeline_free_work);
		queue_rcu_work(p4tc_wq, &p->rwork);
	}
}

/**
 * p4tc_pipeline_find() - find the pipeline a request names
 * @net: the request's namespace
 * @nest: P4TC_A_PIPELINE nest, with the pipeline's id or name
 * @extack: error report
 *
 * Context: holds the namespace's p4tc lock.
 * Return: the pipeline, or ERR_PTR(-EINVAL) if @nest names none,
 * ERR_PTR(-ENOENT) if it does not exist.
 */
struct p4tc_pipeline *p4tc_pipeline_find(struct net *net, const struct nlattr *nest,
					 struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_PIPELINE_A_MAX + 1];
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_pipeline *p;
	int err;

	lockdep_assert_held(&pn->lock);
	if (!nest) {
		NL_SET_ERR_MSG_MOD(extack, "missing pipeline name or id");
		return ERR_PTR(-EINVAL);
	}
	err = nla_parse_nested(tb, P4TC_PIPELINE_A_MAX, nest, p4tc_pipeline_policy,
			       extack);
	if (err)
		return ERR_PTR(err);

	if (tb[P4TC_PIPELINE_A_ID]) {
		u32 id = nla_get_u32(tb[P4TC_PIPELINE_A_ID]);

		p = idr_find(&pn->pipelines, id);
		if (!p) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline id %u not found", id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_ID]);
			return ERR_PTR(-ENOENT);
		}
		if (tb[P4TC_PIPELINE_A_NAME] &&
		    strcmp(p->name, nla_data(tb[P4TC_PIPELINE_A_NAME]))) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline id %u is named %s, not %s",
					       id, p->name,
					       p4tc_nl_str(tb[P4TC_PIPELINE_A_NAME]));
			NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_NAME]);
			return ERR_PTR(-ENOENT);
		}
		return p;
	}
	if (!tb[P4TC_PIPELINE_A_NAME]) {
		NL_SET_ERR_MSG_MOD(extack, "missing pipeline name or id");
		NL_SET_ERR_ATTR_MISS(extack, nest, P4TC_PIPELINE_A_NAME);
		return ERR_PTR(-EINVAL);
	}
	p = p4tc_pipeline_by_name(pn, nla_data(tb[P4TC_PIPELINE_A_NAME]));
	if (!p) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s not found",
				       p4tc_nl_str(tb[P4TC_PIPELINE_A_NAME]));
		NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_NAME]);
		return ERR_PTR(-ENOENT);
	}
	return p;
}

/**
 * p4tc_pipeline_get() - find a sealed pipeline and take a reference
 * @net: the request's namespace
 * @nest: P4TC_A_PIPELINE nest
 * @extack: error report
 *
 * Sealed pipelines never change their tables, so the caller may use them
 * without the namespace lock while it holds the reference.
 *
 * Context: process context; takes and releases the namespace's p4tc lock.
 * Return: the pipeline or an ERR_PTR(); -EPERM if it is not sealed.
 */
struct p4tc_pipeline *p4tc_pipeline_get(struct net *net, const struct nlattr *nest,
					struct netlink_ext_ack *extack)
{
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_pipeline *p;

	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(net, nest, extack);
	if (IS_ERR(p))
		goto unlock;
	if (!p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s is not sealed: entries need state ready",
				       p->name);
		p = ERR_PTR(-EPERM);
		goto unlock;
	}
	refcount_inc(&p->ref);
unlock:
	mutex_unlock(&pn->lock);
	return p;
}

/**
 * p4tc_pipeline_get_by_name() - take a sealed pipeline for a filter
 * @net: the filter's namespace
 * @name: pipeline name
 * @extack: error report
 *
 * The pipeline counts the filter as a user, which blocks its deletion until
 * p4tc_pipeline_del_user(); the reference taken is dropped with
 * p4tc_pipeline_put().
 *
 * Context: process context; takes and releases the namespace's p4tc lock.
 * Return: the pipeline, ERR_PTR(-ENOENT) or ERR_PTR(-EPERM) if unsealed.
 */
struct p4tc_pipeline *p4tc_pipeline_get_by_name(struct net *net, const char *name,
						struct netlink_ext_ack *extack)
{
	struct p4tc_net *pn = p4tc_net(net);
	struct p4tc_pipeline *p;

	mutex_lock(&pn->lock);
	p = p4tc_pipeline_by_name(pn, name);
	if (!p) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s not found", name);
		p = ERR_PTR(-ENOENT);
		goto unlock;
	}
	if (!p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s must be sealed (state ready) before use",
				       name);
		p = ERR_PTR(-EPERM);
		goto unlock;
	}
	refcount_inc(&p->ref);
	atomic_inc(&p->users);
unlock:
	mutex_unlock(&pn->lock);
	return p;
}

/**
 * p4tc_pipeline_del_user() - a filter stops using a pipeline
 * @p: pipeline taken with p4tc_pipeline_get_by_name()
 *
 * The pipeline may be deleted from then on; the filter still holds its
 * reference.
 *
 * Context: any context.
 */
void p4tc_pipeline_del_user(struct p4tc_pipeline *p)
{
	atomic_dec(&p->users);
}

/**
 * p4tc_pipeline_lookup_rcu() - find a sealed pipeline from the datapath
 * @net: namespace of the packet
 * @pipeid: pipeline id
 *
 * Context: RCU read side.
 * Return: the pipeline, or NULL if there is no sealed pipeline @pipeid.
 */
struct p4tc_pipeline *p4tc_pipeline_lookup_rcu(struct net *net, u32 pipeid)
{
	struct p4tc_pipeline *p = idr_find(&p4tc_net(net)->pipelines, pipeid);

	/* Pairs with the release in p4tc_pipeline_seal(): tables are final. */
	if (!p || !smp_load_acquire(&p->sealed))
		return NULL;
	return p;
}

/**
 * p4tc_pipeline_put_id() - put a P4TC_A_PIPELINE nest with id and name
 * @skb: message
 * @p: pipeline
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_pipeline_put_id(struct sk_buff *skb, const struct p4tc_pipeline *p)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_PIPELINE);

	if (!nest || nla_put_u32(skb, P4TC_PIPELINE_A_ID, p->id) ||
	    nla_put_string(skb, P4TC_PIPELINE_A_NAME, p->name)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_pipeline_fill(struct sk_buff *skb, const struct p4tc_pipeline *p)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_PIPELINE);

	if (!nest ||
	    nla_put_u32(skb, P4TC_PIPELINE_A_ID, p->id) ||
	    nla_put_string(skb, P4TC_PIPELINE_A_NAME, p->name) ||
	    nla_put_u16(skb, P4TC_PIPELINE_A_NUMTABLES, p->numtables) ||
	    nla_put_u8(skb, P4TC_PIPELINE_A_STATE,
		       p->sealed ? P4TC_PIPELINE_STATE_READY :
				   P4TC_PIPELINE_STATE_UNSEALED) ||
	    nla_put_u16(skb, P4TC_PIPELINE_A_CURTABLES, p->ntables) ||
	    nla_put_u32(skb, P4TC_PIPELINE_A_USERS, atomic_read(&p->users))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_pipeline_reply(struct sk_buff *msg, const struct p4tc_pipeline *p,
			       struct genl_info *info)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || p4tc_pipeline_fill(msg, p)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

static int p4tc_pipeline_set_numtables(struct p4tc_pipeline *p, struct nlattr *attr,
				       struct netlink_ext_ack *extack)
{
	u16 numtables = nla_get_u16(attr);

	if (numtables > P4TC_MAX_TABLES) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: numtables %u exceeds %d",
				       p->name, numtables, P4TC_MAX_TABLES);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	if (numtables < p->ntables) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s: numtables %u is less than its %u tables",
				       p->name, numtables, p->ntables);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	p->numtables = numtables;
	return 0;
}

static int p4tc_pipeline_seal(struct p4tc_pipeline *p, struct nlattr *attr,
			      struct netlink_ext_ack *extack)
{
	if (nla_get_u8(attr) != P4TC_PIPELINE_STATE_READY) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: state can only become ready",
				       p->name);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	if (p->ntables != p->numtables) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: cannot seal with %u of its %u tables",
				       p->name, p->ntables, p->numtables);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	/* Publishes the final tables to p4tc_pipeline_lookup_rcu(). */
	smp_store_release(&p->sealed, true);
	return 0;
}

/**
 * p4tc_nl_pipeline_new() - P4TC_CMD_PIPELINE_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Replies with the new pipeline, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_pipeline_new(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_PIPELINE_A_MAX + 1];
	u32 id = 1, max = U32_MAX;
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	const char *name;
	int err;

	err = p4tc_nl_parse_nested(tb, info->attrs[P4TC_A_PIPELINE], "pipeline", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, info->attrs[P4TC_A_PIPELINE], tb,
				 P4TC_PIPELINE_A_NAME, "pipeline name"))
		return -EINVAL;
	err = p4tc_nl_check_name(tb[P4TC_PIPELINE_A_NAME], NULL, "pipeline", false, extack);
	if (err)
		return err;
	name = nla_data(tb[P4TC_PIPELINE_A_NAME]);
	if (tb[P4TC_PIPELINE_A_STATE]) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "pipeline %s: seal it with an update once its tables exist",
				       name);
		NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_STATE]);
		return -EINVAL;
	}
	if (tb[P4TC_PIPELINE_A_ID]) {
		id = nla_get_u32(tb[P4TC_PIPELINE_A_ID]);
		max = id;
		if (!id) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: pipeid must not be 0", name);
			NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_ID]);
			return -EINVAL;
		}
	}

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	p = kzalloc(sizeof(*p), GFP_KERNEL_ACCOUNT);
	if (!p) {
		err = -ENOMEM;
		goto free_msg;
	}
	strscpy(p->name, name, sizeof(p->name));
	refcount_set(&p->ref, 1);
	idr_init(&p->actions);
	idr_init(&p->tables);
	xa_init(&p->extinsts);
	if (tb[P4TC_PIPELINE_A_NUMTABLES]) {
		err = p4tc_pipeline_set_numtables(p, tb[P4TC_PIPELINE_A_NUMTABLES], extack);
		if (err)
			goto free_pipeline;
	}

	mutex_lock(&pn->lock);
	if (p4tc_pipeline_by_name(pn, name)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s already exists", name);
		NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_NAME]);
		err = -EEXIST;
		goto unlock;
	}
	if (pn->npipelines >= P4TC_MAX_PIPELINES) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: namespace already has %d pipelines",
				       name, P4TC_MAX_PIPELINES);
		err = -ENOSPC;
		goto unlock;
	}
	err = idr_alloc_u32(&pn->pipelines, p, &id, max, GFP_KERNEL);
	if (err) {
		if (err == -ENOSPC) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: pipeid %u is in use",
					       name, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_PIPELINE_A_ID]);
			err = -EEXIST;
		}
		goto unlock;
	}
	p->id = id;
	pn->npipelines++;
	err = p4tc_pipeline_reply(msg, p, info);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
free_pipeline:
	kfree(p);
free_msg:
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_pipeline_set() - P4TC_CMD_PIPELINE_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Changes numtables or seals the pipeline (state ready); a sealed pipeline
 * does not change. Replies with the pipeline.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_pipeline_set(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_PIPELINE_A_MAX + 1];
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	u16 old_numtables;
	int err;

	err = p4tc_nl_parse_nested(tb, info->attrs[P4TC_A_PIPELINE], "pipeline", info);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(genl_info_net(info), info->attrs[P4TC_A_PIPELINE], extack);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	if (p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s is sealed and cannot change",
				       p->name);
		err = -EPERM;
		goto unlock;
	}
	old_numtables = p->numtables;
	if (tb[P4TC_PIPELINE_A_NUMTABLES]) {
		err = p4tc_pipeline_set_numtables(p, tb[P4TC_PIPELINE_A_NUMTABLES], extack);
		if (err)
			goto unlock;
	}
	if (tb[P4TC_PIPELINE_A_STATE]) {
		err = p4tc_pipeline_seal(p, tb[P4TC_PIPELINE_A_STATE], extack);
		if (err) {
			p->numtables = old_numtables;
			goto unlock;
		}
		p4tc_tables_cache(p, true);
	}
	err = p4tc_pipeline_reply(msg, p, info);
	mutex_unlock(&pn->lock);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_pipeline_get() - P4TC_CMD_PIPELINE_GET handler for one pipeline
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_pipeline_get(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(genl_info_net(info), info->attrs[P4TC_A_PIPELINE],
			       info->extack);
	if (IS_ERR(p)) {
		nlmsg_free(msg);
		err = PTR_ERR(p);
	} else {
		err = p4tc_pipeline_reply(msg, p, info);
	}
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_nl_pipeline_dump() - P4TC_CMD_PIPELINE_GET dump of all pipelines
 * @skb: dump buffer
 * @cb: dump state; args[0] is the next pipeline id
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_pipeline_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct p4tc_net *pn = p4tc_net(sock_net(skb->sk));
	unsigned long id = cb->args[0], tmp;
	struct p4tc_pipeline *p;

	mutex_lock(&pn->lock);
	idr_for_each_entry_continue_ul(&pn->pipelines, p, tmp, id) {
		void *hdr = p4tc_nl_dump_start(skb, cb);

		if (!hdr)
			break;
		if (p4tc_pipeline_fill(skb, p)) {
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
 * p4tc_nl_pipeline_del() - P4TC_CMD_PIPELINE_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Refused while a filter uses the pipeline.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_pipeline_del(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct net *net = genl_info_net(info);
	struct p4tc_pipeline *p;
	struct sk_buff *event;
	int err = 0, users;
	void *hdr;

	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(genl_info_net(info), info->attrs[P4TC_A_PIPELINE],
			       info->extack);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	users = atomic_read(&p->users);
	if (users) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "pipeline %s is in use by %d filter(s)",
				       p->name, users);
		err = -EBUSY;
		goto unlock;
	}
	event = p4tc_nl_event_new(net, P4TC_CMD_PIPELINE_DEL, NLMSG_GOODSIZE, &hdr, GFP_KERNEL);
	if (event && p4tc_pipeline_fill(event, p)) {
		nlmsg_free(event);
		event = NULL;
	}
	p4tc_tables_cache(p, false);
	p4tc_extinsts_release(pn, p);
	idr_remove(&pn->pipelines, p->id);
	pn->npipelines--;
	p4tc_pipeline_put(p);
	p4tc_nl_event_send(net, event, hdr, GFP_KERNEL);
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_pipelines_destroy() - drop every pipeline of a dying namespace
 * @pn: the namespace's state
 *
 * Filters that still hold a pipeline keep it until they go.
 *
 * Context: process context.
 */
void p4tc_pipelines_destroy(struct p4tc_net *pn)
{
	struct p4tc_pipeline *p;
	unsigned long id, tmp;

	mutex_lock(&pn->lock);
	idr_for_each_entry_ul(&pn->pipelines, p, tmp, id) {
		p4tc_tables_cache(p, false);
		p4tc_extinsts_release(pn, p);
		idr_remove(&pn->pipelines, id);
		/* Filters may hold it past the namespace's netlink: stop aging. */
		p4tc_tables_stop_aging(p);
		p4tc_pipeline_put(p);
	}
	pn->npipelines = 0;
	mutex_unlock(&pn->lock);
	idr_destroy(&pn->pipelines);
}
