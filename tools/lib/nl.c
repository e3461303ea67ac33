// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Netlink for libp4tc: requests and their replies (acks, multi-part dumps,
 * extack messages) on the generic netlink and rtnetlink sockets, and
 * attribute parsing.
 */
#include <stdio.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "internal.h"

/* State of one request while its replies come in. */
struct p4tc_talk {
	struct p4tc_handle *h;
	p4tc_reply_fn fn;
	void *data;
	/* the request's result; once non-zero, further replies are drained */
	int ret;
	bool warned_intr;
};

/* The extack message of an NLMSG_ERROR or NLMSG_DONE, or NULL. */
static const char *p4tc_nl_extack(const struct nlmsghdr *nlh, size_t off)
{
	const struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NULL;
	mnl_attr_for_each(attr, nlh, off) {
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			return mnl_attr_get_str(attr);
	}
	return NULL;
}

/* Keep the result @err of a request and its extack message @msg. */
static int p4tc_talk_result(struct p4tc_talk *t, int err, const char *msg)
{
	if (err) {
		if (!t->ret) {
			t->ret = err;
			if (msg)
				p4tc_err(t->h, err, "%s", msg);
		}
		return MNL_CB_ERROR;
	}
	if (msg)
		p4tc_log(t->h, P4TC_LOG_WARN, "warning from the kernel: %s", msg);
	return MNL_CB_STOP;
}

static int p4tc_talk_error(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct p4tc_talk *t = data;
	size_t off = sizeof(*e);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
		return p4tc_talk_result(t, -EBADMSG, "truncated netlink error");
	/* Without NETLINK_CAP_ACK's effect, the request's payload comes first. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if (off > mnl_nlmsg_get_payload_len(nlh))
		return p4tc_talk_result(t, e->error, NULL);
	return p4tc_talk_result(t, e->error, p4tc_nl_extack(nlh, off));
}

/*
 * After a failed receive, what is left of the request's replies would be
 * read as the next request's: read it all now.
 */
static void p4tc_nl_drain(struct p4tc_nl *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];

	while (recv(mnl_socket_get_fd(nl->sock), buf, sizeof(buf), MSG_DONTWAIT) > 0)
		;
}

static int p4tc_talk_done(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_talk *t = data;
	int err = 0;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(err))
		memcpy(&err, mnl_nlmsg_get_payload(nlh), sizeof(err));
	return p4tc_talk_result(t, err, p4tc_nl_extack(nlh, sizeof(err)));
}

static int p4tc_talk_data(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_talk *t = data;

	if ((nlh->nlmsg_flags & NLM_F_DUMP_INTR) && !t->warned_intr) {
		p4tc_log(t->h, P4TC_LOG_WARN,
			 "dump interrupted by a change: it may be inconsistent");
		t->warned_intr = true;
	}
	if (!t->ret && t->fn)
		t->ret = t->fn(nlh, t->data);
	return MNL_CB_OK;
}

static mnl_cb_t p4tc_talk_ctl_cb[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = p4tc_talk_error,
	[NLMSG_DONE] = p4tc_talk_done,
};

static int p4tc_talk(struct p4tc_handle *h, struct p4tc_nl *nl,
		     struct nlmsghdr *nlh, p4tc_reply_fn fn, void *data)
{
	struct p4tc_talk t = { .h = h, .fn = fn, .data = data };
	unsigned int seq = ++nl->seq;
	ssize_t len;
	int ret;

	nlh->nlmsg_seq = seq;
	/*
	 * Requests end with an ack; dumps with NLMSG_DONE, as the kernel
	 * never acks a dump it started. (Testing the flags for NLM_F_DUMP
	 * cannot tell: NLM_F_EXCL is one of its bits.)
	 */
	nlh->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		len = mnl_socket_recvfrom(nl->sock, h->resp, P4TC_RESP_SIZE);
		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0) {
			ret = -errno;
			p4tc_nl_drain(nl);
			return t.ret ?: ret;
		}
		ret = mnl_cb_run2(h->resp, len, seq, nl->portid, p4tc_talk_data,
				  &t, p4tc_talk_ctl_cb, ARRAY_SIZE(p4tc_talk_ctl_cb));
	} while (ret > MNL_CB_STOP);
	if (ret < 0 && !t.ret)
		return -errno;
	return t.ret;
}

static int p4tc_family_reply(const struct nlmsghdr *nlh, void *data)
{
	static const enum mnl_attr_data_type policy[CTRL_ATTR_MAX + 1] = {
		[CTRL_ATTR_FAMILY_ID] = MNL_TYPE_U16,
	};
	const struct nlattr *tb[CTRL_ATTR_MAX + 1] = {};
	__u16 *family = data;

	if (p4tc_nl_parse_msg(nlh, GENL_HDRLEN, policy, CTRL_ATTR_MAX, tb) ||
	    !tb[CTRL_ATTR_FAMILY_ID])
		return -EBADMSG;
	*family = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	return 0;
}

static struct nlmsghdr *p4tc_genl_put(struct p4tc_handle *h, __u16 family,
				      __u8 cmd, __u8 version, __u16 flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(h->req);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

static int p4tc_family_resolve(struct p4tc_handle *h)
{
	struct nlmsghdr *nlh;
	int err;

	nlh = p4tc_genl_put(h, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, P4TC_FAMILY_NAME);
	err = p4tc_talk(h, &h->genl, nlh, p4tc_family_reply, &h->family);
	if (err == -ENOENT)
		return p4tc_err(h, err, "the p4tc module is not loaded (no generic netlink family \"%s\")",
				P4TC_FAMILY_NAME);
	if (err)
		return p4tc_err(h, err, "cannot resolve the generic netlink family \"%s\": %s",
				P4TC_FAMILY_NAME, strerror(-err));
	return 0;
}

struct nlmsghdr *p4tc_genl_start(struct p4tc_handle *h, __u8 cmd, __u16 flags)
{
	int err;

	if (!h->family) {
		err = p4tc_family_resolve(h);
		if (err) {
			errno = -err;
			return NULL;
		}
	}
	return p4tc_genl_put(h, h->family, cmd, P4TC_FAMILY_VERSION, flags);
}

struct nlmsghdr *p4tc_rtnl_start(struct p4tc_handle *h, __u16 type, __u16 flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(h->req);
	struct tcmsg *tcm;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	tcm = mnl_nlmsg_put_extra_header(nlh, sizeof(*tcm));
	tcm->tcm_family = AF_UNSPEC;
	return nlh;
}

int p4tc_genl_talk(struct p4tc_handle *h, struct nlmsghdr *nlh,
		   p4tc_reply_fn fn, void *data)
{
	return p4tc_talk(h, &h->genl, nlh, fn, data);
}

int p4tc_rtnl_talk(struct p4tc_handle *h, struct nlmsghdr *nlh,
		   p4tc_reply_fn fn, void *data)
{
	return p4tc_talk(h, &h->rtnl, nlh, fn, data);
}

int p4tc_genl_send_noack(struct p4tc_handle *h, struct nlmsghdr *nlh)
{
	struct p4tc_talk t = { .h = h };
	struct p4tc_nl *nl = &h->genl;
	unsigned int seq = ++nl->seq;
	ssize_t len;

	nlh->nlmsg_seq = seq;
	nlh->nlmsg_flags &= ~NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	/* Netlink runs a kernel socket's handler within the sender's send. */
	len = recv(mnl_socket_get_fd(nl->sock), h->resp, P4TC_RESP_SIZE, MSG_DONTWAIT);
	if (len < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -errno;
	mnl_cb_run2(h->resp, len, seq, nl->portid, NULL, &t, p4tc_talk_ctl_cb,
		    ARRAY_SIZE(p4tc_talk_ctl_cb));
	return t.ret;
}

struct p4tc_parse {
	const enum mnl_attr_data_type *policy;
	unsigned int max;
	const struct nlattr **tb;
};

static int p4tc_parse_attr(const struct nlattr *attr, void *data)
{
	const struct p4tc_parse *p = data;
	unsigned int type = mnl_attr_get_type(attr);

	if (type > p->max || p->policy[type] == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, p->policy[type]) < 0)
		return MNL_CB_ERROR;
	p->tb[type] = attr;
	return MNL_CB_OK;
}

int p4tc_nl_parse(const struct nlattr *nest, const enum mnl_attr_data_type *policy,
		  unsigned int max, const struct nlattr **tb)
{
	struct p4tc_parse p = { .policy = policy, .max = max, .tb = tb };

	if (mnl_attr_parse_nested(nest, p4tc_parse_attr, &p) < 0)
		return -EBADMSG;
	return 0;
}

int p4tc_nl_parse_msg(const struct nlmsghdr *nlh, size_t hdrlen,
		      const enum mnl_attr_data_type *policy, unsigned int max,
		      const struct nlattr **tb)
{
	struct p4tc_parse p = { .policy = policy, .max = max, .tb = tb };

	if (mnl_nlmsg_get_payload_len(nlh) < hdrlen ||
	    mnl_attr_parse(nlh, hdrlen, p4tc_parse_attr, &p) < 0)
		return -EBADMSG;
	return 0;
}

int p4tc_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	static const enum mnl_attr_data_type policy[P4TC_A_MAX + 1] = {
		[P4TC_A_PIPELINE] = MNL_TYPE_NESTED,
		[P4TC_A_ACTION] = MNL_TYPE_NESTED,
		[P4TC_A_TABLE] = MNL_TYPE_NESTED,
		[P4TC_A_ENTRY] = MNL_TYPE_NESTED,
		[P4TC_A_COUNT] = MNL_TYPE_U32,
		[P4TC_A_ACTINST] = MNL_TYPE_NESTED,
		[P4TC_A_PORT] = MNL_TYPE_NESTED,
		[P4TC_A_DIGEST] = MNL_TYPE_NESTED,
		[P4TC_A_EXTERN] = MNL_TYPE_NESTED,
		[P4TC_A_EXTINST] = MNL_TYPE_NESTED,
		[P4TC_A_EXTELEM] = MNL_TYPE_NESTED,
	};

	return p4tc_nl_parse_msg(nlh, GENL_HDRLEN, policy, P4TC_A_MAX, tb);
}

int p4tc_nl_copy_name(char *dst, size_t size, const struct nlattr *attr)
{
	const char *s = mnl_attr_get_str(attr);

	if (strlen(s) >= size)
		return -EBADMSG;
	strcpy(dst, s);
	return 0;
}

void p4tc_nl_put_pipeline_name(struct nlmsghdr *nlh, const char *pname)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, P4TC_A_PIPELINE);

	mnl_attr_put_strz(nlh, P4TC_PIPELINE_A_NAME, pname);
	mnl_attr_nest_end(nlh, nest);
}
