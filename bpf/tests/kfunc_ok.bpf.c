// SPDX-License-Identifier: GPL-2.0
/*
 * Programs that call the table kfuncs the way generated code does, run with
 * BPF_PROG_TEST_RUN by kfunc_test.c. Each returns what the lookup found:
 * act_id << 24 | hit << 16 | the low 16 bits of the first param, or
 * KFUNC_TEST_MISS when the kfunc returned NULL.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <p4tc/kfuncs.h>

#include "kfunc_test.h"

__u32 pipeid;
__u32 tblid;
__u32 dst;	/* network order */

struct key32 {
	__u32 keysz;
	__u32 maskid;
	__u32 field0;
} __attribute__((packed, aligned(8)));

/* A key blob 8 bytes longer than the table's. */
struct key32_long {
	struct key32 key;
	__u64 extra;
};

static __always_inline int verdict(struct p4tc_table_entry_act_bpf *act)
{
	if (!act)
		return KFUNC_TEST_MISS;
	/*
	 * Reads straight from the returned record, as generated code does;
	 * the flags as the whole word (hit, default miss, default hit): the
	 * verifier refuses loads that start inside a bitfield.
	 */
	__u32 flags = *(__u32 *)((__u8 *)act + 4);

	return act->act_id << 24 | (flags & 7) << 16 | *(__u16 *)&act->params[0];
}

SEC("tc")
int tbl_read_tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key)));
}

SEC("xdp")
int tbl_read_xdp(struct xdp_md *ctx)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(xdp_p4tc_tbl_read(ctx, &params, sizeof(params), &key, sizeof(key)));
}

SEC("tc")
int tbl_read_long_key(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32_long key = { .key = { .keysz = 32, .field0 = dst } };

	return verdict(bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key)));
}

SEC("tc")
int tbl_read_long_params(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params[2] = { { pipeid, tblid } };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(bpf_p4tc_tbl_read(skb, params, sizeof(params), &key, sizeof(key)));
}

char _license[] SEC("license") = "GPL";
