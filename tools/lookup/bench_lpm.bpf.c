// SPDX-License-Identifier: GPL-2.0
/*
 * The BPF side of bench_lookup's LPM comparison: BATCH lookups per run in
 * a BPF_MAP_TYPE_LPM_TRIE, over the same key sequence as the native loop,
 * and the same loop without the lookups, whose time is subtracted.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "bench_lpm.h"

struct lpm_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, BENCH_LPM_MAX_PREFIXES);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_key);
	__type(value, __u32);
} trie SEC(".maps");

__u32 keys[BENCH_LPM_KEYS];
__u32 pos;
__u64 sum;

SEC("xdp")
int lookup(struct xdp_md *ctx)
{
	struct lpm_key k = { .prefixlen = 32 };
	__u32 p = pos, i, *v;
	__u64 s = 0;

	for (i = 0; i < BENCH_LPM_BATCH; i++) {
		__builtin_memcpy(k.addr, &keys[(p + i) & (BENCH_LPM_KEYS - 1)], 4);
		v = bpf_map_lookup_elem(&trie, &k);
		if (v)
			s += *v;
	}
	pos = p + BENCH_LPM_BATCH;
	sum += s;
	return XDP_PASS;
}

SEC("xdp")
int overhead(struct xdp_md *ctx)
{
	struct lpm_key k = { .prefixlen = 32 };
	__u32 p = pos, i, a;
	__u64 s = 0;

	for (i = 0; i < BENCH_LPM_BATCH; i++) {
		__builtin_memcpy(k.addr, &keys[(p + i) & (BENCH_LPM_KEYS - 1)], 4);
		/* What the lookup loop does with the key, without the call. */
		__builtin_memcpy(&a, k.addr, 4);
		asm volatile("" : "+r"(a));
		s += a;
	}
	pos = p + BENCH_LPM_BATCH;
	sum += s;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
