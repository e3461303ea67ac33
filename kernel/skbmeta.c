// SPDX-License-Identifier: GPL-2.0
/*
 * skb metadata kfuncs (upstream P4TC's, for PNA's metadata): TC programs
 * set the fields a bitmask names in one call, and read what __sk_buff does
 * not show them.
 */
#include <linux/bpf.h>
#include <linux/skbuff.h>
#include <net/sch_generic.h>
#include <net/sock.h>

#include "p4tc.h"

__diag_push();
__diag_ignore_all("-Wmissing-prototypes",
		  "kfuncs are global functions without prototypes, found through BTF");

/**
 * bpf_p4tc_skb_meta_set() - set skb metadata from TC
 * @skb_ctx: the program's context
 * @meta: the values, and in @meta->bitmask which of them to set
 * @meta__sz: must be sizeof(struct p4tc_skb_meta_set)
 *
 * Each field is set as a write to its __sk_buff field does: tstamp at
 * ingress clears the delivery time's mono flag (a receive time), at egress
 * keeps it (fq takes a monotonic departure time); tc_classid is the minor
 * classid TC takes as the packet's class; queue_mapping the queue (at
 * clsact egress, the stack picks the transmit queue after TC); protocol
 * changes skb->protocol, not the headers.
 *
 * Context: the datapath; does not sleep.
 * Return: 0, or -EINVAL (then nothing is set) for a wrong @meta__sz, an
 * unknown bitmask bit or a queue_mapping of 0xffff (no queue).
 */
int bpf_p4tc_skb_meta_set(struct __sk_buff *skb_ctx, struct p4tc_skb_meta_set *meta,
			  const u32 meta__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;
	u32 set;

	if (meta__sz != sizeof(*meta))
		return -EINVAL;
	set = meta->bitmask;
	if (set & ~P4TC_SKB_META_SET_ALL)
		return -EINVAL;
	if (set & P4TC_SKB_META_SET_QMAP && meta->queue_mapping == NO_QUEUE_MAPPING)
		return -EINVAL;
	if (set & P4TC_SKB_META_SET_TSTAMP) {
		skb->tstamp = meta->tstamp;
		if (skb->tc_at_ingress)
			skb->mono_delivery_time = 0;
	}
	if (set & P4TC_SKB_META_SET_MARK)
		skb->mark = meta->mark;
	if (set & P4TC_SKB_META_SET_CLASSID)
		qdisc_skb_cb(skb)->tc_classid = meta->tc_classid;
	if (set & P4TC_SKB_META_SET_TC_INDEX)
		skb->tc_index = meta->tc_index;
	if (set & P4TC_SKB_META_SET_QMAP)
		skb_set_queue_mapping(skb, meta->queue_mapping);
	if (set & P4TC_SKB_META_SET_PROTO)
		skb->protocol = meta->protocol;
	return 0;
}

/**
 * bpf_p4tc_skb_meta_get() - read skb metadata from TC
 * @skb_ctx: the program's context
 * @meta: gets whether the program runs at ingress and whether the packet
 *	was redirected from an ingress hook, and both bits in the bitmask
 * @meta__sz: must be sizeof(struct p4tc_skb_meta_get)
 *
 * Context: the datapath; does not sleep.
 * Return: 0, or -EINVAL for a wrong @meta__sz.
 */
int bpf_p4tc_skb_meta_get(struct __sk_buff *skb_ctx, struct p4tc_skb_meta_get *meta,
			  const u32 meta__sz)
{
	struct sk_buff *skb = (struct sk_buff *)skb_ctx;

	if (meta__sz != sizeof(*meta))
		return -EINVAL;
	meta->tc_at_ingress = skb->tc_at_ingress;
	meta->from_ingress = skb->from_ingress;
	meta->bitmask = P4TC_SKB_META_GET_AT_INGRESS | P4TC_SKB_META_GET_FROM_INGRESS;
	return 0;
}

__diag_pop();
