// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The LIBP4TC_0.1 versions of the functions whose structs grew in 0.3:
 * programs linked against 0.1 pass struct p4tc_table and struct
 * p4tc_action as they were then, the first fields of today's, and struct p4tc_entry with the 16-byte values
 * of then, converted both ways. Built into the shared library only.
 */
#include <stdlib.h>

#include "internal.h"

#ifdef LIBP4TC_SHARED

struct p4tc_table_v0_1 {
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
};

struct p4tc_action_v0_1 {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 has;
	bool active;
	unsigned int nparams;
	struct p4tc_param params[P4TC_MAX_PARAMS];
};

_Static_assert(offsetof(struct p4tc_action, params) ==
	       offsetof(struct p4tc_action_v0_1, params) &&
	       offsetof(struct p4tc_action, num_prealloc) >= sizeof(struct p4tc_action_v0_1),
	       "struct p4tc_action starts as in LIBP4TC_0.1");

/* Values had 16 bytes at most then. */
#define P4TC_MAX_VALUE_SIZE_V0_1 16

struct p4tc_param_value_v0_1 {
	__u32 id;
	char name[P4TC_NAME_LEN];
	__u32 len;
	__u8 value[P4TC_MAX_VALUE_SIZE_V0_1];
};

struct p4tc_entry_v0_1 {
	__u32 table_id;
	char table_name[P4TC_NAME_LEN];
	__u32 keylen;
	__u8 key[P4TC_MAX_KEYSZ / 8];
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	unsigned int nparams;
	struct p4tc_param_value_v0_1 params[P4TC_MAX_PARAMS];
};

_Static_assert(offsetof(struct p4tc_table, nentries) ==
	       offsetof(struct p4tc_table_v0_1, nentries) &&
	       offsetof(struct p4tc_table, counters) >= sizeof(struct p4tc_table_v0_1),
	       "struct p4tc_table starts as in LIBP4TC_0.1");
/* Its params' values grew in 0.3: they are converted one by one. */
_Static_assert(offsetof(struct p4tc_entry, params) ==
	       offsetof(struct p4tc_entry_v0_1, params),
	       "struct p4tc_entry starts as in LIBP4TC_0.1 up to its params");

/* A table of today from a 0.1 one, the new fields zero; NULL stays NULL. */
static struct p4tc_table *p4tc_table_v0_1_in(struct p4tc_table *t,
					     const struct p4tc_table_v0_1 *old)
{
	if (!old)
		return NULL;
	memset(t, 0, sizeof(*t));
	memcpy(t, old, sizeof(*old));
	return t;
}

/*
 * An entry of today from a 0.1 one, the new fields zero; NULL stays NULL.
 * A value longer than 0.1's 16 bytes is refused, as 0.1 refused it.
 */
static int p4tc_entry_v0_1_in(struct p4tc_handle *h, struct p4tc_entry **ep,
			      const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry *e = *ep;
	unsigned int i;

	if (!old) {
		*ep = NULL;
		return 0;
	}
	memset(e, 0, sizeof(*e));
	memcpy(e, old, offsetof(struct p4tc_entry_v0_1, params));
	for (i = 0; i < old->nparams && i < P4TC_MAX_PARAMS; i++) {
		const struct p4tc_param_value_v0_1 *pv = &old->params[i];

		if (pv->len > sizeof(pv->value)) {
			p4tc_clear_err(h);
			return p4tc_ret(p4tc_err(h, -EINVAL, "param %.*s: value of %u bytes, at most %zu",
						 P4TC_NAME_LEN, pv->name, pv->len,
						 sizeof(pv->value)));
		}
		e->params[i].id = pv->id;
		memcpy(e->params[i].name, pv->name, sizeof(pv->name));
		e->params[i].len = pv->len;
		memcpy(e->params[i].value, pv->value, pv->len);
	}
	return 0;
}

/*
 * A 0.1 entry from one of today: -EOVERFLOW for a value longer than 16
 * bytes (a str or key param), which it cannot hold.
 */
static int p4tc_entry_v0_1_out(struct p4tc_handle *h, struct p4tc_entry_v0_1 *old,
			       const struct p4tc_entry *e)
{
	unsigned int i;

	for (i = 0; i < e->nparams; i++)
		if (e->params[i].len > P4TC_MAX_VALUE_SIZE_V0_1)
			return p4tc_ret(p4tc_err(h, -EOVERFLOW,
						 "param %s: its value of %u bytes does not fit LIBP4TC_0.1's struct p4tc_entry (16 bytes)",
						 e->params[i].name, e->params[i].len));
	memset(old, 0, sizeof(*old));
	memcpy(old, e, offsetof(struct p4tc_entry_v0_1, params));
	for (i = 0; i < e->nparams; i++) {
		old->params[i].id = e->params[i].id;
		memcpy(old->params[i].name, e->params[i].name, sizeof(old->params[i].name));
		old->params[i].len = e->params[i].len;
		memcpy(old->params[i].value, e->params[i].value, e->params[i].len);
	}
	return 0;
}

static struct p4tc_action *p4tc_action_v0_1_in(struct p4tc_action *a,
					       const struct p4tc_action_v0_1 *old)
{
	if (!old)
		return NULL;
	memset(a, 0, sizeof(*a));
	memcpy(a, old, sizeof(*old));
	/* 0.1 knew no more flags: the new ones were not asked for. */
	a->has &= P4TC_ACTION_HAS_ACTIVE;
	return a;
}

LIBP4TC_API int p4tc_action_create_v0_1(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_v0_1 *old)
{
	struct p4tc_action a;

	return p4tc_action_create_v0_3(h, pname, p4tc_action_v0_1_in(&a, old));
}
P4TC_COMPAT_VERSION(p4tc_action_create_v0_1, p4tc_action_create, LIBP4TC_0.1)

LIBP4TC_API int p4tc_action_update_v0_1(struct p4tc_handle *h, const char *pname,
					const struct p4tc_action_v0_1 *old)
{
	struct p4tc_action a;

	return p4tc_action_update_v0_3(h, pname, p4tc_action_v0_1_in(&a, old));
}
P4TC_COMPAT_VERSION(p4tc_action_update_v0_1, p4tc_action_update, LIBP4TC_0.1)

LIBP4TC_API int p4tc_action_get_v0_1(struct p4tc_handle *h, const char *pname,
				     struct p4tc_action_v0_1 *old)
{
	struct p4tc_action a;
	int err;

	err = p4tc_action_get_v0_3(h, pname, p4tc_action_v0_1_in(&a, old));
	if (!err) {
		a.has &= P4TC_ACTION_HAS_ACTIVE;
		memcpy(old, &a, sizeof(*old));
	}
	return err;
}
P4TC_COMPAT_VERSION(p4tc_action_get_v0_1, p4tc_action_get, LIBP4TC_0.1)

LIBP4TC_API int p4tc_table_create_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table_v0_1 *old)
{
	struct p4tc_table t;

	return p4tc_table_create_v0_3(h, pname, p4tc_table_v0_1_in(&t, old));
}
P4TC_COMPAT_VERSION(p4tc_table_create_v0_1, p4tc_table_create, LIBP4TC_0.1)

LIBP4TC_API int p4tc_table_update_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_table_v0_1 *old)
{
	struct p4tc_table t;

	return p4tc_table_update_v0_3(h, pname, p4tc_table_v0_1_in(&t, old));
}
P4TC_COMPAT_VERSION(p4tc_table_update_v0_1, p4tc_table_update, LIBP4TC_0.1)

LIBP4TC_API int p4tc_table_get_v0_1(struct p4tc_handle *h, const char *pname,
				    struct p4tc_table_v0_1 *old)
{
	struct p4tc_table t;
	int err;

	err = p4tc_table_get_v0_3(h, pname, p4tc_table_v0_1_in(&t, old));
	if (!err)
		memcpy(old, &t, sizeof(*old));
	return err;
}
P4TC_COMPAT_VERSION(p4tc_table_get_v0_1, p4tc_table_get, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_create_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e, *ep = &e;

	return p4tc_entry_v0_1_in(h, &ep, old) ?: p4tc_entry_create_v0_3(h, pname, ep);
}
P4TC_COMPAT_VERSION(p4tc_entry_create_v0_1, p4tc_entry_create, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_update_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e, *ep = &e;

	return p4tc_entry_v0_1_in(h, &ep, old) ?: p4tc_entry_update_v0_3(h, pname, ep);
}
P4TC_COMPAT_VERSION(p4tc_entry_update_v0_1, p4tc_entry_update, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_get_v0_1(struct p4tc_handle *h, const char *pname,
				    struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e, *ep = &e;
	int err;

	err = p4tc_entry_v0_1_in(h, &ep, old) ?: p4tc_entry_get_v0_3(h, pname, ep);
	if (!err)
		err = p4tc_entry_v0_1_out(h, old, &e);
	return err;
}
P4TC_COMPAT_VERSION(p4tc_entry_get_v0_1, p4tc_entry_get, LIBP4TC_0.1)

/* A 0.1 dump callback gets the entries as they were then. */
struct p4tc_entry_dump_v0_1 {
	struct p4tc_handle *h;
	int (*cb)(const struct p4tc_entry_v0_1 *e, void *ctx);
	void *ctx;
	struct p4tc_entry_v0_1 old;
};

static int p4tc_entry_dump_v0_1_cb(const struct p4tc_entry *e, void *data)
{
	struct p4tc_entry_dump_v0_1 *d = data;

	return p4tc_entry_v0_1_out(d->h, &d->old, e) ?: d->cb(&d->old, d->ctx);
}

LIBP4TC_API int p4tc_entry_dump_v0_1(struct p4tc_handle *h, const char *pname,
				     const struct p4tc_table_v0_1 *t,
				     int (*cb)(const struct p4tc_entry_v0_1 *e, void *ctx),
				     void *ctx)
{
	struct p4tc_entry_dump_v0_1 *d;
	struct p4tc_table table;
	int err;

	if (!cb)
		return p4tc_entry_dump_v0_3(h, pname, p4tc_table_v0_1_in(&table, t), NULL, NULL);
	d = calloc(1, sizeof(*d));
	if (!d)
		return p4tc_ret(-ENOMEM);
	d->h = h;
	d->cb = cb;
	d->ctx = ctx;
	err = p4tc_entry_dump_v0_3(h, pname, p4tc_table_v0_1_in(&table, t),
				   p4tc_entry_dump_v0_1_cb, d);
	free(d);
	return err;
}
P4TC_COMPAT_VERSION(p4tc_entry_dump_v0_1, p4tc_entry_dump, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_delete_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e, *ep = &e;

	return p4tc_entry_v0_1_in(h, &ep, old) ?: p4tc_entry_delete_v0_3(h, pname, ep);
}
P4TC_COMPAT_VERSION(p4tc_entry_delete_v0_1, p4tc_entry_delete, LIBP4TC_0.1)

#endif /* LIBP4TC_SHARED */
