/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What lpm.c and ternary.c use of the kernel. They also build as a
 * userspace program (tools/lookup/), where shim.h provides the same names
 * on top of liburcu and libc.
 */
#ifndef _P4TC_LOOKUP_ENV_H
#define _P4TC_LOOKUP_ENV_H

#ifdef __KERNEL__
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/overflow.h>
#include <linux/prefetch.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/unaligned.h>

/*
 * The datapath calls lookups from BPF programs (under rcu_read_lock()) and
 * from the classifier (bottom halves disabled): both are RCU readers.
 */
#define lookup_deref(p)	rcu_dereference_check(p, rcu_read_lock_bh_held())
/* Writers are serialized by the caller's lock, which we cannot name. */
#define lookup_wderef(p)	rcu_dereference_protected(p, true)
#else
#include "shim.h"
#endif

#endif /* _P4TC_LOOKUP_ENV_H */
