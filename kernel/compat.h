/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The only place where kernel version differences live. Force-included into
 * every object of p4tc.ko by Kbuild.
 */
#ifndef _P4TC_COMPAT_H
#define _P4TC_COMPAT_H

#include <linux/version.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/netlink.h>

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
/*
 * 6.2 added formatted extack messages with a buffer inside the extack. On
 * older kernels the message must outlive the handler until the ack is
 * built, so it goes to a small ring of buffers: a slot is reused only after
 * P4TC_FMTMSG_SLOTS further messages, long after its ack was sent.
 */
#define NETLINK_MAX_FMTMSG_LEN	128
#define P4TC_FMTMSG_SLOTS	16

static inline char *p4tc_compat_fmtmsg_slot(void)
{
	static char bufs[P4TC_FMTMSG_SLOTS][NETLINK_MAX_FMTMSG_LEN];
	static atomic_t next;

	return bufs[(unsigned int)atomic_inc_return(&next) % P4TC_FMTMSG_SLOTS];
}

#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) do {			\
	struct netlink_ext_ack *__extack = (extack);			\
									\
	if (__extack) {							\
		char *__buf = p4tc_compat_fmtmsg_slot();		\
									\
		snprintf(__buf, NETLINK_MAX_FMTMSG_LEN, fmt, ##args);	\
		do_trace_netlink_extack(__buf);				\
		__extack->_msg = __buf;					\
	}								\
} while (0)

#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...)			\
	NL_SET_ERR_MSG_FMT((extack), KBUILD_MODNAME ": " fmt, ##args)
#endif

#ifndef MODULE_ALIAS_NET_CLS
/* What tc's request_module() asks for when a filter kind is unknown. */
#define MODULE_ALIAS_NET_CLS(kind)	MODULE_ALIAS("cls_" kind)
#endif

#endif /* _P4TC_COMPAT_H */
