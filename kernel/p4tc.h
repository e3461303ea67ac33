/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Core objects of p4tc.ko: pipelines, action templates, tables, entries.
 *
 * Lifetime: a pipeline owns its actions and tables; tables own their
 * entries. Template changes run under the per-netns mutex; lookups from
 * the datapath run under RCU and take no lock. A pipeline is freed after an
 * RCU grace period once its last reference (netns list, filters, dumps) is
 * gone.
 */
#ifndef _P4TC_H
#define _P4TC_H

#include <linux/idr.h>
#include <linux/mutex.h>
#include <linux/rhashtable-types.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>
#include <net/netlink.h>
#include <uapi/linux/p4tc.h>
#include <p4tc/kfuncs.h>

struct genl_info;
struct net;

/**
 * struct p4tc_net - per network namespace state
 * @lock: serializes template changes and the pipeline list
 * @pipelines: pipelines by id, RCU-safe for lookups
 * @npipelines: number of pipelines in @pipelines
 */
struct p4tc_net {
	struct mutex lock;	/* template changes, the pipeline list */
	struct idr pipelines;
	unsigned int npipelines;
};

/**
 * struct p4tc_type_info - a typed value: action parameter or key field
 * @id: position, from 1
 * @name: name
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @size: bytes of the container
 * @offset: offset of the container in the params block or the key
 */
struct p4tc_type_info {
	u32 id;
	char name[P4TC_NAME_LEN];
	u32 type;
	u16 bitsz;
	u16 size;
	u16 offset;
};

/**
 * struct p4tc_action - an action template
 * @id: action id within the pipeline
 * @name: "cb/act" or "act"
 * @active: entries may use it
 * @num_params: entries used in @params
 * @params_size: bytes of packed params
 * @params: parameters in declaration order
 */
struct p4tc_action {
	u32 id;
	char name[P4TC_NAME_LEN];
	bool active;
	u32 num_params;
	u32 params_size;
	struct p4tc_type_info params[P4TC_MAX_PARAMS];
};

/**
 * struct p4tc_table - a table template and its entries
 * @id: table id within the pipeline
 * @name: "cb/tbl"
 * @type: enum p4tc_table_type
 * @keysz: key width in bits
 * @keylen: key bytes compared, DIV_ROUND_UP(@keysz, 8)
 * @tentries: maximum number of entries
 * @nummasks: maximum number of masks
 * @permissions: CRUDXPS bits
 * @num_keyfields: entries used in @keyfields
 * @keyfields: key schema, optional
 * @nentries: current number of entries
 * @lock: serializes entry writers
 * @entries: entries by key, RCU lookups
 */
struct p4tc_table {
	u32 id;
	char name[P4TC_NAME_LEN];
	u8 type;
	u32 keysz;
	u32 keylen;
	u32 tentries;
	u32 nummasks;
	u16 permissions;
	u32 num_keyfields;
	struct p4tc_type_info *keyfields;
	atomic_t nentries;
	spinlock_t lock;	/* entry writers; readers use RCU */
	struct rhashtable entries;
};

/**
 * struct p4tc_entry - one table entry
 * @node: link in the table's hash
 * @rcu: deferred free
 * @keylen: bytes in @key
 * @act: what a lookup returns: action id, flags and packed params
 * @key: the key
 */
struct p4tc_entry {
	struct rhash_head node;
	struct rcu_head rcu;
	u32 keylen;
	struct p4tc_table_entry_act_bpf act;
	u8 key[];
};

/**
 * struct p4tc_pipeline - a P4 pipeline
 * @id: pipeline id within the netns
 * @name: pipeline name
 * @numtables: tables the pipeline needs before it can be sealed
 * @sealed: tables are final, entries may be added; never cleared
 * @ref: references: the netns list, each filter, each running dump
 * @users: filters using the pipeline
 * @actions: action templates by id
 * @nactions: number of @actions
 * @tables: tables by id, RCU-safe for lookups
 * @ntables: number of @tables
 * @rwork: frees the pipeline after a grace period, in process context
 */
struct p4tc_pipeline {
	u32 id;
	char name[P4TC_NAME_LEN];
	u16 numtables;
	bool sealed;
	refcount_t ref;
	atomic_t users;
	struct idr actions;
	unsigned int nactions;
	struct idr tables;
	unsigned int ntables;
	struct rcu_work rwork;
};

/* main.c */
struct p4tc_net *p4tc_net(const struct net *net);
extern struct workqueue_struct *p4tc_wq;

/* types.c */
int p4tc_type_init(struct p4tc_type_info *ti, u32 type, const struct nlattr *bitsz,
		   const char *obj, struct netlink_ext_ack *extack);
int p4tc_type_check_value(const struct p4tc_type_info *ti, const void *val,
			  u32 len, struct net *net, const char *obj,
			  struct netlink_ext_ack *extack);
const char *p4tc_type_name(u32 type);

/* pipeline.c */
struct p4tc_pipeline *p4tc_pipeline_find(struct net *net, const struct nlattr *nest,
					 struct netlink_ext_ack *extack);
struct p4tc_pipeline *p4tc_pipeline_get_by_name(struct net *net, const char *name,
						struct netlink_ext_ack *extack);
struct p4tc_pipeline *p4tc_pipeline_get(struct net *net, const struct nlattr *nest,
					struct netlink_ext_ack *extack);
void p4tc_pipeline_put(struct p4tc_pipeline *p);
struct p4tc_pipeline *p4tc_pipeline_lookup_rcu(struct net *net, u32 pipeid);
void p4tc_pipeline_del_user(struct p4tc_pipeline *p);
int p4tc_pipeline_put_id(struct sk_buff *skb, const struct p4tc_pipeline *p);
void p4tc_pipelines_destroy(struct p4tc_net *pn);

/* action.c */
struct p4tc_action *p4tc_action_find(struct p4tc_pipeline *p, u32 id, const char *name);
void p4tc_actions_destroy(struct p4tc_pipeline *p);
int p4tc_action_fill_params(const struct p4tc_action *act, u8 *block,
			    struct nlattr **params, unsigned int nparams,
			    struct net *net, struct netlink_ext_ack *extack);
int p4tc_action_put_params(struct sk_buff *skb, const struct p4tc_action *act,
			   const u8 *block);

/* table.c */
struct p4tc_table *p4tc_table_find(struct p4tc_pipeline *p, u32 id, const char *name);
struct p4tc_table *p4tc_table_lookup_rcu(struct p4tc_pipeline *p, u32 tblid);
void p4tc_tables_destroy(struct p4tc_pipeline *p);

/* entry.c */
int p4tc_entries_init(struct p4tc_table *t);
void p4tc_entries_destroy(struct p4tc_table *t);
struct p4tc_entry *p4tc_entry_lookup(struct p4tc_table *t, const u8 *key);

/* netlink.c */
int p4tc_nl_init(void);
void p4tc_nl_exit(void);
void *p4tc_nl_reply_start(struct sk_buff *skb, const struct genl_info *info);
int p4tc_nl_reply(struct sk_buff *msg, void *hdr, struct genl_info *info);
void *p4tc_nl_dump_start(struct sk_buff *skb, struct netlink_callback *cb);
int p4tc_nl_parse_nested(struct nlattr **tb, const struct nlattr *nest,
			 const char *what, struct genl_info *info);
const char *p4tc_nl_str(const struct nlattr *attr);
int p4tc_nl_check_name(const struct nlattr *attr, const char *what, bool slash,
		       struct netlink_ext_ack *extack);

/* kfuncs.c */
int p4tc_kfuncs_init(void);

/* cls_p4.c */
int p4tc_cls_init(void);
void p4tc_cls_exit(void);

#endif /* _P4TC_H */
