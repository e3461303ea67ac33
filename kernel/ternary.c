// SPDX-License-Identifier: GPL-2.0
/*
 * Ternary match: a tuple space of relaxed masks, after TupleMerge (Daly,
 * Liu, Torng, 2019); Documentation/lookup.rst.
 *
 * Rules live in a few hash tables. A table hashes only the bits of its own
 * mask, and takes every rule whose mask contains those bits, whatever the
 * rule's other bits: a lookup hashes the key once per table and compares
 * the rules of one bucket in full. So the cost of a lookup grows with the
 * number of tables, not with the number of distinct rule masks. A new
 * rule goes to the most specific table that can take it without more than
 * TERN_COLLIDE rules sharing its hashed bits; when none can, a table is
 * created with a relaxation of the rule's mask: its first 2, 4, 8 or all
 * fully specified bytes, and finally the mask itself, the first of those
 * that no table has yet. Buckets are lists sorted by priority, and tables
 * are visited by their best priority, so a lookup stops as soon as no
 * table left can beat the rule it has found.
 *
 * Readers see each write entirely or not at all: a rule is linked with one
 * rcu_assign_pointer() once its table is reachable; a table, the table
 * order and a resized bucket array are built aside and published with one
 * pointer store; unlinked memory is freed with kfree_rcu().
 */
#include "lookup.h"

#define TERN_MAX_WORDS		(P4TC_LOOKUP_MAX_KEYLEN / 8)
/* Rules of a table that may share the bits it hashes. */
#define TERN_COLLIDE		8
#define TERN_MIN_BUCKETS	4
#define TERN_HASH_MUL		0x9e3779b97f4a7c15ULL

/* The relaxations of a mask, in fully specified bytes kept. */
static const u32 tern_level_bytes[] = { 2, 4, 8, P4TC_LOOKUP_MAX_KEYLEN };
/* ... and the mask itself. */
#define TERN_LEVELS		(ARRAY_SIZE(tern_level_bytes) + 1)

/**
 * struct tern_rule - a rule, in a bucket list
 * @next: next rule of the bucket, by increasing @prio
 * @val: the value
 * @prio: priority, lowest wins
 * @rcu: frees the rule after a grace period
 * @w: key & mask, then mask, in 64-bit words
 */
struct tern_rule {
	struct tern_rule __rcu *next;
	void *val;
	u32 prio;
	struct rcu_head rcu;
	u64 w[];
};

/**
 * struct tern_htab - the buckets of a table
 * @shift: 64 - log2(@nbuckets): a hash's top bits pick the bucket
 * @nbuckets: number of buckets, a power of 2
 * @rcu: frees the array after a grace period
 * @bucket: the bucket lists
 */
struct tern_htab {
	u32 shift;
	u32 nbuckets;
	struct rcu_head rcu;
	struct tern_rule __rcu *bucket[];
};

/**
 * struct tern_table - a hash table of rules on the bits of one mask
 * @htab: the buckets
 * @nrules: number of rules
 * @min_prio: at most the best priority of its rules (deletes leave it)
 * @mask_bits: bits set in @mask
 * @rcu: frees the table after a grace period
 * @mask: the bits hashed, in 64-bit words; every rule's mask contains them
 */
struct tern_table {
	struct tern_htab __rcu *htab;
	u32 nrules;
	u32 min_prio;
	u32 mask_bits;
	struct rcu_head rcu;
	u64 mask[];
};

/**
 * struct tern_order_entry - a table in lookup order
 * @min_prio: the table's &tern_table.min_prio when this order was made
 * @table: the table
 */
struct tern_order_entry {
	u32 min_prio;
	struct tern_table *table;
};

/**
 * struct tern_order - the tables, by increasing &tern_order_entry.min_prio
 * @n: number of tables
 * @size: entries allocated
 * @rcu: frees the array after a grace period
 * @e: the tables
 */
struct tern_order {
	u32 n;
	u32 size;
	struct rcu_head rcu;
	struct tern_order_entry e[];
};

/**
 * struct tern_mask - a distinct rule mask, for writers
 * @next: next mask in use
 * @refs: rules with this mask
 * @w: the mask, in 64-bit words
 */
struct tern_mask {
	struct tern_mask *next;
	u32 refs;
	u64 w[];
};

/**
 * struct p4tc_tern - a ternary match structure
 * @order: the tables in lookup order
 * @keylen: key length in bytes
 * @nwords: key length in 64-bit words
 * @max_masks: distinct rule masks allowed
 * @nmasks: distinct rule masks in use
 * @masks: the distinct rule masks in use
 * @memory: bytes allocated for everything but this structure
 */
struct p4tc_tern {
	struct tern_order __rcu *order;
	u32 keylen;
	u32 nwords;
	u32 max_masks;
	u32 nmasks;
	struct tern_mask *masks;
	size_t memory;
};

/* Key or mask bytes as zero-padded words. */
static void tern_words(const struct p4tc_tern *t, const u8 *bytes, u64 *w)
{
	w[t->nwords - 1] = 0;
	memcpy(w, bytes, t->keylen);
}

static u64 tern_hash(const u64 *kw, const u64 *mask, u32 nwords)
{
	u64 h = 0;
	u32 i;

	for (i = 0; i < nwords; i++) {
		h = (h ^ (kw[i] & mask[i])) * TERN_HASH_MUL;
		h ^= h >> 32;
	}
	/* The bucket is taken from the top bits: multiply once more. */
	return h * TERN_HASH_MUL;
}

static bool tern_match(const u64 *kw, const struct tern_rule *r, u32 nwords)
{
	u32 i;

	for (i = 0; i < nwords; i++)
		if ((kw[i] & r->w[nwords + i]) != r->w[i])
			return false;
	return true;
}

static bool tern_subset(const u64 *sub, const u64 *mask, u32 nwords)
{
	u32 i;

	for (i = 0; i < nwords; i++)
		if (sub[i] & ~mask[i])
			return false;
	return true;
}

static bool tern_equal_under(const u64 *a, const u64 *b, const u64 *mask,
			     u32 nwords)
{
	u32 i;

	for (i = 0; i < nwords; i++)
		if ((a[i] ^ b[i]) & mask[i])
			return false;
	return true;
}

static size_t tern_rule_size(const struct p4tc_tern *t)
{
	return sizeof(struct tern_rule) + 2 * t->nwords * sizeof(u64);
}

static size_t tern_htab_size(u32 nbuckets)
{
	return sizeof(struct tern_htab) + nbuckets * sizeof(struct tern_rule *);
}

static size_t tern_table_size(const struct p4tc_tern *t)
{
	return sizeof(struct tern_table) + t->nwords * sizeof(u64);
}

static size_t tern_order_size(u32 n)
{
	return sizeof(struct tern_order) + n * sizeof(struct tern_order_entry);
}

static size_t tern_mask_size(const struct p4tc_tern *t)
{
	return sizeof(struct tern_mask) + t->nwords * sizeof(u64);
}

static struct tern_rule __rcu **tern_bucket(const struct p4tc_tern *t,
					    const struct tern_table *table,
					    struct tern_htab *htab, const u64 *kw)
{
	return &htab->bucket[tern_hash(kw, table->mask, t->nwords) >> htab->shift];
}

/* Links a rule into its bucket, by priority. */
static void tern_link(const struct p4tc_tern *t, const struct tern_table *table,
		      struct tern_htab *htab, struct tern_rule *rule)
{
	struct tern_rule __rcu **link = tern_bucket(t, table, htab, rule->w);
	struct tern_rule *cur;

	while ((cur = lookup_wderef(*link)) && cur->prio < rule->prio)
		link = &cur->next;
	RCU_INIT_POINTER(rule->next, cur);
	rcu_assign_pointer(*link, rule);
}

static struct tern_htab *tern_htab_alloc(struct p4tc_tern *t, u32 nbuckets,
					 gfp_t gfp)
{
	struct tern_htab *htab;

	htab = kvzalloc(tern_htab_size(nbuckets), gfp);
	if (!htab)
		return NULL;
	htab->nbuckets = nbuckets;
	htab->shift = 64 - ilog2(nbuckets);
	t->memory += tern_htab_size(nbuckets);
	return htab;
}

/* Frees the buckets and rules of a table no reader has seen. */
static void tern_htab_free(struct p4tc_tern *t, struct tern_htab *htab)
{
	struct tern_rule *r, *next;
	u32 b;

	for (b = 0; b < htab->nbuckets; b++) {
		for (r = lookup_wderef(htab->bucket[b]); r; r = next) {
			next = lookup_wderef(r->next);
			t->memory -= tern_rule_size(t);
			kfree(r);
		}
	}
	t->memory -= tern_htab_size(htab->nbuckets);
	kvfree(htab);
}

/* Frees unlinked buckets and rules after a grace period. */
static void tern_htab_retire(struct p4tc_tern *t, struct tern_htab *htab)
{
	struct tern_rule *r, *next;
	u32 b;

	for (b = 0; b < htab->nbuckets; b++) {
		for (r = lookup_wderef(htab->bucket[b]); r; r = next) {
			next = lookup_wderef(r->next);
			t->memory -= tern_rule_size(t);
			kfree_rcu(r, rcu);
		}
	}
	t->memory -= tern_htab_size(htab->nbuckets);
	kvfree_rcu(htab, rcu);
}

/*
 * A copy of a table's buckets and rules with nbuckets buckets, to publish
 * in place of the old ones (readers may hold rules of the old lists, so
 * the lists cannot be moved).
 */
static struct tern_htab *tern_htab_resize(struct p4tc_tern *t,
					  struct tern_table *table,
					  u32 nbuckets, gfp_t gfp)
{
	struct tern_htab *old = lookup_wderef(table->htab), *htab;
	struct tern_rule *r, *copy;
	u32 b;

	htab = tern_htab_alloc(t, nbuckets, gfp);
	if (!htab)
		return NULL;
	for (b = 0; b < old->nbuckets; b++) {
		for (r = lookup_wderef(old->bucket[b]); r; r = lookup_wderef(r->next)) {
			copy = kmalloc(tern_rule_size(t), gfp);
			if (!copy)
				goto free_htab;
			memcpy(copy, r, tern_rule_size(t));
			t->memory += tern_rule_size(t);
			tern_link(t, table, htab, copy);
		}
	}
	return htab;

free_htab:
	tern_htab_free(t, htab);
	return NULL;
}

static void tern_table_free(struct p4tc_tern *t, struct tern_table *table)
{
	tern_htab_free(t, lookup_wderef(table->htab));
	t->memory -= tern_table_size(t);
	kfree(table);
}

static void tern_table_retire(struct p4tc_tern *t, struct tern_table *table)
{
	tern_htab_retire(t, lookup_wderef(table->htab));
	t->memory -= tern_table_size(t);
	kfree_rcu(table, rcu);
}

static struct tern_table *tern_table_alloc(struct p4tc_tern *t, const u64 *mask,
					   gfp_t gfp)
{
	struct tern_table *table;
	struct tern_htab *htab;
	u32 i;

	table = kzalloc(tern_table_size(t), gfp);
	if (!table)
		return NULL;
	htab = tern_htab_alloc(t, TERN_MIN_BUCKETS, gfp);
	if (!htab) {
		kfree(table);
		return NULL;
	}
	RCU_INIT_POINTER(table->htab, htab);
	memcpy(table->mask, mask, t->nwords * sizeof(u64));
	for (i = 0; i < t->nwords; i++)
		table->mask_bits += hweight64(mask[i]);
	t->memory += tern_table_size(t);
	return table;
}

/*
 * Publishes a new table order: the tables of the current one but the
 * empty ones, plus add if not NULL, by their &tern_table.min_prio. Frees
 * the old order and the empty tables.
 */
static int tern_order_update(struct p4tc_tern *t, struct tern_table *add,
			     gfp_t gfp)
{
	struct tern_order *old = lookup_wderef(t->order), *order;
	struct tern_order_entry e;
	u32 i, j, n = !!add;

	for (i = 0; i < old->n; i++)
		n += !!old->e[i].table->nrules;
	order = kvmalloc(tern_order_size(n), gfp);
	if (!order)
		return -ENOMEM;
	order->n = 0;
	order->size = n;
	for (i = 0; i <= old->n; i++) {
		e.table = i < old->n ? old->e[i].table : add;
		if (!e.table || !e.table->nrules)
			continue;
		e.min_prio = e.table->min_prio;
		for (j = order->n; j > 0 && order->e[j - 1].min_prio > e.min_prio; j--)
			order->e[j] = order->e[j - 1];
		order->e[j] = e;
		order->n++;
	}
	t->memory += tern_order_size(order->size);

	rcu_assign_pointer(t->order, order);
	for (i = 0; i < old->n; i++)
		if (!old->e[i].table->nrules)
			tern_table_retire(t, old->e[i].table);
	t->memory -= tern_order_size(old->size);
	kvfree_rcu(old, rcu);
	return 0;
}

/* For writers: the rule, its table and the link that points to it. */
static struct tern_rule *tern_find(const struct p4tc_tern *t, const u64 *kw,
				   const u64 *mw, u32 prio,
				   struct tern_table **tablep,
				   struct tern_rule __rcu ***linkp)
{
	struct tern_order *order = lookup_wderef(t->order);
	struct tern_rule __rcu **link;
	struct tern_table *table;
	struct tern_rule *r;
	u32 i;

	for (i = 0; i < order->n; i++) {
		table = order->e[i].table;
		if (!tern_subset(table->mask, mw, t->nwords))
			continue;
		link = tern_bucket(t, table, lookup_wderef(table->htab), kw);
		for (; (r = lookup_wderef(*link)); link = &r->next) {
			if (r->prio != prio ||
			    memcmp(r->w, kw, t->nwords * sizeof(u64)) ||
			    memcmp(r->w + t->nwords, mw, t->nwords * sizeof(u64)))
				continue;
			if (tablep)
				*tablep = table;
			if (linkp)
				*linkp = link;
			return r;
		}
	}
	return NULL;
}

/* Rules of a table whose hashed bits are those of kw. */
static u32 tern_collisions(const struct p4tc_tern *t, const struct tern_table *table,
			   const u64 *kw)
{
	struct tern_rule *r;
	u32 n = 0;

	r = lookup_wderef(*tern_bucket(t, table, lookup_wderef(table->htab), kw));
	for (; r; r = lookup_wderef(r->next))
		n += tern_equal_under(r->w, kw, table->mask, t->nwords);
	return n;
}

/* The most specific table that takes the rule without too many collisions. */
static struct tern_table *tern_pick_table(const struct p4tc_tern *t,
					  const u64 *kw, const u64 *mw)
{
	struct tern_order *order = lookup_wderef(t->order);
	struct tern_table *table, *best = NULL;
	u32 i;

	for (i = 0; i < order->n; i++) {
		table = order->e[i].table;
		if (!table->nrules || !tern_subset(table->mask, mw, t->nwords) ||
		    (best && table->mask_bits <= best->mask_bits) ||
		    tern_collisions(t, table, kw) >= TERN_COLLIDE)
			continue;
		best = table;
	}
	return best;
}

static struct tern_table *tern_table_with_mask(const struct p4tc_tern *t,
					       const u64 *mask)
{
	struct tern_order *order = lookup_wderef(t->order);
	u32 i;

	for (i = 0; i < order->n; i++)
		if (!memcmp(order->e[i].table->mask, mask, t->nwords * sizeof(u64)))
			return order->e[i].table;
	return NULL;
}

/* A relaxation of mask mw, from the loosest (level 0) to mw itself. */
static void tern_level_mask(const struct p4tc_tern *t, const u64 *mw, u32 level,
			    u64 *lmask)
{
	const u8 *m = (const u8 *)mw;
	u8 *l = (u8 *)lmask;
	u32 i, kept = 0;

	if (level == TERN_LEVELS - 1) {
		memcpy(lmask, mw, t->nwords * sizeof(u64));
		return;
	}
	memset(lmask, 0, t->nwords * sizeof(u64));
	for (i = 0; i < t->keylen && kept < tern_level_bytes[level]; i++) {
		if (m[i] == 0xff) {
			l[i] = 0xff;
			kept++;
		}
	}
}

static struct tern_mask *tern_mask_find(const struct p4tc_tern *t, const u64 *mw)
{
	struct tern_mask *m;

	for (m = t->masks; m; m = m->next)
		if (!memcmp(m->w, mw, t->nwords * sizeof(u64)))
			return m;
	return NULL;
}

/*
 * Inserts a new rule into the table chosen for it, creating the table if
 * needed. On error nothing has changed and the rule is not freed.
 */
static int tern_insert_rule(struct p4tc_tern *t, struct tern_rule *rule,
			    const u64 *mw, gfp_t gfp)
{
	struct tern_htab *htab, *grown = NULL;
	u64 lmask[TERN_MAX_WORDS];
	struct tern_table *table;
	const u64 *kw = rule->w;
	u32 level, min_prio;
	int err;

	table = tern_pick_table(t, kw, mw);
	for (level = 0; !table && level < TERN_LEVELS; level++) {
		tern_level_mask(t, mw, level, lmask);
		if (tern_table_with_mask(t, lmask))
			continue;
		table = tern_table_alloc(t, lmask, gfp);
		if (!table)
			return -ENOMEM;
		tern_link(t, table, lookup_wderef(table->htab), rule);
		table->nrules = 1;
		table->min_prio = rule->prio;
		err = tern_order_update(t, table, gfp);
		if (err) {
			/* Unlinked, the rule goes back to the caller. */
			htab = lookup_wderef(table->htab);
			memset(htab->bucket, 0, htab->nbuckets * sizeof(htab->bucket[0]));
			tern_table_free(t, table);
		}
		return err;
	}
	/* Every relaxation has its table: the one of the mask itself takes it. */
	if (!table)
		table = tern_table_with_mask(t, mw);

	htab = lookup_wderef(table->htab);
	/* Best effort: a longer bucket list costs lookups a little. */
	if (table->nrules >= htab->nbuckets)
		grown = tern_htab_resize(t, table, htab->nbuckets * 2,
					 gfp | __GFP_NOWARN);
	/* Counted already, so that the order update keeps an empty table. */
	table->nrules++;
	min_prio = table->min_prio;
	if (rule->prio < min_prio) {
		table->min_prio = rule->prio;
		err = tern_order_update(t, NULL, gfp);
		if (err) {
			table->min_prio = min_prio;
			table->nrules--;
			if (grown)
				tern_htab_free(t, grown);
			return err;
		}
	}
	if (grown) {
		tern_link(t, table, grown, rule);
		rcu_assign_pointer(table->htab, grown);
		tern_htab_retire(t, htab);
	} else {
		tern_link(t, table, htab, rule);
	}
	return 0;
}

/**
 * p4tc_tern_alloc() - allocate an empty ternary structure
 * @keylen: key length in bytes, 1..P4TC_LOOKUP_MAX_KEYLEN
 * @max_masks: distinct rule masks allowed, 1..P4TC_TERN_MAX_MASKS
 * @gfp: allocation flags
 *
 * Return: the structure, or NULL if an argument is out of range or memory
 * is short.
 */
struct p4tc_tern *p4tc_tern_alloc(u32 keylen, u32 max_masks, gfp_t gfp)
{
	struct tern_order *order;
	struct p4tc_tern *t;

	if (!keylen || keylen > P4TC_LOOKUP_MAX_KEYLEN || !max_masks ||
	    max_masks > P4TC_TERN_MAX_MASKS)
		return NULL;
	t = kzalloc(sizeof(*t), gfp);
	if (!t)
		return NULL;
	order = kvzalloc(tern_order_size(0), gfp);
	if (!order) {
		kfree(t);
		return NULL;
	}
	RCU_INIT_POINTER(t->order, order);
	t->keylen = keylen;
	t->nwords = (keylen + 7) / 8;
	t->max_masks = max_masks;
	t->memory = tern_order_size(0);
	return t;
}

/**
 * p4tc_tern_free() - free a ternary structure
 * @t: the structure, which no reader can reach any more
 *
 * The values are the caller's to free.
 */
void p4tc_tern_free(struct p4tc_tern *t)
{
	struct tern_order *order = lookup_wderef(t->order);
	struct tern_mask *m, *next;
	u32 i;

	for (i = 0; i < order->n; i++)
		tern_table_free(t, order->e[i].table);
	kvfree(order);
	for (m = t->masks; m; m = next) {
		next = m->next;
		kfree(m);
	}
	kfree(t);
}

/**
 * p4tc_tern_insert() - add a rule
 * @t: the structure
 * @key: key bytes; bits outside @mask are ignored
 * @mask: mask bytes
 * @prio: priority, lowest wins; unique in the structure (the caller's duty)
 * @val: value, not NULL
 * @gfp: allocation flags
 *
 * Context: writers serialized by the caller.
 * Return: 0; -EINVAL for a NULL @val; -EEXIST if the rule (@key & @mask,
 * @mask, @prio) is present; -ENOSPC if @mask would be one distinct mask
 * too many; -ENOMEM. Nothing changes on error.
 */
int p4tc_tern_insert(struct p4tc_tern *t, const u8 *key, const u8 *mask,
		     u32 prio, void *val, gfp_t gfp)
{
	u64 mw[TERN_MAX_WORDS];
	struct tern_rule *rule;
	struct tern_mask *m;
	int err = -ENOMEM;
	u32 i;

	if (!val)
		return -EINVAL;
	rule = kmalloc(tern_rule_size(t), gfp);
	if (!rule)
		return -ENOMEM;
	tern_words(t, mask, mw);
	tern_words(t, key, rule->w);
	for (i = 0; i < t->nwords; i++)
		rule->w[i] &= mw[i];
	memcpy(rule->w + t->nwords, mw, t->nwords * sizeof(u64));
	rule->prio = prio;
	rule->val = val;
	t->memory += tern_rule_size(t);

	if (tern_find(t, rule->w, mw, prio, NULL, NULL)) {
		err = -EEXIST;
		goto free_rule;
	}
	m = tern_mask_find(t, mw);
	if (!m) {
		err = -ENOSPC;
		if (t->nmasks == t->max_masks)
			goto free_rule;
		err = -ENOMEM;
		m = kzalloc(tern_mask_size(t), gfp);
		if (!m)
			goto free_rule;
		memcpy(m->w, mw, t->nwords * sizeof(u64));
	}
	err = tern_insert_rule(t, rule, mw, gfp);
	if (err)
		goto free_mask;
	if (!m->refs++) {
		m->next = t->masks;
		t->masks = m;
		t->nmasks++;
		t->memory += tern_mask_size(t);
	}
	return 0;

free_mask:
	if (!m->refs)
		kfree(m);
free_rule:
	t->memory -= tern_rule_size(t);
	kfree(rule);
	return err;
}

/**
 * p4tc_tern_replace() - change the value of a rule
 * @t: the structure
 * @key: key bytes; bits outside @mask are ignored
 * @mask: mask bytes
 * @prio: priority
 * @val: new value, not NULL
 *
 * Allocates nothing. Each lookup returns the old value or the new one.
 *
 * Context: writers serialized by the caller.
 * Return: the old value, or NULL if the rule is absent or @val is NULL
 * (nothing changes).
 */
void *p4tc_tern_replace(struct p4tc_tern *t, const u8 *key, const u8 *mask,
			u32 prio, void *val)
{
	u64 kw[TERN_MAX_WORDS], mw[TERN_MAX_WORDS];
	struct tern_rule *r;
	void *old;
	u32 i;

	if (!val)
		return NULL;
	tern_words(t, mask, mw);
	tern_words(t, key, kw);
	for (i = 0; i < t->nwords; i++)
		kw[i] &= mw[i];
	r = tern_find(t, kw, mw, prio, NULL, NULL);
	if (!r)
		return NULL;
	old = r->val;
	WRITE_ONCE(r->val, val);
	return old;
}

/**
 * p4tc_tern_delete() - remove a rule
 * @t: the structure
 * @key: key bytes; bits outside @mask are ignored
 * @mask: mask bytes
 * @prio: priority
 * @gfp: allocation flags, to shrink or drop the rule's table
 *
 * Never fails for a present rule: without memory, the table keeps its
 * bucket array, or stays empty in the lookup order until a later write.
 *
 * Context: writers serialized by the caller.
 * Return: the value of the removed rule, or NULL if it was absent.
 */
void *p4tc_tern_delete(struct p4tc_tern *t, const u8 *key, const u8 *mask,
		       u32 prio, gfp_t gfp)
{
	u64 kw[TERN_MAX_WORDS], mw[TERN_MAX_WORDS];
	struct tern_htab *htab, *shrunk;
	struct tern_rule __rcu **link;
	struct tern_mask *m, **mp;
	struct tern_table *table;
	struct tern_rule *r;
	void *val;
	u32 i;

	tern_words(t, mask, mw);
	tern_words(t, key, kw);
	for (i = 0; i < t->nwords; i++)
		kw[i] &= mw[i];
	r = tern_find(t, kw, mw, prio, &table, &link);
	if (!r)
		return NULL;
	val = r->val;
	rcu_assign_pointer(*link, lookup_wderef(r->next));
	t->memory -= tern_rule_size(t);
	kfree_rcu(r, rcu);

	for (mp = &t->masks; (m = *mp); mp = &m->next) {
		if (memcmp(m->w, mw, t->nwords * sizeof(u64)))
			continue;
		if (!--m->refs) {
			*mp = m->next;
			t->nmasks--;
			t->memory -= tern_mask_size(t);
			kfree(m);
		}
		break;
	}

	htab = lookup_wderef(table->htab);
	if (!--table->nrules) {
		/* Best effort: an empty table costs lookups a little. */
		tern_order_update(t, NULL, gfp | __GFP_NOWARN);
	} else if (htab->nbuckets > TERN_MIN_BUCKETS &&
		   table->nrules < htab->nbuckets / 8) {
		shrunk = tern_htab_resize(t, table, htab->nbuckets / 4,
					  gfp | __GFP_NOWARN);
		if (shrunk) {
			rcu_assign_pointer(table->htab, shrunk);
			tern_htab_retire(t, htab);
		}
	}
	return val;
}

/**
 * p4tc_tern_lookup() - find the best rule that matches a key
 * @t: the structure
 * @key: keylen bytes
 *
 * Context: RCU read side (rcu_read_lock() or bottom halves disabled).
 * Return: the value of the matching rule with the lowest priority, or NULL.
 */
void *p4tc_tern_lookup(const struct p4tc_tern *t, const u8 *key)
{
	const struct tern_order *order = lookup_deref(t->order);
	const struct tern_rule *r, *best = NULL;
	const struct tern_table *table;
	const struct tern_htab *htab;
	u32 i, nwords = t->nwords;
	/* U32_MAX is a valid priority: start above it. */
	u64 best_prio = U64_MAX;
	u64 kw[TERN_MAX_WORDS];

	tern_words(t, key, kw);
	for (i = 0; i < order->n && order->e[i].min_prio < best_prio; i++) {
		table = order->e[i].table;
		htab = lookup_deref(table->htab);
		r = lookup_deref(htab->bucket[tern_hash(kw, table->mask, nwords) >>
					      htab->shift]);
		for (; r && r->prio < best_prio; r = lookup_deref(r->next)) {
			if (tern_match(kw, r, nwords)) {
				best = r;
				best_prio = r->prio;
				break;
			}
		}
	}
	return best ? READ_ONCE(best->val) : NULL;
}

/**
 * p4tc_tern_masks() - distinct rule masks in use
 * @t: the structure
 *
 * Return: the number of distinct masks of the rules.
 */
u32 p4tc_tern_masks(const struct p4tc_tern *t)
{
	return t->nmasks;
}

/**
 * p4tc_tern_tables() - hash tables a lookup may visit
 * @t: the structure
 *
 * Context: writers serialized by the caller.
 * Return: the number of tables, what the cost of a missing lookup grows with.
 */
u32 p4tc_tern_tables(const struct p4tc_tern *t)
{
	return lookup_wderef(t->order)->n;
}

/**
 * p4tc_tern_memory() - memory used by a ternary structure
 * @t: the structure
 *
 * Return: bytes allocated for the structure, not counting the values.
 */
size_t p4tc_tern_memory(const struct p4tc_tern *t)
{
	return sizeof(*t) + t->memory;
}
