// SPDX-License-Identifier: GPL-2.0
/*
 * Digests (PNA's Digest extern): the datapath packs some fields of a packet
 * and the control plane gets them, on the family's digest multicast group
 * of the packet's namespace. A digest nobody listens for costs one check.
 */
#include "netlink.h"

/**
 * struct p4tc_digest - what a digest message says
 * @params: the program's extern call: ids and the packed data
 * @ifindex: the packet's device
 */
struct p4tc_digest {
	const struct p4tc_ext_bpf_params *params;
	u32 ifindex;
};

static int p4tc_digest_fill(struct sk_buff *skb, const void *data)
{
	const struct p4tc_digest *d = data;
	struct nlattr *nest = nla_nest_start(skb, P4TC_A_DIGEST);

	BUILD_BUG_ON(sizeof(d->params->in_params) != P4TC_DIGEST_DATA_SIZE);
	if (!nest ||
	    nla_put_u32(skb, P4TC_DIGEST_A_PIPEID, d->params->pipe_id) ||
	    nla_put_u32(skb, P4TC_DIGEST_A_EXT_ID, d->params->ext_id) ||
	    nla_put_u32(skb, P4TC_DIGEST_A_INST_ID, d->params->inst_id) ||
	    nla_put_u32(skb, P4TC_DIGEST_A_IFINDEX, d->ifindex) ||
	    nla_put(skb, P4TC_DIGEST_A_DATA, P4TC_DIGEST_DATA_SIZE, d->params->in_params))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * p4tc_digest_pack() - send a digest of the datapath to user space
 * @net: the packet's namespace
 * @ifindex: the packet's device
 * @params: the program's extern call
 * @params__sz: must be sizeof(*params)
 *
 * Context: the datapath; does not sleep.
 * Return: 0 (also when nobody listens), -EINVAL for a wrong @params__sz,
 * -ENOMEM.
 */
int p4tc_digest_pack(struct net *net, u32 ifindex, const struct p4tc_ext_bpf_params *params,
		     u32 params__sz)
{
	struct p4tc_digest d = { .params = params, .ifindex = ifindex };

	if (!net || params__sz != sizeof(*params))
		return -EINVAL;
	return p4tc_nl_digest_send(net, p4tc_digest_fill, &d);
}
