// SPDX-License-Identifier: GPL-2.0
/*
 * Where a table keeps its entries. Every entry is in the table's hash by
 * identity (key, and for lpm and ternary tables the mask, and for ternary
 * tables the prio), which serves the control plane and is the datapath
 * index of exact tables; lpm and ternary tables add the index of their
 * match kind (lpm.c, ternary.c). Readers use RCU and take no lock; writers
 * hold the table's writer lock (p4tc_store_lock()).
 */
#include <linux/slab.h>

#include "p4tc.h"

/**
 * p4tc_store_init() - set up the entry store of a new table
 * @t: table, its tentries set
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int p4tc_store_init(struct p4tc_table *t)
{
	spin_lock_init(&t->lock);
	mutex_init(&t->mutex);
	ida_init(&t->prios);
	INIT_DELAYED_WORK(&t->aging_work, p4tc_entry_aging_work);
	atomic_set(&t->nentries, 0);
	atomic_set(&t->ndynamic, 0);
	t->entries = p4tc_hash_alloc(t->tentries, GFP_KERNEL_ACCOUNT);
	return t->entries ? 0 : -ENOMEM;
}

/**
 * p4tc_store_resize_prepare() - a hash for a table's new tentries
 * @t: table
 * @tentries: the new tentries, at least the table's entries
 *
 * Context: process context.
 * Return: the hash to give p4tc_store_resize(), NULL if the table's has
 * the right size already, or ERR_PTR(-ENOMEM).
 */
struct p4tc_hash *p4tc_store_resize_prepare(struct p4tc_table *t, u32 tentries)
{
	struct p4tc_hash *h;

	if (roundup_pow_of_two(tentries) == t->entries->mask + 1)
		return NULL;
	h = p4tc_hash_alloc(tentries, GFP_KERNEL_ACCOUNT);
	return h ?: ERR_PTR(-ENOMEM);
}

/**
 * p4tc_store_resize() - move a table's entries to a new hash
 * @t: table of an unsealed pipeline (no datapath nor entry request sees it)
 * @h: from p4tc_store_resize_prepare(); NULL changes nothing
 *
 * Context: process context, holds the namespace's p4tc lock.
 */
void p4tc_store_resize(struct p4tc_table *t, struct p4tc_hash *h)
{
	if (!h)
		return;
	/* Aging walks the hash without the writer lock: stop it meanwhile. */
	cancel_delayed_work_sync(&t->aging_work);
	p4tc_store_lock(t);
	p4tc_hash_move(h, t->entries);
	swap(h, t->entries);
	p4tc_store_unlock(t);
	p4tc_hash_free(h);
	if (atomic_read(&t->ndynamic))
		p4tc_store_start_aging(t);
}

/*
 * Entries of up to 256 bytes (keys of up to 16 bytes without counters:
 * most) come from a cache of their own, which hands out many at once for
 * bulk creates; larger ones from kmalloc.
 */
#define P4TC_ENTRY_CACHED_SIZE	256

static struct kmem_cache *p4tc_entry_cache;

/**
 * p4tc_entries_init() - create the cache of entries
 *
 * Return: 0 or -ENOMEM.
 */
int p4tc_entries_init(void)
{
	p4tc_entry_cache = kmem_cache_create("p4tc_entry", P4TC_ENTRY_CACHED_SIZE,
					     P4TC_ENTRY_CACHED_SIZE, 0, NULL);
	return p4tc_entry_cache ? 0 : -ENOMEM;
}

/**
 * p4tc_entries_exit() - destroy the cache of entries
 *
 * Context: every entry freed, past rcu_barrier().
 */
void p4tc_entries_exit(void)
{
	kmem_cache_destroy(p4tc_entry_cache);
}

/**
 * p4tc_entry_alloc_bulk() - allocate zeroed entries
 * @idlen: bytes of identity
 * @tail: bytes of state after each entry (p4tc_entry_tail())
 * @gfp: allocation flags
 * @n: how many
 * @entries: gets them, each with its idlen set
 *
 * Return: 0, or -ENOMEM (then none is allocated).
 */
int p4tc_entry_alloc_bulk(u32 idlen, u32 tail, gfp_t gfp, u32 n,
			  struct p4tc_entry **entries)
{
	size_t size = p4tc_entry_size(idlen, tail);
	void **mem = (void **)entries;
	u32 i;

	BUILD_BUG_ON(p4tc_entry_size(16, 0) > P4TC_ENTRY_CACHED_SIZE);
	BUILD_BUG_ON(offsetof(struct p4tc_entry, act) % 8);
	if (size <= P4TC_ENTRY_CACHED_SIZE) {
		if (!kmem_cache_alloc_bulk(p4tc_entry_cache, gfp | __GFP_ZERO, n, mem))
			return -ENOMEM;
	} else {
		for (i = 0; i < n; i++) {
			mem[i] = kzalloc(size, gfp);
			if (!mem[i]) {
				while (i--)
					kfree(mem[i]);
				return -ENOMEM;
			}
		}
	}
	for (i = 0; i < n; i++) {
		entries[i] = mem[i] + round_up(idlen, 8);
		entries[i]->idlen = idlen;
		entries[i]->cached = size <= P4TC_ENTRY_CACHED_SIZE;
	}
	return 0;
}

/**
 * p4tc_entry_alloc() - allocate a zeroed entry
 * @idlen: bytes of identity
 * @tail: bytes of state after the entry (p4tc_entry_tail())
 * @gfp: allocation flags
 *
 * Return: the entry, its idlen set, or NULL.
 */
struct p4tc_entry *p4tc_entry_alloc(u32 idlen, u32 tail, gfp_t gfp)
{
	struct p4tc_entry *e;

	return p4tc_entry_alloc_bulk(idlen, tail, gfp, 1, &e) ? NULL : e;
}

/**
 * p4tc_entry_free() - free an entry no reader can see
 * @e: entry out of its table (or never in one, see p4tc_entry_discard())
 *
 * Context: any, RCU callbacks included.
 */
void p4tc_entry_free(struct p4tc_entry *e)
{
	if (e->shared)
		p4tc_actinst_put(e->inst);
	if (e->cached)
		kmem_cache_free(p4tc_entry_cache, p4tc_entry_id(e));
	else
		kfree(p4tc_entry_id(e));
}

/* An entry leaves its table: it no longer uses its action instance. */
static void p4tc_entry_unbind(struct p4tc_entry *e)
{
	if (e->shared)
		p4tc_actinst_unbind(e->inst);
}

/**
 * p4tc_entry_discard() - free an entry in no table
 * @e: entry never inserted, or of a table going away
 */
void p4tc_entry_discard(struct p4tc_entry *e)
{
	p4tc_entry_unbind(e);
	p4tc_entry_free(e);
}

static void p4tc_entry_free_cb(struct rcu_head *head)
{
	p4tc_entry_free(container_of(head, struct p4tc_entry, rcu));
}

/**
 * p4tc_entry_free_rcu() - free an entry after a grace period
 * @e: entry unlinked from its table
 */
void p4tc_entry_free_rcu(struct p4tc_entry *e)
{
	call_rcu(&e->rcu, p4tc_entry_free_cb);
}

static void p4tc_store_free_index(struct p4tc_table *t)
{
	if (t->lpm)
		p4tc_lpm_free(t->lpm);
	if (t->tern)
		p4tc_tern_free(t->tern);
	kfree(t->plen_refs);
	t->lpm = NULL;
	t->tern = NULL;
	t->plen_refs = NULL;
}

/**
 * p4tc_store_set_index() - give an empty table the index of its match kind
 * @t: table without entries, its type, keylen and nummasks set
 *
 * Exact tables need no index beyond the hash. On failure the table keeps
 * its old index.
 *
 * Context: process context, the pipeline unsealed.
 * Return: 0 or -ENOMEM.
 */
int p4tc_store_set_index(struct p4tc_table *t)
{
	struct p4tc_lpm *lpm = NULL;
	struct p4tc_tern *tern = NULL;
	u32 *plen_refs = NULL;

	if (t->type == P4TC_TABLE_TYPE_LPM) {
		lpm = p4tc_lpm_alloc(t->keylen, GFP_KERNEL_ACCOUNT);
		plen_refs = kcalloc(t->keylen * 8 + 1, sizeof(*plen_refs), GFP_KERNEL_ACCOUNT);
		if (!lpm || !plen_refs)
			goto free_index;
	} else if (t->type == P4TC_TABLE_TYPE_TERNARY) {
		tern = p4tc_tern_alloc(t->keylen, t->nummasks, GFP_KERNEL_ACCOUNT);
		if (!tern)
			return -ENOMEM;
	}
	p4tc_store_free_index(t);
	t->lpm = lpm;
	t->plen_refs = plen_refs;
	t->nmasks = 0;
	t->tern = tern;
	return 0;

free_index:
	kfree(plen_refs);
	if (lpm)
		p4tc_lpm_free(lpm);
	return -ENOMEM;
}

/**
 * p4tc_store_destroy() - free a table's entries and indexes
 * @t: table the datapath cannot reach any more
 *
 * Context: process context.
 */
void p4tc_store_destroy(struct p4tc_table *t)
{
	struct p4tc_hnode *n, *next;
	u32 b = 0;

	cancel_delayed_work_sync(&t->aging_work);
	p4tc_store_free_index(t);
	rcu_read_lock();
	for (n = p4tc_hash_next(t->entries, &b, NULL); n; n = next) {
		next = p4tc_hash_next(t->entries, &b, n);
		p4tc_entry_discard(container_of(n, struct p4tc_entry, node));
	}
	rcu_read_unlock();
	p4tc_hash_free(t->entries);
	ida_destroy(&t->prios);
}

/**
 * p4tc_store_find() - the entry with an identity
 * @t: table
 * @id: the key, masked, then for lpm and ternary tables the mask
 * @id_prio: the prio for ternary tables, else 0
 *
 * Context: RCU read side or the table's writer lock.
 * Return: the entry or NULL.
 */
struct p4tc_entry *p4tc_store_find(struct p4tc_table *t, const u8 *id, u32 id_prio)
{
	struct p4tc_hnode *n;

	rcu_read_lock();
	n = p4tc_hash_lookup(t->entries, id, p4tc_table_idlen(t), id_prio);
	rcu_read_unlock();
	return n ? container_of(n, struct p4tc_entry, node) : NULL;
}

/**
 * p4tc_store_next() - walk a table's entries
 * @t: table
 * @bucket: where the walk is; 0 to start
 * @e: the entry the walk is at, NULL to start at *@bucket
 *
 * Context: RCU read side, or p4tc_store_lock(). See p4tc_hash_next().
 * Return: the next entry, NULL at the end.
 */
struct p4tc_entry *p4tc_store_next(struct p4tc_table *t, u32 *bucket, struct p4tc_entry *e)
{
	struct p4tc_hnode *n = p4tc_hash_next(t->entries, bucket, e ? &e->node : NULL);

	return n ? container_of(n, struct p4tc_entry, node) : NULL;
}

/**
 * p4tc_store_chain() - walk one bucket of a table's hash
 * @t: table
 * @bucket: bucket, up to @t->entries->mask
 * @e: the entry the walk is at, NULL for the bucket's first
 *
 * Unlike p4tc_store_next(), never goes on to the next bucket.
 *
 * Context: RCU read side, or p4tc_store_lock().
 * Return: the next entry of the bucket, NULL at its end.
 */
struct p4tc_entry *p4tc_store_chain(struct p4tc_table *t, u32 bucket, struct p4tc_entry *e)
{
	struct p4tc_hnode __rcu **link = e ? &e->node.next : &t->entries->buckets[bucket];
	struct p4tc_hnode *n;

	/* The lockdep conditions are only evaluated with lockdep. */
	n = rcu_dereference_check(*link,
				  lockdep_is_held(&t->lock) || lockdep_is_held(&t->mutex));
	return n ? container_of(n, struct p4tc_entry, node) : NULL;
}

/**
 * p4tc_store_lock() - take the writer lock of a table's entries
 * @t: table
 *
 * Exact tables take a spinlock (the datapath may write them); lpm and
 * ternary tables a mutex, as their indexes allocate while they change.
 */
void p4tc_store_lock(struct p4tc_table *t)
{
	if (t->type == P4TC_TABLE_TYPE_EXACT)
		spin_lock_bh(&t->lock);
	else
		mutex_lock(&t->mutex);
}

/**
 * p4tc_store_unlock() - release the writer lock of a table's entries
 * @t: table
 */
void p4tc_store_unlock(struct p4tc_table *t)
{
	if (t->type == P4TC_TABLE_TYPE_EXACT)
		spin_unlock_bh(&t->lock);
	else
		mutex_unlock(&t->mutex);
}

static gfp_t p4tc_store_gfp(const struct p4tc_table *t)
{
	return t->type == P4TC_TABLE_TYPE_EXACT ? GFP_ATOMIC : GFP_KERNEL_ACCOUNT;
}

static const u8 *p4tc_entry_mask(const struct p4tc_table *t, const struct p4tc_entry *e)
{
	return p4tc_entry_id(e) + t->keylen;
}

/* lpm: count prefix lengths, which are the table's masks. */
static int p4tc_store_lpm_insert(struct p4tc_table *t, struct p4tc_entry *e)
{
	int err;

	if (!t->plen_refs[e->prefixlen] && t->nmasks >= t->nummasks)
		return -ENOSPC;
	err = p4tc_lpm_insert(t->lpm, p4tc_entry_id(e), e->prefixlen, e, p4tc_store_gfp(t));
	if (err)
		return err;
	if (!t->plen_refs[e->prefixlen]++)
		t->nmasks++;
	return 0;
}

/**
 * p4tc_store_start_aging() - look for idle entries in a while
 * @t: table with dynamic entries
 */
void p4tc_store_start_aging(struct p4tc_table *t)
{
	if (!READ_ONCE(t->aging_stopped))
		queue_delayed_work(p4tc_wq, &t->aging_work, P4TC_AGING_PERIOD);
}

/**
 * p4tc_store_insert() - add an entry to a table
 * @t: table
 * @e: entry with its identity set
 *
 * Context: holds p4tc_store_lock().
 * Return: 0, -EEXIST if an entry has the same identity, -ENOSPC if the
 * table has tentries entries or the entry needs a mask beyond nummasks,
 * or -ENOMEM.
 */
int p4tc_store_insert(struct p4tc_table *t, struct p4tc_entry *e)
{
	const u8 *id = p4tc_entry_id(e);
	struct p4tc_hnode *n;
	int err = 0;

	if (atomic_read(&t->nentries) >= t->tentries)
		return -ENOSPC;
	/* Under a mutex (lpm, ternary), a writer is no RCU reader. */
	rcu_read_lock();
	n = p4tc_hash_lookup(t->entries, id, e->idlen, e->node.id_prio);
	rcu_read_unlock();
	if (n)
		return -EEXIST;
	if (t->type == P4TC_TABLE_TYPE_LPM)
		err = p4tc_store_lpm_insert(t, e);
	else if (t->type == P4TC_TABLE_TYPE_TERNARY)
		err = p4tc_tern_insert(t->tern, id, p4tc_entry_mask(t, e), e->prio, e,
				       p4tc_store_gfp(t));
	if (err)
		return err;
	p4tc_hash_add(t->entries, &e->node, e->idlen);
	atomic_inc(&t->nentries);
	if (e->dynamic && atomic_inc_return(&t->ndynamic) == 1)
		p4tc_store_start_aging(t);
	return 0;
}

/**
 * p4tc_store_replace() - put a new version of an entry in place of the old
 * @t: table
 * @old: entry in @t
 * @e: entry with the same identity
 *
 * @e takes what an update keeps of @old: prio, creation record, times of
 * use and counters (hits counted on @old between the copy and the switch
 * are lost). Lookups find @old or @e, never neither. The caller frees @old
 * after a grace period.
 *
 * Context: holds p4tc_store_lock().
 */
void p4tc_store_replace(struct p4tc_table *t, struct p4tc_entry *old, struct p4tc_entry *e)
{
	e->prio = old->prio;
	e->tmpl_created = old->tmpl_created;
	e->created = old->created;
	e->created_by = old->created_by;
	e->lastused = READ_ONCE(old->lastused);
	e->firstused = READ_ONCE(old->firstused);
	if (t->counters)
		*p4tc_entry_counters(e) = *p4tc_entry_counters(old);
	if (t->direct_meter)
		p4tc_meter_copy(p4tc_entry_meter(t, e), p4tc_entry_meter(t, old));
	p4tc_hash_replace(t->entries, &old->node, &e->node);
	if (t->type == P4TC_TABLE_TYPE_LPM)
		p4tc_lpm_replace(t->lpm, p4tc_entry_id(e), e->prefixlen, e);
	else if (t->type == P4TC_TABLE_TYPE_TERNARY)
		p4tc_tern_replace(t->tern, p4tc_entry_id(e), p4tc_entry_mask(t, e), e->prio, e);
	if (e->dynamic != old->dynamic &&
	    atomic_add_return(e->dynamic ? 1 : -1, &t->ndynamic) == 1)
		p4tc_store_start_aging(t);
	p4tc_entry_unbind(old);
}

/**
 * p4tc_store_remove() - take an entry out of a table
 * @t: table
 * @e: entry in @t
 *
 * The caller frees @e after a grace period (p4tc_entry_free_rcu()).
 *
 * Context: holds p4tc_store_lock().
 * Return: 0, or -ENOENT if another writer removed @e first.
 */
int p4tc_store_remove(struct p4tc_table *t, struct p4tc_entry *e)
{
	int err;

	err = p4tc_hash_del(t->entries, &e->node);
	if (err)
		return err;
	if (t->type == P4TC_TABLE_TYPE_LPM) {
		p4tc_lpm_delete(t->lpm, p4tc_entry_id(e), e->prefixlen, p4tc_store_gfp(t));
		if (!--t->plen_refs[e->prefixlen])
			t->nmasks--;
	} else if (t->type == P4TC_TABLE_TYPE_TERNARY) {
		p4tc_tern_delete(t->tern, p4tc_entry_id(e), p4tc_entry_mask(t, e), e->prio,
				 p4tc_store_gfp(t));
	}
	if (t->type != P4TC_TABLE_TYPE_EXACT)
		ida_free(&t->prios, e->prio);
	atomic_dec(&t->nentries);
	if (e->dynamic)
		atomic_dec(&t->ndynamic);
	p4tc_entry_unbind(e);
	return 0;
}

/**
 * p4tc_store_masks() - distinct masks the table's entries use
 * @t: table
 *
 * Return: the number of masks, 1 for a non-empty exact table.
 */
u32 p4tc_store_masks(const struct p4tc_table *t)
{
	switch (t->type) {
	case P4TC_TABLE_TYPE_LPM:
		return READ_ONCE(t->nmasks);
	case P4TC_TABLE_TYPE_TERNARY:
		return p4tc_tern_masks(t->tern);
	}
	return !!atomic_read(&t->nentries);
}

/**
 * p4tc_store_memory() - bytes a table's entries and indexes take
 * @t: table
 *
 * Return: the entries' allocations, the hash's buckets and the index.
 */
u64 p4tc_store_memory(struct p4tc_table *t)
{
	u64 bytes;

	bytes = (u64)atomic_read(&t->nentries) *
		kmalloc_size_roundup(p4tc_entry_size(p4tc_table_idlen(t), p4tc_entry_tail(t)));
	bytes += p4tc_hash_memory(t->entries);
	if (t->lpm)
		bytes += p4tc_lpm_memory(t->lpm);
	if (t->tern)
		bytes += p4tc_tern_memory(t->tern);
	return bytes;
}
