// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Ports: P4TC_CMD_PORT_* requests and replies.
 */
#include "internal.h"

static const enum mnl_attr_data_type p4tc_port_policy[P4TC_PORT_A_MAX + 1] = {
	[P4TC_PORT_A_IFINDEX] = MNL_TYPE_U32,
	[P4TC_PORT_A_TYPE] = MNL_TYPE_U8,
	[P4TC_PORT_A_AUTO] = MNL_TYPE_FLAG,
	[P4TC_PORT_A_NAME] = MNL_TYPE_NUL_STRING,
};

static int p4tc_port_parse(const struct nlmsghdr *nlh, struct p4tc_port *port)
{
	const struct nlattr *tb[P4TC_PORT_A_MAX + 1] = {};
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (!msg[P4TC_A_PORT])
		return -EBADMSG;
	err = p4tc_nl_parse(msg[P4TC_A_PORT], p4tc_port_policy, P4TC_PORT_A_MAX, tb);
	if (err)
		return err;
	memset(port, 0, sizeof(*port));
	if (tb[P4TC_PORT_A_IFINDEX])
		port->ifindex = mnl_attr_get_u32(tb[P4TC_PORT_A_IFINDEX]);
	if (tb[P4TC_PORT_A_NAME] &&
	    p4tc_nl_copy_name(port->name, sizeof(port->name), tb[P4TC_PORT_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_PORT_A_TYPE])
		port->type = mnl_attr_get_u8(tb[P4TC_PORT_A_TYPE]);
	port->marked = !tb[P4TC_PORT_A_AUTO];
	return 0;
}

static int p4tc_port_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_port_parse(nlh, data);
}

/* A request on device @ifindex (0: all); a set also says @type (0: auto). */
static struct nlmsghdr *p4tc_port_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  __u32 ifindex, __u8 type)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	nest = mnl_attr_nest_start(nlh, P4TC_A_PORT);
	if (ifindex)
		mnl_attr_put_u32(nlh, P4TC_PORT_A_IFINDEX, ifindex);
	if (cmd == P4TC_CMD_PORT_SET && type)
		mnl_attr_put_u8(nlh, P4TC_PORT_A_TYPE, type);
	else if (cmd == P4TC_CMD_PORT_SET)
		mnl_attr_put(nlh, P4TC_PORT_A_AUTO, 0, "");
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

LIBP4TC_API int p4tc_port_set(struct p4tc_handle *h, __u32 ifindex, __u8 type)
{
	struct nlmsghdr *nlh;

	p4tc_clear_err(h);
	if (type && type != P4TC_PORT_TYPE_NET && type != P4TC_PORT_TYPE_HOST)
		return p4tc_ret(p4tc_err(h, -EINVAL, "port type %u is neither net nor host",
					 type));
	nlh = p4tc_port_request(h, P4TC_CMD_PORT_SET, 0, ifindex, type);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, NULL, NULL));
}

LIBP4TC_API int p4tc_port_get(struct p4tc_handle *h, struct p4tc_port *port)
{
	struct nlmsghdr *nlh;

	p4tc_clear_err(h);
	if (!port)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no port given"));
	nlh = p4tc_port_request(h, P4TC_CMD_PORT_GET, 0, port->ifindex, 0);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_port_reply, port));
}

struct p4tc_port_dump {
	p4tc_port_cb cb;
	void *ctx;
};

static int p4tc_port_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_port_dump *d = data;
	struct p4tc_port port;
	int err;

	err = p4tc_port_parse(nlh, &port);
	return err ?: d->cb(&port, d->ctx);
}

LIBP4TC_API int p4tc_port_dump(struct p4tc_handle *h, p4tc_port_cb cb, void *ctx)
{
	struct p4tc_port_dump d = { .cb = cb, .ctx = ctx };
	struct nlmsghdr *nlh;

	p4tc_clear_err(h);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_port_request(h, P4TC_CMD_PORT_GET, NLM_F_DUMP, 0, 0);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_port_dump_reply, &d));
}
