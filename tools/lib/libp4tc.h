/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * libp4tc: control of P4 pipelines held by the p4tc kernel module.
 *
 * Pipelines, action templates, tables and table entries are managed over
 * the "p4tc" generic netlink family; "p4" TC filters, which run a
 * pipeline's eBPF programs, over rtnetlink.
 *
 * Conventions, as in libbpf:
 * - functions returning int return 0 (or a documented non-negative value)
 *   on success and a negative errno on failure, and then also set errno;
 * - functions returning a pointer return NULL and set errno on failure;
 * - the library never prints: the kernel's extack message or the library's
 *   explanation of the last failure is kept in the handle (p4tc_errmsg()),
 *   other diagnostics (libbpf and verifier output) go to the log callback;
 * - option structs start with their size (use LIBP4TC_OPTS()); fields the
 *   library does not know must be zero, else the call fails with -EINVAL.
 *
 * Objects are named as in the kernel: a pipeline "NAME", an action
 * "cb/act" or "act", a table "cb/tbl" (the pipeline is given apart). Names
 * hold at most P4TC_NAME_LEN - 1 characters.
 */
#ifndef __LIBP4TC_H
#define __LIBP4TC_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <linux/types.h>
#include <uapi/linux/p4tc.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LIBP4TC_API __attribute__((visibility("default")))

/*
 * Declare and initialise an option struct: its size is set, the fields not
 * named are zero, padding included.
 */
#define LIBP4TC_OPTS(TYPE, NAME, ...)					\
	struct TYPE NAME = ({						\
		memset(&NAME, 0, sizeof(struct TYPE));			\
		(struct TYPE) {						\
			.sz = sizeof(struct TYPE),			\
			__VA_ARGS__					\
		};							\
	})

/**
 * p4tc_version_string() - the library's version
 *
 * Return: a string such as "0.1.0".
 */
LIBP4TC_API const char *p4tc_version_string(void);

/* Handle */

enum p4tc_log_level {
	P4TC_LOG_WARN,
	P4TC_LOG_INFO,
	P4TC_LOG_DEBUG,
};

/**
 * typedef p4tc_log_fn_t - receives the library's diagnostics
 * @level: how important @msg is
 * @msg: one message, possibly several lines (a verifier log), without a
 *       trailing newline
 * @ctx: the log_ctx given to p4tc_open()
 */
typedef void (*p4tc_log_fn_t)(enum p4tc_log_level level, const char *msg,
			      void *ctx);

/**
 * struct p4tc_open_opts - options of p4tc_open()
 * @sz: size of this struct, for compatibility
 * @log_fn: receives diagnostics; NULL drops them
 * @log_ctx: passed to @log_fn
 */
struct p4tc_open_opts {
	size_t sz;
	p4tc_log_fn_t log_fn;
	void *log_ctx;
	size_t :0;
};
#define p4tc_open_opts__last_field log_ctx

struct p4tc_handle;

/**
 * p4tc_open() - open a handle: netlink sockets in the caller's namespace
 * @opts: options, may be NULL
 *
 * The "p4tc" family is resolved on the first request that needs it, so a
 * handle can manage filters, or report that the module is missing, even
 * where the module is not loaded.
 *
 * Return: the handle, or NULL with errno set (EINVAL for bad @opts,
 * ENOMEM, or a socket error).
 */
LIBP4TC_API struct p4tc_handle *p4tc_open(const struct p4tc_open_opts *opts);

/**
 * p4tc_close() - close a handle and free it
 * @h: the handle, may be NULL
 */
LIBP4TC_API void p4tc_close(struct p4tc_handle *h);

/**
 * p4tc_errmsg() - explanation of the last failed call on a handle
 * @h: the handle
 *
 * Every call on @h first forgets the previous message.
 *
 * Return: the kernel's extack message for a rejected request, or the
 * library's explanation (e.g. "the p4tc module is not loaded"), or NULL if
 * the errno says it all. Valid until the next call on @h.
 */
LIBP4TC_API const char *p4tc_errmsg(const struct p4tc_handle *h);

/* Pipelines */

/* Which optional fields of a struct p4tc_pipeline are set. */
enum {
	P4TC_PIPELINE_HAS_NUMTABLES	= 1U << 0,
	P4TC_PIPELINE_HAS_STATE		= 1U << 1,
};

/**
 * struct p4tc_pipeline - a pipeline
 * @id: pipeline id; 0 if not known (requests then use @name)
 * @name: pipeline name; "" if not known (requests then use @id)
 * @has: P4TC_PIPELINE_HAS_* flags: the optional fields that are set
 * @numtables: tables the pipeline must have before it can be sealed
 * @state: enum p4tc_pipeline_state
 * @curtables: tables it has (reported only)
 * @users: filters using it (reported only)
 */
struct p4tc_pipeline {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	__u16 numtables;
	__u8 state;
	__u16 curtables;
	__u32 users;
};

/**
 * typedef p4tc_pipeline_cb - called for each pipeline of a dump
 * @p: the pipeline, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_pipeline_cb)(const struct p4tc_pipeline *p, void *ctx);

/**
 * p4tc_pipeline_create() - create a pipeline, unsealed
 * @h: handle
 * @p: @name required; @id (0: the kernel allocates one) and @numtables
 *     optional; @state must not be set
 *
 * Return: the new pipeline's id (> 0), or a negative errno: -ENOENT if the
 * module is not loaded, -EEXIST, -EINVAL, -ENOSPC, -EPERM (not admin),
 * -ERANGE (an id above INT_MAX).
 */
LIBP4TC_API int p4tc_pipeline_create(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p);

/**
 * p4tc_pipeline_update() - change a pipeline's numtables or seal it
 * @h: handle
 * @p: the pipeline by @id or @name; @numtables and/or @state
 *     (P4TC_PIPELINE_STATE_READY seals it once all its tables exist)
 *
 * Return: 0, or a negative errno: -ENOENT, -EINVAL (e.g. tables missing
 * to seal), -EBUSY, -EPERM.
 */
LIBP4TC_API int p4tc_pipeline_update(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p);

/**
 * p4tc_pipeline_get() - read a pipeline
 * @h: handle
 * @p: in: @id or @name; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT if there is no such pipeline.
 */
LIBP4TC_API int p4tc_pipeline_get(struct p4tc_handle *h, struct p4tc_pipeline *p);

/**
 * p4tc_pipeline_dump() - read every pipeline of the namespace
 * @h: handle
 * @cb: called once per pipeline
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_pipeline_dump(struct p4tc_handle *h, p4tc_pipeline_cb cb,
				   void *ctx);

/**
 * p4tc_pipeline_delete() - delete a pipeline with its actions, tables and
 * entries
 * @h: handle
 * @p: the pipeline by @id or @name
 *
 * Return: 0, or a negative errno: -ENOENT, -EBUSY if a filter uses it.
 */
LIBP4TC_API int p4tc_pipeline_delete(struct p4tc_handle *h,
				     const struct p4tc_pipeline *p);

/* Action templates */

/**
 * struct p4tc_param - a parameter of an action template
 * @id: position from 1; 0 in a request: its index in the array plus 1
 * @name: name
 * @type: enum p4tc_type
 * @bitsz: width in bits (see p4tc_type_parse())
 * @offset: offset of its container in the params block (reported only)
 */
struct p4tc_param {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 type;
	__u16 bitsz;
	__u16 offset;
};

/* Which optional fields of a struct p4tc_action are set. */
enum {
	P4TC_ACTION_HAS_ACTIVE		= 1U << 0,
	/* since LIBP4TC_0.3 */
	P4TC_ACTION_HAS_NUM_PREALLOC	= 1U << 1,
};

/**
 * struct p4tc_action - an action template
 * @id: action id; 0 if not known (create: the kernel allocates one)
 * @name: "cb/act" or "act"; "" if not known
 * @has: P4TC_ACTION_HAS_* flags
 * @active: entries may use the action
 * @nparams: number of @params; a request sends them if non-zero
 * @params: parameters in declaration order
 *
 * Since LIBP4TC_0.3:
 * @num_prealloc: instances to preallocate, 1 to P4TC_MAX_NUM_PREALLOC
 *                (P4TC_ACTION_HAS_NUM_PREALLOC; default
 *                P4TC_DEFAULT_NUM_PREALLOC): kept and reported
 */
struct p4tc_action {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	bool active;
	unsigned int nparams;
	struct p4tc_param params[P4TC_MAX_PARAMS];
	/* since LIBP4TC_0.3 */
	__u32 num_prealloc;
};

/**
 * typedef p4tc_action_cb - called for each action template of a dump
 * @a: the action, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_action_cb)(const struct p4tc_action *a, void *ctx);

/**
 * p4tc_action_create() - create an action template in an unsealed pipeline
 * @h: handle
 * @pname: pipeline name
 * @a: @name required; @id, @active and @params optional
 *
 * Return: the new action's id (> 0), or a negative errno: -ENOENT (no such
 * pipeline), -EEXIST, -EINVAL, -EPERM (pipeline sealed, or not admin),
 * -ERANGE (an id above INT_MAX).
 */
LIBP4TC_API int p4tc_action_create(struct p4tc_handle *h, const char *pname,
				   const struct p4tc_action *a);

/**
 * p4tc_action_update() - change an action template
 * @h: handle
 * @pname: pipeline name
 * @a: the action by @id or @name; @active and/or @params (which replace
 *     the existing ones)
 *
 * Return: 0, or a negative errno as p4tc_action_create().
 */
LIBP4TC_API int p4tc_action_update(struct p4tc_handle *h, const char *pname,
				   const struct p4tc_action *a);

/**
 * p4tc_action_get() - read an action template
 * @h: handle
 * @pname: pipeline name
 * @a: in: @id or @name; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT.
 */
LIBP4TC_API int p4tc_action_get(struct p4tc_handle *h, const char *pname,
				struct p4tc_action *a);

/**
 * p4tc_action_dump() - read every action template of a pipeline
 * @h: handle
 * @pname: pipeline name
 * @cb: called once per action
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_action_dump(struct p4tc_handle *h, const char *pname,
				 p4tc_action_cb cb, void *ctx);

/**
 * p4tc_action_delete() - delete an action template
 * @h: handle
 * @pname: pipeline name
 * @a: the action by @id or @name
 *
 * Return: 0, or a negative errno: -ENOENT, -EBUSY.
 */
LIBP4TC_API int p4tc_action_delete(struct p4tc_handle *h, const char *pname,
				   const struct p4tc_action *a);

/**
 * p4tc_action_flush() - delete every action template of an unsealed pipeline
 * @h: handle
 * @pname: pipeline name
 *
 * Since LIBP4TC_0.3. All go, or none if a table refers to one of them.
 *
 * Return: the number of actions deleted, or a negative errno: -ENOENT,
 * -EBUSY (an action a table uses), -EPERM (pipeline sealed, or not admin).
 */
LIBP4TC_API int p4tc_action_flush(struct p4tc_handle *h, const char *pname);

/* Values of action parameters, in entries and default actions */

/*
 * Largest container of a typed value: a str992 (bit128, int128 and ipv6
 * take 16 bytes, a key512 64). It was 16 before LIBP4TC_0.3.
 */
#define P4TC_MAX_VALUE_SIZE	P4TC_MAX_PARAM_DATA_SIZE

/**
 * struct p4tc_param_value - the value of an action parameter in an entry
 * @id: parameter id; 0 if not known (requests then use @name)
 * @name: parameter name; "" if not known
 * @len: bytes in @value
 * @value: the container's bytes (see p4tc_value_parse())
 */
struct p4tc_param_value {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 len;
	__u8 value[P4TC_MAX_VALUE_SIZE];
};

/* Action instances (since LIBP4TC_0.3) */

/**
 * struct p4tc_action_inst - param values of an action, kept under an index
 * @action_id: the action's id; 0 if not known (requests then use
 *             @action_name)
 * @action_name: the action's name; "" if not known
 * @index: the instance's index, 1..; 0 in a create: the first free one
 * @nparams: number of @params
 * @params: param values (a create or replace needs every param's)
 * @users: entries and default actions that use it (reported only, as the
 *         rest)
 * @created_ms: ms since it was created
 * @lastused_ms: ms since a lookup last returned it, 0 if never
 * @firstused_ms: ms since a lookup first returned it, 0 if never
 * @packets: lookups that returned it
 * @bytes: bytes of their packets
 *
 * Entries and default actions use an instance by giving its action and
 * its index (their action_index) instead of params: changing the
 * instance's params changes what lookups of all of them return, at once.
 */
struct p4tc_action_inst {
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	__u32 index;
	unsigned int nparams;
	struct p4tc_param_value params[P4TC_MAX_PARAMS];
	__u32 users;
	__u64 created_ms;
	__u64 lastused_ms;
	__u64 firstused_ms;
	__u64 packets;
	__u64 bytes;
};

/**
 * typedef p4tc_action_inst_cb - called for each action instance of a dump
 * @ai: the instance, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_action_inst_cb)(const struct p4tc_action_inst *ai, void *ctx);

/**
 * p4tc_action_inst_create() - create an action instance
 * @h: handle
 * @pname: pipeline name
 * @ai: the action; @index (or 0) and a value for every param
 *
 * The action must be active.
 *
 * Return: the instance's index (> 0), or a negative errno: -ENOENT (no
 * such pipeline or action), -EEXIST, -EINVAL, -EPERM (action not active,
 * or not admin), -ENOSPC (P4TC_MAX_ACTION_INSTANCES), -ERANGE (an index
 * above INT_MAX).
 */
LIBP4TC_API int p4tc_action_inst_create(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai);

/**
 * p4tc_action_inst_replace() - replace the params of an action instance
 * @h: handle
 * @pname: pipeline name
 * @ai: the action, @index and a value for every param
 *
 * Creates the instance if there is none with this index.
 *
 * Return: the instance's index (> 0), or a negative errno as
 * p4tc_action_inst_create().
 */
LIBP4TC_API int p4tc_action_inst_replace(struct p4tc_handle *h, const char *pname,
					 const struct p4tc_action_inst *ai);

/**
 * p4tc_action_inst_update() - change some params of an action instance
 * @h: handle
 * @pname: pipeline name
 * @ai: the action, @index and the params to change
 *
 * Return: 0, or a negative errno: -ENOENT, -EINVAL, -ERANGE.
 */
LIBP4TC_API int p4tc_action_inst_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai);

/**
 * p4tc_action_inst_get() - read an action instance
 * @h: handle
 * @pname: pipeline name
 * @ai: in: the action and @index; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT.
 */
LIBP4TC_API int p4tc_action_inst_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_action_inst *ai);

/**
 * p4tc_action_inst_dump() - read the action instances of a pipeline
 * @h: handle
 * @pname: pipeline name
 * @action: the action whose instances to read, or NULL for all
 * @cb: called once per instance, by action, then index
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_action_inst_dump(struct p4tc_handle *h, const char *pname,
				      const char *action, p4tc_action_inst_cb cb, void *ctx);

/**
 * p4tc_action_inst_delete() - delete an action instance
 * @h: handle
 * @pname: pipeline name
 * @ai: the action and @index
 *
 * Return: 0, or a negative errno: -ENOENT, -EBUSY (an entry or default
 * action uses it).
 */
LIBP4TC_API int p4tc_action_inst_delete(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_inst *ai);

/**
 * p4tc_action_inst_flush() - delete every instance of an action
 * @h: handle
 * @pname: pipeline name
 * @action: the action
 *
 * All go, or none if an entry or default action uses one of them.
 *
 * Return: the number deleted, or a negative errno: -ENOENT, -EBUSY.
 */
LIBP4TC_API int p4tc_action_inst_flush(struct p4tc_handle *h, const char *pname,
				       const char *action);

/* Tables */

/**
 * struct p4tc_keyfield - one field of a table key, in key order
 * @id: position from 1; 0 in a request: its index in the array plus 1
 * @name: name
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @match: enum p4tc_match: exact, or the table's type (lpm or ternary); 0
 *         in a request: the table's type
 */
struct p4tc_keyfield {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 type;
	__u16 bitsz;
	__u8 match;
};

/**
 * struct p4tc_table_act - an action a table allows
 * @id: the action's id; 0 in a request: by @name
 * @name: the action's name, "cb/act" or "act"; "" in replies, which give
 *        @id only
 * @flags: P4TC_TABLE_ACT_TABLEONLY (in entries only) or
 *         P4TC_TABLE_ACT_DEFAULTONLY (as a default action only), or 0
 */
struct p4tc_table_act {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u8 flags;
};

/**
 * struct p4tc_timer_profile - how long a dynamic entry may stay idle
 * @id: profile id, 0 to num_timer_profiles - 1
 * @aging_ms: idle time in ms, 1 to P4TC_MAX_AGING_MS
 */
struct p4tc_timer_profile {
	__u32 id;
	__u32 aging_ms;
};

/**
 * struct p4tc_default_action - a table's default hit or miss action
 * @noaction: request only: delete the default action (nothing else is
 *            sent)
 * @permissions: CRUDXPS bits of the default action; 0 in a request: all
 *               14 (control read, data read and data execute are required)
 * @action_id: the action's id; 0 and an empty @action_name: no action
 *             (lookups return action id 0)
 * @action_name: the action's name; "" if not known
 * @nparams: number of @params
 * @params: the action's parameter values
 * @action_index: the action instance whose params it uses, instead of
 *                @params; 0: none
 *
 * The default miss action runs on a miss, the default hit action on a hit
 * of an entry without an action.
 */
struct p4tc_default_action {
	bool noaction;
	__u16 permissions;
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	unsigned int nparams;
	struct p4tc_param_value params[P4TC_MAX_PARAMS];
	__u32 action_index;
};

/* Which optional fields of a struct p4tc_table are set. */
enum {
	P4TC_TABLE_HAS_TYPE		= 1U << 0,
	P4TC_TABLE_HAS_KEYSZ		= 1U << 1,
	P4TC_TABLE_HAS_TENTRIES		= 1U << 2,
	P4TC_TABLE_HAS_NUMMASKS		= 1U << 3,
	P4TC_TABLE_HAS_PERMISSIONS	= 1U << 4,
	/* since LIBP4TC_0.3 */
	P4TC_TABLE_HAS_COUNTERS		= 1U << 5,
	P4TC_TABLE_HAS_NUM_TIMER_PROFILES = 1U << 6,
	P4TC_TABLE_HAS_DEFAULT_HIT	= 1U << 7,
	P4TC_TABLE_HAS_DEFAULT_MISS	= 1U << 8,
};

struct p4tc_entry;

/**
 * struct p4tc_table - a table
 * @id: table id; 0 if not known (create: the kernel allocates one)
 * @name: "cb/tbl"; "" if not known
 * @has: P4TC_TABLE_HAS_* flags
 * @type: enum p4tc_table_type
 * @keysz: key width in bits
 * @tentries: maximum number of entries
 * @nummasks: maximum number of masks
 * @permissions: CRUDXPS bits, control path in bits 13..7, data path 6..0
 * @nkeyfields: number of @keyfields; a request sends them if non-zero
 * @keyfields: the key schema, optional
 * @nentries: number of entries (reported only)
 *
 * Since LIBP4TC_0.3:
 * @counters: entries count the packets and bytes that hit them
 * @num_timer_profiles: number of timer profiles (default 4: profile i ages
 *                      after (i + 1) * 30 s)
 * @ntimer_profiles: number of @timer_profiles; a request sends them if
 *                   non-zero, each changing one profile
 * @timer_profiles: timer profiles; a reply has all of them
 * @nacts: number of @acts; a request sends them if non-zero, replacing the
 *         list; none in a reply: the table allows every action
 * @acts: the actions the table allows, with where
 * @default_hit: the default hit action (P4TC_TABLE_HAS_DEFAULT_HIT)
 * @default_miss: the default miss action (P4TC_TABLE_HAS_DEFAULT_MISS)
 * @nconst_entries: number of @const_entries; requests only
 * @const_entries: entries that come with the template ("const" entries):
 *                 each with its key, and optionally mask, prio,
 *                 permissions and action; their table fields are ignored
 * @num_masks_used: distinct masks the entries use (reported only)
 * @memory: bytes the entries take (reported only)
 * @direct_counter: "KIND/INST", the extern instance of the table's pipeline
 *                  the table binds as its direct counter (which turns
 *                  @counters on); a request sends it if not "", a reply
 *                  reports it
 * @direct_meter: "KIND/INST", the same for its direct meter
 */
struct p4tc_table {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	__u8 type;
	__u32 keysz;
	__u32 tentries;
	__u32 nummasks;
	__u16 permissions;
	unsigned int nkeyfields;
	struct p4tc_keyfield keyfields[P4TC_MAX_KEY_FIELDS];
	__u32 nentries;
	/* since LIBP4TC_0.3 */
	bool counters;
	__u32 num_timer_profiles;
	unsigned int ntimer_profiles;
	struct p4tc_timer_profile timer_profiles[P4TC_MAX_TIMER_PROFILES];
	unsigned int nacts;
	struct p4tc_table_act acts[P4TC_MAX_ACTIONS];
	struct p4tc_default_action default_hit;
	struct p4tc_default_action default_miss;
	unsigned int nconst_entries;
	const struct p4tc_entry *const_entries;
	__u32 num_masks_used;
	__u64 memory;
	char direct_counter[2 * P4TC_NAME_LEN];
	char direct_meter[2 * P4TC_NAME_LEN];
};

/**
 * typedef p4tc_table_cb - called for each table of a dump
 * @t: the table, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_table_cb)(const struct p4tc_table *t, void *ctx);

/**
 * p4tc_table_create() - create a table in an unsealed pipeline
 * @h: handle
 * @pname: pipeline name
 * @t: @name and @keysz required; the others optional
 *
 * With @const_entries, the table is created with those entries, or none of
 * them. A request naming an existing table with nothing but const entries
 * (its @has is 0, it has no key fields, actions or timer profiles) adds
 * the entries to it, all of them or none.
 *
 * Return: the new (or existing) table's id (> 0), or a negative errno:
 * -ENOENT, -EEXIST, -EINVAL, -ENOSPC (numtables reached), -EPERM (pipeline
 * sealed, or not admin), -ERANGE (an id above INT_MAX), -EMSGSIZE (the
 * request does not fit in one message: too many const entries).
 */
LIBP4TC_API int p4tc_table_create(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t);

/**
 * p4tc_table_update() - change a table of an unsealed pipeline
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @id or @name, and the fields to change (key fields and
 *     actions, if any, replace the existing ones); or, with nothing else,
 *     const entries to add
 *
 * Return: 0, or a negative errno as p4tc_table_create().
 */
LIBP4TC_API int p4tc_table_update(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t);

/**
 * p4tc_table_get() - read a table
 * @h: handle
 * @pname: pipeline name
 * @t: in: @id or @name; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT.
 */
LIBP4TC_API int p4tc_table_get(struct p4tc_handle *h, const char *pname,
			       struct p4tc_table *t);

/**
 * p4tc_table_dump() - read every table of a pipeline
 * @h: handle
 * @pname: pipeline name
 * @cb: called once per table
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_table_dump(struct p4tc_handle *h, const char *pname,
				p4tc_table_cb cb, void *ctx);

/**
 * p4tc_table_delete() - delete a table and its entries
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @id or @name
 *
 * Return: 0, or a negative errno: -ENOENT, -EBUSY (pipeline sealed).
 */
LIBP4TC_API int p4tc_table_delete(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_table *t);

/**
 * p4tc_table_flush() - delete every table of an unsealed pipeline
 * @h: handle
 * @pname: pipeline name
 *
 * Since LIBP4TC_0.3.
 *
 * Return: the number of tables deleted, or a negative errno: -ENOENT,
 * -EPERM (pipeline sealed, or not admin).
 */
LIBP4TC_API int p4tc_table_flush(struct p4tc_handle *h, const char *pname);

/**
 * p4tc_table_attrs_update() - change what a sealed table allows to change
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @id or @name, and what to change: @default_hit
 *     (P4TC_TABLE_HAS_DEFAULT_HIT), @default_miss
 *     (P4TC_TABLE_HAS_DEFAULT_MISS), @permissions
 *     (P4TC_TABLE_HAS_PERMISSIONS), @timer_profiles; no other field may be
 *     set
 *
 * Since LIBP4TC_0.3. The change is all or nothing. Replacing a default
 * action needs its control update permission, deleting it its control
 * delete permission; new permissions and timer profiles need the table's
 * control update permission.
 *
 * Return: 0, or a negative errno: -EINVAL (nothing to change, or a field
 * that cannot change), -ENOENT, -EPERM.
 */
LIBP4TC_API int p4tc_table_attrs_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_table *t);

/* Ports (since LIBP4TC_0.3) */

/* Bytes of a device name, with the NUL (the kernel's IFNAMSIZ). */
#define P4TC_IFNAMSIZ	16

/**
 * struct p4tc_port - a device of the namespace as a PNA port
 * @ifindex: the device
 * @name: its name
 * @type: enum p4tc_port_type: network or host port
 * @marked: @type was set by p4tc_port_set(), else it is the default (a
 *          device with a parent device is a network port)
 */
struct p4tc_port {
	__u32 ifindex;
	char name[P4TC_IFNAMSIZ];
	__u8 type;
	bool marked;
};

/**
 * typedef p4tc_port_cb - called for each device of a dump
 * @port: the port, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_port_cb)(const struct p4tc_port *port, void *ctx);

/**
 * p4tc_port_set() - mark a device a network or host port, or unmark it
 * @h: handle
 * @ifindex: the device
 * @type: P4TC_PORT_TYPE_NET or P4TC_PORT_TYPE_HOST, or 0 to drop the mark
 *
 * What is_net_port() and is_host_port() of the datapath say. A mark goes
 * with its device.
 *
 * Return: 0, or a negative errno: -ENODEV, -EINVAL, -EPERM.
 */
LIBP4TC_API int p4tc_port_set(struct p4tc_handle *h, __u32 ifindex, __u8 type);

/**
 * p4tc_port_get() - what kind of port a device is
 * @h: handle
 * @port: in: @ifindex; out: every field
 *
 * Return: 0, or a negative errno: -ENODEV.
 */
LIBP4TC_API int p4tc_port_get(struct p4tc_handle *h, struct p4tc_port *port);

/**
 * p4tc_port_dump() - every device of the namespace as a port
 * @h: handle
 * @cb: called once per device, by ifindex
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_port_dump(struct p4tc_handle *h, p4tc_port_cb cb, void *ctx);

/* Externs (since LIBP4TC_0.3) */

/* Which optional fields of a struct p4tc_extern are set. */
enum {
	P4TC_EXTERN_HAS_NUM_INSTANCES	= 1U << 0,
	P4TC_EXTERN_HAS_PERMISSIONS	= 1U << 1,
};

/**
 * struct p4tc_extern - an extern kind (Counter, Meter, Register...) of the
 * network namespace
 * @id: the kind's id (extid); 0 if not known (create: the kernel allocates
 *      one)
 * @name: the kind's name, e.g. "Counter"; "" if not known
 * @has: P4TC_EXTERN_HAS_* flags
 * @num_instances: instances a pipeline may have, 1 to
 *                 P4TC_MAX_EXT_INSTANCES (default 1)
 * @permissions: CRUDXPS bits of its instances (default
 *               P4TC_DEFAULT_EXT_PERMISSIONS): control read and update to
 *               read and write elements, data read and update for md_read
 *               and md_write, data execute to count or meter
 * @has_exec: upstream's has_exec_method, kept and reported
 * @instances: its instances in all pipelines (reported only)
 */
struct p4tc_extern {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	__u32 num_instances;
	__u16 permissions;
	bool has_exec;
	__u32 instances;
};

/**
 * typedef p4tc_extern_cb - called for each extern kind of a dump
 * @ext: the kind, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_extern_cb)(const struct p4tc_extern *ext, void *ctx);

/**
 * p4tc_extern_create() - declare an extern kind in the namespace
 * @h: handle
 * @ext: @name required; @id, @num_instances, @permissions and @has_exec
 *       optional
 *
 * What the datapath does with the instances of a kind beyond reading and
 * writing their elements depends on its name (see <uapi/linux/p4tc.h>).
 *
 * Return: the kind's id (> 0), or a negative errno: -EEXIST, -EINVAL,
 * -ENOSPC (P4TC_MAX_EXTERNS), -EPERM (not admin), -ERANGE (an id above
 * INT_MAX).
 */
LIBP4TC_API int p4tc_extern_create(struct p4tc_handle *h, const struct p4tc_extern *ext);

/**
 * p4tc_extern_get() - read an extern kind
 * @h: handle
 * @ext: in: @id or @name; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT.
 */
LIBP4TC_API int p4tc_extern_get(struct p4tc_handle *h, struct p4tc_extern *ext);

/**
 * p4tc_extern_dump() - read every extern kind of the namespace
 * @h: handle
 * @cb: called once per kind
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_extern_dump(struct p4tc_handle *h, p4tc_extern_cb cb, void *ctx);

/**
 * p4tc_extern_delete() - delete an extern kind
 * @h: handle
 * @ext: the kind by @id or @name
 *
 * Return: 0, or a negative errno: -ENOENT, -EBUSY (a pipeline has
 * instances of it).
 */
LIBP4TC_API int p4tc_extern_delete(struct p4tc_handle *h, const struct p4tc_extern *ext);

/**
 * struct p4tc_ext_param - a constructor or control-path param of an extern
 * instance
 * @id: control params: position from 1; 0 in a request: its index in the
 *      array plus 1
 * @name: name
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @offset: control params: offset of its container in an element (reported
 *          only; the key has none)
 * @flags: control params: P4TC_EXT_PARAM_F_KEY (tc_key: the element
 *         index, a bit or int of at most 32 bits) or
 *         P4TC_EXT_PARAM_F_DATA_SCALAR (tc_data_scalar)
 * @len: constructor params: bytes in @value
 * @value: constructor params: the value's container (see
 *         p4tc_value_parse())
 */
struct p4tc_ext_param {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 type;
	__u16 bitsz;
	__u16 offset;
	__u8 flags;
	__u32 len;
	__u8 value[P4TC_MAX_VALUE_SIZE];
};

/**
 * struct p4tc_extern_inst - an extern instance of a pipeline: an array of
 * elements
 * @ext_id: the kind's id; 0 if not known (requests then use @ext_name)
 * @ext_name: the kind's name; "" if not known
 * @id: the instance's id, 1 to P4TC_MAX_EXT_INSTANCES; 0 if not known
 *      (create: the kernel allocates one)
 * @name: the instance's name, "cb.inst" or "inst"; "" if not known
 * @numel: its elements, 1 to P4TC_MAX_EXT_ELEMS; 0 in a create: 1
 * @tbl_bindable: a table may bind it (direct counters and meters)
 * @nconstructor: number of @constructor
 * @constructor: constructor params, with their values: kept and reported
 * @nparams: number of @params
 * @params: control-path params in declaration order: exactly one with
 *          P4TC_EXT_PARAM_F_KEY, the index; the others make an element,
 *          packed as an action's params (at most
 *          P4TC_MAX_EXT_PARAM_DATA_SIZE bytes)
 * @permissions: the kind's permissions (reported only, as the next)
 * @table_id: the table bound to it, 0 if none
 */
struct p4tc_extern_inst {
	__u32 ext_id;
	char ext_name[P4TC_NAME_LEN];
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 numel;
	bool tbl_bindable;
	unsigned int nconstructor;
	struct p4tc_ext_param constructor[P4TC_MAX_EXT_PARAMS];
	unsigned int nparams;
	struct p4tc_ext_param params[P4TC_MAX_EXT_PARAMS];
	__u16 permissions;
	__u32 table_id;
};

/**
 * typedef p4tc_extern_inst_cb - called for each extern instance of a dump
 * @ei: the instance, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_extern_inst_cb)(const struct p4tc_extern_inst *ei, void *ctx);

/**
 * p4tc_extern_inst_create() - create an extern instance in an unsealed
 * pipeline
 * @h: handle
 * @pname: pipeline name
 * @ei: the kind, @name and @params (one of them the key) required; @id,
 *      @numel, @tbl_bindable and @constructor optional
 *
 * Return: the instance's id (> 0), or a negative errno: -ENOENT (no such
 * pipeline or kind), -EEXIST, -EINVAL (no key param, or more than one),
 * -ENOSPC (the kind's num_instances reached), -EPERM (pipeline sealed, or
 * not admin).
 */
LIBP4TC_API int p4tc_extern_inst_create(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_inst *ei);

/**
 * p4tc_extern_inst_get() - read an extern instance
 * @h: handle
 * @pname: pipeline name
 * @ei: in: the kind, and @id or @name; out: every field
 *
 * Return: 0, or a negative errno: -ENOENT.
 */
LIBP4TC_API int p4tc_extern_inst_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_extern_inst *ei);

/**
 * p4tc_extern_inst_dump() - read the extern instances of a pipeline
 * @h: handle
 * @pname: pipeline name
 * @kind: the kind whose instances to read, or NULL for all
 * @cb: called once per instance
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_extern_inst_dump(struct p4tc_handle *h, const char *pname,
				      const char *kind, p4tc_extern_inst_cb cb, void *ctx);

/**
 * p4tc_extern_inst_delete() - delete an extern instance of an unsealed
 * pipeline
 * @h: handle
 * @pname: pipeline name
 * @ei: the kind, and @id or @name
 *
 * Return: 0, or a negative errno: -ENOENT, -EPERM (pipeline sealed, or not
 * admin).
 */
LIBP4TC_API int p4tc_extern_inst_delete(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_inst *ei);

/**
 * struct p4tc_extern_elem - an element of an extern instance
 * @ext_id: the kind's id; 0 if not known (requests then use @ext_name)
 * @ext_name: the kind's name; "" if not known
 * @inst_id: the instance's id; 0 if not known (requests then use
 *           @inst_name)
 * @inst_name: the instance's name; "" if not known
 * @index: the element's index, the value of the instance's key param:
 *         0 to numel - 1
 * @nparams: number of @params
 * @params: values of the control params but the key, each named by id or
 *          name
 * @types: reported only: the type (enum p4tc_type) of each of @params
 * @bitsz: reported only: the width of each of @params
 */
struct p4tc_extern_elem {
	__u32 ext_id;
	char ext_name[P4TC_NAME_LEN];
	__u32 inst_id;
	char inst_name[P4TC_NAME_LEN];
	__u32 index;
	unsigned int nparams;
	struct p4tc_param_value params[P4TC_MAX_EXT_PARAMS];
	__u32 types[P4TC_MAX_EXT_PARAMS];
	__u16 bitsz[P4TC_MAX_EXT_PARAMS];
};

/**
 * typedef p4tc_extern_elem_cb - called for each element of a dump
 * @el: the element, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_extern_elem_cb)(const struct p4tc_extern_elem *el, void *ctx);

/**
 * p4tc_extern_elem_update() - write params of an element of an extern
 * instance
 * @h: handle
 * @pname: pipeline name
 * @el: the kind, the instance, @index and the params to write (the others
 *      keep their values)
 *
 * Needs the kind's control update permission.
 *
 * Return: 0, or a negative errno: -ENOENT (no such instance or param),
 * -EINVAL (an index not below numel, a value of another size), -EPERM.
 */
LIBP4TC_API int p4tc_extern_elem_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_elem *el);

/**
 * p4tc_extern_elem_get() - read an element of an extern instance
 * @h: handle
 * @pname: pipeline name
 * @el: in: the kind, the instance and @index; out: every field
 *
 * Needs the kind's control read permission.
 *
 * Return: 0, or a negative errno: -ENOENT, -EINVAL (an index not below
 * numel), -EPERM.
 */
LIBP4TC_API int p4tc_extern_elem_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_extern_elem *el);

/**
 * p4tc_extern_elem_dump() - read every element of an extern instance
 * @h: handle
 * @pname: pipeline name
 * @el: the kind and the instance (@index and @params are not sent)
 * @cb: called once per element
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_extern_elem_dump(struct p4tc_handle *h, const char *pname,
				      const struct p4tc_extern_elem *el, p4tc_extern_elem_cb cb,
				      void *ctx);

/* Table entries */

/* Which optional fields of a struct p4tc_entry are set (since LIBP4TC_0.3). */
enum {
	P4TC_ENTRY_HAS_MASK		= 1U << 0,
	P4TC_ENTRY_HAS_PRIO		= 1U << 1,
	P4TC_ENTRY_HAS_PERMISSIONS	= 1U << 2,
	P4TC_ENTRY_HAS_AGING		= 1U << 3,
	P4TC_ENTRY_HAS_PROFILE_ID	= 1U << 4,
	/* reported only */
	P4TC_ENTRY_HAS_TM		= 1U << 5,
	P4TC_ENTRY_HAS_CREATED_BY	= 1U << 6,
	P4TC_ENTRY_HAS_UPDATED_BY	= 1U << 7,
	P4TC_ENTRY_HAS_COUNTERS		= 1U << 8,
	P4TC_ENTRY_HAS_DELETED_BY	= 1U << 9,	/* events only */
	P4TC_ENTRY_HAS_FLAGS		= 1U << 10,
};

/* Bytes of a process name, with the NUL (the kernel's TASK_COMM_LEN). */
#define P4TC_COMM_LEN	16

/**
 * struct p4tc_entry_who - who created or last updated an entry
 * @entity: enum p4tc_entity: the datapath, a control-plane request or aging
 * @pid: the requesting process, 0 for the kernel
 * @comm: the requesting process's name, or "kernel" or "timer"
 */
struct p4tc_entry_who {
	__u8 entity;
	__u32 pid;
	char comm[P4TC_COMM_LEN];
};

/**
 * struct p4tc_entry - a table entry
 * @table_id: the table's id; 0 if not known (requests then use @table_name)
 * @table_name: the table's name, "cb/tbl"; "" if not known
 * @keylen: bytes in @key, p4tc_key_size() of the table
 * @key: the key, see p4tc_key_field_parse()
 * @action_id: the action's id; 0 if not known
 * @action_name: the action's name; "" if not known; a request without
 *               action id and name has no action
 * @nparams: number of @params
 * @params: the action's parameter values
 *
 * Since LIBP4TC_0.3:
 * @has: P4TC_ENTRY_HAS_* flags
 * @mask: lpm and ternary tables: @keylen bytes, the bits of @key that
 *        match (see p4tc_key_field_parse_masked()); an lpm mask is a
 *        prefix of the key, first byte first; all ones if not given
 * @prio: lpm and ternary tables: 1 to P4TC_MAX_PRIO, the lowest wins;
 *        names a ternary entry with its key and mask; a create without it
 *        takes a free one; exact entries report P4TC_EXACT_PRIO
 * @permissions: CRUDXPS bits of the entry, without the create bits;
 *               default: the table's
 * @dynamic: the entry goes once idle for its aging time
 * @tmpl_created: a const entry, created with the table (reported only)
 * @aging_ms: a dynamic entry's idle time, 1 to P4TC_MAX_AGING_MS; default:
 *            that of timer profile 0
 * @profile_id: take the aging time of this timer profile instead
 * @created_ms: ms since the entry was created (reported only, as the next)
 * @lastused_ms: ms since the datapath last hit it, 0 if never
 * @firstused_ms: ms since the datapath first hit it, 0 if never
 * @created_by: who created it
 * @updated_by: who last updated it (P4TC_ENTRY_HAS_UPDATED_BY)
 * @packets: packets that hit it, if the table counts (P4TC_ENTRY_HAS_COUNTERS)
 * @bytes: bytes of those packets
 * @deleted_by: in the event of its deletion, who deleted it
 *              (P4TC_ENTRY_HAS_DELETED_BY)
 * @action_index: the action instance (of the action) whose params the
 *                entry uses, instead of @params; 0: none
 * @flags: P4TC_ENTRY_FLAGS_SKIP_HW (P4TC_ENTRY_HAS_FLAGS; SKIP_SW is
 *         refused: no device offloads P4 tables); replies add
 *         P4TC_ENTRY_FLAGS_NOT_IN_HW
 */
struct p4tc_entry {
	__u32 table_id;
	char table_name[P4TC_NAME_LEN];
	__u32 keylen;
	__u8 key[P4TC_MAX_KEYSZ / 8];
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	unsigned int nparams;
	struct p4tc_param_value params[P4TC_MAX_PARAMS];
	/* since LIBP4TC_0.3 */
	__u32 has;
	__u8 mask[P4TC_MAX_KEYSZ / 8];
	__u32 prio;
	__u16 permissions;
	bool dynamic;
	bool tmpl_created;
	__u32 aging_ms;
	__u32 profile_id;
	__u64 created_ms;
	__u64 lastused_ms;
	__u64 firstused_ms;
	struct p4tc_entry_who created_by;
	struct p4tc_entry_who updated_by;
	__u64 packets;
	__u64 bytes;
	struct p4tc_entry_who deleted_by;
	__u32 action_index;
	__u32 flags;
};

/**
 * typedef p4tc_entry_cb - called for each entry of a dump
 * @e: the entry, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_entry_cb)(const struct p4tc_entry *e, void *ctx);

/**
 * p4tc_entry_create() - add an entry to a table of a sealed pipeline
 * @h: handle
 * @pname: pipeline name
 * @e: table, key, and optionally mask, prio, permissions, dynamic, aging
 *     or profile id, the action and its parameter values
 *
 * Return: 0, or a negative errno: -ENOENT, -EEXIST (an entry with this
 * key, or the prio is taken), -EINVAL, -ERANGE (a value does not fit its
 * type), -ENOSPC (table full, or out of masks), -EPERM.
 */
LIBP4TC_API int p4tc_entry_create(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e);

/**
 * p4tc_entry_update() - change an existing entry
 * @h: handle
 * @pname: pipeline name
 * @e: the entry by table, key, mask and (ternary) prio; its new action
 *     and parameter values (no action: none), and optionally new
 *     permissions, dynamic, aging or profile id
 *
 * Return: 0, or a negative errno as p4tc_entry_create().
 */
LIBP4TC_API int p4tc_entry_update(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e);

/**
 * p4tc_entry_get() - read an entry
 * @h: handle
 * @pname: pipeline name
 * @e: in: table, key, mask (lpm and ternary) and prio (ternary); out:
 *     every field
 *
 * Return: 0, or a negative errno: -ENOENT, -EPERM.
 */
LIBP4TC_API int p4tc_entry_get(struct p4tc_handle *h, const char *pname,
			       struct p4tc_entry *e);

/**
 * p4tc_entry_dump() - read every entry of a table
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @t->id or @t->name
 * @cb: called once per entry
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_entry_dump(struct p4tc_handle *h, const char *pname,
				const struct p4tc_table *t, p4tc_entry_cb cb,
				void *ctx);

/**
 * p4tc_entry_delete() - delete an entry
 * @h: handle
 * @pname: pipeline name
 * @e: table, key, mask (lpm and ternary) and prio (ternary)
 *
 * Return: 0, or a negative errno: -ENOENT, -EPERM.
 */
LIBP4TC_API int p4tc_entry_delete(struct p4tc_handle *h, const char *pname,
				  const struct p4tc_entry *e);

/**
 * p4tc_entry_flush() - delete every entry of a table
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @t->id or @t->name
 *
 * Return: the number of entries deleted, or a negative errno.
 */
LIBP4TC_API int p4tc_entry_flush(struct p4tc_handle *h, const char *pname,
				 const struct p4tc_table *t);

/* Entry filters (since LIBP4TC_0.3) */

/*
 * A filter of entries: which entries a dump shows, a flush deletes or, in
 * user space, an event passes. Built from an expression by
 * p4tc_entry_filter_new(), against a table's key schema and a pipeline's
 * action templates.
 */
struct p4tc_entry_filter;

/**
 * struct p4tc_entry_filter_opts - what a filter expression is read against
 * @sz: size of this struct, for compatibility
 * @pname: the pipeline: actions may be named "PIPE/CB/ACT"; may be NULL
 * @table: the table, for key.FIELD operands (its key fields, or its
 *         implicit field "key"); NULL: none allowed
 * @actions: the pipeline's action templates, with their params' offsets
 *           (as p4tc_action_get() reports them), for action and param
 *           operands; NULL: none allowed
 * @nactions: number of @actions
 */
struct p4tc_entry_filter_opts {
	size_t sz;
	const char *pname;
	const struct p4tc_table *table;
	const struct p4tc_action *actions;
	unsigned int nactions;
	size_t :0;
};
#define p4tc_entry_filter_opts__last_field nactions

/**
 * p4tc_entry_filter_new() - build a filter from an expression
 * @h: handle, for the error message
 * @expr: the expression, as upstream's "filter" of tc p4ctrl:
 *
 *   EXPR    := EXPR or EXPR | EXPR xor EXPR | EXPR and EXPR | not EXPR |
 *              ( EXPR ) | OPERAND RELOP VALUE | act.ACT
 *   RELOP   := == | != | < | > | <= | >=
 *   OPERAND := key.FIELD | param.act.ACT.PARAM | action | prio | msecs_since
 *
 *   not binds tighter than and, and than xor, xor than or. Words are
 *   separated by blanks; parentheses and RELOPs need none. key.FIELD
 *   compares the bytes of a key field with a value of its type, with an
 *   optional /PREFIX or /MASK (as p4tc_key_field_parse_masked() takes
 *   them, whatever the field's match); param.act.ACT.PARAM the value of a
 *   param of entries with action ACT; action (== and != only) the entry's
 *   action: ACT, "CB/ACT", "PIPE/CB/ACT", the last component of a unique
 *   name, or NoAction for entries without action; act.ACT is "action ==
 *   ACT"; prio a number; msecs_since the ms since the entry was last hit,
 *   or created if never. Values with blanks or parentheses (text) are
 *   quoted with "..." (\" and \\ inside). Numbers and other host-order
 *   integers (bitN, intN, dev, rate) compare as numbers, the others byte
 *   by byte, first byte first, all as unsigned.
 * @opts: the table and actions the operands name
 *
 * Return: the filter, to free with p4tc_entry_filter_free(), or NULL with
 * errno set: EINVAL for a bad expression, whose message (p4tc_errmsg())
 * names the token at fault: 'filter: at "TOKEN" (token N): WHAT'; ENOMEM.
 */
LIBP4TC_API struct p4tc_entry_filter *
p4tc_entry_filter_new(struct p4tc_handle *h, const char *expr,
		      const struct p4tc_entry_filter_opts *opts);

/**
 * p4tc_entry_filter_free() - free a filter
 * @f: the filter, may be NULL
 */
LIBP4TC_API void p4tc_entry_filter_free(struct p4tc_entry_filter *f);

/**
 * p4tc_entry_filter_depth() - how many levels a filter has
 * @f: the filter
 *
 * The kernel takes filters of at most P4TC_FILTER_DEPTH_MAX levels; chains
 * of one logical operator are built balanced ("a and b and c and d" has 3).
 *
 * Return: the depth, 1 for one comparison; -EINVAL if @f is NULL.
 */
LIBP4TC_API int p4tc_entry_filter_depth(const struct p4tc_entry_filter *f);

/**
 * p4tc_entry_filter_match() - whether an entry passes a filter, in user space
 * @f: the filter
 * @e: an entry as a dump or an event reports it (with its times, for
 *     msecs_since)
 *
 * As the kernel would decide: param operands need the entry's action to be
 * the operand's and the param's value among @e's params (by id or name).
 *
 * Return: 1 if @e passes, 0 if not, -EINVAL if @f or @e is NULL.
 */
LIBP4TC_API int p4tc_entry_filter_match(const struct p4tc_entry_filter *f,
					const struct p4tc_entry *e);

/**
 * p4tc_entry_dump_filter() - read the entries of a table that pass a filter
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @t->id or @t->name
 * @f: the filter, applied by the kernel; NULL: every entry
 * @cb: called once per entry
 * @ctx: passed to @cb
 *
 * Since LIBP4TC_0.3.
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno (-E2BIG
 * for a filter deeper than P4TC_FILTER_DEPTH_MAX).
 */
LIBP4TC_API int p4tc_entry_dump_filter(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table *t,
				       const struct p4tc_entry_filter *f,
				       p4tc_entry_cb cb, void *ctx);

/**
 * p4tc_entry_flush_filter() - delete the entries of a table that pass a filter
 * @h: handle
 * @pname: pipeline name
 * @t: the table by @t->id or @t->name
 * @f: the filter, applied by the kernel; NULL: every entry
 *
 * Since LIBP4TC_0.3. Entries without control delete permission stay.
 *
 * Return: the number of entries deleted, or a negative errno (-E2BIG for a
 * filter deeper than P4TC_FILTER_DEPTH_MAX).
 */
LIBP4TC_API int p4tc_entry_flush_filter(struct p4tc_handle *h, const char *pname,
					const struct p4tc_table *t,
					const struct p4tc_entry_filter *f);

/* Events (since LIBP4TC_0.3) */

/* The kind of object an event is about. */
enum p4tc_event_obj {
	P4TC_EVENT_PIPELINE = 1,
	P4TC_EVENT_ACTION,
	P4TC_EVENT_TABLE,
	P4TC_EVENT_ENTRY,
	P4TC_EVENT_ACTION_INST,
	P4TC_EVENT_DIGEST,	/* digests, after p4tc_digest_subscribe() */
	P4TC_EVENT_EXTERN,	/* extern kinds: no pipeline */
	P4TC_EVENT_EXTERN_INST,
	P4TC_EVENT_EXTERN_ELEM,	/* elements written: op P4TC_EVENT_UPDATE */
};

/* What happened to it. */
enum p4tc_event_op {
	P4TC_EVENT_CREATE = 1,
	P4TC_EVENT_UPDATE,
	P4TC_EVENT_DELETE,
};

/**
 * struct p4tc_event - a change the kernel told the events group about
 * @cmd: the command of the change, enum p4tc_cmd (*_NEW, *_SET, *_DEL)
 * @obj: enum p4tc_event_obj, from @cmd
 * @op: enum p4tc_event_op, from @cmd
 * @flush: a flush: every action or table of the pipeline, or the entries
 *         of a table, deleted; @count says how many
 * @count: the objects a flush deleted
 * @pipeline: the pipeline: its id and name, and for pipeline events (of
 *            deletes: as it was) every field; none (id 0, name "") for
 *            extern kinds, which belong to the namespace
 * @action: action events but flushes: the action (deletes: as it was)
 * @table: table events but flushes: the table (deletes: as it was)
 * @entry: entry events: the entry, with who deleted it for deletes; of an
 *         entry flush, only its table's id and name
 * @action_inst: action instance events: the instance (deletes: as it
 *               was; flushes: only its action's id and name)
 * @digest: digests (P4TC_EVENT_DIGEST, op P4TC_EVENT_CREATE; no pipeline
 *          name, its id in the digest)
 * @ext: extern kind events: the kind (deletes: as it was)
 * @ext_inst: extern instance events: the instance (deletes: as it was)
 * @ext_elem: extern element events: the element after the change, every
 *            param of it
 *
 * The pointers not set are NULL; all are valid during the callback only.
 */
struct p4tc_event {
	__u8 cmd;
	__u8 obj;
	__u8 op;
	bool flush;
	__u32 count;
	struct p4tc_pipeline pipeline;
	const struct p4tc_action *action;
	const struct p4tc_table *table;
	const struct p4tc_entry *entry;
	const struct p4tc_action_inst *action_inst;
	const struct p4tc_digest *digest;
	const struct p4tc_extern *ext;
	const struct p4tc_extern_inst *ext_inst;
	const struct p4tc_extern_elem *ext_elem;
};

/**
 * struct p4tc_digest - what a program sent with its digest extern
 * @pipeid: its pipeline's id
 * @ext_id: the extern id it gave
 * @inst_id: the instance id it gave
 * @ifindex: the packet's device
 * @data: the packed fields, P4TC_DIGEST_DATA_SIZE bytes
 */
struct p4tc_digest {
	__u32 pipeid;
	__u32 ext_id;
	__u32 inst_id;
	__u32 ifindex;
	__u8 data[P4TC_DIGEST_DATA_SIZE];
};

/**
 * typedef p4tc_event_cb - called for each event read
 * @ev: the event, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to go on; anything else stops the read, which returns it.
 */
typedef int (*p4tc_event_cb)(const struct p4tc_event *ev, void *ctx);

/**
 * p4tc_event_subscribe() - join the "events" multicast group of the family
 * @h: handle
 *
 * Since LIBP4TC_0.3. The handle gets a socket of its own for events, in
 * the multicast group P4TC_MCGRP_EVENTS (resolved with the family); events
 * queue there until p4tc_event_read() reads them. Subscribing again does
 * nothing.
 *
 * Return: the socket's fd (for poll(2); the handle owns it), or a negative
 * errno: -ENOENT if the module is not loaded or has no such group.
 */
LIBP4TC_API int p4tc_event_subscribe(struct p4tc_handle *h);

/**
 * p4tc_digest_subscribe() - join the "digest" multicast group of the family
 * @h: handle
 *
 * Since LIBP4TC_0.3. As p4tc_event_subscribe(), on the same socket, for the
 * digests datapath programs send (bpf_p4tc_extern_digest_pack()), which
 * p4tc_event_read() then reads as P4TC_EVENT_DIGEST events. Either
 * subscription may come first, or both.
 *
 * Return: the socket's fd, or a negative errno as p4tc_event_subscribe().
 */
LIBP4TC_API int p4tc_digest_subscribe(struct p4tc_handle *h);

/**
 * p4tc_event_read() - read the events that came, or wait for some
 * @h: handle, subscribed
 * @timeout_ms: how long to wait for a first event: -1 for ever, 0 not at all
 * @cb: called once per event, in order
 * @ctx: passed to @cb
 *
 * Since LIBP4TC_0.3. Reads every event queued once the first is there.
 * Messages of other families or commands are skipped.
 *
 * Return: 0 (events read, or none within @timeout_ms), the non-zero value
 * @cb returned, or a negative errno: -ENOBUFS if events were lost because
 * the socket's buffer overflowed (reading can go on), -EINTR if a signal
 * came while waiting, -EINVAL if @h is not subscribed, -EBADMSG.
 */
LIBP4TC_API int p4tc_event_read(struct p4tc_handle *h, int timeout_ms, p4tc_event_cb cb,
				void *ctx);

/* Default and largest size of the messages of an entry batch. */
#define P4TC_BATCH_MSG_SIZE	32768
#define P4TC_BATCH_MSG_SIZE_MAX	65536

/**
 * struct p4tc_entry_batch_opts - options of the entry batch calls
 * @sz: size of this struct, for compatibility
 * @msg_size: bytes of each message, 0 for P4TC_BATCH_MSG_SIZE, at most
 *            P4TC_BATCH_MSG_SIZE_MAX
 */
struct p4tc_entry_batch_opts {
	size_t sz;
	__u32 msg_size;
	size_t :0;
};
#define p4tc_entry_batch_opts__last_field msg_size

/**
 * p4tc_entry_create_batch() - create many entries in few messages
 * @h: handle
 * @pname: pipeline name
 * @entries: the entries, as for p4tc_entry_create(); each names its table
 *           (@table_id is the shortest)
 * @count: in: the number of @entries; out: the number created, also on
 *         failure: those before the first that failed
 * @opts: options, may be NULL
 *
 * Since LIBP4TC_0.3. The entries go in order, as many per message as
 * @opts->msg_size holds; the kernel applies each message's entries in
 * order and stops at the first failure, and so does this call, whose
 * error message then reads "entry I of N: ..." with I counted from 1 in
 * @entries. Messages other than the last ask for no acknowledgement, and
 * nothing is allocated per entry: callers with millions of entries can
 * pass them in chunks of a few thousand, reusing one array. Runs of
 * consecutive entries of one table with the same action and param layout
 * and nothing else (no mask, prio, permissions or aging) go as fixed-size
 * records of a bulk attribute (P4TC_A_ENTRY_BULK), about 30 bytes an entry
 * instead of 100, parsed once per message by the kernel.
 *
 * Every entry is checked before the first message goes: an entry the
 * library refuses (a name too long, say) fails the call with nothing
 * created.
 *
 * Return: 0, or a negative errno as p4tc_entry_create(), or -EINVAL (bad
 * options, @count above INT_MAX).
 */
LIBP4TC_API int p4tc_entry_create_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts);

/**
 * p4tc_entry_update_batch() - update many entries in few messages
 * @h: handle
 * @pname: pipeline name
 * @entries: the entries, as for p4tc_entry_update()
 * @count: in: the number of @entries; out: the number updated
 * @opts: options, may be NULL
 *
 * Since LIBP4TC_0.3. As p4tc_entry_create_batch().
 *
 * Return: 0, or a negative errno as p4tc_entry_update().
 */
LIBP4TC_API int p4tc_entry_update_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts);

/**
 * p4tc_entry_delete_batch() - delete many entries in few messages
 * @h: handle
 * @pname: pipeline name
 * @entries: the entries, as for p4tc_entry_delete(): each with its key
 * @count: in: the number of @entries; out: the number deleted
 * @opts: options, may be NULL
 *
 * Since LIBP4TC_0.3. As p4tc_entry_create_batch(); only the table, key,
 * mask and prio of each entry are sent.
 *
 * Return: 0, or a negative errno as p4tc_entry_delete(), or -EINVAL for an
 * entry without a key.
 */
LIBP4TC_API int p4tc_entry_delete_batch(struct p4tc_handle *h, const char *pname,
					const struct p4tc_entry *entries, __u32 *count,
					const struct p4tc_entry_batch_opts *opts);

/* Types and values */

/**
 * p4tc_type_parse() - parse a type name
 * @str: "bit1".."bit128", "int1".."int128", "be16", "be32", "be64",
 *       "macaddr", "ipv4", "ipv6", "dev" or "bool"; since LIBP4TC_0.3
 *       also "str8".."str992" (a multiple of 8), "key1".."key512" and
 *       "rate"
 * @type: out: enum p4tc_type
 * @bitsz: out: its width in bits (48 for macaddr, 32 for ipv4 and dev,
 *         128 for ipv6, 1 for bool, 64 for rate)
 *
 * Return: 0, or -EINVAL for an unknown name.
 */
LIBP4TC_API int p4tc_type_parse(const char *str, __u32 *type, __u16 *bitsz);

/**
 * p4tc_type_str() - the name of a type, as p4tc_type_parse() takes it
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @buf: out: the name, NUL-terminated
 * @size: bytes in @buf
 *
 * Return: the length of the name, -EINVAL for an invalid type or width,
 * -ENOSPC if @buf is too small.
 */
LIBP4TC_API int p4tc_type_str(__u32 type, __u16 bitsz, char *buf, size_t size);

/**
 * p4tc_type_size() - bytes of the container of a type
 * @type: enum p4tc_type
 * @bitsz: width in bits
 *
 * bitN and intN take 1, 2, 4, 8 or 16 bytes, beN N/8, macaddr 8 (6 bytes
 * of address then 2 zero bytes), ipv4 4, ipv6 16, dev 4, bool 1, strN
 * N/8, keyN DIV_ROUND_UP(N, 8), rate 8.
 *
 * Return: the size, or -EINVAL for an invalid type or width.
 */
LIBP4TC_API int p4tc_type_size(__u32 type, __u16 bitsz);

/**
 * p4tc_value_parse() - parse a value of a type into its container
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @str: the value: bitN, intN and beN take decimal (intN also negative) or
 *       0x hex; macaddr "aa:bb:cc:dd:ee:ff"; ipv4 a dotted quad with an
 *       optional "/32"; ipv6 an address with an optional "/128"; dev an
 *       interface name; bool "true", "false", "1" or "0"; strN text of at
 *       most N/8 - 1 bytes; keyN "0x" and two hex digits per byte of the
 *       container, first byte first, the bits past N zero; rate bytes per
 *       second, decimal or 0x hex, or decimal with a unit of bits per
 *       second ("bit", "kbit", "mbit", "gbit", "tbit") or bytes per
 *       second ("bps", "kbps", "mbps", "gbps", "tbps"), in any case, k
 *       being 1000 (a number of bits must make whole bytes)
 * @buf: out: the container; bitN, intN and rate in host byte order, beN,
 *       macaddr, ipv4, ipv6 and keyN in network byte order, dev an
 *       ifindex in host order, strN the text NUL-padded
 * @size: bytes in @buf
 *
 * Return: the container's size, or a negative errno: -EINVAL if @str is
 * not a value of the type, -ERANGE if it is out of the type's range,
 * -ENODEV for an unknown interface, -ENOSPC if @buf is too small.
 */
LIBP4TC_API int p4tc_value_parse(__u32 type, __u16 bitsz, const char *str,
				 void *buf, size_t size);

/**
 * p4tc_value_str() - print a container as p4tc_value_parse() takes it
 * @type: enum p4tc_type
 * @bitsz: width in bits
 * @val: the container
 * @len: bytes in @val, p4tc_type_size()
 * @buf: out: the text, NUL-terminated; a dev prints as its interface name,
 *       or as the ifindex in decimal if no interface has it; a rate in
 *       bytes per second; a keyN in hex, two digits per byte; a strN as
 *       its text
 * @size: bytes in @buf
 *
 * Return: the length of the text, or a negative errno: -EINVAL for an
 * invalid type or a @len that is not the container's size, -ENOSPC if @buf
 * is too small.
 */
LIBP4TC_API int p4tc_value_str(__u32 type, __u16 bitsz, const void *val,
			       size_t len, char *buf, size_t size);

/* Keys */

/**
 * p4tc_key_size() - bytes of a table's key
 * @t: the table
 *
 * Return: DIV_ROUND_UP(@t->keysz, 8), or -EINVAL if @t->keysz is 0 or
 * larger than P4TC_MAX_KEYSZ.
 */
LIBP4TC_API int p4tc_key_size(const struct p4tc_table *t);

/* Widest implicit key (see p4tc_key_nfields()) written as a number. */
#define P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS 64

/**
 * p4tc_key_nfields() - number of fields a table's key is made of
 * @t: the table
 *
 * A table without key fields has one, named "key": of type bit<keysz> if
 * the table is exact (its type 0 or P4TC_TABLE_TYPE_EXACT) and keysz <=
 * P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS, else a "0x" hex string of exactly
 * p4tc_key_size() bytes, first byte first: the bit string that lpm and
 * ternary tables match, prefixes counting from its first byte (since
 * LIBP4TC_0.3; lpm and ternary tables are new in it).
 *
 * Return: @t->nkeyfields, or 1 if it is 0.
 */
LIBP4TC_API int p4tc_key_nfields(const struct p4tc_table *t);

/**
 * p4tc_key_field() - describe one field of a table's key
 * @t: the table
 * @i: index of the field, below p4tc_key_nfields()
 * @kf: out: the field; the implicit field of a table without key fields is
 *      { 1, "key", P4TC_T_BIT, keysz, MATCH } with MATCH the table's type
 *      (exact if it has none)
 *
 * Return: 0, or -EINVAL if @i is out of range.
 */
LIBP4TC_API int p4tc_key_field(const struct p4tc_table *t, unsigned int i,
			       struct p4tc_keyfield *kf);

/**
 * p4tc_key_field_parse() - parse the value of a key field into a key
 * @t: the table
 * @i: index of the field
 * @str: the value, as p4tc_value_parse() takes it
 * @key: the key, p4tc_key_size() bytes; the field's bytes are written
 * @len: bytes in @key
 *
 * Fields lie in key-field order, each in its container, one after the
 * other from the first byte of the key.
 *
 * Return: 0, or a negative errno: as p4tc_value_parse(), and -EINVAL if @i
 * is out of range, @len is not the key's size, or the fields before @i and
 * @i itself do not fit in the key.
 */
LIBP4TC_API int p4tc_key_field_parse(const struct p4tc_table *t, unsigned int i,
				     const char *str, void *key, size_t len);

/**
 * p4tc_key_field_str() - print the value of a key field in a key
 * @t: the table
 * @i: index of the field
 * @key: the key
 * @len: bytes in @key
 * @buf: out: the text, NUL-terminated
 * @size: bytes in @buf
 *
 * Return: the length of the text, or a negative errno as
 * p4tc_key_field_parse() and p4tc_value_str().
 */
LIBP4TC_API int p4tc_key_field_str(const struct p4tc_table *t, unsigned int i,
				   const void *key, size_t len, char *buf,
				   size_t size);

/**
 * p4tc_key_field_parse_masked() - parse the value and mask of a key field
 * @t: the table
 * @i: index of the field
 * @str: "VALUE", "VALUE/PREFIX" or "VALUE/MASK"; VALUE as
 *       p4tc_key_field_parse() takes it. PREFIX (decimal digits, 0 to the
 *       field's width) keeps the first PREFIX bits of the field: in byte
 *       order for the types kept in network order (beN, macaddr, ipv4,
 *       ipv6, keyN, strN) and for a key written in hex, the most
 *       significant bits of the number for the others. MASK is a value of
 *       the field's type (a number for dev; for keyN and strN "0x" and two
 *       hex digits per byte), e.g. "255.255.0.0" or "0xff00". Without
 *       either the mask is all ones.
 * @key: the key, p4tc_key_size() bytes; the field's bytes are written,
 *       VALUE with the bits outside the mask cleared
 * @mask: the mask, as long as @key; the field's bytes are written. A full
 *        mask covers the field's whole container, so that the masks of
 *        consecutive fields form one prefix in an lpm table
 * @len: bytes in @key and in @mask
 *
 * Since LIBP4TC_0.3.
 *
 * Return: 0, or a negative errno: as p4tc_key_field_parse(), and -EINVAL
 * for a mask on a field that matches exact (in an exact table, every
 * field), or a PREFIX wider than the field.
 */
LIBP4TC_API int p4tc_key_field_parse_masked(const struct p4tc_table *t, unsigned int i,
					    const char *str, void *key, void *mask,
					    size_t len);

/**
 * p4tc_key_field_prefix() - the prefix length of a key field's mask
 * @t: the table
 * @i: index of the field
 * @mask: the mask of the whole key
 * @len: bytes in @mask
 *
 * Since LIBP4TC_0.3. The prefix is the one p4tc_key_field_parse_masked()
 * takes: a full mask is the field's width, whether or not it covers the
 * rest of the field's container.
 *
 * Return: the prefix length, or a negative errno: -EINVAL if the field's
 * mask is not a prefix, or as p4tc_key_field_parse().
 */
LIBP4TC_API int p4tc_key_field_prefix(const struct p4tc_table *t, unsigned int i,
				      const void *mask, size_t len);

/**
 * p4tc_key_field_mask_str() - print a key field's mask as a MASK
 * @t: the table
 * @i: index of the field
 * @mask: the mask of the whole key
 * @len: bytes in @mask
 * @buf: out: the mask as p4tc_key_field_parse_masked() takes it after the
 *       '/': an address for macaddr, ipv4 and ipv6, else "0x" and one hex
 *       digit per 4 bits of the field's width (for beN, keyN and strN, two
 *       per byte of its container)
 * @size: bytes in @buf
 *
 * Since LIBP4TC_0.3.
 *
 * Return: the length of the text, or a negative errno as
 * p4tc_key_field_str().
 */
LIBP4TC_API int p4tc_key_field_mask_str(const struct p4tc_table *t, unsigned int i,
					const void *mask, size_t len, char *buf,
					size_t size);

/* Programs */

struct p4tc_filter_fields;

/**
 * struct p4tc_prog_load_opts - a program of a pipeline to load
 * @sz: size of this struct, for compatibility
 * @path: the BPF object file (required)
 * @section: the ELF section of the program, e.g. "p4tc/main" (required)
 * @fields: the identity of the filter that will run the program (struct
 *          p4tc_filter_fields of <p4tc/kfuncs.h>); NULL leaves the
 *          object's "p4tc_filter_fields" as it is
 * @pin_root: directory where maps marked LIBBPF_PIN_BY_NAME are pinned,
 *            created if missing; NULL: "/sys/fs/bpf/tc/globals"
 */
struct p4tc_prog_load_opts {
	size_t sz;
	const char *path;
	const char *section;
	const struct p4tc_filter_fields *fields;
	const char *pin_root;
	size_t :0;
};
#define p4tc_prog_load_opts__last_field pin_root

/**
 * p4tc_prog_load() - load one program of a pipeline for a "p4" filter
 * @h: handle
 * @opts: the program
 *
 * The BPF object is opened, its programs typed BPF_PROG_TYPE_SCHED_CLS,
 * and only the program of @opts->section loaded. Before loading, the
 * global variable "p4tc_filter_fields" in the object's .bss, if it has
 * one, is set to *@opts->fields. Maps the object shares by name are
 * reused from, or pinned to, @opts->pin_root. libbpf's messages, the
 * verifier log among them, go to the log callback meanwhile.
 *
 * This is how p4tc_filter_add() loads its programs; callers that build
 * the filter request themselves (a tc plugin) pass the fd in
 * TCA_P4_PROG_FD of <uapi/linux/tc_p4.h>.
 *
 * Ownership: the BPF object is closed before this returns; the program
 * keeps its maps, and those pinned stay pinned. The fd returned is the
 * caller's, close-on-exec, to close(2) once the filter holds the program.
 *
 * Return: the program's fd, or a negative errno: -EINVAL (bad options, a
 * section with several programs, a "p4tc_filter_fields" of another size),
 * -ENOENT (no object file or no program in the section), a libbpf or
 * verifier error (the verifier's: -EACCES, -EINVAL, ...).
 */
LIBP4TC_API int p4tc_prog_load(struct p4tc_handle *h,
			       const struct p4tc_prog_load_opts *opts);

/* "p4" TC filters */

/**
 * struct p4tc_tc_hook - where a filter attaches
 * @sz: size of this struct, for compatibility
 * @ifindex: a device, whose clsact qdisc must exist; 0 with @block_index
 * @block_index: a shared block, if @ifindex is 0
 * @egress: the device's egress hook instead of its ingress (devices only:
 *          a block's direction is the one its qdisc binds it to)
 */
struct p4tc_tc_hook {
	size_t sz;
	__u32 ifindex;
	__u32 block_index;
	bool egress;
	size_t :0;
};
#define p4tc_tc_hook__last_field egress

/**
 * struct p4tc_filter_opts - a filter to add or delete
 * @sz: size of this struct, for compatibility
 * @protocol: ETH_P_* in host byte order; 0 is ETH_P_ALL (add only)
 * @prio: priority; 0 on add: the kernel picks one
 * @handle: filter handle; 0 on add: the kernel picks one, on delete: every
 *          filter at @prio
 * @chain: chain index
 * @pname: the pipeline, which must be sealed (add only)
 * @classid: class id the filter reports, 0 for none (add only)
 * @parser_obj: BPF object file of the parser program, or NULL (add only)
 * @parser_sec: ELF section of the parser program, e.g. "p4tc/parse"
 * @main_obj: BPF object file of the main program (add only, required)
 * @main_sec: ELF section of the main program, e.g. "p4tc/main"
 * @pin_root: directory where maps marked LIBBPF_PIN_BY_NAME are pinned,
 *            created if missing; NULL: "/sys/fs/bpf/tc/globals"
 * @replace: replace the filter with the same prio and handle instead of
 *           failing with -EEXIST
 */
struct p4tc_filter_opts {
	size_t sz;
	__u16 protocol;
	__u16 prio;
	__u32 handle;
	__u32 chain;
	const char *pname;
	__u32 classid;
	const char *parser_obj;
	const char *parser_sec;
	const char *main_obj;
	const char *main_sec;
	const char *pin_root;
	bool replace;
	size_t :0;
};
#define p4tc_filter_opts__last_field replace

/**
 * struct p4tc_filter_prog - a program a filter runs
 * @id: program id, 0 if the filter has no such program
 * @tag: program tag
 * @name: the name it was given, "file.o:[section]"
 */
struct p4tc_filter_prog {
	__u32 id;
	__u8 tag[8];
	char name[256];
};

/**
 * struct p4tc_filter - a "p4" filter, as a dump reports it
 * @ifindex: its device, 0 for a block
 * @block_index: its block, 0 for a device
 * @egress: at the device's egress hook
 * @protocol: ETH_P_* in host byte order
 * @prio: priority
 * @handle: handle
 * @chain: chain index
 * @pname: pipeline name
 * @pipeid: pipeline id
 * @classid: class id, 0 for none
 * @parser: the parser program, run first
 * @main: the main program, run if the parser returns TC_ACT_PIPE
 */
struct p4tc_filter {
	__u32 ifindex;
	__u32 block_index;
	bool egress;
	__u16 protocol;
	__u16 prio;
	__u32 handle;
	__u32 chain;
	char pname[P4TC_NAME_LEN];
	__u32 pipeid;
	__u32 classid;
	struct p4tc_filter_prog parser;
	struct p4tc_filter_prog main;
};

/**
 * typedef p4tc_filter_cb - called for each "p4" filter of a dump
 * @f: the filter, valid during the call
 * @ctx: the caller's context
 *
 * Return: 0 to continue; anything else stops the dump, which returns it.
 */
typedef int (*p4tc_filter_cb)(const struct p4tc_filter *f, void *ctx);

/**
 * p4tc_filter_add() - load a pipeline's programs and attach a "p4" filter
 * @h: handle
 * @hook: where to attach
 * @opts: the filter
 *
 * Each program is loaded by p4tc_prog_load(), its "p4tc_filter_fields"
 * filled with the pipeline id and the filter's identity. libbpf's
 * messages, the verifier log among them, go to the log callback meanwhile.
 *
 * Return: 0, or a negative errno: -EINVAL for bad options, -ENOENT (no
 * pipeline, object file or section), a libbpf or verifier error, or the
 * kernel's rejection of the filter (-EEXIST, -EPERM, ...).
 */
LIBP4TC_API int p4tc_filter_add(struct p4tc_handle *h,
				const struct p4tc_tc_hook *hook,
				const struct p4tc_filter_opts *opts);

/**
 * p4tc_filter_delete() - delete "p4" filters
 * @h: handle
 * @hook: where they are attached
 * @opts: @prio (required) and @handle (0: all filters at @prio); @chain
 *
 * Return: 0, or a negative errno: -EINVAL, -ENOENT.
 */
LIBP4TC_API int p4tc_filter_delete(struct p4tc_handle *h,
				   const struct p4tc_tc_hook *hook,
				   const struct p4tc_filter_opts *opts);

/**
 * p4tc_filter_dump() - read the "p4" filters of a hook
 * @h: handle
 * @hook: the hook
 * @cb: called once per filter; filters of other kinds are skipped
 * @ctx: passed to @cb
 *
 * Return: 0, the non-zero value @cb returned, or a negative errno.
 */
LIBP4TC_API int p4tc_filter_dump(struct p4tc_handle *h,
				 const struct p4tc_tc_hook *hook,
				 p4tc_filter_cb cb, void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* __LIBP4TC_H */
