// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of p4tc_prog_load(): the section is chosen, the program typed
 * SCHED_CLS, p4tc_filter_fields filled in before the load, the verifier's
 * log handed to the log callback, and the fd left to the caller. They need
 * the bpf() syscall; without it they are skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <p4tc/kfuncs.h>

#include "libp4tc.h"
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

/* Open fds of this process, to see that failed loads leave none behind. */
static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static int load(struct p4tc_handle *h, const char *path, const char *sec,
		const struct p4tc_filter_fields *fields)
{
	LIBP4TC_OPTS(p4tc_prog_load_opts, lo, .path = path, .section = sec,
		     .fields = fields);

	return p4tc_prog_load(h, &lo);
}

static void test_opts(struct p4tc_handle *h)
{
	struct {
		struct p4tc_prog_load_opts opts;
		long newer_field;
	} big;
	const char *msg;
	int ret;

	ret = p4tc_prog_load(h, NULL);
	tap_ok(ret == -EINVAL && errno == EINVAL, "no options: -EINVAL");
	ret = load(h, OBJ, NULL, NULL);
	msg = p4tc_errmsg(h);
	tap_ok(ret == -EINVAL && msg && strstr(msg, "object file and a section"),
	       "no section: -EINVAL (%s)", msg ?: "no message");
	ret = load(h, "", "p4tc/main", NULL);
	tap_ok(ret == -EINVAL, "an empty path: -EINVAL");

	memset(&big, 0, sizeof(big));
	big.opts.sz = sizeof(big);
	big.opts.path = OBJ;
	big.opts.section = "p4tc/main";
	big.newer_field = 1;
	ret = p4tc_prog_load(h, &big.opts);
	tap_ok(ret == -EINVAL, "an option this library does not know: -EINVAL");
}

/* The fd returned outlives the BPF object, and belongs to the caller. */
static void test_fd(int fd)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);
	int flags;

	tap_ok(!bpf_obj_get_info_by_fd(fd, &info, &len) &&
	       info.type == BPF_PROG_TYPE_SCHED_CLS && !strcmp(info.name, "main_prog"),
	       "the fd is the SCHED_CLS program main_prog, after the object is closed");
	flags = fcntl(fd, F_GETFD);
	tap_ok(flags >= 0 && (flags & FD_CLOEXEC), "the fd is close-on-exec");
	tap_ok(!close(fd), "the caller closes it");
}

int main(void)
{
	LIBP4TC_OPTS(p4tc_open_opts, oopts, .log_fn = capture_log);
	struct p4tc_filter_fields fields = { .pipeid = 7, .prio = 3, .chain = 5 };
	struct p4tc_handle *h;
	const char *msg;
	__u32 retval = 0;
	int fd, nfds, err;

	h = p4tc_open(&oopts);
	if (!tap_ok(h != NULL, "open"))
		return tap_done();
	test_opts(h);

	fd = load(h, OBJ, "p4tc/main", &fields);
	if (fd == -EPERM) {
		tap_skip("no permission to load BPF programs here");
		goto out;
	}
	if (tap_ok(fd >= 0, "the program of section p4tc/main loads (%s)",
		   fd < 0 ? p4tc_errmsg(h) : "ok")) {
		err = test_run(fd, &retval);
		tap_ok(!err && retval == (7 | 3 << 8 | 5 << 16),
		       "it sees the filter fields written before the load (0x%x)", retval);
		test_fd(fd);
	}

	fd = load(h, OBJ, "p4tc/main", NULL);
	if (tap_ok(fd >= 0, "without fields, it loads too")) {
		err = test_run(fd, &retval);
		tap_ok(!err && retval == 0,
		       "and sees the object's zeroes (0x%x)", retval);
		close(fd);
	}

	nfds = count_fds();
	logged[0] = '\0';
	fd = load(h, OBJ, "p4tc/parse", &fields);
	msg = p4tc_errmsg(h);
	tap_ok(fd < 0 && errno == -fd && msg && strstr(msg, "p4tc/parse"),
	       "a program the verifier refuses does not load: %s", msg ?: "no message");
	tap_ok(strstr(logged, "invalid access to packet") != NULL,
	       "the verifier's log goes to the log callback");

	fd = load(h, OBJ, "p4tc/twice", &fields);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -EINVAL && msg && strstr(msg, "more than one program"),
	       "a section of two programs is refused: %s", msg ?: "no message");

	fd = load(h, OBJ, "p4tc/none", &fields);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -ENOENT && msg && strstr(msg, "no program in section p4tc/none"),
	       "a missing section is reported: %s", msg ?: "no message");

	fd = load(h, "tests/filter_fields_data.bpf.o", "p4tc/main", &fields);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -EINVAL && msg && strstr(msg, "must not be initialised"),
	       "an initialised p4tc_filter_fields is refused: %s", msg ?: "no message");

	fd = load(h, "tests/no-such-object.o", "p4tc/main", &fields);
	msg = p4tc_errmsg(h);
	tap_ok(fd == -ENOENT && msg && strstr(msg, "cannot open BPF object"),
	       "a missing object file is reported: %s", msg ?: "no message");
	tap_ok(count_fds() == nfds, "failed loads leave no fd open");
out:
	p4tc_close(h);
	return tap_done();
}
