// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of how libp4tc loads a pipeline's programs: the section is
 * chosen, the program typed SCHED_CLS, p4tc_filter_fields filled in before
 * the load, and the verifier's log handed to the log callback. They need
 * the bpf() syscall; without it they are skipped.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#define __ksym	/* only the structs of kfuncs.h are used */
#include <p4tc/kfuncs.h>

#include "internal.h"
#include "tap.h"

#define OBJ "tests/filter_fields.bpf.o"

static char logged[65536];

static void capture_log(enum p4tc_log_level level, const char *msg, void *ctx)
{
	(void)ctx;
	if (level == P4TC_LOG_WARN)
		strncat(logged, msg, sizeof(logged) - strlen(logged) - 1);
}

/* Run the program once on a small packet; its return value. */
static int test_run(int fd, __u32 *retval)
{
	__u8 pkt[64] = {};
	LIBBPF_OPTS(bpf_test_run_opts, topts, .data_in = pkt, .data_size_in = sizeof(pkt));
	int err;

	err = bpf_prog_test_run_opts(fd, &topts);
	*retval = topts.retval;
	return err;
}

int main(void)
{
	LIBP4TC_OPTS(p4tc_open_opts, oopts, .log_fn = capture_log);
	struct p4tc_filter_fields fields = { .pipeid = 7, .prio = 3, .chain = 5 };
	struct bpf_object *obj = NULL;
	struct p4tc_handle *h;
	const char *msg;
	__u32 retval = 0;
	int fd, err;

	h = p4tc_open(&oopts);
	if (!tap_ok(h != NULL, "open"))
		return tap_done();

	fd = p4tc_bpf_load(h, OBJ, "p4tc/main", &fields, "/sys/fs/bpf/tc/globals", &obj);
	if (fd == -EPERM) {
		tap_skip("no permission to load BPF programs here");
		goto out;
	}
	if (tap_ok(fd >= 0, "the program of section p4tc/main loads (%s)",
		   fd < 0 ? p4tc_errmsg(h) : "ok")) {
		err = test_run(fd, &retval);
		tap_ok(!err && retval == (7 | 3 << 8 | 5 << 16),
		       "it sees the filter fields written before the load (0x%x)", retval);
		bpf_object__close(obj);
	}

	logged[0] = '\0';
	fd = p4tc_bpf_load(h, OBJ, "p4tc/parse", &fields, "/sys/fs/bpf/tc/globals", &obj);
	msg = p4tc_errmsg(h);
	tap_ok(fd < 0 && msg && strstr(msg, "p4tc/parse"),
	       "a program the verifier refuses does not load: %s", msg ?: "no message");
	tap_ok(strstr(logged, "invalid access to packet") != NULL,
	       "the verifier's log goes to the log callback");

	fd = p4tc_bpf_load(h, OBJ, "p4tc/none", &fields, "/sys/fs/bpf/tc/globals", &obj);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -ENOENT && msg && strstr(msg, "no program in section p4tc/none"),
	       "a missing section is reported: %s", msg ?: "no message");

	fd = p4tc_bpf_load(h, "tests/no-such-object.o", "p4tc/main", &fields,
			   "/sys/fs/bpf/tc/globals", &obj);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -ENOENT && msg && strstr(msg, "cannot open BPF object"),
	       "a missing object file is reported: %s", msg ?: "no message");
out:
	p4tc_close(h);
	return tap_done();
}
