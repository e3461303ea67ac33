// SPDX-License-Identifier: GPL-2.0
/*
 * What action and table templates share: finding them by id or name,
 * their pipeline, and the get, dump and delete requests.
 */
#include "netlink.h"

static const char *p4tc_tmpl_name(const struct p4tc_tmpl_ops *ops, const void *obj)
{
	return (const char *)obj + ops->name_offset;
}

static struct idr *p4tc_tmpl_idr(const struct p4tc_tmpl_ops *ops, struct p4tc_pipeline *p)
{
	return (struct idr *)((char *)p + ops->idr_offset);
}

/**
 * p4tc_tmpl_find() - find a template object by id or by name
 * @p: pipeline
 * @ops: the object's kind
 * @id: object id, or 0 to find by @name
 * @name: object name, used when @id is 0
 *
 * Context: holds the namespace's p4tc lock, or @p is sealed.
 * Return: the object or NULL.
 */
void *p4tc_tmpl_find(struct p4tc_pipeline *p, const struct p4tc_tmpl_ops *ops,
		     u32 id, const char *name)
{
	struct idr *idr = p4tc_tmpl_idr(ops, p);
	unsigned long tmp, i;
	void *obj;

	if (id)
		return idr_find(idr, id);
	idr_for_each_entry_ul(idr, obj, tmp, i)
		if (!strcmp(p4tc_tmpl_name(ops, obj), name))
			return obj;
	return NULL;
}

/**
 * p4tc_tmpl_lookup() - find the template object a request names
 * @p: pipeline
 * @ops: the object's kind
 * @id: u32 id attribute, may be NULL
 * @name: string name attribute, used without @id, may be NULL
 * @nest: the nest of @id and @name
 * @extack: error report
 *
 * Return: the object, ERR_PTR(-EINVAL) if neither attribute is given,
 * ERR_PTR(-ENOENT) if there is no such object; with an extack message.
 */
void *p4tc_tmpl_lookup(struct p4tc_pipeline *p, const struct p4tc_tmpl_ops *ops,
		       const struct nlattr *id, const struct nlattr *name,
		       const struct nlattr *nest, struct netlink_ext_ack *extack)
{
	void *obj;

	if (!id && !name) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "missing %s name or id", ops->kind);
		NL_SET_ERR_ATTR_MISS(extack, nest, ops->name_attr);
		return ERR_PTR(-EINVAL);
	}
	obj = p4tc_tmpl_find(p, ops, id ? nla_get_u32(id) : 0, p4tc_nl_str(name));
	if (obj && id && name && strcmp(p4tc_tmpl_name(ops, obj), nla_data(name))) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s: %s id %u is %s, not %s", p->name,
				       ops->kind, nla_get_u32(id), p4tc_tmpl_name(ops, obj),
				       (const char *)nla_data(name));
		NL_SET_BAD_ATTR(extack, id);
		return ERR_PTR(-EINVAL);
	}
	if (obj)
		return obj;
	if (id)
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s has no %s id %u",
				       p->name, ops->kind, nla_get_u32(id));
	else
		NL_SET_ERR_MSG_FMT_MOD(extack, "pipeline %s has no %s %s",
				       p->name, ops->kind, p4tc_nl_str(name));
	NL_SET_BAD_ATTR(extack, id ?: name);
	return ERR_PTR(-ENOENT);
}

/**
 * p4tc_tmpl_pipeline() - the pipeline of a template request
 * @info: the request
 * @ops: the kind of object the request is about
 * @change: the request changes templates: the pipeline must be unsealed
 *
 * Context: holds the namespace's p4tc lock.
 * Return: the pipeline or an ERR_PTR(), with an extack message.
 */
struct p4tc_pipeline *p4tc_tmpl_pipeline(struct genl_info *info,
					 const struct p4tc_tmpl_ops *ops, bool change)
{
	struct p4tc_pipeline *p;

	p = p4tc_pipeline_find(genl_info_net(info), info->attrs[P4TC_A_PIPELINE],
			       info->extack);
	if (!IS_ERR(p) && change && p->sealed) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "pipeline %s is sealed: its %ss cannot change",
				       p->name, ops->kind);
		return ERR_PTR(-EPERM);
	}
	return p;
}

/**
 * p4tc_tmpl_reply() - reply to a request with a template object
 * @msg: the reply, freed on error
 * @p: the object's pipeline
 * @obj: the object
 * @ops: its kind
 * @info: the request
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_tmpl_reply(struct sk_buff *msg, const struct p4tc_pipeline *p, const void *obj,
		    const struct p4tc_tmpl_ops *ops, struct genl_info *info)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || ops->fill(msg, p, obj)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/*
 * Parse the request's nest of @ops' kind and find its pipeline and object.
 * The caller holds the namespace's lock.
 */
static void *p4tc_tmpl_req(struct genl_info *info, const struct p4tc_tmpl_ops *ops,
			   bool change, struct p4tc_pipeline **pp)
{
	struct nlattr *tb[P4TC_TMPL_A_MAX + 1];
	struct nlattr *nest = info->attrs[ops->attr];
	int err;

	err = p4tc_nl_parse_nested(tb, nest, ops->kind, info);
	if (err)
		return ERR_PTR(err);
	*pp = p4tc_tmpl_pipeline(info, ops, change);
	if (IS_ERR(*pp))
		return *pp;
	return p4tc_tmpl_lookup(*pp, ops, tb[ops->id_attr], tb[ops->name_attr], nest,
				info->extack);
}

/**
 * p4tc_tmpl_get() - reply with the template object a request names
 * @info: the request
 * @ops: the object's kind
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_tmpl_get(struct genl_info *info, const struct p4tc_tmpl_ops *ops)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	void *obj;
	int err;

	msg = genlmsg_new(P4TC_TABLE_MSG_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&pn->lock);
	obj = p4tc_tmpl_req(info, ops, false, &p);
	if (IS_ERR(obj)) {
		nlmsg_free(msg);
		err = PTR_ERR(obj);
	} else {
		err = p4tc_tmpl_reply(msg, p, obj, ops, info);
	}
	mutex_unlock(&pn->lock);
	return err;
}

/**
 * p4tc_tmpl_dump() - dump a pipeline's template objects of one kind
 * @skb: dump buffer
 * @cb: dump state; args[0] is the next object id
 * @ops: the objects' kind
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_tmpl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		   const struct p4tc_tmpl_ops *ops)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct p4tc_net *pn = p4tc_net(sock_net(skb->sk));
	unsigned long id = cb->args[0], tmp;
	struct p4tc_pipeline *p;
	void *obj;
	int err = 0;

	mutex_lock(&pn->lock);
	p = p4tc_pipeline_find(sock_net(skb->sk), attrs[P4TC_A_PIPELINE], cb->extack);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	idr_for_each_entry_continue_ul(p4tc_tmpl_idr(ops, p), obj, tmp, id) {
		void *hdr = p4tc_nl_dump_start(skb, cb);

		if (!hdr)
			break;
		if (ops->fill(skb, p, obj)) {
			genlmsg_cancel(skb, hdr);
			/* Too big even for an empty message: say so, not "done". */
			if (!skb->len) {
				NL_SET_ERR_MSG_FMT_MOD(cb->extack,
						       "%s %s does not fit in a dump message: get it alone",
						       ops->kind, p4tc_tmpl_name(ops, obj));
				err = -EMSGSIZE;
			}
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = id + 1;
	}
	err = err ?: skb->len;
unlock:
	mutex_unlock(&pn->lock);
	return err;
}

/*
 * Delete every object of @ops' kind in an unsealed pipeline, or none if
 * one of them cannot go (an action a table uses).
 */
static int p4tc_tmpl_flush(struct genl_info *info, const struct p4tc_tmpl_ops *ops)
{
	struct idr *idr;
	struct p4tc_pipeline *p;
	unsigned long tmp, id;
	struct sk_buff *msg;
	u32 count = 0;
	void *obj, *hdr;
	int err;

	p = p4tc_tmpl_pipeline(info, ops, true);
	if (IS_ERR(p))
		return PTR_ERR(p);
	idr = p4tc_tmpl_idr(ops, p);
	if (ops->busy) {
		idr_for_each_entry_ul(idr, obj, tmp, id) {
			err = ops->busy(p, obj, info->extack);
			if (err)
				return err;
		}
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	idr_for_each_entry_ul(idr, obj, tmp, id) {
		ops->destroy(p, obj, info->extack);
		count++;
	}
	hdr = p4tc_nl_reply_start(msg, info);
	if (!hdr || p4tc_pipeline_put_id(msg, p) || nla_put_u32(msg, P4TC_A_COUNT, count)) {
		nlmsg_free(msg);
		return 0;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/**
 * p4tc_tmpl_del() - delete the template object a request names, or flush
 * @info: the request
 * @ops: the object's kind
 *
 * Only while the pipeline is unsealed: no entry and no datapath lookup can
 * refer to the object then. A nest naming no object flushes them all and
 * replies with how many went in P4TC_A_COUNT.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_tmpl_del(struct genl_info *info, const struct p4tc_tmpl_ops *ops)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[ops->attr];
	struct net *net = genl_info_net(info);
	struct p4tc_pipeline *p;
	struct sk_buff *event;
	void *obj, *hdr;
	int err = 0;

	mutex_lock(&pn->lock);
	if (nest && !nla_find_nested(nest, ops->id_attr) &&
	    !nla_find_nested(nest, ops->name_attr)) {
		err = p4tc_tmpl_flush(info, ops);
		goto unlock;
	}
	obj = p4tc_tmpl_req(info, ops, true, &p);
	if (IS_ERR(obj)) {
		err = PTR_ERR(obj);
		goto unlock;
	}
	event = p4tc_nl_event_new(net, info->genlhdr->cmd, P4TC_TABLE_MSG_SIZE, &hdr,
				  GFP_KERNEL);
	if (event && ops->fill(event, p, obj)) {
		nlmsg_free(event);
		event = NULL;
	}
	err = ops->destroy(p, obj, info->extack);
	if (err)
		nlmsg_free(event);
	else
		p4tc_nl_event_send(net, event, hdr, GFP_KERNEL);
unlock:
	mutex_unlock(&pn->lock);
	return err;
}
