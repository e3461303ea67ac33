// SPDX-License-Identifier: GPL-2.0
/* The reference models of ref.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ref.h"

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	p = realloc(p, *cap * size);
	if (!p)
		abort();
	return p;
}

static void prefix_of(uint8_t *out, const uint8_t *key, uint32_t plen, uint32_t keylen)
{
	uint32_t i;

	memset(out, 0, REF_MAX_KEYLEN);
	for (i = 0; i < keylen && i * 8 < plen; i++)
		out[i] = key[i] & (plen >= i * 8 + 8 ? 0xff : 0xff << (8 - (plen - i * 8)));
}

void ref_lpm_init(struct ref_lpm *r, uint32_t keylen)
{
	memset(r, 0, sizeof(*r));
	r->keylen = keylen;
}

void ref_lpm_fini(struct ref_lpm *r)
{
	free(r->e);
}

static struct ref_prefix *ref_lpm_find(struct ref_lpm *r, const uint8_t *key, uint32_t plen)
{
	uint8_t k[REF_MAX_KEYLEN];
	size_t i;

	prefix_of(k, key, plen, r->keylen);
	for (i = 0; i < r->n; i++)
		if (r->e[i].plen == plen && !memcmp(r->e[i].key, k, r->keylen))
			return &r->e[i];
	return NULL;
}

void ref_lpm_add(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val)
{
	struct ref_prefix *p;

	r->e = grow(r->e, &r->cap, r->n, sizeof(*r->e));
	p = &r->e[r->n++];
	prefix_of(p->key, key, plen, r->keylen);
	p->plen = plen;
	p->val = val;
}

int ref_lpm_insert(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val)
{
	if (ref_lpm_find(r, key, plen))
		return -EEXIST;
	ref_lpm_add(r, key, plen, val);
	return 0;
}

void *ref_lpm_replace(struct ref_lpm *r, const uint8_t *key, uint32_t plen, void *val)
{
	struct ref_prefix *p = ref_lpm_find(r, key, plen);
	void *old;

	if (!p)
		return NULL;
	old = p->val;
	p->val = val;
	return old;
}

void *ref_lpm_delete(struct ref_lpm *r, const uint8_t *key, uint32_t plen)
{
	struct ref_prefix *p = ref_lpm_find(r, key, plen);
	void *old;

	if (!p)
		return NULL;
	old = p->val;
	*p = r->e[--r->n];
	return old;
}

void *ref_lpm_lookup(const struct ref_lpm *r, const uint8_t *key)
{
	const struct ref_prefix *best = NULL;
	uint8_t k[REF_MAX_KEYLEN];
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct ref_prefix *p = &r->e[i];

		if (best && p->plen <= best->plen)
			continue;
		prefix_of(k, key, p->plen, r->keylen);
		if (!memcmp(k, p->key, r->keylen))
			best = p;
	}
	return best ? best->val : NULL;
}

void ref_tern_init(struct ref_tern *r, uint32_t keylen, uint32_t max_masks)
{
	memset(r, 0, sizeof(*r));
	r->keylen = keylen;
	r->max_masks = max_masks;
}

void ref_tern_fini(struct ref_tern *r)
{
	free(r->e);
}

static void masked(uint8_t *out, const uint8_t *key, const uint8_t *mask, uint32_t keylen)
{
	uint32_t i;

	memset(out, 0, REF_MAX_KEYLEN);
	for (i = 0; i < keylen; i++)
		out[i] = key[i] & mask[i];
}

static struct ref_rule *ref_tern_find(struct ref_tern *r, const uint8_t *key,
				      const uint8_t *mask, uint32_t prio)
{
	uint8_t k[REF_MAX_KEYLEN];
	size_t i;

	masked(k, key, mask, r->keylen);
	for (i = 0; i < r->n; i++)
		if (r->e[i].prio == prio && !memcmp(r->e[i].key, k, r->keylen) &&
		    !memcmp(r->e[i].mask, mask, r->keylen))
			return &r->e[i];
	return NULL;
}

static bool ref_tern_has_mask(const struct ref_tern *r, const uint8_t *mask, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (!memcmp(r->e[i].mask, mask, r->keylen))
			return true;
	return false;
}

uint32_t ref_tern_masks(const struct ref_tern *r)
{
	uint32_t n = 0;
	size_t i;

	for (i = 0; i < r->n; i++)
		n += !ref_tern_has_mask(r, r->e[i].mask, i);
	return n;
}

int ref_tern_insert(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		    uint32_t prio, void *val)
{
	struct ref_rule *e;

	if (ref_tern_find(r, key, mask, prio))
		return -EEXIST;
	if (!ref_tern_has_mask(r, mask, r->n) && ref_tern_masks(r) == r->max_masks)
		return -ENOSPC;
	r->e = grow(r->e, &r->cap, r->n, sizeof(*r->e));
	e = &r->e[r->n++];
	masked(e->key, key, mask, r->keylen);
	memset(e->mask, 0, REF_MAX_KEYLEN);
	memcpy(e->mask, mask, r->keylen);
	e->prio = prio;
	e->val = val;
	return 0;
}

void *ref_tern_replace(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		       uint32_t prio, void *val)
{
	struct ref_rule *e = ref_tern_find(r, key, mask, prio);
	void *old;

	if (!e)
		return NULL;
	old = e->val;
	e->val = val;
	return old;
}

void *ref_tern_delete(struct ref_tern *r, const uint8_t *key, const uint8_t *mask,
		      uint32_t prio)
{
	struct ref_rule *e = ref_tern_find(r, key, mask, prio);
	void *old;

	if (!e)
		return NULL;
	old = e->val;
	*e = r->e[--r->n];
	return old;
}

void *ref_tern_lookup(const struct ref_tern *r, const uint8_t *key)
{
	const struct ref_rule *best = NULL;
	size_t i;
	uint32_t j;

	for (i = 0; i < r->n; i++) {
		const struct ref_rule *e = &r->e[i];

		if (best && e->prio >= best->prio)
			continue;
		for (j = 0; j < r->keylen; j++)
			if ((key[j] & e->mask[j]) != e->key[j])
				break;
		if (j == r->keylen)
			best = e;
	}
	return best ? best->val : NULL;
}

bool ref_tern_prio_used(const struct ref_tern *r, uint32_t prio)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->e[i].prio == prio)
			return true;
	return false;
}
