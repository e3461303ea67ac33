// SPDX-License-Identifier: GPL-2.0
/*
 * Objects by identity: a chained hash with a fixed number of buckets, the
 * power of two at or above the most objects it will hold (a table's
 * tentries), so that it never resizes under the datapath and a lookup
 * reads one bucket and, most often, one object. Each node keeps its hash,
 * so a chain is walked without touching other objects' keys.
 *
 * Readers walk chains under RCU. Writers, serialized by the caller, add at
 * the tail of a chain (a walk resumed at a position in a chain does not
 * see earlier objects again) and unlink with one pointer store, leaving the
 * unlinked node's next pointer intact for readers still on it.
 */
#include "lookup.h"

/**
 * p4tc_hash_alloc() - a hash for up to @max_objects objects
 * @max_objects: 1 or more
 * @gfp: allocation flags
 *
 * Return: the hash, or NULL without memory.
 */
struct p4tc_hash *p4tc_hash_alloc(u32 max_objects, gfp_t gfp)
{
	u32 buckets = roundup_pow_of_two(max_objects ?: 1);
	struct p4tc_hash *h;

	h = kvzalloc(struct_size(h, buckets, buckets), gfp);
	if (!h)
		return NULL;
	h->mask = buckets - 1;
	h->seed = get_random_u64();
	return h;
}

/**
 * p4tc_hash_free() - free a hash after a grace period
 * @h: hash without objects (its objects are the caller's to free)
 */
void p4tc_hash_free(struct p4tc_hash *h)
{
	kvfree_rcu(h, rcu);
}

static struct p4tc_hnode __rcu **p4tc_hash_tail(struct p4tc_hash *h, u32 hash)
{
	struct p4tc_hnode __rcu **link = &h->buckets[hash & h->mask];
	struct p4tc_hnode *cur;

	while ((cur = lookup_wderef(*link)))
		link = &cur->next;
	return link;
}

/**
 * p4tc_hash_add() - add an object
 * @h: hash
 * @n: node of the object, its identity bytes and @n->id_prio set
 * @idlen: bytes of identity
 *
 * The caller made sure no object of @h has the same identity.
 */
void p4tc_hash_add(struct p4tc_hash *h, struct p4tc_hnode *n, u32 idlen)
{
	n->hash = p4tc_hash_id(h, p4tc_hnode_id(n, idlen), idlen, n->id_prio);
	RCU_INIT_POINTER(n->next, NULL);
	rcu_assign_pointer(*p4tc_hash_tail(h, n->hash), n);
}

static struct p4tc_hnode __rcu **p4tc_hash_link(struct p4tc_hash *h,
						const struct p4tc_hnode *n)
{
	struct p4tc_hnode __rcu **link = &h->buckets[n->hash & h->mask];
	struct p4tc_hnode *cur;

	while ((cur = lookup_wderef(*link)) && cur != n)
		link = &cur->next;
	return cur ? link : NULL;
}

/**
 * p4tc_hash_replace() - put an object in place of another of the same identity
 * @h: hash
 * @old: node in @h
 * @n: node of the new object
 *
 * Readers find @old or @n, never neither.
 */
void p4tc_hash_replace(struct p4tc_hash *h, struct p4tc_hnode *old, struct p4tc_hnode *n)
{
	struct p4tc_hnode __rcu **link = p4tc_hash_link(h, old);

	n->hash = old->hash;
	n->id_prio = old->id_prio;
	RCU_INIT_POINTER(n->next, lookup_wderef(old->next));
	rcu_assign_pointer(*link, n);
}

/**
 * p4tc_hash_del() - remove an object
 * @h: hash
 * @n: node to unlink; the caller frees its object after a grace period
 *
 * Return: 0, or -ENOENT if @n is not in @h.
 */
int p4tc_hash_del(struct p4tc_hash *h, struct p4tc_hnode *n)
{
	struct p4tc_hnode __rcu **link = p4tc_hash_link(h, n);

	if (!link)
		return -ENOENT;
	RCU_INIT_POINTER(*link, lookup_wderef(n->next));
	return 0;
}

/**
 * p4tc_hash_next() - walk the objects, bucket by bucket
 * @h: hash
 * @bucket: the bucket of @n, or where to start; moves along
 * @n: the node the walk is at, NULL to start at the head of *@bucket
 *
 * Context: RCU read side (the walk may then miss objects added or see
 * objects removed while it runs), or the writers' lock.
 * Return: the next node, NULL at the end.
 */
struct p4tc_hnode *p4tc_hash_next(const struct p4tc_hash *h, u32 *bucket,
				  const struct p4tc_hnode *n)
{
	struct p4tc_hnode *next;

	if (n) {
		next = lookup_deref(n->next);
		if (next)
			return next;
		++*bucket;
	}
	for (; *bucket <= h->mask; ++*bucket) {
		next = lookup_deref(h->buckets[*bucket]);
		if (next)
			return next;
	}
	return NULL;
}

/**
 * p4tc_hash_move() - move every object to a new hash
 * @to: empty hash, takes the seed of @from
 * @from: hash left empty
 *
 * Context: no reader may walk @from or @to while they change.
 */
void p4tc_hash_move(struct p4tc_hash *to, struct p4tc_hash *from)
{
	struct p4tc_hnode *n, *next;
	u32 b;

	to->seed = from->seed;
	for (b = 0; b <= from->mask; b++) {
		for (n = lookup_wderef(from->buckets[b]); n; n = next) {
			next = lookup_wderef(n->next);
			RCU_INIT_POINTER(n->next, NULL);
			RCU_INIT_POINTER(*p4tc_hash_tail(to, n->hash), n);
		}
		RCU_INIT_POINTER(from->buckets[b], NULL);
	}
}

/**
 * p4tc_hash_memory() - bytes of a hash, without its objects
 * @h: hash
 *
 * Return: the bytes.
 */
size_t p4tc_hash_memory(const struct p4tc_hash *h)
{
	return struct_size(h, buckets, (size_t)h->mask + 1);
}
