// SPDX-License-Identifier: GPL-2.0
/*
 * For test_bpf_load: an initialised p4tc_filter_fields lands in .data,
 * where the loader cannot fill it; loading must fail, not run with it.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <p4tc/kfuncs.h>

struct p4tc_filter_fields p4tc_filter_fields = { .pipeid = 7 };

SEC("p4tc/main")
int main_prog(struct __sk_buff *skb)
{
	return p4tc_filter_fields.pipeid;
}

char _license[] SEC("license") = "GPL";
