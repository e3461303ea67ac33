// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * l3_policer control blocks: simple_l3's nh_table with the PNA externs
 * the p4c tc backend maps to kfuncs. Every IPv4 packet is counted per
 * ingress port (port_counter, an indirect Counter) and policed
 * (policer, a packet Meter: red is dropped); a hit's send_nh counts into
 * the entry (nh_counter, the table's DirectCounter); a miss sends a
 * digest of the destination and the ingress port.
 */
#include "l3_policer_parser.h"

#define MAINCONTROLIMPL_NH_TABLE	1
#define INGRESS_NH_TABLE_ACT_INGRESS_SEND_NH	1
#define INGRESS_NH_TABLE_ACT_INGRESS_DROP	2

#define EXT_COUNTER_ID		0x1A000000
#define EXT_DIRECTCOUNTER_ID	0x1B000000
#define EXT_METER_ID		0x1C000000
#define EXT_DIGEST_ID		0x1D000000
#define INGRESS_PORT_COUNTER_INST	1
#define INGRESS_NH_COUNTER_INST		1
#define INGRESS_POLICER_INST		1
#define INGRESS_MISS_DIGEST_INST	1

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

struct __attribute__((__packed__)) miss_digest_t {
	__u32 dstAddr;		/* network order */
	__u32 ingress_port;
};

struct p4tc_filter_fields p4tc_filter_fields;

static __always_inline void ext_params(struct p4tc_ext_bpf_params *p, __u32 ext_id,
				       __u32 inst_id, __u32 index, __u32 flags)
{
	p->pipe_id = p4tc_filter_fields.pipeid;
	p->ext_id = ext_id;
	p->inst_id = inst_id;
	p->index = index;
	p->flags = flags;
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
	struct p4tc_ext_bpf_params ext = {};
	struct miss_digest_t *digest;
	struct hdr_md *hdrMd;
	__u32 ebpf_zero = 0;

	hdrMd = bpf_map_lookup_elem(&hdr_md_cpumap, &ebpf_zero);
	if (!hdrMd || !hdrMd->cpumap_hdr.ipv4.ebpf_valid)
		return TC_ACT_OK;

	/* port_counter.count((bit<32>)istd.input_port & 63) */
	ext_params(&ext, EXT_COUNTER_ID, INGRESS_PORT_COUNTER_INST, skb->ifindex & 63,
		   P4TC_EXT_CNT_INDIRECT);
	key.keysz = 32;
	bpf_p4tc_extern_count_pktsnbytes(skb, &ext, sizeof(ext), &key, sizeof(key));

	/* policer.execute(0) == RED: drop */
	ext_params(&ext, EXT_METER_ID, INGRESS_POLICER_INST, 0, P4TC_EXT_METER_INDIRECT);
	if (bpf_p4tc_extern_meter_pkts(skb, &ext, sizeof(ext), &key, sizeof(key)) ==
	    P4TC_METER_RED)
		return TC_ACT_SHOT;

	key.field0 = hdrMd->cpumap_hdr.ipv4.dstAddr;
	act = bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key));
	if (!act || !act->hit) {
		/* miss_digest.pack({hdr.ipv4.dstAddr, istd.input_port}) */
		ext_params(&ext, EXT_DIGEST_ID, INGRESS_MISS_DIGEST_INST, 0, 0);
		digest = (struct miss_digest_t *)ext.in_params;
		digest->dstAddr = key.field0;
		digest->ingress_port = skb->ifindex;
		bpf_p4tc_extern_digest_pack(skb, &ext, sizeof(ext));
		return TC_ACT_SHOT;
	}
	/* The action record lives in the module: copy what we need. */
	if (bpf_probe_read_kernel(&value, sizeof(value), act))
		return TC_ACT_SHOT;

	switch (value.action) {
	case INGRESS_NH_TABLE_ACT_INGRESS_SEND_NH:
		/* nh_counter.count(): the lookup counted it already, once. */
		ext_params(&ext, EXT_DIRECTCOUNTER_ID, INGRESS_NH_COUNTER_INST, 0,
			   P4TC_EXT_CNT_DIRECT);
		ext.tbl_id = MAINCONTROLIMPL_NH_TABLE;
		bpf_p4tc_extern_count_pktsnbytes(skb, &ext, sizeof(ext), &key, sizeof(key));
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
