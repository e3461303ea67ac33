// SPDX-License-Identifier: GPL-2.0
/*
 * Programs that call the table kfuncs the way generated code does, run with
 * BPF_PROG_TEST_RUN by kfunc_test.c. Each lookup returns what it found:
 * act_id << 24 | hit << 16 | the low 16 bits of the first param, or
 * KFUNC_TEST_MISS when the kfunc returned NULL. Each datapath write
 * returns the kfunc's result, 0 or a negative errno.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <p4tc/kfuncs.h>

#include "kfunc_test.h"

__u32 pipeid;
__u32 tblid;
__u32 dst;	/* network order */

struct key32 {
	__u32 keysz;
	__u32 maskid;
	__u32 field0;
} __attribute__((packed, aligned(8)));

/* A key blob 8 bytes longer than the table's. */
struct key32_long {
	struct key32 key;
	__u64 extra;
};

static __always_inline int verdict(struct p4tc_table_entry_act_bpf *act)
{
	if (!act)
		return KFUNC_TEST_MISS;
	/*
	 * Reads straight from the returned record, as generated code does;
	 * the flags as the whole word (hit, default miss, default hit): the
	 * verifier refuses loads that start inside a bitfield.
	 */
	__u32 flags = *(__u32 *)((__u8 *)act + 4);

	return act->act_id << 24 | (flags & 7) << 16 | *(__u16 *)&act->params[0];
}

SEC("tc")
int tbl_read_tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key)));
}

SEC("xdp")
int tbl_read_xdp(struct xdp_md *ctx)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(xdp_p4tc_tbl_read(ctx, &params, sizeof(params), &key, sizeof(key)));
}

SEC("tc")
int tbl_read_long_key(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32_long key = { .key = { .keysz = 32, .field0 = dst } };

	return verdict(bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key)));
}

SEC("tc")
int tbl_read_long_params(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params[2] = { { pipeid, tblid } };
	struct key32 key = { .keysz = 32, .field0 = dst };

	return verdict(bpf_p4tc_tbl_read(skb, params, sizeof(params), &key, sizeof(key)));
}

/*
 * Datapath writes of dst with action 3 (cb/send) and its port param:
 * 0x4321 for creates, 0x5555 for updates; timer profile 1.
 */
static __always_inline void dp_params(struct p4tc_table_entry_create_bpf_params *p,
				      __u16 port)
{
	p->act_bpf.act_id = 3;
	*(__u16 *)p->act_bpf.params = port;
	p->profile_id = 1;
	p->pipeid = pipeid;
	p->tblid = tblid;
}

#define DP_WRITE_PROG(name, sec, ctx_type, kfunc, port)			\
SEC(sec)								\
int name(ctx_type *ctx)							\
{									\
	struct p4tc_table_entry_create_bpf_params p = {};		\
	struct key32 key = { .keysz = 32, .field0 = dst };		\
									\
	dp_params(&p, port);						\
	return kfunc(ctx, &p, sizeof(p), &key, sizeof(key));		\
}

DP_WRITE_PROG(entry_create_tc, "tc", struct __sk_buff, bpf_p4tc_entry_create, 0x4321)
DP_WRITE_PROG(entry_create_on_miss_tc, "tc", struct __sk_buff, bpf_p4tc_entry_create_on_miss,
	      0x4321)
DP_WRITE_PROG(entry_update_tc, "tc", struct __sk_buff, bpf_p4tc_entry_update, 0x5555)
DP_WRITE_PROG(entry_delete_tc, "tc", struct __sk_buff, bpf_p4tc_entry_delete, 0)
DP_WRITE_PROG(entry_create_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_create, 0x4321)
DP_WRITE_PROG(entry_create_on_miss_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_create_on_miss,
	      0x4321)
DP_WRITE_PROG(entry_update_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_update, 0x5555)
DP_WRITE_PROG(entry_delete_xdp, "xdp", struct xdp_md, xdp_p4tc_entry_delete, 0)

/* A create with an action the pipeline does not have. */
SEC("tc")
int entry_create_bad_action(struct __sk_buff *skb)
{
	struct p4tc_table_entry_create_bpf_params p = {};
	struct key32 key = { .keysz = 32, .field0 = dst };

	dp_params(&p, 1);
	p.act_bpf.act_id = 99;
	return bpf_p4tc_entry_create(skb, &p, sizeof(p), &key, sizeof(key));
}

/* A create with a params__sz not the struct's (a bigger buffer). */
SEC("tc")
int entry_create_short_params(struct __sk_buff *skb)
{
	struct p4tc_table_entry_create_bpf_params p[2] = {};
	struct key32 key = { .keysz = 32, .field0 = dst };

	dp_params(&p[0], 1);
	return bpf_p4tc_entry_create(skb, p, sizeof(p[0]) - 8, &key, sizeof(key));
}

/* A digest: ext_id 5, inst_id 1 (2 from XDP), data 0xdeadbeef then zeros. */
static __always_inline void digest_params(struct p4tc_ext_bpf_params *p, __u32 inst)
{
	p->pipe_id = pipeid;
	p->ext_id = 5;
	p->inst_id = inst;
	p->in_params[0] = 0xde;
	p->in_params[1] = 0xad;
	p->in_params[2] = 0xbe;
	p->in_params[3] = 0xef;
}

SEC("tc")
int digest_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};

	digest_params(&p, 1);
	return bpf_p4tc_extern_digest_pack(skb, &p, sizeof(p));
}

SEC("xdp")
int digest_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};

	digest_params(&p, 2);
	return xdp_p4tc_extern_digest_pack(ctx, &p, sizeof(p));
}

/* A params__sz not the struct's (a bigger buffer): -EINVAL. */
SEC("tc")
int digest_short(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p[2] = {};

	return bpf_p4tc_extern_digest_pack(skb, p, sizeof(p[0]) - 8);
}

/*
 * Externs: the address in dst names the call, as bytes: kind (ext_id),
 * instance (inst_id), the packet's colour for colour-aware meters; tblid
 * is the element index. Direct calls name the table in tblid and the key
 * in dst.
 */
static __always_inline void ext_params(struct p4tc_ext_bpf_params *p, __u32 flags)
{
	const __u8 *b = (const __u8 *)&dst;

	p->pipe_id = pipeid;
	p->ext_id = b[0];
	p->inst_id = b[1];
	p->index = tblid;
	p->flags = flags;
	p->in_params[0] = b[2];
}

static __always_inline void direct_params(struct p4tc_ext_bpf_params *p, __u32 flags)
{
	p->pipe_id = pipeid;
	p->tbl_id = tblid;
	p->flags = flags;
}

#define EXT_KFUNC_TC(prog, call, flags)					\
SEC("tc")								\
int prog(struct __sk_buff *skb)						\
{									\
	struct p4tc_ext_bpf_params p = {};				\
	struct key32 key = { .keysz = 32 };				\
									\
	ext_params(&p, flags);						\
	return call(skb, &p, sizeof(p), &key, sizeof(key));		\
}

EXT_KFUNC_TC(count_pktsnbytes_tc, bpf_p4tc_extern_count_pktsnbytes, P4TC_EXT_CNT_INDIRECT)
EXT_KFUNC_TC(count_pkts_tc, bpf_p4tc_extern_count_pkts, P4TC_EXT_CNT_INDIRECT)
EXT_KFUNC_TC(count_bytes_tc, bpf_p4tc_extern_count_bytes, P4TC_EXT_CNT_INDIRECT)
EXT_KFUNC_TC(meter_bytes_tc, bpf_p4tc_extern_meter_bytes, P4TC_EXT_METER_INDIRECT)
EXT_KFUNC_TC(meter_pkts_tc, bpf_p4tc_extern_meter_pkts, P4TC_EXT_METER_INDIRECT)
EXT_KFUNC_TC(meter_bytes_color_tc, bpf_p4tc_extern_meter_bytes_color, P4TC_EXT_METER_INDIRECT)
EXT_KFUNC_TC(meter_pkts_color_tc, bpf_p4tc_extern_meter_pkts_color, P4TC_EXT_METER_INDIRECT)

SEC("xdp")
int count_pktsnbytes_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};

	ext_params(&p, P4TC_EXT_CNT_INDIRECT);
	return xdp_p4tc_extern_count_pktsnbytes(ctx, &p, sizeof(p));
}

SEC("xdp")
int meter_pkts_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};
	struct key32 key = { .keysz = 32 };

	ext_params(&p, P4TC_EXT_METER_INDIRECT);
	return xdp_p4tc_extern_meter_pkts(ctx, &p, sizeof(p), &key, sizeof(key));
}

/* A direct counter: a lookup, then the count, as generated code does. */
SEC("tc")
int count_direct_after_read_tc(struct __sk_buff *skb)
{
	struct p4tc_table_entry_act_bpf_params params = { pipeid, tblid };
	struct key32 key = { .keysz = 32, .field0 = dst };
	struct p4tc_ext_bpf_params p = {};

	if (!bpf_p4tc_tbl_read(skb, &params, sizeof(params), &key, sizeof(key)))
		return KFUNC_TEST_MISS;
	direct_params(&p, P4TC_EXT_CNT_DIRECT);
	return bpf_p4tc_extern_count_pktsnbytes(skb, &p, sizeof(p), &key, sizeof(key));
}

SEC("tc")
int count_direct_tc(struct __sk_buff *skb)
{
	struct key32 key = { .keysz = 32, .field0 = dst };
	struct p4tc_ext_bpf_params p = {};

	direct_params(&p, P4TC_EXT_CNT_DIRECT);
	return bpf_p4tc_extern_count_pkts(skb, &p, sizeof(p), &key, sizeof(key));
}

SEC("tc")
int meter_direct_tc(struct __sk_buff *skb)
{
	struct key32 key = { .keysz = 32, .field0 = dst };
	struct p4tc_ext_bpf_params p = {};

	direct_params(&p, P4TC_EXT_METER_DIRECT);
	return bpf_p4tc_extern_meter_pkts(skb, &p, sizeof(p), &key, sizeof(key));
}

/* md_read: the element's first 4 bytes of params, or KFUNC_TEST_MISS. */
SEC("tc")
int md_read_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val *v;

	ext_params(&p, 0);
	v = bpf_p4tc_extern_md_read(skb, &p, sizeof(p));
	return v ? *(__u32 *)v->out_params : KFUNC_TEST_MISS;
}

SEC("xdp")
int md_read_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val *v;

	ext_params(&p, 0);
	v = xdp_p4tc_extern_md_read(ctx, &p, sizeof(p));
	return v ? *(__u32 *)v->out_params : KFUNC_TEST_MISS;
}

/* md_write: the element's first 4 bytes of params become 0x5a00 + index. */
SEC("tc")
int md_write_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val v = {};

	ext_params(&p, 0);
	*(__u32 *)v.out_params = 0x5a00 + tblid;
	return bpf_p4tc_extern_md_write(skb, &p, sizeof(p), &v, sizeof(v));
}

SEC("xdp")
int md_write_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_bpf_params p = {};
	struct p4tc_ext_bpf_val v = {};

	ext_params(&p, 0);
	*(__u32 *)v.out_params = 0x5a00 + tblid;
	return xdp_p4tc_extern_md_write(ctx, &p, sizeof(p), &v, sizeof(v));
}

/* A params__sz not the struct's: -EINVAL. */
SEC("tc")
int count_short_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_bpf_params p[2] = {};
	struct key32 key = { .keysz = 32 };

	ext_params(&p[0], P4TC_EXT_CNT_INDIRECT);
	return bpf_p4tc_extern_count_pkts(skb, p, sizeof(p[0]) - 8, &key, sizeof(key));
}

/* Port kinds of the device whose ifindex is in tblid: net << 1 | host. */
SEC("tc")
int port_kind_tc(struct __sk_buff *skb)
{
	return bpf_p4tc_is_net_port(skb, tblid) << 1 | bpf_p4tc_is_host_port(skb, tblid);
}

SEC("xdp")
int port_kind_xdp(struct xdp_md *ctx)
{
	return xdp_p4tc_is_net_port(ctx, tblid) << 1 | xdp_p4tc_is_host_port(ctx, tblid);
}

/*
 * skb metadata: each set field read back through __sk_buff, one bit each
 * (tstamp, mark, classid, tc_index, queue_mapping, protocol): 0x3f.
 */
SEC("tc")
int skb_meta_set_all(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {
		.tstamp = 1000000000ULL,
		.mark = 0x1234,
		.tc_classid = 0x10,
		.tc_index = 7,
		.queue_mapping = 3,
		.protocol = __builtin_bswap16(0x86dd),
		.bitmask = P4TC_SKB_META_SET_ALL,
	};
	int err = bpf_p4tc_skb_meta_set(skb, &m, sizeof(m));

	if (err)
		return err;
	return (skb->tstamp == 1000000000ULL) | (skb->mark == 0x1234) << 1 |
	       (skb->tc_classid == 0x10) << 2 | (skb->tc_index == 7) << 3 |
	       (skb->queue_mapping == 3) << 4 | (skb->protocol == __builtin_bswap16(0x86dd)) << 5;
}

/* Only the fields of the bitmask: the mark, not the tc_index given. */
SEC("tc")
int skb_meta_set_mark(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {
		.mark = 0x99,
		.tc_index = 9,
		.bitmask = P4TC_SKB_META_SET_MARK,
	};
	int err;

	skb->tc_index = 5;
	err = bpf_p4tc_skb_meta_set(skb, &m, sizeof(m));
	return err ?: skb->mark << 8 | skb->tc_index;
}

/* An unknown bitmask bit: -EINVAL, and nothing is set. */
SEC("tc")
int skb_meta_set_bad_bit(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {
		.mark = 0x99,
		.bitmask = P4TC_SKB_META_SET_MARK | 0x40,
	};
	int err = bpf_p4tc_skb_meta_set(skb, &m, sizeof(m));

	return skb->mark == 0x99 ? 0xbad : err;
}

/* No queue (0xffff) is no queue_mapping to set: -EINVAL, nothing set. */
SEC("tc")
int skb_meta_set_no_queue(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m = {
		.mark = 0x99,
		.queue_mapping = 0xffff,
		.bitmask = P4TC_SKB_META_SET_MARK | P4TC_SKB_META_SET_QMAP,
	};
	int err = bpf_p4tc_skb_meta_set(skb, &m, sizeof(m));

	return skb->mark == 0x99 ? 0xbad : err;
}

/* A meta__sz not the struct's (a bigger buffer): -EINVAL. */
SEC("tc")
int skb_meta_set_short(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_set m[2] = {};

	return bpf_p4tc_skb_meta_set(skb, m, sizeof(m[0]) - 8);
}

/* bitmask << 8 | tc_at_ingress << 1 | from_ingress. */
SEC("tc")
int skb_meta_get(struct __sk_buff *skb)
{
	struct p4tc_skb_meta_get g = {};
	int err = bpf_p4tc_skb_meta_get(skb, &g, sizeof(g));

	return err ?: g.bitmask << 8 | g.tc_at_ingress << 1 | g.from_ingress;
}

/*
 * Checksum and hash externs over the check string of the CRC catalogues
 * ("123456789": CRC-16/ARC 0xbb3d, CRC-32/ISO-HDLC 0xcbf43926), and the
 * Internet checksum of a textbook IPv4 header (0xb861).
 */
#define CHECK_STRING(s)	char s[9]; __builtin_memcpy(s, "123456789", 9)

static __always_inline void ipv4_header(__u8 *h)
{
	static const __u8 hdr[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};

	__builtin_memcpy(h, hdr, sizeof(hdr));
}

/* CRC16 over two pieces: the state carries over. */
SEC("tc")
int csum_crc16_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_csum_params p = { .csum = 0x1234 };
	CHECK_STRING(s);

	bpf_p4tc_ext_csum_crc16_clear(&p, sizeof(p));
	bpf_p4tc_ext_csum_crc16_add(&p, sizeof(p), s, 4);
	bpf_p4tc_ext_csum_crc16_add(&p, sizeof(p), s + 4, 5);
	return bpf_p4tc_ext_csum_crc16_get(&p, sizeof(p));
}

SEC("xdp")
int csum_crc32_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_csum_params p = { .csum = 0x1234 };
	CHECK_STRING(s);

	bpf_p4tc_ext_csum_crc32_clear(&p, sizeof(p));
	bpf_p4tc_ext_csum_crc32_add(&p, sizeof(p), s, 2);
	bpf_p4tc_ext_csum_crc32_add(&p, sizeof(p), s + 2, 7);
	return bpf_p4tc_ext_csum_crc32_get(&p, sizeof(p));
}

/* The checksum of the header as it goes into it (memory order: 0x61b8). */
SEC("tc")
int csum16_tc(struct __sk_buff *skb)
{
	struct p4tc_ext_csum_params p = { .csum = 0x1234 };
	__u8 h[20];

	ipv4_header(h);
	bpf_p4tc_ext_csum_16bit_complement_clear(&p, sizeof(p));
	bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), h, 10);
	bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), h + 10, 10);
	return bpf_p4tc_ext_csum_16bit_complement_get(&p, sizeof(p));
}

/*
 * A TTL decrement as P4 programs update the checksum: from the header's
 * checksum (set_state of its complement), take the old TTL and protocol
 * word out and put the new one in. Returns the updated checksum in the
 * high half and the checksum of the changed header computed afresh in the
 * low half: the two must agree.
 */
SEC("xdp")
int csum16_update_xdp(struct xdp_md *ctx)
{
	struct p4tc_ext_csum_params p = {};
	__u16 incr, full, check;
	__u8 h[20];

	ipv4_header(h);
	bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), h, 20);
	check = bpf_p4tc_ext_csum_16bit_complement_get(&p, sizeof(p));
	__builtin_memcpy(h + 10, &check, 2);

	bpf_p4tc_ext_csum_16bit_complement_set_state(&p, sizeof(p), (__u16)~check);
	bpf_p4tc_ext_csum_16bit_complement_sub(&p, sizeof(p), h + 8, 2);
	h[8]--;
	bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), h + 8, 2);
	incr = bpf_p4tc_ext_csum_16bit_complement_get(&p, sizeof(p));

	h[10] = 0;
	h[11] = 0;
	bpf_p4tc_ext_csum_16bit_complement_clear(&p, sizeof(p));
	bpf_p4tc_ext_csum_16bit_complement_add(&p, sizeof(p), h, 20);
	full = bpf_p4tc_ext_csum_16bit_complement_get(&p, sizeof(p));
	return incr << 16 | full;
}

/*
 * A params__sz smaller than the struct, which the verifier checks alone:
 * the kfuncs do nothing and return 0. 1 if so.
 */
SEC("tc")
int csum_params_short(struct __sk_buff *skb)
{
	struct p4tc_ext_csum_params p = { .csum = 0x1234 };
	CHECK_STRING(s);
	__u32 r;

	r = bpf_p4tc_ext_csum_crc16_add(&p, 1, s, 9);
	r |= bpf_p4tc_ext_csum_crc32_add(&p, 2, s, 9);
	bpf_p4tc_ext_csum_16bit_complement_set_state(&p, 1, 0xffff);
	bpf_p4tc_ext_csum_crc32_clear(&p, 3);
	return !r && p.csum == 0x1234;
}

SEC("tc")
int hash_crc16_tc(struct __sk_buff *skb)
{
	CHECK_STRING(s);

	return bpf_p4tc_ext_hash_crc16(s, sizeof(s), 0);
}

/* A seed continues: the CRC32 of "1234", then the rest. */
SEC("xdp")
int hash_crc32_xdp(struct xdp_md *ctx)
{
	CHECK_STRING(s);

	return bpf_p4tc_ext_hash_crc32(s + 4, 5, bpf_p4tc_ext_hash_crc32(s, 4, 0));
}

SEC("tc")
int hash_csum16_tc(struct __sk_buff *skb)
{
	__u8 h[20];

	ipv4_header(h);
	return bpf_p4tc_ext_hash_16bit_complement(h, sizeof(h), 0);
}

char _license[] SEC("license") = "GPL";
