// SPDX-License-Identifier: GPL-2.0
/*
 * f_p4.so: the "p4" classifier of p4tc.ko for Debian's stock tc (iproute2
 * 6.1), which loads it from $TC_LIB_DIR for "tc filter ... p4 ...":
 *
 *   tc filter add {dev D|block N} {ingress|egress} protocol all prio P \
 *       p4 pname PIPE [classid C] action bpf obj F section S \
 *       [action bpf obj F2 section S2]
 *
 * The programs are loaded here, with libp4tc (linked in statically), and
 * handed to the kernel by fd in the request tc then sends.
 */
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/pkt_sched.h>

#include <p4tc/kfuncs.h>
#include <uapi/linux/tc_p4.h>

#include "libp4tc.h"
#include "tc_plugin.h"

/* Room for the name the kernel keeps, "file.o:[section]". */
#define P4_PROG_NAME_LEN 256

/* A program as the command line gives it. */
struct p4_prog {
	const char *obj;
	const char *sec;
};

struct p4_args {
	const char *pname;
	__u32 classid;
	unsigned int nprogs;
	struct p4_prog progs[2];
};

/*
 * The fds of the programs the last command loaded: tc sends its request
 * after parse_fopt returns, and in a batch (tc -b) it has sent it by the
 * time parse_fopt runs again, which closes them then.
 */
static int p4_fds[2] = { -1, -1 };

static void explain(void)
{
	fprintf(stderr,
		"Usage: ... p4 pname PIPE [ classid CLASSID ] PROG [ PROG ]\n"
		"PROG := action bpf obj FILE section SECTION\n"
		"\n"
		"With two programs the first is the parser and the second the main\n"
		"program; with one, it is the main program. PIPE must be sealed.\n"
		"NOTE: CLASSID is parsed as hexadecimal input.\n");
}

static int __attribute__((format(printf, 1, 2))) p4_error(const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

/* The value after the keyword at argv[0], or NULL (and an error). */
static const char *p4_value(int *argc, char ***argv)
{
	const char *kw = **argv;

	if (*argc < 2) {
		p4_error("\"%s\" needs a value", kw);
		return NULL;
	}
	(*argc)--;
	(*argv)++;
	return **argv;
}

/* action bpf obj FILE section SECTION, from the word "action" on */
static int p4_parse_prog(int *argc, char ***argv, struct p4_prog *prog)
{
	if (*argc < 6 || strcmp((*argv)[1], "bpf") || strcmp((*argv)[2], "obj") ||
	    (strcmp((*argv)[4], "section") && strcmp((*argv)[4], "sec")))
		return p4_error("expected \"action bpf obj FILE section SECTION\"");
	prog->obj = (*argv)[3];
	prog->sec = (*argv)[5];
	*argc -= 5;
	*argv += 5;
	return 0;
}

static int p4_parse_args(int argc, char **argv, struct p4_args *a)
{
	const char *val;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "pname")) {
			val = p4_value(&argc, &argv);
			if (!val)
				return -1;
			a->pname = val;
		} else if (!strcmp(*argv, "classid") || !strcmp(*argv, "flowid")) {
			val = p4_value(&argc, &argv);
			if (!val)
				return -1;
			if (get_tc_classid(&a->classid, val))
				return p4_error("invalid classid \"%s\"", val);
		} else if (!strcmp(*argv, "action")) {
			if (a->nprogs == 2)
				return p4_error("at most two programs: the parser and the main");
			if (p4_parse_prog(&argc, &argv, &a->progs[a->nprogs]))
				return -1;
			a->nprogs++;
		} else {
			if (strcmp(*argv, "help"))
				p4_error("unexpected \"%s\" after p4", *argv);
			explain();
			return -1;
		}
	}
	if (!a->pname)
		return p4_error("p4 needs \"pname PIPE\"");
	if (!a->nprogs)
		return p4_error("p4 needs \"action bpf obj FILE section SECTION\"");
	return 0;
}

/* The filter's identity from what tc put in the request: tcmsg, TCA_CHAIN. */
static void p4_request_fields(struct nlmsghdr *n, struct p4tc_filter_fields *fields)
{
	struct tcmsg *t = NLMSG_DATA(n);
	struct rtattr *tb[TCA_MAX + 1] = {};

	parse_rtattr_flags(tb, TCA_MAX, TCA_RTA(t), n->nlmsg_len - NLMSG_LENGTH(sizeof(*t)),
			   0);
	fields->handle = t->tcm_handle;
	fields->chain = tb[TCA_CHAIN] ? rta_getattr_u32(tb[TCA_CHAIN]) : 0;
	fields->blockid = (__u32)t->tcm_ifindex == TCM_IFINDEX_MAGIC_BLOCK ? t->tcm_block_index : 0;
	/* tc puts the protocol in network byte order, as the field has it. */
	fields->proto = TC_H_MIN(t->tcm_info);
	fields->prio = TC_H_MAJ(t->tcm_info) >> 16;
}

/* libbpf's messages, kept to be shown if the load fails. */
static void p4_log(enum p4tc_log_level level, const char *msg, void *ctx)
{
	if (level == P4TC_LOG_WARN)
		fprintf(ctx, "%s\n", msg);
}

static int p4_lib_error(struct p4tc_handle *h, int err)
{
	const char *msg = p4tc_errmsg(h);

	return p4_error("%s", msg ?: strerror(-err));
}

static int p4_pipeline_check(struct p4tc_handle *h, const char *pname, __u32 *pipeid)
{
	struct p4tc_pipeline p = {};
	int err;

	if (strlen(pname) >= sizeof(p.name))
		return p4_error("pipeline name \"%s\" is too long", pname);
	strcpy(p.name, pname);
	err = p4tc_pipeline_get(h, &p);
	if (err)
		return p4_lib_error(h, err);
	/* Checked before loading anything: the kernel refuses it too. */
	if (p.state != P4TC_PIPELINE_STATE_READY)
		return p4_error("pipeline %s must be sealed (state ready) before use", pname);
	*pipeid = p.id;
	return 0;
}

/* Load both programs into p4_fds: parser (if two) then main. */
static int p4_load(const struct p4_args *a, struct p4tc_filter_fields *fields)
{
	LIBP4TC_OPTS(p4tc_open_opts, oo, .log_fn = p4_log);
	struct p4tc_handle *h;
	char *log = NULL;
	unsigned int i;
	size_t len = 0;
	FILE *logf;
	int fd, ret = 0;

	logf = open_memstream(&log, &len);
	if (!logf)
		return p4_error("cannot keep libbpf's log: %s", strerror(errno));
	oo.log_ctx = logf;
	h = p4tc_open(&oo);
	if (!h) {
		ret = p4_error("cannot open netlink sockets: %s", strerror(errno));
		goto out;
	}
	ret = p4_pipeline_check(h, a->pname, &fields->pipeid);
	for (i = 0; !ret && i < a->nprogs; i++) {
		LIBP4TC_OPTS(p4tc_prog_load_opts, lo, .path = a->progs[i].obj,
			     .section = a->progs[i].sec, .fields = fields);

		fd = p4tc_prog_load(h, &lo);
		if (fd < 0) {
			fflush(logf);
			fputs(log, stderr);
			ret = p4_lib_error(h, fd);
		}
		p4_fds[i] = fd;
	}
	p4tc_close(h);
out:
	fclose(logf);
	free(log);
	return ret;
}

static int p4_put_prog(struct nlmsghdr *n, int type, int fd, const struct p4_prog *prog)
{
	char name[P4_PROG_NAME_LEN], *file = strdupa(prog->obj);
	struct rtattr *nest;

	if (snprintf(name, sizeof(name), "%s:[%s]", basename(file), prog->sec) >=
	    (int)sizeof(name))
		return p4_error("%s:[%s]: name too long", prog->obj, prog->sec);
	/* The kernel parses these nests strictly: NLA_F_NESTED is required. */
	nest = addattr_nest(n, MAX_MSG, type | NLA_F_NESTED);
	if (addattr32(n, MAX_MSG, TCA_P4_PROG_FD, fd) ||
	    addattrstrz(n, MAX_MSG, TCA_P4_PROG_NAME, name))
		return -1;
	addattr_nest_end(n, nest);
	return 0;
}

static int p4_put_options(struct nlmsghdr *n, const struct p4_args *a)
{
	const struct p4_prog *main_prog = &a->progs[a->nprogs - 1];
	struct rtattr *nest;

	nest = addattr_nest(n, MAX_MSG, TCA_OPTIONS | NLA_F_NESTED);
	if (addattrstrz(n, MAX_MSG, TCA_P4_PNAME, a->pname) ||
	    (a->classid && addattr32(n, MAX_MSG, TCA_P4_CLASSID, a->classid)) ||
	    (a->nprogs == 2 && p4_put_prog(n, TCA_P4_PARSER, p4_fds[0], &a->progs[0])) ||
	    p4_put_prog(n, TCA_P4_MAIN, p4_fds[a->nprogs - 1], main_prog))
		return -1;
	addattr_nest_end(n, nest);
	return 0;
}

static void p4_close_fds(void)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		if (p4_fds[i] >= 0)
			close(p4_fds[i]);
		p4_fds[i] = -1;
	}
}

static int p4_parse_opt(struct filter_util *qu, char *fhandle, int argc,
			char **argv, struct nlmsghdr *n)
{
	struct p4tc_filter_fields fields = {};
	struct tcmsg *t = NLMSG_DATA(n);
	struct p4_args a = {};
	int ret;

	(void)qu;
	p4_close_fds();
	if (fhandle && get_u32(&t->tcm_handle, fhandle, 0))
		return p4_error("invalid handle \"%s\"", fhandle);
	/* del and get name the kind without options. */
	if (!argc)
		return 0;
	if (p4_parse_args(argc, argv, &a))
		return -1;
	/* Only a new filter needs its programs loaded (and maps pinned). */
	if (n->nlmsg_type != RTM_NEWTFILTER)
		return p4_error("options after \"p4\" are only for add, change and replace");

	p4_request_fields(n, &fields);
	fields.classid = a.classid;
	ret = p4_load(&a, &fields);
	if (!ret)
		ret = p4_put_options(n, &a);
	if (ret)
		p4_close_fds();
	return ret;
}

static void p4_print_prog(const char *stage, struct rtattr *nest)
{
	struct rtattr *tb[TCA_P4_PROG_MAX + 1] = {};
	char tag[2 * BPF_TAG_SIZE + 1];
	const __u8 *raw;
	unsigned int i;

	parse_rtattr_nested(tb, TCA_P4_PROG_MAX, nest);
	print_nl();
	open_json_object(stage);
	print_string(PRINT_FP, NULL, "  %s ", stage);
	if (tb[TCA_P4_PROG_ID])
		print_uint(PRINT_ANY, "id", "id %u ", rta_getattr_u32(tb[TCA_P4_PROG_ID]));
	if (tb[TCA_P4_PROG_TAG] && RTA_PAYLOAD(tb[TCA_P4_PROG_TAG]) == BPF_TAG_SIZE) {
		raw = RTA_DATA(tb[TCA_P4_PROG_TAG]);
		for (i = 0; i < BPF_TAG_SIZE; i++)
			sprintf(tag + 2 * i, "%02x", raw[i]);
		print_string(PRINT_ANY, "tag", "tag %s ", tag);
	}
	if (tb[TCA_P4_PROG_NAME])
		print_string(PRINT_ANY, "name", "name %s ", rta_getattr_str(tb[TCA_P4_PROG_NAME]));
	close_json_object();
}

static int p4_print_opt(struct filter_util *qu, FILE *f, struct rtattr *opt,
			__u32 fhandle)
{
	struct rtattr *tb[TCA_P4_MAX + 1] = {};
	char classid[SPRINT_BSIZE];

	(void)qu;
	(void)f;
	if (!opt)
		return 0;
	parse_rtattr_nested(tb, TCA_P4_MAX, opt);
	if (fhandle)
		print_uint(PRINT_ANY, "handle", "handle 0x%x ", fhandle);
	if (tb[TCA_P4_PNAME])
		print_string(PRINT_ANY, "pname", "pname %s ", rta_getattr_str(tb[TCA_P4_PNAME]));
	if (tb[TCA_P4_PIPEID])
		print_uint(PRINT_ANY, "pipeid", "pipeid %u ", rta_getattr_u32(tb[TCA_P4_PIPEID]));
	if (tb[TCA_P4_CLASSID])
		print_string(PRINT_ANY, "classid", "classid %s ",
			     sprint_tc_classid(rta_getattr_u32(tb[TCA_P4_CLASSID]), classid));
	if (tb[TCA_P4_PARSER])
		p4_print_prog("parser", tb[TCA_P4_PARSER]);
	if (tb[TCA_P4_MAIN])
		p4_print_prog("main", tb[TCA_P4_MAIN]);
	return 0;
}

struct filter_util p4_filter_util = {
	.id = "p4",
	.parse_fopt = p4_parse_opt,
	.print_fopt = p4_print_opt,
};
