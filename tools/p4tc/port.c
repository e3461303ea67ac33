// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc port: the devices of the namespace as PNA ports, network or host,
 * which is what is_net_port() and is_host_port() of the datapath say.
 */
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "p4tc.h"

static void port_usage(void)
{
	printf("Usage: p4tc port set dev DEV type { net | host | auto }\n"
	       "       p4tc port show [dev DEV]\n"
	       "A device with a parent device (a NIC) is a network port, any other a\n"
	       "host port, unless set otherwise; auto drops what was set. A setting goes\n"
	       "with its device.\n");
}

static const char *port_type_name(__u8 type)
{
	return type == P4TC_PORT_TYPE_NET ? "net" : type == P4TC_PORT_TYPE_HOST ? "host" : "?";
}

static int print_port(const struct p4tc_port *port, void *ctx)
{
	(void)ctx;
	out_open_object(NULL);
	out_str("dev", "port %s", port->name);
	out_uint("ifindex", " ifindex %llu", port->ifindex);
	out_str("type", " type %s", port_type_name(port->type));
	out_bool("marked", port->marked ? " (set)\n" : " (auto)\n", port->marked);
	out_close_object();
	return 0;
}

/* "dev DEV": its ifindex. */
static int parse_dev(struct args *a, __u32 *ifindex)
{
	const char *kw = args_next(a), *name;
	int err;

	if (!kw || strcmp(kw, "dev"))
		return args_error(a, "expected \"dev DEV\"");
	err = args_value(a, "dev", &name);
	if (err)
		return err;
	*ifindex = if_nametoindex(name);
	if (!*ifindex)
		return args_error(a, "cannot find device \"%s\"", name);
	return CLI_OK;
}

static int set_cmd(struct args *a, struct p4tc_handle *h)
{
	const char *kw, *type;
	__u32 ifindex;
	__u8 t;
	int err;

	err = parse_dev(a, &ifindex);
	if (err)
		return err;
	kw = args_next(a);
	if (!kw || strcmp(kw, "type"))
		return args_error(a, "expected \"type { net | host | auto }\"");
	err = args_value(a, "type", &type);
	if (err)
		return err;
	if (!strcmp(type, "net"))
		t = P4TC_PORT_TYPE_NET;
	else if (!strcmp(type, "host"))
		t = P4TC_PORT_TYPE_HOST;
	else if (!strcmp(type, "auto"))
		t = 0;
	else
		return args_error(a, "type \"%s\" is not net, host or auto", type);
	if (a->argc)
		return args_error(a, "unexpected \"%s\"", a->argv[0]);
	err = p4tc_port_set(h, ifindex, t);
	return err ? cli_fail(err) : CLI_OK;
}

static int show_cmd(struct args *a, struct p4tc_handle *h)
{
	struct p4tc_port port = {};
	int err;

	if (a->argc) {
		err = parse_dev(a, &port.ifindex);
		if (!err && a->argc)
			err = args_error(a, "unexpected \"%s\"", a->argv[0]);
		if (err)
			return err;
		err = p4tc_port_get(h, &port);
		if (err)
			return cli_fail(err);
		out_begin();
		print_port(&port, NULL);
		out_end();
		return CLI_OK;
	}
	out_begin();
	err = p4tc_port_dump(h, print_port, NULL);
	if (err) {
		out_abort();
		return cli_fail(err);
	}
	out_end();
	return CLI_OK;
}

int port_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv, .obj = "port" };
	struct p4tc_handle *h;
	const char *verb;

	verb = args_next(&a);
	if (!verb) {
		port_usage();
		return CLI_EUSAGE;
	}
	if (!strcmp(verb, "help")) {
		port_usage();
		return CLI_OK;
	}
	if (strcmp(verb, "set") && strcmp(verb, "show"))
		return args_error(&a, "unknown command \"%s\": expected set or show", verb);
	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	return !strcmp(verb, "set") ? set_cmd(&a, h) : show_cmd(&a, h);
}
