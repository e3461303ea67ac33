/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic netlink family "p4tc": policies shared by the object files and the
 * request handlers each object file implements.
 */
#ifndef _P4TC_NETLINK_H
#define _P4TC_NETLINK_H

#include <net/genetlink.h>
#include <net/sock.h>

#include "p4tc.h"

extern const struct nla_policy p4tc_pipeline_policy[P4TC_PIPELINE_A_MAX + 1];
extern const struct nla_policy p4tc_param_policy[P4TC_PARAM_A_MAX + 1];
extern const struct nla_policy p4tc_action_policy[P4TC_ACTION_A_MAX + 1];
extern const struct nla_policy p4tc_keyfield_policy[P4TC_KEYFIELD_A_MAX + 1];
extern const struct nla_policy p4tc_table_policy[P4TC_TABLE_A_MAX + 1];
extern const struct nla_policy p4tc_entry_policy[P4TC_ENTRY_A_MAX + 1];
extern const struct nla_policy p4tc_table_act_policy[P4TC_TABLE_ACT_A_MAX + 1];
extern const struct nla_policy p4tc_defact_policy[P4TC_DEFACT_A_MAX + 1];
extern const struct nla_policy p4tc_timer_profile_policy[P4TC_TIMER_PROFILE_A_MAX + 1];
extern const struct nla_policy p4tc_tbl_attrs_policy[P4TC_TABLE_A_MAX + 1];
extern const struct nla_policy p4tc_filter_policy[P4TC_FILTER_A_MAX + 1];

/*
 * Whether @attr is missing from @tb, the attributes of @nest; if so, says
 * that @what is missing.
 */
static inline bool p4tc_nl_attr_missing(struct netlink_ext_ack *extack,
					const struct nlattr *nest,
					struct nlattr **tb, int attr, const char *what)
{
	if (tb[attr])
		return false;
	NL_SET_ERR_MSG_FMT_MOD(extack, "missing %s", what);
	NL_SET_ERR_ATTR_MISS(extack, nest, attr);
	return true;
}

/**
 * struct p4tc_tmpl_ops - a kind of template object (action, table) for the
 * handlers they share
 * @kind: "action", "table": for messages
 * @attr: the command's nest of this kind, P4TC_A_ACTION or P4TC_A_TABLE
 * @id_attr: the id attribute in that nest
 * @name_attr: the name attribute in that nest
 * @idr_offset: offset of the pipeline's idr of these objects
 * @name_offset: offset of the name in the object
 * @fill: put the object, with its pipeline's id, into a message
 * @busy: whether the object is in use and cannot go, may be NULL
 * @destroy: remove the object from its (unsealed) pipeline and free it,
 *	unless it is in use
 */
struct p4tc_tmpl_ops {
	const char *kind;
	int attr;
	int id_attr;
	int name_attr;
	size_t idr_offset;
	size_t name_offset;
	int (*fill)(struct sk_buff *skb, const struct p4tc_pipeline *p, const void *obj);
	int (*busy)(struct p4tc_pipeline *p, const void *obj, struct netlink_ext_ack *extack);
	int (*destroy)(struct p4tc_pipeline *p, void *obj, struct netlink_ext_ack *extack);
};

#define P4TC_TMPL_A_MAX	\
	((int)P4TC_ACTION_A_MAX > (int)P4TC_TABLE_A_MAX ? P4TC_ACTION_A_MAX : P4TC_TABLE_A_MAX)

extern const struct p4tc_tmpl_ops p4tc_action_ops;
extern const struct p4tc_tmpl_ops p4tc_table_ops;

void *p4tc_tmpl_find(struct p4tc_pipeline *p, const struct p4tc_tmpl_ops *ops,
		     u32 id, const char *name);
void *p4tc_tmpl_lookup(struct p4tc_pipeline *p, const struct p4tc_tmpl_ops *ops,
		       const struct nlattr *id, const struct nlattr *name,
		       const struct nlattr *nest, struct netlink_ext_ack *extack);
struct p4tc_pipeline *p4tc_tmpl_pipeline(struct genl_info *info,
					 const struct p4tc_tmpl_ops *ops, bool change);
int p4tc_tmpl_reply(struct sk_buff *msg, const struct p4tc_pipeline *p, const void *obj,
		    const struct p4tc_tmpl_ops *ops, struct genl_info *info);
int p4tc_tmpl_get(struct genl_info *info, const struct p4tc_tmpl_ops *ops);
int p4tc_tmpl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		   const struct p4tc_tmpl_ops *ops);
int p4tc_tmpl_del(struct genl_info *info, const struct p4tc_tmpl_ops *ops);

int p4tc_nl_pipeline_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_pipeline_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_pipeline_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_pipeline_del(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_pipeline_dump(struct sk_buff *skb, struct netlink_callback *cb);

int p4tc_nl_action_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_action_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_action_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_action_del(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_action_dump(struct sk_buff *skb, struct netlink_callback *cb);

int p4tc_nl_table_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_table_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_table_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_table_del(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_table_dump(struct sk_buff *skb, struct netlink_callback *cb);

int p4tc_nl_entry_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_entry_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_entry_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_entry_del(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_entry_dump(struct sk_buff *skb, struct netlink_callback *cb);
int p4tc_nl_entry_dump_done(struct netlink_callback *cb);

int p4tc_nl_actinst_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_actinst_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_actinst_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_actinst_del(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_actinst_dump(struct sk_buff *skb, struct netlink_callback *cb);

int p4tc_nl_port_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_port_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_port_dump(struct sk_buff *skb, struct netlink_callback *cb);

int p4tc_nl_extern_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extern_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extern_dump(struct sk_buff *skb, struct netlink_callback *cb);
int p4tc_nl_extern_del(struct sk_buff *skb, struct genl_info *info);

int p4tc_nl_extinst_new(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extinst_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extinst_dump(struct sk_buff *skb, struct netlink_callback *cb);
int p4tc_nl_extinst_del(struct sk_buff *skb, struct genl_info *info);

int p4tc_nl_extelem_set(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extelem_get(struct sk_buff *skb, struct genl_info *info);
int p4tc_nl_extelem_dump(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _P4TC_NETLINK_H */
