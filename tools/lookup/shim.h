/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel API that kernel/lpm.c and kernel/ternary.c use, for userspace:
 * RCU from liburcu (memb flavor), allocation from libc with optional
 * failure injection, and frees deferred past a grace period with
 * defer_rcu(). Memory freed here is poisoned first, so a reader that
 * touches freed memory reads garbage the tests notice.
 *
 * Every thread that writes must call shim_thread_init() (it registers
 * with RCU and with the deferred-free queue); rcu_barrier-like flushing is
 * shim_thread_exit().
 */
#ifndef _P4TC_LOOKUP_SHIM_H
#define _P4TC_LOOKUP_SHIM_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <urcu.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef unsigned int gfp_t;

#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define __GFP_NOWARN	0x4u

#define U32_MAX		UINT32_MAX
#define U64_MAX		UINT64_MAX

#define __rcu
#define BIT(n)		(1UL << (n))
#define BIT_ULL(n)	(1ULL << (n))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
/* Of a power of 2. */
#define ilog2(n)	((u32)__builtin_ctzll(n))
#define hweight64(w)	((unsigned int)__builtin_popcountll(w))
#define prefetch(p)	__builtin_prefetch(p)
#define READ_ONCE(x)	CMM_LOAD_SHARED(x)
#define WRITE_ONCE(x, v)	CMM_STORE_SHARED(x, v)
#define RCU_INIT_POINTER(p, v)	((p) = (v))
#define lookup_deref(p)		rcu_dereference(p)
#define lookup_wderef(p)	(p)
#define round_up(x, y)	((((x) - 1) | ((__typeof__(x))(y) - 1)) + 1)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

static inline u32 roundup_pow_of_two(u32 n)
{
	return n <= 1 ? 1 : 1u << (32 - __builtin_clz(n - 1));
}

u64 get_random_u64(void);

/* The harness runs on little-endian hosts only (x86-64, arm64). */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian host");

static inline u64 get_unaligned_le64(const void *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

#define struct_size(p, member, n) \
	(sizeof(*(p)) + (size_t)(n) * sizeof((p)->member[0]))

void *shim_kmalloc(size_t size, gfp_t gfp);
void *shim_kzalloc(size_t size, gfp_t gfp);
void shim_kfree(void *p);
void shim_kfree_deferred(void *p);

#define kmalloc(size, gfp)	shim_kmalloc(size, gfp)
#define kzalloc(size, gfp)	shim_kzalloc(size, gfp)
#define kvmalloc(size, gfp)	shim_kmalloc(size, gfp)
#define kvzalloc(size, gfp)	shim_kzalloc(size, gfp)
#define kfree(p)		shim_kfree(p)
#define kvfree(p)		shim_kfree(p)
#define kfree_rcu(p, rhf)	shim_kfree_deferred(p)
#define kvfree_rcu(p, rhf)	shim_kfree_deferred(p)

/*
 * Allocation failure injection: each allocation fails with this
 * probability in percent, drawn from a per-thread generator seeded by
 * shim_fail_seed().
 */
extern __thread unsigned int shim_fail_percent;
void shim_fail_seed(uint64_t seed);

void shim_thread_init(void);
void shim_thread_exit(void);

#endif /* _P4TC_LOOKUP_SHIM_H */
