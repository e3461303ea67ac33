// SPDX-License-Identifier: GPL-2.0
/*
 * Lookups for make bench: each run looks up LOOKUPS_PER_RUN keys taken in
 * turn from the keys array, either through bpf_p4tc_tbl_read() on a p4tc
 * exact table or in a BPF hash map holding the same keys. Both programs do
 * the same work around the lookup, so their ratio is the lookups' ratio.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#include <p4tc/kfuncs.h>

#include "tbl_bench.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, BENCH_KEYS);
	__type(key, __u32);
	__type(value, struct bench_key);
} keys SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, BENCH_KEYS);
	__type(key, struct bench_key);
	__type(value, struct bench_value);
} hash SEC(".maps");

__u32 pipeid;
__u32 tblid;
__u32 next;

struct table_key {
	struct p4tc_table_entry_key_hdr hdr;
	__u8 key[16];
};

SEC("tc")
int lookup_p4tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct table_key k = { .hdr = { .keysz = BENCH_KEY_LEN * 8 } };
	struct p4tc_table_entry_act_bpf *act;
	struct bench_key *src;
	__u32 i, idx, hits = 0;

	for (i = 0; i < LOOKUPS_PER_RUN; i++) {
		idx = next++ & (BENCH_KEYS - 1);
		src = bpf_map_lookup_elem(&keys, &idx);
		if (!src)
			return TC_ACT_SHOT;
		__builtin_memcpy(k.key, src->b, BENCH_KEY_LEN);
		act = bpf_p4tc_tbl_read(skb, &params, sizeof(params), &k, sizeof(k));
		if (act && act->act_id)
			hits++;
	}
	return hits;
}

SEC("tc")
int lookup_hash(struct __sk_buff *skb)
{
	struct bench_value *val;
	struct bench_key k, *src;
	__u32 i, idx, hits = 0;

	for (i = 0; i < LOOKUPS_PER_RUN; i++) {
		idx = next++ & (BENCH_KEYS - 1);
		src = bpf_map_lookup_elem(&keys, &idx);
		if (!src)
			return TC_ACT_SHOT;
		__builtin_memcpy(k.b, src->b, BENCH_KEY_LEN);
		val = bpf_map_lookup_elem(&hash, &k);
		if (val && val->act_id)
			hits++;
	}
	return hits;
}

char _license[] SEC("license") = "GPL";
