// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * l3_policer parser: extracts Ethernet and IPv4 into hdr_md_cpumap and
 * hands over to the control blocks with TC_ACT_PIPE. Packets that are not
 * IPv4 go to the stack untouched.
 */
#include "l3_policer_parser.h"

struct p4tc_filter_fields p4tc_filter_fields;

SEC("p4tc/parse")
int tc_parse_func(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct hdr_md *hdrMd;
	__u32 ebpf_zero = 0;
	__u8 *pkt = data;

	hdrMd = bpf_map_lookup_elem(&hdr_md_cpumap, &ebpf_zero);
	if (!hdrMd)
		return TC_ACT_SHOT;
	__builtin_memset(hdrMd, 0, sizeof(*hdrMd));

	if (data + ETH_HLEN > data_end)
		return TC_ACT_OK;
	__builtin_memcpy(hdrMd->cpumap_hdr.ethernet.dstAddr, pkt, 6);
	__builtin_memcpy(hdrMd->cpumap_hdr.ethernet.srcAddr, pkt + 6, 6);
	hdrMd->cpumap_hdr.ethernet.etherType = (pkt[12] << 8) | pkt[13];
	hdrMd->cpumap_hdr.ethernet.ebpf_valid = 1;
	if (hdrMd->cpumap_hdr.ethernet.etherType != ETH_P_IPV4)
		return TC_ACT_OK;

	if (data + ETH_HLEN + 20 > data_end)
		return TC_ACT_OK;
	pkt += ETH_HLEN;
	hdrMd->cpumap_hdr.ipv4.ttl = pkt[8];
	hdrMd->cpumap_hdr.ipv4.protocol = pkt[9];
	__builtin_memcpy(&hdrMd->cpumap_hdr.ipv4.srcAddr, pkt + 12, 4);
	__builtin_memcpy(&hdrMd->cpumap_hdr.ipv4.dstAddr, pkt + 16, 4);
	hdrMd->cpumap_hdr.ipv4.ebpf_valid = 1;
	return TC_ACT_PIPE;
}

char _license[] SEC("license") = "GPL";
