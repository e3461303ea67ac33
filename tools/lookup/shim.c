// SPDX-License-Identifier: GPL-2.0
/* The userspace side of shim.h. */
#include <malloc.h>
#include <stdlib.h>
#include <urcu/defer.h>

#include "shim.h"

#define POISON	0x6b

__thread unsigned int shim_fail_percent;
static __thread uint64_t fail_state = 1;

void shim_fail_seed(uint64_t seed)
{
	fail_state = seed | 1;
}

static bool shim_fail(void)
{
	if (!shim_fail_percent)
		return false;
	/* xorshift64 */
	fail_state ^= fail_state << 13;
	fail_state ^= fail_state >> 7;
	fail_state ^= fail_state << 17;
	return fail_state % 100 < shim_fail_percent;
}

void *shim_kmalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return shim_fail() ? NULL : malloc(size);
}

void *shim_kzalloc(size_t size, gfp_t gfp)
{
	(void)gfp;
	return shim_fail() ? NULL : calloc(1, size);
}

void shim_kfree(void *p)
{
	if (p)
		memset(p, POISON, malloc_usable_size(p));
	free(p);
}

static void shim_kfree_cb(void *p)
{
	shim_kfree(p);
}

void shim_kfree_deferred(void *p)
{
	defer_rcu(shim_kfree_cb, p);
}

u64 get_random_u64(void)
{
	static uint64_t state = 0x853c49e6748fea9bULL;

	/* splitmix64: a fixed sequence, so that runs repeat */
	uint64_t z = __atomic_add_fetch(&state, 0x9e3779b97f4a7c15ULL, __ATOMIC_RELAXED);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void shim_thread_init(void)
{
	rcu_register_thread();
	if (rcu_defer_register_thread())
		abort();
}

void shim_thread_exit(void)
{
	rcu_defer_barrier_thread();
	rcu_defer_unregister_thread();
	rcu_unregister_thread();
}
