/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Naive reference models of the LPM and ternary structures: arrays scanned
 * in full. The tests and the benchmark check every answer against them.
 */
#ifndef _P4TC_LOOKUP_REF_H
#define _P4TC_LOOKUP_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REF_MAX_KEYLEN	64

struct ref_prefix {
	uint8_t key[REF_MAX_KEYLEN];	/* bits past plen are zero */
	uint32_t plen;
	void *val;
};

struct ref_lpm {
	uint32_t keylen;
	size_t n, cap;
	struct ref_prefix *e;
};

struct ref_rule {
	uint8_t key[REF_MAX_KEYLEN];	/* key & mask */
	uint8_t mask[REF_MAX_KEYLEN];
	uint32_t prio;
	void *val;
};

struct ref_tern {
	uint32_t keylen, max_masks;
	size_t n, cap;
	struct ref_rule *e;
};

void ref_lpm_init(struct ref_lpm *r, uint32_t keylen);
void ref_lpm_fini(struct ref_lpm *r);
/* 0 or -EEXIST. */
int ref_lpm_insert(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val);
/* Adds a prefix known to be absent, without looking for it. */
void ref_lpm_add(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val);
void *ref_lpm_replace(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val);
void *ref_lpm_delete(struct ref_lpm *r, const uint8_t *key, uint32_t plen);
void *ref_lpm_lookup(const struct ref_lpm *r, const uint8_t *key);

void ref_tern_init(struct ref_tern *r, uint32_t keylen, uint32_t max_masks);
void ref_tern_fini(struct ref_tern *r);
/* 0, -EEXIST or -ENOSPC. */
int ref_tern_insert(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		    uint32_t prio, void *val);
void *ref_tern_replace(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		       uint32_t prio, void *val);
void *ref_tern_delete(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		      uint32_t prio);
void *ref_tern_lookup(const struct ref_tern *r, const uint8_t *key);
bool ref_tern_prio_used(const struct ref_tern *r, uint32_t prio);
uint32_t ref_tern_masks(const struct ref_tern *r);

/* Deterministic pseudo-random numbers (xorshift64*). */
static inline uint64_t ref_rand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545f4914f6cdd1dULL;
}

#endif /* _P4TC_LOOKUP_REF_H */
