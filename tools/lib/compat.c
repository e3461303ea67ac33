// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The LIBP4TC_0.1 versions of the functions whose structs grew in 0.3:
 * programs linked against 0.1 pass struct p4tc_table and struct p4tc_entry
 * as they were then, which are the first fields of today's. Built into the
 * shared library only.
 */
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

struct p4tc_entry_v0_1 {
	__u32 table_id;
	char table_name[P4TC_NAME_LEN];
	__u32 keylen;
	__u8 key[P4TC_MAX_KEYSZ / 8];
	__u32 action_id;
	char action_name[P4TC_NAME_LEN];
	unsigned int nparams;
	struct p4tc_param_value params[P4TC_MAX_PARAMS];
};

_Static_assert(offsetof(struct p4tc_table, nentries) ==
	       offsetof(struct p4tc_table_v0_1, nentries) &&
	       offsetof(struct p4tc_table, counters) >= sizeof(struct p4tc_table_v0_1),
	       "struct p4tc_table starts as in LIBP4TC_0.1");
_Static_assert(offsetof(struct p4tc_entry, params) ==
	       offsetof(struct p4tc_entry_v0_1, params) &&
	       offsetof(struct p4tc_entry, has) >= sizeof(struct p4tc_entry_v0_1),
	       "struct p4tc_entry starts as in LIBP4TC_0.1");

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

static struct p4tc_entry *p4tc_entry_v0_1_in(struct p4tc_entry *e,
					     const struct p4tc_entry_v0_1 *old)
{
	if (!old)
		return NULL;
	memset(e, 0, sizeof(*e));
	memcpy(e, old, sizeof(*old));
	return e;
}

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
	struct p4tc_entry e;

	return p4tc_entry_create_v0_3(h, pname, p4tc_entry_v0_1_in(&e, old));
}
P4TC_COMPAT_VERSION(p4tc_entry_create_v0_1, p4tc_entry_create, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_update_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e;

	return p4tc_entry_update_v0_3(h, pname, p4tc_entry_v0_1_in(&e, old));
}
P4TC_COMPAT_VERSION(p4tc_entry_update_v0_1, p4tc_entry_update, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_get_v0_1(struct p4tc_handle *h, const char *pname,
				    struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e;
	int err;

	err = p4tc_entry_get_v0_3(h, pname, p4tc_entry_v0_1_in(&e, old));
	if (!err)
		memcpy(old, &e, sizeof(*old));
	return err;
}
P4TC_COMPAT_VERSION(p4tc_entry_get_v0_1, p4tc_entry_get, LIBP4TC_0.1)

LIBP4TC_API int p4tc_entry_delete_v0_1(struct p4tc_handle *h, const char *pname,
				       const struct p4tc_entry_v0_1 *old)
{
	struct p4tc_entry e;

	return p4tc_entry_delete_v0_3(h, pname, p4tc_entry_v0_1_in(&e, old));
}
P4TC_COMPAT_VERSION(p4tc_entry_delete_v0_1, p4tc_entry_delete, LIBP4TC_0.1)

#endif /* LIBP4TC_SHARED */
