/* SPDX-License-Identifier: GPL-2.0 */
/* What the host unit tests of libp4tc's messages share. */
#ifndef _P4TC_TESTS_LIB_UTIL_H
#define _P4TC_TESTS_LIB_UTIL_H

#include <stdio.h>
#include <linux/genetlink.h>

#include "internal.h"

/* A handle whose requests are built but never sent: no family lookup. */
static inline struct p4tc_handle *offline_handle(void)
{
	struct p4tc_handle *h = p4tc_open(NULL);

	if (h)
		h->family = 0x7f00;
	return h;
}

/* The first attribute @type of a message or nest. */
static inline const struct nlattr *find_attr(const struct nlmsghdr *nlh,
					     const struct nlattr *nest, unsigned int type)
{
	const struct nlattr *attr;

	if (nest) {
		mnl_attr_for_each_nested(attr, nest)
			if (mnl_attr_get_type(attr) == type)
				return attr;
		return NULL;
	}
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == type)
			return attr;
	return NULL;
}

/* Add a key field of a type given as the CLI spells it. */
static inline void add_keyfield(struct p4tc_table *t, const char *name, const char *type)
{
	struct p4tc_keyfield *kf = &t->keyfields[t->nkeyfields++];

	snprintf(kf->name, sizeof(kf->name), "%s", name);
	p4tc_type_parse(type, &kf->type, &kf->bitsz);
	kf->id = t->nkeyfields;
	kf->match = P4TC_MATCH_EXACT;
}

#endif /* _P4TC_TESTS_LIB_UTIL_H */
