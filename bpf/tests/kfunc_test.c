// SPDX-License-Identifier: GPL-2.0
/*
 * Loader for the kfunc test programs, driven by kfunc_test.sh:
 *
 *   kfunc_test run OBJ PROG PIPEID TBLID DST_IPV4
 *	loads PROG with its globals set, runs it once with BPF_PROG_TEST_RUN
 *	on a small Ethernet frame and prints its return value in hex;
 *   kfunc_test reject OBJ PROG
 *	loads PROG alone, prints the verifier log; exits 0 if the verifier
 *	rejected it, 1 if it loaded.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "../bpf_globals.h"

static char verifier_log[1 << 20];

static struct bpf_object *open_one(const char *path, const char *name,
				   struct bpf_program **prog)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_program *p;

	if (!obj) {
		fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
		exit(2);
	}
	*prog = NULL;
	bpf_object__for_each_program(p, obj) {
		bool want = !strcmp(bpf_program__name(p), name);

		bpf_program__set_autoload(p, want);
		if (want)
			*prog = p;
	}
	if (!*prog) {
		fprintf(stderr, "no program %s in %s\n", name, path);
		exit(2);
	}
	bpf_program__set_log_buf(*prog, verifier_log, sizeof(verifier_log));
	bpf_program__set_log_level(*prog, 1);
	return obj;
}

static int run(int argc, char **argv)
{
	unsigned char frame[64] = { [12] = 0x08, [13] = 0x00 };
	LIBBPF_OPTS(bpf_test_run_opts, opts,
		    .data_in = frame,
		    .data_size_in = sizeof(frame),
		    .repeat = 1);
	struct bpf_program *prog;
	struct bpf_object *obj;
	struct in_addr dst;
	int err;

	if (argc != 7 || inet_pton(AF_INET, argv[6], &dst) != 1) {
		fprintf(stderr, "usage: kfunc_test run OBJ PROG PIPEID TBLID DST_IPV4\n");
		return 2;
	}
	obj = open_one(argv[2], argv[3], &prog);
	set_global(obj, "pipeid", strtoul(argv[4], NULL, 0));
	set_global(obj, "tblid", strtoul(argv[5], NULL, 0));
	set_global(obj, "dst", dst.s_addr);
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "load failed: %s\n%s", strerror(-err), verifier_log);
		return 2;
	}
	err = bpf_prog_test_run_opts(bpf_program__fd(prog), &opts);
	if (err) {
		fprintf(stderr, "test run failed: %s\n", strerror(-err));
		return 2;
	}
	printf("0x%x\n", opts.retval);
	bpf_object__close(obj);
	return 0;
}

static int reject(int argc, char **argv)
{
	struct bpf_program *prog;
	struct bpf_object *obj;
	int err;

	if (argc != 4) {
		fprintf(stderr, "usage: kfunc_test reject OBJ PROG\n");
		return 2;
	}
	obj = open_one(argv[2], argv[3], &prog);
	err = bpf_object__load(obj);
	printf("%s", verifier_log);
	bpf_object__close(obj);
	return err ? 0 : 1;
}

static int silent(enum libbpf_print_level level __attribute__((unused)),
		  const char *fmt __attribute__((unused)),
		  va_list args __attribute__((unused)))
{
	return 0;
}

int main(int argc, char **argv)
{
	libbpf_set_print(silent);
	if (argc > 1 && !strcmp(argv[1], "run"))
		return run(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "reject"))
		return reject(argc, argv);
	fprintf(stderr, "usage: kfunc_test run|reject ...\n");
	return 2;
}
