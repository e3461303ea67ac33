// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Pipelines: P4TC_CMD_PIPELINE_* requests and replies.
 */
#include "internal.h"

static const enum mnl_attr_data_type p4tc_pipeline_policy[P4TC_PIPELINE_A_MAX + 1] = {
	[P4TC_PIPELINE_A_ID] = MNL_TYPE_U32,
	[P4TC_PIPELINE_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_PIPELINE_A_NUMTABLES] = MNL_TYPE_U16,
	[P4TC_PIPELINE_A_STATE] = MNL_TYPE_U8,
	[P4TC_PIPELINE_A_CURTABLES] = MNL_TYPE_U16,
	[P4TC_PIPELINE_A_USERS] = MNL_TYPE_U32,
};

int p4tc_pipeline_parse(const struct nlmsghdr *nlh, struct p4tc_pipeline *p)
{
	const struct nlattr *tb[P4TC_PIPELINE_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_PIPELINE])
		return -EBADMSG;
	err = p4tc_nl_parse(msg[P4TC_A_PIPELINE], p4tc_pipeline_policy,
			    P4TC_PIPELINE_A_MAX, tb);
	if (err)
		return err;

	memset(p, 0, sizeof(*p));
	if (tb[P4TC_PIPELINE_A_ID])
		p->id = mnl_attr_get_u32(tb[P4TC_PIPELINE_A_ID]);
	if (tb[P4TC_PIPELINE_A_NAME] &&
	    p4tc_nl_copy_name(p->name, sizeof(p->name), tb[P4TC_PIPELINE_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_PIPELINE_A_NUMTABLES]) {
		p->numtables = mnl_attr_get_u16(tb[P4TC_PIPELINE_A_NUMTABLES]);
		p->has |= P4TC_PIPELINE_HAS_NUMTABLES;
	}
	if (tb[P4TC_PIPELINE_A_STATE]) {
		p->state = mnl_attr_get_u8(tb[P4TC_PIPELINE_A_STATE]);
		p->has |= P4TC_PIPELINE_HAS_STATE;
	}
	if (tb[P4TC_PIPELINE_A_CURTABLES])
		p->curtables = mnl_attr_get_u16(tb[P4TC_PIPELINE_A_CURTABLES]);
	if (tb[P4TC_PIPELINE_A_USERS])
		p->users = mnl_attr_get_u32(tb[P4TC_PIPELINE_A_USERS]);
	return 0;
}

static int p4tc_pipeline_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_pipeline_parse(nlh, data);
}

/* Check that @p names a pipeline, by id or name. */
static int p4tc_pipeline_check(struct p4tc_handle *h, const struct p4tc_pipeline *p)
{
	if (!p)
		return p4tc_err(h, -EINVAL, "no pipeline given");
	if (p->name[0] || !p->id)
		return p4tc_check_name(h, "pipeline", p->name);
	return 0;
}

static struct nlmsghdr *p4tc_pipeline_request(struct p4tc_handle *h, __u8 cmd,
					      const struct p4tc_pipeline *p)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, 0);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	nest = mnl_attr_nest_start(nlh, P4TC_A_PIPELINE);
	if (p->id)
		mnl_attr_put_u32(nlh, P4TC_PIPELINE_A_ID, p->id);
	if (p->name[0])
		mnl_attr_put_strz(nlh, P4TC_PIPELINE_A_NAME, p->name);
	if (p->has & P4TC_PIPELINE_HAS_NUMTABLES)
		mnl_attr_put_u16(nlh, P4TC_PIPELINE_A_NUMTABLES, p->numtables);
	if (p->has & P4TC_PIPELINE_HAS_STATE)
		mnl_attr_put_u8(nlh, P4TC_PIPELINE_A_STATE, p->state);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static int p4tc_pipeline_do(struct p4tc_handle *h, __u8 cmd,
			    const struct p4tc_pipeline *p, struct p4tc_pipeline *reply)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_pipeline_check(h, p);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_pipeline_request(h, cmd, p);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_pipeline_reply : NULL,
				       reply));
}

LIBP4TC_API int p4tc_pipeline_create(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p)
{
	struct p4tc_pipeline reply = {};
	int err;

	if (p && !p->name[0])
		return p4tc_ret(p4tc_err(h, -EINVAL, "a new pipeline needs a name"));
	err = p ? p4tc_check_id(h, "pipeline", p->id) : 0;
	if (err)
		return p4tc_ret(err);
	err = p4tc_pipeline_do(h, P4TC_CMD_PIPELINE_NEW, p, &reply);
	if (err)
		return err;
	if (!reply.id)
		return p4tc_ret(p4tc_err(h, -EBADMSG, "the kernel did not reply with the pipeline id"));
	return p4tc_ret(p4tc_check_id(h, "pipeline", reply.id) ?: (int)reply.id);
}

LIBP4TC_API int p4tc_pipeline_update(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p)
{
	return p4tc_pipeline_do(h, P4TC_CMD_PIPELINE_SET, p, NULL);
}

/* Only what names @p: get and delete send nothing else. */
static struct p4tc_pipeline p4tc_pipeline_ref(const struct p4tc_pipeline *p)
{
	struct p4tc_pipeline ref = {};

	if (p) {
		ref.id = p->id;
		memcpy(ref.name, p->name, sizeof(ref.name));
	}
	return ref;
}

LIBP4TC_API int p4tc_pipeline_get(struct p4tc_handle *h, struct p4tc_pipeline *p)
{
	struct p4tc_pipeline ref = p4tc_pipeline_ref(p);

	return p4tc_pipeline_do(h, P4TC_CMD_PIPELINE_GET, &ref, p);
}

LIBP4TC_API int p4tc_pipeline_delete(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p)
{
	struct p4tc_pipeline ref = p4tc_pipeline_ref(p);

	return p4tc_pipeline_do(h, P4TC_CMD_PIPELINE_DEL, &ref, NULL);
}

struct p4tc_pipeline_dump {
	p4tc_pipeline_cb cb;
	void *ctx;
};

static int p4tc_pipeline_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_pipeline_dump *d = data;
	struct p4tc_pipeline p;
	int err;

	err = p4tc_pipeline_parse(nlh, &p);
	if (err)
		return err;
	return d->cb(&p, d->ctx);
}

LIBP4TC_API int p4tc_pipeline_dump(struct p4tc_handle *h, p4tc_pipeline_cb cb,
				   void *ctx)
{
	struct p4tc_pipeline_dump d = { .cb = cb, .ctx = ctx };
	struct nlmsghdr *nlh;

	p4tc_clear_err(h);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_genl_start(h, P4TC_CMD_PIPELINE_GET, NLM_F_DUMP);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_pipeline_dump_reply, &d));
}

int p4tc_pipeline_id(struct p4tc_handle *h, const char *pname, __u32 *id)
{
	struct p4tc_pipeline p = {};
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	strcpy(p.name, pname);
	err = p4tc_pipeline_get(h, &p);
	if (err)
		return err;
	*id = p.id;
	return 0;
}
