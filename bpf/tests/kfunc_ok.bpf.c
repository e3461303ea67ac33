// SPDX-License-Identifier: GPL-2.0
/*
 * Programs that call the table kfuncs the way generated code does, run with
 * BPF_PROG_TEST_RUN by kfunc_test.c. Each lookup returns what it found:
 * act_id << 24 | hit << 16 | the low 16 bits of the first param, or
 * KFUNC_TEST_MISS when the kfunc returned NULL. Each datapath write
 * returns the kfunc's result, 0 or a negative errno.
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

/*
 * Datapath writes of dst with action 3 (cb/send) and its port param:
 * 0x4321 for creates, 0x5555 for updates; timer profile 1.
 */
static __always_inline void dp_params(struct p4tc_table_entry_create_bpf_params *p,
				      __u16 port)
{
	p->act_bpf.act_id = 3;
	*(__u16 *)p->act_bpf.params = port;
	p->profile_id = 1;
	p->pipeid = pipeid;
	p->tblid = tblid;
}

#define DP_WRITE_PROG(name, sec, ctx_type, kfunc, port)			\
SEC(sec)								\
int name(ctx_type *ctx)							\
{									\
	struct p4tc_table_entry_create_bpf_params p = {};		\
	struct key32 key = { .keysz = 32, .field0 = dst };		\
									\
	dp_params(&p, port);						\
	return kfunc(ctx, &p, sizeof(p), &key, sizeof(key));		\
}

DP_WRITE_PROG(entry_create_tc, "tc", struct __sk_buff, bpf_p4tc_entry_create, 0x4321)
DP_WRITE_PROG(entry_create_on_miss_tc, "tc", struct __sk_buff, bpf_p4tc_entry_create_on_miss,
	      0x4321)
DP_WRITE_PROG(entry_update_tc, "tc", struct __sk_buff, bpf_p4tc_entry_update, 0x5555)
DP_WRITE_PROG(entry_delete_tc, "tc", struct __sk_buff, bpf_p4tc_entry_delete, 0)
DP_WRITE_PROG(entry_create_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_create, 0x4321)
DP_WRITE_PROG(entry_create_on_miss_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_create_on_miss,
	      0x4321)
DP_WRITE_PROG(entry_update_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_update, 0x5555)
DP_WRITE_PROG(entry_delete_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_delete, 0)

/* A create with an action the pipeline does not have. */
SEC("tc")
int entry_create_bad_action(struct __sk_buff *skb)
{
	struct p4tc_table_entry_create_bpf_params p = {};
	struct key32 key = { .keysz = 32, .field0 = dst };

	dp_params(&p, 1);
	p.act_bpf.act_id = 99;
	return bpf_p4tc_entry_create(skb, &p, sizeof(p), &key, sizeof(key));
}

/* A create with a params__sz not the struct's (a bigger buffer). */
SEC("tc")
int entry_create_short_params(struct __sk_buff *skb)
{
	struct p4tc_table_entry_create_bpf_params p[2] = {};
	struct key32 key = { .keysz = 32, .field0 = dst };

	dp_params(&p[0], 1);
	return bpf_p4tc_entry_create(skb, p, sizeof(p[0]) - 8, &key, sizeof(key));
}

char _license[] SEC("license") = "GPL";
