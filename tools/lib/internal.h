/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * libp4tc internals: the handle, error and log helpers, option checks and
 * the netlink layer the object files share.
 */
#ifndef __LIBP4TC_INTERNAL_H
#define __LIBP4TC_INTERNAL_H

#include <errno.h>
#include <stdarg.h>
#include <libmnl/libmnl.h>

#include "libp4tc.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define P4TC_ERRMSG_LEN 512

/* One netlink socket and its request sequence. */
struct p4tc_nl {
	struct mnl_socket *sock;
	unsigned int portid;
	unsigned int seq;
};

#define P4TC_REQ_SIZE P4TC_BATCH_MSG_SIZE_MAX

struct p4tc_handle {
	struct p4tc_nl genl;
	struct p4tc_nl rtnl;
	/* "p4tc" family id, 0 until resolved */
	__u16 family;
	p4tc_log_fn_t log_fn;
	void *log_ctx;
	char errmsg[P4TC_ERRMSG_LEN];
	/*
	 * requests are built here: one object's fields (names and arrays are
	 * bounded) always fit; const entries and batches are checked
	 */
	char req[P4TC_REQ_SIZE];
	/* replies; large enough for a dump's multi-part batches */
	char *resp;
	/* events: their socket once subscribed, and what they are read into */
	struct mnl_socket *events;
	struct p4tc_event_bufs *event_bufs;
	char *event_buf;
};

#define P4TC_RESP_SIZE 32768

/*
 * Options checks as libbpf's OPTS_VALID(): @opts may be NULL; fields past
 * the ones this library knows must be zero.
 */
#define offsetofend(TYPE, FIELD) \
	(offsetof(TYPE, FIELD) + sizeof(((TYPE *)0)->FIELD))

#define OPTS_VALID(h, opts, type)					\
	(!(opts) || p4tc_validate_opts(h, (const char *)(opts),	\
				       offsetofend(struct type,		\
						   type##__last_field),	\
				       (opts)->sz, #type))

#define OPTS_HAS(opts, field) \
	((opts) && (opts)->sz >= offsetofend(typeof(*(opts)), field))

#define OPTS_GET(opts, field, fallback_value) \
	(OPTS_HAS(opts, field) ? (opts)->field : fallback_value)

bool p4tc_validate_opts(struct p4tc_handle *h, const char *opts,
			size_t known_sz, size_t user_sz, const char *type);

/* errno for the caller, as libbpf's libbpf_err() */
static inline int p4tc_ret(int ret)
{
	if (ret < 0)
		errno = -ret;
	return ret;
}

void p4tc_clear_err(struct p4tc_handle *h);

/*
 * Fail with @err and keep a message explaining it, which p4tc_errmsg()
 * returns. Returns @err.
 */
int p4tc_err(struct p4tc_handle *h, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The library's own messages, "libp4tc: " first, to the log callback. */
void p4tc_log(struct p4tc_handle *h, enum p4tc_log_level level,
	      const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Any message (libbpf's, say) to the log callback, as it is. */
void p4tc_vlog(struct p4tc_handle *h, enum p4tc_log_level level,
	       const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));

/* A name that fits an object's name field (non-empty, NUL within it). */
int p4tc_check_name(struct p4tc_handle *h, const char *what, const char *name);

/*
 * Creates return the new id as an int: ids above INT_MAX can be neither
 * asked for nor returned. 0 or -ERANGE.
 */
int p4tc_check_id(struct p4tc_handle *h, const char *what, __u32 id);

/*
 * Functions whose structs grew since LIBP4TC_0.1 (p4tc_table, p4tc_action,
 * p4tc_entry and the values of its params) keep their first version for
 * the programs linked against it, as
 * libbpf's COMPAT_VERSION: NAME_v0_1 (compat.c) is NAME@LIBP4TC_0.1 and
 * NAME_v0_3 the default NAME@@LIBP4TC_0.3 of the shared library. The
 * static library has no old versions: NAME is NAME_v0_3.
 */
#ifdef LIBP4TC_SHARED
#define P4TC_COMPAT_VERSION(internal, api, version) \
	__asm__(".symver " #internal "," #api "@" #version);
#define P4TC_DEFAULT_VERSION(internal, api, version) \
	__asm__(".symver " #internal "," #api "@@" #version);
#else
#define P4TC_COMPAT_VERSION(internal, api, version)
#define P4TC_DEFAULT_VERSION(internal, api, version) \
	extern typeof(internal) api __attribute__((alias(#internal)));
#endif

LIBP4TC_API int p4tc_table_create_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table *t);
LIBP4TC_API int p4tc_table_update_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table *t);
LIBP4TC_API int p4tc_table_get_v0_3(struct p4tc_handle *h, const char *pname,
				    struct p4tc_table *t);
LIBP4TC_API int p4tc_action_create_v0_3(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action *a);
LIBP4TC_API int p4tc_action_update_v0_3(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action *a);
LIBP4TC_API int p4tc_action_get_v0_3(struct p4tc_handle *h, const char *pname,
				     struct p4tc_action *a);
LIBP4TC_API int p4tc_entry_create_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e);
LIBP4TC_API int p4tc_entry_update_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e);
LIBP4TC_API int p4tc_entry_get_v0_3(struct p4tc_handle *h, const char *pname,
				    struct p4tc_entry *e);
LIBP4TC_API int p4tc_entry_delete_v0_3(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry *e);
LIBP4TC_API int p4tc_entry_dump_v0_3(struct p4tc_handle *h, const char *pname,
				     const struct p4tc_table *t, p4tc_entry_cb cb, void *ctx);

/* Netlink (nl.c) */

/*
 * Called for each reply message; returns 0 to go on or a non-zero value that
 * stops the replies' processing and becomes the request's result.
 */
typedef int (*p4tc_reply_fn)(const struct nlmsghdr *nlh, void *data);

/* Start a p4tc request in h->req; NULL (and errno) if the family is missing. */
struct nlmsghdr *p4tc_genl_start(struct p4tc_handle *h, __u8 cmd, __u16 flags);

/* Start an rtnetlink request in h->req, with its struct tcmsg. */
struct nlmsghdr *p4tc_rtnl_start(struct p4tc_handle *h, __u16 type, __u16 flags);

/*
 * Send the request in h->req and process its replies up to the ack or the
 * end of the dump; keeps the extack message of an error.
 */
int p4tc_genl_talk(struct p4tc_handle *h, struct nlmsghdr *nlh,
		   p4tc_reply_fn fn, void *data);
int p4tc_rtnl_talk(struct p4tc_handle *h, struct nlmsghdr *nlh,
		   p4tc_reply_fn fn, void *data);
/*
 * Send the request in h->req without asking for an ack: the kernel handles
 * it before the send returns, so only an error, if any, is waiting. 0 or
 * the error, with its extack message kept.
 */
int p4tc_genl_send_noack(struct p4tc_handle *h, struct nlmsghdr *nlh);

/*
 * Attribute tables: tb[type] for each known attribute of a nest or message;
 * @policy gives each known type's data type, MNL_TYPE_UNSPEC (0) for types
 * to skip, as are types above @max (attributes newer than this library).
 */
int p4tc_nl_parse(const struct nlattr *nest, const enum mnl_attr_data_type *policy,
		  unsigned int max, const struct nlattr **tb);
int p4tc_nl_parse_msg(const struct nlmsghdr *nlh, size_t hdrlen,
		      const enum mnl_attr_data_type *policy, unsigned int max,
		      const struct nlattr **tb);

/* Parse the attributes of a p4tc message: tb[P4TC_A_*]. */
int p4tc_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb);

/* Copy a string attribute into a name field; -EBADMSG if it is too long. */
int p4tc_nl_copy_name(char *dst, size_t size, const struct nlattr *attr);

/* Attributes of a P4TC_PARAM_A_* nest, in templates, entries and externs (action.c). */
extern const enum mnl_attr_data_type p4tc_param_policy[P4TC_PARAM_A_MAX + 1];

/* Put the P4TC_A_PIPELINE nest naming pipeline @pname. */
void p4tc_nl_put_pipeline_name(struct nlmsghdr *nlh, const char *pname);

/* Types (types.c) */
typedef unsigned __int128 p4tc_u128;

/* All ones in the low @bitsz bits (bitsz <= 128). */
p4tc_u128 p4tc_umax(unsigned int bitsz);
/* Store @v in a host-order container of @size bytes. */
void p4tc_store_uint(void *buf, int size, p4tc_u128 v);
/* Load a host-order container of @size bytes, sign-extended if @is_signed. */
p4tc_u128 p4tc_load_uint(const void *buf, int size, bool is_signed);

/* Keys (key.c) */

/*
 * The value of key field @i into @key and @mask (@len bytes each), with a
 * "/PREFIX" or "/MASK" if @with_mask (else a '/' belongs to the value);
 * the field lies at *@offp, *@sizep bytes (either may be NULL).
 */
int p4tc_key_field_parse_any(const struct p4tc_table *t, unsigned int i, const char *str,
			     bool with_mask, void *key, void *mask, size_t len,
			     unsigned int *offp, unsigned int *sizep);
/* Whether a field's container is a host-order integer (bitN, intN, dev, rate, bool). */
bool p4tc_type_host_order(__u32 type);

/*
 * Param values (entry.c), of entries, default actions and action and
 * extern instances; @obj names what has them ("action", "extern
 * instance") in messages.
 */
int p4tc_param_values_check(struct p4tc_handle *h, const char *obj, const char *name,
			    const struct p4tc_param_value *params, unsigned int nparams);
void p4tc_param_values_put(struct nlmsghdr *nlh, __u16 type,
			   const struct p4tc_param_value *params, unsigned int nparams);
/* The param nests of type @type in @nest, appended to @params. */
int p4tc_param_values_parse(const struct nlattr *nest, __u16 type,
			    struct p4tc_param_value *params, unsigned int *nparams);
/* A P4TC_TM_A_* nest (entries, action instances): the times given. */
int p4tc_tm_parse(const struct nlattr *nest, __u64 *created, __u64 *lastused,
		  __u64 *firstused);
/* A P4TC_COUNTERS_A_* nest: the counts given. */
int p4tc_counters_parse(const struct nlattr *nest, __u64 *packets, __u64 *bytes);

/* Entries (entry.c) */

/* What p4tc_entry_put() sends besides the key, mask and prio. */
enum {
	P4TC_ENTRY_PUT_TABLE	= 1U << 0,	/* the table's id and name */
	P4TC_ENTRY_PUT_ATTRS	= 1U << 1,	/* action, params, permissions, aging */
};

/* Check an entry's fields, and with @table its table's id and name. */
int p4tc_entry_check_one(struct p4tc_handle *h, const struct p4tc_entry *e, bool table);
/* Bytes the nest of @e takes. */
size_t p4tc_entry_size(const struct p4tc_entry *e, unsigned int what);
/*
 * Put @e as a nest of type @type, if the message stays within @size
 * bytes: false (and nothing put) if not.
 */
bool p4tc_entry_put(struct nlmsghdr *nlh, size_t size, __u16 type,
		    const struct p4tc_entry *e, unsigned int what);
/* Put as many of @n entries as @size allows as P4TC_A_ENTRY: how many. */
/*
 * Put the run of entries from @entries on (at most @n) that one bulk nest
 * (P4TC_A_ENTRY_BULK) can carry, as many as fit in @size bytes of message.
 * Returns how many, 0 (and puts nothing) if that is under P4TC_BULK_MIN.
 */
#define P4TC_BULK_MIN	8
unsigned int p4tc_entry_bulk_fill(struct nlmsghdr *nlh, size_t size,
				  const struct p4tc_entry *entries, unsigned int n);
unsigned int p4tc_entry_batch_fill(struct nlmsghdr *nlh, size_t size,
				   const struct p4tc_entry *entries, unsigned int n,
				   unsigned int what);
/*
 * After a batch message with @n entries from index @first of @total failed
 * with @err: the error message names the entry in the batch, and the
 * return is how many of the message's entries were applied.
 */
unsigned int p4tc_batch_errmsg(struct p4tc_handle *h, int err, unsigned int first,
			       unsigned int n, unsigned int total);
/* Parse a P4TC_A_ENTRY or P4TC_TABLE_A_ENTRY nest. */
int p4tc_entry_parse(const struct nlattr *nest, struct p4tc_entry *e);

/* Actions (action.c) */
struct nlmsghdr *p4tc_action_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				     const char *pname, const struct p4tc_action *a);
/* Parse a message with a P4TC_A_ACTION nest. */
int p4tc_action_parse(const struct nlmsghdr *nlh, struct p4tc_action *a);
/* Parse a message with a P4TC_A_ACTINST nest (actinst.c). */
int p4tc_actinst_parse(const struct nlmsghdr *nlh, struct p4tc_action_inst *ai);

/* Template flushes (action.c): cmd *_DEL with an empty @attr nest; the count. */
struct nlmsghdr *p4tc_tmpl_flush_request(struct p4tc_handle *h, __u8 cmd, __u16 attr,
					 const char *pname);
int p4tc_tmpl_flush(struct p4tc_handle *h, __u8 cmd, __u16 attr, const char *pname);
/* Read P4TC_A_COUNT into the __u32 at @data. */
int p4tc_tmpl_flush_reply(const struct nlmsghdr *nlh, void *data);

/* Entry filters (entry_filter.c): put @f as a nest of type @type. */
void p4tc_entry_filter_put(struct nlmsghdr *nlh, __u16 type, const struct p4tc_entry_filter *f);
/* A request on table @t (non-NULL): dumps and flushes, with filter @f if not NULL. */
struct nlmsghdr *p4tc_entry_table_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_table *t,
					  const struct p4tc_entry_filter *f);

/* Tables (table.c) */
struct nlmsghdr *p4tc_table_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				    const char *pname, const struct p4tc_table *t);
/* Parse a message with a P4TC_A_TABLE nest. */
int p4tc_table_parse(const struct nlmsghdr *nlh, struct p4tc_table *t);

/* Externs (extern.c): requests, and messages with their nests parsed. */
struct nlmsghdr *p4tc_extern_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				     const struct p4tc_extern *ext);
int p4tc_extern_parse(const struct nlmsghdr *nlh, struct p4tc_extern *ext);
struct nlmsghdr *p4tc_extern_inst_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_extern_inst *ei);
int p4tc_extern_inst_parse(const struct nlmsghdr *nlh, struct p4tc_extern_inst *ei);

/* What an element request sends besides the kind and the instance. */
enum {
	P4TC_EXTELEM_PUT_INDEX	= 1U << 0,
	P4TC_EXTELEM_PUT_PARAMS	= 1U << 1,
};

struct nlmsghdr *p4tc_extern_elem_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_extern_elem *el,
					  unsigned int what);
int p4tc_extern_elem_parse(const struct nlmsghdr *nlh, struct p4tc_extern_elem *el);

/* Pipelines (pipeline.c): look a pipeline's id up by name. */
int p4tc_pipeline_id(struct p4tc_handle *h, const char *pname, __u32 *id);
/* Parse a message with a P4TC_A_PIPELINE nest. */
int p4tc_pipeline_parse(const struct nlmsghdr *nlh, struct p4tc_pipeline *p);

/* Events (event.c) */
struct p4tc_event_bufs;
/* Parse an event message into @ev, its objects in @bufs: 0, 1 to skip it, or -EBADMSG. */
int p4tc_event_parse(const struct nlmsghdr *nlh, __u16 family, struct p4tc_event_bufs *bufs,
		     struct p4tc_event *ev);
struct p4tc_event_bufs *p4tc_event_bufs_new(void);
/* The family's id and its groups' (events, digest), from CTRL_CMD_GETFAMILY. */
struct p4tc_family_info {
	__u16 family;
	__u32 group;
	__u32 digest_group;
};

/* A CTRL_CMD_GETFAMILY reply into the struct p4tc_family_info at @data. */
int p4tc_family_info_parse(const struct nlmsghdr *nlh, void *data);

#endif /* __LIBP4TC_INTERNAL_H */
