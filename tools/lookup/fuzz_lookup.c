// SPDX-License-Identifier: GPL-2.0
/*
 * Differential fuzzer of kernel/lpm.c and kernel/ternary.c against the
 * reference models of ref.c.
 *
 * Sequential part: per seed, a random key length and a random sequence of
 * inserts, replaces, deletes and lookups whose keys are drawn from small
 * pools, so that prefixes nest and rules overlap and collide; every return
 * value and every lookup is compared with the model. Some seeds make
 * allocations fail at random: a failed insert must change nothing, a
 * delete must still succeed.
 *
 * Concurrent part: one writer mutates while readers look up a fixed set of
 * probe keys under rcu_read_lock(). The writer records, after each write,
 * what every probe must return; a reader's answer must be what some state
 * between the start and the end of its lookup returned. Freed memory is
 * poisoned (shim.c), so a reader using it returns garbage.
 *
 * Usage: fuzz_lookup [-s FIRST_SEED] [-n SEEDS] [-o OPS] [-t SECONDS]
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lookup.h"
#include "ref.h"
#include "../tests/tap.h"

#define MAX_KEYLEN	P4TC_LOOKUP_MAX_KEYLEN

static uint64_t first_seed = 1, nseeds = 64, nops = 2000;
static double concurrent_seconds = 2;

static uint64_t rng;

static uint32_t rnd(uint32_t n)
{
	return ref_rand(&rng) % n;
}

/* Distinct opaque values: never dereferenced, only compared. */
static uintptr_t next_val;

static void *new_val(void)
{
	next_val += 16;
	return (void *)next_val;
}

static bool failed;

static __attribute__((format(printf, 1, 2))) void fail(const char *fmt, ...)
{
	va_list ap;

	if (failed)
		return;
	failed = true;
	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void *locked_lpm_lookup(const struct p4tc_lpm *lpm, const uint8_t *key)
{
	void *v;

	rcu_read_lock();
	v = p4tc_lpm_lookup(lpm, key);
	rcu_read_unlock();
	return v;
}

static void *locked_tern_lookup(const struct p4tc_tern *t, const uint8_t *key)
{
	void *v;

	rcu_read_lock();
	v = p4tc_tern_lookup(t, key);
	rcu_read_unlock();
	return v;
}

/* ---- LPM ---- */

static const uint32_t lpm_keylens[] = { 1, 2, 4, 5, 16, 64 };

struct lpm_gen {
	uint32_t keylen;
	uint8_t base[8][MAX_KEYLEN];
};

static void lpm_gen_init(struct lpm_gen *g, uint32_t keylen)
{
	uint32_t i, j;

	g->keylen = keylen;
	for (i = 0; i < 8; i++)
		for (j = 0; j < keylen; j++)
			g->base[i][j] = rnd(256);
}

/* A base key with a few bits flipped: keys share long prefixes. */
static void lpm_gen_key(const struct lpm_gen *g, uint8_t *key)
{
	uint32_t flips = rnd(4), bit;

	memcpy(key, g->base[rnd(8)], g->keylen);
	while (flips--) {
		bit = rnd(g->keylen * 8);
		key[bit / 8] ^= 0x80 >> (bit % 8);
	}
}

static uint32_t lpm_gen_plen(const struct lpm_gen *g)
{
	uint32_t bits = g->keylen * 8;

	if (!rnd(3))
		return rnd(g->keylen + 1) * 8;
	/* Short keys: every length; long ones: mostly near the ends. */
	if (bits <= 40 || rnd(2))
		return rnd(bits + 1);
	return rnd(2) ? rnd(24) : bits - rnd(24);
}

static void lpm_check_lookups(const struct p4tc_lpm *lpm, const struct ref_lpm *ref,
			      const struct lpm_gen *g, uint32_t n, uint64_t seed,
			      uint64_t op)
{
	uint8_t key[MAX_KEYLEN];
	void *got, *want;

	while (n--) {
		lpm_gen_key(g, key);
		got = locked_lpm_lookup(lpm, key);
		want = ref_lpm_lookup(ref, key);
		if (got != want)
			fail("lpm seed %" PRIu64 " op %" PRIu64 ": lookup %p, want %p",
			     seed, op, got, want);
	}
}

static void lpm_seed(uint64_t seed, unsigned int fail_percent)
{
	uint8_t key[MAX_KEYLEN];
	struct p4tc_lpm *lpm;
	struct ref_lpm ref;
	struct lpm_gen g;
	size_t base_memory;
	uint32_t plen, r;
	uint64_t op;
	void *got, *want, *val;
	int err, werr;

	rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	shim_fail_seed(seed);
	lpm_gen_init(&g, lpm_keylens[seed % ARRAY_SIZE(lpm_keylens)]);
	lpm = p4tc_lpm_alloc(g.keylen, GFP_KERNEL);
	if (!lpm) {
		fail("lpm seed %" PRIu64 ": alloc failed", seed);
		return;
	}
	base_memory = p4tc_lpm_memory(lpm);
	ref_lpm_init(&ref, g.keylen);
	shim_fail_percent = fail_percent;

	for (op = 0; op < nops && !failed; op++) {
		r = rnd(100);
		if (r < 45 || !ref.n) {
			lpm_gen_key(&g, key);
			plen = lpm_gen_plen(&g);
			val = new_val();
			err = p4tc_lpm_insert(lpm, key, plen, val, GFP_KERNEL);
			if (err == -ENOMEM && fail_percent)
				continue;
			werr = ref_lpm_insert(&ref, key, plen, val);
			if (err != werr)
				fail("lpm seed %" PRIu64 " op %" PRIu64 ": insert /%u: %d, want %d",
				     seed, op, plen, err, werr);
		} else if (r < 75) {
			/* Delete: mostly a present prefix. */
			if (rnd(4)) {
				struct ref_prefix *p = &ref.e[rnd(ref.n)];

				memcpy(key, p->key, g.keylen);
				plen = p->plen;
			} else {
				lpm_gen_key(&g, key);
				plen = lpm_gen_plen(&g);
			}
			got = p4tc_lpm_delete(lpm, key, plen, GFP_KERNEL);
			want = ref_lpm_delete(&ref, key, plen);
			if (got != want)
				fail("lpm seed %" PRIu64 " op %" PRIu64 ": delete /%u: %p, want %p",
				     seed, op, plen, got, want);
		} else if (r < 85) {
			struct ref_prefix *p = &ref.e[rnd(ref.n)];

			val = new_val();
			got = p4tc_lpm_replace(lpm, p->key, p->plen, val);
			want = ref_lpm_replace(&ref, p->key, p->plen, val);
			if (got != want)
				fail("lpm seed %" PRIu64 " op %" PRIu64 ": replace: %p, want %p",
				     seed, op, got, want);
		} else {
			lpm_check_lookups(lpm, &ref, &g, 16, seed, op);
		}
		lpm_check_lookups(lpm, &ref, &g, 2, seed, op);
	}

	/* Empty it again: everything it allocated must be freed. */
	while (ref.n && !failed) {
		struct ref_prefix p = ref.e[0];

		got = p4tc_lpm_delete(lpm, p.key, p.plen, GFP_KERNEL);
		want = ref_lpm_delete(&ref, p.key, p.plen);
		if (got != want)
			fail("lpm seed %" PRIu64 ": final delete /%u: %p, want %p",
			     seed, p.plen, got, want);
		lpm_check_lookups(lpm, &ref, &g, 1, seed, nops);
	}
	shim_fail_percent = 0;
	if (!failed && !fail_percent && p4tc_lpm_memory(lpm) != base_memory)
		fail("lpm seed %" PRIu64 ": %zu bytes when empty, want %zu", seed,
		     p4tc_lpm_memory(lpm), base_memory);
	p4tc_lpm_free(lpm);
	ref_lpm_fini(&ref);
}

/* ---- ternary ---- */

static const uint32_t tern_keylens[] = { 1, 3, 8, 13, 16, 40, 64 };

struct tern_gen {
	uint32_t keylen;
	uint32_t nmasks;
	uint8_t masks[24][MAX_KEYLEN];
	uint8_t alphabet[6];
};

static void tern_gen_init(struct tern_gen *g, uint32_t keylen)
{
	static const uint8_t byte_masks[] = { 0x00, 0xff, 0xff, 0xf0, 0x80, 0xfe, 0x0f };
	uint32_t i, j;

	g->keylen = keylen;
	g->nmasks = 1 + rnd(ARRAY_SIZE(g->masks));
	for (i = 0; i < g->nmasks; i++)
		for (j = 0; j < keylen; j++)
			g->masks[i][j] = rnd(8) ? byte_masks[rnd(ARRAY_SIZE(byte_masks))] : rnd(256);
	/* Few byte values: rules collide under relaxed masks. */
	g->alphabet[0] = 0;
	g->alphabet[1] = 0xff;
	for (i = 2; i < ARRAY_SIZE(g->alphabet); i++)
		g->alphabet[i] = rnd(256);
}

static void tern_gen_key(const struct tern_gen *g, uint8_t *key)
{
	uint32_t j;

	for (j = 0; j < g->keylen; j++)
		key[j] = rnd(4) ? g->alphabet[rnd(ARRAY_SIZE(g->alphabet))] : rnd(256);
}

/* A key that a present rule matches, if there is one. */
static void tern_gen_probe(const struct tern_gen *g, const struct ref_tern *ref,
			   uint8_t *key)
{
	const struct ref_rule *e;
	uint32_t j;

	tern_gen_key(g, key);
	if (!ref->n || !rnd(3))
		return;
	e = &ref->e[rnd(ref->n)];
	for (j = 0; j < g->keylen; j++)
		key[j] = (key[j] & ~e->mask[j]) | e->key[j];
}

static uint32_t tern_gen_prio(const struct ref_tern *ref)
{
	uint32_t prio;

	do {
		switch (rnd(8)) {
		case 0:
			prio = U32_MAX - rnd(2);
			break;
		case 1:
			prio = rnd(2);
			break;
		default:
			prio = ref_rand(&rng);
		}
	} while (ref_tern_prio_used(ref, prio));
	return prio;
}

static void tern_check_lookups(const struct p4tc_tern *t, const struct ref_tern *ref,
			       const struct tern_gen *g, uint32_t n, uint64_t seed,
			       uint64_t op)
{
	uint8_t key[MAX_KEYLEN];
	void *got, *want;

	while (n--) {
		tern_gen_probe(g, ref, key);
		got = locked_tern_lookup(t, key);
		want = ref_tern_lookup(ref, key);
		if (got != want)
			fail("tern seed %" PRIu64 " op %" PRIu64 ": lookup %p, want %p",
			     seed, op, got, want);
	}
}

static void tern_seed(uint64_t seed, unsigned int fail_percent)
{
	uint8_t key[MAX_KEYLEN];
	const uint8_t *mask;
	struct ref_tern ref;
	struct tern_gen g;
	struct p4tc_tern *t;
	uint32_t max_masks, prio, r;
	size_t base_memory;
	void *got, *want, *val;
	uint64_t op;
	int err, werr;

	rng = seed * 0x9e3779b97f4a7c15ULL + 2;
	shim_fail_seed(seed);
	tern_gen_init(&g, tern_keylens[seed % ARRAY_SIZE(tern_keylens)]);
	max_masks = rnd(2) ? 1 + rnd(g.nmasks) : P4TC_TERN_MAX_MASKS;
	t = p4tc_tern_alloc(g.keylen, max_masks, GFP_KERNEL);
	if (!t) {
		fail("tern seed %" PRIu64 ": alloc failed", seed);
		return;
	}
	base_memory = p4tc_tern_memory(t);
	ref_tern_init(&ref, g.keylen, max_masks);
	shim_fail_percent = fail_percent;

	for (op = 0; op < nops && !failed; op++) {
		r = rnd(100);
		if (r < 45 || !ref.n) {
			mask = g.masks[rnd(g.nmasks)];
			tern_gen_key(&g, key);
			prio = tern_gen_prio(&ref);
			if (ref.n && !rnd(10)) {
				/* The same rule again. */
				struct ref_rule *e = &ref.e[rnd(ref.n)];

				memcpy(key, e->key, g.keylen);
				mask = e->mask;
				prio = e->prio;
			}
			val = new_val();
			err = p4tc_tern_insert(t, key, mask, prio, val, GFP_KERNEL);
			if (err == -ENOMEM && fail_percent)
				continue;
			werr = ref_tern_insert(&ref, key, mask, prio, val);
			if (err != werr)
				fail("tern seed %" PRIu64 " op %" PRIu64 ": insert: %d, want %d",
				     seed, op, err, werr);
		} else if (r < 75) {
			struct ref_rule e = ref.e[rnd(ref.n)];

			/* Sometimes absent: another priority or another key. */
			if (!rnd(5))
				e.prio ^= 1;
			else if (!rnd(4))
				e.key[rnd(g.keylen)] ^= 1;
			got = p4tc_tern_delete(t, e.key, e.mask, e.prio, GFP_KERNEL);
			want = ref_tern_delete(&ref, e.key, e.mask, e.prio);
			if (got != want)
				fail("tern seed %" PRIu64 " op %" PRIu64 ": delete: %p, want %p",
				     seed, op, got, want);
		} else if (r < 85) {
			struct ref_rule e = ref.e[rnd(ref.n)];

			if (!rnd(5))
				e.prio ^= 1;
			val = new_val();
			got = p4tc_tern_replace(t, e.key, e.mask, e.prio, val);
			want = ref_tern_replace(&ref, e.key, e.mask, e.prio, val);
			if (got != want)
				fail("tern seed %" PRIu64 " op %" PRIu64 ": replace: %p, want %p",
				     seed, op, got, want);
		} else {
			tern_check_lookups(t, &ref, &g, 16, seed, op);
		}
		tern_check_lookups(t, &ref, &g, 2, seed, op);
		if (p4tc_tern_masks(t) != ref_tern_masks(&ref))
			fail("tern seed %" PRIu64 " op %" PRIu64 ": %u masks, want %u",
			     seed, op, p4tc_tern_masks(t), ref_tern_masks(&ref));
	}

	while (ref.n && !failed) {
		struct ref_rule e = ref.e[0];

		got = p4tc_tern_delete(t, e.key, e.mask, e.prio, GFP_KERNEL);
		want = ref_tern_delete(&ref, e.key, e.mask, e.prio);
		if (got != want)
			fail("tern seed %" PRIu64 ": final delete: %p, want %p", seed, got, want);
		tern_check_lookups(t, &ref, &g, 1, seed, nops);
	}
	shim_fail_percent = 0;
	if (!failed && !fail_percent &&
	    (p4tc_tern_memory(t) != base_memory || p4tc_tern_tables(t)))
		fail("tern seed %" PRIu64 ": %zu bytes and %u tables when empty, want %zu and 0",
		     seed, p4tc_tern_memory(t), p4tc_tern_tables(t), base_memory);
	p4tc_tern_free(t);
	ref_tern_fini(&ref);
}

/* ---- concurrent readers ---- */

#define PROBES		32
#define MAX_STATES	(1 << 16)

/*
 * seq is 2 * s while the structure is in state s (s writes done), 2 * s + 1
 * while write s + 1 runs. want[s][p] is what probe p returns in state s.
 */
struct concurrent {
	bool lpm;
	struct p4tc_lpm *l;
	struct p4tc_tern *t;
	uint8_t probe[PROBES][MAX_KEYLEN];
	void *(*want)[PROBES];
	unsigned long seq;
	bool stop;
	unsigned long lookups, judged, bad;
};

struct sample {
	unsigned long a, b;
	uint32_t probe;
	void *val;
};

#define SAMPLES	(1 << 16)

/*
 * Checks a reader's answers once the writer has recorded every state they
 * may come from (waiting would starve the writer on a small machine).
 */
static unsigned long check_samples(struct concurrent *c, const struct sample *smp,
				   uint32_t n)
{
	unsigned long bad = 0, judged = 0, s;
	uint32_t i;

	while (n && (unsigned long)uatomic_read(&c->seq) / 2 < (smp[n - 1].b + 1) / 2)
		sched_yield();
	cmm_smp_mb();
	for (i = 0; i < n; i++) {
		/*
		 * Lookups overlapping several writes may mix them (RCU
		 * readers are not linearizable): only those that overlap
		 * one write at most are judged.
		 */
		if ((smp[i].b + 1) / 2 - smp[i].a / 2 > 1)
			continue;
		judged++;
		for (s = smp[i].a / 2; s <= (smp[i].b + 1) / 2; s++)
			if (c->want[s][smp[i].probe] == smp[i].val)
				break;
		bad += s > (smp[i].b + 1) / 2;
	}
	uatomic_add(&c->judged, judged);
	return bad;
}

static void *reader(void *arg)
{
	struct sample *smp = calloc(SAMPLES, sizeof(*smp));
	uint64_t state = (uintptr_t)&state;
	struct concurrent *c = arg;
	unsigned long lookups = 0, bad = 0;
	uint32_t n = 0;

	rcu_register_thread();
	while (!uatomic_read(&c->stop)) {
		struct sample *x = &smp[n++];

		x->probe = ref_rand(&state) % PROBES;
		rcu_read_lock();
		x->a = uatomic_read(&c->seq);
		cmm_smp_mb();
		x->val = c->lpm ? p4tc_lpm_lookup(c->l, c->probe[x->probe]) :
				  p4tc_tern_lookup(c->t, c->probe[x->probe]);
		cmm_smp_mb();
		x->b = uatomic_read(&c->seq);
		rcu_read_unlock();
		lookups++;
		if (n == SAMPLES) {
			bad += check_samples(c, smp, n);
			n = 0;
		}
	}
	rcu_unregister_thread();
	bad += check_samples(c, smp, n);
	free(smp);
	uatomic_add(&c->lookups, lookups);
	uatomic_add(&c->bad, bad);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One write of the concurrent run, applied to the structure and the model. */
static void concurrent_write(struct concurrent *c, struct ref_lpm *rl,
			     struct ref_tern *rt)
{
	static const uint8_t acl_masks[][5] = {
		{ 0xff, 0xff, 0xff, 0xff, 0xff }, { 0xff, 0xff, 0xff, 0x00, 0x00 },
		{ 0xff, 0x00, 0x00, 0x00, 0xff }, { 0xf0, 0x00, 0x00, 0x00, 0x00 },
		{ 0x00, 0x00, 0x00, 0x00, 0x00 }, { 0xff, 0xff, 0x00, 0xff, 0x00 },
	};
	uint8_t key[MAX_KEYLEN];
	uint32_t plen, prio;
	const uint8_t *mask;
	void *val = new_val();

	memcpy(key, c->probe[rnd(PROBES)], 5);
	if (c->lpm) {
		plen = rnd(41);
		if (rnd(2) || !rl->n) {
			if (!p4tc_lpm_insert(c->l, key, plen, val, GFP_KERNEL))
				ref_lpm_insert(rl, key, plen, val);
		} else if (rnd(4)) {
			struct ref_prefix p = rl->e[rnd(rl->n)];

			if (p4tc_lpm_delete(c->l, p.key, p.plen, GFP_KERNEL) !=
			    ref_lpm_delete(rl, p.key, p.plen))
				fail("concurrent lpm: delete disagrees with the model");
		} else {
			struct ref_prefix p = rl->e[rnd(rl->n)];

			p4tc_lpm_replace(c->l, p.key, p.plen, val);
			ref_lpm_replace(rl, p.key, p.plen, val);
		}
		return;
	}
	if (rnd(2) || !rt->n) {
		mask = acl_masks[rnd(ARRAY_SIZE(acl_masks))];
		prio = tern_gen_prio(rt);
		key[rnd(5)] ^= rnd(2);
		if (!p4tc_tern_insert(c->t, key, mask, prio, val, GFP_KERNEL))
			ref_tern_insert(rt, key, mask, prio, val);
	} else if (rnd(4)) {
		struct ref_rule e = rt->e[rnd(rt->n)];

		if (p4tc_tern_delete(c->t, e.key, e.mask, e.prio, GFP_KERNEL) !=
		    ref_tern_delete(rt, e.key, e.mask, e.prio))
			fail("concurrent tern: delete disagrees with the model");
	} else {
		struct ref_rule e = rt->e[rnd(rt->n)];

		p4tc_tern_replace(c->t, e.key, e.mask, e.prio, val);
		ref_tern_replace(rt, e.key, e.mask, e.prio, val);
	}
}

static void concurrent_run(bool lpm)
{
	pthread_t readers[2];
	struct concurrent c = { .lpm = lpm };
	struct ref_lpm rl;
	struct ref_tern rt;
	unsigned long s;
	double end;
	uint32_t p, i;

	rng = lpm ? 101 : 202;
	shim_fail_seed(rng);
	c.want = calloc(MAX_STATES, sizeof(*c.want));
	for (p = 0; p < PROBES; p++)
		for (i = 0; i < 5; i++)
			c.probe[p][i] = p < 8 ? rnd(256) : c.probe[p % 8][i] ^ (rnd(4) ? 0 : rnd(256));
	ref_lpm_init(&rl, 5);
	ref_tern_init(&rt, 5, P4TC_TERN_MAX_MASKS);
	c.l = p4tc_lpm_alloc(5, GFP_KERNEL);
	c.t = p4tc_tern_alloc(5, P4TC_TERN_MAX_MASKS, GFP_KERNEL);
	for (i = 0; i < 2; i++)
		pthread_create(&readers[i], NULL, reader, &c);

	/* Some writes fail to allocate: deletes then work in place. */
	shim_fail_percent = 5;
	end = now() + concurrent_seconds;
	for (s = 0; s + 2 < MAX_STATES && now() < end && !failed; s++) {
		uatomic_set(&c.seq, 2 * s + 1);
		cmm_smp_mb();
		concurrent_write(&c, &rl, &rt);
		for (p = 0; p < PROBES; p++)
			c.want[s + 1][p] = lpm ? ref_lpm_lookup(&rl, c.probe[p]) :
						 ref_tern_lookup(&rt, c.probe[p]);
		cmm_smp_mb();
		uatomic_set(&c.seq, 2 * s + 2);
	}
	shim_fail_percent = 0;
	/* A last state, equal to the current one, ends every window. */
	memcpy(c.want[s + 1], c.want[s], sizeof(c.want[s]));
	cmm_smp_mb();
	uatomic_set(&c.seq, 2 * s + 2);
	uatomic_set(&c.stop, true);
	for (i = 0; i < 2; i++)
		pthread_join(readers[i], NULL);
	tap_ok(!failed && !c.bad && c.judged > s,
	       "%s: %lu lookups concurrent with %lu writes; of the %lu that overlap one write at most, "
	       "%lu answer neither before nor after it",
	       lpm ? "lpm" : "ternary", c.lookups, s, c.judged, c.bad);
	failed = false;
	p4tc_lpm_free(c.l);
	p4tc_tern_free(c.t);
	ref_lpm_fini(&rl);
	ref_tern_fini(&rt);
	free(c.want);
}

/* n seeds from first_seed, with fail_percent of allocations failing. */
static void run_seeds(const char *name, void (*run)(uint64_t, unsigned int),
		      uint64_t n, unsigned int fail_percent)
{
	uint64_t seed;

	for (seed = first_seed; seed < first_seed + n && !failed; seed++)
		run(seed, fail_percent);
	tap_ok(!failed, "%s: seeds %" PRIu64 "..%" PRIu64 " of %" PRIu64
	       " operations, %u%% of allocations failing, agree with the reference",
	       name, first_seed, first_seed + n - 1, nops, fail_percent);
	failed = false;
}

int main(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "s:n:o:t:")) != -1) {
		switch (opt) {
		case 's':
			first_seed = strtoull(optarg, NULL, 0);
			break;
		case 'n':
			nseeds = strtoull(optarg, NULL, 0);
			break;
		case 'o':
			nops = strtoull(optarg, NULL, 0);
			break;
		case 't':
			concurrent_seconds = strtod(optarg, NULL);
			break;
		default:
			fprintf(stderr, "usage: %s [-s FIRST_SEED] [-n SEEDS] [-o OPS] [-t SECONDS]\n",
				argv[0]);
			return 2;
		}
	}
	shim_thread_init();
	run_seeds("lpm", lpm_seed, nseeds, 0);
	run_seeds("lpm", lpm_seed, nseeds / 4, 10);
	run_seeds("ternary", tern_seed, nseeds, 0);
	run_seeds("ternary", tern_seed, nseeds / 4, 10);
	if (concurrent_seconds > 0) {
		concurrent_run(true);
		concurrent_run(false);
	}
	shim_thread_exit();
	return tap_done();
}
