/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The LPM and ternary lookup structures of the tables (lpm.c, ternary.c).
 * Documentation/lookup.rst describes them.
 *
 * Keys are byte strings of keylen bytes (1..P4TC_LOOKUP_MAX_KEYLEN). Values
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

#endif /* _P4TC_LOOKUP_H */
