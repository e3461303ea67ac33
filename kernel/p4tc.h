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

#include <linux/hash.h>
#include <linux/idr.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>
#include <linux/bpf.h>
#include <net/netlink.h>
#include <net/sock.h>
#include <net/xdp.h>
#include <uapi/linux/p4tc.h>
#include <p4tc/kfuncs.h>

#include "lookup.h"

struct genl_info;
struct net;
struct p4tc_actinst;
struct p4tc_lpm;
struct p4tc_tern;

/**
 * struct p4tc_net - per network namespace state
 * @lock: serializes template changes and the pipeline list
 * @pipelines: pipelines by id, RCU-safe for lookups
 * @npipelines: number of pipelines in @pipelines
 * @ports: marked ports: enum p4tc_port_type by ifindex (xa values)
 * @externs: extern kinds by id (extern.c)
 * @nexterns: number of @externs
 */
struct p4tc_net {
	struct mutex lock;	/* template changes, the pipeline list */
	struct idr pipelines;
	unsigned int npipelines;
	struct xarray ports;
	struct idr externs;
	unsigned int nexterns;
};

/**
 * struct p4tc_type_info - a typed value: action parameter or key field
 * @id: position, from 1
 * @name: name
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @size: bytes of the container
 * @offset: offset of the container in the params block or the key
 * @match: key fields: enum p4tc_match
 * @flags: extern instance params: P4TC_EXT_PARAM_F_*
 */
struct p4tc_type_info {
	u32 id;
	char name[P4TC_NAME_LEN];
	u32 type;
	u16 bitsz;
	u16 size;
	u16 offset;
	u8 match;
	u8 flags;
};

/**
 * struct p4tc_action - an action template
 * @id: action id within the pipeline
 * @name: "cb/act" or "act"
 * @active: entries may use it
 * @num_prealloc: instances upstream preallocates for the datapath; kept
 *	for compatibility: entries here carry their params, and those the
 *	datapath creates need no instance
 * @num_params: entries used in @params
 * @params_size: bytes of packed params
 * @params: parameters in declaration order
 * @insts: action instances by index (actinst.c), RCU-safe for lookups
 * @ninsts: number of @insts
 */
struct p4tc_action {
	u32 id;
	char name[P4TC_NAME_LEN];
	bool active;
	u32 num_prealloc;
	u32 num_params;
	u32 params_size;
	struct p4tc_type_info params[P4TC_MAX_PARAMS];
	struct idr insts;
	u32 ninsts;
};

/* What an action instance is to a lookup returning it: its flags differ. */
enum p4tc_actinst_use {
	P4TC_ACTINST_ENTRY,
	P4TC_ACTINST_DEFAULT_HIT,
	P4TC_ACTINST_DEFAULT_MISS,
	P4TC_ACTINST_USES
};

/**
 * struct p4tc_table_act - an action a table allows
 * @act_id: action id
 * @flags: P4TC_TABLE_ACT_TABLEONLY, P4TC_TABLE_ACT_DEFAULTONLY
 */
struct p4tc_table_act {
	u32 act_id;
	u8 flags;
};

/**
 * struct p4tc_defact - a default hit or miss action
 * @rcu: deferred free; lookups return @act under RCU
 * @permissions: CRUDXPS bits of the default action itself
 * @inst: the action instance whose params it uses, or NULL
 * @act: what a lookup returns, with hit and the default flag set; without
 *	@inst, with the params
 */
struct p4tc_defact {
	struct rcu_head rcu;
	u16 permissions;
	struct p4tc_actinst *inst;
	struct p4tc_table_entry_act_bpf act;
};

/**
 * struct p4tc_table - a table template and its entries
 * @id: table id within the pipeline
 * @pipeid: id of the table's pipeline
 * @name: "cb/tbl"
 * @type: enum p4tc_table_type
 * @keysz: key width in bits
 * @keylen: key bytes compared, DIV_ROUND_UP(@keysz, 8)
 * @tentries: maximum number of entries
 * @nummasks: maximum number of masks
 * @permissions: CRUDXPS bits; changed at runtime under @lock
 * @counters: entries count the packets and bytes they match
 * @direct_counter: the direct counter bound to the table: entries count
 *	(@counters), and count kfuncs with P4TC_EXT_CNT_DIRECT count in them
 * @direct_meter: the direct meter bound to the table: entries carry its
 *	buckets (p4tc_entry_meter())
 * @num_keyfields: entries used in @keyfields
 * @keyfields: key schema, optional
 * @num_acts: entries used in @acts; 0 allows every action
 * @acts: allowed actions
 * @default_hit: action of a hit on an entry without one, RCU
 * @default_miss: action of a miss, RCU
 * @num_profiles: timer profiles in @profile_aging
 * @profile_aging: aging in ms of each timer profile; changed under @lock
 * @nentries: current number of entries
 * @ndynamic: entries that age
 * @nmasks: lpm: distinct prefix lengths in use
 * @plen_refs: lpm: entries of each prefix length
 * @lock: serializes entry writers of exact tables, default actions,
 *	permissions and timer profiles
 * @mutex: serializes entry writers of lpm and ternary tables
 * @entries: entries by identity (key, mask, prio), RCU lookups
 * @lpm: datapath index of an lpm table
 * @tern: datapath index of a ternary table
 * @prios: automatic priorities of lpm and ternary entries
 * @aging_work: removes dynamic entries idle for longer than their aging
 * @aging_stopped: the namespace is going, @aging_work must not run again
 * @p: the pipeline, for @aging_work
 * @net: the namespace, for the events of @aging_work
 */
struct p4tc_table {
	u32 id;
	u32 pipeid;
	char name[P4TC_NAME_LEN];
	u8 type;
	u32 keysz;
	u32 keylen;
	u32 tentries;
	u32 nummasks;
	u16 permissions;
	bool counters;
	struct p4tc_extinst *direct_counter;
	struct p4tc_extinst *direct_meter;
	u32 num_keyfields;
	struct p4tc_type_info *keyfields;
	u32 num_acts;
	struct p4tc_table_act *acts;
	struct p4tc_defact __rcu *default_hit;
	struct p4tc_defact __rcu *default_miss;
	u32 num_profiles;
	u32 profile_aging[P4TC_MAX_TIMER_PROFILES];
	atomic_t nentries;
	atomic_t ndynamic;
	u32 nmasks;
	u32 *plen_refs;
	spinlock_t lock;	/* exact entry writers, runtime attributes */
	struct mutex mutex;	/* lpm and ternary entry writers */
	struct p4tc_hash *entries;
	struct p4tc_lpm *lpm;
	struct p4tc_tern *tern;
	struct ida prios;
	struct delayed_work aging_work;
	bool aging_stopped;
	struct p4tc_pipeline *p;
	struct net *net;
};

/**
 * struct p4tc_who - who made an entry what it is
 * @pid: process id (in the initial pid namespace), 0 for the kernel
 * @entity: enum p4tc_entity
 * @comm: process name
 */
struct p4tc_who {
	pid_t pid;
	u8 entity;
	char comm[TASK_COMM_LEN];
};

/**
 * struct p4tc_entry - one table entry
 * @node: link in the table's hash of entries by identity; @node.id_prio is
 *	the prio where it is part of the identity (ternary), else 0
 * @lastused: p4tc_now() at the last datapath hit, 0 if none
 * @firstused: p4tc_now() at the first datapath hit, 0 if none
 * @permissions: CRUDXPS bits
 * @idlen: bytes of identity (p4tc_entry_id()): the key, then for lpm and
 *	ternary tables the mask
 * @prefixlen: lpm prefix length in bits
 * @dynamic: the entry ages
 * @tmpl_created: a const entry, created with the table template
 * @cached: allocated from the p4tc_entry cache (else kmalloc)
 * @shared: the entry uses the params of action instance @inst
 * @skip_hw: the entry is to stay out of hardware (P4TC_ENTRY_FLAGS_SKIP_HW)
 * @act: what a lookup returns: action id, flags and packed params; with
 *	@shared, only the id and flags are valid
 * @act_head: @act's id and flags, as the union sees them
 * @inst: with @shared, in place of @act's params: the action instance
 * @created: p4tc_now() at creation
 * @prio: lpm and ternary priority, P4TC_EXACT_PRIO for exact entries
 * @aging_ms: idle time before a dynamic entry goes
 * @rcu: deferred free
 * @created_by: who created the entry
 * @updated_by: who last updated it; entity 0 if nobody did
 *
 * The identity comes first in the allocation, padded to 8 bytes, then
 * this struct, then the entry's counters if the table counts
 * (p4tc_entry_counters()). What a datapath hit reads (key, hash link,
 * permissions, times, action id) is thus in one cache line for keys up to
 * 16 bytes, and such an entry without counters is one kmalloc-256 object.
 * p4tc_entry_alloc() and p4tc_entry_free() know the layout.
 */
struct p4tc_entry {
	struct p4tc_hnode node;
	u32 lastused;
	u32 firstused;
	u16 permissions;
	u16 idlen;
	u16 prefixlen;
	u8 dynamic:1;
	u8 tmpl_created:1;
	u8 cached:1;
	u8 shared:1;
	u8 skip_hw:1;
	/*
	 * Packed, 4-aligned: 132 bytes as @act alone, no tail padding. It
	 * starts at an offset that is a multiple of 8 (a build check says
	 * so), which keeps @act's params and @inst 8-aligned.
	 */
	union __packed {
		struct p4tc_table_entry_act_bpf act;
		struct {
			u64 act_head;
			struct p4tc_actinst *inst;
		};
	} __aligned(4);
	u32 created;
	u32 prio;
	u32 aging_ms;
	struct rcu_head rcu;
	struct p4tc_who created_by;
	struct p4tc_who updated_by;
};

/**
 * struct p4tc_counters - packets and bytes an entry matched
 * @packets: datapath hits
 * @bytes: bytes of those packets
 */
struct p4tc_counters {
	atomic64_t packets;
	atomic64_t bytes;
};

/**
 * struct p4tc_meter_state - the buckets of a meter
 * @lock: serializes the datapath's marks and the control plane's resets
 * @last_ns: time of the last refill
 * @tok_c: tokens of the committed bucket
 * @tok_p: tokens of the peak (two-rate) or excess (single-rate) bucket
 * @config: the rates and bursts the tokens were last reset for
 */
struct p4tc_meter_state {
	spinlock_t lock;	/* marks and resets */
	u64 last_ns;
	u64 tok_c;
	u64 tok_p;
	u64 config;
};

/* What the datapath does with an extern instance, from its kind's name. */
enum p4tc_ext_type {
	P4TC_EXT_GENERIC,	/* md_read and md_write only */
	P4TC_EXT_COUNTER,	/* Counter, DirectCounter */
	P4TC_EXT_METER,		/* Meter, DirectMeter */
};

/**
 * struct p4tc_ext_elem - an element of an extern instance
 * @meter: meters: the buckets; all kinds: its lock serializes the element
 * @params: the params, packed as the instance's params say
 */
struct p4tc_ext_elem {
	struct p4tc_meter_state meter;
	u8 params[];
};

/**
 * struct p4tc_extinst - an extern instance of a pipeline
 * @id: instance id, 1.., unique among the pipeline's instances of its kind
 * @name: instance name
 * @ext_id: its kind's id
 * @ext_name: its kind's name
 * @obj: "extern PIPE/KIND/INST", for messages
 * @type: enum p4tc_ext_type
 * @direct: the kind is a direct one (DirectCounter, DirectMeter)
 * @permissions: CRUDXPS bits, the kind's
 * @numel: elements
 * @tbl_bindable: a table may bind it
 * @table_id: the table that binds it, 0 if none
 * @nconstr: constructor params
 * @constr: constructor params, kept and reported
 * @constr_vals: their values, packed
 * @nparams: control-path params, the key included
 * @params_size: bytes of an element's packed params
 * @params: control-path params
 * @key: the tc_key param, in @params
 * @pkts: counters: the packets param, or NULL
 * @bytes: counters: the bytes param, or NULL
 * @cir: meters: committed rate
 * @cbs: meters: committed burst
 * @pir: two-rate meters: peak rate
 * @pbs: two-rate meters: peak burst
 * @ebs: single-rate meters: excess burst
 * @config_gen: direct meters: changes of element 0, the entries' config
 * @stride: bytes between elements
 * @elems: @numel elements
 * @next: the next instance with this id (of another kind), RCU
 * @rcu: deferred free
 */
struct p4tc_extinst {
	u32 id;
	char name[P4TC_NAME_LEN];
	u32 ext_id;
	char ext_name[P4TC_NAME_LEN];
	char obj[3 * P4TC_NAME_LEN + 8];
	u8 type;
	bool direct;
	u16 permissions;
	u32 numel;
	bool tbl_bindable;
	u32 table_id;
	u32 nconstr;
	struct p4tc_type_info constr[P4TC_MAX_PARAMS];
	u8 constr_vals[P4TC_MAX_PARAM_DATA_SIZE];
	u32 nparams;
	u32 params_size;
	struct p4tc_type_info params[P4TC_MAX_PARAMS];
	const struct p4tc_type_info *key;
	const struct p4tc_type_info *pkts;
	const struct p4tc_type_info *bytes;
	const struct p4tc_type_info *cir;
	const struct p4tc_type_info *cbs;
	const struct p4tc_type_info *pir;
	const struct p4tc_type_info *pbs;
	const struct p4tc_type_info *ebs;
	atomic_t config_gen;
	u32 stride;
	void *elems;
	struct p4tc_extinst __rcu *next;
	struct rcu_head rcu;
};

/* Entry times: jiffies in 32 bits, 0 meaning never. */
static inline u32 p4tc_now(void)
{
	return (u32)jiffies ?: 1;
}

/* Bytes of an entry with @idlen bytes of identity and @tail bytes of state. */
static inline size_t p4tc_entry_size(u32 idlen, u32 tail)
{
	return round_up(idlen, 8) + sizeof(struct p4tc_entry) + tail;
}

/* The create bits, which only tables have. */
#define P4TC_PERM_CREATE	(P4TC_CTRL_PERM_C | P4TC_DATA_PERM_C)

/* The permissions a new entry takes from its table: all but the create bits. */
static inline u16 p4tc_entry_default_perms(const struct p4tc_table *t)
{
	return READ_ONCE(t->permissions) & ~P4TC_PERM_CREATE;
}

/* Whether a kfunc's key blob (header, then the key) fits the table's key. */
static inline bool p4tc_key_blob_fits(const struct p4tc_table *t, u32 key__sz)
{
	return key__sz == sizeof(struct p4tc_table_entry_key_hdr) + round_up(t->keylen, 8);
}

/* An entry's identity: the key, masked, then the mask but for exact tables. */
static inline u8 *p4tc_entry_id(const struct p4tc_entry *e)
{
	return p4tc_hnode_id(&e->node, e->idlen);
}

/* The counters of an entry of a table that counts. */
static inline struct p4tc_counters *p4tc_entry_counters(struct p4tc_entry *e)
{
	return (struct p4tc_counters *)(e + 1);
}

/* Bytes of state after each entry of @t: counters, then a direct meter's. */
static inline u32 p4tc_entry_tail(const struct p4tc_table *t)
{
	return (t->counters ? sizeof(struct p4tc_counters) : 0) +
	       (t->direct_meter ? sizeof(struct p4tc_meter_state) : 0);
}

/* The direct meter's buckets of an entry of a table with one. */
static inline struct p4tc_meter_state *p4tc_entry_meter(const struct p4tc_table *t,
							struct p4tc_entry *e)
{
	return (void *)(e + 1) + (t->counters ? sizeof(struct p4tc_counters) : 0);
}

/* Bytes of an entry's identity: the key, and the mask but for exact tables. */
static inline u32 p4tc_table_idlen(const struct p4tc_table *t)
{
	return t->type == P4TC_TABLE_TYPE_EXACT ? t->keylen : 2 * t->keylen;
}

/* Room for the largest table in a message: actions, key fields, defaults. */
#define P4TC_TABLE_MSG_SIZE	(4 * NLMSG_GOODSIZE)

/* How often tables with dynamic entries look for idle ones. */
#define P4TC_AGING_PERIOD	(HZ / 4)

/**
 * struct p4tc_action_attrs - where a nest keeps an action and its params
 * @id: attribute of the action id
 * @name: attribute of the action name
 * @param: attribute of each param nest
 * @index: attribute of the index of an action instance to use
 */
struct p4tc_action_attrs {
	int id;
	int name;
	int param;
	int index;
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
 * @extinsts: extern instances by instance id, each the first of a chain of
 *	the instances of other kinds with that id; RCU-safe for lookups
 * @nextinsts: number of extern instances
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
	struct xarray extinsts;
	unsigned int nextinsts;
	struct rcu_work rwork;
};

/* The namespace of an XDP program's packet: its receiving device's. */
static inline struct net *p4tc_xdp_net(struct xdp_md *xdp_ctx)
{
	return dev_net(((struct xdp_buff *)xdp_ctx)->rxq->dev);
}

/* The namespace of a TC program's packet: its device's, else its socket's. */
static inline struct net *p4tc_skb_net(const struct sk_buff *skb)
{
	if (skb->dev)
		return dev_net(skb->dev);
	return skb->sk ? sock_net(skb->sk) : NULL;
}

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
const struct p4tc_type_info *p4tc_params_find(const struct p4tc_type_info *params, u32 num,
					      u32 id, const char *name);
int p4tc_params_parse(struct p4tc_type_info *params, u32 *num, u32 *size,
		      const struct nlattr *nest, int attrtype, u32 max_size, u8 flags,
		      const char *obj, struct netlink_ext_ack *extack);
int p4tc_params_fill(const struct p4tc_type_info *params, u32 num, const char *kind,
		     const char *name, u8 *block, struct nlattr **nests, unsigned int nnests,
		     bool all, struct net *net, struct netlink_ext_ack *extack);
int p4tc_params_put(struct sk_buff *skb, const struct p4tc_type_info *params, u32 num,
		    const u8 *block, int attrtype);
struct p4tc_action *p4tc_action_find(struct p4tc_pipeline *p, u32 id, const char *name);
void p4tc_actions_destroy(struct p4tc_pipeline *p);
const struct p4tc_type_info *p4tc_param_find(const struct p4tc_action *act, u32 id,
					     const char *name);
int p4tc_param_check(const struct p4tc_action *act, const struct p4tc_type_info *pi,
		     const void *val, u32 len, struct net *net, struct netlink_ext_ack *extack);
int p4tc_action_fill_params(const struct p4tc_action *act, u8 *block,
			    struct nlattr **params, unsigned int nparams, bool all,
			    struct net *net, struct netlink_ext_ack *extack);
int p4tc_action_put_params(struct sk_buff *skb, const struct p4tc_action *act,
			   const u8 *block, int attrtype);

/* actinst.c */
struct p4tc_actinst *p4tc_actinst_bind(const struct p4tc_pipeline *p,
				       const struct p4tc_action *a,
				       const struct nlattr *index, const char *obj,
				       struct netlink_ext_ack *extack);
void p4tc_actinst_unbind(struct p4tc_actinst *inst);
void p4tc_actinst_put(struct p4tc_actinst *inst);
struct p4tc_table_entry_act_bpf *p4tc_actinst_hit(struct p4tc_actinst *inst,
						  enum p4tc_actinst_use use, u32 len);
const u8 *p4tc_actinst_params(const struct p4tc_actinst *inst);
u32 p4tc_actinst_index(const struct p4tc_actinst *inst);
void p4tc_actinsts_destroy(struct p4tc_action *a);

/* The params of an entry's action: its own or its instance's (RCU read side). */
static inline const u8 *p4tc_entry_params(const struct p4tc_entry *e)
{
	return e->shared ? p4tc_actinst_params(e->inst) : e->act.params;
}

/* table.c */
struct p4tc_table *p4tc_table_find(struct p4tc_pipeline *p, u32 id, const char *name);
struct p4tc_table *p4tc_table_lookup_rcu(struct p4tc_pipeline *p, u32 tblid);
void p4tc_tables_destroy(struct p4tc_pipeline *p);
void p4tc_tables_stop_aging(struct p4tc_pipeline *p);
void p4tc_tables_cache(struct p4tc_pipeline *p, bool add);
struct p4tc_table *p4tc_table_uncached_rcu(struct net *net, u32 pipeid, u32 tblid);

int p4tc_table_parse_profile(const struct p4tc_table *t, const struct nlattr *attr,
			     u32 *aging, const char *obj, struct netlink_ext_ack *extack);
bool p4tc_tables_use_action(struct p4tc_pipeline *p, u32 act_id);

/* defact.c */
bool p4tc_table_act_allowed(const struct p4tc_table *t, u32 act_id, bool dflt);
const struct p4tc_action *p4tc_table_find_action(struct p4tc_pipeline *p,
						 const struct p4tc_table *t,
						 const struct nlattr *id_attr,
						 const struct nlattr *name_attr, bool dflt,
						 const char *obj, struct netlink_ext_ack *extack);
int p4tc_table_parse_action(struct p4tc_pipeline *p, const struct p4tc_table *t,
			    const struct nlattr *nest, const struct p4tc_action_attrs *ids,
			    bool dflt, struct p4tc_table_entry_act_bpf *act,
			    struct p4tc_actinst **inst, const char *obj,
			    struct net *net, struct netlink_ext_ack *extack);
int p4tc_put_action(struct sk_buff *skb, const struct p4tc_pipeline *p,
		    const struct p4tc_table_entry_act_bpf *act, const struct p4tc_actinst *inst,
		    const struct p4tc_action_attrs *ids);
int p4tc_table_parse_acts(struct p4tc_pipeline *p, const struct nlattr *nest,
			  struct p4tc_table_act **acts, u32 *num_acts, const char *obj,
			  struct netlink_ext_ack *extack);
int p4tc_table_put_acts(struct sk_buff *skb, const struct p4tc_table *t);
int p4tc_table_check_acts(struct p4tc_table *t, const struct p4tc_table *new,
			  const char *obj, struct netlink_ext_ack *extack);
struct p4tc_defact *p4tc_defact_parse(struct p4tc_pipeline *p, const struct p4tc_table *t,
				      const struct nlattr *attr, struct net *net,
				      struct netlink_ext_ack *extack);
int p4tc_defact_check(const struct p4tc_defact __rcu *cur, const struct p4tc_defact *d,
		      const char *what, const char *obj, struct netlink_ext_ack *extack);
void p4tc_defact_replace(struct p4tc_defact __rcu **slot, struct p4tc_defact *d);
void p4tc_defact_free(struct p4tc_defact *d);
int p4tc_defact_put(struct sk_buff *skb, int attrtype, const struct p4tc_pipeline *p,
		    const struct p4tc_defact *d);

/* store.c */
int p4tc_store_init(struct p4tc_table *t);
struct p4tc_hash *p4tc_store_resize_prepare(struct p4tc_table *t, u32 tentries);
void p4tc_store_resize(struct p4tc_table *t, struct p4tc_hash *h);
int p4tc_entries_init(void);
void p4tc_entries_exit(void);
int p4tc_entry_alloc_bulk(u32 idlen, u32 tail, gfp_t gfp, u32 n,
			  struct p4tc_entry **entries);
struct p4tc_entry *p4tc_entry_alloc(u32 idlen, u32 tail, gfp_t gfp);
void p4tc_entry_free(struct p4tc_entry *e);
void p4tc_entry_free_rcu(struct p4tc_entry *e);
void p4tc_entry_discard(struct p4tc_entry *e);
int p4tc_store_set_index(struct p4tc_table *t);
void p4tc_store_destroy(struct p4tc_table *t);
struct p4tc_entry *p4tc_store_find(struct p4tc_table *t, const u8 *id, u32 id_prio);
struct p4tc_entry *p4tc_store_next(struct p4tc_table *t, u32 *bucket, struct p4tc_entry *e);
struct p4tc_entry *p4tc_store_chain(struct p4tc_table *t, u32 bucket, struct p4tc_entry *e);
void p4tc_store_lock(struct p4tc_table *t);
void p4tc_store_unlock(struct p4tc_table *t);
void p4tc_store_start_aging(struct p4tc_table *t);
int p4tc_store_insert(struct p4tc_table *t, struct p4tc_entry *e);
void p4tc_store_replace(struct p4tc_table *t, struct p4tc_entry *old, struct p4tc_entry *e);
int p4tc_store_remove(struct p4tc_table *t, struct p4tc_entry *e);
u32 p4tc_store_masks(const struct p4tc_table *t);
u64 p4tc_store_memory(struct p4tc_table *t);

/* filter.c */
struct p4tc_filter;
struct p4tc_filter *p4tc_filter_parse(const struct nlattr *nest, const struct p4tc_table *t,
				      const char *obj, struct netlink_ext_ack *extack);
bool p4tc_filter_match(const struct p4tc_filter *f, const struct p4tc_entry *e,
		       unsigned long now);
void p4tc_filter_free(struct p4tc_filter *f);

/* dpentry.c */
int p4tc_dp_entry_create(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz, bool on_miss);
int p4tc_dp_entry_update(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz);
int p4tc_dp_entry_delete(struct net *net, struct p4tc_table_entry_create_bpf_params *params,
			 u32 params__sz, const void *key, u32 key__sz);

/* entry.c */
void p4tc_who_set(struct p4tc_who *who, u8 entity);
void p4tc_entry_notify(struct net *net, u8 cmd, struct p4tc_pipeline *p,
		       const struct p4tc_table *t, const struct p4tc_entry *e,
		       const struct p4tc_who *who);
struct p4tc_entry *p4tc_entry_create_const(struct p4tc_pipeline *p, struct p4tc_table *t,
					   const struct nlattr *nest, struct net *net,
					   struct netlink_ext_ack *extack);
void p4tc_entry_remove_const(struct p4tc_table *t, struct p4tc_entry *e);
void p4tc_entry_aging_work(struct work_struct *work);

/* netlink.c */
int p4tc_nl_init(void);
void p4tc_nl_exit(void);
void *p4tc_nl_reply_start(struct sk_buff *skb, const struct genl_info *info);
int p4tc_nl_reply(struct sk_buff *msg, void *hdr, struct genl_info *info);
bool p4tc_nl_listening(struct net *net);
struct sk_buff *p4tc_nl_event_new(struct net *net, u8 cmd, size_t size, void **hdr,
				  gfp_t gfp);
void p4tc_nl_event_send(struct net *net, struct sk_buff *skb, void *hdr, gfp_t gfp);
int p4tc_nl_digest_send(struct net *net, int (*fill)(struct sk_buff *skb, const void *data),
			const void *data);
void *p4tc_nl_dump_start(struct sk_buff *skb, struct netlink_callback *cb);
int p4tc_nl_parse_nested(struct nlattr **tb, const struct nlattr *nest,
			 const char *what, struct genl_info *info);
int p4tc_nl_split(struct nlattr **tb, int maxtype, const struct nlattr *nest);
const char *p4tc_nl_str(const struct nlattr *attr);
int p4tc_put_tm(struct sk_buff *skb, int attrtype, u32 created, u32 lastused, u32 firstused);
int p4tc_put_counters(struct sk_buff *skb, int attrtype, u64 packets, u64 bytes);
int p4tc_nl_check_name(const struct nlattr *attr, const char *owner, const char *what,
		       bool slash, struct netlink_ext_ack *extack);

/* kfuncs.c */
int p4tc_kfuncs_init(void);

/* csum.c */
void p4tc_csum_init(void);

/* digest.c */
int p4tc_digest_pack(struct net *net, u32 ifindex, const struct p4tc_ext_bpf_params *params,
		     u32 params__sz);

/* extern.c */
void p4tc_externs_destroy(struct p4tc_net *pn);
struct p4tc_extinst *p4tc_extinst_lookup_rcu(struct net *net,
					     const struct p4tc_ext_bpf_params *params);
struct p4tc_ext_elem *p4tc_extinst_elem(const struct p4tc_extinst *inst, u32 index);
int p4tc_extinst_put_elem_ids(struct sk_buff *skb, const struct p4tc_extinst *inst);
struct p4tc_extinst *p4tc_extinst_lookup(struct p4tc_pipeline *p, const char *kind,
					 u32 ext_id, const struct nlattr *id,
					 const struct nlattr *name, const struct nlattr *nest,
					 int name_attr, struct netlink_ext_ack *extack);
void p4tc_extinsts_release(struct p4tc_net *pn, struct p4tc_pipeline *p);
void p4tc_extinsts_destroy(struct p4tc_pipeline *p);
struct p4tc_extinst *p4tc_extinst_bind_table(struct p4tc_pipeline *p,
					     const struct nlattr *attr, u8 type,
					     const char *obj, struct netlink_ext_ack *extack);

/* extelem.c */
void p4tc_meter_init(struct p4tc_meter_state *m);

/* A new entry of @t: its direct meter's buckets, if @t has one. */
static inline void p4tc_entry_init_tail(const struct p4tc_table *t, struct p4tc_entry *e)
{
	if (t->direct_meter)
		p4tc_meter_init(p4tc_entry_meter(t, e));
}

void p4tc_meter_copy(struct p4tc_meter_state *dst, struct p4tc_meter_state *src);
int p4tc_ext_count(struct net *net, const void *ctx,
		   const struct p4tc_ext_bpf_params *params, u32 params__sz,
		   const void *key, u32 key__sz, u32 len, bool pkts, bool bytes);
int p4tc_ext_meter(struct net *net, const struct p4tc_ext_bpf_params *params,
		   u32 params__sz, const void *key, u32 key__sz, u32 len, bool bytes,
		   bool color_aware);
struct p4tc_ext_bpf_val *p4tc_ext_md_read(struct net *net,
					  const struct p4tc_ext_bpf_params *params,
					  u32 params__sz);
int p4tc_ext_md_write(struct net *net, const struct p4tc_ext_bpf_params *params,
		      u32 params__sz, const struct p4tc_ext_bpf_val *val, u32 val__sz);
void p4tc_ext_direct_hit(const void *ctx, const struct p4tc_entry *e);

/* port.c */
bool p4tc_port_is(struct net *net, u32 ifindex, enum p4tc_port_type type);
int p4tc_ports_init(void);
void p4tc_ports_exit(void);

/* cls_p4.c */
int p4tc_cls_init(void);
void p4tc_cls_exit(void);

/*
 * Tables of sealed pipelines of every namespace, by hash of (namespace,
 * pipeline id, table id): the datapath finds its table with one load and
 * three compares, without the namespace's generic pointer or two idrs. A
 * slot two tables hash to keeps the last one sealed; the other takes the
 * slow path (p4tc_table_uncached_rcu()).
 */
#define P4TC_TABLE_CACHE_BITS	8

extern struct p4tc_table __rcu *p4tc_table_cache[1 << P4TC_TABLE_CACHE_BITS];

static inline struct p4tc_table __rcu **p4tc_table_cache_slot(const struct net *net,
							      u32 pipeid, u32 tblid)
{
	u64 key = (unsigned long)net ^ ((u64)pipeid << 32 | tblid);

	return &p4tc_table_cache[hash_64(key, P4TC_TABLE_CACHE_BITS)];
}

/**
 * p4tc_table_cached_rcu() - find a table of a sealed pipeline from the datapath
 * @net: namespace
 * @pipeid: pipeline id
 * @tblid: table id
 *
 * Inline, as p4tc_store_lookup(): in the datapath, every call counts.
 *
 * Context: RCU read side: rcu_read_lock() or bottom halves disabled, as
 * every BPF program runs.
 * Return: the table or NULL.
 */
static inline struct p4tc_table *p4tc_table_cached_rcu(struct net *net, u32 pipeid, u32 tblid)
{
	struct p4tc_table *t;

	t = rcu_dereference_check(*p4tc_table_cache_slot(net, pipeid, tblid),
				  rcu_read_lock_bh_held());
	if (likely(t && t->net == net && t->pipeid == pipeid && t->id == tblid))
		return t;
	return p4tc_table_uncached_rcu(net, pipeid, tblid);
}

/**
 * p4tc_store_lookup() - the entry a key matches, for the datapath
 * @t: table
 * @key: @t->keylen bytes, readable up to a multiple of 8
 *
 * Context: RCU read side.
 * Return: the entry or NULL.
 */
static inline struct p4tc_entry *p4tc_store_lookup(struct p4tc_table *t, const u8 *key)
{
	struct p4tc_hnode *n;

	switch (t->type) {
	case P4TC_TABLE_TYPE_LPM:
		return p4tc_lpm_lookup(t->lpm, key);
	case P4TC_TABLE_TYPE_TERNARY:
		return p4tc_tern_lookup(t->tern, key);
	}
	n = p4tc_hash_lookup(t->entries, key, t->keylen, 0);
	return n ? container_of(n, struct p4tc_entry, node) : NULL;
}

#endif /* _P4TC_H */
