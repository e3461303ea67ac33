// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Table entries: P4TC_CMD_ENTRY_* requests and replies, one entry or a
 * batch of them per message.
 */
#include <limits.h>
#include <stdio.h>

#include "internal.h"

static const enum mnl_attr_data_type p4tc_entry_policy[P4TC_ENTRY_A_MAX + 1] = {
	[P4TC_ENTRY_A_TABLE_ID] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_TABLE_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ENTRY_A_KEY] = MNL_TYPE_BINARY,
	[P4TC_ENTRY_A_ACTION_ID] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_ACTION_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_ENTRY_A_PARAM] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_MASK] = MNL_TYPE_BINARY,
	[P4TC_ENTRY_A_PRIO] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_PERMISSIONS] = MNL_TYPE_U16,
	[P4TC_ENTRY_A_DYNAMIC] = MNL_TYPE_FLAG,
	[P4TC_ENTRY_A_AGING] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_PROFILE_ID] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_TM] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_CREATED_BY] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_UPDATED_BY] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_TMPL_CREATED] = MNL_TYPE_FLAG,
	[P4TC_ENTRY_A_COUNTERS] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_DELETED_BY] = MNL_TYPE_NESTED,
	[P4TC_ENTRY_A_ACTION_INDEX] = MNL_TYPE_U32,
	[P4TC_ENTRY_A_FLAGS] = MNL_TYPE_U32,
};

static const enum mnl_attr_data_type p4tc_tm_policy[P4TC_TM_A_MAX + 1] = {
	[P4TC_TM_A_CREATED] = MNL_TYPE_U64,
	[P4TC_TM_A_LASTUSED] = MNL_TYPE_U64,
	[P4TC_TM_A_FIRSTUSED] = MNL_TYPE_U64,
};

static const enum mnl_attr_data_type p4tc_who_policy[P4TC_WHO_A_MAX + 1] = {
	[P4TC_WHO_A_ENTITY] = MNL_TYPE_U8,
	[P4TC_WHO_A_PID] = MNL_TYPE_U32,
	[P4TC_WHO_A_COMM] = MNL_TYPE_NUL_STRING,
};

static const enum mnl_attr_data_type p4tc_counters_policy[P4TC_COUNTERS_A_MAX + 1] = {
	[P4TC_COUNTERS_A_PACKETS] = MNL_TYPE_U64,
	[P4TC_COUNTERS_A_BYTES] = MNL_TYPE_U64,
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

int p4tc_param_values_parse(const struct nlattr *nest, __u16 type,
			    struct p4tc_param_value *params, unsigned int *nparams)
{
	const struct nlattr *attr;
	int err;

	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != type)
			continue;
		if (*nparams == P4TC_MAX_PARAMS)
			return -EBADMSG;
		err = p4tc_param_value_parse(attr, &params[(*nparams)++]);
		if (err)
			return err;
	}
	return 0;
}

static int p4tc_who_parse(const struct nlattr *nest, struct p4tc_entry_who *who)
{
	const struct nlattr *tb[P4TC_WHO_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_who_policy, P4TC_WHO_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_WHO_A_ENTITY])
		who->entity = mnl_attr_get_u8(tb[P4TC_WHO_A_ENTITY]);
	if (tb[P4TC_WHO_A_PID])
		who->pid = mnl_attr_get_u32(tb[P4TC_WHO_A_PID]);
	/* A longer name than the kernel's is cut, not refused. */
	if (tb[P4TC_WHO_A_COMM])
		snprintf(who->comm, sizeof(who->comm), "%s",
			 mnl_attr_get_str(tb[P4TC_WHO_A_COMM]));
	return 0;
}

int p4tc_tm_parse(const struct nlattr *nest, __u64 *created, __u64 *lastused,
		  __u64 *firstused)
{
	const struct nlattr *tb[P4TC_TM_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_tm_policy, P4TC_TM_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_TM_A_CREATED])
		*created = mnl_attr_get_u64(tb[P4TC_TM_A_CREATED]);
	if (tb[P4TC_TM_A_LASTUSED])
		*lastused = mnl_attr_get_u64(tb[P4TC_TM_A_LASTUSED]);
	if (tb[P4TC_TM_A_FIRSTUSED])
		*firstused = mnl_attr_get_u64(tb[P4TC_TM_A_FIRSTUSED]);
	return 0;
}

int p4tc_counters_parse(const struct nlattr *nest, __u64 *packets, __u64 *bytes)
{
	const struct nlattr *tb[P4TC_COUNTERS_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_counters_policy, P4TC_COUNTERS_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_COUNTERS_A_PACKETS])
		*packets = mnl_attr_get_u64(tb[P4TC_COUNTERS_A_PACKETS]);
	if (tb[P4TC_COUNTERS_A_BYTES])
		*bytes = mnl_attr_get_u64(tb[P4TC_COUNTERS_A_BYTES]);
	return 0;
}

/* Copy a binary attribute of at most P4TC_MAX_KEYSZ / 8 bytes. */
static int p4tc_entry_copy_key(__u8 *dst, __u32 *len, const struct nlattr *attr)
{
	*len = mnl_attr_get_payload_len(attr);
	if (*len > P4TC_MAX_KEYSZ / 8)
		return -EBADMSG;
	memcpy(dst, mnl_attr_get_payload(attr), *len);
	return 0;
}

int p4tc_entry_parse(const struct nlattr *nest, struct p4tc_entry *e)
{
	const struct nlattr *tb[P4TC_ENTRY_A_MAX + 1] = {};
	__u32 masklen;
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
	if (tb[P4TC_ENTRY_A_KEY] && p4tc_entry_copy_key(e->key, &e->keylen, tb[P4TC_ENTRY_A_KEY]))
		return -EBADMSG;
	if (tb[P4TC_ENTRY_A_MASK]) {
		if (p4tc_entry_copy_key(e->mask, &masklen, tb[P4TC_ENTRY_A_MASK]) ||
		    masklen != e->keylen)
			return -EBADMSG;
		e->has |= P4TC_ENTRY_HAS_MASK;
	}
	if (tb[P4TC_ENTRY_A_ACTION_ID])
		e->action_id = mnl_attr_get_u32(tb[P4TC_ENTRY_A_ACTION_ID]);
	if (tb[P4TC_ENTRY_A_ACTION_INDEX])
		e->action_index = mnl_attr_get_u32(tb[P4TC_ENTRY_A_ACTION_INDEX]);
	if (tb[P4TC_ENTRY_A_FLAGS]) {
		e->flags = mnl_attr_get_u32(tb[P4TC_ENTRY_A_FLAGS]);
		e->has |= P4TC_ENTRY_HAS_FLAGS;
	}
	if (tb[P4TC_ENTRY_A_ACTION_NAME] &&
	    p4tc_nl_copy_name(e->action_name, sizeof(e->action_name),
			      tb[P4TC_ENTRY_A_ACTION_NAME]))
		return -EBADMSG;
	err = p4tc_param_values_parse(nest, P4TC_ENTRY_A_PARAM, e->params, &e->nparams);
	if (err)
		return err;
	if (tb[P4TC_ENTRY_A_PRIO]) {
		e->prio = mnl_attr_get_u32(tb[P4TC_ENTRY_A_PRIO]);
		e->has |= P4TC_ENTRY_HAS_PRIO;
	}
	if (tb[P4TC_ENTRY_A_PERMISSIONS]) {
		e->permissions = mnl_attr_get_u16(tb[P4TC_ENTRY_A_PERMISSIONS]);
		e->has |= P4TC_ENTRY_HAS_PERMISSIONS;
	}
	e->dynamic = tb[P4TC_ENTRY_A_DYNAMIC];
	e->tmpl_created = tb[P4TC_ENTRY_A_TMPL_CREATED];
	if (tb[P4TC_ENTRY_A_AGING]) {
		e->aging_ms = mnl_attr_get_u32(tb[P4TC_ENTRY_A_AGING]);
		e->has |= P4TC_ENTRY_HAS_AGING;
	}
	if (tb[P4TC_ENTRY_A_PROFILE_ID]) {
		e->profile_id = mnl_attr_get_u32(tb[P4TC_ENTRY_A_PROFILE_ID]);
		e->has |= P4TC_ENTRY_HAS_PROFILE_ID;
	}
	if (tb[P4TC_ENTRY_A_TM]) {
		err = p4tc_tm_parse(tb[P4TC_ENTRY_A_TM], &e->created_ms, &e->lastused_ms,
				    &e->firstused_ms);
		if (err)
			return err;
		e->has |= P4TC_ENTRY_HAS_TM;
	}
	if (tb[P4TC_ENTRY_A_CREATED_BY]) {
		err = p4tc_who_parse(tb[P4TC_ENTRY_A_CREATED_BY], &e->created_by);
		if (err)
			return err;
		e->has |= P4TC_ENTRY_HAS_CREATED_BY;
	}
	if (tb[P4TC_ENTRY_A_UPDATED_BY]) {
		err = p4tc_who_parse(tb[P4TC_ENTRY_A_UPDATED_BY], &e->updated_by);
		if (err)
			return err;
		e->has |= P4TC_ENTRY_HAS_UPDATED_BY;
	}
	if (tb[P4TC_ENTRY_A_DELETED_BY]) {
		err = p4tc_who_parse(tb[P4TC_ENTRY_A_DELETED_BY], &e->deleted_by);
		if (err)
			return err;
		e->has |= P4TC_ENTRY_HAS_DELETED_BY;
	}
	if (tb[P4TC_ENTRY_A_COUNTERS]) {
		err = p4tc_counters_parse(tb[P4TC_ENTRY_A_COUNTERS], &e->packets, &e->bytes);
		if (err)
			return err;
		e->has |= P4TC_ENTRY_HAS_COUNTERS;
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

int p4tc_param_values_check(struct p4tc_handle *h, const char *obj, const char *name,
			    const struct p4tc_param_value *params, unsigned int nparams)
{
	unsigned int i;
	int err;

	if (nparams > P4TC_MAX_PARAMS)
		return p4tc_err(h, -EINVAL, "%s %.*s: %u param values, at most %d",
				obj, P4TC_NAME_LEN, name, nparams, P4TC_MAX_PARAMS);
	for (i = 0; i < nparams; i++) {
		const struct p4tc_param_value *pv = &params[i];

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

/* An entry's own fields, whatever its table: @table also checks that one. */
int p4tc_entry_check_one(struct p4tc_handle *h, const struct p4tc_entry *e, bool table)
{
	int err;

	if (table) {
		err = p4tc_table_ref_check(h, e->table_id, e->table_name);
		if (err)
			return err;
	}
	if (e->keylen > sizeof(e->key))
		return p4tc_err(h, -EINVAL, "table %.*s: key of %u bytes, at most %zu",
				P4TC_NAME_LEN, e->table_name, e->keylen, sizeof(e->key));
	if ((e->has & P4TC_ENTRY_HAS_MASK) && !e->keylen)
		return p4tc_err(h, -EINVAL, "table %.*s: a mask needs a key",
				P4TC_NAME_LEN, e->table_name);
	if (e->action_name[0]) {
		err = p4tc_check_name(h, "action", e->action_name);
		if (err)
			return err;
	}
	if (e->action_index && e->nparams)
		return p4tc_err(h, -EINVAL, "action %.*s: params or an instance index, not both",
				P4TC_NAME_LEN, e->action_name);
	return p4tc_param_values_check(h, "action", e->action_name, e->params, e->nparams);
}

static int p4tc_entry_check(struct p4tc_handle *h, const char *pname,
			    const struct p4tc_entry *e)
{
	int err;

	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return err;
	if (!e)
		return p4tc_err(h, -EINVAL, "no entry given");
	return p4tc_entry_check_one(h, e, true);
}

void p4tc_param_values_put(struct nlmsghdr *nlh, __u16 type,
			   const struct p4tc_param_value *params, unsigned int nparams)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < nparams; i++) {
		const struct p4tc_param_value *pv = &params[i];

		nest = mnl_attr_nest_start(nlh, type);
		if (pv->id)
			mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, pv->id);
		if (pv->name[0])
			mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, pv->name);
		mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, pv->len, pv->value);
		mnl_attr_nest_end(nlh, nest);
	}
}

/* Bytes of an attribute with @len bytes of payload. */
static size_t p4tc_attr_size(size_t len)
{
	return MNL_ALIGN(MNL_ATTR_HDRLEN + len);
}

/* Bytes of the nest p4tc_entry_put() puts for @e: it mirrors it. */
size_t p4tc_entry_size(const struct p4tc_entry *e, unsigned int what)
{
	size_t size = MNL_ATTR_HDRLEN, param;
	unsigned int i;

	if (what & P4TC_ENTRY_PUT_TABLE) {
		if (e->table_id)
			size += p4tc_attr_size(sizeof(__u32));
		if (e->table_name[0])
			size += p4tc_attr_size(strlen(e->table_name) + 1);
	}
	if (e->keylen) {
		size += p4tc_attr_size(e->keylen);
		if (e->has & P4TC_ENTRY_HAS_MASK)
			size += p4tc_attr_size(e->keylen);
	}
	if (e->has & P4TC_ENTRY_HAS_PRIO)
		size += p4tc_attr_size(sizeof(__u32));
	if (!(what & P4TC_ENTRY_PUT_ATTRS))
		return size;
	if (e->action_id)
		size += p4tc_attr_size(sizeof(__u32));
	if (e->action_name[0])
		size += p4tc_attr_size(strlen(e->action_name) + 1);
	if (e->action_index)
		size += p4tc_attr_size(sizeof(__u32));
	for (i = 0; i < e->nparams; i++) {
		param = MNL_ATTR_HDRLEN + p4tc_attr_size(e->params[i].len);
		if (e->params[i].id)
			param += p4tc_attr_size(sizeof(__u32));
		if (e->params[i].name[0])
			param += p4tc_attr_size(strlen(e->params[i].name) + 1);
		size += param;
	}
	if (e->has & P4TC_ENTRY_HAS_PERMISSIONS)
		size += p4tc_attr_size(sizeof(__u16));
	if (e->dynamic)
		size += p4tc_attr_size(0);
	if (e->has & P4TC_ENTRY_HAS_AGING)
		size += p4tc_attr_size(sizeof(__u32));
	if (e->has & P4TC_ENTRY_HAS_PROFILE_ID)
		size += p4tc_attr_size(sizeof(__u32));
	if (e->has & P4TC_ENTRY_HAS_FLAGS)
		size += p4tc_attr_size(sizeof(__u32));
	return size;
}

bool p4tc_entry_put(struct nlmsghdr *nlh, size_t size, __u16 type,
		    const struct p4tc_entry *e, unsigned int what)
{
	struct nlattr *nest;

	if (nlh->nlmsg_len + p4tc_entry_size(e, what) > size)
		return false;
	nest = mnl_attr_nest_start(nlh, type);
	if (what & P4TC_ENTRY_PUT_TABLE) {
		if (e->table_id)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, e->table_id);
		if (e->table_name[0])
			mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, e->table_name);
	}
	if (e->keylen) {
		mnl_attr_put(nlh, P4TC_ENTRY_A_KEY, e->keylen, e->key);
		if (e->has & P4TC_ENTRY_HAS_MASK)
			mnl_attr_put(nlh, P4TC_ENTRY_A_MASK, e->keylen, e->mask);
	}
	if (e->has & P4TC_ENTRY_HAS_PRIO)
		mnl_attr_put_u32(nlh, P4TC_ENTRY_A_PRIO, e->prio);
	if (what & P4TC_ENTRY_PUT_ATTRS) {
		if (e->action_id)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_ACTION_ID, e->action_id);
		if (e->action_name[0])
			mnl_attr_put_strz(nlh, P4TC_ENTRY_A_ACTION_NAME, e->action_name);
		if (e->action_index)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_ACTION_INDEX, e->action_index);
		p4tc_param_values_put(nlh, P4TC_ENTRY_A_PARAM, e->params, e->nparams);
		if (e->has & P4TC_ENTRY_HAS_PERMISSIONS)
			mnl_attr_put_u16(nlh, P4TC_ENTRY_A_PERMISSIONS, e->permissions);
		if (e->dynamic)
			mnl_attr_put(nlh, P4TC_ENTRY_A_DYNAMIC, 0, "");
		if (e->has & P4TC_ENTRY_HAS_AGING)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_AGING, e->aging_ms);
		if (e->has & P4TC_ENTRY_HAS_PROFILE_ID)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_PROFILE_ID, e->profile_id);
		/* A reply's flags may go back as they came: NOT_IN_HW is the kernel's. */
		if (e->has & P4TC_ENTRY_HAS_FLAGS)
			mnl_attr_put_u32(nlh, P4TC_ENTRY_A_FLAGS,
					 e->flags & ~P4TC_ENTRY_FLAGS_NOT_IN_HW);
	}
	mnl_attr_nest_end(nlh, nest);
	return true;
}

static struct nlmsghdr *p4tc_entry_request(struct p4tc_handle *h, __u8 cmd,
					   __u16 flags, const char *pname,
					   const struct p4tc_entry *e, unsigned int what)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	/* One entry always fits. */
	p4tc_entry_put(nlh, P4TC_REQ_SIZE, P4TC_A_ENTRY, e, what);
	return nlh;
}

static int p4tc_entry_do(struct p4tc_handle *h, __u8 cmd, __u16 flags,
			 const char *pname, const struct p4tc_entry *e,
			 unsigned int what, p4tc_reply_fn fn, void *data)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_entry_check(h, pname, e);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_entry_request(h, cmd, flags, pname, e, what);
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

#define P4TC_ENTRY_PUT_ALL (P4TC_ENTRY_PUT_TABLE | P4TC_ENTRY_PUT_ATTRS)

LIBP4TC_API int p4tc_entry_create_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e)
{
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_NEW, 0, pname, e, P4TC_ENTRY_PUT_ALL,
			     NULL, NULL);
}
P4TC_DEFAULT_VERSION(p4tc_entry_create_v0_3, p4tc_entry_create, LIBP4TC_0.3)

LIBP4TC_API int p4tc_entry_update_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e)
{
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_SET, 0, pname, e, P4TC_ENTRY_PUT_ALL,
			     NULL, NULL);
}
P4TC_DEFAULT_VERSION(p4tc_entry_update_v0_3, p4tc_entry_update, LIBP4TC_0.3)

/* What names an entry: table, key, mask and prio; get and delete send no more. */
static void p4tc_entry_ref(struct p4tc_entry *ref, const struct p4tc_entry *e)
{
	memset(ref, 0, sizeof(*ref));
	if (!e)
		return;
	ref->table_id = e->table_id;
	memcpy(ref->table_name, e->table_name, sizeof(ref->table_name));
	ref->keylen = e->keylen;
	memcpy(ref->key, e->key, sizeof(ref->key));
	ref->has = e->has & (P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO);
	memcpy(ref->mask, e->mask, sizeof(ref->mask));
	ref->prio = e->prio;
}

LIBP4TC_API int p4tc_entry_get_v0_3(struct p4tc_handle *h, const char *pname,
				    struct p4tc_entry *e)
{
	struct p4tc_entry ref;

	if (!e) {
		p4tc_clear_err(h);
		return p4tc_ret(p4tc_err(h, -EINVAL, "no entry given"));
	}
	p4tc_entry_ref(&ref, e);
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_GET, 0, pname, &ref, P4TC_ENTRY_PUT_TABLE,
			     p4tc_entry_reply, e);
}
P4TC_DEFAULT_VERSION(p4tc_entry_get_v0_3, p4tc_entry_get, LIBP4TC_0.3)

static int p4tc_entry_no_key(struct p4tc_handle *h, const struct p4tc_entry *e)
{
	return p4tc_err(h, -EINVAL,
			"table %.*s: no key given (p4tc_entry_flush() deletes all entries)",
			P4TC_NAME_LEN, e->table_name);
}

LIBP4TC_API int p4tc_entry_delete_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e)
{
	struct p4tc_entry ref;

	if (e && !e->keylen) {
		p4tc_clear_err(h);
		return p4tc_ret(p4tc_entry_no_key(h, e));
	}
	p4tc_entry_ref(&ref, e);
	return p4tc_entry_do(h, P4TC_CMD_ENTRY_DEL, 0, pname, e ? &ref : NULL,
			     P4TC_ENTRY_PUT_TABLE, NULL, NULL);
}
P4TC_DEFAULT_VERSION(p4tc_entry_delete_v0_3, p4tc_entry_delete, LIBP4TC_0.3)

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

struct nlmsghdr *p4tc_entry_table_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_table *t,
					  const struct p4tc_entry_filter *f)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY);
	if (t->id)
		mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, t->id);
	if (t->name[0])
		mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, t->name);
	if (f)
		p4tc_entry_filter_put(nlh, P4TC_ENTRY_A_FILTER, f);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/* A dump or a flush of table @t, through filter @f if not NULL. */
static int p4tc_entry_table_do(struct p4tc_handle *h, __u8 cmd, __u16 flags, const char *pname,
			       const struct p4tc_table *t, const struct p4tc_entry_filter *f,
			       p4tc_reply_fn fn, void *data)
{
	struct nlmsghdr *nlh;
	struct p4tc_entry e;
	int err, depth;

	p4tc_entry_of_table(&e, t);
	err = p4tc_entry_check(h, pname, &e);
	if (err)
		return p4tc_ret(err);
	if (f) {
		depth = p4tc_entry_filter_depth(f);
		if (depth > P4TC_FILTER_DEPTH_MAX)
			return p4tc_ret(p4tc_err(h, -E2BIG, "filter: %d levels deep, at most %d",
						 depth, P4TC_FILTER_DEPTH_MAX));
	}
	nlh = p4tc_entry_table_request(h, cmd, flags, pname, t, f);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, fn, data));
}

LIBP4TC_API int p4tc_entry_flush_filter(struct p4tc_handle *h, const char *pname,
					const struct p4tc_table *t,
					const struct p4tc_entry_filter *f)
{
	__u32 count = 0;
	int err;

	p4tc_clear_err(h);
	err = p4tc_entry_table_do(h, P4TC_CMD_ENTRY_DEL, 0, pname, t, f, p4tc_flush_reply, &count);
	if (err)
		return err;
	if (count > INT_MAX)
		return p4tc_ret(p4tc_err(h, -ERANGE, "the kernel flushed %u entries", count));
	return count;
}

LIBP4TC_API int p4tc_entry_flush(struct p4tc_handle *h, const char *pname,
				 const struct p4tc_table *t)
{
	return p4tc_entry_flush_filter(h, pname, t, NULL);
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

LIBP4TC_API int p4tc_entry_dump_filter(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table *t,
				       const struct p4tc_entry_filter *f,
				       p4tc_entry_cb cb, void *ctx)
{
	struct p4tc_entry_dump d = { .cb = cb, .ctx = ctx };

	p4tc_clear_err(h);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	return p4tc_entry_table_do(h, P4TC_CMD_ENTRY_GET, NLM_F_DUMP, pname, t, f,
				   p4tc_entry_dump_reply, &d);
}

LIBP4TC_API int p4tc_entry_dump_v0_3(struct p4tc_handle *h, const char *pname,
				     const struct p4tc_table *t, p4tc_entry_cb cb,
				     void *ctx)
{
	return p4tc_entry_dump_filter(h, pname, t, NULL, cb, ctx);
}
P4TC_DEFAULT_VERSION(p4tc_entry_dump_v0_3, p4tc_entry_dump, LIBP4TC_0.3)

/* Batches */

unsigned int p4tc_entry_batch_fill(struct nlmsghdr *nlh, size_t size,
				   const struct p4tc_entry *entries, unsigned int n,
				   unsigned int what)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!p4tc_entry_put(nlh, size, P4TC_A_ENTRY, &entries[i], what))
			break;
	return i;
}

/* Bulk nests carry creates that give nothing but key, action and params. */
static bool p4tc_entry_bulkable(const struct p4tc_entry *e)
{
	return e->keylen && !e->dynamic && !e->action_index &&
	       !(e->has & (P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO |
			   P4TC_ENTRY_HAS_PERMISSIONS | P4TC_ENTRY_HAS_AGING |
			   P4TC_ENTRY_HAS_PROFILE_ID | P4TC_ENTRY_HAS_FLAGS));
}

/* Whether two entries fit the same bulk nest: table, action, param layout. */
static bool p4tc_entry_bulk_same(const struct p4tc_entry *a, const struct p4tc_entry *b)
{
	unsigned int i;

	if (a->table_id != b->table_id || strcmp(a->table_name, b->table_name) ||
	    a->keylen != b->keylen || a->action_id != b->action_id ||
	    strcmp(a->action_name, b->action_name) || a->nparams != b->nparams)
		return false;
	for (i = 0; i < a->nparams; i++)
		if (a->params[i].id != b->params[i].id || a->params[i].len != b->params[i].len ||
		    strcmp(a->params[i].name, b->params[i].name))
			return false;
	return true;
}

/* Bytes of @e's record in a bulk nest: key, then param values. */
static size_t p4tc_entry_reclen(const struct p4tc_entry *e)
{
	size_t reclen = e->keylen;
	unsigned int j;

	for (j = 0; j < e->nparams; j++)
		reclen += e->params[j].len;
	return reclen;
}

unsigned int p4tc_entry_bulk_fill(struct nlmsghdr *nlh, size_t size,
				  const struct p4tc_entry *entries, unsigned int n)
{
	size_t reclen = p4tc_entry_reclen(entries), room, used;
	__u32 layout[1 + P4TC_MAX_PARAMS];
	const struct p4tc_entry *e = entries;
	struct nlattr *nest, *param, *records;
	unsigned int i, j, fit;
	__u8 *rec;

	if (!p4tc_entry_bulkable(e))
		return 0;
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY_BULK);
	if (e->table_id)
		mnl_attr_put_u32(nlh, P4TC_BULK_A_TABLE_ID, e->table_id);
	if (e->table_name[0])
		mnl_attr_put_strz(nlh, P4TC_BULK_A_TABLE_NAME, e->table_name);
	if (e->action_id)
		mnl_attr_put_u32(nlh, P4TC_BULK_A_ACTION_ID, e->action_id);
	if (e->action_name[0])
		mnl_attr_put_strz(nlh, P4TC_BULK_A_ACTION_NAME, e->action_name);
	for (j = 0; j < e->nparams; j++) {
		param = mnl_attr_nest_start(nlh, P4TC_BULK_A_PARAM);
		if (e->params[j].id)
			mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, e->params[j].id);
		if (e->params[j].name[0])
			mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, e->params[j].name);
		mnl_attr_nest_end(nlh, param);
	}
	layout[0] = e->keylen;
	for (j = 0; j < e->nparams; j++)
		layout[1 + j] = e->params[j].len;
	mnl_attr_put(nlh, P4TC_BULK_A_LAYOUT, (1 + e->nparams) * sizeof(layout[0]), layout);
	/* The records attribute is written in place: as many as the room takes. */
	used = nlh->nlmsg_len + MNL_ATTR_HDRLEN;
	room = size > used ? size - used : 0;
	fit = room / reclen < n ? room / reclen : n;
	if (fit && MNL_ALIGN(fit * reclen) > room)
		fit--;
	records = mnl_nlmsg_get_payload_tail(nlh);
	rec = (__u8 *)records + MNL_ATTR_HDRLEN;
	/* One pass: the run ends at the first entry that cannot join it. */
	for (i = 0; i < fit; i++) {
		if (i && (!p4tc_entry_bulkable(&entries[i]) ||
			  !p4tc_entry_bulk_same(e, &entries[i])))
			break;
		memcpy(rec, entries[i].key, e->keylen);
		rec += e->keylen;
		for (j = 0; j < e->nparams; j++) {
			memcpy(rec, entries[i].params[j].value, e->params[j].len);
			rec += e->params[j].len;
		}
	}
	if (i < P4TC_BULK_MIN) {
		nlh->nlmsg_len = (char *)nest - (char *)nlh;
		return 0;
	}
	records->nla_type = P4TC_BULK_A_RECORDS;
	records->nla_len = MNL_ATTR_HDRLEN + i * reclen;
	memset(rec, 0, MNL_ALIGN(records->nla_len) - records->nla_len);
	nlh->nlmsg_len += MNL_ALIGN(records->nla_len);
	mnl_attr_nest_end(nlh, nest);
	return i;
}

/*
 * The kernel's message for the failure of entry K of the M (> 1) of a
 * message reads "p4tc: entry K of M: p4tc: WHAT (N applied)"; the entries
 * before K were applied. For a batch of @total entries whose message held
 * @n from index @first, it becomes "p4tc: entry I of TOTAL: WHAT (A
 * applied)" with I = @first + K. Returns K - 1.
 */
unsigned int p4tc_batch_errmsg(struct p4tc_handle *h, int err, unsigned int first,
			       unsigned int n, unsigned int total)
{
	static const char prefix[] = "p4tc: ";
	const size_t plen = strlen(prefix);
	char what[P4TC_ERRMSG_LEN];
	const char *msg = h->errmsg, *end;
	unsigned int k, m = 0;
	bool kernel;
	int off = 0;

	if (!msg[0])
		p4tc_err(h, err, "%s", strerror(-err));
	kernel = !strncmp(msg, prefix, plen);
	if (kernel)
		msg += plen;
	if (sscanf(msg, "entry %u of %u: %n", &k, &m, &off) == 2 && off && m == n &&
	    k >= 1 && k <= n) {
		msg += off;
		if (!strncmp(msg, prefix, plen))
			msg += plen;
		/* The kernel's count of applied entries, which the total replaces. */
		end = strrchr(msg, '(');
		if (!end || end == msg || end[-1] != ' ' || !strstr(end, " applied)"))
			end = msg + strlen(msg);
		else
			end--;
	} else {
		/* Not one entry's failure: the message's first was not applied. */
		k = 0;
		end = msg + strlen(msg);
	}
	snprintf(what, sizeof(what), "%.*s", (int)(end - msg), msg);
	if (k)
		p4tc_err(h, err, "%sentry %u of %u: %s (%u applied)", kernel ? prefix : "",
			 first + k, total, what, first + k - 1);
	else if (n > 1)
		p4tc_err(h, err, "%sentries %u to %u of %u: %s (%u applied)", kernel ? prefix : "",
			 first + 1, first + n, total, what, first);
	else if (total > 1)
		p4tc_err(h, err, "%sentry %u of %u: %s (%u applied)", kernel ? prefix : "",
			 first + 1, total, what, first);
	return k ? k - 1 : 0;
}

static int p4tc_entry_batch(struct p4tc_handle *h, __u8 cmd, const char *pname,
			    const struct p4tc_entry *entries, __u32 *count,
			    const struct p4tc_entry_batch_opts *opts, unsigned int what)
{
	unsigned int i, n, done = 0, total;
	struct nlmsghdr *nlh;
	size_t msg_size;
	int err;

	p4tc_clear_err(h);
	if (!count)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no count given"));
	total = *count;
	*count = 0;
	if (!OPTS_VALID(h, opts, p4tc_entry_batch_opts))
		return p4tc_ret(-EINVAL);
	msg_size = OPTS_GET(opts, msg_size, 0) ?: P4TC_BATCH_MSG_SIZE;
	if (msg_size > P4TC_BATCH_MSG_SIZE_MAX)
		return p4tc_ret(p4tc_err(h, -EINVAL, "msg_size %zu is above %d", msg_size,
					 P4TC_BATCH_MSG_SIZE_MAX));
	if (total > INT_MAX)
		return p4tc_ret(p4tc_err(h, -EINVAL, "%u entries, at most %d", total, INT_MAX));
	if (!total)
		return 0;
	err = p4tc_check_name(h, "pipeline", pname);
	if (err)
		return p4tc_ret(err);
	if (!entries)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no entries given"));
	for (i = 0; i < total; i++) {
		if (cmd == P4TC_CMD_ENTRY_DEL && !entries[i].keylen)
			err = p4tc_entry_no_key(h, &entries[i]);
		else
			err = p4tc_entry_check_one(h, &entries[i], true);
		if (err) {
			/* Name the entry: the message says what is wrong with it. */
			if (total > 1) {
				char msg[P4TC_ERRMSG_LEN];

				snprintf(msg, sizeof(msg), "%s", h->errmsg);
				p4tc_err(h, err, "entry %u of %u: %s", i + 1, total, msg);
			}
			return p4tc_ret(err);
		}
	}
	while (done < total) {
		nlh = p4tc_genl_start(h, cmd, 0);
		if (!nlh)
			return p4tc_ret(-errno);
		p4tc_nl_put_pipeline_name(nlh, pname);
		/* Runs of plain creates go as records of a bulk nest: compact, fast. */
		n = 0;
		if (cmd == P4TC_CMD_ENTRY_NEW)
			n = p4tc_entry_bulk_fill(nlh, msg_size, entries + done, total - done);
		if (!n)
			n = p4tc_entry_batch_fill(nlh, msg_size, entries + done, total - done,
						  what);
		if (!n)
			return p4tc_ret(p4tc_err(h, -EMSGSIZE,
						 "entry %u of %u does not fit in a message of %zu bytes",
						 done + 1, total, msg_size));
		/* The last message is acknowledged: the batch is over. */
		if (done + n == total)
			err = p4tc_genl_talk(h, nlh, NULL, NULL);
		else
			err = p4tc_genl_send_noack(h, nlh);
		if (err) {
			*count = done + p4tc_batch_errmsg(h, err, done, n, total);
			return p4tc_ret(err);
		}
		done += n;
		*count = done;
	}
	return 0;
}

LIBP4TC_API int p4tc_entry_create_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts)
{
	return p4tc_entry_batch(h, P4TC_CMD_ENTRY_NEW, pname, entries, count, opts,
				P4TC_ENTRY_PUT_ALL);
}

LIBP4TC_API int p4tc_entry_update_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts)
{
	return p4tc_entry_batch(h, P4TC_CMD_ENTRY_SET, pname, entries, count, opts,
				P4TC_ENTRY_PUT_ALL);
}

LIBP4TC_API int p4tc_entry_delete_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts)
{
	return p4tc_entry_batch(h, P4TC_CMD_ENTRY_DEL, pname, entries, count, opts,
				P4TC_ENTRY_PUT_TABLE);
}
