/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * l3_policer: headers shared by the parser and the control blocks, in the
 * layout the p4c tc backend emits. Parser and main share the parsed
 * headers through hdr_md_cpumap, pinned by name.
 */
#ifndef L3_POLICER_PARSER_H
#define L3_POLICER_PARSER_H

#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <p4tc/kfuncs.h>

#define ETH_P_IPV4	0x0800
#define ETH_HLEN	14

struct ethernet_t {
	__u8 dstAddr[6];
	__u8 srcAddr[6];
	__u16 etherType;	/* host order */
	__u8 ebpf_valid;
};

struct ipv4_t {
	__u8 ttl;
	__u8 protocol;
	__u32 srcAddr;		/* network order, @tc_type("ipv4") */
	__u32 dstAddr;		/* network order, @tc_type("ipv4") */
	__u8 ebpf_valid;
};

struct headers_t {
	struct ethernet_t ethernet;
	struct ipv4_t ipv4;
};

struct hdr_md {
	struct headers_t cpumap_hdr;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct hdr_md);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} hdr_md_cpumap SEC(".maps");

#endif /* L3_POLICER_PARSER_H */
