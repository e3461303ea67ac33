// SPDX-License-Identifier: GPL-2.0
/*
 * The "p4tc" generic netlink family: policies, operations and the helpers
 * the object files share to parse requests and build replies.
 */
#include <linux/ctype.h>
#include <linux/module.h>
#include <net/genetlink.h>

#include "netlink.h"

#define P4TC_REPLY_ONLY { .type = NLA_REJECT, .reject_message = "attribute is reply only" }

const struct nla_policy p4tc_pipeline_policy[P4TC_PIPELINE_A_MAX + 1] = {
	[P4TC_PIPELINE_A_ID] = { .type = NLA_U32 },
	[P4TC_PIPELINE_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_PIPELINE_A_NUMTABLES] = { .type = NLA_U16 },
	[P4TC_PIPELINE_A_STATE] = { .type = NLA_U8 },
	[P4TC_PIPELINE_A_CURTABLES] = P4TC_REPLY_ONLY,
	[P4TC_PIPELINE_A_USERS] = P4TC_REPLY_ONLY,
};

const struct nla_policy p4tc_param_policy[P4TC_PARAM_A_MAX + 1] = {
	[P4TC_PARAM_A_ID] = { .type = NLA_U32 },
	[P4TC_PARAM_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_PARAM_A_TYPE] = { .type = NLA_U32 },
	[P4TC_PARAM_A_BITSZ] = { .type = NLA_U16 },
	[P4TC_PARAM_A_OFFSET] = P4TC_REPLY_ONLY,
	[P4TC_PARAM_A_VALUE] = { .type = NLA_BINARY, .len = P4TC_MAX_PARAM_DATA_SIZE },
	[P4TC_PARAM_A_FLAGS] = NLA_POLICY_MASK(NLA_U8, P4TC_EXT_PARAM_F_KEY |
						     P4TC_EXT_PARAM_F_DATA_SCALAR),
};

const struct nla_policy p4tc_action_policy[P4TC_ACTION_A_MAX + 1] = {
	[P4TC_ACTION_A_ID] = { .type = NLA_U32 },
	[P4TC_ACTION_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_ACTION_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_ACTION_A_ACTIVE] = NLA_POLICY_MAX(NLA_U8, 1),
	[P4TC_ACTION_A_NUM_PREALLOC] = NLA_POLICY_RANGE(NLA_U32, 1, P4TC_MAX_NUM_PREALLOC),
};

const struct nla_policy p4tc_keyfield_policy[P4TC_KEYFIELD_A_MAX + 1] = {
	[P4TC_KEYFIELD_A_ID] = { .type = NLA_U32 },
	[P4TC_KEYFIELD_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_KEYFIELD_A_TYPE] = { .type = NLA_U32 },
	[P4TC_KEYFIELD_A_BITSZ] = { .type = NLA_U16 },
	[P4TC_KEYFIELD_A_MATCH] = { .type = NLA_U8 },
};

/* Ranges beyond what a policy holds inline (s16). */
static struct netlink_range_validation p4tc_prio_range = {
	.min = 1,
	.max = P4TC_MAX_PRIO,
};

static struct netlink_range_validation p4tc_aging_range = {
	.min = 1,
	.max = P4TC_MAX_AGING_MS,
};

const struct nla_policy p4tc_table_act_policy[P4TC_TABLE_ACT_A_MAX + 1] = {
	[P4TC_TABLE_ACT_A_ID] = { .type = NLA_U32 },
	[P4TC_TABLE_ACT_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_TABLE_ACT_A_FLAGS] = NLA_POLICY_MASK(NLA_U8, P4TC_TABLE_ACT_TABLEONLY |
						      P4TC_TABLE_ACT_DEFAULTONLY),
};

const struct nla_policy p4tc_defact_policy[P4TC_DEFACT_A_MAX + 1] = {
	[P4TC_DEFACT_A_ACTION_ID] = { .type = NLA_U32 },
	[P4TC_DEFACT_A_ACTION_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_DEFACT_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_DEFACT_A_PERMISSIONS] = { .type = NLA_U16 },
	[P4TC_DEFACT_A_NOACTION] = { .type = NLA_FLAG },
	[P4TC_DEFACT_A_ACTION_INDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

const struct nla_policy p4tc_timer_profile_policy[P4TC_TIMER_PROFILE_A_MAX + 1] = {
	[P4TC_TIMER_PROFILE_A_ID] = NLA_POLICY_MAX(NLA_U32, P4TC_MAX_TIMER_PROFILES - 1),
	[P4TC_TIMER_PROFILE_A_AGING] = NLA_POLICY_FULL_RANGE(NLA_U32, &p4tc_aging_range),
};

const struct nla_policy p4tc_filter_policy[P4TC_FILTER_A_MAX + 1] = {
	[P4TC_FILTER_A_OP] = NLA_POLICY_RANGE(NLA_U8, P4TC_FILTER_OP_EQ, P4TC_FILTER_OP_NOT),
	[P4TC_FILTER_A_NODE] = NLA_POLICY_NESTED(p4tc_filter_policy),
	[P4TC_FILTER_A_OPERAND] = NLA_POLICY_RANGE(NLA_U8, P4TC_FILTER_OPND_KEY,
						   P4TC_FILTER_OPND_MSECS_SINCE),
	[P4TC_FILTER_A_OFFSET] = { .type = NLA_U16 },
	[P4TC_FILTER_A_VALUE] = NLA_POLICY_RANGE(NLA_BINARY, 1, P4TC_FILTER_VALUE_MAX),
	[P4TC_FILTER_A_MASK] = NLA_POLICY_RANGE(NLA_BINARY, 1, P4TC_FILTER_VALUE_MAX),
	[P4TC_FILTER_A_HOST_ORDER] = { .type = NLA_FLAG },
	[P4TC_FILTER_A_ACTION_ID] = { .type = NLA_U32 },
};

/* Table attributes an entry update may change at runtime (tbl_attrs). */
const struct nla_policy p4tc_tbl_attrs_policy[P4TC_TABLE_A_MAX + 1] = {
	[P4TC_TABLE_A_PERMISSIONS] = NLA_POLICY_MAX(NLA_U16, P4TC_PERM_MASK),
	[P4TC_TABLE_A_DEFAULT_HIT] = NLA_POLICY_NESTED(p4tc_defact_policy),
	[P4TC_TABLE_A_DEFAULT_MISS] = NLA_POLICY_NESTED(p4tc_defact_policy),
	[P4TC_TABLE_A_TIMER_PROFILE] = NLA_POLICY_NESTED(p4tc_timer_profile_policy),
};

const struct nla_policy p4tc_table_policy[P4TC_TABLE_A_MAX + 1] = {
	[P4TC_TABLE_A_ID] = { .type = NLA_U32 },
	[P4TC_TABLE_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_TABLE_A_TYPE] = NLA_POLICY_RANGE(NLA_U8, P4TC_TABLE_TYPE_EXACT,
					       P4TC_TABLE_TYPE_TERNARY),
	[P4TC_TABLE_A_KEYSZ] = { .type = NLA_U32 },
	[P4TC_TABLE_A_TENTRIES] = { .type = NLA_U32 },
	[P4TC_TABLE_A_NUMMASKS] = { .type = NLA_U32 },
	[P4TC_TABLE_A_PERMISSIONS] = { .type = NLA_U16 },
	[P4TC_TABLE_A_KEYFIELD] = NLA_POLICY_NESTED(p4tc_keyfield_policy),
	[P4TC_TABLE_A_NENTRIES] = P4TC_REPLY_ONLY,
	[P4TC_TABLE_A_ACT] = NLA_POLICY_NESTED(p4tc_table_act_policy),
	[P4TC_TABLE_A_DEFAULT_HIT] = NLA_POLICY_NESTED(p4tc_defact_policy),
	[P4TC_TABLE_A_DEFAULT_MISS] = NLA_POLICY_NESTED(p4tc_defact_policy),
	[P4TC_TABLE_A_NUM_TIMER_PROFILES] = NLA_POLICY_RANGE(NLA_U32, 1, P4TC_MAX_TIMER_PROFILES),
	[P4TC_TABLE_A_TIMER_PROFILE] = NLA_POLICY_NESTED(p4tc_timer_profile_policy),
	[P4TC_TABLE_A_ENTRY] = NLA_POLICY_NESTED(p4tc_entry_policy),
	[P4TC_TABLE_A_COUNTERS] = NLA_POLICY_MAX(NLA_U8, 1),
	[P4TC_TABLE_A_NUM_MASKS_USED] = P4TC_REPLY_ONLY,
	[P4TC_TABLE_A_MEMORY] = P4TC_REPLY_ONLY,
	[P4TC_TABLE_A_DIRECT_COUNTER] = { .type = NLA_NUL_STRING, .len = 2 * P4TC_NAME_LEN },
	[P4TC_TABLE_A_DIRECT_METER] = { .type = NLA_NUL_STRING, .len = 2 * P4TC_NAME_LEN },
};

const struct nla_policy p4tc_entry_policy[P4TC_ENTRY_A_MAX + 1] = {
	[P4TC_ENTRY_A_TABLE_ID] = { .type = NLA_U32 },
	[P4TC_ENTRY_A_TABLE_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_ENTRY_A_KEY] = { .type = NLA_BINARY, .len = P4TC_MAX_KEYSZ / 8 },
	[P4TC_ENTRY_A_ACTION_ID] = { .type = NLA_U32 },
	[P4TC_ENTRY_A_ACTION_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_ENTRY_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_ENTRY_A_MASK] = { .type = NLA_BINARY, .len = P4TC_MAX_KEYSZ / 8 },
	[P4TC_ENTRY_A_PRIO] = NLA_POLICY_FULL_RANGE(NLA_U32, &p4tc_prio_range),
	[P4TC_ENTRY_A_PERMISSIONS] = { .type = NLA_U16 },
	[P4TC_ENTRY_A_DYNAMIC] = { .type = NLA_FLAG },
	[P4TC_ENTRY_A_AGING] = NLA_POLICY_FULL_RANGE(NLA_U32, &p4tc_aging_range),
	[P4TC_ENTRY_A_PROFILE_ID] = NLA_POLICY_MAX(NLA_U32, P4TC_MAX_TIMER_PROFILES - 1),
	[P4TC_ENTRY_A_TM] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_CREATED_BY] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_UPDATED_BY] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_TMPL_CREATED] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_COUNTERS] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_DELETED_BY] = P4TC_REPLY_ONLY,
	[P4TC_ENTRY_A_TBL_ATTRS] = NLA_POLICY_NESTED(p4tc_tbl_attrs_policy),
	[P4TC_ENTRY_A_FILTER] = NLA_POLICY_NESTED(p4tc_filter_policy),
	[P4TC_ENTRY_A_ACTION_INDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[P4TC_ENTRY_A_FLAGS] = NLA_POLICY_MASK(NLA_U32, P4TC_ENTRY_FLAGS_SKIP_HW |
						   P4TC_ENTRY_FLAGS_SKIP_SW),
};

static const struct nla_policy p4tc_actinst_policy[P4TC_ACTINST_A_MAX + 1] = {
	[P4TC_ACTINST_A_ACTION_ID] = { .type = NLA_U32 },
	[P4TC_ACTINST_A_ACTION_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_ACTINST_A_INDEX] = { .type = NLA_U32 },
	[P4TC_ACTINST_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_ACTINST_A_USERS] = P4TC_REPLY_ONLY,
	[P4TC_ACTINST_A_TM] = P4TC_REPLY_ONLY,
	[P4TC_ACTINST_A_COUNTERS] = P4TC_REPLY_ONLY,
	[P4TC_ACTINST_A_REPLACE] = { .type = NLA_FLAG },
};

static const struct nla_policy p4tc_bulk_policy[P4TC_BULK_A_MAX + 1] = {
	[P4TC_BULK_A_TABLE_ID] = { .type = NLA_U32 },
	[P4TC_BULK_A_TABLE_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_BULK_A_ACTION_ID] = { .type = NLA_U32 },
	[P4TC_BULK_A_ACTION_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_BULK_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_BULK_A_LAYOUT] = { .type = NLA_BINARY, .len = (1 + P4TC_MAX_PARAMS) * sizeof(u32) },
	[P4TC_BULK_A_RECORDS] = { .type = NLA_BINARY },
};

static const struct nla_policy p4tc_extern_policy[P4TC_EXTERN_A_MAX + 1] = {
	[P4TC_EXTERN_A_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[P4TC_EXTERN_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_EXTERN_A_NUM_INSTANCES] = NLA_POLICY_RANGE(NLA_U32, 1, P4TC_MAX_EXT_INSTANCES),
	[P4TC_EXTERN_A_PERMISSIONS] = NLA_POLICY_MAX(NLA_U16, P4TC_PERM_MASK),
	[P4TC_EXTERN_A_HAS_EXEC] = { .type = NLA_FLAG },
	[P4TC_EXTERN_A_INSTANCES] = P4TC_REPLY_ONLY,
};

static struct netlink_range_validation p4tc_numel_range = {
	.min = 1,
	.max = P4TC_MAX_EXT_ELEMS,
};

static const struct nla_policy p4tc_extinst_policy[P4TC_EXTINST_A_MAX + 1] = {
	[P4TC_EXTINST_A_EXT_ID] = { .type = NLA_U32 },
	[P4TC_EXTINST_A_EXT_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_EXTINST_A_ID] = NLA_POLICY_RANGE(NLA_U32, 1, P4TC_MAX_EXT_INSTANCES),
	[P4TC_EXTINST_A_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_EXTINST_A_NUMEL] = NLA_POLICY_FULL_RANGE(NLA_U32, &p4tc_numel_range),
	[P4TC_EXTINST_A_TBL_BINDABLE] = { .type = NLA_FLAG },
	[P4TC_EXTINST_A_CONSTRUCTOR] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_EXTINST_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
	[P4TC_EXTINST_A_PERMISSIONS] = P4TC_REPLY_ONLY,
	[P4TC_EXTINST_A_TABLE_ID] = P4TC_REPLY_ONLY,
};

static const struct nla_policy p4tc_extelem_policy[P4TC_EXTELEM_A_MAX + 1] = {
	[P4TC_EXTELEM_A_EXT_ID] = { .type = NLA_U32 },
	[P4TC_EXTELEM_A_EXT_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_EXTELEM_A_INST_ID] = { .type = NLA_U32 },
	[P4TC_EXTELEM_A_INST_NAME] = { .type = NLA_NUL_STRING },
	[P4TC_EXTELEM_A_INDEX] = { .type = NLA_U32 },
	[P4TC_EXTELEM_A_PARAM] = NLA_POLICY_NESTED(p4tc_param_policy),
};

/* Per-command policies: each command accepts only its objects' nests. */
static const struct nla_policy p4tc_pipeline_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
};

static const struct nla_policy p4tc_action_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_ACTION] = NLA_POLICY_NESTED(p4tc_action_policy),
};

static const struct nla_policy p4tc_table_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_TABLE] = NLA_POLICY_NESTED(p4tc_table_policy),
};

static const struct nla_policy p4tc_entry_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_ENTRY] = NLA_POLICY_NESTED(p4tc_entry_policy),
};

static const struct nla_policy p4tc_port_policy[P4TC_PORT_A_MAX + 1] = {
	[P4TC_PORT_A_IFINDEX] = { .type = NLA_U32 },
	[P4TC_PORT_A_TYPE] = NLA_POLICY_RANGE(NLA_U8, P4TC_PORT_TYPE_NET, P4TC_PORT_TYPE_HOST),
	[P4TC_PORT_A_AUTO] = { .type = NLA_FLAG },
	[P4TC_PORT_A_NAME] = P4TC_REPLY_ONLY,
};

static const struct nla_policy p4tc_port_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PORT] = NLA_POLICY_NESTED(p4tc_port_policy),
};

static const struct nla_policy p4tc_actinst_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_ACTINST] = NLA_POLICY_NESTED(p4tc_actinst_policy),
};

static const struct nla_policy p4tc_extern_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_EXTERN] = NLA_POLICY_NESTED(p4tc_extern_policy),
};

static const struct nla_policy p4tc_extinst_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_EXTINST] = NLA_POLICY_NESTED(p4tc_extinst_policy),
};

static const struct nla_policy p4tc_extelem_cmd_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_EXTELEM] = NLA_POLICY_NESTED(p4tc_extelem_policy),
};

static const struct nla_policy p4tc_entry_new_policy[P4TC_A_MAX + 1] = {
	[P4TC_A_PIPELINE] = NLA_POLICY_NESTED(p4tc_pipeline_policy),
	[P4TC_A_ENTRY] = NLA_POLICY_NESTED(p4tc_entry_policy),
	[P4TC_A_ENTRY_BULK] = NLA_POLICY_NESTED(p4tc_bulk_policy),
};

#define P4TC_OP(_cmd, _doit, _policy, _flags) {			\
	.cmd = _cmd, .doit = _doit, .policy = _policy,			\
	.maxattr = P4TC_A_MAX, .flags = _flags }

#define P4TC_GET_OP(_cmd, _doit, _dumpit, _policy) {			\
	.cmd = _cmd, .doit = _doit, .dumpit = _dumpit,			\
	.policy = _policy, .maxattr = P4TC_A_MAX }

static const struct genl_ops p4tc_ops[] = {
	P4TC_OP(P4TC_CMD_PIPELINE_NEW, p4tc_nl_pipeline_new,
		p4tc_pipeline_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_PIPELINE_SET, p4tc_nl_pipeline_set,
		p4tc_pipeline_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_PIPELINE_GET, p4tc_nl_pipeline_get,
		    p4tc_nl_pipeline_dump, p4tc_pipeline_cmd_policy),
	P4TC_OP(P4TC_CMD_PIPELINE_DEL, p4tc_nl_pipeline_del,
		p4tc_pipeline_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ACTION_NEW, p4tc_nl_action_new,
		p4tc_action_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ACTION_SET, p4tc_nl_action_set,
		p4tc_action_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_ACTION_GET, p4tc_nl_action_get,
		    p4tc_nl_action_dump, p4tc_action_cmd_policy),
	P4TC_OP(P4TC_CMD_ACTION_DEL, p4tc_nl_action_del,
		p4tc_action_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_TABLE_NEW, p4tc_nl_table_new,
		p4tc_table_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_TABLE_SET, p4tc_nl_table_set,
		p4tc_table_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_TABLE_GET, p4tc_nl_table_get,
		    p4tc_nl_table_dump, p4tc_table_cmd_policy),
	P4TC_OP(P4TC_CMD_TABLE_DEL, p4tc_nl_table_del,
		p4tc_table_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ENTRY_NEW, p4tc_nl_entry_new,
		p4tc_entry_new_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ENTRY_SET, p4tc_nl_entry_set,
		p4tc_entry_cmd_policy, GENL_UNS_ADMIN_PERM),
	{
		.cmd = P4TC_CMD_ENTRY_GET,
		.doit = p4tc_nl_entry_get,
		.dumpit = p4tc_nl_entry_dump,
		.done = p4tc_nl_entry_dump_done,
		.policy = p4tc_entry_cmd_policy,
		.maxattr = P4TC_A_MAX,
	},
	P4TC_OP(P4TC_CMD_ENTRY_DEL, p4tc_nl_entry_del,
		p4tc_entry_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ACTINST_NEW, p4tc_nl_actinst_new,
		p4tc_actinst_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_ACTINST_SET, p4tc_nl_actinst_set,
		p4tc_actinst_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_ACTINST_GET, p4tc_nl_actinst_get,
		    p4tc_nl_actinst_dump, p4tc_actinst_cmd_policy),
	P4TC_OP(P4TC_CMD_ACTINST_DEL, p4tc_nl_actinst_del,
		p4tc_actinst_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_PORT_SET, p4tc_nl_port_set,
		p4tc_port_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_PORT_GET, p4tc_nl_port_get,
		    p4tc_nl_port_dump, p4tc_port_cmd_policy),
	P4TC_OP(P4TC_CMD_EXTERN_NEW, p4tc_nl_extern_new,
		p4tc_extern_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_EXTERN_GET, p4tc_nl_extern_get,
		    p4tc_nl_extern_dump, p4tc_extern_cmd_policy),
	P4TC_OP(P4TC_CMD_EXTERN_DEL, p4tc_nl_extern_del,
		p4tc_extern_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_EXTINST_NEW, p4tc_nl_extinst_new,
		p4tc_extinst_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_EXTINST_GET, p4tc_nl_extinst_get,
		    p4tc_nl_extinst_dump, p4tc_extinst_cmd_policy),
	P4TC_OP(P4TC_CMD_EXTINST_DEL, p4tc_nl_extinst_del,
		p4tc_extinst_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_OP(P4TC_CMD_EXTELEM_SET, p4tc_nl_extelem_set,
		p4tc_extelem_cmd_policy, GENL_UNS_ADMIN_PERM),
	P4TC_GET_OP(P4TC_CMD_EXTELEM_GET, p4tc_nl_extelem_get,
		    p4tc_nl_extelem_dump, p4tc_extelem_cmd_policy),
};

enum p4tc_mcgrp {
	P4TC_MCGRP_EVENTS_ID,
	P4TC_MCGRP_DIGEST_ID,
};

static const struct genl_multicast_group p4tc_mcgrps[] = {
	[P4TC_MCGRP_EVENTS_ID] = { .name = P4TC_MCGRP_EVENTS },
	[P4TC_MCGRP_DIGEST_ID] = { .name = P4TC_MCGRP_DIGEST },
};

static struct genl_family p4tc_family __ro_after_init = {
	.name = P4TC_FAMILY_NAME,
	.version = P4TC_FAMILY_VERSION,
	.maxattr = P4TC_A_MAX,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = p4tc_ops,
	.n_ops = ARRAY_SIZE(p4tc_ops),
	.mcgrps = p4tc_mcgrps,
	.n_mcgrps = ARRAY_SIZE(p4tc_mcgrps),
};

/**
 * p4tc_nl_listening() - whether anybody listens to the events of a namespace
 * @net: namespace
 *
 * Return: true if the events group has a member in @net.
 */
bool p4tc_nl_listening(struct net *net)
{
	return genl_has_listeners(&p4tc_family, net, P4TC_MCGRP_EVENTS_ID);
}

/* A message of @cmd to a multicast group, its user header in @hdr. */
static struct sk_buff *p4tc_nl_mcast_new(u8 cmd, size_t size, void **hdr, gfp_t gfp)
{
	struct sk_buff *skb;

	skb = genlmsg_new(size, gfp);
	if (!skb)
		return NULL;
	*hdr = genlmsg_put(skb, 0, 0, &p4tc_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/**
 * p4tc_nl_event_new() - start an event message, if anybody listens
 * @net: namespace of the change
 * @cmd: the command that made the change
 * @size: room for the event's attributes
 * @hdr: gets the user header
 * @gfp: allocation flags
 *
 * Return: the message, or NULL if nobody listens or there is no memory.
 */
struct sk_buff *p4tc_nl_event_new(struct net *net, u8 cmd, size_t size, void **hdr,
				  gfp_t gfp)
{
	if (!p4tc_nl_listening(net))
		return NULL;
	return p4tc_nl_mcast_new(cmd, size, hdr, gfp);
}

/**
 * p4tc_nl_digest_send() - send a digest to the digest group, if anybody listens
 * @net: namespace of the packet
 * @fill: puts the digest's attributes into the message
 * @data: for @fill
 *
 * Context: any; allocates with GFP_ATOMIC, and only if somebody listens.
 * Return: 0 (also when nobody listens), -ENOMEM or -EMSGSIZE.
 */
int p4tc_nl_digest_send(struct net *net, int (*fill)(struct sk_buff *skb, const void *data),
			const void *data)
{
	struct sk_buff *skb;
	void *hdr;

	if (!genl_has_listeners(&p4tc_family, net, P4TC_MCGRP_DIGEST_ID))
		return 0;
	skb = p4tc_nl_mcast_new(P4TC_CMD_DIGEST, NLMSG_GOODSIZE, &hdr, GFP_ATOMIC);
	if (!skb)
		return -ENOMEM;
	if (fill(skb, data)) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&p4tc_family, net, skb, 0, P4TC_MCGRP_DIGEST_ID, GFP_ATOMIC);
	return 0;
}

/**
 * p4tc_nl_event_send() - send an event built after p4tc_nl_event_new()
 * @net: namespace of the change
 * @skb: the event, may be NULL (then nothing is sent)
 * @hdr: its user header
 * @gfp: allocation flags
 */
void p4tc_nl_event_send(struct net *net, struct sk_buff *skb, void *hdr, gfp_t gfp)
{
	if (!skb)
		return;
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&p4tc_family, net, skb, 0, P4TC_MCGRP_EVENTS_ID, gfp);
}

/**
 * p4tc_nl_reply_start() - start a unicast reply to a request
 * @skb: the reply
 * @info: the request
 *
 * Return: the user header, NULL if @skb is too small.
 */
void *p4tc_nl_reply_start(struct sk_buff *skb, const struct genl_info *info)
{
	return genlmsg_put(skb, info->snd_portid, info->snd_seq, &p4tc_family,
			   0, info->genlhdr->cmd);
}

/**
 * p4tc_nl_reply() - finish and send a reply built by p4tc_nl_reply_start()
 * @msg: the reply
 * @hdr: its user header
 * @info: the request
 *
 * The request succeeded whether or not the reply reaches the requester (its
 * socket may be full): a lost reply must not report a done change as failed.
 * The reply to a change goes to the events group too.
 *
 * Return: 0.
 */
int p4tc_nl_reply(struct sk_buff *msg, void *hdr, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	u8 cmd = info->genlhdr->cmd;
	struct sk_buff *event;

	genlmsg_end(msg, hdr);
	if (cmd != P4TC_CMD_PIPELINE_GET && cmd != P4TC_CMD_ACTION_GET &&
	    cmd != P4TC_CMD_TABLE_GET && cmd != P4TC_CMD_ENTRY_GET &&
	    cmd != P4TC_CMD_ACTINST_GET && cmd != P4TC_CMD_PORT_GET &&
	    cmd != P4TC_CMD_EXTERN_GET && cmd != P4TC_CMD_EXTINST_GET &&
	    cmd != P4TC_CMD_EXTELEM_GET &&
	    genl_has_listeners(&p4tc_family, net, P4TC_MCGRP_EVENTS_ID)) {
		event = skb_clone(msg, GFP_KERNEL);
		if (event)
			genlmsg_multicast_netns(&p4tc_family, net, event, 0,
						P4TC_MCGRP_EVENTS_ID, GFP_KERNEL);
	}
	genlmsg_reply(msg, info);
	return 0;
}

/**
 * p4tc_nl_dump_start() - start one object's message in a dump
 * @skb: the dump buffer
 * @cb: the dump
 *
 * Return: the user header, NULL if @skb is full.
 */
void *p4tc_nl_dump_start(struct sk_buff *skb, struct netlink_callback *cb)
{
	return genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			   &p4tc_family, NLM_F_MULTI,
			   genl_dumpit_info(cb)->op.cmd);
}

static u64 p4tc_msecs_since(u32 then)
{
	return then ? jiffies_to_msecs((u32)jiffies - then) : 0;
}

/**
 * p4tc_put_tm() - put the times of an entry or action instance
 * @skb: message
 * @attrtype: the nest's attribute, enum p4tc_tm_a inside
 * @created: p4tc_now() at creation
 * @lastused: p4tc_now() at the last use, 0 if none
 * @firstused: p4tc_now() at the first use, 0 if none
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_put_tm(struct sk_buff *skb, int attrtype, u32 created, u32 lastused, u32 firstused)
{
	struct nlattr *nest = nla_nest_start(skb, attrtype);

	if (!nest ||
	    nla_put_u64_64bit(skb, P4TC_TM_A_CREATED, p4tc_msecs_since(created),
			      P4TC_TM_A_PAD) ||
	    nla_put_u64_64bit(skb, P4TC_TM_A_LASTUSED, p4tc_msecs_since(lastused),
			      P4TC_TM_A_PAD) ||
	    nla_put_u64_64bit(skb, P4TC_TM_A_FIRSTUSED, p4tc_msecs_since(firstused),
			      P4TC_TM_A_PAD))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_put_counters() - put packet and byte counts
 * @skb: message
 * @attrtype: the nest's attribute, enum p4tc_counters_a inside
 * @packets: packets
 * @bytes: bytes
 *
 * Return: 0 or -EMSGSIZE.
 */
int p4tc_put_counters(struct sk_buff *skb, int attrtype, u64 packets, u64 bytes)
{
	struct nlattr *nest = nla_nest_start(skb, attrtype);

	if (!nest ||
	    nla_put_u64_64bit(skb, P4TC_COUNTERS_A_PACKETS, packets, P4TC_COUNTERS_A_PAD) ||
	    nla_put_u64_64bit(skb, P4TC_COUNTERS_A_BYTES, bytes, P4TC_COUNTERS_A_PAD))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_nl_parse_nested() - parse a nest the command policy already validated
 * @tb: attribute table, sized for the nest's policy
 * @nest: the nest, may be NULL
 * @what: the nest's name for the error message
 * @info: the request
 *
 * Return: 0, or -EINVAL with an extack message if @nest is missing.
 */
int p4tc_nl_parse_nested(struct nlattr **tb, const struct nlattr *nest,
			 const char *what, struct genl_info *info)
{
	const struct nla_policy *policy;
	unsigned int maxtype;

	if (!nest) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "missing %s attributes", what);
		return -EINVAL;
	}
	switch (nla_type(nest)) {
	case P4TC_A_PIPELINE:
		policy = p4tc_pipeline_policy;
		maxtype = P4TC_PIPELINE_A_MAX;
		break;
	case P4TC_A_ACTION:
		policy = p4tc_action_policy;
		maxtype = P4TC_ACTION_A_MAX;
		break;
	case P4TC_A_TABLE:
		policy = p4tc_table_policy;
		maxtype = P4TC_TABLE_A_MAX;
		break;
	case P4TC_A_EXTERN:
		policy = p4tc_extern_policy;
		maxtype = P4TC_EXTERN_A_MAX;
		break;
	case P4TC_A_EXTINST:
		policy = p4tc_extinst_policy;
		maxtype = P4TC_EXTINST_A_MAX;
		break;
	default:
		policy = p4tc_entry_policy;
		maxtype = P4TC_ENTRY_A_MAX;
		break;
	}
	return nla_parse_nested(tb, maxtype, nest, policy, info->extack);
}

/**
 * p4tc_nl_split() - split a nest the request's policy already validated
 * @tb: gets the attributes by type
 * @maxtype: highest type of the nest's policy
 * @nest: a nest of a request genetlink parsed with its command's policy
 *
 * Genetlink validates a whole request, nests included, before the handler
 * runs: parsing a nest again with its policy validates each attribute a
 * second time, which shows in batches of thousands of entries.
 *
 * Return: 0; -EINVAL only if @nest was not validated.
 */
int p4tc_nl_split(struct nlattr **tb, int maxtype, const struct nlattr *nest)
{
	return __nla_parse(tb, maxtype, nla_data(nest), nla_len(nest), NULL,
			   NL_VALIDATE_LIBERAL, NULL);
}

/**
 * p4tc_nl_str() - the string of a validated NLA_NUL_STRING attribute
 * @attr: the attribute, may be NULL
 *
 * Return: the string, or "" if @attr is NULL.
 */
const char *p4tc_nl_str(const struct nlattr *attr)
{
	return attr ? nla_data(attr) : "";
}

static bool p4tc_nl_printable(const char *s)
{
	for (; *s; s++)
		if (!isascii(*s) || !isprint(*s))
			return false;
	return true;
}

/**
 * p4tc_nl_check_name() - check an object name attribute
 * @attr: NLA_NUL_STRING attribute
 * @owner: the object the named one belongs to (a param's action, a key
 *	field's table), or NULL, for the message
 * @what: the object kind, for the message
 * @slash: the name may have a '/' (its form is the caller's to check)
 * @extack: error report
 *
 * Names are P4 identifiers, and appear in paths, dumps and JSON: letters,
 * digits, '_', '.' and '-' only.
 *
 * Return: 0, or -EINVAL if the name is empty, too long or has another
 * character.
 */
int p4tc_nl_check_name(const struct nlattr *attr, const char *owner, const char *what,
		       bool slash, struct netlink_ext_ack *extack)
{
	const char *name = nla_data(attr), *c;
	size_t len = strlen(name);

	if (!len || len >= P4TC_NAME_LEN) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s%s%s name must have 1 to %d characters",
				       owner ?: "", owner ? ": " : "", what, P4TC_NAME_LEN - 1);
		goto bad_attr;
	}
	for (c = name; *c; c++) {
		/* isalnum() alone takes Latin-1 letters. */
		if (isascii(*c) && (isalnum(*c) || *c == '_' || *c == '.' || *c == '-' ||
				    (slash && *c == '/')))
			continue;
		/* The name is said only if all of it is printable text. */
		if (p4tc_nl_printable(name))
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s%s%s name %s may only have letters, digits, _ . -%s",
					       owner ?: "", owner ? ": " : "", what, name,
					       slash ? " and /" : "");
		else
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s%s%s name may only have letters, digits, _ . -%s",
					       owner ?: "", owner ? ": " : "", what,
					       slash ? " and /" : "");
		goto bad_attr;
	}
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
	return -EINVAL;
}

/**
 * p4tc_nl_init() - register the generic netlink family
 *
 * Return: 0 or a negative errno.
 */
int p4tc_nl_init(void)
{
	return genl_register_family(&p4tc_family);
}

/**
 * p4tc_nl_exit() - unregister the generic netlink family
 */
void p4tc_nl_exit(void)
{
	genl_unregister_family(&p4tc_family);
}

MODULE_ALIAS_GENL_FAMILY(P4TC_FAMILY_NAME);
