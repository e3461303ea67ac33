/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause */
/*
 * TCA_OPTIONS of the "p4" classifier (tc filter ... p4 pname PIPE ...).
 */
#ifndef _UAPI_LINUX_TC_P4_H
#define _UAPI_LINUX_TC_P4_H

enum {
	TCA_P4_UNSPEC,
	TCA_P4_CLASSID,		/* u32 */
	TCA_P4_PNAME,		/* string: the pipeline, which must be sealed */
	TCA_P4_PIPEID,		/* u32: the pipeline by id (dumped always) */
	TCA_P4_PARSER,		/* nest, TCA_P4_PROG_*: runs first */
	TCA_P4_MAIN,		/* nest, TCA_P4_PROG_*: runs if the parser returned TC_ACT_PIPE */
	__TCA_P4_MAX
};

#define TCA_P4_MAX (__TCA_P4_MAX - 1)

/* A SCHED_CLS program owned by the filter. */
enum {
	TCA_P4_PROG_UNSPEC,
	TCA_P4_PROG_FD,		/* u32, on change */
	TCA_P4_PROG_NAME,	/* string, e.g. "obj.o:[p4tc/main]" */
	TCA_P4_PROG_ID,		/* u32, dump only */
	TCA_P4_PROG_TAG,	/* binary, BPF_TAG_SIZE bytes, dump only */
	__TCA_P4_PROG_MAX
};

#define TCA_P4_PROG_MAX (__TCA_P4_PROG_MAX - 1)

#endif /* _UAPI_LINUX_TC_P4_H */
