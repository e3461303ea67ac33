/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * How an entry filter compares an operand with its value: shared by the
 * kernel, which filters dumps and flushes, and libp4tc, which filters
 * events, so that both agree. Include the uapi header (enum p4tc_filter_op)
 * and, in user space, <stdbool.h> first.
 */
#ifndef _P4TC_FILTER_H
#define _P4TC_FILTER_H

#include <linux/types.h>

/*
 * Compare @len bytes of @opnd with @value under @mask as unsigned numbers:
 * in network order, or least significant byte first if @lsb_first.
 * Returns <0, 0 or >0.
 */
static inline int p4tc_filter_bytes_cmp(const __u8 *opnd, const __u8 *value,
					const __u8 *mask, __u32 len, bool lsb_first)
{
	__u32 i, j;
	__u8 a, b;

	for (i = 0; i < len; i++) {
		j = lsb_first ? len - 1 - i : i;
		a = opnd[j] & mask[j];
		b = value[j] & mask[j];
		if (a != b)
			return a < b ? -1 : 1;
	}
	return 0;
}

/* Whether a comparison's result @cmp satisfies the relational @op. */
static inline bool p4tc_filter_rel(__u8 op, int cmp)
{
	switch (op) {
	case P4TC_FILTER_OP_EQ:
		return !cmp;
	case P4TC_FILTER_OP_NE:
		return cmp;
	case P4TC_FILTER_OP_LT:
		return cmp < 0;
	case P4TC_FILTER_OP_GT:
		return cmp > 0;
	case P4TC_FILTER_OP_LE:
		return cmp <= 0;
	}
	return cmp >= 0;
}

#endif /* _P4TC_FILTER_H */
