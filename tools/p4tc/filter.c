// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc filter: "p4" TC filters, which run a pipeline's programs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_ether.h>

#include "p4tc.h"

enum filter_verb {
	FILTER_ADD,
	FILTER_REPLACE,
	FILTER_DEL,
	FILTER_SHOW,
};

static const struct {
	const char *name;
	enum filter_verb verb;
} filter_verbs[] = {
	{ "add", FILTER_ADD },
	{ "replace", FILTER_REPLACE },
	{ "del", FILTER_DEL },
	{ "delete", FILTER_DEL },
	{ "show", FILTER_SHOW },
};

static const struct {
	const char *name;
	__u16 protocol;
} protocols[] = {
	{ "all", ETH_P_ALL },
	{ "ip", ETH_P_IP },
	{ "ipv6", ETH_P_IPV6 },
	{ "arp", ETH_P_ARP },
	{ "802.1Q", ETH_P_8021Q },
};

/*
 * Whether a filter command is p4tc's: show, and adds, replaces and deletes
 * that say "p4"; the others are tc's (a delete without a kind deletes
 * filters of any kind).
 */
bool filter_is_p4(int argc, char **argv)
{
	int i;

	if (argc < 1 || (strcmp(argv[0], "add") && strcmp(argv[0], "replace") &&
			 strcmp(argv[0], "del") && strcmp(argv[0], "delete")))
		return true;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "p4"))
			return true;
	return false;
}

static void filter_usage(void)
{
	printf("Usage: p4tc filter add HOOK [protocol PROTO] [prio PRIO] [handle H] [chain C]\n"
	       "                  p4 pname PIPE [classid MAJ:MIN] PROG [PROG]\n"
	       "       p4tc filter replace HOOK [protocol PROTO] prio PRIO handle H [chain C]\n"
	       "                  p4 pname PIPE [classid MAJ:MIN] PROG [PROG]\n"
	       "       p4tc filter del HOOK prio PRIO [handle H] [chain C]\n"
	       "       p4tc filter show HOOK\n"
	       "HOOK := dev DEV ingress|egress | block N [ingress|egress]\n"
	       "PROG := action bpf obj FILE section SEC\n"
	       "PROTO := all | ip | ipv6 | arp | 802.1Q | 0xHHHH   (default all)\n"
	       "With two programs the first is the parser and the second the main\n"
	       "program; with one, it is the main program.\n"
	       "\"pref\" is \"prio\", \"sec\" is \"section\", \"delete\" is \"del\".\n");
}

/* A command's hook and options, as parsed. */
struct filter_cmd {
	enum filter_verb verb;
	struct p4tc_tc_hook hook;
	struct p4tc_filter_opts opts;
	bool has_direction;
};

static int parse_protocol(struct args *a, __u16 *protocol)
{
	const char *val;
	unsigned int i;
	__u32 n;
	int err;

	err = args_value(a, "protocol", &val);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(protocols); i++) {
		if (!strcmp(val, protocols[i].name)) {
			*protocol = protocols[i].protocol;
			return CLI_OK;
		}
	}
	if (parse_u32(val, UINT16_MAX, &n) || !n)
		return args_error(a, "unknown protocol \"%s\"", val);
	*protocol = n;
	return CLI_OK;
}

static int parse_classid(struct args *a, __u32 *classid)
{
	char *colon, *end;
	unsigned long maj, min;
	const char *val;
	int err;

	err = args_value(a, "classid", &val);
	if (err)
		return err;
	colon = strchr(val, ':');
	if (!colon || colon == val || !colon[1])
		return args_error(a, "classid \"%s\" is not MAJ:MIN", val);
	maj = strtoul(val, &end, 16);
	if (end != colon || maj > 0xffff)
		return args_error(a, "classid \"%s\" is not MAJ:MIN", val);
	min = strtoul(colon + 1, &end, 16);
	if (*end || min > 0xffff)
		return args_error(a, "classid \"%s\" is not MAJ:MIN", val);
	*classid = maj << 16 | min;
	return CLI_OK;
}

/* action bpf obj FILE section SEC, after the word "action" */
static int parse_prog(struct args *a, const char **obj, const char **sec)
{
	const char *kw;
	int err;

	kw = args_next(a);
	if (!kw || strcmp(kw, "bpf"))
		return args_error(a, "only \"action bpf obj FILE section SEC\" is supported");
	kw = args_next(a);
	if (!kw || strcmp(kw, "obj"))
		return args_error(a, "action bpf needs \"obj FILE\"");
	err = args_value(a, kw, obj);
	if (err)
		return err;
	kw = args_next(a);
	if (!kw || (strcmp(kw, "section") && strcmp(kw, "sec")))
		return args_error(a, "action bpf obj %s needs \"section SEC\"", *obj);
	return args_value(a, kw, sec);
}

/* The words after "p4": pname PIPE [classid C] PROG [PROG] */
static int parse_p4(struct args *a, struct p4tc_filter_opts *opts)
{
	const char *objs[2], *secs[2], *kw;
	unsigned int nprogs = 0;
	int err;

	while ((kw = args_next(a))) {
		if (!strcmp(kw, "pname")) {
			err = args_value(a, kw, &opts->pname);
		} else if (!strcmp(kw, "classid")) {
			err = parse_classid(a, &opts->classid);
		} else if (!strcmp(kw, "action")) {
			if (nprogs == ARRAY_SIZE(objs))
				return args_error(a, "at most two programs: the parser and the main");
			err = parse_prog(a, &objs[nprogs], &secs[nprogs]);
			nprogs++;
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
		if (err)
			return err;
	}
	if (!opts->pname)
		return args_error(a, "p4 needs \"pname PIPE\"");
	if (!nprogs)
		return args_error(a, "p4 needs \"action bpf obj FILE section SEC\"");
	opts->main_obj = objs[nprogs - 1];
	opts->main_sec = secs[nprogs - 1];
	if (nprogs == 2) {
		opts->parser_obj = objs[0];
		opts->parser_sec = secs[0];
	}
	return CLI_OK;
}

static int parse_filter(struct args *a, struct filter_cmd *fc)
{
	bool add = fc->verb == FILTER_ADD || fc->verb == FILTER_REPLACE;
	const char *kw, *val;
	__u32 n;
	int err;

	while ((kw = args_next(a))) {
		if (!strcmp(kw, "dev")) {
			err = args_value(a, kw, &val);
			if (!err) {
				fc->hook.ifindex = if_nametoindex(val);
				if (!fc->hook.ifindex)
					err = args_error(a, "cannot find device \"%s\"", val);
			}
		} else if (!strcmp(kw, "block")) {
			err = args_u32(a, kw, UINT32_MAX, &fc->hook.block_index);
			if (!err && !fc->hook.block_index)
				err = args_error(a, "block 0 is not a block");
		} else if (!strcmp(kw, "ingress") || !strcmp(kw, "egress")) {
			fc->hook.egress = !strcmp(kw, "egress");
			fc->has_direction = true;
			err = CLI_OK;
		} else if ((!strcmp(kw, "prio") || !strcmp(kw, "pref")) &&
			   fc->verb != FILTER_SHOW) {
			err = args_u32(a, kw, UINT16_MAX, &n);
			fc->opts.prio = n;
		} else if (!strcmp(kw, "handle") && fc->verb != FILTER_SHOW) {
			err = args_u32(a, kw, UINT32_MAX, &fc->opts.handle);
		} else if (!strcmp(kw, "chain") && fc->verb != FILTER_SHOW) {
			err = args_u32(a, kw, UINT32_MAX, &fc->opts.chain);
		} else if (!strcmp(kw, "protocol") && add) {
			err = parse_protocol(a, &fc->opts.protocol);
		} else if (!strcmp(kw, "p4") && add) {
			return parse_p4(a, &fc->opts);
		} else if (!strcmp(kw, "p4") && fc->verb == FILTER_DEL) {
			/* The kind, as tc takes it; nothing follows. */
			err = a->argc ? args_error(a, "unexpected \"%s\"", a->argv[0]) : CLI_OK;
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
		if (err)
			return err;
	}
	if (add)
		return args_error(a, "a filter needs \"p4 pname PIPE ...\"");
	return CLI_OK;
}

static int check_hook(struct args *a, const struct filter_cmd *fc)
{
	if (!fc->hook.ifindex == !fc->hook.block_index)
		return args_error(a, "either \"dev DEV\" or \"block N\"");
	if (fc->hook.ifindex && !fc->has_direction)
		return args_error(a, "\"ingress\" or \"egress\"?");
	if (fc->verb == FILTER_DEL && !fc->opts.prio)
		return args_error(a, "del needs \"prio PRIO\"");
	/* The kernel finds the filter to replace by its prio and handle. */
	if (fc->verb == FILTER_REPLACE && (!fc->opts.prio || !fc->opts.handle))
		return args_error(a, "replace needs \"prio PRIO\" and \"handle H\"");
	return CLI_OK;
}

static void print_prog(const char *key, const struct p4tc_filter_prog *prog)
{
	char tag[2 * sizeof(prog->tag) + 1];
	unsigned int i;

	if (!prog->id)
		return;
	for (i = 0; i < sizeof(prog->tag); i++)
		sprintf(tag + 2 * i, "%02x", prog->tag[i]);
	out_open_object(key);
	out_text("\t%s", key);
	out_uint("id", " id %llu", prog->id);
	out_str("tag", " tag %s", tag);
	out_str("name", " name %s\n", prog->name);
	out_close_object();
}

static int print_filter(const struct p4tc_filter *f, void *ctx)
{
	char ifname[IF_NAMESIZE], proto[8], classid[16];
	unsigned int i;

	(void)ctx;
	snprintf(proto, sizeof(proto), "0x%04x", f->protocol);
	for (i = 0; i < ARRAY_SIZE(protocols); i++)
		if (f->protocol == protocols[i].protocol)
			snprintf(proto, sizeof(proto), "%s", protocols[i].name);

	out_open_object(NULL);
	if (f->block_index) {
		out_uint("block", "filter block %llu", f->block_index);
	} else {
		if (!if_indextoname(f->ifindex, ifname))
			snprintf(ifname, sizeof(ifname), "%u", f->ifindex);
		out_str("dev", "filter dev %s", ifname);
		out_str("direction", " %s", f->egress ? "egress" : "ingress");
	}
	out_str("protocol", " protocol %s", proto);
	out_uint("pref", " pref %llu", f->prio);
	out_str("kind", " %s", "p4");
	out_uint("chain", " chain %llu", f->chain);
	out_uint("handle", " handle 0x%llx", f->handle);
	out_open_object("options");
	out_str("pname", " pname %s", f->pname);
	out_uint("pipeid", " pipeid %llu", f->pipeid);
	if (f->classid) {
		snprintf(classid, sizeof(classid), "%x:%x", f->classid >> 16,
			 f->classid & 0xffff);
		out_str("classid", " classid %s", classid);
	}
	out_text("\n");
	print_prog("parser", &f->parser);
	print_prog("main", &f->main);
	out_close_object();
	out_close_object();
	return 0;
}

int filter_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv };
	struct p4tc_handle *h;
	struct filter_cmd fc;
	const char *verb;
	unsigned int i;
	int err;

	/* Option structs' padding must be zero too: the library checks it. */
	memset(&fc, 0, sizeof(fc));
	fc.hook.sz = sizeof(fc.hook);
	fc.opts.sz = sizeof(fc.opts);
	verb = args_next(&a);
	if (!verb) {
		filter_usage();
		return CLI_EUSAGE;
	}
	if (!strcmp(verb, "help")) {
		filter_usage();
		return CLI_OK;
	}
	for (i = 0; i < ARRAY_SIZE(filter_verbs); i++)
		if (!strcmp(verb, filter_verbs[i].name))
			break;
	if (i == ARRAY_SIZE(filter_verbs))
		return args_error(&a, "filter: unknown command \"%s\": expected add, replace, del or show",
				  verb);
	fc.verb = filter_verbs[i].verb;
	fc.opts.replace = fc.verb == FILTER_REPLACE;
	a.obj = "filter";
	err = parse_filter(&a, &fc);
	if (!err)
		err = check_hook(&a, &fc);
	if (err)
		return err;

	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	switch (fc.verb) {
	case FILTER_ADD:
	case FILTER_REPLACE:
		err = p4tc_filter_add(h, &fc.hook, &fc.opts);
		break;
	case FILTER_DEL:
		err = p4tc_filter_delete(h, &fc.hook, &fc.opts);
		break;
	case FILTER_SHOW:
		out_begin();
		err = p4tc_filter_dump(h, &fc.hook, print_filter, NULL);
		out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}
