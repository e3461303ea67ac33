// SPDX-License-Identifier: GPL-2.0
/*
 * Programs the verifier must reject; kfunc_test.c loads each one alone
 * ("?" sections do not autoload) and checks the verifier's message.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <p4tc/kfuncs.h>

struct key32 {
	__u32 keysz;
	__u32 maskid;
	__u32 field0;
} __attribute__((packed, aligned(8)));

/* The result may be NULL: reading it unchecked is rejected. */
SEC("?tc")
int null_not_checked(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key))->act_id;
}

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct key32);
} keys SEC(".maps");

/* key__sz larger than the key buffer (a map value, so that nothing else
 * initialized lies behind it as it could on the stack).
 */
SEC("?tc")
int key_size_too_big(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	__u32 zero = 0;
	struct key32 *key;

	key = bpf_map_lookup_elem(&keys, &zero);
	if (!key)
		return 0;
	return !!bpf_p4tc_tbl_read(skb, &params, sizeof(params), key, sizeof(*key) + 8);
}

/* params__sz larger than the params buffer. */
SEC("?tc")
int params_size_too_big(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return !!bpf_p4tc_tbl_read(skb, &params, sizeof(params) + 8, &key, sizeof(key));
}

/* The first argument must be the program's context. */
SEC("?tc")
int ctx_not_ctx(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return !!bpf_p4tc_tbl_read((struct __sk_buff *)&key, &params, sizeof(params),
				   &key, sizeof(key));
}

/* The XDP twin is not for TC programs... */
SEC("?tc")
int xdp_kfunc_from_tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return !!xdp_p4tc_tbl_read((struct xdp_md *)skb, &params, sizeof(params),
				   &key, sizeof(key));
}

/* ...and the TC one is not for XDP programs. */
SEC("?xdp")
int tc_kfunc_from_xdp(struct xdp_md *ctx)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return !!bpf_p4tc_tbl_read((struct __sk_buff *)ctx, &params, sizeof(params),
				   &key, sizeof(key));
}

/* The action record belongs to the table: it is read only. The 6.1
 * verifier refuses the store without a message of its own.
 */
SEC("?tc")
int write_result(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };
	struct p4tc_table_entry_act_bpf *act;

	act = bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key));
	if (act)
		act->act_id = 2;
	return 0;
}

/* A create whose params buffer is smaller than params__sz says. */
SEC("?tc")
int create_params_too_small(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { 1, 1 };
	struct key32 key = { .keysz = 32 };

	return bpf_p4tc_entry_create(skb, (void *)&params,
				     sizeof(struct p4tc_table_entry_create_bpf_params),
				     &key, sizeof(key));
}

/* The datapath writes of XDP are not for TC programs. */
SEC("?tc")
int xdp_create_from_tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_create_bpf_params p = {};
	struct key32 key = { .keysz = 32 };

	return xdp_p4tc_entry_create((struct xdp_md *)skb, &p, sizeof(p), &key, sizeof(key));
}

/* The context argument of a write must be the context. */
SEC("?xdp")
int delete_ctx_not_ctx(struct xdp_md *ctx)
{
	struct p4tc_table_entry_create_bpf_params p = {};
	struct key32 key = { .keysz = 32 };

	return xdp_p4tc_entry_delete((struct xdp_md *)&key, &p, sizeof(p), &key, sizeof(key));
}

/* Digests: the size is checked, and the XDP twin is not TC's. */
SEC("?tc")
int digest_too_big(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};

	return bpf_p4tc_extern_digest_pack(skb, &p, 1024);
}

SEC("?tc")
int xdp_digest_from_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};

	return xdp_p4tc_extern_digest_pack((struct xdp_md *)skb, &p, sizeof(p));
}

/* Externs: md_read may return NULL, sizes are checked, twins stay apart. */
SEC("?tc")
int md_read_not_checked(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};

	return bpf_p4tc_extern_md_read(skb, &p, sizeof(p))->out_params[0];
}

SEC("?tc")
int md_write_val_too_big(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val v = {};

	return bpf_p4tc_extern_md_write(skb, &p, sizeof(p), &v, 1024);
}

SEC("?tc")
int count_params_too_big(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};
	__u64 key = 0;

	return bpf_p4tc_extern_count_pkts(skb, &p, 1024, &key, sizeof(key));
}

SEC("?tc")
int xdp_count_from_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};

	return xdp_p4tc_extern_count_pkts((struct xdp_md *)skb, &p, sizeof(p));
}

SEC("?xdp")
int meter_ctx_not_ctx(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};
	__u64 key = 0;

	return xdp_p4tc_extern_meter_pkts((struct xdp_md *)&key, &p, sizeof(p), &key,
					  sizeof(key));
}

/* md_read's element belongs to the CPU's buffer: read only. */
SEC("?tc")
int md_read_write_result(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val *v;

	v = bpf_p4tc_extern_md_read(skb, &p, sizeof(p));
	if (v)
		v->out_params[0] = 1;
	return 0;
}

/* The port kinds of XDP are not for TC programs. */
SEC("?tc")
int xdp_port_from_tc(struct __sk_buff *skb)
{
	return xdp_p4tc_is_net_port((struct xdp_md *)skb, 1);
}

SEC("?xdp")
int port_ctx_not_ctx(struct xdp_md *ctx)
{
	__u32 x = 0;

	return xdp_p4tc_is_host_port((struct xdp_md *)&x, 1);
}

/* skb metadata kfuncs: sizes, the context, and from TC only. */
SEC("?tc")
int skb_meta_set_too_big(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {};

	return bpf_p4tc_skb_meta_set(skb, &m, 1024);
}

SEC("?tc")
int skb_meta_get_too_big(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_get g = {};

	return bpf_p4tc_skb_meta_get(skb, &g, 1024);
}

SEC("?tc")
int skb_meta_ctx_not_ctx(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {};

	return bpf_p4tc_skb_meta_set((struct __sk_buff *)&m, &m, sizeof(m));
}

SEC("?xdp")
int skb_meta_from_xdp(struct xdp_md *ctx)
{
	struct p4tc_skb_meta_get g = {};

	return bpf_p4tc_skb_meta_get((struct __sk_buff *)ctx, &g, sizeof(g));
}

/*
 * Each checksum and hash kfunc with a size beyond the stack (whatever is
 * next to a buffer on the stack may still be readable): the verifier
 * checks every (pointer, __sz) pair.
 */
#define TOO_BIG	1024

#define CSUM_TOO_BIG(prog, call)				\
SEC("?tc")							\
int prog(struct __sk_buff *skb)					\
{								\
	struct p4tc_ext_csum_params p = {};			\
	char d[4] __attribute__((unused)) = {};		\
								\
	call;							\
	return p.csum;						\
}

CSUM_TOO_BIG(crc16_add_params_too_big, bpf_p4tc_ext_csum_crc16_add(&p, TOO_BIG, d, 4))
CSUM_TOO_BIG(crc16_get_params_too_big, bpf_p4tc_ext_csum_crc16_get(&p, TOO_BIG))
CSUM_TOO_BIG(crc16_clear_params_too_big, bpf_p4tc_ext_csum_crc16_clear(&p, TOO_BIG))
CSUM_TOO_BIG(crc32_add_data_too_big, bpf_p4tc_ext_csum_crc32_add(&p, sizeof(p), d, TOO_BIG))
CSUM_TOO_BIG(crc32_get_params_too_big, bpf_p4tc_ext_csum_crc32_get(&p, TOO_BIG))
CSUM_TOO_BIG(crc32_clear_params_too_big, bpf_p4tc_ext_csum_crc32_clear(&p, TOO_BIG))
CSUM_TOO_BIG(csum16_add_data_too_big,
	     bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), d, TOO_BIG))
CSUM_TOO_BIG(csum16_sub_data_too_big,
	     bpf_p4tc_ext_csum_16bit_complement_sub(&p, sizeof(p), d, TOO_BIG))
CSUM_TOO_BIG(csum16_get_params_too_big, bpf_p4tc_ext_csum_16bit_complement_get(&p, TOO_BIG))
CSUM_TOO_BIG(csum16_clear_params_too_big, bpf_p4tc_ext_csum_16bit_complement_clear(&p, TOO_BIG))
CSUM_TOO_BIG(csum16_set_state_params_too_big,
	     bpf_p4tc_ext_csum_16bit_complement_set_state(&p, TOO_BIG, 0))
CSUM_TOO_BIG(hash_crc16_data_too_big, p.csum = bpf_p4tc_ext_hash_crc16(d, TOO_BIG, 0))
CSUM_TOO_BIG(hash_crc32_data_too_big, p.csum = bpf_p4tc_ext_hash_crc32(d, TOO_BIG, 0))
CSUM_TOO_BIG(hash_csum16_data_too_big, p.csum = bpf_p4tc_ext_hash_16bit_complement(d, TOO_BIG, 0))

char _license[] SEC("license") = "GPL";
