// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Events: the "events" multicast group of the p4tc family, on a socket of
 * their own, and its messages read into struct p4tc_event.
 */
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "internal.h"

/* An event message is at most a table's, which a page or a few hold. */
#define P4TC_EVENT_BUF_SIZE 65536
/* Room for bursts: a flush of a big table tells of each entry. */
#define P4TC_EVENT_RCVBUF (4 << 20)
/* Messages read per p4tc_event_read(), at most. */
#define P4TC_EVENT_BATCH 256

struct p4tc_event_bufs {
	struct p4tc_action action;
	struct p4tc_table table;
	struct p4tc_entry entry;
	struct p4tc_action_inst action_inst;
	struct p4tc_digest digest;
	struct p4tc_extern ext;
	struct p4tc_extern_inst ext_inst;
	struct p4tc_extern_elem ext_elem;
};

struct p4tc_event_bufs *p4tc_event_bufs_new(void)
{
	return calloc(1, sizeof(struct p4tc_event_bufs));
}

static int p4tc_mcast_group_parse(const struct nlattr *nest, struct p4tc_family_info *fi)
{
	static const enum mnl_attr_data_type policy[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
		[CTRL_ATTR_MCAST_GRP_NAME] = MNL_TYPE_NUL_STRING,
		[CTRL_ATTR_MCAST_GRP_ID] = MNL_TYPE_U32,
	};
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = {};
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, nest) {
		memset(tb, 0, sizeof(tb));
		if (p4tc_nl_parse(grp, policy, CTRL_ATTR_MCAST_GRP_MAX, tb))
			return -EBADMSG;
		if (!tb[CTRL_ATTR_MCAST_GRP_NAME] || !tb[CTRL_ATTR_MCAST_GRP_ID])
			continue;
		if (!strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]), P4TC_MCGRP_EVENTS))
			fi->group = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
		else if (!strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
				 P4TC_MCGRP_DIGEST))
			fi->digest_group = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

int p4tc_family_info_parse(const struct nlmsghdr *nlh, void *data)
{
	static const enum mnl_attr_data_type policy[CTRL_ATTR_MAX + 1] = {
		[CTRL_ATTR_FAMILY_ID] = MNL_TYPE_U16,
		[CTRL_ATTR_MCAST_GROUPS] = MNL_TYPE_NESTED,
	};
	const struct nlattr *tb[CTRL_ATTR_MAX + 1] = {};
	struct p4tc_family_info *fi = data;

	if (p4tc_nl_parse_msg(nlh, GENL_HDRLEN, policy, CTRL_ATTR_MAX, tb) ||
	    !tb[CTRL_ATTR_FAMILY_ID])
		return -EBADMSG;
	fi->family = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		return p4tc_mcast_group_parse(tb[CTRL_ATTR_MCAST_GROUPS], fi);
	return 0;
}

static int p4tc_event_resolve(struct p4tc_handle *h, struct p4tc_family_info *fi)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(h->req);
	struct genlmsghdr *genl;
	int err;

	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_GETFAMILY;
	genl->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, P4TC_FAMILY_NAME);
	err = p4tc_genl_talk(h, nlh, p4tc_family_info_parse, fi);
	if (err == -ENOENT)
		return p4tc_err(h, err, "the p4tc module is not loaded (no generic netlink family \"%s\")",
				P4TC_FAMILY_NAME);
	if (err)
		return p4tc_err(h, err, "cannot resolve the generic netlink family \"%s\": %s",
				P4TC_FAMILY_NAME, strerror(-err));
	return 0;
}

/* Join group @name (the digest group if @digest, else events) on the event socket. */
static int p4tc_mcast_join(struct p4tc_handle *h, const char *name, bool digest)
{
	struct p4tc_family_info fi = {};
	int rcvbuf = P4TC_EVENT_RCVBUF, err;
	struct mnl_socket *sock = h->events;
	__u32 group;

	p4tc_clear_err(h);
	err = p4tc_event_resolve(h, &fi);
	if (err)
		return p4tc_ret(err);
	group = digest ? fi.digest_group : fi.group;
	if (!group)
		return p4tc_ret(p4tc_err(h, -ENOENT,
					 "the p4tc family has no multicast group \"%s\"", name));
	h->family = fi.family;
	if (!h->event_bufs)
		h->event_bufs = p4tc_event_bufs_new();
	if (!h->event_buf)
		h->event_buf = malloc(P4TC_EVENT_BUF_SIZE);
	if (!h->event_bufs || !h->event_buf)
		return p4tc_ret(-ENOMEM);
	if (!sock) {
		sock = mnl_socket_open(NETLINK_GENERIC);
		if (!sock)
			return p4tc_ret(-errno);
		/* A bigger buffer if allowed; the default one otherwise. */
		setsockopt(mnl_socket_get_fd(sock), SOL_SOCKET, SO_RCVBUF, &rcvbuf,
			   sizeof(rcvbuf));
		if (mnl_socket_bind(sock, 0, MNL_SOCKET_AUTOPID)) {
			err = -errno;
			mnl_socket_close(sock);
			return p4tc_ret(p4tc_err(h, err, "cannot bind a netlink socket: %s",
						 strerror(-err)));
		}
		h->events = sock;
	}
	/* Joining a group twice is no error: subscribing again does nothing. */
	if (mnl_socket_setsockopt(sock, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group))) {
		err = -errno;
		return p4tc_ret(p4tc_err(h, err, "cannot join the multicast group \"%s\": %s",
					 name, strerror(-err)));
	}
	return mnl_socket_get_fd(sock);
}

LIBP4TC_API int p4tc_event_subscribe(struct p4tc_handle *h)
{
	return p4tc_mcast_join(h, P4TC_MCGRP_EVENTS, false);
}

LIBP4TC_API int p4tc_digest_subscribe(struct p4tc_handle *h)
{
	return p4tc_mcast_join(h, P4TC_MCGRP_DIGEST, true);
}

static int p4tc_digest_parse(const struct nlattr *nest, struct p4tc_digest *d)
{
	static const enum mnl_attr_data_type policy[P4TC_DIGEST_A_MAX + 1] = {
		[P4TC_DIGEST_A_PIPEID] = MNL_TYPE_U32,
		[P4TC_DIGEST_A_EXT_ID] = MNL_TYPE_U32,
		[P4TC_DIGEST_A_INST_ID] = MNL_TYPE_U32,
		[P4TC_DIGEST_A_IFINDEX] = MNL_TYPE_U32,
		[P4TC_DIGEST_A_DATA] = MNL_TYPE_BINARY,
	};
	const struct nlattr *tb[P4TC_DIGEST_A_MAX + 1] = {};

	if (p4tc_nl_parse(nest, policy, P4TC_DIGEST_A_MAX, tb) || !tb[P4TC_DIGEST_A_DATA] ||
	    mnl_attr_get_payload_len(tb[P4TC_DIGEST_A_DATA]) != sizeof(d->data))
		return -EBADMSG;
	memset(d, 0, sizeof(*d));
	if (tb[P4TC_DIGEST_A_PIPEID])
		d->pipeid = mnl_attr_get_u32(tb[P4TC_DIGEST_A_PIPEID]);
	if (tb[P4TC_DIGEST_A_EXT_ID])
		d->ext_id = mnl_attr_get_u32(tb[P4TC_DIGEST_A_EXT_ID]);
	if (tb[P4TC_DIGEST_A_INST_ID])
		d->inst_id = mnl_attr_get_u32(tb[P4TC_DIGEST_A_INST_ID]);
	if (tb[P4TC_DIGEST_A_IFINDEX])
		d->ifindex = mnl_attr_get_u32(tb[P4TC_DIGEST_A_IFINDEX]);
	memcpy(d->data, mnl_attr_get_payload(tb[P4TC_DIGEST_A_DATA]), sizeof(d->data));
	return 0;
}

static const struct {
	__u8 obj;
	__u8 op;
} p4tc_event_kinds[] = {
	[P4TC_CMD_PIPELINE_NEW] = { P4TC_EVENT_PIPELINE, P4TC_EVENT_CREATE },
	[P4TC_CMD_PIPELINE_SET] = { P4TC_EVENT_PIPELINE, P4TC_EVENT_UPDATE },
	[P4TC_CMD_PIPELINE_DEL] = { P4TC_EVENT_PIPELINE, P4TC_EVENT_DELETE },
	[P4TC_CMD_ACTION_NEW] = { P4TC_EVENT_ACTION, P4TC_EVENT_CREATE },
	[P4TC_CMD_ACTION_SET] = { P4TC_EVENT_ACTION, P4TC_EVENT_UPDATE },
	[P4TC_CMD_ACTION_DEL] = { P4TC_EVENT_ACTION, P4TC_EVENT_DELETE },
	[P4TC_CMD_TABLE_NEW] = { P4TC_EVENT_TABLE, P4TC_EVENT_CREATE },
	[P4TC_CMD_TABLE_SET] = { P4TC_EVENT_TABLE, P4TC_EVENT_UPDATE },
	[P4TC_CMD_TABLE_DEL] = { P4TC_EVENT_TABLE, P4TC_EVENT_DELETE },
	[P4TC_CMD_ENTRY_NEW] = { P4TC_EVENT_ENTRY, P4TC_EVENT_CREATE },
	[P4TC_CMD_ENTRY_SET] = { P4TC_EVENT_ENTRY, P4TC_EVENT_UPDATE },
	[P4TC_CMD_ENTRY_DEL] = { P4TC_EVENT_ENTRY, P4TC_EVENT_DELETE },
	[P4TC_CMD_ACTINST_NEW] = { P4TC_EVENT_ACTION_INST, P4TC_EVENT_CREATE },
	[P4TC_CMD_ACTINST_SET] = { P4TC_EVENT_ACTION_INST, P4TC_EVENT_UPDATE },
	[P4TC_CMD_ACTINST_DEL] = { P4TC_EVENT_ACTION_INST, P4TC_EVENT_DELETE },
	[P4TC_CMD_DIGEST] = { P4TC_EVENT_DIGEST, P4TC_EVENT_CREATE },
	[P4TC_CMD_EXTERN_NEW] = { P4TC_EVENT_EXTERN, P4TC_EVENT_CREATE },
	[P4TC_CMD_EXTERN_DEL] = { P4TC_EVENT_EXTERN, P4TC_EVENT_DELETE },
	[P4TC_CMD_EXTINST_NEW] = { P4TC_EVENT_EXTERN_INST, P4TC_EVENT_CREATE },
	[P4TC_CMD_EXTINST_DEL] = { P4TC_EVENT_EXTERN_INST, P4TC_EVENT_DELETE },
	[P4TC_CMD_EXTELEM_SET] = { P4TC_EVENT_EXTERN_ELEM, P4TC_EVENT_UPDATE },
};

int p4tc_event_parse(const struct nlmsghdr *nlh, __u16 family, struct p4tc_event_bufs *bufs,
		     struct p4tc_event *ev)
{
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	const struct genlmsghdr *genl;
	int err;

	if (nlh->nlmsg_type != family || mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN)
		return 1;
	genl = mnl_nlmsg_get_payload(nlh);
	if (genl->cmd >= ARRAY_SIZE(p4tc_event_kinds) || !p4tc_event_kinds[genl->cmd].obj)
		return 1;
	memset(ev, 0, sizeof(*ev));
	ev->cmd = genl->cmd;
	ev->obj = p4tc_event_kinds[genl->cmd].obj;
	ev->op = p4tc_event_kinds[genl->cmd].op;
	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	if (ev->obj == P4TC_EVENT_DIGEST) {
		if (!msg[P4TC_A_DIGEST])
			return -EBADMSG;
		ev->digest = &bufs->digest;
		ev->pipeline.id = 0;
		err = p4tc_digest_parse(msg[P4TC_A_DIGEST], &bufs->digest);
		if (!err)
			ev->pipeline.id = bufs->digest.pipeid;
		return err;
	}
	/* Extern kinds belong to the namespace: no pipeline. */
	if (ev->obj == P4TC_EVENT_EXTERN) {
		ev->ext = &bufs->ext;
		return p4tc_extern_parse(nlh, &bufs->ext);
	}
	if (!msg[P4TC_A_PIPELINE])
		return -EBADMSG;
	err = p4tc_pipeline_parse(nlh, &ev->pipeline);
	if (err)
		return err;
	if (msg[P4TC_A_COUNT]) {
		ev->flush = true;
		ev->count = mnl_attr_get_u32(msg[P4TC_A_COUNT]);
	}
	switch (ev->obj) {
	case P4TC_EVENT_ACTION:
		if (ev->flush)
			break;
		err = p4tc_action_parse(nlh, &bufs->action);
		ev->action = &bufs->action;
		break;
	case P4TC_EVENT_TABLE:
		if (ev->flush)
			break;
		err = p4tc_table_parse(nlh, &bufs->table);
		ev->table = &bufs->table;
		break;
	case P4TC_EVENT_ENTRY:
		if (!msg[P4TC_A_ENTRY])
			return -EBADMSG;
		err = p4tc_entry_parse(msg[P4TC_A_ENTRY], &bufs->entry);
		ev->entry = &bufs->entry;
		break;
	case P4TC_EVENT_ACTION_INST:
		/* A flush's names the action alone. */
		err = p4tc_actinst_parse(nlh, &bufs->action_inst);
		ev->action_inst = &bufs->action_inst;
		break;
	case P4TC_EVENT_EXTERN_INST:
		err = p4tc_extern_inst_parse(nlh, &bufs->ext_inst);
		ev->ext_inst = &bufs->ext_inst;
		break;
	case P4TC_EVENT_EXTERN_ELEM:
		err = p4tc_extern_elem_parse(nlh, &bufs->ext_elem);
		ev->ext_elem = &bufs->ext_elem;
		break;
	}
	return err;
}

struct p4tc_event_read {
	struct p4tc_handle *h;
	p4tc_event_cb cb;
	void *ctx;
	int ret;
};

static int p4tc_event_msg(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_event_read *r = data;
	struct p4tc_event ev;
	int err;

	err = p4tc_event_parse(nlh, r->h->family, r->h->event_bufs, &ev);
	if (err == 1)
		return MNL_CB_OK;
	if (err) {
		r->ret = p4tc_err(r->h, err, "an event message of command %u cannot be read",
				  ((const struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->cmd);
		return MNL_CB_ERROR;
	}
	r->ret = r->cb(&ev, r->ctx);
	return r->ret ? MNL_CB_STOP : MNL_CB_OK;
}

LIBP4TC_API int p4tc_event_read(struct p4tc_handle *h, int timeout_ms, p4tc_event_cb cb,
				void *ctx)
{
	struct p4tc_event_read r = { .h = h, .cb = cb, .ctx = ctx };
	struct pollfd pfd;
	unsigned int n;
	ssize_t len;
	int ret;

	p4tc_clear_err(h);
	if (!h->events)
		return p4tc_ret(p4tc_err(h, -EINVAL, "not subscribed to events (p4tc_event_subscribe())"));
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no event callback given"));
	pfd.fd = mnl_socket_get_fd(h->events);
	pfd.events = POLLIN;
	ret = poll(&pfd, 1, timeout_ms);
	if (ret < 0)
		return p4tc_ret(-errno);
	if (!ret)
		return 0;
	for (n = 0; n < P4TC_EVENT_BATCH; n++) {
		len = recv(pfd.fd, h->event_buf, P4TC_EVENT_BUF_SIZE, MSG_DONTWAIT);
		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (len < 0 && errno == ENOBUFS)
			return p4tc_ret(p4tc_err(h, -ENOBUFS,
						 "events were lost: the socket's buffer overflowed"));
		if (len < 0)
			return p4tc_ret(-errno);
		mnl_cb_run(h->event_buf, len, 0, 0, p4tc_event_msg, &r);
		if (r.ret)
			return p4tc_ret(r.ret);
	}
	return 0;
}
