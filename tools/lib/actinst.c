// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Action instances: P4TC_CMD_ACTINST_* requests and replies.
 */
#include <limits.h>

#include "internal.h"

static const enum mnl_attr_data_type p4tc_actinst_policy[P4TC_ACTINST_A_MAX + 1] = {
	[P4TC_ACTINST_A_ACTION_ID] = MNL_TYPE_U32,
	[P4TC_ACTINST_A_ACTION_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ACTINST_A_INDEX] = MNL_TYPE_U32,
	[P4TC_ACTINST_A_PARAM] = MNL_TYPE_NESTED,
	[P4TC_ACTINST_A_USERS] = MNL_TYPE_U32,
	[P4TC_ACTINST_A_TM] = MNL_TYPE_NESTED,
	[P4TC_ACTINST_A_COUNTERS] = MNL_TYPE_NESTED,
	[P4TC_ACTINST_A_REPLACE] = MNL_TYPE_FLAG,
};

int p4tc_actinst_parse(const struct nlmsghdr *nlh, struct p4tc_action_inst *ai)
{
	const struct nlattr *tb[P4TC_ACTINST_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_ACTINST])
		return -EBADMSG;
	err = p4tc_nl_parse(msg[P4TC_A_ACTINST], p4tc_actinst_policy, P4TC_ACTINST_A_MAX, tb);
	if (err)
		return err;
	memset(ai, 0, sizeof(*ai));
	if (tb[P4TC_ACTINST_A_ACTION_ID])
		ai->action_id = mnl_attr_get_u32(tb[P4TC_ACTINST_A_ACTION_ID]);
	if (tb[P4TC_ACTINST_A_ACTION_NAME] &&
	    p4tc_nl_copy_name(ai->action_name, sizeof(ai->action_name),
			      tb[P4TC_ACTINST_A_ACTION_NAME]))
		return -EBADMSG;
	if (tb[P4TC_ACTINST_A_INDEX])
		ai->index = mnl_attr_get_u32(tb[P4TC_ACTINST_A_INDEX]);
	if (tb[P4TC_ACTINST_A_USERS])
		ai->users = mnl_attr_get_u32(tb[P4TC_ACTINST_A_USERS]);
	if (tb[P4TC_ACTINST_A_TM]) {
		err = p4tc_tm_parse(tb[P4TC_ACTINST_A_TM], &ai->created_ms, &ai->lastused_ms,
				    &ai->firstused_ms);
		if (err)
			return err;
	}
	if (tb[P4TC_ACTINST_A_COUNTERS]) {
		err = p4tc_counters_parse(tb[P4TC_ACTINST_A_COUNTERS], &ai->packets, &ai->bytes);
		if (err)
			return err;
	}
	return p4tc_param_values_parse(msg[P4TC_A_ACTINST], P4TC_ACTINST_A_PARAM, ai->params,
				       &ai->nparams);
}

static int p4tc_actinst_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_actinst_parse(nlh, data);
}

static int p4tc_actinst_check(struct p4tc_handle *h, const char *pname,
			      const struct p4tc_action_inst *ai)
{
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	if (!ai)
		return p4tc_err(h, -EINVAL, "no action instance given");
	if (ai->action_name[0] || !ai->action_id) {
		err = p4tc_check_name(h, "action", ai->action_name);
		if (err)
			return err;
	}
	err = p4tc_check_id(h, "action instance index", ai->index);
	if (err)
		return err;
	return p4tc_param_values_check(h, "action", ai->action_name, ai->params, ai->nparams);
}

/* What a request on an instance sends besides the action and index. */
enum {
	P4TC_ACTINST_PUT_PARAMS		= 1U << 0,
	P4TC_ACTINST_PUT_REPLACE	= 1U << 1,
};

/* A request on instance @ai. */
static struct nlmsghdr *p4tc_actinst_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					     const char *pname,
					     const struct p4tc_action_inst *ai, unsigned int what)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ACTINST);
	if (ai->action_id)
		mnl_attr_put_u32(nlh, P4TC_ACTINST_A_ACTION_ID, ai->action_id);
	if (ai->action_name[0])
		mnl_attr_put_strz(nlh, P4TC_ACTINST_A_ACTION_NAME, ai->action_name);
	if (ai->index)
		mnl_attr_put_u32(nlh, P4TC_ACTINST_A_INDEX, ai->index);
	if (what & P4TC_ACTINST_PUT_PARAMS)
		p4tc_param_values_put(nlh, P4TC_ACTINST_A_PARAM, ai->params, ai->nparams);
	if (what & P4TC_ACTINST_PUT_REPLACE)
		mnl_attr_put(nlh, P4TC_ACTINST_A_REPLACE, 0, "");
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/* Send @cmd for @ai with @what; the reply into @reply. */
static int p4tc_actinst_do(struct p4tc_handle *h, __u8 cmd, const char *pname,
			   const struct p4tc_action_inst *ai, unsigned int what,
			   struct p4tc_action_inst *reply)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_actinst_check(h, pname, ai);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_actinst_request(h, cmd, 0, pname, ai, what);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_actinst_reply : NULL, reply));
}

/* A create or replace: the index of the instance. */
static int p4tc_actinst_new(struct p4tc_handle *h, const char *pname,
			    const struct p4tc_action_inst *ai, unsigned int what)
{
	struct p4tc_action_inst reply = {};
	int err;

	err = p4tc_actinst_do(h, P4TC_CMD_ACTINST_NEW, pname, ai, what, &reply);
	if (err)
		return err;
	if (!reply.index)
		return p4tc_ret(p4tc_err(h, -EBADMSG,
					 "the kernel did not reply with the instance index"));
	return p4tc_ret(p4tc_check_id(h, "action instance index", reply.index) ?:
			(int)reply.index);
}

LIBP4TC_API int p4tc_action_inst_create(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai)
{
	return p4tc_actinst_new(h, pname, ai, P4TC_ACTINST_PUT_PARAMS);
}

LIBP4TC_API int p4tc_action_inst_replace(struct p4tc_handle *h, const char *pname,
					 const struct p4tc_action_inst *ai)
{
	if (ai && !ai->index) {
		p4tc_clear_err(h);
		return p4tc_ret(p4tc_err(h, -EINVAL, "action %.*s: a replace needs an index",
					 P4TC_NAME_LEN, ai->action_name));
	}
	return p4tc_actinst_new(h, pname, ai, P4TC_ACTINST_PUT_PARAMS | P4TC_ACTINST_PUT_REPLACE);
}

LIBP4TC_API int p4tc_action_inst_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai)
{
	return p4tc_actinst_do(h, P4TC_CMD_ACTINST_SET, pname, ai, P4TC_ACTINST_PUT_PARAMS, NULL);
}

LIBP4TC_API int p4tc_action_inst_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_action_inst *ai)
{
	return p4tc_actinst_do(h, P4TC_CMD_ACTINST_GET, pname, ai, 0, ai);
}

LIBP4TC_API int p4tc_action_inst_delete(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai)
{
	return p4tc_actinst_do(h, P4TC_CMD_ACTINST_DEL, pname, ai, 0, NULL);
}

/* The instance of @action that names the action alone. */
static struct p4tc_action_inst p4tc_actinst_of(const char *action)
{
	struct p4tc_action_inst ai = {};

	if (action)
		snprintf(ai.action_name, sizeof(ai.action_name), "%s", action);
	return ai;
}

LIBP4TC_API int p4tc_action_inst_flush(struct p4tc_handle *h, const char *pname,
				       const char *action)
{
	struct p4tc_action_inst ai;
	struct nlmsghdr *nlh;
	__u32 count = 0;
	int err;

	p4tc_clear_err(h);
	err = p4tc_check_name(h, "action", action);
	if (err)
		return p4tc_ret(err);
	ai = p4tc_actinst_of(action);
	err = p4tc_actinst_check(h, pname, &ai);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_actinst_request(h, P4TC_CMD_ACTINST_DEL, 0, pname, &ai, 0);
	if (!nlh)
		return p4tc_ret(-errno);
	err = p4tc_genl_talk(h, nlh, p4tc_tmpl_flush_reply, &count);
	if (err)
		return p4tc_ret(err);
	if (count > INT_MAX)
		return p4tc_ret(p4tc_err(h, -ERANGE, "the kernel flushed %u instances", count));
	return count;
}

struct p4tc_actinst_dump {
	p4tc_action_inst_cb cb;
	void *ctx;
};

static int p4tc_actinst_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_actinst_dump *d = data;
	struct p4tc_action_inst ai;
	int err;

	err = p4tc_actinst_parse(nlh, &ai);
	if (err)
		return err;
	return d->cb(&ai, d->ctx);
}

LIBP4TC_API int p4tc_action_inst_dump(struct p4tc_handle *h, const char *pname,
				      const char *action, p4tc_action_inst_cb cb, void *ctx)
{
	struct p4tc_actinst_dump d = { .cb = cb, .ctx = ctx };
	struct p4tc_action_inst ai;
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_check_name(h, "pipeline", pname);
	if (!err && action)
		err = p4tc_check_name(h, "action", action);
	if (err)
		return p4tc_ret(err);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	ai = p4tc_actinst_of(action);
	nlh = p4tc_actinst_request(h, P4TC_CMD_ACTINST_GET, NLM_F_DUMP, pname, &ai, 0);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_actinst_dump_reply, &d));
}
