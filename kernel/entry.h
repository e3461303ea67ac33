/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What entry.c and bulk.c share: a request's entry, and bulk records.
 */
#ifndef _P4TC_ENTRY_H
#define _P4TC_ENTRY_H

#include "p4tc.h"

/**
 * struct p4tc_entry_req - one entry of a request: its table and attributes
 * @p: pipeline
 * @t: table
 * @nest: the entry's nest (P4TC_A_ENTRY, a const entry or a bulk nest)
 * @tb: its attributes (none for a bulk nest)
 * @net: namespace
 * @extack: error report
 * @who: who makes the request
 * @obj: "table PIPE/TABLE", for messages
 */
struct p4tc_entry_req {
	struct p4tc_pipeline *p;
	struct p4tc_table *t;
	const struct nlattr *nest;
	struct nlattr *tb[P4TC_ENTRY_A_MAX + 1];
	struct net *net;
	struct netlink_ext_ack *extack;
	struct p4tc_who who;
	char obj[2 * P4TC_NAME_LEN + 8];
};

/*
 * Records built, then inserted under one hold of the table's lock (their
 * pointers are on the stack), between two chances for other tasks to run.
 */
#define P4TC_BULK_CHUNK		32

/**
 * struct p4tc_entry_bulk - a P4TC_A_ENTRY_BULK nest, checked once for all its records
 * @a: the action, NULL for none
 * @params: the params in the records' order
 * @nparams: how many
 * @records: the records
 * @reclen: bytes of a record
 * @nrecords: how many
 */
struct p4tc_entry_bulk {
	const struct p4tc_action *a;
	const struct p4tc_type_info *params[P4TC_MAX_PARAMS];
	unsigned int nparams;
	const u8 *records;
	u32 reclen;
	u32 nrecords;
};

int p4tc_entry_check_key(struct p4tc_entry_req *req, const u8 *key);
int p4tc_entry_take_prio(struct p4tc_entry_req *req, struct p4tc_entry *e);
void p4tc_entry_insert_failed(struct p4tc_entry_req *req, int err);

u32 p4tc_bulk_count(const struct nlattr *nest);
int p4tc_bulk_init(struct p4tc_entry_req *req, struct p4tc_entry_bulk *b,
		   struct p4tc_pipeline *p, const struct nlattr *nest, struct net *net,
		   struct netlink_ext_ack *extack);
u32 p4tc_bulk_add(struct p4tc_entry_req *req, const struct p4tc_entry_bulk *b,
		  u32 first, u32 n, int *err);

#endif /* _P4TC_ENTRY_H */
