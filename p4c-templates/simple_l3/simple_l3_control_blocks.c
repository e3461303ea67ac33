// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * simple_l3 control blocks: applies nh_table on the IPv4 destination
 * through bpf_p4tc_tbl_read(). send_nh rewrites the MAC addresses and
 * redirects to port_id; drop and a miss drop the packet. Hits and misses
 * are counted in simple_l3_stats for whoever wants to see what the table
 * did.
 */
#include "simple_l3_parser.h"

#define MAINCONTROLIMPL_NH_TABLE	1
#define INGRESS_NH_TABLE_ACT_INGRESS_SEND_NH	1
#define INGRESS_NH_TABLE_ACT_INGRESS_DROP	2

enum simple_l3_stat {
	SIMPLE_L3_HIT,
	SIMPLE_L3_MISS,
	SIMPLE_L3_NSTATS,
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SIMPLE_L3_NSTATS);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} simple_l3_stats SEC(".maps");

struct __attribute__((__packed__)) ingress_nh_table_key {
	__u32 keysz;
	__u32 maskid;
	__u32 field0;	/* hdr.ipv4.dstAddr, network order */
} __attribute__((aligned(8)));

struct __attribute__((__packed__)) ingress_nh_table_value {
	__u32 action;
	__u32 hit:1, is_default_miss_act:1, is_default_hit_act:1, :29;
	union {
		struct {
			__u32 port_id;
			__u8 dmac[8];
			__u8 smac[8];
		} ingress_send_nh;
	} u;
};

struct p4tc_filter_fields p4tc_filter_fields;

static __always_inline void count(__u32 stat)
{
	__u64 *n = bpf_map_lookup_elem(&simple_l3_stats, &stat);

	if (n)
		*n += 1;
}

SEC("p4tc/main")
int tc_ingress_func(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = {
		.pipeid = p4tc_filter_fields.pipeid,
		.tblid = MAINCONTROLIMPL_NH_TABLE,
	};
	struct ingress_nh_table_key key = {};
	struct p4tc_table_entry_act_bpf *act;
	struct ingress_nh_table_value value;
	struct hdr_md *hdrMd;
	__u32 ebpf_zero = 0;

	hdrMd = bpf_map_lookup_elem(&hdr_md_cpumap, &ebpf_zero);
	if (!hdrMd || !hdrMd->cpumap_hdr.ipv4.ebpf_valid)
		return TC_ACT_OK;

	key.keysz = 32;
	key.field0 = hdrMd->cpumap_hdr.ipv4.dstAddr;
	act = bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key));
	if (!act) {
		count(SIMPLE_L3_MISS);
		return TC_ACT_SHOT;
	}
	count(SIMPLE_L3_HIT);
	/* The action record lives in the module: copy what we need. */
	if (bpf_probe_read_kernel(&value, sizeof(value), act))
		return TC_ACT_SHOT;

	switch (value.action) {
	case INGRESS_NH_TABLE_ACT_INGRESS_SEND_NH:
		if (bpf_skb_store_bytes(skb, 0, value.u.ingress_send_nh.dmac, 6, 0) ||
		    bpf_skb_store_bytes(skb, 6, value.u.ingress_send_nh.smac, 6, 0))
			return TC_ACT_SHOT;
		return bpf_redirect(value.u.ingress_send_nh.port_id, 0);
	case INGRESS_NH_TABLE_ACT_INGRESS_DROP:
	default:
		return TC_ACT_SHOT;
	}
}

char _license[] SEC("license") = "GPL";
