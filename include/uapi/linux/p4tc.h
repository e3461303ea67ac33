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

/*
 * Multicast group of changes: every template and entry change made over
 * netlink, in the layout of the change's reply (deletes: the object as it
 * was; flushes: the table or action and P4TC_A_COUNT), and entries the datapath or
 * aging created or deleted where the entry has control publish permission.
 */
#define P4TC_MCGRP_EVENTS	"events"

/*
 * Multicast group of digests: P4TC_CMD_DIGEST messages the datapath sends
 * (bpf_p4tc_extern_digest_pack()), with P4TC_A_DIGEST. Nothing is built
 * while nobody listens.
 */
#define P4TC_MCGRP_DIGEST	"digest"

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
#define P4TC_DEFAULT_NUM_PREALLOC	16
#define P4TC_MAX_NUM_PREALLOC		1024
#define P4TC_MAX_ACTION_INSTANCES	65536	/* per action template */
#define P4TC_EXACT_PRIO			64000	/* the prio every exact entry has */
#define P4TC_MAX_PRIO			0xFFFFFF	/* lpm and ternary prio, 1.. */
#define P4TC_MAX_TIMER_PROFILES		16
#define P4TC_DEFAULT_TIMER_PROFILES	4	/* profile i ages after (i + 1) * 30 s */
#define P4TC_DEFAULT_AGING_MS		30000
#define P4TC_MAX_AGING_MS		864000000	/* ten days */
#define P4TC_MAX_CONST_ENTRIES		1024	/* entries of a table template */
#define P4TC_MAX_EXTERNS		32	/* extern kinds per network namespace */
#define P4TC_MAX_EXT_INSTANCES		1024	/* numinstances, and instance ids 1.. */
#define P4TC_MAX_EXT_ELEMS		65536	/* tc_numel: elements of an instance */
#define P4TC_DEFAULT_EXT_ELEMS		1
#define P4TC_MAX_EXT_PARAMS		16	/* control-path params of an instance */
#define P4TC_MAX_EXT_PARAM_DATA_SIZE	64	/* bytes, all params of one element */

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

/*
 * Extern permissions, in the same bits: control R to read elements, U to
 * update them; data R for md_read, U for md_write, X to execute (count,
 * meter). The default is 0x19B4: control -RU--PS, data -RU-X--.
 */
#define P4TC_DEFAULT_EXT_PERMISSIONS	0x19B4

enum p4tc_pipeline_state {
	P4TC_PIPELINE_STATE_UNSEALED = 1,
	P4TC_PIPELINE_STATE_READY,		/* sealed: entries allowed */
};

enum p4tc_table_type {
	P4TC_TABLE_TYPE_EXACT = 1,
	P4TC_TABLE_TYPE_LPM,		/* longest prefix of the whole key wins */
	P4TC_TABLE_TYPE_TERNARY,	/* key and mask; the lowest prio wins */
};

enum p4tc_match {
	P4TC_MATCH_EXACT = 1,
	P4TC_MATCH_LPM,
	P4TC_MATCH_TERNARY,
};

/* Who created, updated or deleted an entry. */
enum p4tc_entity {
	P4TC_ENTITY_KERNEL = 1,		/* the datapath */
	P4TC_ENTITY_TC,			/* a control-plane request */
	P4TC_ENTITY_TIMER,		/* aging */
};

/*
 * Offload flags of an entry, with the values of TCA_CLS_FLAGS_*: no device
 * offloads P4 tables yet, so skip_sw is refused and every entry is
 * reported not in hardware.
 */
#define P4TC_ENTRY_FLAGS_SKIP_HW	(1 << 0)	/* keep it out of hardware */
#define P4TC_ENTRY_FLAGS_SKIP_SW	(1 << 1)	/* hardware only */
#define P4TC_ENTRY_FLAGS_NOT_IN_HW	(1 << 3)	/* reply only */

/* Flags of an action in a table's list of allowed actions. */
#define P4TC_TABLE_ACT_TABLEONLY	(1 << 0)	/* not as a default action */
#define P4TC_TABLE_ACT_DEFAULTONLY	(1 << 1)	/* only as a default action */

/*
 * Types of action parameters and key fields, with their containers (the
 * bytes they take in a params block or a key blob):
 *   BIT, INT  bitsz 1..128, in 1, 2, 4, 8 or 16 bytes, host byte order
 *   BE        bitsz 16, 32 or 64, network byte order
 *   MACADDR   48 bits: 6 bytes in network order, then 2 zero bytes
 *   IPV4      4 bytes, network order; IPV6 16 bytes, network order
 *   DEV       an ifindex, 4 bytes, host order
 *   BOOL      1 byte, 0 or 1
 *   STRING    bitsz 8..992 (1..124 bytes): text, NUL-padded, at most
 *             bitsz / 8 - 1 characters
 *   KEY       bitsz 1..512: a bit string, network order, in
 *             DIV_ROUND_UP(bitsz, 8) bytes, the unused low bits zero
 *   RATE      64 bits: bytes per second, 8 bytes, host order
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
	P4TC_T_STRING,
	P4TC_T_KEY,
	P4TC_T_RATE,
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
	P4TC_CMD_ACTINST_NEW,		/* with ACTINST_A_REPLACE, of an existing one too */
	P4TC_CMD_ACTINST_SET,		/* change the given params of an instance */
	P4TC_CMD_ACTINST_GET,		/* one instance, or dump (of an action, or all) */
	P4TC_CMD_ACTINST_DEL,		/* one instance, or without INDEX all of an action */
	P4TC_CMD_PORT_SET,		/* mark a device a network or host port, or unmark it */
	P4TC_CMD_PORT_GET,		/* one device, or dump the namespace's */
	P4TC_CMD_DIGEST,		/* digest group only: a digest from the datapath */
	P4TC_CMD_EXTERN_NEW,		/* an extern kind of the namespace */
	P4TC_CMD_EXTERN_GET,		/* one kind, or dump the namespace's */
	P4TC_CMD_EXTERN_DEL,		/* a kind no pipeline has instances of */
	P4TC_CMD_EXTINST_NEW,		/* an extern instance of an unsealed pipeline */
	P4TC_CMD_EXTINST_GET,		/* one instance, or dump (of a kind, or all) */
	P4TC_CMD_EXTINST_DEL,		/* one instance of an unsealed pipeline */
	P4TC_CMD_EXTELEM_SET,		/* runtime: write params of an element */
	P4TC_CMD_EXTELEM_GET,		/* runtime: one element, or dump an instance's */

	__P4TC_CMD_MAX,
	P4TC_CMD_MAX = (__P4TC_CMD_MAX - 1)
};

enum p4tc_a {
	P4TC_A_PIPELINE = 1,	/* nest, enum p4tc_pipeline_a */
	P4TC_A_ACTION,		/* nest, enum p4tc_action_a */
	P4TC_A_TABLE,		/* nest, enum p4tc_table_a */
	P4TC_A_ENTRY,		/* nest, enum p4tc_entry_a */
	P4TC_A_COUNT,		/* u32: objects a flush removed */
	P4TC_A_ENTRY_BULK,	/* nest, enum p4tc_bulk_a: new exact entries */
	P4TC_A_ACTINST,		/* nest, enum p4tc_actinst_a */
	P4TC_A_PORT,		/* nest, enum p4tc_port_a */
	P4TC_A_DIGEST,		/* nest, enum p4tc_digest_a */
	P4TC_A_EXTERN,		/* nest, enum p4tc_extern_a */
	P4TC_A_EXTINST,		/* nest, enum p4tc_extinst_a */
	P4TC_A_EXTELEM,		/* nest, enum p4tc_extelem_a */

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
	P4TC_PARAM_A_FLAGS,		/* u8, extern instance params: P4TC_EXT_PARAM_F_* */

	__P4TC_PARAM_A_MAX,
	P4TC_PARAM_A_MAX = (__P4TC_PARAM_A_MAX - 1)
};

enum p4tc_action_a {
	P4TC_ACTION_A_ID = 1,		/* u32, 1.. (allocated if absent) */
	P4TC_ACTION_A_NAME,		/* string, "cb/act" or "act" */
	P4TC_ACTION_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */
	P4TC_ACTION_A_ACTIVE,		/* u8, 0 or 1 */
	P4TC_ACTION_A_NUM_PREALLOC,	/* u32, 1..P4TC_MAX_NUM_PREALLOC, kept and reported */

	__P4TC_ACTION_A_MAX,
	P4TC_ACTION_A_MAX = (__P4TC_ACTION_A_MAX - 1)
};

/*
 * An action instance: a named set of param values of an action template
 * (the action must be active), which entries and default actions may use
 * by index instead of params of their own. Changing an instance's params
 * changes what every lookup returning it sees, at once.
 */
enum p4tc_actinst_a {
	P4TC_ACTINST_A_ACTION_ID = 1,	/* u32 */
	P4TC_ACTINST_A_ACTION_NAME,	/* string */
	P4TC_ACTINST_A_INDEX,		/* u32, 1.. (allocated if absent) */
	P4TC_ACTINST_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */
	P4TC_ACTINST_A_USERS,		/* u32, reply only: entries and default actions */
	P4TC_ACTINST_A_TM,		/* nest, reply only, enum p4tc_tm_a */
	P4TC_ACTINST_A_COUNTERS,	/* nest, reply only: lookups that returned it */
	P4TC_ACTINST_A_REPLACE,		/* flag, NEW only: replace the params if it exists */

	__P4TC_ACTINST_A_MAX,
	P4TC_ACTINST_A_MAX = (__P4TC_ACTINST_A_MAX - 1)
};

/*
 * PNA's port kinds, for is_net_port() and is_host_port(): a device is a
 * network port (towards the wire) or a host port (towards the host's
 * stack). Unless marked, a device with a parent device (a NIC) is a
 * network port, any other (veth, tap, bridge...) a host port. Marks are
 * per namespace and go with their device.
 */
enum p4tc_port_type {
	P4TC_PORT_TYPE_NET = 1,
	P4TC_PORT_TYPE_HOST,
};

enum p4tc_port_a {
	P4TC_PORT_A_IFINDEX = 1,	/* u32 */
	P4TC_PORT_A_TYPE,		/* u8, enum p4tc_port_type: mark it so */
	P4TC_PORT_A_AUTO,		/* flag: request: drop the mark; reply: unmarked */
	P4TC_PORT_A_NAME,		/* string, reply only: the device's name */

	__P4TC_PORT_A_MAX,
	P4TC_PORT_A_MAX = (__P4TC_PORT_A_MAX - 1)
};

/* A digest: what a program packed, and where it came from. */
#define P4TC_DIGEST_DATA_SIZE	64

enum p4tc_digest_a {
	P4TC_DIGEST_A_PIPEID = 1,	/* u32 */
	P4TC_DIGEST_A_EXT_ID,		/* u32: the program's extern id */
	P4TC_DIGEST_A_INST_ID,		/* u32: the program's instance id */
	P4TC_DIGEST_A_IFINDEX,		/* u32: the packet's device */
	P4TC_DIGEST_A_DATA,		/* binary, P4TC_DIGEST_DATA_SIZE bytes */

	__P4TC_DIGEST_A_MAX,
	P4TC_DIGEST_A_MAX = (__P4TC_DIGEST_A_MAX - 1)
};

/*
 * Externs. A kind (Counter, Meter, Register...) is declared once per
 * namespace; pipelines declare instances of it, each an array of
 * NUMEL elements. An element is the values of the instance's
 * control-path params but the key, packed in declaration order as an
 * action's params are (at most P4TC_MAX_EXT_PARAM_DATA_SIZE bytes): what
 * md_read returns and md_write writes. The one key param (tc_key, a bit
 * or int of at most 32 bits) is the element's index, 0..NUMEL-1.
 *
 * What the datapath does beyond md_read and md_write depends on the kind's
 * name: Counter and DirectCounter count into params named "pkts" (or
 * "packets") and "bytes"; Meter and DirectMeter mark with the rates and
 * bursts in params "cir", "cbs" and "pir", "pbs" (two-rate, RFC 2698) or
 * "ebs" (single-rate, RFC 2697). Direct kinds are bound to a table
 * (P4TC_TABLE_A_DIRECT_COUNTER, _DIRECT_METER) and keep their state in the
 * table's entries.
 */
#define P4TC_EXT_PARAM_F_KEY		(1 << 0)	/* tc_key: the element index */
#define P4TC_EXT_PARAM_F_DATA_SCALAR	(1 << 1)	/* tc_data_scalar: kept, reported */

enum p4tc_extern_a {
	P4TC_EXTERN_A_ID = 1,		/* u32, 1.. (allocated if absent): extid */
	P4TC_EXTERN_A_NAME,		/* string: the kind, e.g. "Counter" */
	P4TC_EXTERN_A_NUM_INSTANCES,	/* u32, 1..P4TC_MAX_EXT_INSTANCES, per pipeline */
	P4TC_EXTERN_A_PERMISSIONS,	/* u16, 14 bits of CRUDXPS, for its instances */
	P4TC_EXTERN_A_HAS_EXEC,		/* flag: has_exec_method, kept and reported */
	P4TC_EXTERN_A_INSTANCES,	/* u32, reply only: instances in all pipelines */

	__P4TC_EXTERN_A_MAX,
	P4TC_EXTERN_A_MAX = (__P4TC_EXTERN_A_MAX - 1)
};

enum p4tc_extinst_a {
	P4TC_EXTINST_A_EXT_ID = 1,	/* u32: the kind's id */
	P4TC_EXTINST_A_EXT_NAME,	/* string: the kind's name */
	P4TC_EXTINST_A_ID,		/* u32, 1..P4TC_MAX_EXT_INSTANCES (allocated if absent) */
	P4TC_EXTINST_A_NAME,		/* string: "cb.inst" or "inst" */
	P4TC_EXTINST_A_NUMEL,		/* u32, 1..P4TC_MAX_EXT_ELEMS: tc_numel */
	P4TC_EXTINST_A_TBL_BINDABLE,	/* flag: a table may bind it (direct kinds) */
	P4TC_EXTINST_A_CONSTRUCTOR,	/* nest, multi-attr, enum p4tc_param_a, with VALUE */
	P4TC_EXTINST_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a, with FLAGS */
	P4TC_EXTINST_A_PERMISSIONS,	/* u16, reply only: the kind's */
	P4TC_EXTINST_A_TABLE_ID,	/* u32, reply only: the table it is bound to */

	__P4TC_EXTINST_A_MAX,
	P4TC_EXTINST_A_MAX = (__P4TC_EXTINST_A_MAX - 1)
};

/* An element of an extern instance, at runtime. */
enum p4tc_extelem_a {
	P4TC_EXTELEM_A_EXT_ID = 1,	/* u32 */
	P4TC_EXTELEM_A_EXT_NAME,	/* string */
	P4TC_EXTELEM_A_INST_ID,		/* u32 */
	P4TC_EXTELEM_A_INST_NAME,	/* string */
	P4TC_EXTELEM_A_INDEX,		/* u32: the key param's value */
	P4TC_EXTELEM_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a: ID or NAME, VALUE */

	__P4TC_EXTELEM_A_MAX,
	P4TC_EXTELEM_A_MAX = (__P4TC_EXTELEM_A_MAX - 1)
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
	P4TC_TABLE_A_ACT,		/* nest, multi-attr, enum p4tc_table_act_a */
	P4TC_TABLE_A_DEFAULT_HIT,	/* nest, enum p4tc_defact_a */
	P4TC_TABLE_A_DEFAULT_MISS,	/* nest, enum p4tc_defact_a */
	P4TC_TABLE_A_NUM_TIMER_PROFILES,	/* u32, 1..P4TC_MAX_TIMER_PROFILES */
	P4TC_TABLE_A_TIMER_PROFILE,	/* nest, multi-attr, enum p4tc_timer_profile_a */
	P4TC_TABLE_A_ENTRY,		/* nest, multi-attr, enum p4tc_entry_a: const entries */
	P4TC_TABLE_A_COUNTERS,		/* u8, 0 or 1: per-entry packet and byte counters */
	P4TC_TABLE_A_NUM_MASKS_USED,	/* u32, reply only: distinct masks in use */
	P4TC_TABLE_A_MEMORY,		/* u64, reply only: bytes held by the entries */
	P4TC_TABLE_A_PAD,
	P4TC_TABLE_A_DIRECT_COUNTER,	/* string "KIND/INST": bind a DirectCounter; sets COUNTERS */
	P4TC_TABLE_A_DIRECT_METER,	/* string "KIND/INST": bind a DirectMeter */

	__P4TC_TABLE_A_MAX,
	P4TC_TABLE_A_MAX = (__P4TC_TABLE_A_MAX - 1)
};

/* An action a table allows, with where it may be used. */
enum p4tc_table_act_a {
	P4TC_TABLE_ACT_A_ID = 1,	/* u32: action id */
	P4TC_TABLE_ACT_A_NAME,		/* string: action name */
	P4TC_TABLE_ACT_A_FLAGS,		/* u8: P4TC_TABLE_ACT_* */

	__P4TC_TABLE_ACT_A_MAX,
	P4TC_TABLE_ACT_A_MAX = (__P4TC_TABLE_ACT_A_MAX - 1)
};

/*
 * A default hit or miss action. NOACTION alone deletes it; ACTION_ID 0 is
 * "no action" (the lookup returns act_id 0).
 */
enum p4tc_defact_a {
	P4TC_DEFACT_A_ACTION_ID = 1,	/* u32 */
	P4TC_DEFACT_A_ACTION_NAME,	/* string */
	P4TC_DEFACT_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */
	P4TC_DEFACT_A_PERMISSIONS,	/* u16, 14 bits of CRUDXPS */
	P4TC_DEFACT_A_NOACTION,		/* flag: delete the default action */
	P4TC_DEFACT_A_ACTION_INDEX,	/* u32: use this action instance, not PARAMs */

	__P4TC_DEFACT_A_MAX,
	P4TC_DEFACT_A_MAX = (__P4TC_DEFACT_A_MAX - 1)
};

enum p4tc_timer_profile_a {
	P4TC_TIMER_PROFILE_A_ID = 1,	/* u32, 0..num_timer_profiles - 1 */
	P4TC_TIMER_PROFILE_A_AGING,	/* u32, ms, 1..P4TC_MAX_AGING_MS */

	__P4TC_TIMER_PROFILE_A_MAX,
	P4TC_TIMER_PROFILE_A_MAX = (__P4TC_TIMER_PROFILE_A_MAX - 1)
};

/* Times of an entry, in ms before the reply was built; 0: never. */
enum p4tc_tm_a {
	P4TC_TM_A_CREATED = 1,		/* u64 */
	P4TC_TM_A_LASTUSED,		/* u64, last datapath hit */
	P4TC_TM_A_FIRSTUSED,		/* u64, first datapath hit */
	P4TC_TM_A_PAD,

	__P4TC_TM_A_MAX,
	P4TC_TM_A_MAX = (__P4TC_TM_A_MAX - 1)
};

/* Who made an entry what it is. */
enum p4tc_who_a {
	P4TC_WHO_A_ENTITY = 1,		/* u8, enum p4tc_entity */
	P4TC_WHO_A_PID,			/* u32, 0 for the kernel */
	P4TC_WHO_A_COMM,		/* string: the process */

	__P4TC_WHO_A_MAX,
	P4TC_WHO_A_MAX = (__P4TC_WHO_A_MAX - 1)
};

enum p4tc_counters_a {
	P4TC_COUNTERS_A_PACKETS = 1,	/* u64 */
	P4TC_COUNTERS_A_BYTES,		/* u64 */
	P4TC_COUNTERS_A_PAD,

	__P4TC_COUNTERS_A_MAX,
	P4TC_COUNTERS_A_MAX = (__P4TC_COUNTERS_A_MAX - 1)
};

/*
 * Entry filters, for dumps and flushes: a tree at most
 * P4TC_FILTER_DEPTH_MAX levels deep. A relational node compares an operand
 * of the entry with VALUE (under MASK if given); a logical node combines
 * its NODE children (NOT takes one, AND, OR and XOR two).
 */
#define P4TC_FILTER_DEPTH_MAX		5
#define P4TC_FILTER_VALUE_MAX		64	/* bytes */

enum p4tc_filter_op {
	P4TC_FILTER_OP_EQ = 1,
	P4TC_FILTER_OP_NE,
	P4TC_FILTER_OP_LT,
	P4TC_FILTER_OP_GT,
	P4TC_FILTER_OP_LE,
	P4TC_FILTER_OP_GE,
	P4TC_FILTER_OP_AND,
	P4TC_FILTER_OP_OR,
	P4TC_FILTER_OP_XOR,
	P4TC_FILTER_OP_NOT,
};

enum p4tc_filter_operand {
	P4TC_FILTER_OPND_KEY = 1,	/* bytes of the key at OFFSET */
	P4TC_FILTER_OPND_ACTION,	/* the entry's action is ACTION_ID (EQ, NE) */
	P4TC_FILTER_OPND_PARAM,		/* bytes at OFFSET of the params of ACTION_ID */
	P4TC_FILTER_OPND_PRIO,		/* VALUE: u32 */
	P4TC_FILTER_OPND_MSECS_SINCE,	/* VALUE: u64, ms since last use (or creation) */
};

enum p4tc_filter_a {
	P4TC_FILTER_A_OP = 1,		/* u8, enum p4tc_filter_op */
	P4TC_FILTER_A_NODE,		/* nest, multi-attr, enum p4tc_filter_a */
	P4TC_FILTER_A_OPERAND,		/* u8, enum p4tc_filter_operand */
	P4TC_FILTER_A_OFFSET,		/* u16, bytes into the key or params */
	P4TC_FILTER_A_VALUE,		/* binary, 1..P4TC_FILTER_VALUE_MAX bytes */
	P4TC_FILTER_A_MASK,		/* binary, as long as VALUE */
	P4TC_FILTER_A_HOST_ORDER,	/* flag: VALUE is a host-order integer */
	P4TC_FILTER_A_ACTION_ID,	/* u32 */

	__P4TC_FILTER_A_MAX,
	P4TC_FILTER_A_MAX = (__P4TC_FILTER_A_MAX - 1)
};

/*
 * Many new entries of one table with one action, in fixed-size records
 * (P4TC_CMD_ENTRY_NEW only): each record is the key (the table's key
 * bytes), then the value of each PARAM in the order they are given (each
 * its type's bytes), as LAYOUT says. The entries are those of
 * P4TC_A_ENTRY creates with only a key and action: the table's
 * permissions, no aging; in lpm tables the whole key as prefix, in
 * ternary tables an all-ones mask and a free prio. Records are applied in
 * order up to the first failure, as the P4TC_A_ENTRY attributes of a
 * request, with which they may be mixed.
 */
enum p4tc_bulk_a {
	P4TC_BULK_A_TABLE_ID = 1,	/* u32 */
	P4TC_BULK_A_TABLE_NAME,		/* string */
	P4TC_BULK_A_ACTION_ID,		/* u32 */
	P4TC_BULK_A_ACTION_NAME,	/* string */
	P4TC_BULK_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a: ID or NAME */
	P4TC_BULK_A_LAYOUT,		/* u32 array: bytes of the key, then of each PARAM */
	P4TC_BULK_A_RECORDS,		/* binary: the records, back to back */

	__P4TC_BULK_A_MAX,
	P4TC_BULK_A_MAX = (__P4TC_BULK_A_MAX - 1)
};

enum p4tc_entry_a {
	P4TC_ENTRY_A_TABLE_ID = 1,	/* u32 */
	P4TC_ENTRY_A_TABLE_NAME,	/* string */
	P4TC_ENTRY_A_KEY,		/* binary, DIV_ROUND_UP(keysz, 8) bytes */
	P4TC_ENTRY_A_ACTION_ID,		/* u32 */
	P4TC_ENTRY_A_ACTION_NAME,	/* string */
	P4TC_ENTRY_A_PARAM,		/* nest, multi-attr, enum p4tc_param_a */
	P4TC_ENTRY_A_MASK,		/* binary, as KEY: ternary mask or lpm prefix mask */
	P4TC_ENTRY_A_PRIO,		/* u32, lpm and ternary: 1..P4TC_MAX_PRIO, lower wins */
	P4TC_ENTRY_A_PERMISSIONS,	/* u16, 14 bits of CRUDXPS, no create bits */
	P4TC_ENTRY_A_DYNAMIC,		/* flag: the entry ages */
	P4TC_ENTRY_A_AGING,		/* u32, ms: idle time before a dynamic entry goes */
	P4TC_ENTRY_A_PROFILE_ID,	/* u32: take the aging of this timer profile */
	P4TC_ENTRY_A_TM,		/* nest, reply only, enum p4tc_tm_a */
	P4TC_ENTRY_A_CREATED_BY,	/* nest, reply only, enum p4tc_who_a */
	P4TC_ENTRY_A_UPDATED_BY,	/* nest, reply only, enum p4tc_who_a */
	P4TC_ENTRY_A_TMPL_CREATED,	/* flag, reply only: a const entry */
	P4TC_ENTRY_A_COUNTERS,		/* nest, reply only, enum p4tc_counters_a */
	P4TC_ENTRY_A_DELETED_BY,	/* nest, events only, enum p4tc_who_a */
	P4TC_ENTRY_A_TBL_ATTRS,		/* nest, enum p4tc_table_a: DEFAULT_HIT, DEFAULT_MISS,
					 * PERMISSIONS, TIMER_PROFILE
					 */
	P4TC_ENTRY_A_FILTER,		/* nest, enum p4tc_filter_a: dumps and flushes */
	P4TC_ENTRY_A_ACTION_INDEX,	/* u32: use this action instance, not PARAMs */
	P4TC_ENTRY_A_FLAGS,		/* u32, P4TC_ENTRY_FLAGS_* */

	__P4TC_ENTRY_A_MAX,
	P4TC_ENTRY_A_MAX = (__P4TC_ENTRY_A_MAX - 1)
};

#endif /* _UAPI_LINUX_P4TC_H */
