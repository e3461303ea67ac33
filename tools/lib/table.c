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
	[P4TC_TABLE_A_ACT] = MNL_TYPE_NESTED,
	[P4TC_TABLE_A_DEFAULT_HIT] = MNL_TYPE_NESTED,
	[P4TC_TABLE_A_DEFAULT_MISS] = MNL_TYPE_NESTED,
	[P4TC_TABLE_A_NUM_TIMER_PROFILES] = MNL_TYPE_U32,
	[P4TC_TABLE_A_TIMER_PROFILE] = MNL_TYPE_NESTED,
	[P4TC_TABLE_A_COUNTERS] = MNL_TYPE_U8,
	[P4TC_TABLE_A_NUM_MASKS_USED] = MNL_TYPE_U32,
	[P4TC_TABLE_A_MEMORY] = MNL_TYPE_U64,
	[P4TC_TABLE_A_DIRECT_COUNTER] = MNL_TYPE_NUL_STRING,
	[P4TC_TABLE_A_DIRECT_METER] = MNL_TYPE_NUL_STRING,
};

static const enum mnl_attr_data_type p4tc_table_act_policy[P4TC_TABLE_ACT_A_MAX + 1] = {
	[P4TC_TABLE_ACT_A_ID] = MNL_TYPE_U32,
	[P4TC_TABLE_ACT_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_TABLE_ACT_A_FLAGS] = MNL_TYPE_U8,
};

static const enum mnl_attr_data_type p4tc_defact_policy[P4TC_DEFACT_A_MAX + 1] = {
	[P4TC_DEFACT_A_ACTION_ID] = MNL_TYPE_U32,
	[P4TC_DEFACT_A_ACTION_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_DEFACT_A_PARAM] = MNL_TYPE_NESTED,
	[P4TC_DEFACT_A_PERMISSIONS] = MNL_TYPE_U16,
	[P4TC_DEFACT_A_NOACTION] = MNL_TYPE_FLAG,
	[P4TC_DEFACT_A_ACTION_INDEX] = MNL_TYPE_U32,
};

static const enum mnl_attr_data_type p4tc_profile_policy[P4TC_TIMER_PROFILE_A_MAX + 1] = {
	[P4TC_TIMER_PROFILE_A_ID] = MNL_TYPE_U32,
	[P4TC_TIMER_PROFILE_A_AGING] = MNL_TYPE_U32,
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

static int p4tc_table_act_parse(const struct nlattr *nest, struct p4tc_table_act *ta)
{
	const struct nlattr *tb[P4TC_TABLE_ACT_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_table_act_policy, P4TC_TABLE_ACT_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_TABLE_ACT_A_ID])
		ta->id = mnl_attr_get_u32(tb[P4TC_TABLE_ACT_A_ID]);
	if (tb[P4TC_TABLE_ACT_A_NAME] &&
	    p4tc_nl_copy_name(ta->name, sizeof(ta->name), tb[P4TC_TABLE_ACT_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_TABLE_ACT_A_FLAGS])
		ta->flags = mnl_attr_get_u8(tb[P4TC_TABLE_ACT_A_FLAGS]);
	return 0;
}

static int p4tc_defact_parse(const struct nlattr *nest, struct p4tc_default_action *d)
{
	const struct nlattr *tb[P4TC_DEFACT_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_defact_policy, P4TC_DEFACT_A_MAX, tb);
	if (err)
		return err;
	d->noaction = tb[P4TC_DEFACT_A_NOACTION];
	if (tb[P4TC_DEFACT_A_PERMISSIONS])
		d->permissions = mnl_attr_get_u16(tb[P4TC_DEFACT_A_PERMISSIONS]);
	if (tb[P4TC_DEFACT_A_ACTION_ID])
		d->action_id = mnl_attr_get_u32(tb[P4TC_DEFACT_A_ACTION_ID]);
	if (tb[P4TC_DEFACT_A_ACTION_INDEX])
		d->action_index = mnl_attr_get_u32(tb[P4TC_DEFACT_A_ACTION_INDEX]);
	if (tb[P4TC_DEFACT_A_ACTION_NAME] &&
	    p4tc_nl_copy_name(d->action_name, sizeof(d->action_name),
			      tb[P4TC_DEFACT_A_ACTION_NAME]))
		return -EBADMSG;
	return p4tc_param_values_parse(nest, P4TC_DEFACT_A_PARAM, d->params, &d->nparams);
}

static int p4tc_profile_parse(const struct nlattr *nest, struct p4tc_timer_profile *tp)
{
	const struct nlattr *tb[P4TC_TIMER_PROFILE_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_profile_policy, P4TC_TIMER_PROFILE_A_MAX, tb);
	if (err)
		return err;
	if (tb[P4TC_TIMER_PROFILE_A_ID])
		tp->id = mnl_attr_get_u32(tb[P4TC_TIMER_PROFILE_A_ID]);
	if (tb[P4TC_TIMER_PROFILE_A_AGING])
		tp->aging_ms = mnl_attr_get_u32(tb[P4TC_TIMER_PROFILE_A_AGING]);
	return 0;
}

/* The multi-attr nests of a table: key fields, actions, timer profiles. */
static int p4tc_table_parse_lists(const struct nlattr *nest, struct p4tc_table *t)
{
	const struct nlattr *attr;
	int err = 0;

	mnl_attr_for_each_nested(attr, nest) {
		switch (mnl_attr_get_type(attr)) {
		case P4TC_TABLE_A_KEYFIELD:
			if (t->nkeyfields == P4TC_MAX_KEY_FIELDS)
				return -EBADMSG;
			err = p4tc_keyfield_parse(attr, &t->keyfields[t->nkeyfields++]);
			break;
		case P4TC_TABLE_A_ACT:
			if (t->nacts == P4TC_MAX_ACTIONS)
				return -EBADMSG;
			err = p4tc_table_act_parse(attr, &t->acts[t->nacts++]);
			break;
		case P4TC_TABLE_A_TIMER_PROFILE:
			if (t->ntimer_profiles == P4TC_MAX_TIMER_PROFILES)
				return -EBADMSG;
			err = p4tc_profile_parse(attr, &t->timer_profiles[t->ntimer_profiles++]);
			break;
		}
		if (err)
			return err;
	}
	return 0;
}

int p4tc_table_parse(const struct nlmsghdr *nlh, struct p4tc_table *t)
{
	const struct nlattr *tb[P4TC_TABLE_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
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
	if (tb[P4TC_TABLE_A_COUNTERS]) {
		t->counters = mnl_attr_get_u8(tb[P4TC_TABLE_A_COUNTERS]);
		t->has |= P4TC_TABLE_HAS_COUNTERS;
	}
	if (tb[P4TC_TABLE_A_NUM_TIMER_PROFILES]) {
		t->num_timer_profiles = mnl_attr_get_u32(tb[P4TC_TABLE_A_NUM_TIMER_PROFILES]);
		t->has |= P4TC_TABLE_HAS_NUM_TIMER_PROFILES;
	}
	if (tb[P4TC_TABLE_A_NUM_MASKS_USED])
		t->num_masks_used = mnl_attr_get_u32(tb[P4TC_TABLE_A_NUM_MASKS_USED]);
	if (tb[P4TC_TABLE_A_MEMORY])
		t->memory = mnl_attr_get_u64(tb[P4TC_TABLE_A_MEMORY]);
	if ((tb[P4TC_TABLE_A_DIRECT_COUNTER] &&
	     p4tc_nl_copy_name(t->direct_counter, sizeof(t->direct_counter),
			       tb[P4TC_TABLE_A_DIRECT_COUNTER])) ||
	    (tb[P4TC_TABLE_A_DIRECT_METER] &&
	     p4tc_nl_copy_name(t->direct_meter, sizeof(t->direct_meter),
			       tb[P4TC_TABLE_A_DIRECT_METER])))
		return -EBADMSG;
	if (tb[P4TC_TABLE_A_DEFAULT_HIT]) {
		err = p4tc_defact_parse(tb[P4TC_TABLE_A_DEFAULT_HIT], &t->default_hit);
		if (err)
			return err;
		t->has |= P4TC_TABLE_HAS_DEFAULT_HIT;
	}
	if (tb[P4TC_TABLE_A_DEFAULT_MISS]) {
		err = p4tc_defact_parse(tb[P4TC_TABLE_A_DEFAULT_MISS], &t->default_miss);
		if (err)
			return err;
		t->has |= P4TC_TABLE_HAS_DEFAULT_MISS;
	}
	return p4tc_table_parse_lists(msg[P4TC_A_TABLE], t);
}

static int p4tc_table_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_table_parse(nlh, data);
}

static int p4tc_defact_check(struct p4tc_handle *h, const struct p4tc_table *t,
			     __u32 has, const struct p4tc_default_action *d)
{
	int err;

	if (!(t->has & has) || d->noaction)
		return 0;
	if (d->action_name[0]) {
		err = p4tc_check_name(h, "action", d->action_name);
		if (err)
			return err;
	}
	if (d->action_index && d->nparams)
		return p4tc_err(h, -EINVAL, "action %.*s: params or an instance index, not both",
				P4TC_NAME_LEN, d->action_name);
	return p4tc_param_values_check(h, "action", d->action_name, d->params, d->nparams);
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
	if (t->nacts > P4TC_MAX_ACTIONS)
		return p4tc_err(h, -EINVAL, "table %s: %u actions, at most %d",
				t->name, t->nacts, P4TC_MAX_ACTIONS);
	for (i = 0; i < t->nacts; i++) {
		if (t->acts[i].name[0] || !t->acts[i].id) {
			err = p4tc_check_name(h, "action", t->acts[i].name);
			if (err)
				return err;
		}
	}
	if (t->ntimer_profiles > P4TC_MAX_TIMER_PROFILES)
		return p4tc_err(h, -EINVAL, "table %s: %u timer profiles, at most %d",
				t->name, t->ntimer_profiles, P4TC_MAX_TIMER_PROFILES);
	if (strnlen(t->direct_counter, sizeof(t->direct_counter)) == sizeof(t->direct_counter) ||
	    strnlen(t->direct_meter, sizeof(t->direct_meter)) == sizeof(t->direct_meter))
		return p4tc_err(h, -ENAMETOOLONG, "table %s: a direct extern is longer than %zu characters",
				t->name, sizeof(t->direct_counter) - 1);
	err = p4tc_defact_check(h, t, P4TC_TABLE_HAS_DEFAULT_HIT, &t->default_hit);
	if (!err)
		err = p4tc_defact_check(h, t, P4TC_TABLE_HAS_DEFAULT_MISS, &t->default_miss);
	if (err)
		return err;
	if (t->nconst_entries && !t->const_entries)
		return p4tc_err(h, -EINVAL, "table %s: no const entries given", t->name);
	for (i = 0; i < t->nconst_entries; i++) {
		err = p4tc_entry_check_one(h, &t->const_entries[i], false);
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
		/* Without a match the kernel takes the table's type. */
		if (kf->match)
			mnl_attr_put_u8(nlh, P4TC_KEYFIELD_A_MATCH, kf->match);
		mnl_attr_nest_end(nlh, nest);
	}
}

static void p4tc_table_acts_put(struct nlmsghdr *nlh, const struct p4tc_table *t)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < t->nacts; i++) {
		const struct p4tc_table_act *ta = &t->acts[i];

		nest = mnl_attr_nest_start(nlh, P4TC_TABLE_A_ACT);
		if (ta->id)
			mnl_attr_put_u32(nlh, P4TC_TABLE_ACT_A_ID, ta->id);
		if (ta->name[0])
			mnl_attr_put_strz(nlh, P4TC_TABLE_ACT_A_NAME, ta->name);
		if (ta->flags)
			mnl_attr_put_u8(nlh, P4TC_TABLE_ACT_A_FLAGS, ta->flags);
		mnl_attr_nest_end(nlh, nest);
	}
}

static void p4tc_profiles_put(struct nlmsghdr *nlh, const struct p4tc_table *t)
{
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < t->ntimer_profiles; i++) {
		nest = mnl_attr_nest_start(nlh, P4TC_TABLE_A_TIMER_PROFILE);
		mnl_attr_put_u32(nlh, P4TC_TIMER_PROFILE_A_ID, t->timer_profiles[i].id);
		mnl_attr_put_u32(nlh, P4TC_TIMER_PROFILE_A_AGING, t->timer_profiles[i].aging_ms);
		mnl_attr_nest_end(nlh, nest);
	}
}

/* A default action: "no action" is an action id of 0. */
static void p4tc_defact_put(struct nlmsghdr *nlh, __u16 type,
			    const struct p4tc_default_action *d)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	if (d->noaction) {
		mnl_attr_put(nlh, P4TC_DEFACT_A_NOACTION, 0, "");
		mnl_attr_nest_end(nlh, nest);
		return;
	}
	if (d->permissions)
		mnl_attr_put_u16(nlh, P4TC_DEFACT_A_PERMISSIONS, d->permissions);
	if (d->action_id || !d->action_name[0])
		mnl_attr_put_u32(nlh, P4TC_DEFACT_A_ACTION_ID, d->action_id);
	if (d->action_name[0])
		mnl_attr_put_strz(nlh, P4TC_DEFACT_A_ACTION_NAME, d->action_name);
	if (d->action_index)
		mnl_attr_put_u32(nlh, P4TC_DEFACT_A_ACTION_INDEX, d->action_index);
	p4tc_param_values_put(nlh, P4TC_DEFACT_A_PARAM, d->params, d->nparams);
	mnl_attr_nest_end(nlh, nest);
}

/* The table attributes an entry update may change (tbl_attrs). */
static void p4tc_table_attrs_put(struct nlmsghdr *nlh, const struct p4tc_table *t)
{
	if (t->has & P4TC_TABLE_HAS_PERMISSIONS)
		mnl_attr_put_u16(nlh, P4TC_TABLE_A_PERMISSIONS, t->permissions);
	if (t->has & P4TC_TABLE_HAS_DEFAULT_HIT)
		p4tc_defact_put(nlh, P4TC_TABLE_A_DEFAULT_HIT, &t->default_hit);
	if (t->has & P4TC_TABLE_HAS_DEFAULT_MISS)
		p4tc_defact_put(nlh, P4TC_TABLE_A_DEFAULT_MISS, &t->default_miss);
	p4tc_profiles_put(nlh, t);
}

struct nlmsghdr *p4tc_table_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				    const char *pname, const struct p4tc_table *t)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;
	unsigned int i;

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
	if (t->has & P4TC_TABLE_HAS_COUNTERS)
		mnl_attr_put_u8(nlh, P4TC_TABLE_A_COUNTERS, t->counters);
	if (t->has & P4TC_TABLE_HAS_NUM_TIMER_PROFILES)
		mnl_attr_put_u32(nlh, P4TC_TABLE_A_NUM_TIMER_PROFILES, t->num_timer_profiles);
	if (t->direct_counter[0])
		mnl_attr_put_strz(nlh, P4TC_TABLE_A_DIRECT_COUNTER, t->direct_counter);
	if (t->direct_meter[0])
		mnl_attr_put_strz(nlh, P4TC_TABLE_A_DIRECT_METER, t->direct_meter);
	p4tc_table_attrs_put(nlh, t);
	p4tc_keyfields_put(nlh, t);
	p4tc_table_acts_put(nlh, t);
	for (i = 0; i < t->nconst_entries; i++) {
		if (!p4tc_entry_put(nlh, P4TC_REQ_SIZE, P4TC_TABLE_A_ENTRY, &t->const_entries[i],
				    P4TC_ENTRY_PUT_ATTRS)) {
			p4tc_err(h, -EMSGSIZE,
				 "table %s: const entry %u of %u does not fit in the request (%d bytes): add the entries in several requests",
				 t->name, i + 1, t->nconst_entries, P4TC_REQ_SIZE);
			errno = EMSGSIZE;
			return NULL;
		}
	}
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
static void p4tc_table_ref(struct p4tc_table *ref, const struct p4tc_table *t)
{
	memset(ref, 0, sizeof(*ref));
	if (t) {
		ref->id = t->id;
		memcpy(ref->name, t->name, sizeof(ref->name));
	}
}

LIBP4TC_API int p4tc_table_create_v0_3(struct p4tc_handle *h, const char *pname,
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
P4TC_DEFAULT_VERSION(p4tc_table_create_v0_3, p4tc_table_create, LIBP4TC_0.3)

LIBP4TC_API int p4tc_table_update_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table *t)
{
	return p4tc_table_do(h, P4TC_CMD_TABLE_SET, pname, t, NULL);
}
P4TC_DEFAULT_VERSION(p4tc_table_update_v0_3, p4tc_table_update, LIBP4TC_0.3)

LIBP4TC_API int p4tc_table_get_v0_3(struct p4tc_handle *h, const char *pname,
				    struct p4tc_table *t)
{
	struct p4tc_table ref;

	p4tc_table_ref(&ref, t);
	return p4tc_table_do(h, P4TC_CMD_TABLE_GET, pname, &ref, t);
}
P4TC_DEFAULT_VERSION(p4tc_table_get_v0_3, p4tc_table_get, LIBP4TC_0.3)

LIBP4TC_API int p4tc_table_delete(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t)
{
	struct p4tc_table ref;

	p4tc_table_ref(&ref, t);
	return p4tc_table_do(h, P4TC_CMD_TABLE_DEL, pname, &ref, NULL);
}

LIBP4TC_API int p4tc_table_flush(struct p4tc_handle *h, const char *pname)
{
	return p4tc_tmpl_flush(h, P4TC_CMD_TABLE_DEL, P4TC_A_TABLE, pname);
}

/* What p4tc_table_attrs_update() may change. */
#define P4TC_TABLE_ATTRS_HAS (P4TC_TABLE_HAS_PERMISSIONS | P4TC_TABLE_HAS_DEFAULT_HIT | \
			      P4TC_TABLE_HAS_DEFAULT_MISS)

LIBP4TC_API int p4tc_table_attrs_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_table *t)
{
	struct nlattr *nest, *attrs;
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_table_check(h, pname, t);
	if (err)
		return p4tc_ret(err);
	if ((t->has & ~P4TC_TABLE_ATTRS_HAS) || t->nkeyfields || t->nacts || t->nconst_entries ||
	    t->direct_counter[0] || t->direct_meter[0])
		return p4tc_ret(p4tc_err(h, -EINVAL,
					 "table %s: only default actions, permissions and timer profiles change at runtime",
					 t->name));
	if (!(t->has & P4TC_TABLE_ATTRS_HAS) && !t->ntimer_profiles)
		return p4tc_ret(p4tc_err(h, -EINVAL, "table %s: nothing to change", t->name));
	nlh = p4tc_genl_start(h, P4TC_CMD_ENTRY_SET, 0);
	if (!nlh)
		return p4tc_ret(-errno);
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_ENTRY);
	if (t->id)
		mnl_attr_put_u32(nlh, P4TC_ENTRY_A_TABLE_ID, t->id);
	if (t->name[0])
		mnl_attr_put_strz(nlh, P4TC_ENTRY_A_TABLE_NAME, t->name);
	attrs = mnl_attr_nest_start(nlh, P4TC_ENTRY_A_TBL_ATTRS);
	p4tc_table_attrs_put(nlh, t);
	mnl_attr_nest_end(nlh, attrs);
	mnl_attr_nest_end(nlh, nest);
	return p4tc_ret(p4tc_genl_talk(h, nlh, NULL, NULL));
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
