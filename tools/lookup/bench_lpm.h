/* SPDX-License-Identifier: GPL-2.0 */
/* Sizes shared by bench_lookup.c and bench_lpm.bpf.c. */
#ifndef _P4TC_BENCH_LPM_H
#define _P4TC_BENCH_LPM_H

#define BENCH_LPM_PREFIXES	100000
#define BENCH_LPM_MAX_PREFIXES	(2 * BENCH_LPM_PREFIXES)
/* Lookup keys, cycled through: a power of 2. */
#define BENCH_LPM_KEYS		(1 << 16)
/* Lookups per BPF program run. */
#define BENCH_LPM_BATCH		256

#endif /* _P4TC_BENCH_LPM_H */
