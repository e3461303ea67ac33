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
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/task_work.h>

/*
 * 6.2 added formatted extack messages, kept in the extack itself. Before,
 * the message must outlive the handler until netlink_ack() copies it, so
 * each one is allocated and freed by task work when the requesting task
 * returns to user space, after the ack. Where that cannot be (a kernel
 * thread, no memory), the unformatted text is the message.
 */
#define NETLINK_MAX_FMTMSG_LEN	128

struct p4tc_fmtmsg {
	struct callback_head twork;
	char msg[NETLINK_MAX_FMTMSG_LEN];
};

static inline void p4tc_fmtmsg_free(struct callback_head *twork)
{
	kfree(container_of(twork, struct p4tc_fmtmsg, twork));
}

static inline __printf(2, 3)
void p4tc_set_fmtmsg(struct netlink_ext_ack *extack, const char *fmt, ...)
{
	struct p4tc_fmtmsg *m = NULL;
	va_list args;

	extack->_msg = fmt;
	if (!(current->flags & PF_KTHREAD))
		m = kmalloc(sizeof(*m), GFP_ATOMIC | __GFP_NOWARN);
	if (!m)
		return;
	va_start(args, fmt);
	vsnprintf(m->msg, sizeof(m->msg), fmt, args);
	va_end(args);
	init_task_work(&m->twork, p4tc_fmtmsg_free);
	if (task_work_add(current, &m->twork, TWA_RESUME)) {
		kfree(m);
		return;
	}
	extack->_msg = m->msg;
	do_trace_netlink_extack(m->msg);
}

#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) do {			\
	struct netlink_ext_ack *__extack = (extack);			\
									\
	if (__extack)							\
		p4tc_set_fmtmsg(__extack, fmt, ##args);			\
} while (0)

#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...)			\
	NL_SET_ERR_MSG_FMT((extack), KBUILD_MODNAME ": " fmt, ##args)
#endif

#ifndef MODULE_ALIAS_NET_CLS
/* What tc's request_module() asks for when a filter kind is unknown. */
#define MODULE_ALIAS_NET_CLS(kind)	MODULE_ALIAS("cls_" kind)
#endif

#endif /* _P4TC_COMPAT_H */
