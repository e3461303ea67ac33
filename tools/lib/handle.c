// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Handles: their sockets, the last failure's message and the log callback.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

LIBP4TC_API const char *p4tc_version_string(void)
{
	return LIBP4TC_VERSION;
}

static int p4tc_nl_open(struct p4tc_nl *nl, int bus)
{
	int one = 1;

	nl->sock = mnl_socket_open(bus);
	if (!nl->sock)
		return -errno;
	/* Errors carry the kernel's explanation; acks skip the request's copy. */
	if (mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one)) ||
	    mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one)) ||
	    mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID))
		return -errno;
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (unsigned int)getpid() << 16;
	return 0;
}

LIBP4TC_API struct p4tc_handle *p4tc_open(const struct p4tc_open_opts *opts)
{
	struct p4tc_handle *h;
	int err;

	h = calloc(1, sizeof(*h));
	if (!h) {
		errno = ENOMEM;
		return NULL;
	}
	if (!OPTS_VALID(h, opts, p4tc_open_opts)) {
		err = -EINVAL;
		goto close;
	}
	h->log_fn = OPTS_GET(opts, log_fn, NULL);
	h->log_ctx = OPTS_GET(opts, log_ctx, NULL);
	h->resp = malloc(P4TC_RESP_SIZE);
	if (!h->resp) {
		err = -ENOMEM;
		goto close;
	}
	err = p4tc_nl_open(&h->genl, NETLINK_GENERIC);
	if (err)
		goto close;
	err = p4tc_nl_open(&h->rtnl, NETLINK_ROUTE);
	if (err)
		goto close;
	return h;

close:
	p4tc_close(h);
	errno = -err;
	return NULL;
}

LIBP4TC_API void p4tc_close(struct p4tc_handle *h)
{
	if (!h)
		return;
	if (h->genl.sock)
		mnl_socket_close(h->genl.sock);
	if (h->rtnl.sock)
		mnl_socket_close(h->rtnl.sock);
	if (h->events)
		mnl_socket_close(h->events);
	free(h->event_bufs);
	free(h->event_buf);
	free(h->resp);
	free(h);
}

LIBP4TC_API const char *p4tc_errmsg(const struct p4tc_handle *h)
{
	return h->errmsg[0] ? h->errmsg : NULL;
}

void p4tc_clear_err(struct p4tc_handle *h)
{
	h->errmsg[0] = '\0';
}

int p4tc_err(struct p4tc_handle *h, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->errmsg, sizeof(h->errmsg), fmt, ap);
	va_end(ap);
	return err;
}

void p4tc_vlog(struct p4tc_handle *h, enum p4tc_log_level level,
	       const char *fmt, va_list ap)
{
	va_list aq;
	char *msg;
	int len;

	if (!h->log_fn)
		return;
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0)
		return;
	msg = malloc(len + 1);
	if (!msg)
		return;
	vsnprintf(msg, len + 1, fmt, ap);
	while (len > 0 && msg[len - 1] == '\n')
		msg[--len] = '\0';
	h->log_fn(level, msg, h->log_ctx);
	free(msg);
}

void p4tc_log(struct p4tc_handle *h, enum p4tc_log_level level,
	      const char *fmt, ...)
{
	static const char prefix[] = "libp4tc: ";
	char msg[P4TC_ERRMSG_LEN];
	va_list ap;

	if (!h->log_fn)
		return;
	strcpy(msg, prefix);
	va_start(ap, fmt);
	vsnprintf(msg + strlen(prefix), sizeof(msg) - strlen(prefix), fmt, ap);
	va_end(ap);
	h->log_fn(level, msg, h->log_ctx);
}

bool p4tc_validate_opts(struct p4tc_handle *h, const char *opts,
			size_t known_sz, size_t user_sz, const char *type)
{
	size_t i;

	if (user_sz < sizeof(size_t)) {
		p4tc_err(h, -EINVAL, "struct %s: size %zu is too small", type, user_sz);
		return false;
	}
	for (i = known_sz; i < user_sz; i++) {
		if (opts[i]) {
			p4tc_err(h, -EINVAL,
				 "struct %s: unknown non-zero field at offset %zu",
				 type, i);
			return false;
		}
	}
	return true;
}

int p4tc_check_id(struct p4tc_handle *h, const char *what, __u32 id)
{
	if (id > INT_MAX)
		return p4tc_err(h, -ERANGE, "%s id %u is above %d", what, id, INT_MAX);
	return 0;
}

int p4tc_check_name(struct p4tc_handle *h, const char *what, const char *name)
{
	size_t len = name ? strnlen(name, P4TC_NAME_LEN) : 0;

	if (!len)
		return p4tc_err(h, -EINVAL, "%s name is empty", what);
	if (len == P4TC_NAME_LEN)
		return p4tc_err(h, -ENAMETOOLONG,
				"%s name is longer than %d characters", what,
				P4TC_NAME_LEN - 1);
	return 0;
}
