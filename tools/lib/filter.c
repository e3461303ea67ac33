// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * "p4" TC filters over rtnetlink: add (with the programs loaded here),
 * delete and dump.
 */
#include <libgen.h>
#include <stdio.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/bpf.h>

#include <p4tc/kfuncs.h>
#include <uapi/linux/tc_p4.h>

#include "internal.h"

#define P4TC_FILTER_KIND "p4"

_Static_assert(sizeof(((struct p4tc_filter_prog *)0)->tag) == BPF_TAG_SIZE,
	       "struct p4tc_filter_prog: tag size");

/* A hook, checked: a device or a block. */
struct p4tc_hook_spec {
	__u32 ifindex;
	__u32 block_index;
	bool egress;
};

static int p4tc_hook_check(struct p4tc_handle *h, const struct p4tc_tc_hook *hook,
			   struct p4tc_hook_spec *hs)
{
	if (!hook)
		return p4tc_err(h, -EINVAL, "no hook given");
	if (!OPTS_VALID(h, hook, p4tc_tc_hook))
		return -EINVAL;
	hs->ifindex = OPTS_GET(hook, ifindex, 0);
	hs->block_index = OPTS_GET(hook, block_index, 0);
	hs->egress = OPTS_GET(hook, egress, false);
	if (!hs->ifindex == !hs->block_index)
		return p4tc_err(h, -EINVAL, "a hook is either a device or a block");
	return 0;
}

static void p4tc_hook_put(struct nlmsghdr *nlh, const struct p4tc_hook_spec *hs)
{
	struct tcmsg *tcm = mnl_nlmsg_get_payload(nlh);

	/* A block's index takes the place of the parent. */
	if (hs->block_index) {
		tcm->tcm_ifindex = TCM_IFINDEX_MAGIC_BLOCK;
		tcm->tcm_block_index = hs->block_index;
		return;
	}
	tcm->tcm_ifindex = hs->ifindex;
	tcm->tcm_parent = TC_H_MAKE(TC_H_CLSACT,
				    hs->egress ? TC_H_MIN_EGRESS : TC_H_MIN_INGRESS);
}

static struct nlmsghdr *p4tc_filter_request(struct p4tc_handle *h, __u16 type,
					    __u16 flags,
					    const struct p4tc_hook_spec *hs,
					    __u32 handle, __u16 prio,
					    __u16 protocol, __u32 chain)
{
	struct nlmsghdr *nlh = p4tc_rtnl_start(h, type, flags);
	struct tcmsg *tcm = mnl_nlmsg_get_payload(nlh);

	p4tc_hook_put(nlh, hs);
	tcm->tcm_handle = handle;
	tcm->tcm_info = TC_H_MAKE((__u32)prio << 16, htons(protocol));
	mnl_attr_put_strz(nlh, TCA_KIND, P4TC_FILTER_KIND);
	if (chain)
		mnl_attr_put_u32(nlh, TCA_CHAIN, chain);
	return nlh;
}

/* TCA_P4_PARSER or TCA_P4_MAIN: the program's fd and "file.o:[section]". */
static int p4tc_prog_put(struct p4tc_handle *h, struct nlmsghdr *nlh, __u16 type,
			 int fd, const char *path, const char *sec)
{
	char name[sizeof(((struct p4tc_filter_prog *)0)->name)];
	char *file = strdupa(path);
	struct nlattr *nest;

	if (snprintf(name, sizeof(name), "%s:[%s]", basename(file), sec) >= (int)sizeof(name))
		return p4tc_err(h, -ENAMETOOLONG, "%s:[%s]: name too long", path, sec);
	nest = mnl_attr_nest_start(nlh, type);
	mnl_attr_put_u32(nlh, TCA_P4_PROG_FD, fd);
	mnl_attr_put_strz(nlh, TCA_P4_PROG_NAME, name);
	mnl_attr_nest_end(nlh, nest);
	return 0;
}

static int p4tc_filter_opts_check(struct p4tc_handle *h,
				  const struct p4tc_filter_opts *opts)
{
	const char *parser_obj = OPTS_GET(opts, parser_obj, NULL);
	const char *parser_sec = OPTS_GET(opts, parser_sec, NULL);
	int err;

	if (!opts)
		return p4tc_err(h, -EINVAL, "no filter options given");
	if (!OPTS_VALID(h, opts, p4tc_filter_opts))
		return -EINVAL;
	err = p4tc_check_name(h, "pipeline", OPTS_GET(opts, pname, NULL));
	if (err)
		return err;
	if (!OPTS_GET(opts, main_obj, NULL) || !OPTS_GET(opts, main_sec, NULL))
		return p4tc_err(h, -EINVAL, "a p4 filter needs a main program: object and section");
	if (!parser_obj != !parser_sec)
		return p4tc_err(h, -EINVAL, "the parser program needs an object and a section");
	return 0;
}

/* Load one program of the filter; its fd, or a negative errno. */
static int p4tc_filter_prog_load(struct p4tc_handle *h, const char *path,
				 const char *sec,
				 const struct p4tc_filter_fields *fields,
				 const char *pin_root)
{
	LIBP4TC_OPTS(p4tc_prog_load_opts, lo, .path = path, .section = sec,
		     .fields = fields, .pin_root = pin_root);

	return p4tc_prog_load(h, &lo);
}

LIBP4TC_API int p4tc_filter_add(struct p4tc_handle *h,
				const struct p4tc_tc_hook *hook,
				const struct p4tc_filter_opts *opts)
{
	const char *pname, *pin_root, *parser_obj, *parser_sec, *main_obj, *main_sec;
	struct p4tc_filter_fields fields = {};
	int parser_fd = -1, main_fd = -1, err;
	struct p4tc_hook_spec hs;
	struct nlmsghdr *nlh;
	struct nlattr *nest;
	__u16 protocol;

	p4tc_clear_err(h);
	err = p4tc_hook_check(h, hook, &hs);
	if (err)
		return p4tc_ret(err);
	err = p4tc_filter_opts_check(h, opts);
	if (err)
		return p4tc_ret(err);
	pname = OPTS_GET(opts, pname, NULL);
	parser_obj = OPTS_GET(opts, parser_obj, NULL);
	parser_sec = OPTS_GET(opts, parser_sec, NULL);
	main_obj = OPTS_GET(opts, main_obj, NULL);
	main_sec = OPTS_GET(opts, main_sec, NULL);
	pin_root = OPTS_GET(opts, pin_root, NULL);
	protocol = OPTS_GET(opts, protocol, 0) ?: ETH_P_ALL;

	err = p4tc_pipeline_id(h, pname, &fields.pipeid);
	if (err)
		return p4tc_ret(err);
	fields.handle = OPTS_GET(opts, handle, 0);
	fields.classid = OPTS_GET(opts, classid, 0);
	fields.chain = OPTS_GET(opts, chain, 0);
	fields.blockid = hs.block_index;
	fields.proto = htons(protocol);
	fields.prio = OPTS_GET(opts, prio, 0);

	if (parser_obj) {
		parser_fd = p4tc_filter_prog_load(h, parser_obj, parser_sec, &fields,
						  pin_root);
		if (parser_fd < 0) {
			err = parser_fd;
			goto close;
		}
	}
	main_fd = p4tc_filter_prog_load(h, main_obj, main_sec, &fields, pin_root);
	if (main_fd < 0) {
		err = main_fd;
		goto close;
	}

	nlh = p4tc_filter_request(h, RTM_NEWTFILTER,
				  NLM_F_CREATE | (OPTS_GET(opts, replace, false) ?
						  NLM_F_REPLACE : NLM_F_EXCL),
				  &hs, fields.handle, fields.prio, protocol, fields.chain);
	nest = mnl_attr_nest_start(nlh, TCA_OPTIONS);
	mnl_attr_put_strz(nlh, TCA_P4_PNAME, pname);
	if (fields.classid)
		mnl_attr_put_u32(nlh, TCA_P4_CLASSID, fields.classid);
	if (parser_fd >= 0)
		err = p4tc_prog_put(h, nlh, TCA_P4_PARSER, parser_fd, parser_obj, parser_sec);
	if (!err)
		err = p4tc_prog_put(h, nlh, TCA_P4_MAIN, main_fd, main_obj, main_sec);
	if (err)
		goto close;
	mnl_attr_nest_end(nlh, nest);
	/* The filter holds its own references to the programs. */
	err = p4tc_rtnl_talk(h, nlh, NULL, NULL);
close:
	if (main_fd >= 0)
		close(main_fd);
	if (parser_fd >= 0)
		close(parser_fd);
	return p4tc_ret(err);
}

LIBP4TC_API int p4tc_filter_delete(struct p4tc_handle *h,
				   const struct p4tc_tc_hook *hook,
				   const struct p4tc_filter_opts *opts)
{
	struct p4tc_hook_spec hs;
	struct nlmsghdr *nlh;
	__u16 prio;
	int err;

	p4tc_clear_err(h);
	err = p4tc_hook_check(h, hook, &hs);
	if (err)
		return p4tc_ret(err);
	if (!opts)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no filter options given"));
	if (!OPTS_VALID(h, opts, p4tc_filter_opts))
		return p4tc_ret(-EINVAL);
	prio = OPTS_GET(opts, prio, 0);
	if (!prio)
		return p4tc_ret(p4tc_err(h, -EINVAL, "deleting p4 filters needs their prio"));
	/* Protocol 0 matches the filters' protocol, whichever it is. */
	nlh = p4tc_filter_request(h, RTM_DELTFILTER, 0, &hs, OPTS_GET(opts, handle, 0),
				  prio, 0, OPTS_GET(opts, chain, 0));
	return p4tc_ret(p4tc_rtnl_talk(h, nlh, NULL, NULL));
}

static const enum mnl_attr_data_type p4tc_prog_policy[TCA_P4_PROG_MAX + 1] = {
	[TCA_P4_PROG_NAME] = MNL_TYPE_NUL_STRING,
	[TCA_P4_PROG_ID] = MNL_TYPE_U32,
	[TCA_P4_PROG_TAG] = MNL_TYPE_BINARY,
};

static int p4tc_prog_parse(const struct nlattr *nest, struct p4tc_filter_prog *prog)
{
	const struct nlattr *tb[TCA_P4_PROG_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_prog_policy, TCA_P4_PROG_MAX, tb);
	if (err)
		return err;
	if (tb[TCA_P4_PROG_ID])
		prog->id = mnl_attr_get_u32(tb[TCA_P4_PROG_ID]);
	if (tb[TCA_P4_PROG_TAG]) {
		if (mnl_attr_get_payload_len(tb[TCA_P4_PROG_TAG]) != sizeof(prog->tag))
			return -EBADMSG;
		memcpy(prog->tag, mnl_attr_get_payload(tb[TCA_P4_PROG_TAG]),
		       sizeof(prog->tag));
	}
	if (tb[TCA_P4_PROG_NAME])
		return p4tc_nl_copy_name(prog->name, sizeof(prog->name),
					 tb[TCA_P4_PROG_NAME]);
	return 0;
}

static int p4tc_filter_options_parse(const struct nlattr *nest, struct p4tc_filter *f)
{
	static const enum mnl_attr_data_type policy[TCA_P4_MAX + 1] = {
		[TCA_P4_CLASSID] = MNL_TYPE_U32,
		[TCA_P4_PNAME] = MNL_TYPE_NUL_STRING,
		[TCA_P4_PIPEID] = MNL_TYPE_U32,
		[TCA_P4_PARSER] = MNL_TYPE_NESTED,
		[TCA_P4_MAIN] = MNL_TYPE_NESTED,
	};
	const struct nlattr *tb[TCA_P4_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, policy, TCA_P4_MAX, tb);
	if (err)
		return err;
	if (tb[TCA_P4_PNAME] &&
	    p4tc_nl_copy_name(f->pname, sizeof(f->pname), tb[TCA_P4_PNAME]))
		return -EBADMSG;
	if (tb[TCA_P4_PIPEID])
		f->pipeid = mnl_attr_get_u32(tb[TCA_P4_PIPEID]);
	if (tb[TCA_P4_CLASSID])
		f->classid = mnl_attr_get_u32(tb[TCA_P4_CLASSID]);
	if (tb[TCA_P4_PARSER]) {
		err = p4tc_prog_parse(tb[TCA_P4_PARSER], &f->parser);
		if (err)
			return err;
	}
	if (tb[TCA_P4_MAIN])
		return p4tc_prog_parse(tb[TCA_P4_MAIN], &f->main);
	return 0;
}

struct p4tc_filter_dump {
	p4tc_filter_cb cb;
	void *ctx;
};

static int p4tc_filter_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	static const enum mnl_attr_data_type policy[TCA_MAX + 1] = {
		[TCA_KIND] = MNL_TYPE_NUL_STRING,
		[TCA_OPTIONS] = MNL_TYPE_NESTED,
		[TCA_CHAIN] = MNL_TYPE_U32,
	};
	const struct tcmsg *tcm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[TCA_MAX + 1] = {};
	struct p4tc_filter_dump *d = data;
	struct p4tc_filter f = {};
	int err;

	err = p4tc_nl_parse_msg(nlh, sizeof(*tcm), policy, TCA_MAX, tb);
	if (err)
		return err;
	/* Other kinds, and the filter chain's head at each prio, are skipped. */
	if (!tb[TCA_KIND] || strcmp(mnl_attr_get_str(tb[TCA_KIND]), P4TC_FILTER_KIND) ||
	    !tb[TCA_OPTIONS])
		return 0;
	if ((__u32)tcm->tcm_ifindex == TCM_IFINDEX_MAGIC_BLOCK) {
		f.block_index = tcm->tcm_block_index;
	} else {
		f.ifindex = tcm->tcm_ifindex;
		f.egress = TC_H_MIN(tcm->tcm_parent) == TC_H_MIN_EGRESS;
	}
	f.protocol = ntohs(TC_H_MIN(tcm->tcm_info));
	f.prio = TC_H_MAJ(tcm->tcm_info) >> 16;
	f.handle = tcm->tcm_handle;
	if (tb[TCA_CHAIN])
		f.chain = mnl_attr_get_u32(tb[TCA_CHAIN]);
	err = p4tc_filter_options_parse(tb[TCA_OPTIONS], &f);
	if (err)
		return err;
	return d->cb(&f, d->ctx);
}

LIBP4TC_API int p4tc_filter_dump(struct p4tc_handle *h,
				 const struct p4tc_tc_hook *hook,
				 p4tc_filter_cb cb, void *ctx)
{
	struct p4tc_filter_dump d = { .cb = cb, .ctx = ctx };
	struct p4tc_hook_spec hs;
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_hook_check(h, hook, &hs);
	if (err)
		return p4tc_ret(err);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_rtnl_start(h, RTM_GETTFILTER, NLM_F_DUMP);
	p4tc_hook_put(nlh, &hs);
	return p4tc_ret(p4tc_rtnl_talk(h, nlh, p4tc_filter_dump_reply, &d));
}
