// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Table entries: P4TC_CMD_ENTRY_* requests and replies.
 */
#include "internal.h"

static const enum mnl_attr_data_type p4tc_entry_policy[P4TC_ENTRY_A_MAX + 1] = {
	[P4TC_ENTRY_A_TABLE_ID] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_TABLE_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ENTRY_A_KEY] = MNL_TYPE_BINARY,
	[P4TC_ENTRY_A_ACTION_ID] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_ACTION_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ENTRY_A_PARAM] = MNL_TYPE_NESTED,
};

static int p4tc_param_value_parse(const struct nlattr *nest,
				  struct p4tc_param_value *pv)
{
	const struct nlattr *tb[P4TC_PARAM_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_param_policy, P4TC_PARAM_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_PARAM_A_ID])
		pv->id = mnl_attr_get_u32(tb[P4TC_PARAM_A_ID]);
	if (tb[P4TC_PARAM_A_NAME] &&
	    p4tc_nl_copy_name(pv->name, sizeof(pv->name), tb[P4TC_PARAM_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_PARAM_A_VALUE]) {
		pv->len = mnl_attr_get_payload_len(tb[P4TC_PARAM_A_VALUE]);
		if (pv->len > sizeof(pv->value))
			return -EBADMSG;
		memcpy(pv->value, mnl_attr_get_payload(tb[P4TC_PARAM_A_VALUE]), pv->len);
	}
	return 0;
}

static int p4tc_entry_parse(const struct nlattr *nest, struct p4tc_entry *e)
{
	const struct nlattr *tb[P4TC_ENTRY_A_MAX + 1] = {};
	const struct nlattr *attr;
	int err;

	err = p4tc_nl_parse(nest, p4tc_entry_policy, P4TC_ENTRY_A_MAX, tb);
	if (err)
		return err;

	memset(e, 0, sizeof(*e));
	if (tb[P4TC_ENTRY_A_TABLE_ID])
		e->table_id = mnl_attr_get_u32(tb[P4TC_ENTRY_A_TABLE_ID]);
	if (tb[P4TC_ENTRY_A_TABLE_NAME] &&
	    p4tc_nl_copy_name(e->table_name, sizeof(e->table_name),
			      tb[P4TC_ENTRY_A_TABLE_NAME]))
		return -EBADMSG;
	if (tb[P4TC_ENTRY_A_KEY]) {
		e->keylen = mnl_attr_get_payload_len(tb[P4TC_ENTRY_A_KEY]);
		if (e->keylen > sizeof(e->key))
			return -EBADMSG;
		memcpy(e->key, mnl_attr_get_payload(tb[P4TC_ENTRY_A_KEY]), e->keylen);
	}
	if (tb[P4TC_ENTRY_A_ACTION_ID])
		e->action_id = mnl_attr_get_u32(tb[P4TC_ENTRY_A_ACTION_ID]);
	if (tb[P4TC_ENTRY_A_ACTION_NAME] &&
	    p4tc_nl_copy_name(e->action_name, sizeof(e->action_name),
			      tb[P4TC_ENTRY_A_ACTION_NAME]))
		return -EBADMSG;
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != P4TC_ENTRY_A_PARAM)
			continue;
		if (e->nparams == P4TC_MAX_PARAMS)
			return -EBADMSG;
		err = p4tc_param_value_parse(attr, &e->params[e->nparams++]);
		if (err)
			return err;
	}
	return 0;
}

static int p4tc_entry_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_ENTRY])
		return -EBADMSG;
	return p4tc_entry_parse(msg[P4TC_A_ENTRY], data);
}

static int p4tc_table_ref_check(struct p4tc_handle *h, __u32 id, const char *name)
{
	return name[0] || !id ? p4tc_check_name(h, "table", name) : 0;
}

static int p4tc_entry_check(struct p4tc_handle *h, const char *pname,
			    const struct p4tc_entry *e)
{
	unsigned int i;
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	if (!e)
		return p4tc_err(h, -EINVAL, "no entry given");
	err = p4tc_table_ref_check(h, e->table_id, e->table_name);
	if (err)
		return err;
	if (e->keylen > sizeof(e->key))
		return p4tc_err(h, -EINVAL, "table %s: key of %u bytes, at most %zu",
				e->table_name, e->keylen, sizeof(e->key));
	if (e->action_name[0]) {
		err = p4tc_check_name(h, "action", e->action_name);
		if (err)
			return err;
	}
	if (e->nparams > P4TC_MAX_PARAMS)
		return p4tc_err(h, -EINVAL, "action %s: %u param values, at most %d",
				e->action_name, e->nparams, P4TC_MAX_PARAMS);
	for (i = 0; i < e->nparams; i++) {
		const struct p4tc_param_value *pv = &e->params[i];

		if (pv->name[0] || !pv->id) {
			err = p4tc_check_name(h, "param", pv->name);
			if (err)
				return err;
		}
		if (pv->len > sizeof(pv->value))
			return p4tc_err(h, -EINVAL, "param %s: value of %u bytes, at most %zu",
					pv->name, pv->len, sizeof(pv->value));
	}
	return 0;
}

static void p4tc_param_values_put(struct nlmsghdr *nlh, const struct p4tc_entry *e)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < e->nparams; i++) {
		const struct p4tc_param_value *pv = &e->params[i];

		nest = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_PARAM);
		if (pv->id)
			mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, pv->id);
		if (pv->name[0])
			mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, pv->name);
		mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, pv->len, pv->value);
		mnl_attr_nest_end(nlh, nest);
	}
}

static struct nlmsghdr *p4tc_entry_request(struct p4tc_handle *h, __u8 cmd,
					   __u16 flags, const char *pname,
					   const struct p4tc_entry *e)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY);
	if (e->table_id)
		mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, e->table_id);
	if (e->table_name[0])
		mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, e->table_name);
	if (e->keylen)
		mnl_attr_put(nlh, P4TC_ENTRY_A_KEY, e->keylen, e->key);
	if (e->action_id)
		mnl_attr_put_u32(nlh, P4TC_ENTRY_A_ACTION_ID, e->action_id);
	if (e->action_name[0])
		mnl_attr_put_strz(nlh, P4TC_ENTRY_A_ACTION_NAME, e->action_name);
	p4tc_param_values_put(nlh, e);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static int p4tc_entry_do(struct p4tc_handle *h, __u8 cmd, __u16 flags,
			 const char *pname, const struct p4tc_entry *e,
			 p4tc_reply_fn fn, void *data)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_entry_check(h, pname, e);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_entry_request(h, cmd, flags, pname, e);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, fn, data));
}

/* An entry naming the table @t only: dumps and flushes send nothing else. */
static void p4tc_entry_of_table(struct p4tc_entry *e, const struct p4tc_table *t)
{
	memset(e, 0, sizeof(*e));
	if (t) {
		e->table_id = t->id;
		memcpy(e->table_name, t->name, sizeof(e->table_name));
	}
}

LIBP4TC_API int p4tc_entry_create(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e)
{
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_NEW, 0, pname, e, NULL, NULL);
}

LIBP4TC_API int p4tc_entry_update(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e)
{
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_SET, 0, pname, e, NULL, NULL);
}

LIBP4TC_API int p4tc_entry_get(struct p4tc_handle *h, const char *pname,
			       struct p4tc_entry *e)
{
	struct p4tc_entry ref = {};

	/* Only the table and the key name the entry. */
	if (e) {
		ref.table_id = e->table_id;
		memcpy(ref.table_name, e->table_name, sizeof(ref.table_name));
		ref.keylen = e->keylen;
		memcpy(ref.key, e->key, sizeof(ref.key));
	}
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_GET, 0, pname, &ref,
			     p4tc_entry_reply, e);
}

LIBP4TC_API int p4tc_entry_delete(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e)
{
	if (e && !e->keylen)
		return p4tc_ret(p4tc_err(h, -EINVAL,
					 "table %.*s: no key given (p4tc_entry_flush() deletes all entries)",
					 (int)sizeof(e->table_name), e->table_name));
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_DEL, 0, pname, e, NULL, NULL);
}

static int p4tc_flush_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	__u32 *count = data;
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (msg[P4TC_A_COUNT])
		*count = mnl_attr_get_u32(msg[P4TC_A_COUNT]);
	return 0;
}

LIBP4TC_API int p4tc_entry_flush(struct p4tc_handle *h, const char *pname,
				 const struct p4tc_table *t)
{
	struct p4tc_entry e;
	__u32 count = 0;
	int err;

	p4tc_entry_of_table(&e, t);
	err = p4tc_entry_do(h, P4TC_CMD_ENTRY_DEL, 0, pname, &e,
			    p4tc_flush_reply, &count);
	if (err)
		return err;
	return count;
}

struct p4tc_entry_dump {
	p4tc_entry_cb cb;
	void *ctx;
};

static int p4tc_entry_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_entry_dump *d = data;
	struct p4tc_entry e;
	int err;

	err = p4tc_entry_reply(nlh, &e);
	if (err)
		return err;
	return d->cb(&e, d->ctx);
}

LIBP4TC_API int p4tc_entry_dump(struct p4tc_handle *h, const char *pname,
				const struct p4tc_table *t, p4tc_entry_cb cb,
				void *ctx)
{
	struct p4tc_entry_dump d = { .cb = cb, .ctx = ctx };
	struct p4tc_entry e;

	if (!cb) {
		p4tc_clear_err(h);
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	}
	p4tc_entry_of_table(&e, t);
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_GET, NLM_F_DUMP, pname, &e,
			     p4tc_entry_dump_reply, &d);
}
