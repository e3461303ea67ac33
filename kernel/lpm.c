// SPDX-License-Identifier: GPL-2.0
/*
 * Longest prefix match: a multibit trie of stride 8 with compressed nodes
 * (Documentation/lookup.rst).
 *
 * The node at depth d is reached through key bytes 0..d-1 and holds the
 * prefixes whose length is in (8d, 8d + 8], as their last 1..8 bits. Those
 * are expanded over the node's 256 slots (one per value of key byte d):
 * each slot carries the longest prefix of this node that covers it.
 * Consecutive slots with the same prefix form a run, and a node stores
 * one value per run and one pointer per existing child, found by counting
 * bits (popcount) in 256-bit maps of run starts and of children. A lookup
 * reads one slot per node from the root down and keeps the last value it
 * saw, so a prefix is stored once, in one node, and no update touches
 * more than the nodes on one path.
 *
 * Nodes are copied on write: a writer builds the new node, publishes it
 * with one rcu_assign_pointer() and frees the old one after a grace
 * period. Replacing a value rewrites the runs of one node in place, one
 * pointer store each; a reader reads one run per node, so it sees the old
 * value or the new one.
 */
#include "lookup.h"

#define LPM_STRIDE	8
#define LPM_SLOTS	BIT(LPM_STRIDE)
/* Prefix p of a node: bit p of its prefix map, p = (1 << len) | bits. */
#define LPM_PREFIX_IDS	(2 << LPM_STRIDE)
/* &lpm_edit.child when no child changes. */
#define LPM_NO_CHILD	LPM_SLOTS

/**
 * struct lpm_quarter - lookup data for 64 of a node's slots
 * @runs: bit s set if slot s starts a run
 * @children: bit s set if slot s has a child node
 * @run_base: runs started in the node's previous quarters
 * @child_base: index in &lpm_node.slot of this quarter's first child
 */
struct lpm_quarter {
	u64 runs;
	u64 children;
	u16 run_base;
	u16 child_base;
};

/**
 * union lpm_slot - one of a node's pointers
 * @leaf: value of a run, NULL if no prefix of the node covers it
 * @child: a child node
 * @prefix: value of a prefix of the node, for writers
 */
union lpm_slot {
	void *leaf;
	struct lpm_node __rcu *child;
	void *prefix;
};

/**
 * struct lpm_node - a node of the trie
 * @q: the lookup data, by quarter of the slots
 * @prefixes: map of the node's prefixes, indexed by prefix id
 * @nruns: number of runs
 * @nchildren: number of children
 * @nprefixes: number of prefixes
 * @nslots: number of entries of @slot
 * @rcu: frees the node after a grace period
 * @walk: iteration state of p4tc_lpm_free(), once no reader is left
 * @walk.up: the parent
 * @walk.next: the next child to free
 * @slot: @nruns run values, @nchildren children, @nprefixes prefix values
 */
struct lpm_node {
	struct lpm_quarter q[LPM_SLOTS / 64];
	u64 prefixes[LPM_PREFIX_IDS / 64];
	u16 nruns;
	u16 nchildren;
	u16 nprefixes;
	u16 nslots;
	union {
		struct rcu_head rcu;
		struct {
			struct lpm_node *up;
			u32 next;
		} walk;
	};
	union lpm_slot slot[];
};

/**
 * struct p4tc_lpm - a longest prefix match structure
 * @root: the depth 0 node, never NULL
 * @dflt: value of the prefix of length 0
 * @keylen: key length in bytes
 * @memory: bytes allocated for the nodes
 * @empty_nodes: nodes other than the root without prefixes nor children,
 *	left linked by deletes that could not allocate
 * @best: writers' scratch: for each prefix id of the node being built,
 *	the longest of its prefixes that covers it (slot s is id 256 + s)
 */
struct p4tc_lpm {
	struct lpm_node __rcu *root;
	void *dflt;
	u32 keylen;
	size_t memory;
	u32 empty_nodes;
	u16 best[LPM_PREFIX_IDS];
};

/**
 * struct lpm_edit - how a node being rebuilt differs from the old one
 * @prefix: id of the prefix to add or remove, 0 for none
 * @val: value of the added prefix, NULL to remove it
 * @child: slot whose child changes, or LPM_NO_CHILD
 * @child_node: the new child, NULL to remove it
 */
struct lpm_edit {
	u32 prefix;
	void *val;
	u32 child;
	struct lpm_node *child_node;
};

static u32 lpm_prefix_id(const u8 *key, u32 prefixlen)
{
	u32 depth = (prefixlen - 1) / LPM_STRIDE;
	u32 len = prefixlen - depth * LPM_STRIDE;

	return (1 << len) | (key[depth] >> (LPM_STRIDE - len));
}

static bool lpm_bit(const u64 *map, u32 bit)
{
	return map[bit / 64] & BIT_ULL(bit % 64);
}

/*
 * Fills best with, for each prefix id, the longest prefix of the map that
 * covers it, or 0: the prefixes covering id are its ancestors id / 2^k.
 */
static void lpm_fill_best(u16 *best, const u64 *prefixes)
{
	u32 id;

	best[1] = 0;
	for (id = 2; id < LPM_PREFIX_IDS; id++)
		best[id] = lpm_bit(prefixes, id) ? id : best[id / 2];
}

static union lpm_slot *lpm_prefix_slot(struct lpm_node *n, u32 id)
{
	u32 rank = 0, w;

	for (w = 0; w < id / 64; w++)
		rank += hweight64(n->prefixes[w]);
	rank += hweight64(n->prefixes[w] & (BIT_ULL(id % 64) - 1));
	return &n->slot[n->nruns + n->nchildren + rank];
}

static struct lpm_node __rcu **lpm_child_link(struct lpm_node *n, u8 b)
{
	const struct lpm_quarter *q = &n->q[b / 64];
	u64 below = BIT_ULL(b % 64) - 1;

	return &n->slot[q->child_base + hweight64(q->children & below)].child;
}

/* For writers: the child of n at slot b, or NULL. */
static struct lpm_node *lpm_child(struct lpm_node *n, u8 b)
{
	if (!lpm_bit(&n->q[b / 64].children, b % 64))
		return NULL;
	return lookup_wderef(*lpm_child_link(n, b));
}

/* Left behind by a delete that could not allocate. */
static bool lpm_node_empty(const struct lpm_node *n)
{
	return !n->nprefixes && !n->nchildren;
}

static size_t lpm_node_size(const struct lpm_node *n)
{
	return struct_size(n, slot, n->nslots);
}

/* Frees a node no reader has seen. */
static void lpm_node_free(struct p4tc_lpm *lpm, struct lpm_node *n)
{
	lpm->memory -= lpm_node_size(n);
	kfree(n);
}

/* Frees an unlinked node after the readers that may see it are gone. */
static void lpm_node_retire(struct p4tc_lpm *lpm, struct lpm_node *n)
{
	lpm->memory -= lpm_node_size(n);
	kfree_rcu(n, rcu);
}

/* The child of a node's child slot k (0 is the first child). */
static struct lpm_node *lpm_nth_child(struct lpm_node *n, u32 k)
{
	return lookup_wderef(n->slot[n->nruns + k].child);
}

/*
 * The maps of the node old would become with edit e. Empty children are
 * left out, if there may be any: looking costs a cache miss per child.
 */
static void lpm_edit_maps(const struct p4tc_lpm *lpm, struct lpm_node *old,
			  const struct lpm_edit *e, u64 *prefixes, u64 *children)
{
	u32 b, k = 0;

	memset(prefixes, 0, LPM_PREFIX_IDS / 8);
	memset(children, 0, LPM_SLOTS / 8);
	if (old) {
		memcpy(prefixes, old->prefixes, LPM_PREFIX_IDS / 8);
		for (b = 0; b < LPM_SLOTS / 64; b++)
			children[b] = old->q[b].children;
	}
	for (b = 0; old && lpm->empty_nodes && b < LPM_SLOTS; b++) {
		if (!lpm_bit(&old->q[b / 64].children, b % 64))
			continue;
		if (b != e->child && lpm_node_empty(lpm_nth_child(old, k)))
			children[b / 64] &= ~BIT_ULL(b % 64);
		k++;
	}
	if (e->prefix) {
		if (e->val)
			prefixes[e->prefix / 64] |= BIT_ULL(e->prefix % 64);
		else
			prefixes[e->prefix / 64] &= ~BIT_ULL(e->prefix % 64);
	}
	if (e->child != LPM_NO_CHILD) {
		if (e->child_node)
			children[e->child / 64] |= BIT_ULL(e->child % 64);
		else
			children[e->child / 64] &= ~BIT_ULL(e->child % 64);
	}
}

/*
 * A new node: old (NULL for an empty one) changed by e, without the empty
 * children of old. Nobody sees it before the caller publishes it.
 */
static struct lpm_node *lpm_build(struct p4tc_lpm *lpm, struct lpm_node *old,
				  const struct lpm_edit *e, gfp_t gfp)
{
	u32 nruns = 0, nchildren = 0, nprefixes = 0, run, child, s, id, prev, k;
	u64 prefixes[LPM_PREFIX_IDS / 64], children[LPM_SLOTS / 64];
	union lpm_slot *prefix;
	struct lpm_node *n;

	lpm_edit_maps(lpm, old, e, prefixes, children);
	lpm_fill_best(lpm->best, prefixes);
	prev = LPM_PREFIX_IDS;
	for (s = 0; s < LPM_SLOTS; s++) {
		id = lpm->best[LPM_SLOTS + s];
		nruns += id != prev;
		prev = id;
	}
	for (s = 0; s < LPM_SLOTS / 64; s++)
		nchildren += hweight64(children[s]);
	for (s = 0; s < LPM_PREFIX_IDS / 64; s++)
		nprefixes += hweight64(prefixes[s]);

	n = kzalloc(struct_size(n, slot, nruns + nchildren + nprefixes), gfp);
	if (!n)
		return NULL;
	n->nruns = nruns;
	n->nchildren = nchildren;
	n->nprefixes = nprefixes;
	n->nslots = nruns + nchildren + nprefixes;
	memcpy(n->prefixes, prefixes, sizeof(prefixes));

	/* The prefix values, in id order, old ones in the same order. */
	prefix = &n->slot[nruns + nchildren];
	k = 0;
	for (id = 0; id < LPM_PREFIX_IDS; id++) {
		bool had = old && lpm_bit(old->prefixes, id);

		if (id == e->prefix && e->val)
			(prefix++)->prefix = e->val;
		else if (had && lpm_bit(prefixes, id))
			(prefix++)->prefix = old->slot[old->nruns + old->nchildren + k].prefix;
		k += had;
	}

	run = 0;
	child = nruns;
	prev = LPM_PREFIX_IDS;
	k = 0;
	for (s = 0; s < LPM_SLOTS; s++) {
		struct lpm_quarter *q = &n->q[s / 64];
		struct lpm_node *c = NULL;

		if (s % 64 == 0) {
			q->run_base = run;
			q->child_base = child;
		}
		id = lpm->best[LPM_SLOTS + s];
		if (id != prev) {
			q->runs |= BIT_ULL(s % 64);
			n->slot[run++].leaf = id ? lpm_prefix_slot(n, id)->prefix : NULL;
			prev = id;
		}
		if (old && lpm_bit(&old->q[s / 64].children, s % 64))
			c = lpm_nth_child(old, k++);
		if (lpm_bit(children, s)) {
			q->children |= BIT_ULL(s % 64);
			RCU_INIT_POINTER(n->slot[child++].child, s == e->child ? e->child_node : c);
		}
	}

	lpm->memory += lpm_node_size(n);
	return n;
}

/*
 * Publishes new in place of old at link, then frees old and the empty
 * children that lpm_build() left out of new.
 */
static void lpm_publish(struct p4tc_lpm *lpm, struct lpm_node __rcu **link,
			struct lpm_node *old, struct lpm_node *new,
			const struct lpm_edit *e)
{
	struct lpm_node *child;
	u32 b, k = 0;

	rcu_assign_pointer(*link, new);
	for (b = 0; lpm->empty_nodes && b < LPM_SLOTS; b++) {
		if (!lpm_bit(&old->q[b / 64].children, b % 64))
			continue;
		child = lpm_nth_child(old, k++);
		if (b != e->child && lpm_node_empty(child)) {
			lpm->empty_nodes--;
			lpm_node_retire(lpm, child);
		}
	}
	if (link != &lpm->root) {
		/* An insert into an emptied node. */
		if (lpm_node_empty(old))
			lpm->empty_nodes--;
		/* A delete whose node lost its last, emptied, children. */
		if (lpm_node_empty(new))
			lpm->empty_nodes++;
	}
	lpm_node_retire(lpm, old);
}

/* Writes each run's value again from the node's prefixes. */
static void lpm_refresh_runs(struct p4tc_lpm *lpm, struct lpm_node *n)
{
	u32 run = 0, s, id;

	lpm_fill_best(lpm->best, n->prefixes);
	for (s = 0; s < LPM_SLOTS; s++) {
		if (!lpm_bit(&n->q[s / 64].runs, s % 64))
			continue;
		id = lpm->best[LPM_SLOTS + s];
		WRITE_ONCE(n->slot[run++].leaf,
			   id ? lpm_prefix_slot(n, id)->prefix : NULL);
	}
}

/*
 * Removes a prefix without allocating. The runs stay as they are: every
 * slot of a run that had prefix id as its best now has the same next best,
 * id's longest ancestor in the node, so each run still has one value.
 */
static void lpm_remove_in_place(struct p4tc_lpm *lpm, struct lpm_node *n, u32 id)
{
	union lpm_slot *slot = lpm_prefix_slot(n, id);
	union lpm_slot *end = &n->slot[n->nruns + n->nchildren + n->nprefixes];

	memmove(slot, slot + 1, (end - slot - 1) * sizeof(*slot));
	n->prefixes[id / 64] &= ~BIT_ULL(id % 64);
	n->nprefixes--;
	lpm_refresh_runs(lpm, n);
}

/* Frees, unpublished, a chain of single-child nodes. */
static void lpm_free_chain(struct p4tc_lpm *lpm, struct lpm_node *n)
{
	struct lpm_node *next;

	for (; n; n = next) {
		next = n->nchildren ? lpm_nth_child(n, 0) : NULL;
		lpm_node_free(lpm, n);
	}
}

/* Frees, after a grace period, a chain of unlinked single-child nodes. */
static void lpm_retire_chain(struct p4tc_lpm *lpm, struct lpm_node *n)
{
	struct lpm_node *next;

	for (; n; n = next) {
		next = n->nchildren ? lpm_nth_child(n, 0) : NULL;
		lpm_node_retire(lpm, n);
	}
}

/* For writers: the node at the prefix's depth, or NULL. */
static struct lpm_node *lpm_find_node(struct p4tc_lpm *lpm, const u8 *key,
				      u32 prefixlen)
{
	struct lpm_node *n = lookup_wderef(lpm->root);
	u32 d;

	for (d = 0; n && d < (prefixlen - 1) / LPM_STRIDE; d++)
		n = lpm_child(n, key[d]);
	return n;
}

/**
 * p4tc_lpm_alloc() - allocate an empty LPM structure
 * @keylen: key length in bytes, 1..P4TC_LOOKUP_MAX_KEYLEN
 * @gfp: allocation flags
 *
 * Return: the structure, or NULL if @keylen is out of range or memory is
 * short.
 */
struct p4tc_lpm *p4tc_lpm_alloc(u32 keylen, gfp_t gfp)
{
	const struct lpm_edit none = { .child = LPM_NO_CHILD };
	struct lpm_node *root;
	struct p4tc_lpm *lpm;

	if (!keylen || keylen > P4TC_LOOKUP_MAX_KEYLEN)
		return NULL;
	lpm = kzalloc(sizeof(*lpm), gfp);
	if (!lpm)
		return NULL;
	lpm->keylen = keylen;
	root = lpm_build(lpm, NULL, &none, gfp);
	if (!root) {
		kfree(lpm);
		return NULL;
	}
	RCU_INIT_POINTER(lpm->root, root);
	return lpm;
}

/**
 * p4tc_lpm_free() - free an LPM structure
 * @lpm: the structure, which no reader can reach any more
 *
 * The values are the caller's to free.
 */
void p4tc_lpm_free(struct p4tc_lpm *lpm)
{
	struct lpm_node *n, *up;

	/* Depth first, without recursion: the nodes keep the way back. */
	n = lookup_wderef(lpm->root);
	n->walk.up = NULL;
	n->walk.next = 0;
	while (n) {
		if (n->walk.next < n->nchildren) {
			struct lpm_node *child;

			child = lpm_nth_child(n, n->walk.next++);
			child->walk.up = n;
			child->walk.next = 0;
			n = child;
			continue;
		}
		up = n->walk.up;
		kfree(n);
		n = up;
	}
	kfree(lpm);
}

/**
 * p4tc_lpm_insert() - add a prefix
 * @lpm: the structure
 * @key: key bytes; bits past @prefixlen are ignored
 * @prefixlen: prefix length in bits, 0..keylen * 8
 * @val: value, not NULL
 * @gfp: allocation flags
 *
 * Context: writers serialized by the caller.
 * Return: 0; -EINVAL for a NULL @val or a @prefixlen out of range;
 * -EEXIST if the prefix is present (nothing changes); -ENOMEM.
 */
int p4tc_lpm_insert(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		    void *val, gfp_t gfp)
{
	struct lpm_edit e = { .child = LPM_NO_CHILD };
	struct lpm_node __rcu **link = &lpm->root;
	struct lpm_node *n, *next, *chain = NULL;
	u32 depth, d, i;

	if (!val || prefixlen > lpm->keylen * 8)
		return -EINVAL;
	if (!prefixlen) {
		if (lpm->dflt)
			return -EEXIST;
		WRITE_ONCE(lpm->dflt, val);
		return 0;
	}
	depth = (prefixlen - 1) / LPM_STRIDE;
	n = lookup_wderef(lpm->root);
	for (d = 0; d < depth; d++) {
		next = lpm_child(n, key[d]);
		if (!next)
			break;
		link = lpm_child_link(n, key[d]);
		n = next;
	}
	if (d == depth && lpm_bit(n->prefixes, lpm_prefix_id(key, prefixlen)))
		return -EEXIST;

	/* The missing nodes, from the prefix's depth up. */
	for (i = depth; i > d; i--) {
		struct lpm_edit ce = { .child = LPM_NO_CHILD };

		if (chain) {
			ce.child = key[i];
			ce.child_node = chain;
		} else {
			ce.prefix = lpm_prefix_id(key, prefixlen);
			ce.val = val;
		}
		next = lpm_build(lpm, NULL, &ce, gfp);
		if (!next)
			goto free_chain;
		chain = next;
	}
	if (chain) {
		e.child = key[d];
		e.child_node = chain;
	} else {
		e.prefix = lpm_prefix_id(key, prefixlen);
		e.val = val;
	}
	next = lpm_build(lpm, n, &e, gfp);
	if (!next)
		goto free_chain;
	lpm_publish(lpm, link, n, next, &e);
	return 0;

free_chain:
	lpm_free_chain(lpm, chain);
	return -ENOMEM;
}

/**
 * p4tc_lpm_replace() - change the value of a prefix
 * @lpm: the structure
 * @key: key bytes; bits past @prefixlen are ignored
 * @prefixlen: prefix length in bits
 * @val: new value, not NULL
 *
 * Allocates nothing. Each lookup returns the old value or the new one.
 *
 * Context: writers serialized by the caller.
 * Return: the old value, or NULL if the prefix is absent or @val is NULL
 * (nothing changes).
 */
void *p4tc_lpm_replace(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		       void *val)
{
	union lpm_slot *slot;
	struct lpm_node *n;
	void *old;
	u32 id;

	if (!val || prefixlen > lpm->keylen * 8)
		return NULL;
	if (!prefixlen) {
		old = lpm->dflt;
		if (old)
			WRITE_ONCE(lpm->dflt, val);
		return old;
	}
	n = lpm_find_node(lpm, key, prefixlen);
	id = lpm_prefix_id(key, prefixlen);
	if (!n || !lpm_bit(n->prefixes, id))
		return NULL;
	slot = lpm_prefix_slot(n, id);
	old = slot->prefix;
	slot->prefix = val;
	lpm_refresh_runs(lpm, n);
	return old;
}

/**
 * p4tc_lpm_delete() - remove a prefix
 * @lpm: the structure
 * @key: key bytes; bits past @prefixlen are ignored
 * @prefixlen: prefix length in bits
 * @gfp: allocation flags, for the compacted copy of the node
 *
 * Never fails for a present prefix: without memory, the prefix leaves its
 * node in place and the node keeps its size (and an emptied node stays
 * linked) until a later write rebuilds it.
 *
 * Context: writers serialized by the caller.
 * Return: the value of the removed prefix, or NULL if it was absent.
 */
void *p4tc_lpm_delete(struct p4tc_lpm *lpm, const u8 *key, u32 prefixlen,
		      gfp_t gfp)
{
	struct lpm_node __rcu **link = &lpm->root, **keep_link = &lpm->root;
	struct lpm_edit e = { .child = LPM_NO_CHILD };
	u32 depth, d, id, keep_depth = 0;
	struct lpm_node *n, *keep, *next;
	void *val;

	if (prefixlen > lpm->keylen * 8)
		return NULL;
	if (!prefixlen) {
		val = lpm->dflt;
		WRITE_ONCE(lpm->dflt, NULL);
		return val;
	}
	depth = (prefixlen - 1) / LPM_STRIDE;
	id = lpm_prefix_id(key, prefixlen);
	n = lookup_wderef(lpm->root);
	keep = n;
	for (d = 0; d < depth; d++) {
		/* The deepest node on the path that stays if n empties. */
		if (d && (n->nprefixes || n->nchildren > 1)) {
			keep = n;
			keep_link = link;
			keep_depth = d;
		}
		next = lpm_child(n, key[d]);
		if (!next)
			return NULL;
		link = lpm_child_link(n, key[d]);
		n = next;
	}
	if (!lpm_bit(n->prefixes, id))
		return NULL;
	val = lpm_prefix_slot(n, id)->prefix;

	if (!depth || n->nprefixes > 1 || n->nchildren) {
		e.prefix = id;
		next = lpm_build(lpm, n, &e, gfp | __GFP_NOWARN);
		if (next)
			lpm_publish(lpm, link, n, next, &e);
		else
			lpm_remove_in_place(lpm, n, id);
		return val;
	}

	/* n empties: cut the path below keep. */
	e.child = key[keep_depth];
	next = lpm_build(lpm, keep, &e, gfp | __GFP_NOWARN);
	if (!next) {
		lpm_remove_in_place(lpm, n, id);
		lpm->empty_nodes++;
		return val;
	}
	n = lpm_child(keep, key[keep_depth]);
	lpm_publish(lpm, keep_link, keep, next, &e);
	lpm_retire_chain(lpm, n);
	return val;
}

/**
 * p4tc_lpm_lookup() - find the longest prefix that matches a key
 * @lpm: the structure
 * @key: keylen bytes
 *
 * Context: RCU read side (rcu_read_lock() or bottom halves disabled).
 * Return: the value of the longest matching prefix, or NULL.
 */
void *p4tc_lpm_lookup(const struct p4tc_lpm *lpm, const u8 *key)
{
	const struct lpm_node *n = lookup_deref(lpm->root);
	void *best = READ_ONCE(lpm->dflt);
	const struct lpm_quarter *q;
	u32 d = 0;
	void *val;
	u64 bit;

	for (;;) {
		q = &n->q[key[d] / 64];
		bit = BIT_ULL(key[d] % 64);
		/* Slot 0 starts a run: the count is at least 1. */
		val = READ_ONCE(n->slot[q->run_base +
					hweight64(q->runs & (bit | (bit - 1))) - 1].leaf);
		if (val)
			best = val;
		if (!(q->children & bit))
			return best;
		n = lookup_deref(n->slot[q->child_base +
					 hweight64(q->children & (bit - 1))].child);
		d++;
		/*
		 * Deep nodes have few runs: fetch the lines of the first 8
		 * run values while the quarter's line is being fetched.
		 */
		prefetch(&n->slot[0]);
		prefetch(&n->slot[7]);
	}
}

/**
 * p4tc_lpm_memory() - memory used by an LPM structure
 * @lpm: the structure
 *
 * Return: bytes allocated for the structure, not counting the values.
 */
size_t p4tc_lpm_memory(const struct p4tc_lpm *lpm)
{
	return sizeof(*lpm) + lpm->memory;
}
