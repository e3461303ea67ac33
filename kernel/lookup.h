/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lookup structures of the tables: the hash of entries by identity
 * (hash.c), and the LPM and ternary indexes (lpm.c, ternary.c).
 * Documentation/lookup.rst describes them.
 *
 * LPM and ternary keys are byte strings of keylen bytes (1..P4TC_LOOKUP_MAX_KEYLEN). Values
 * are opaque non-NULL pointers that the structures never dereference.
 *
 * Writers (alloc, free, insert, replace, delete) are serialized by the
 * caller. Lookups run concurrently with writers under rcu_read_lock() (or
 * with bottom halves disabled), take no lock, never allocate nor sleep, and
 * see each write either entirely or not at all. Memory a write unlinks is
 * freed after a grace period (kfree_rcu); no callback of this module is
 * queued, so unloading needs no rcu_barrier() for these structures.
 *
 * Deletes never fail for a present entry: the memory they ask for only
 * compacts the structure, and without it the entry is removed in place.
 */
#ifndef _P4TC_LOOKUP_H
#define _P4TC_LOOKUP_H

#include "lookup_env.h"

#define P4TC_LOOKUP_MAX_KEYLEN	64
#define P4TC_TERN_MAX_MASKS	1024

struct p4tc_lpm;

struct p4tc_lpm *p4tc_lpm_alloc(u32 keylen, gfp_t gfp);
void p4tc_lpm_free(struct p4tc_lpm *lpm);
int p4tc_lpm_insert(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		    void *val, gfp_t gfp);
void *p4tc_lpm_replace(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		       void *val);
void *p4tc_lpm_delete(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		      gfp_t gfp);
void *p4tc_lpm_lookup(const struct p4tc_lpm *lpm, const u8 *key);
size_t p4tc_lpm_memory(const struct p4tc_lpm *lpm);

struct p4tc_tern;

struct p4tc_tern *p4tc_tern_alloc(u32 keylen, u32 max_masks, gfp_t gfp);
void p4tc_tern_free(struct p4tc_tern *t);
int p4tc_tern_insert(struct p4tc_tern *t, const u8 *key, const u8 *mask,
		     u32 prio, void *val, gfp_t gfp);
void *p4tc_tern_replace(struct p4tc_tern *t, const u8 *key, const u8 *mask,
			u32 prio, void *val);
void *p4tc_tern_delete(struct p4tc_tern *t, const u8 *key, const u8 *mask,
		       u32 prio, gfp_t gfp);
void *p4tc_tern_lookup(const struct p4tc_tern *t, const u8 *key);
u32 p4tc_tern_masks(const struct p4tc_tern *t);
u32 p4tc_tern_tables(const struct p4tc_tern *t);
size_t p4tc_tern_memory(const struct p4tc_tern *t);

/**
 * struct p4tc_hnode - link of an object in a struct p4tc_hash
 * @next: next object of the bucket
 * @hash: hash of the object's identity
 * @id_prio: the part of the identity that is a number
 *
 * The identity's bytes sit just before the node, padded to 8 bytes
 * (p4tc_hnode_id()): a short key and the node share a cache line.
 */
struct p4tc_hnode {
	struct p4tc_hnode __rcu *next;
	u32 hash;
	u32 id_prio;
};

/**
 * struct p4tc_hash - objects by identity (bytes and a number)
 * @seed: hash seed
 * @mask: buckets - 1
 * @rcu: deferred free
 * @buckets: chains, a power of two of them
 */
struct p4tc_hash {
	u64 seed;
	u32 mask;
	struct rcu_head rcu;
	struct p4tc_hnode __rcu *buckets[];
};

static inline u8 *p4tc_hnode_id(const struct p4tc_hnode *n, u32 idlen)
{
	return (u8 *)n - round_up(idlen, 8);
}

/* Word @i of an identity, the bytes past @idlen cleared. */
static inline u64 p4tc_hash_word(const u8 *id, u32 i, u32 idlen)
{
	u64 w = get_unaligned_le64(id + i);

	if (idlen - i < sizeof(w))
		w &= ~0ULL >> (8 * (sizeof(w) - (idlen - i)));
	return w;
}

/**
 * p4tc_hash_id() - the hash of an identity
 * @h: hash
 * @id: identity bytes, readable up to round_up(@idlen, 8)
 * @idlen: their length; bytes past it are ignored
 * @id_prio: identity number
 *
 * A seeded multiply-xorshift hash over 8-byte words: a key of up to 16
 * bytes hashes in a few instructions, where jhash() takes dozens.
 *
 * Return: the hash.
 */
static inline u32 p4tc_hash_id(const struct p4tc_hash *h, const u8 *id, u32 idlen,
			       u32 id_prio)
{
	u64 x = h->seed ^ ((u64)id_prio << 32);
	u32 i;

	for (i = 0; i < idlen; i += 8) {
		x ^= p4tc_hash_word(id, i, idlen);
		x *= 0xff51afd7ed558ccdULL;
		x ^= x >> 32;
	}
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x >> 32;
}

/* Whether two identities are equal, bytes past @idlen ignored. */
static inline bool p4tc_hash_id_equal(const u8 *a, const u8 *b, u32 idlen)
{
	u64 diff = 0;
	u32 i;

	for (i = 0; i < idlen; i += 8)
		diff |= p4tc_hash_word(a, i, idlen) ^ p4tc_hash_word(b, i, idlen);
	return !diff;
}

/**
 * p4tc_hash_lookup() - the object with an identity
 * @h: hash
 * @id: identity bytes, readable up to round_up(@idlen, 8)
 * @idlen: their length, the same for every object of @h
 * @id_prio: identity number
 *
 * Context: RCU read side, or the writers' lock.
 * Return: the object's node or NULL.
 */
static inline struct p4tc_hnode *p4tc_hash_lookup(const struct p4tc_hash *h, const u8 *id,
						  u32 idlen, u32 id_prio)
{
	u32 hash = p4tc_hash_id(h, id, idlen, id_prio);
	struct p4tc_hnode *n;

	for (n = lookup_deref(h->buckets[hash & h->mask]); n; n = lookup_deref(n->next))
		if (n->hash == hash && n->id_prio == id_prio &&
		    p4tc_hash_id_equal(p4tc_hnode_id(n, idlen), id, idlen))
			return n;
	return NULL;
}

struct p4tc_hash *p4tc_hash_alloc(u32 max_objects, gfp_t gfp);
void p4tc_hash_free(struct p4tc_hash *h);
void p4tc_hash_add(struct p4tc_hash *h, struct p4tc_hnode *n, u32 idlen);
void p4tc_hash_replace(struct p4tc_hash *h, struct p4tc_hnode *old, struct p4tc_hnode *n);
int p4tc_hash_del(struct p4tc_hash *h, struct p4tc_hnode *n);
struct p4tc_hnode *p4tc_hash_next(const struct p4tc_hash *h, u32 *bucket,
				  const struct p4tc_hnode *n);
void p4tc_hash_move(struct p4tc_hash *to, struct p4tc_hash *from);
size_t p4tc_hash_memory(const struct p4tc_hash *h);

#endif /* _P4TC_LOOKUP_H */
