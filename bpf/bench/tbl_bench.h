/* SPDX-License-Identifier: GPL-2.0 */
/* What tbl_bench.c and tbl_bench.bpf.c share. */
#ifndef _TBL_BENCH_H
#define _TBL_BENCH_H

#define BENCH_KEYS		(1 << 20)	/* entries, and keys looked up */
#define BENCH_KEY_LEN		13		/* a 5-tuple */
#define BENCH_PARAMS_LEN	16
#define LOOKUPS_PER_RUN		64

struct bench_key {
	__u8 b[BENCH_KEY_LEN];
};

/* The hash map's value: what an entry holds, an action and its params. */
struct bench_value {
	__u32 act_id;
	__u8 params[BENCH_PARAMS_LEN - 4];
};

#endif /* _TBL_BENCH_H */
