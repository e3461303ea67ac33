// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Tables: P4TC_CMD_TABLE_* requests and replies.
 */
#include "internal.h"

static const enum mnl_attr_data_type p4tc_table_policy[P4TC_TABLE_A_MAX + 1] = {
	[P4TC_TABLE_A_ID] = MNL_TYPE_U32,
	[P4TC_TABLE_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_TABLE_A_TYPE] = MNL_TYPE_U8,
	[P4TC_TABLE_A_KEYSZ] = MNL_TYPE_U32,
	[P4TC_TABLE_A_TENTRIES] = MNL_TYPE_U32,
	[P4TC_TABLE_A_NUMMASKS] = MNL_TYPE_U32,
	[P4TC_TABLE_A_PERMISSIONS] = MNL_TYPE_U16,
	[P4TC_TABLE_A_KEYFIELD] = MNL_TYPE_NESTED,
	[P4TC_TABLE_A_NENTRIES] = MNL_TYPE_U32,
};

static const enum mnl_attr_data_type p4tc_keyfield_policy[P4TC_KEYFIELD_A_MAX + 1] = {
	[P4TC_KEYFIELD_A_ID] = MNL_TYPE_U32,
	[P4TC_KEYFIELD_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_KEYFIELD_A_TYPE] = MNL_TYPE_U32,
	[P4TC_KEYFIELD_A_BITSZ] = MNL_TYPE_U16,
	[P4TC_KEYFIELD_A_MATCH] = MNL_TYPE_U8,
};

static int p4tc_keyfield_parse(const struct nlattr *nest, struct p4tc_keyfield *kf)
{
	const struct nlattr *tb[P4TC_KEYFIELD_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_keyfield_policy, P4TC_KEYFIELD_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_KEYFIELD_A_ID])
		kf->id = mnl_attr_get_u32(tb[P4TC_KEYFIELD_A_ID]);
	if (tb[P4TC_KEYFIELD_A_NAME] &&
	    p4tc_nl_copy_name(kf->name, sizeof(kf->name), tb[P4TC_KEYFIELD_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_KEYFIELD_A_TYPE])
		kf->type = mnl_attr_get_u32(tb[P4TC_KEYFIELD_A_TYPE]);
	if (tb[P4TC_KEYFIELD_A_BITSZ])
		kf->bitsz = mnl_attr_get_u16(tb[P4TC_KEYFIELD_A_BITSZ]);
	if (tb[P4TC_KEYFIELD_A_MATCH])
		kf->match = mnl_attr_get_u8(tb[P4TC_KEYFIELD_A_MATCH]);
	return 0;
}

static int p4tc_table_parse(const struct nlmsghdr *nlh, struct p4tc_table *t)
{
	const struct nlattr *tb[P4TC_TABLE_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	const struct nlattr *attr;
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_TABLE])
		return -EBADMSG;
	err = p4tc_nl_parse(msg[P4TC_A_TABLE], p4tc_table_policy,
			    P4TC_TABLE_A_MAX, tb);
	if (err)
		return err;

	memset(t, 0, sizeof(*t));
	if (tb[P4TC_TABLE_A_ID])
		t->id = mnl_attr_get_u32(tb[P4TC_TABLE_A_ID]);
	if (tb[P4TC_TABLE_A_NAME] &&
	    p4tc_nl_copy_name(t->name, sizeof(t->name), tb[P4TC_TABLE_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_TABLE_A_TYPE]) {
		t->type = mnl_attr_get_u8(tb[P4TC_TABLE_A_TYPE]);
		t->has |= P4TC_TABLE_HAS_TYPE;
	}
	if (tb[P4TC_TABLE_A_KEYSZ]) {
		t->keysz = mnl_attr_get_u32(tb[P4TC_TABLE_A_KEYSZ]);
		t->has |= P4TC_TABLE_HAS_KEYSZ;
	}
	if (tb[P4TC_TABLE_A_TENTRIES]) {
		t->tentries = mnl_attr_get_u32(tb[P4TC_TABLE_A_TENTRIES]);
		t->has |= P4TC_TABLE_HAS_TENTRIES;
	}
	if (tb[P4TC_TABLE_A_NUMMASKS]) {
		t->nummasks = mnl_attr_get_u32(tb[P4TC_TABLE_A_NUMMASKS]);
		t->has |= P4TC_TABLE_HAS_NUMMASKS;
	}
	if (tb[P4TC_TABLE_A_PERMISSIONS]) {
		t->permissions = mnl_attr_get_u16(tb[P4TC_TABLE_A_PERMISSIONS]);
		t->has |= P4TC_TABLE_HAS_PERMISSIONS;
	}
	if (tb[P4TC_TABLE_A_NENTRIES])
		t->nentries = mnl_attr_get_u32(tb[P4TC_TABLE_A_NENTRIES]);
	mnl_attr_for_each_nested(attr, msg[P4TC_A_TABLE]) {
		if (mnl_attr_get_type(attr) != P4TC_TABLE_A_KEYFIELD)
			continue;
		if (t->nkeyfields == P4TC_MAX_KEY_FIELDS)
			return -EBADMSG;
		err = p4tc_keyfield_parse(attr, &t->keyfields[t->nkeyfields++]);
		if (err)
			return err;
	}
	return 0;
}

static int p4tc_table_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_table_parse(nlh, data);
}

static int p4tc_table_check(struct p4tc_handle *h, const char *pname,
			    const struct p4tc_table *t)
{
	unsigned int i;
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	if (!t)
		return p4tc_err(h, -EINVAL, "no table given");
	if (t->name[0] || !t->id) {
		err = p4tc_check_name(h, "table", t->name);
		if (err)
			return err;
	}
	if (t->nkeyfields > P4TC_MAX_KEY_FIELDS)
		return p4tc_err(h, -EINVAL, "table %s: %u key fields, at most %d",
				t->name, t->nkeyfields, P4TC_MAX_KEY_FIELDS);
	for (i = 0; i < t->nkeyfields; i++) {
		err = p4tc_check_name(h, "key field", t->keyfields[i].name);
		if (err)
			return err;
	}
	return 0;
}

static void p4tc_keyfields_put(struct nlmsghdr *nlh, const struct p4tc_table *t)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < t->nkeyfields; i++) {
		const struct p4tc_keyfield *kf = &t->keyfields[i];

		nest = mnl_attr_nest_start(nlh, P4TC_TABLE_A_KEYFIELD);
		mnl_attr_put_u32(nlh, P4TC_KEYFIELD_A_ID, kf->id ?: i + 1);
		mnl_attr_put_strz(nlh, P4TC_KEYFIELD_A_NAME, kf->name);
		mnl_attr_put_u32(nlh, P4TC_KEYFIELD_A_TYPE, kf->type);
		mnl_attr_put_u16(nlh, P4TC_KEYFIELD_A_BITSZ, kf->bitsz);
		mnl_attr_put_u8(nlh, P4TC_KEYFIELD_A_MATCH, kf->match ?: P4TC_MATCH_EXACT);
		mnl_attr_nest_end(nlh, nest);
	}
}

static struct nlmsghdr *p4tc_table_request(struct p4tc_handle *h, __u8 cmd,
					   __u16 flags, const char *pname,
					   const struct p4tc_table *t)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	if (!t)
		return nlh;
	nest = mnl_attr_nest_start(nlh, P4TC_A_TABLE);
	if (t->id)
		mnl_attr_put_u32(nlh, P4TC_TABLE_A_ID, t->id);
	if (t->name[0])
		mnl_attr_put_strz(nlh, P4TC_TABLE_A_NAME, t->name);
	if (t->has & P4TC_TABLE_HAS_TYPE)
		mnl_attr_put_u8(nlh, P4TC_TABLE_A_TYPE, t->type);
	if (t->has & P4TC_TABLE_HAS_KEYSZ)
		mnl_attr_put_u32(nlh, P4TC_TABLE_A_KEYSZ, t->keysz);
	if (t->has & P4TC_TABLE_HAS_TENTRIES)
		mnl_attr_put_u32(nlh, P4TC_TABLE_A_TENTRIES, t->tentries);
	if (t->has & P4TC_TABLE_HAS_NUMMASKS)
		mnl_attr_put_u32(nlh, P4TC_TABLE_A_NUMMASKS, t->nummasks);
	if (t->has & P4TC_TABLE_HAS_PERMISSIONS)
		mnl_attr_put_u16(nlh, P4TC_TABLE_A_PERMISSIONS, t->permissions);
	p4tc_keyfields_put(nlh, t);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static int p4tc_table_do(struct p4tc_handle *h, __u8 cmd, const char *pname,
			 const struct p4tc_table *t, struct p4tc_table *reply)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_table_check(h, pname, t);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_table_request(h, cmd, 0, pname, t);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_table_reply : NULL,
				       reply));
}

/* Only what names @t: get and delete send nothing else. */
static struct p4tc_table p4tc_table_ref(const struct p4tc_table *t)
{
	struct p4tc_table ref = {};

	if (t) {
		ref.id = t->id;
		memcpy(ref.name, t->name, sizeof(ref.name));
	}
	return ref;
}

LIBP4TC_API int p4tc_table_create(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t)
{
	struct p4tc_table reply = {};
	int err;

	err = t ? p4tc_check_id(h, "table", t->id) : 0;
	if (err)
		return p4tc_ret(err);
	err = p4tc_table_do(h, P4TC_CMD_TABLE_NEW, pname, t, &reply);
	if (err)
		return err;
	if (!reply.id)
		return p4tc_ret(p4tc_err(h, -EBADMSG, "the kernel did not reply with the table id"));
	return p4tc_ret(p4tc_check_id(h, "table", reply.id) ?: (int)reply.id);
}

LIBP4TC_API int p4tc_table_update(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t)
{
	return p4tc_table_do(h, P4TC_CMD_TABLE_SET, pname, t, NULL);
}

LIBP4TC_API int p4tc_table_get(struct p4tc_handle *h, const char *pname,
			       struct p4tc_table *t)
{
	struct p4tc_table ref = p4tc_table_ref(t);

	return p4tc_table_do(h, P4TC_CMD_TABLE_GET, pname, &ref, t);
}

LIBP4TC_API int p4tc_table_delete(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t)
{
	struct p4tc_table ref = p4tc_table_ref(t);

	return p4tc_table_do(h, P4TC_CMD_TABLE_DEL, pname, &ref, NULL);
}

struct p4tc_table_dump {
	p4tc_table_cb cb;
	void *ctx;
};

static int p4tc_table_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_table_dump *d = data;
	struct p4tc_table t;
	int err;

	err = p4tc_table_parse(nlh, &t);
	if (err)
		return err;
	return d->cb(&t, d->ctx);
}

LIBP4TC_API int p4tc_table_dump(struct p4tc_handle *h, const char *pname,
				p4tc_table_cb cb, void *ctx)
{
	struct p4tc_table_dump d = { .cb = cb, .ctx = ctx };
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return p4tc_ret(err);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_table_request(h, P4TC_CMD_TABLE_GET, NLM_F_DUMP, pname, NULL);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_table_dump_reply, &d));
}
