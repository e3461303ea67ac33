// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Action templates: P4TC_CMD_ACTION_* requests and replies.
 */
#include <limits.h>

#include "internal.h"

const enum mnl_attr_data_type p4tc_param_policy[P4TC_PARAM_A_MAX + 1] = {
	[P4TC_PARAM_A_ID] = MNL_TYPE_U32,
	[P4TC_PARAM_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_PARAM_A_TYPE] = MNL_TYPE_U32,
	[P4TC_PARAM_A_BITSZ] = MNL_TYPE_U16,
	[P4TC_PARAM_A_OFFSET] = MNL_TYPE_U16,
	[P4TC_PARAM_A_VALUE] = MNL_TYPE_BINARY,
	[P4TC_PARAM_A_FLAGS] = MNL_TYPE_U8,
};

static const enum mnl_attr_data_type p4tc_action_policy[P4TC_ACTION_A_MAX + 1] = {
	[P4TC_ACTION_A_ID] = MNL_TYPE_U32,
	[P4TC_ACTION_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ACTION_A_PARAM] = MNL_TYPE_NESTED,
	[P4TC_ACTION_A_ACTIVE] = MNL_TYPE_U8,
	[P4TC_ACTION_A_NUM_PREALLOC] = MNL_TYPE_U32,
};

static int p4tc_param_parse(const struct nlattr *nest, struct p4tc_param *prm)
{
	const struct nlattr *tb[P4TC_PARAM_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_param_policy, P4TC_PARAM_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_PARAM_A_ID])
		prm->id = mnl_attr_get_u32(tb[P4TC_PARAM_A_ID]);
	if (tb[P4TC_PARAM_A_NAME] &&
	    p4tc_nl_copy_name(prm->name, sizeof(prm->name), tb[P4TC_PARAM_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_PARAM_A_TYPE])
		prm->type = mnl_attr_get_u32(tb[P4TC_PARAM_A_TYPE]);
	if (tb[P4TC_PARAM_A_BITSZ])
		prm->bitsz = mnl_attr_get_u16(tb[P4TC_PARAM_A_BITSZ]);
	if (tb[P4TC_PARAM_A_OFFSET])
		prm->offset = mnl_attr_get_u16(tb[P4TC_PARAM_A_OFFSET]);
	return 0;
}

int p4tc_action_parse(const struct nlmsghdr *nlh, struct p4tc_action *a)
{
	const struct nlattr *tb[P4TC_ACTION_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	const struct nlattr *attr;
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_ACTION])
		return -EBADMSG;
	err = p4tc_nl_parse(msg[P4TC_A_ACTION], p4tc_action_policy,
			    P4TC_ACTION_A_MAX, tb);
	if (err)
		return err;

	memset(a, 0, sizeof(*a));
	if (tb[P4TC_ACTION_A_ID])
		a->id = mnl_attr_get_u32(tb[P4TC_ACTION_A_ID]);
	if (tb[P4TC_ACTION_A_NAME] &&
	    p4tc_nl_copy_name(a->name, sizeof(a->name), tb[P4TC_ACTION_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_ACTION_A_ACTIVE]) {
		a->active = mnl_attr_get_u8(tb[P4TC_ACTION_A_ACTIVE]);
		a->has |= P4TC_ACTION_HAS_ACTIVE;
	}
	if (tb[P4TC_ACTION_A_NUM_PREALLOC]) {
		a->num_prealloc = mnl_attr_get_u32(tb[P4TC_ACTION_A_NUM_PREALLOC]);
		a->has |= P4TC_ACTION_HAS_NUM_PREALLOC;
	}
	mnl_attr_for_each_nested(attr, msg[P4TC_A_ACTION]) {
		if (mnl_attr_get_type(attr) != P4TC_ACTION_A_PARAM)
			continue;
		if (a->nparams == P4TC_MAX_PARAMS)
			return -EBADMSG;
		err = p4tc_param_parse(attr, &a->params[a->nparams++]);
		if (err)
			return err;
	}
	return 0;
}

static int p4tc_action_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_action_parse(nlh, data);
}

static int p4tc_action_check(struct p4tc_handle *h, const char *pname,
			     const struct p4tc_action *a)
{
	unsigned int i;
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	if (!a)
		return p4tc_err(h, -EINVAL, "no action given");
	if (a->name[0] || !a->id) {
		err = p4tc_check_name(h, "action", a->name);
		if (err)
			return err;
	}
	if (a->nparams > P4TC_MAX_PARAMS)
		return p4tc_err(h, -EINVAL, "action %s: %u params, at most %d",
				a->name, a->nparams, P4TC_MAX_PARAMS);
	for (i = 0; i < a->nparams; i++) {
		err = p4tc_check_name(h, "param", a->params[i].name);
		if (err)
			return err;
	}
	return 0;
}

struct nlmsghdr *p4tc_action_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				     const char *pname, const struct p4tc_action *a)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest, *pnest;
	unsigned int i;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	if (!a)
		return nlh;
	nest = mnl_attr_nest_start(nlh, P4TC_A_ACTION);
	if (a->id)
		mnl_attr_put_u32(nlh, P4TC_ACTION_A_ID, a->id);
	if (a->name[0])
		mnl_attr_put_strz(nlh, P4TC_ACTION_A_NAME, a->name);
	if (a->has & P4TC_ACTION_HAS_ACTIVE)
		mnl_attr_put_u8(nlh, P4TC_ACTION_A_ACTIVE, a->active);
	if (a->has & P4TC_ACTION_HAS_NUM_PREALLOC)
		mnl_attr_put_u32(nlh, P4TC_ACTION_A_NUM_PREALLOC, a->num_prealloc);
	for (i = 0; i < a->nparams; i++) {
		const struct p4tc_param *prm = &a->params[i];

		pnest = mnl_attr_nest_start(nlh, P4TC_ACTION_A_PARAM);
		mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, prm->id ?: i + 1);
		mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, prm->name);
		mnl_attr_put_u32(nlh, P4TC_PARAM_A_TYPE, prm->type);
		mnl_attr_put_u16(nlh, P4TC_PARAM_A_BITSZ, prm->bitsz);
		mnl_attr_nest_end(nlh, pnest);
	}
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static int p4tc_action_do(struct p4tc_handle *h, __u8 cmd, const char *pname,
			  const struct p4tc_action *a, struct p4tc_action *reply)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_action_check(h, pname, a);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_action_request(h, cmd, 0, pname, a);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_action_reply : NULL,
				       reply));
}

/* Only what names @a: get and delete send nothing else. */
static struct p4tc_action p4tc_action_ref(const struct p4tc_action *a)
{
	struct p4tc_action ref = {};

	if (a) {
		ref.id = a->id;
		memcpy(ref.name, a->name, sizeof(ref.name));
	}
	return ref;
}

LIBP4TC_API int p4tc_action_create_v0_3(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action *a)
{
	struct p4tc_action reply = {};
	int err;

	err = a ? p4tc_check_id(h, "action", a->id) : 0;
	if (err)
		return p4tc_ret(err);
	err = p4tc_action_do(h, P4TC_CMD_ACTION_NEW, pname, a, &reply);
	if (err)
		return err;
	if (!reply.id)
		return p4tc_ret(p4tc_err(h, -EBADMSG, "the kernel did not reply with the action id"));
	return p4tc_ret(p4tc_check_id(h, "action", reply.id) ?: (int)reply.id);
}
P4TC_DEFAULT_VERSION(p4tc_action_create_v0_3, p4tc_action_create, LIBP4TC_0.3)

LIBP4TC_API int p4tc_action_update_v0_3(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action *a)
{
	return p4tc_action_do(h, P4TC_CMD_ACTION_SET, pname, a, NULL);
}
P4TC_DEFAULT_VERSION(p4tc_action_update_v0_3, p4tc_action_update, LIBP4TC_0.3)

LIBP4TC_API int p4tc_action_get_v0_3(struct p4tc_handle *h, const char *pname,
				     struct p4tc_action *a)
{
	struct p4tc_action ref = p4tc_action_ref(a);

	return p4tc_action_do(h, P4TC_CMD_ACTION_GET, pname, &ref, a);
}
P4TC_DEFAULT_VERSION(p4tc_action_get_v0_3, p4tc_action_get, LIBP4TC_0.3)

/* The reply to a template flush: how many objects went. */
int p4tc_tmpl_flush_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	__u32 *count = data;
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_COUNT])
		return -EBADMSG;
	*count = mnl_attr_get_u32(msg[P4TC_A_COUNT]);
	return 0;
}

struct nlmsghdr *p4tc_tmpl_flush_request(struct p4tc_handle *h, __u8 cmd, __u16 attr,
					 const char *pname)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, 0);

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	/* A nest naming no object: all of them. */
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, attr));
	return nlh;
}

int p4tc_tmpl_flush(struct p4tc_handle *h, __u8 cmd, __u16 attr, const char *pname)
{
	struct nlmsghdr *nlh;
	__u32 count = 0;
	int err;

	p4tc_clear_err(h);
	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_tmpl_flush_request(h, cmd, attr, pname);
	if (!nlh)
		return p4tc_ret(-errno);
	err = p4tc_genl_talk(h, nlh, p4tc_tmpl_flush_reply, &count);
	if (err)
		return p4tc_ret(err);
	if (count > INT_MAX)
		return p4tc_ret(p4tc_err(h, -ERANGE, "the kernel flushed %u objects", count));
	return count;
}

LIBP4TC_API int p4tc_action_flush(struct p4tc_handle *h, const char *pname)
{
	return p4tc_tmpl_flush(h, P4TC_CMD_ACTION_DEL, P4TC_A_ACTION, pname);
}

LIBP4TC_API int p4tc_action_delete(struct p4tc_handle *h, const char *pname,
				   const struct p4tc_action *a)
{
	struct p4tc_action ref = p4tc_action_ref(a);

	return p4tc_action_do(h, P4TC_CMD_ACTION_DEL, pname, &ref, NULL);
}

struct p4tc_action_dump {
	p4tc_action_cb cb;
	void *ctx;
};

static int p4tc_action_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_action_dump *d = data;
	struct p4tc_action a;
	int err;

	err = p4tc_action_parse(nlh, &a);
	if (err)
		return err;
	return d->cb(&a, d->ctx);
}

LIBP4TC_API int p4tc_action_dump(struct p4tc_handle *h, const char *pname,
				 p4tc_action_cb cb, void *ctx)
{
	struct p4tc_action_dump d = { .cb = cb, .ctx = ctx };
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return p4tc_ret(err);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_action_request(h, P4TC_CMD_ACTION_GET, NLM_F_DUMP, pname, NULL);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_action_dump_reply, &d));
}
