// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of kernel/hash.c, kernel/lpm.c and kernel/ternary.c, built for userspace:
 * the API's edge cases, one by one. fuzz_lookup.c covers random sequences.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lookup.h"
#include "ref.h"
#include "../tests/tap.h"

#define V(n)	((void *)(uintptr_t)(n))

static void *lpm_get(const struct p4tc_lpm *lpm, const u8 *key)
{
	void *v;

	rcu_read_lock();
	v = p4tc_lpm_lookup(lpm, key);
	rcu_read_unlock();
	return v;
}

static void *tern_get(const struct p4tc_tern *t, const u8 *key)
{
	void *v;

	rcu_read_lock();
	v = p4tc_tern_lookup(t, key);
	rcu_read_unlock();
	return v;
}

/* CPU time: other jobs on the machine do not count. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A hashed object as the tables lay it out: identity, then the node. */
struct hobj {
	u8 id[16];
	struct p4tc_hnode node;
};

static struct hobj *hobj_new(u32 n, u32 id_prio)
{
	struct hobj *o = calloc(1, sizeof(*o));

	memcpy(o->id, &n, sizeof(n));
	o->id[12] = n % 7;
	o->node.id_prio = id_prio;
	return o;
}

static struct hobj *hash_get(const struct p4tc_hash *h, const u8 *id, u32 id_prio)
{
	struct p4tc_hnode *n;

	rcu_read_lock();
	n = p4tc_hash_lookup(h, id, 13, id_prio);
	rcu_read_unlock();
	return n ? container_of(n, struct hobj, node) : NULL;
}

static void test_hash_basics(void)
{
	struct hobj *a = hobj_new(1, 0), *b = hobj_new(1, 5), *c = hobj_new(2, 0);
	struct hobj *a2 = hobj_new(1, 0), *d = hobj_new(3, 0);
	u8 probe[16];
	struct p4tc_hash *h;

	h = p4tc_hash_alloc(0, GFP_KERNEL);
	tap_ok(h && h->mask == 0, "hash: room for no object still makes one bucket");
	p4tc_hash_free(h);
	h = p4tc_hash_alloc(1000, GFP_KERNEL);
	tap_ok(h && h->mask == 1023 &&
	       p4tc_hash_memory(h) == sizeof(*h) + 1024 * sizeof(h->buckets[0]),
	       "hash: 1000 objects get 1024 buckets, which p4tc_hash_memory() counts");
	tap_ok(!hash_get(h, a->id, 0), "hash: an empty hash has nothing");
	p4tc_hash_add(h, &a->node, 13);
	p4tc_hash_add(h, &b->node, 13);
	p4tc_hash_add(h, &c->node, 13);
	tap_ok(hash_get(h, a->id, 0) == a && hash_get(h, a->id, 5) == b &&
	       hash_get(h, c->id, 0) == c && !hash_get(h, a->id, 1) && !hash_get(h, d->id, 0),
	       "hash: identities differing in bytes or number are told apart");
	memcpy(probe, a->id, sizeof(probe));
	memset(probe + 13, 0xee, 3);
	tap_ok(hash_get(h, probe, 0) == a, "hash: bytes past the identity length are ignored");
	p4tc_hash_replace(h, &a->node, &a2->node);
	tap_ok(hash_get(h, a->id, 0) == a2 && hash_get(h, a->id, 5) == b,
	       "hash: a replaced object is found in place of the old one");
	tap_ok(p4tc_hash_del(h, &a->node) == -ENOENT && p4tc_hash_del(h, &d->node) == -ENOENT,
	       "hash: deleting an object not in the hash is -ENOENT");
	tap_ok(!p4tc_hash_del(h, &a2->node) && !hash_get(h, a->id, 0) &&
	       hash_get(h, a->id, 5) == b && hash_get(h, c->id, 0) == c,
	       "hash: a deleted object is gone, the others stay");
	p4tc_hash_del(h, &b->node);
	p4tc_hash_del(h, &c->node);
	p4tc_hash_free(h);
	free(a);
	free(a2);
	free(b);
	free(c);
	free(d);
}

/* Walks, resumed walks and moves over a crowded hash (chains of ~4). */
static void test_hash_walk_move(void)
{
	enum { N = 4000 };
	static struct hobj *objs[N];
	u32 seen[N], bucket, i, skip, total;
	struct p4tc_hash *h, *big;
	struct p4tc_hnode *n;
	bool ok;

	h = p4tc_hash_alloc(N / 4, GFP_KERNEL);
	for (i = 0; i < N; i++) {
		objs[i] = hobj_new(i, i % 3);
		p4tc_hash_add(h, &objs[i]->node, 13);
	}
	memset(seen, 0, sizeof(seen));
	bucket = 0;
	for (n = p4tc_hash_next(h, &bucket, NULL); n; n = p4tc_hash_next(h, &bucket, n)) {
		u32 v;

		memcpy(&v, container_of(n, struct hobj, node)->id, sizeof(v));
		seen[v]++;
	}
	for (ok = true, i = 0; i < N; i++)
		ok &= seen[i] == 1;
	tap_ok(ok, "hash: a walk visits every object once");

	/* Resume as a dump does: bucket, then objects of it already seen. */
	memset(seen, 0, sizeof(seen));
	total = 0;
	bucket = skip = 0;
	for (;;) {
		u32 b = bucket, k = 0, v;

		n = p4tc_hash_next(h, &b, NULL);
		while (n && b == bucket && k < skip) {
			n = p4tc_hash_next(h, &b, n);
			k++;
		}
		if (!n)
			break;
		if (b != bucket)
			skip = 0;
		bucket = b;
		memcpy(&v, container_of(n, struct hobj, node)->id, sizeof(v));
		seen[v]++;
		total++;
		skip++;
	}
	for (ok = total == N, i = 0; i < N; i++)
		ok &= seen[i] == 1;
	tap_ok(ok, "hash: a walk resumed at every object visits each once");

	big = p4tc_hash_alloc(4 * N, GFP_KERNEL);
	p4tc_hash_move(big, h);
	bucket = 0;
	tap_ok(!p4tc_hash_next(h, &bucket, NULL), "hash: a move empties the old hash");
	for (ok = true, i = 0; i < N; i++)
		ok &= hash_get(big, objs[i]->id, i % 3) == objs[i];
	tap_ok(ok, "hash: every object is found after a move");
	for (i = 0; i < N; i++) {
		p4tc_hash_del(big, &objs[i]->node);
		free(objs[i]);
	}
	p4tc_hash_free(h);
	p4tc_hash_free(big);
}

/*
 * Readers look up objects that are always there while a writer adds,
 * replaces and deletes others around them: no reader may miss one.
 */
enum { HASH_STABLE = 512, HASH_CHURN = 512 };

struct hash_race {
	struct p4tc_hash *h;
	struct hobj *stable[HASH_STABLE];
	volatile bool stop;
	unsigned long misses, lookups;
};

static void *hash_reader(void *arg)
{
	struct hash_race *r = arg;
	u32 i = 0;

	rcu_register_thread();
	while (!r->stop) {
		struct hobj *o = r->stable[i++ % HASH_STABLE];

		if (hash_get(r->h, o->id, o->node.id_prio) != o)
			r->misses++;
		r->lookups++;
	}
	rcu_unregister_thread();
	return NULL;
}

static void test_hash_concurrent(void)
{
	static struct hash_race r;
	struct hobj *churn[HASH_CHURN] = { NULL };
	pthread_t reader;
	double end;
	u32 i, k;

	r.h = p4tc_hash_alloc(HASH_STABLE / 2, GFP_KERNEL);
	for (i = 0; i < HASH_STABLE; i++) {
		r.stable[i] = hobj_new(2 * i, 0);
		p4tc_hash_add(r.h, &r.stable[i]->node, 13);
	}
	pthread_create(&reader, NULL, hash_reader, &r);
	end = now() + 0.5;
	for (k = 0; now() < end; k++) {
		struct hobj **slot = &churn[k % HASH_CHURN], *o = *slot;
		struct hobj *next = hobj_new(2 * (k % HASH_CHURN) + 1, 0);

		if (!o) {
			p4tc_hash_add(r.h, &next->node, 13);
		} else if (k % 3) {
			p4tc_hash_replace(r.h, &o->node, &next->node);
			shim_kfree_deferred(o);
		} else {
			p4tc_hash_del(r.h, &o->node);
			shim_kfree_deferred(o);
			free(next);
			next = NULL;
		}
		*slot = next;
	}
	r.stop = true;
	pthread_join(reader, NULL);
	tap_ok(!r.misses && r.lookups, "hash: %lu lookups during %u writes never missed an object",
	       r.lookups, k);
	for (i = 0; i < HASH_CHURN; i++)
		if (churn[i]) {
			p4tc_hash_del(r.h, &churn[i]->node);
			free(churn[i]);
		}
	for (i = 0; i < HASH_STABLE; i++) {
		p4tc_hash_del(r.h, &r.stable[i]->node);
		free(r.stable[i]);
	}
	p4tc_hash_free(r.h);
}

static void test_lpm_basics(void)
{
	const u8 k10_1_2_3[] = { 10, 1, 2, 3 }, k10_1_9_9[] = { 10, 1, 9, 9 };
	const u8 k10_9_9_9[] = { 10, 9, 9, 9 }, k11[] = { 11, 0, 0, 0 };
	const u8 k10_1_2_0[] = { 10, 1, 2, 0 }, k10[] = { 10, 0, 0, 0 };
	struct p4tc_lpm *lpm;
	size_t empty;

	tap_ok(!p4tc_lpm_alloc(0, GFP_KERNEL) && !p4tc_lpm_alloc(65, GFP_KERNEL),
	       "lpm: key lengths 0 and 65 are refused");
	lpm = p4tc_lpm_alloc(4, GFP_KERNEL);
	empty = p4tc_lpm_memory(lpm);
	tap_ok(lpm && !lpm_get(lpm, k10_1_2_3), "lpm: an empty structure matches nothing");
	tap_ok(p4tc_lpm_insert(lpm, k10, 33, V(1), GFP_KERNEL) == -EINVAL &&
	       p4tc_lpm_insert(lpm, k10, 8, NULL, GFP_KERNEL) == -EINVAL,
	       "lpm: a prefix longer than the key or a NULL value is -EINVAL");

	tap_ok(!p4tc_lpm_insert(lpm, k10_1_2_3, 8, V(8), GFP_KERNEL) &&
	       !p4tc_lpm_insert(lpm, k10_1_2_0, 16, V(16), GFP_KERNEL) &&
	       !p4tc_lpm_insert(lpm, k10_1_2_0, 24, V(24), GFP_KERNEL) &&
	       !p4tc_lpm_insert(lpm, k10_1_2_3, 32, V(32), GFP_KERNEL),
	       "lpm: insert 10/8, 10.1/16, 10.1.2/24, 10.1.2.3/32");
	tap_ok(p4tc_lpm_insert(lpm, k10_9_9_9, 8, V(99), GFP_KERNEL) == -EEXIST,
	       "lpm: 10.9.9.9/8 is 10/8 again: -EEXIST (bits past the length are ignored)");
	tap_ok(lpm_get(lpm, k10_1_2_3) == V(32) && lpm_get(lpm, k10_1_2_0) == V(24) &&
	       lpm_get(lpm, k10_1_9_9) == V(16) && lpm_get(lpm, k10_9_9_9) == V(8) &&
	       !lpm_get(lpm, k11), "lpm: each key gets its longest prefix");
	tap_ok(!p4tc_lpm_insert(lpm, k11, 0, V(100), GFP_KERNEL) &&
	       p4tc_lpm_insert(lpm, k10, 0, V(101), GFP_KERNEL) == -EEXIST &&
	       lpm_get(lpm, k11) == V(100) && lpm_get(lpm, k10_1_2_3) == V(32),
	       "lpm: the default prefix /0 matches what nothing else does");

	tap_ok(p4tc_lpm_replace(lpm, k10_1_2_0, 24, V(240)) == V(24) &&
	       lpm_get(lpm, k10_1_2_0) == V(240) && lpm_get(lpm, k10_1_2_3) == V(32),
	       "lpm: replace returns the old value and the new one is found");
	tap_ok(!p4tc_lpm_replace(lpm, k10_1_2_0, 23, V(1)) &&
	       lpm_get(lpm, (u8[]){ 10, 1, 3, 0 }) == V(16),
	       "lpm: replacing an absent prefix returns NULL and changes nothing");
	tap_ok(p4tc_lpm_delete(lpm, k10_1_2_0, 16, GFP_KERNEL) == V(16) &&
	       lpm_get(lpm, k10_1_9_9) == V(8) && lpm_get(lpm, k10_1_2_0) == V(240) &&
	       !p4tc_lpm_delete(lpm, k10_1_2_0, 16, GFP_KERNEL),
	       "lpm: delete returns the value, then shorter prefixes match; twice is NULL");
	tap_ok(p4tc_lpm_delete(lpm, k10_1_2_3, 32, GFP_KERNEL) == V(32) &&
	       p4tc_lpm_delete(lpm, k10_1_2_3, 24, GFP_KERNEL) == V(240) &&
	       p4tc_lpm_delete(lpm, k10, 8, GFP_KERNEL) == V(8) &&
	       p4tc_lpm_delete(lpm, k10, 0, GFP_KERNEL) == V(100) &&
	       !lpm_get(lpm, k10_1_2_3) && p4tc_lpm_memory(lpm) == empty,
	       "lpm: once every prefix is deleted the memory is back to %zu bytes", empty);
	p4tc_lpm_free(lpm);
}

/* Prefixes of every length 1..keylen*8 of one key, and their neighbours. */
static void test_lpm_every_length(u32 keylen)
{
	u8 key[P4TC_LOOKUP_MAX_KEYLEN], probe[P4TC_LOOKUP_MAX_KEYLEN];
	struct p4tc_lpm *lpm = p4tc_lpm_alloc(keylen, GFP_KERNEL);
	bool ok = true;
	u32 len, bit;

	for (len = 0; len < keylen; len++)
		key[len] = 0xa5 ^ len;
	for (len = 1; len <= keylen * 8; len += 2)
		ok &= !p4tc_lpm_insert(lpm, key, len, V(len), GFP_KERNEL);
	/* Flipping bit b leaves the prefixes shorter than b + 1. */
	for (bit = 0; bit < keylen * 8; bit++) {
		memcpy(probe, key, keylen);
		probe[bit / 8] ^= 0x80 >> (bit % 8);
		len = bit % 2 ? bit : bit - 1;
		ok &= lpm_get(lpm, probe) == (bit ? V(len) : NULL);
	}
	ok &= lpm_get(lpm, key) == V(keylen * 8 - 1);
	tap_ok(ok, "lpm: keylen %u: the %u odd prefix lengths of one key nest right", keylen,
	       keylen * 4);
	p4tc_lpm_free(lpm);
}

static void test_lpm_nomem(void)
{
	const u8 a[] = { 1, 2, 3, 4 }, b[] = { 1, 2, 3, 5 };
	struct p4tc_lpm *lpm = p4tc_lpm_alloc(4, GFP_KERNEL);
	size_t empty = p4tc_lpm_memory(lpm), before;

	p4tc_lpm_insert(lpm, a, 32, V(1), GFP_KERNEL);
	p4tc_lpm_insert(lpm, a, 30, V(2), GFP_KERNEL);
	before = p4tc_lpm_memory(lpm);
	shim_fail_percent = 100;
	tap_ok(p4tc_lpm_insert(lpm, b, 32, V(3), GFP_KERNEL) == -ENOMEM &&
	       p4tc_lpm_insert(lpm, a, 12, V(3), GFP_KERNEL) == -ENOMEM &&
	       lpm_get(lpm, b) == V(2) && p4tc_lpm_memory(lpm) == before,
	       "lpm: an insert without memory is -ENOMEM and changes nothing");
	tap_ok(p4tc_lpm_delete(lpm, a, 32, GFP_ATOMIC) == V(1) && lpm_get(lpm, a) == V(2) &&
	       p4tc_lpm_delete(lpm, a, 30, GFP_ATOMIC) == V(2) && !lpm_get(lpm, a),
	       "lpm: a delete without memory still removes the prefix");
	shim_fail_percent = 0;
	tap_ok(!p4tc_lpm_insert(lpm, b, 32, V(3), GFP_KERNEL) && lpm_get(lpm, b) == V(3) &&
	       !lpm_get(lpm, a) && p4tc_lpm_delete(lpm, b, 32, GFP_KERNEL) == V(3) &&
	       p4tc_lpm_memory(lpm) == empty,
	       "lpm: the nodes left empty are reused and freed by later writes");
	p4tc_lpm_free(lpm);
}

/* A BGP-like table: inserting 100k prefixes one by one must be quick. */
static void test_lpm_large(void)
{
	struct p4tc_lpm *lpm = p4tc_lpm_alloc(4, GFP_KERNEL);
	uint64_t rng = 42;
	struct ref_lpm ref;
	u32 i, plen, bad = 0;
	double t0, t;
	u8 key[4];

	ref_lpm_init(&ref, 4);
	t0 = now();
	for (i = 0; i < 100000; i++) {
		*(uint32_t *)key = ref_rand(&rng);
		plen = 8 + ref_rand(&rng) % 25;
		if (!p4tc_lpm_insert(lpm, key, plen, V(i + 1), GFP_KERNEL) &&
		    i % 100 == 0)
			ref_lpm_insert(&ref, key, plen, V(i + 1));
	}
	t = now() - t0;
	/* Only one prefix in 100 went to the model: check the keys it has. */
	for (i = 0; i < ref.n; i++) {
		void *got = lpm_get(lpm, ref.e[i].key);

		bad += !got;
	}
	tap_ok(t < 10 && !bad, "lpm: 100000 inserts in %.2f s of CPU, %zu bytes (%.0f per prefix)", t,
	       p4tc_lpm_memory(lpm), (double)p4tc_lpm_memory(lpm) / 100000);
	ref_lpm_fini(&ref);
	p4tc_lpm_free(lpm);
}

static void test_tern_basics(void)
{
	const u8 m_all[] = { 0xff, 0xff }, m_hi[] = { 0xff, 0x00 }, m_none[] = { 0, 0 };
	const u8 m_lo[] = { 0x00, 0xff }, m_nib[] = { 0xf0, 0x00 };
	const u8 k12[] = { 1, 2 }, k13[] = { 1, 3 }, k22[] = { 2, 2 }, k99[] = { 9, 9 };
	struct p4tc_tern *t;
	size_t empty;

	tap_ok(!p4tc_tern_alloc(0, 8, GFP_KERNEL) && !p4tc_tern_alloc(65, 8, GFP_KERNEL) &&
	       !p4tc_tern_alloc(4, 0, GFP_KERNEL) && !p4tc_tern_alloc(4, 1025, GFP_KERNEL),
	       "ternary: key length 0, 65 and mask limits 0, 1025 are refused");
	t = p4tc_tern_alloc(2, 3, GFP_KERNEL);
	empty = p4tc_tern_memory(t);
	tap_ok(t && !tern_get(t, k12) && !p4tc_tern_masks(t) && !p4tc_tern_tables(t),
	       "ternary: an empty structure matches nothing");
	tap_ok(p4tc_tern_insert(t, k12, m_all, 1, NULL, GFP_KERNEL) == -EINVAL,
	       "ternary: a NULL value is -EINVAL");
	tap_ok(!p4tc_tern_insert(t, k12, m_all, 30, V(1), GFP_KERNEL) &&
	       !p4tc_tern_insert(t, k12, m_hi, 20, V(2), GFP_KERNEL) &&
	       !p4tc_tern_insert(t, k99, m_none, U32_MAX, V(3), GFP_KERNEL) &&
	       p4tc_tern_masks(t) == 3, "ternary: three rules with three masks");
	tap_ok(tern_get(t, k12) == V(2) && tern_get(t, k13) == V(2) &&
	       tern_get(t, k22) == V(3) && tern_get(t, k99) == V(3),
	       "ternary: the lowest priority wins; priority U32_MAX matches");
	tap_ok(p4tc_tern_insert(t, k13, m_hi, 20, V(4), GFP_KERNEL) == -EEXIST &&
	       !p4tc_tern_insert(t, k13, m_hi, 10, V(5), GFP_KERNEL) &&
	       tern_get(t, k12) == V(5),
	       "ternary: the same key & mask, mask and priority is -EEXIST; another priority is not");
	tap_ok(p4tc_tern_insert(t, k12, m_lo, 5, V(6), GFP_KERNEL) == -ENOSPC &&
	       tern_get(t, k12) == V(5),
	       "ternary: a fourth mask with a limit of 3 is -ENOSPC and changes nothing");
	tap_ok(p4tc_tern_replace(t, k12, m_all, 30, V(7)) == V(1) &&
	       !p4tc_tern_replace(t, k12, m_all, 31, V(8)) &&
	       p4tc_tern_delete(t, k13, m_hi, 10, GFP_KERNEL) == V(5) &&
	       p4tc_tern_delete(t, k13, m_hi, 20, GFP_KERNEL) == V(2) &&
	       !p4tc_tern_delete(t, k13, m_hi, 20, GFP_KERNEL) && tern_get(t, k12) == V(7) &&
	       p4tc_tern_masks(t) == 2,
	       "ternary: replace and delete return the old value, NULL when absent");
	tap_ok(!p4tc_tern_insert(t, k12, m_nib, 1, V(9), GFP_KERNEL) &&
	       tern_get(t, (u8[]){ 0x0f, 0xff }) == V(9) && p4tc_tern_masks(t) == 3,
	       "ternary: a mask whose rules are all gone frees its place");
	p4tc_tern_delete(t, k12, m_nib, 1, GFP_KERNEL);
	p4tc_tern_delete(t, k12, m_all, 30, GFP_KERNEL);
	p4tc_tern_delete(t, k99, m_none, U32_MAX, GFP_KERNEL);
	tap_ok(!tern_get(t, k12) && !p4tc_tern_masks(t) && !p4tc_tern_tables(t) &&
	       p4tc_tern_memory(t) == empty,
	       "ternary: once every rule is deleted the memory is back to %zu bytes", empty);
	p4tc_tern_free(t);
}

/*
 * Rules whose masks share their first bytes and whose keys agree there:
 * the relaxed table would collide, so more specific tables take them.
 */
static void test_tern_collisions(void)
{
	struct p4tc_tern *t = p4tc_tern_alloc(8, 64, GFP_KERNEL);
	u8 key[8] = { 10, 0, 0, 1, 0, 0, 0, 0 }, mask[8];
	bool ok = true;
	u32 i;

	for (i = 0; i < 64; i++) {
		memset(mask, 0xff, sizeof(mask));
		mask[4 + i % 3] = 0xff << (i / 3 % 8);
		key[7] = i;
		ok &= !p4tc_tern_insert(t, key, mask, i, V(i + 1), GFP_KERNEL);
	}
	for (i = 0; i < 64; i++) {
		key[7] = i;
		ok &= tern_get(t, key) == V(i + 1);
	}
	tap_ok(ok && p4tc_tern_tables(t) > 1,
	       "ternary: 64 rules colliding on their first bytes: %u tables, all found",
	       p4tc_tern_tables(t));
	p4tc_tern_free(t);
}

static void test_tern_nomem(void)
{
	const u8 m1[] = { 0xff, 0xff, 0, 0 }, m2[] = { 0xff, 0, 0, 0 };
	const u8 k[] = { 1, 2, 3, 4 };
	struct p4tc_tern *t = p4tc_tern_alloc(4, 8, GFP_KERNEL);
	size_t before;

	p4tc_tern_insert(t, k, m1, 10, V(1), GFP_KERNEL);
	before = p4tc_tern_memory(t);
	shim_fail_percent = 100;
	tap_ok(p4tc_tern_insert(t, k, m2, 5, V(2), GFP_KERNEL) == -ENOMEM &&
	       tern_get(t, k) == V(1) && p4tc_tern_memory(t) == before &&
	       p4tc_tern_masks(t) == 1,
	       "ternary: an insert without memory is -ENOMEM and changes nothing");
	tap_ok(p4tc_tern_delete(t, k, m1, 10, GFP_ATOMIC) == V(1) && !tern_get(t, k),
	       "ternary: a delete without memory still removes the rule");
	shim_fail_percent = 0;
	tap_ok(!p4tc_tern_insert(t, k, m2, 5, V(2), GFP_KERNEL) && tern_get(t, k) == V(2) &&
	       p4tc_tern_tables(t) == 1,
	       "ternary: the next write drops the table left empty");
	p4tc_tern_free(t);
}

/* 100k ACL-like rules inserted one at a time, checked against the model. */
static void test_tern_large(void)
{
	struct p4tc_tern *t = p4tc_tern_alloc(13, P4TC_TERN_MAX_MASKS, GFP_KERNEL);
	static const u8 lens[] = { 8, 16, 24, 32 };
	u8 key[13], mask[13];
	struct ref_tern ref;
	uint64_t rng = 7;
	u32 i, j, bad = 0;
	double t0, dt;

	ref_tern_init(&ref, 13, P4TC_TERN_MAX_MASKS);
	t0 = now();
	for (i = 0; i < 100000; i++) {
		uint64_t r = ref_rand(&rng);

		for (j = 0; j < 13; j++)
			key[j] = ref_rand(&rng);
		memset(mask, 0, sizeof(mask));
		for (j = 0; j < 32; j++) {
			if (j < lens[r & 3])
				mask[j / 8] |= 0x80 >> (j % 8);
			if (j < lens[r >> 2 & 3])
				mask[4 + j / 8] |= 0x80 >> (j % 8);
		}
		for (j = 8; j < 13; j++)
			mask[j] = r >> (4 + j) & 1 ? 0xff : 0;
		if (!p4tc_tern_insert(t, key, mask, i, V(i + 1), GFP_KERNEL) && i % 50 == 0)
			ref_tern_insert(&ref, key, mask, i, V(i + 1));
	}
	dt = now() - t0;
	/* The model has every 50th rule: their own keys find one at least as good. */
	for (i = 0; i < ref.n; i++) {
		void *got = tern_get(t, ref.e[i].key);

		bad += !got || (uintptr_t)got > (uintptr_t)ref.e[i].val;
	}
	tap_ok(dt < 10 && !bad,
	       "ternary: 100000 inserts in %.2f s of CPU; %u masks, %u tables, %zu bytes (%.0f per rule)",
	       dt, p4tc_tern_masks(t), p4tc_tern_tables(t), p4tc_tern_memory(t),
	       (double)p4tc_tern_memory(t) / 100000);
	ref_tern_fini(&ref);
	p4tc_tern_free(t);
}

int main(void)
{
	shim_thread_init();
	test_hash_basics();
	test_hash_walk_move();
	test_hash_concurrent();
	test_lpm_basics();
	test_lpm_every_length(1);
	test_lpm_every_length(4);
	test_lpm_every_length(16);
	test_lpm_every_length(64);
	test_lpm_nomem();
	test_lpm_large();
	test_tern_basics();
	test_tern_collisions();
	test_tern_nomem();
	test_tern_large();
	shim_thread_exit();
	return tap_done();
}
