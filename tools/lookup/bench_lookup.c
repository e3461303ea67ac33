// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of kernel/lpm.c and kernel/ternary.c, built for userspace, for
 * tools/bench. Prints "BENCH name value unit [(target op x)]" lines.
 *
 * lpm: 100000 IPv4 prefixes with a BGP-like mix of lengths (60% /24, 15%
 * /22-/23, 20% /16-/21, 3% /8-/15, 2% /25-/32), looked up with 65536
 * random addresses, against BPF_MAP_TYPE_LPM_TRIE holding the same
 * prefixes, timed by BPF_PROG_TEST_RUN over the same key sequence. On both
 * sides the loop without the lookups is timed too and subtracted; each
 * figure is the median of RUNS runs.
 *
 * ternary: TERN_RULES ACL rules (13-byte key: source and destination IPv4
 * prefixes of /8, /16, /24 or /32, ports exact or wildcard, protocol exact
 * or wildcard, unique priorities) with 128 distinct masks, then with 4,
 * looked up with a key stream of which half match some rule; then, for
 * information, 1024 masks of any prefix lengths /1 to /32.
 *
 * Every answer is checked first (the LPM trie and ours against each other
 * and against the reference model, the ternary one against the model); a
 * wrong answer is an error, exit status 1.
 *
 * Usage: bench_lookup [-g] [lpm|ternary]...   (-g: names get "_guest")
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_lpm.h"
#include "lookup.h"
#include "ref.h"

#define RUNS		7
/* Each timed run lasts about this long. */
#define RUN_SECONDS	0.1
#define TERN_RULES	4096
#define TERN_KEYS	8192
#define TERN_KEYLEN	13
/* Keys also checked against the slow reference model. */
#define LPM_CHECKED	200

static const char *suffix = "";
static uint64_t rng = 12345;

/*
 * CPU time of this thread: time preempted by other jobs on a busy machine
 * does not count, as in BPF_PROG_TEST_RUN, which runs with preemption
 * disabled and stops its clock when it yields.
 */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static void bench(const char *name, double value, const char *unit, const char *target)
{
	printf("BENCH %s%s %.*f %s%s%s%s\n", name, suffix, value < 10 ? 3 : 1, value, unit,
	       target ? " (target " : "", target ? target : "", target ? ")" : "");
	fflush(stdout);
}

static __attribute__((format(printf, 1, 2))) void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench_lookup: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/*
 * ns per lookup of a loop over keys: fn runs the loop over n keys, with
 * (lookup) or without (!lookup) the lookups; the median of RUNS timings
 * of each, the second subtracted.
 */
typedef uint64_t (*loop_fn)(const void *ctx, uint32_t n, bool lookup);

static double time_loop(loop_fn fn, const void *ctx, uint32_t nkeys)
{
	double with[RUNS], without[RUNS], t;
	uint32_t rounds = 1, r, i;
	volatile uint64_t sink;
	int run;

	/* Enough rounds over the keys for RUN_SECONDS. */
	for (;;) {
		t = now();
		for (r = 0; r < rounds; r++)
			sink = fn(ctx, nkeys, true);
		t = now() - t;
		if (t > RUN_SECONDS / 4)
			break;
		rounds *= 2;
	}
	rounds = rounds * RUN_SECONDS / t + 1;
	for (run = 0; run < RUNS; run++) {
		for (i = 0; i < 2; i++) {
			t = now();
			for (r = 0; r < rounds; r++)
				sink = fn(ctx, nkeys, !i);
			t = now() - t;
			(i ? without : with)[run] = t * 1e9 / ((double)rounds * nkeys);
		}
	}
	(void)sink;
	return median(with, RUNS) - median(without, RUNS);
}

/* ---- LPM ---- */

struct lpm_bench {
	struct p4tc_lpm *lpm;
	uint32_t keys[BENCH_LPM_KEYS];
};

static uint64_t lpm_loop(const void *ctx, uint32_t n, bool lookup)
{
	const struct lpm_bench *b = ctx;
	uint64_t sum = 0;
	uint32_t i, k;

	rcu_read_lock();
	for (i = 0; i < n; i++) {
		k = b->keys[i];
		if (lookup) {
			sum += (uintptr_t)p4tc_lpm_lookup(b->lpm, (const u8 *)&b->keys[i]);
		} else {
			asm volatile("" : "+r"(k));
			sum += k;
		}
	}
	rcu_read_unlock();
	return sum;
}

static uint32_t bgp_like_length(void)
{
	uint32_t r = ref_rand(&rng) % 100;

	if (r < 60)
		return 24;
	if (r < 75)
		return 22 + ref_rand(&rng) % 2;
	if (r < 95)
		return 16 + ref_rand(&rng) % 6;
	if (r < 98)
		return 8 + ref_rand(&rng) % 8;
	return 25 + ref_rand(&rng) % 8;
}

/* ns per lookup of the BPF trie; the program's own loop subtracted. */
static double bpf_time(struct bpf_program *lookup, struct bpf_program *overhead)
{
	struct bpf_program *progs[2] = { lookup, overhead };
	double t[2][RUNS], dt;
	uint32_t repeat = 1;
	char pkt[64] = {};
	int run, i, err;
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt, .data_size_in = sizeof(pkt));

	/* Calibrate: a run of RUN_SECONDS (the kernel reports ns per repeat). */
	for (;;) {
		opts.repeat = repeat;
		dt = now();
		err = bpf_prog_test_run_opts(bpf_program__fd(lookup), &opts);
		dt = now() - dt;
		if (err)
			die("BPF_PROG_TEST_RUN: %s", strerror(-err));
		if (dt > RUN_SECONDS / 4)
			break;
		repeat *= 2;
	}
	opts.repeat = repeat * RUN_SECONDS / dt + 1;
	for (run = 0; run < RUNS; run++) {
		for (i = 0; i < 2; i++) {
			err = bpf_prog_test_run_opts(bpf_program__fd(progs[i]), &opts);
			if (err)
				die("BPF_PROG_TEST_RUN: %s", strerror(-err));
			t[i][run] = (double)opts.duration / BENCH_LPM_BATCH;
		}
	}
	return median(t[0], RUNS) - median(t[1], RUNS);
}

static char *bpf_object_path(void)
{
	static char path[4096];
	char *slash;
	ssize_t n;

	n = readlink("/proc/self/exe", path, sizeof(path) - 32);
	if (n < 0)
		die("readlink /proc/self/exe: %s", strerror(errno));
	path[n] = 0;
	slash = strrchr(path, '/');
	strcpy(slash + 1, "bench_lpm.bpf.o");
	return path;
}

static void bench_lpm(void)
{
	struct lpm_bench *b = calloc(1, sizeof(*b));
	struct bpf_program *lookup, *overhead;
	struct { uint32_t prefixlen; uint8_t addr[4]; } bk;
	struct bpf_map *trie, *bss;
	uint32_t i, n = 0, plen, *bpf_val, val;
	struct bpf_object *obj;
	double ours, theirs, insert_time = 0;
	struct ref_lpm ref;
	uint8_t addr[4];
	void *bss_data;
	size_t bss_size;
	int err;

	obj = bpf_object__open_file(bpf_object_path(), NULL);
	if (!obj)
		die("cannot open %s", bpf_object_path());
	err = bpf_object__load(obj);
	if (err)
		die("cannot load %s: %s", bpf_object_path(), strerror(-err));
	trie = bpf_object__find_map_by_name(obj, "trie");
	bss = bpf_object__find_map_by_name(obj, ".bss");
	lookup = bpf_object__find_program_by_name(obj, "lookup");
	overhead = bpf_object__find_program_by_name(obj, "overhead");
	if (!trie || !bss || !lookup || !overhead)
		die("%s lacks its maps or programs", bpf_object_path());

	b->lpm = p4tc_lpm_alloc(4, GFP_KERNEL);
	ref_lpm_init(&ref, 4);
	while (n < BENCH_LPM_PREFIXES) {
		*(uint32_t *)addr = ref_rand(&rng);
		plen = bgp_like_length();
		val = n + 1;
		insert_time -= now();
		err = p4tc_lpm_insert(b->lpm, addr, plen, (void *)(uintptr_t)val, GFP_KERNEL);
		insert_time += now();
		if (err == -EEXIST)
			continue;
		if (err)
			die("p4tc_lpm_insert: %s", strerror(-err));
		/* p4tc_lpm_insert() said it is new: the fuzzer checks that. */
		ref_lpm_add(&ref, addr, plen, (void *)(uintptr_t)val);
		bk.prefixlen = plen;
		memcpy(bk.addr, addr, 4);
		if (bpf_map_update_elem(bpf_map__fd(trie), &bk, &val, BPF_NOEXIST))
			die("LPM trie update: %s", strerror(errno));
		n++;
	}
	for (i = 0; i < BENCH_LPM_KEYS; i++)
		b->keys[i] = ref_rand(&rng);

	/* The program's .bss: the keys, then its position and sum. */
	bss_size = bpf_map__value_size(bss);
	bss_data = calloc(1, bss_size);
	memcpy(bss_data, b->keys, sizeof(b->keys));
	i = 0;
	if (bpf_map_update_elem(bpf_map__fd(bss), &i, bss_data, BPF_ANY))
		die(".bss update: %s", strerror(errno));

	for (i = 0; i < BENCH_LPM_KEYS; i++) {
		void *ours_val;

		rcu_read_lock();
		ours_val = p4tc_lpm_lookup(b->lpm, (const u8 *)&b->keys[i]);
		rcu_read_unlock();
		bk.prefixlen = 32;
		memcpy(bk.addr, &b->keys[i], 4);
		bpf_val = &val;
		if (bpf_map_lookup_elem(bpf_map__fd(trie), &bk, &val))
			val = 0;
		if ((uintptr_t)ours_val != *bpf_val ||
		    (i < LPM_CHECKED && ours_val != ref_lpm_lookup(&ref, (const u8 *)&b->keys[i])))
			die("lpm: key %u: %p, the BPF trie says %u", i, ours_val, *bpf_val);
	}

	ours = time_loop(lpm_loop, b, BENCH_LPM_KEYS);
	theirs = bpf_time(lookup, overhead);
	bench("lpm_ns", ours, "ns", NULL);
	bench("bpf_lpm_trie_ns", theirs, "ns", NULL);
	bench("lpm_vs_bpf_trie", ours / theirs, "ratio", suffix[0] ? NULL : "<= 0.50");
	bench("bytes_per_entry_lpm", (double)p4tc_lpm_memory(b->lpm) / BENCH_LPM_PREFIXES,
	      "bytes", NULL);
	bench("lpm_insert_ns", insert_time * 1e9 / BENCH_LPM_PREFIXES, "ns", NULL);

	free(bss_data);
	bpf_object__close(obj);
	ref_lpm_fini(&ref);
	p4tc_lpm_free(b->lpm);
	free(b);
}

/* ---- ternary ---- */

struct tern_bench {
	struct p4tc_tern *t;
	uint8_t keys[TERN_KEYS][16];
};

static uint64_t tern_loop(const void *ctx, uint32_t n, bool lookup)
{
	const struct tern_bench *b = ctx;
	uint64_t sum = 0, k;
	uint32_t i;

	rcu_read_lock();
	for (i = 0; i < n; i++) {
		if (lookup) {
			sum += (uintptr_t)p4tc_tern_lookup(b->t, b->keys[i]);
		} else {
			memcpy(&k, b->keys[i], sizeof(k));
			asm volatile("" : "+r"(k));
			sum += k;
		}
	}
	rcu_read_unlock();
	return sum;
}

/*
 * The masks of an ACL: source and destination prefix lengths, then ports
 * and protocol each exact or wildcard.
 */
static void acl_mask(uint32_t src, uint32_t dst, uint32_t exact, uint8_t *mask)
{
	uint32_t j;

	memset(mask, 0, TERN_KEYLEN);
	for (j = 0; j < 32; j++) {
		if (j < src)
			mask[j / 8] |= 0x80 >> (j % 8);
		if (j < dst)
			mask[4 + j / 8] |= 0x80 >> (j % 8);
	}
	if (exact & 1)
		memset(mask + 8, 0xff, 2);
	if (exact & 2)
		memset(mask + 10, 0xff, 2);
	if (exact & 4)
		mask[12] = 0xff;
}

/*
 * Mask m of a set of nmasks. 128: lengths /8, /16, /24, /32 and the 8
 * wildcard combinations. 4: four of those. 1024: every pair of lengths
 * /1 to /32, most with no fully specified byte in common.
 */
static void acl_set_mask(uint32_t nmasks, uint32_t m, uint8_t *mask)
{
	static const uint32_t four[][3] = { { 32, 32, 7 }, { 24, 24, 6 }, { 16, 24, 4 }, { 8, 8, 0 } };

	if (nmasks == 4)
		acl_mask(four[m][0], four[m][1], four[m][2], mask);
	else if (nmasks == 128)
		acl_mask(8 + m % 4 * 8, 8 + m / 4 % 4 * 8, m / 16, mask);
	else
		acl_mask(1 + m % 32, 1 + m / 32, m * 7 % 8, mask);
}

static void acl_key(uint8_t *key)
{
	uint32_t j;

	for (j = 0; j < TERN_KEYLEN - 1; j++)
		key[j] = ref_rand(&rng);
	key[12] = ref_rand(&rng) % 2 ? 6 : 17;
}

/* ns per lookup with rules of nmasks masks (spread evenly). */
static double bench_tern_masks(uint32_t nmasks, size_t *memory)
{
	struct tern_bench *b = calloc(1, sizeof(*b));
	uint32_t i, j, hits = 0, *prios = calloc(TERN_RULES, sizeof(uint32_t));
	uint8_t key[TERN_KEYLEN], mask[TERN_KEYLEN];
	struct ref_tern ref;
	void *got, *want;
	char name[64];
	double ns;
	int err;

	b->t = p4tc_tern_alloc(TERN_KEYLEN, P4TC_TERN_MAX_MASKS, GFP_KERNEL);
	ref_tern_init(&ref, TERN_KEYLEN, P4TC_TERN_MAX_MASKS);
	/* Unique priorities in random order. */
	for (i = 0; i < TERN_RULES; i++)
		prios[i] = i;
	for (i = TERN_RULES - 1; i > 0; i--) {
		j = ref_rand(&rng) % (i + 1);
		prios[i] ^= prios[j];
		prios[j] ^= prios[i];
		prios[i] ^= prios[j];
	}
	for (i = 0; i < TERN_RULES; i++) {
		acl_set_mask(nmasks, i % nmasks, mask);
		acl_key(key);
		err = p4tc_tern_insert(b->t, key, mask, prios[i], (void *)(uintptr_t)(i + 1),
				       GFP_KERNEL);
		if (err)
			die("p4tc_tern_insert: %s", strerror(-err));
		ref_tern_insert(&ref, key, mask, prios[i], (void *)(uintptr_t)(i + 1));
	}
	if (p4tc_tern_masks(b->t) != nmasks)
		die("ternary: %u masks, want %u", p4tc_tern_masks(b->t), nmasks);

	/* Even keys match a rule (its wildcard bits random), odd ones none. */
	for (i = 0; i < TERN_KEYS; i++) {
		do {
			acl_key(b->keys[i]);
			if (i % 2 == 0) {
				const struct ref_rule *e = &ref.e[ref_rand(&rng) % ref.n];

				for (j = 0; j < TERN_KEYLEN; j++)
					b->keys[i][j] = (b->keys[i][j] & ~e->mask[j]) | e->key[j];
			}
			want = ref_tern_lookup(&ref, b->keys[i]);
		} while ((want == NULL) != (i % 2 == 1));
		hits += !!want;
		rcu_read_lock();
		got = p4tc_tern_lookup(b->t, b->keys[i]);
		rcu_read_unlock();
		if (got != want)
			die("ternary: key %u: %p, want %p", i, got, want);
	}
	if (hits != TERN_KEYS / 2)
		die("ternary: %u keys of %u hit", hits, TERN_KEYS);

	ns = time_loop(tern_loop, b, TERN_KEYS);
	*memory = p4tc_tern_memory(b->t);
	snprintf(name, sizeof(name), "ternary_%u_tables", nmasks);
	bench(name, p4tc_tern_tables(b->t), "tables", NULL);
	p4tc_tern_free(b->t);
	ref_tern_fini(&ref);
	free(prios);
	free(b);
	return ns;
}

static void bench_ternary(void)
{
	double ns128, ns4, ns1024;
	size_t mem128, mem4, mem1024;

	ns128 = bench_tern_masks(128, &mem128);
	ns4 = bench_tern_masks(4, &mem4);
	ns1024 = bench_tern_masks(1024, &mem1024);
	bench("ternary_128_ns", ns128, "ns", NULL);
	bench("ternary_4_ns", ns4, "ns", NULL);
	bench("ternary_1024_ns", ns1024, "ns", NULL);
	bench("ternary_128_vs_4", ns128 / ns4, "ratio", suffix[0] ? NULL : "<= 3.0");
	bench("bytes_per_entry_ternary", (double)mem128 / TERN_RULES, "bytes", NULL);
}

int main(int argc, char **argv)
{
	int opt, i;

	while ((opt = getopt(argc, argv, "g")) != -1) {
		if (opt != 'g') {
			fprintf(stderr, "usage: %s [-g] [lpm|ternary]...\n", argv[0]);
			return 2;
		}
		suffix = "_guest";
	}
	shim_thread_init();
	for (i = optind; i < argc || i == optind; i++) {
		const char *what = i < argc ? argv[i] : NULL;

		if (!what || !strcmp(what, "lpm"))
			bench_lpm();
		if (!what || !strcmp(what, "ternary"))
			bench_ternary();
		if (what && strcmp(what, "lpm") && strcmp(what, "ternary"))
			die("unknown benchmark %s", what);
	}
	shim_thread_exit();
	return 0;
}
