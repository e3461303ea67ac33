/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause */
/*
 * p4tc generic netlink family: P4 pipelines, action templates, tables and
 * table entries, per network namespace.
 *
 * Every command carries P4TC_A_PIPELINE with the pipeline's id or name (or
 * both); action, table and entry commands add their object's nest. Replies
 * and dumps use the same layout, with every attribute filled in.
 */
#ifndef _UAPI_LINUX_P4TC_H
#define _UAPI_LINUX_P4TC_H

#define P4TC_FAMILY_NAME	"p4tc"
#define P4TC_FAMILY_VERSION	1

#define P4TC_NAME_LEN			32	/* object names, with the NUL */
#define P4TC_MAX_PIPELINES		32	/* per network namespace */
#define P4TC_MAX_TABLES			32	/* per pipeline (numtables) */
#define P4TC_MAX_ACTIONS		128	/* per pipeline */
#define P4TC_MAX_KEYSZ			512	/* bits */
#define P4TC_MAX_KEY_FIELDS		32
#define P4TC_MAX_TENTRIES		0x2000000
#define P4TC_DEFAULT_TENTRIES		256
#define P4TC_MAX_NUMMASKS		1024
#define P4TC_DEFAULT_NUMMASKS		8
#define P4TC_MAX_PARAMS			16	/* per action */
#define P4TC_MAX_PARAM_DATA_SIZE	124	/* bytes, all params of one action */

/*
 * Table permissions: 14 bits, control path CRUDXPS in bits 13..7, data
 * path CRUDXPS in bits 6..0 (Create Read Update Delete eXecute Publish
 * Subscribe). The default is 0x3DA4: control CRUD-PS, data -R--X--.
 */
#define P4TC_CTRL_PERM_C		(1 << 13)
#define P4TC_CTRL_PERM_R		(1 << 12)
#define P4TC_CTRL_PERM_U		(1 << 11)
#define P4TC_CTRL_PERM_D		(1 << 10)
#define P4TC_CTRL_PERM_X		(1 << 9)
#define P4TC_CTRL_PERM_P		(1 << 8)
#define P4TC_CTRL_PERM_S		(1 << 7)
#define P4TC_DATA_PERM_C		(1 << 6)
#define P4TC_DATA_PERM_R		(1 << 5)
#define P4TC_DATA_PERM_U		(1 << 4)
#define P4TC_DATA_PERM_D		(1 << 3)
#define P4TC_DATA_PERM_X		(1 << 2)
#define P4TC_DATA_PERM_P		(1 << 1)
#define P4TC_DATA_PERM_S		(1 << 0)
#define P4TC_PERM_MASK			0x3FFF
#define P4TC_DEFAULT_PERMISSIONS	0x3DA4

enum p4tc_pipeline_state {
	P4TC_PIPELINE_STATE_UNSEALED = 1,
	P4TC_PIPELINE_STATE_READY,		/* sealed: entries allowed */
};

enum p4tc_table_type {
	P4TC_TABLE_TYPE_EXACT = 1,
};

enum p4tc_match {
	P4TC_MATCH_EXACT = 1,
};

/*
 * Types of action parameters and key fields, with their containers (the
 * bytes they take in a params block or a key blob):
 *   BIT, INT  bitsz 1..128, in 1, 2, 4, 8 or 16 bytes, host byte order
 *   BE        bitsz 16, 32 or 64, network byte order
 *   MACADDR   48 bits: 6 bytes in network order, then 2 zero bytes
 *   IPV4      4 bytes, network order; IPV6 16 bytes, network order
 *   DEV       an ifindex, 4 bytes, host order
 *   BOOL      1 byte, 0 or 1
 */
enum p4tc_type {
	P4TC_T_BIT = 1,
	P4TC_T_INT,
	P4TC_T_BE,
	P4TC_T_MACADDR,
	P4TC_T_IPV4,
	P4TC_T_IPV6,
	P4TC_T_DEV,
	P4TC_T_BOOL,
};

enum p4tc_cmd {
	P4TC_CMD_PIPELINE_NEW = 1,
	P4TC_CMD_PIPELINE_SET,
	P4TC_CMD_PIPELINE_GET,
	P4TC_CMD_PIPELINE_DEL,
	P4TC_CMD_ACTION_NEW,
	P4TC_CMD_ACTION_SET,
	P4TC_CMD_ACTION_GET,
	P4TC_CMD_ACTION_DEL,
	P4TC_CMD_TABLE_NEW,
	P4TC_CMD_TABLE_SET,
	P4TC_CMD_TABLE_GET,
	P4TC_CMD_TABLE_DEL,
	P4TC_CMD_ENTRY_NEW,
	P4TC_CMD_ENTRY_SET,
	P4TC_CMD_ENTRY_GET,
	P4TC_CMD_ENTRY_DEL,

	__P4TC_CMD_MAX,
	P4TC_CMD_MAX = (__P4TC_CMD_MAX - 1)
};

enum p4tc_a {
	P4TC_A_PIPELINE = 1,	/* nest, enum p4tc_pipeline_a */
	P4TC_A_ACTION,		/* nest, enum p4tc_action_a */
	P4TC_A_TABLE,		/* nest, enum p4tc_table_a */
	P4TC_A_ENTRY,		/* nest, enum p4tc_entry_a */
	P4TC_A_COUNT,		/* u32: entries removed by a flush */

	__P4TC_A_MAX,
	P4TC_A_MAX = (__P4TC_A_MAX - 1)
};

enum p4tc_pipeline_a {
	P4TC_PIPELINE_A_ID = 1,		/* u32, 1.. (allocated if absent) */
	P4TC_PIPELINE_A_NAME,		/* string */
	P4TC_PIPELINE_A_NUMTABLES,	/* u16, 0..P4TC_MAX_TABLES */
	P4TC_PIPELINE_A_STATE,		/* u8, enum p4tc_pipeline_state */
	P4TC_PIPELINE_A_CURTABLES,	/* u16, reply only */
	P4TC_PIPELINE_A_USERS,		/* u32, reply only: filters using it */

	__P4TC_PIPELINE_A_MAX,
	P4TC_PIPELINE_A_MAX = (__P4TC_PIPELINE_A_MAX - 1)
};

/* One action parameter (in an action template) or its value (in an entry). */
enum p4tc_param_a {
	P4TC_PARAM_A_ID = 1,		/* u32, 1.. (default: position) */
	P4TC_PARAM_A_NAME,		/* string */
	P4TC_PARAM_A_TYPE,		/* u32, enum p4tc_type */
	P4TC_PARAM_A_BITSZ,		/* u16 */
	P4TC_PARAM_A_OFFSET,		/* u16, reply only: offset in the params block */
	P4TC_PARAM_A_VALUE,		/* binary, the container's bytes */

	__P4TC_PARAM_A_MAX,
	P4TC_PARAM_A_MAX = (__P4TC_PARAM_A_MAX - 1)
};

enum p4tc_action_a {
	P4TC_ACTION_A_ID = 1,		/* u32, 1.. (allocated if absent) */
	P4TC_ACTION_A_NAME,		/* string, "cb/act" or "act" */
	P4TC_ACTION_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */
	P4TC_ACTION_A_ACTIVE,		/* u8, 0 or 1 */

	__P4TC_ACTION_A_MAX,
	P4TC_ACTION_A_MAX = (__P4TC_ACTION_A_MAX - 1)
};

/* One field of a table key, in key order. */
enum p4tc_keyfield_a {
	P4TC_KEYFIELD_A_ID = 1,		/* u32, 1.. (default: position) */
	P4TC_KEYFIELD_A_NAME,		/* string */
	P4TC_KEYFIELD_A_TYPE,		/* u32, enum p4tc_type */
	P4TC_KEYFIELD_A_BITSZ,		/* u16 */
	P4TC_KEYFIELD_A_MATCH,		/* u8, enum p4tc_match */

	__P4TC_KEYFIELD_A_MAX,
	P4TC_KEYFIELD_A_MAX = (__P4TC_KEYFIELD_A_MAX - 1)
};

enum p4tc_table_a {
	P4TC_TABLE_A_ID = 1,		/* u32, 1.. (allocated if absent) */
	P4TC_TABLE_A_NAME,		/* string, "cb/tbl" */
	P4TC_TABLE_A_TYPE,		/* u8, enum p4tc_table_type */
	P4TC_TABLE_A_KEYSZ,		/* u32, bits, 1..P4TC_MAX_KEYSZ */
	P4TC_TABLE_A_TENTRIES,		/* u32, 1..P4TC_MAX_TENTRIES */
	P4TC_TABLE_A_NUMMASKS,		/* u32, 1..P4TC_MAX_NUMMASKS */
	P4TC_TABLE_A_PERMISSIONS,	/* u16, 14 bits of CRUDXPS */
	P4TC_TABLE_A_KEYFIELD,		/* nest, multi-attr, enum p4tc_keyfield_a */
	P4TC_TABLE_A_NENTRIES,		/* u32, reply only */

	__P4TC_TABLE_A_MAX,
	P4TC_TABLE_A_MAX = (__P4TC_TABLE_A_MAX - 1)
};

enum p4tc_entry_a {
	P4TC_ENTRY_A_TABLE_ID = 1,	/* u32 */
	P4TC_ENTRY_A_TABLE_NAME,	/* string */
	P4TC_ENTRY_A_KEY,		/* binary, DIV_ROUND_UP(keysz, 8) bytes */
	P4TC_ENTRY_A_ACTION_ID,		/* u32 */
	P4TC_ENTRY_A_ACTION_NAME,	/* string */
	P4TC_ENTRY_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */

	__P4TC_ENTRY_A_MAX,
	P4TC_ENTRY_A_MAX = (__P4TC_ENTRY_A_MAX - 1)
};

#endif /* _UAPI_LINUX_P4TC_H */
