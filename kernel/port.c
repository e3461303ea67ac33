// SPDX-License-Identifier: GPL-2.0
/*
 * PNA port kinds: whether a device is a network port (towards the wire) or
 * a host port (towards the host's stack), for the is_net_port() and
 * is_host_port() kfuncs. Unless marked, a device with a parent device (a
 * NIC) is a network port and any other a host port. Marks live in the
 * namespace's xarray, changed under RTNL, which device unregistration
 * holds too: a mark never outlives its device.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "netlink.h"

static enum p4tc_port_type p4tc_port_type(struct p4tc_net *pn, const struct net_device *dev,
					  bool *marked)
{
	void *mark = xa_load(&pn->ports, dev->ifindex);

	*marked = mark;
	if (mark)
		return xa_to_value(mark);
	return dev->dev.parent ? P4TC_PORT_TYPE_NET : P4TC_PORT_TYPE_HOST;
}

/**
 * p4tc_port_is() - whether a device is a port of a kind
 * @net: namespace
 * @ifindex: the device
 * @type: enum p4tc_port_type
 *
 * Context: RCU read side, the datapath.
 * Return: true if @ifindex is a device of @net of kind @type.
 */
bool p4tc_port_is(struct net *net, u32 ifindex, enum p4tc_port_type type)
{
	struct net_device *dev = dev_get_by_index_rcu(net, ifindex);
	bool marked;

	return dev && p4tc_port_type(p4tc_net(net), dev, &marked) == type;
}

static int p4tc_port_fill(struct sk_buff *skb, struct p4tc_net *pn,
			  const struct net_device *dev)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_PORT);
	enum p4tc_port_type type;
	bool marked;

	type = p4tc_port_type(pn, dev, &marked);
	if (!nest ||
	    nla_put_u32(skb, P4TC_PORT_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, P4TC_PORT_A_NAME, dev->name) ||
	    nla_put_u8(skb, P4TC_PORT_A_TYPE, type) ||
	    (!marked && nla_put_flag(skb, P4TC_PORT_A_AUTO))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* The device a request names, with its nest's attributes. */
static struct net_device *p4tc_port_dev(struct net *net, struct nlattr **tb,
					struct genl_info *info)
{
	const struct nlattr *nest = info->attrs[P4TC_A_PORT];
	struct net_device *dev;

	if (!nest) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing port attributes");
		NL_SET_ERR_ATTR_MISS(info->extack, NULL, P4TC_A_PORT);
		return ERR_PTR(-EINVAL);
	}
	p4tc_nl_split(tb, P4TC_PORT_A_MAX, nest);
	if (p4tc_nl_attr_missing(info->extack, nest, tb, P4TC_PORT_A_IFINDEX, "port ifindex"))
		return ERR_PTR(-EINVAL);
	dev = __dev_get_by_index(net, nla_get_u32(tb[P4TC_PORT_A_IFINDEX]));
	if (dev)
		return dev;
	NL_SET_ERR_MSG_FMT_MOD(info->extack, "port: no device with ifindex %u",
			       nla_get_u32(tb[P4TC_PORT_A_IFINDEX]));
	NL_SET_BAD_ATTR(info->extack, tb[P4TC_PORT_A_IFINDEX]);
	return ERR_PTR(-ENODEV);
}

/* Reply with a port, in @msg allocated before any change. */
static int p4tc_port_reply(struct sk_buff *msg, struct genl_info *info, struct p4tc_net *pn,
			   const struct net_device *dev)
{
	void *hdr = p4tc_nl_reply_start(msg, info);

	if (!hdr || p4tc_port_fill(msg, pn, dev)) {
		/* Done, even if it cannot be said: a port fits a page. */
		nlmsg_free(msg);
		return 0;
	}
	return p4tc_nl_reply(msg, hdr, info);
}

/* Apply a SET's mark or drop, under RTNL. */
static int p4tc_port_mark(struct p4tc_net *pn, struct net_device *dev, struct nlattr **tb,
			  struct genl_info *info)
{
	if (!tb[P4TC_PORT_A_TYPE] == !tb[P4TC_PORT_A_AUTO]) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "port %s: give a type or auto, one of them",
				       dev->name);
		if (tb[P4TC_PORT_A_AUTO])
			NL_SET_BAD_ATTR(info->extack, tb[P4TC_PORT_A_AUTO]);
		else
			NL_SET_ERR_ATTR_MISS(info->extack, info->attrs[P4TC_A_PORT],
					     P4TC_PORT_A_TYPE);
		return -EINVAL;
	}
	if (tb[P4TC_PORT_A_AUTO]) {
		xa_erase(&pn->ports, dev->ifindex);
		return 0;
	}
	return xa_err(xa_store(&pn->ports, dev->ifindex,
			       xa_mk_value(nla_get_u8(tb[P4TC_PORT_A_TYPE])),
			       GFP_KERNEL_ACCOUNT));
}

/* SET (@change) and GET of one device: the same but for the mark. */
static int p4tc_port_one(struct genl_info *info, bool change)
{
	struct net *net = genl_info_net(info);
	struct p4tc_net *pn = p4tc_net(net);
	struct nlattr *tb[P4TC_PORT_A_MAX + 1];
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	dev = p4tc_port_dev(net, tb, info);
	err = PTR_ERR_OR_ZERO(dev);
	if (!err && change)
		err = p4tc_port_mark(pn, dev, tb, info);
	if (err) {
		rtnl_unlock();
		nlmsg_free(msg);
		return err;
	}
	err = p4tc_port_reply(msg, info, pn, dev);
	rtnl_unlock();
	return err;
}

/**
 * p4tc_nl_port_set() - P4TC_CMD_PORT_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Marks a device of the namespace a network or host port (TYPE), or drops
 * its mark (AUTO). Replies with the port.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_port_set(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_port_one(info, true);
}

/**
 * p4tc_nl_port_get() - P4TC_CMD_PORT_GET handler for one device
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_port_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_port_one(info, false);
}

/**
 * p4tc_nl_port_dump() - P4TC_CMD_PORT_GET dump of the namespace's devices
 * @skb: dump buffer
 * @cb: dump state; args[0] is the bucket of the device index hash, args[1]
 *	the devices of it already sent
 *
 * Return: bytes in @skb, 0 when done.
 */
int p4tc_nl_port_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct p4tc_net *pn = p4tc_net(net);
	struct net_device *dev;
	unsigned long idx;
	void *hdr;
	int h;

	rcu_read_lock();
	/* As rtnetlink dumps links: by bucket of the index hash, then position. */
	for (h = cb->args[0]; h < NETDEV_HASHENTRIES; h++, cb->args[1] = 0) {
		idx = 0;
		hlist_for_each_entry_rcu(dev, &net->dev_index_head[h], index_hlist) {
			if (idx++ < cb->args[1])
				continue;
			hdr = p4tc_nl_dump_start(skb, cb);
			if (!hdr)
				goto full;
			if (p4tc_port_fill(skb, pn, dev)) {
				genlmsg_cancel(skb, hdr);
				goto full;
			}
			genlmsg_end(skb, hdr);
			cb->args[1] = idx;
		}
	}
full:
	cb->args[0] = h;
	rcu_read_unlock();
	return skb->len;
}

static int p4tc_port_notify(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	if (event == NETDEV_UNREGISTER)
		xa_erase(&p4tc_net(dev_net(dev))->ports, dev->ifindex);
	return NOTIFY_DONE;
}

static struct notifier_block p4tc_port_notifier = {
	.notifier_call = p4tc_port_notify,
};

/**
 * p4tc_ports_init() - drop the marks of devices that go
 *
 * Return: 0 or a negative errno.
 */
int p4tc_ports_init(void)
{
	return register_netdevice_notifier(&p4tc_port_notifier);
}

/**
 * p4tc_ports_exit() - undo p4tc_ports_init()
 */
void p4tc_ports_exit(void)
{
	unregister_netdevice_notifier(&p4tc_port_notifier);
}
