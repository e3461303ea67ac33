// SPDX-License-Identifier: GPL-2.0
/*
 * Programs for test_bpf_load: "p4tc/main" returns what the loader wrote in
 * p4tc_filter_fields; "p4tc/parse" does not pass the verifier, so loading
 * "p4tc/main" proves the other sections are left out; "p4tc/twice" holds
 * two programs, which a filter's section must not.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <p4tc/kfuncs.h>

struct p4tc_filter_fields p4tc_filter_fields;

SEC("p4tc/parse")
int parse(struct __sk_buff *skb)
{
	/* A packet read without a bounds check. */
	return *(int *)(long)skb->data;
}

SEC("p4tc/main")
int main_prog(struct __sk_buff *skb)
{
	return p4tc_filter_fields.pipeid | p4tc_filter_fields.prio << 8 |
	       p4tc_filter_fields.chain << 16;
}

SEC("p4tc/twice")
int twice_a(struct __sk_buff *skb)
{
	return 0;
}

SEC("p4tc/twice")
int twice_b(struct __sk_buff *skb)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
