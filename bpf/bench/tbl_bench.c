// SPDX-License-Identifier: GPL-2.0
/*
 * make bench, in the guest: a p4tc exact table against a BPF hash map with
 * the same 1M keys (13 bytes) and values (16 bytes of params), measured in
 * the same run:
 *
 *   insert_vs_bpf_batch  entries/s through libp4tc batches, one core,
 *                        divided by entries/s of BPF_MAP_UPDATE_BATCH,
 *                        chunks of 4096 into each in turn
 *   exact_vs_bpf_hash    ns/lookup through bpf_p4tc_tbl_read() divided by
 *                        ns/lookup in the hash map, random keys looked up
 *                        in a random order (not the order of insertion,
 *                        which would favour allocators that lay entries
 *                        out in that order)
 *   bytes_per_entry      the table's memory divided by its entries
 *
 * Usage: tbl_bench OBJ PIPELINE PIPEID TABLE TBLID ACTION
 * The pipeline must be sealed, the table empty, exact, with a 104-bit key
 * and room for 1M entries, the action with one bit128 param.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/types.h>

#include "../../tools/lib/libp4tc.h"
#include "../bpf_globals.h"
#include "tbl_bench.h"

#define CHUNK		4096	/* entries per libp4tc or BPF batch call */
/*
 * Lookups are measured in many short rounds, alternating p4tc and hash,
 * each over an eighth of the keys: the figure is the median of the
 * rounds' ratios, which drifts in the load of the machine cancel out of.
 */
#define LOOKUP_RUNS	(BENCH_KEYS / LOOKUPS_PER_RUN / 8)
#define ROUNDS		41

static struct bench_key keys[BENCH_KEYS];
static struct bench_value values[BENCH_KEYS];
static __u32 perm[BENCH_KEYS];

static void die(const char *what, int err)
{
	fprintf(stderr, "tbl_bench: %s: %s\n", what, strerror(err < 0 ? -err : err));
	exit(1);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* xorshift64*: the same keys and values every run. */
static __u64 rnd(void)
{
	static __u64 s = 0x9e3779b97f4a7c15ULL;

	s ^= s >> 12;
	s ^= s << 25;
	s ^= s >> 27;
	return s * 0x2545f4914f6cdd1dULL;
}

static void fill_random(void *buf, size_t len)
{
	__u8 *p = buf;
	__u64 r;

	while (len) {
		size_t n = len < sizeof(r) ? len : sizeof(r);

		r = rnd();
		memcpy(p, &r, n);
		p += n;
		len -= n;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Insert every key into the p4tc table and into the hash map, a chunk into
 * each in turn. The ratio is the median of the chunks' ratios, which
 * drifts in the load of the machine cancel out of; the rates are over all
 * chunks.
 */
static double insert_both(struct p4tc_handle *h, const char *pname, __u32 tblid,
			  __u32 act_id, int hash_fd, double *p4tc_rate, double *bpf_rate)
{
	struct p4tc_entry *batch = calloc(CHUNK, sizeof(*batch));
	static double ratio[BENCH_KEYS / CHUNK];
	double t0, t1, t2, p4tc_s = 0, bpf_s = 0;
	__u32 i, j, n, c;
	int err;

	if (!batch)
		die("calloc", ENOMEM);
	for (j = 0; j < CHUNK; j++) {
		batch[j].table_id = tblid;
		batch[j].keylen = BENCH_KEY_LEN;
		batch[j].action_id = act_id;
		batch[j].nparams = 1;
		batch[j].params[0].id = 1;
		batch[j].params[0].len = sizeof(struct bench_value);
	}
	for (i = 0, c = 0; i < BENCH_KEYS; i += CHUNK, c++) {
		t0 = now_s();
		for (j = 0; j < CHUNK; j++) {
			memcpy(batch[j].key, &keys[i + j], BENCH_KEY_LEN);
			memcpy(batch[j].params[0].value, &values[i + j], sizeof(values[0]));
		}
		n = CHUNK;
		err = p4tc_entry_create_batch(h, pname, batch, &n, NULL);
		if (err)
			die(p4tc_errmsg(h), err);
		t1 = now_s();
		n = CHUNK;
		err = bpf_map_update_batch(hash_fd, &keys[i], &values[i], &n, NULL);
		if (err)
			die("BPF_MAP_UPDATE_BATCH", err);
		t2 = now_s();
		p4tc_s += t1 - t0;
		bpf_s += t2 - t1;
		ratio[c] = (t2 - t1) / (t1 - t0);
	}
	free(batch);
	*p4tc_rate = BENCH_KEYS / p4tc_s;
	*bpf_rate = BENCH_KEYS / bpf_s;
	qsort(ratio, c, sizeof(double), cmp_double);
	return ratio[c / 2];
}

/* ns per lookup of one BPF_PROG_TEST_RUN over the next eighth of the keys. */
static double lookup_ns(int prog_fd)
{
	__u8 frame[64] = { [12] = 0x08 };
	LIBBPF_OPTS(bpf_test_run_opts, opts,
		.data_in = frame,
		.data_size_in = sizeof(frame),
		.repeat = LOOKUP_RUNS,
	);
	int err;

	err = bpf_prog_test_run_opts(prog_fd, &opts);
	if (err)
		die("BPF_PROG_TEST_RUN", err);
	if (opts.retval != LOOKUPS_PER_RUN)
		die("lookups missed entries", EINVAL);
	return (double)opts.duration / LOOKUPS_PER_RUN;
}

int main(int argc, char **argv)
{
	double p4tc_ns[ROUNDS], hash_ns[ROUNDS], ratio[ROUNDS];
	double p4tc_rate, bpf_rate, insert_ratio;
	int prog_p4tc, prog_hash, keys_fd, hash_fd, err, r;
	struct p4tc_table tbl = { 0 };
	struct bpf_object *obj;
	struct p4tc_handle *h;
	__u32 i, n;

	if (argc != 7) {
		fprintf(stderr, "usage: tbl_bench OBJ PIPELINE PIPEID TABLE TBLID ACTION_ID\n");
		return 1;
	}
	for (i = 0; i < BENCH_KEYS; i++) {
		fill_random(&keys[i], sizeof(keys[i]));
		fill_random(&values[i], sizeof(values[i]));
		values[i].act_id = 1;
	}

	/* Fisher-Yates: the order in which the lookups take the keys. */
	for (i = 0; i < BENCH_KEYS; i++)
		perm[i] = i;
	for (i = BENCH_KEYS - 1; i > 0; i--) {
		__u32 j = rnd() % (i + 1), tmp = perm[i];

		perm[i] = perm[j];
		perm[j] = tmp;
	}
	h = p4tc_open(NULL);
	if (!h)
		die("p4tc_open", errno);
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj)
		die("bpf_object__open_file", errno);
	set_global(obj, "pipeid", atoi(argv[3]));
	set_global(obj, "tblid", atoi(argv[5]));
	err = bpf_object__load(obj);
	if (err)
		die("bpf_object__load", err);
	prog_p4tc = bpf_program__fd(bpf_object__find_program_by_name(obj, "lookup_p4tc"));
	prog_hash = bpf_program__fd(bpf_object__find_program_by_name(obj, "lookup_hash"));
	keys_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "keys"));
	hash_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "hash"));
	insert_ratio = insert_both(h, argv[2], atoi(argv[5]), atoi(argv[6]), hash_fd,
				   &p4tc_rate, &bpf_rate);
	snprintf(tbl.name, sizeof(tbl.name), "%s", argv[4]);
	err = p4tc_table_get(h, argv[2], &tbl);
	if (err)
		die(p4tc_errmsg(h), err);
	if (tbl.nentries != BENCH_KEYS)
		die("the table does not hold every entry", EINVAL);
	for (i = 0; i < BENCH_KEYS; i += CHUNK) {
		static struct bench_key order[CHUNK];
		__u32 idx[CHUNK];

		for (n = 0; n < CHUNK; n++) {
			idx[n] = i + n;
			order[n] = keys[perm[i + n]];
		}
		n = CHUNK;
		err = bpf_map_update_batch(keys_fd, idx, order, &n, NULL);
		if (err)
			die("keys", err);
	}

	for (r = 0; r < ROUNDS; r++) {
		p4tc_ns[r] = lookup_ns(prog_p4tc);
		hash_ns[r] = lookup_ns(prog_hash);
		ratio[r] = p4tc_ns[r] / hash_ns[r];
	}
	qsort(ratio, ROUNDS, sizeof(double), cmp_double);
	qsort(p4tc_ns, ROUNDS, sizeof(double), cmp_double);
	qsort(hash_ns, ROUNDS, sizeof(double), cmp_double);

	printf("BENCH exact_vs_bpf_hash %.3f ratio (target <= 1.10)\n", ratio[ROUNDS / 2]);
	printf("BENCH exact_lookup_ns %.1f ns\n", p4tc_ns[ROUNDS / 2]);
	printf("BENCH bpf_hash_lookup_ns %.1f ns\n", hash_ns[ROUNDS / 2]);
	printf("BENCH insert_vs_bpf_batch %.3f ratio (target >= 0.5)\n", insert_ratio);
	printf("BENCH insert_rate %.0f entries/s\n", p4tc_rate);
	printf("BENCH bpf_update_batch_rate %.0f entries/s\n", bpf_rate);
	printf("# upstream P4TC (EuroP4 '23): 641000 entries/s per core, native\n");
	printf("BENCH bytes_per_entry %.1f bytes\n", (double)tbl.memory / tbl.nentries);
	bpf_object__close(obj);
	p4tc_close(h);
	return 0;
}
