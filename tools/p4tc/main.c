// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc: manage P4 pipelines on Linux TC through the p4tc module.
 *
 * Global options, the subcommand table, batch files, and the error and log
 * output all subcommands share.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "p4tc.h"

#define BATCH_MAX_WORDS 512
#define TC_MAX_OPTS 8

static const struct {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *description;
} subcommands[] = {
	{ "p4template", p4template_main, "create, change, show and delete pipeline templates" },
	{ "p4ctrl", p4ctrl_main, "create, change, show and delete table entries" },
	{ "actions", actions_main, "create, change, show and delete instances of P4 actions" },
	{ "port", port_main, "show devices as PNA ports, mark them network or host ports" },
	{ "filter", filter_main, "attach a pipeline's programs to a device or block" },
	{ "mon", mon_main, "print the changes of pipelines, templates and entries as they come" },
	{ "monitor", mon_main, "the same as mon" },
};

/* tc's objects that p4tc hands to tc whole. */
static const char *const tc_objects[] = { "qdisc", "class", "chain", "exec" };

static struct p4tc_handle *handle;
bool cli_stats;
/* The global options given that tc knows too, for commands it runs. */
static char *tc_opts[TC_MAX_OPTS];
static int ntc_opts;

static void tc_opt(char *opt)
{
	if (ntc_opts < TC_MAX_OPTS)
		tc_opts[ntc_opts++] = opt;
}

/*
 * Out of the tree, tc finds the p4 plugin where it is installed; in the
 * tree, next to the build: iproute2-ext/ beside tools/, where p4tc is.
 */
static void tc_lib_dir_default(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32], plugin[PATH_MAX + 64];
	struct stat st;
	ssize_t len;

	if (getenv("TC_LIB_DIR"))
		return;
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len <= 0)
		return;
	exe[len] = '\0';
	snprintf(dir, sizeof(dir), "%s/../../iproute2-ext", dirname(exe));
	snprintf(plugin, sizeof(plugin), "%s/f_p4.so", dir);
	if (!stat(plugin, &st))
		setenv("TC_LIB_DIR", dir, 0);
}

int cli_run_tc(int argc, char **argv)
{
	char *args[BATCH_MAX_WORDS + TC_MAX_OPTS + 2];
	const char *tc = getenv("P4TC_TC") ?: "tc";
	int i, n = 0, status;
	pid_t pid;

	if (argc > BATCH_MAX_WORDS) {
		cli_error("more than %d words", BATCH_MAX_WORDS);
		return CLI_EUSAGE;
	}
	args[n++] = (char *)tc;
	for (i = 0; i < ntc_opts; i++)
		args[n++] = tc_opts[i];
	for (i = 0; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	tc_lib_dir_default();
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		cli_error("cannot run %s: %s", tc, strerror(errno));
		return CLI_EFAIL;
	}
	if (!pid) {
		execvp(tc, args);
		cli_error("cannot run %s for \"%s\": %s", tc, argv[0], strerror(errno));
		_exit(CLI_EFAIL);
	}
	if (waitpid(pid, &status, 0) < 0) {
		cli_error("%s: %s", tc, strerror(errno));
		return CLI_EFAIL;
	}
	/* As a shell says it: 128 and the signal that killed tc. */
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int cli_fail(int err)
{
	const char *msg = handle ? p4tc_errmsg(handle) : NULL;

	cli_error("%s", msg ?: strerror(-err));
	return CLI_EFAIL;
}

/* libbpf's and the verifier's output, among others, explain failures. */
static void cli_log(enum p4tc_log_level level, const char *msg, void *ctx)
{
	(void)ctx;
	if (level == P4TC_LOG_WARN)
		fprintf(stderr, "%s\n", msg);
}

struct p4tc_handle *cli_handle(void)
{
	LIBP4TC_OPTS(p4tc_open_opts, opts, .log_fn = cli_log);

	if (handle)
		return handle;
	handle = p4tc_open(&opts);
	if (!handle)
		cli_error("cannot open netlink sockets: %s", strerror(errno));
	return handle;
}

static void usage(FILE *f)
{
	unsigned int i;

	fprintf(f,
		"Usage: p4tc [OPTIONS] COMMAND ...\n"
		"       p4tc [OPTIONS] -batch FILE\n"
		"OPTIONS := -j[son] | -p[retty] | -s[tatistics] | -t[imestamp] | -force |\n"
		"           -V[ersion]\n"
		"COMMAND :=\n");
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		fprintf(f, "    %-12s %s\n", subcommands[i].name, subcommands[i].description);
	fprintf(f, "    %-12s %s\n", "help", "show this text; COMMAND help: its grammar");
	fprintf(f, "qdisc, class, chain, exec, filters of other kinds than p4 and actions of\n"
		   "other kinds than PIPE/ACT are tc's: p4tc runs tc for them.\n");
}

static int run_command(int argc, char **argv)
{
	unsigned int i;

	if (!strcmp(argv[0], "help")) {
		usage(stdout);
		return CLI_OK;
	}
	/* A drop-in for tc: tc's objects but P4 actions and p4 filters are tc's. */
	if (((!strcmp(argv[0], "actions") || !strcmp(argv[0], "action")) &&
	     !actions_are_p4(argc - 1, argv + 1)) ||
	    (!strcmp(argv[0], "filter") && !filter_is_p4(argc - 1, argv + 1)))
		return cli_run_tc(argc, argv);
	for (i = 0; i < ARRAY_SIZE(tc_objects); i++)
		if (!strcmp(argv[0], tc_objects[i]))
			return cli_run_tc(argc, argv);
	if (!strcmp(argv[0], "action"))
		return actions_main(argc - 1, argv + 1);
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (!strcmp(argv[0], subcommands[i].name))
			return subcommands[i].main(argc - 1, argv + 1);
	cli_error("unknown command \"%s\": try \"p4tc help\"", argv[0]);
	return CLI_EUSAGE;
}

/*
 * Run each line of @file ("-": stdin) as a command; stop at the first that
 * fails unless @force. Returns the status of the first failure.
 */
static int run_batch(const char *file, bool force)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	char *argv[BATCH_MAX_WORDS], *line = NULL, *next = NULL, *grown;
	unsigned int lineno = 0, first;
	int argc, ret, status = CLI_OK;
	size_t size = 0, nsize = 0;

	if (!f) {
		cli_error("cannot open batch file %s: %s", file, strerror(errno));
		return CLI_EUSAGE;
	}
	while (getline(&line, &size, f) != -1) {
		first = ++lineno;
		/* Lines ending with a backslash go on on the next. */
		while (batch_continues(line) && getline(&next, &nsize, f) != -1) {
			lineno++;
			grown = realloc(line, strlen(line) + strlen(next) + 1);
			if (!grown) {
				cli_error("out of memory");
				status = CLI_EFAIL;
				goto out;
			}
			line = grown;
			size = strlen(line) + strlen(next) + 1;
			strcat(line, next);
		}
		argc = batch_split(line, argv, ARRAY_SIZE(argv));
		if (argc == 0)
			continue;
		if (argc == -E2BIG) {
			cli_error("more than %d words", BATCH_MAX_WORDS);
			ret = CLI_EUSAGE;
		} else if (argc < 0) {
			cli_error("unterminated quote");
			ret = CLI_EUSAGE;
		} else {
			ret = run_command(argc, argv);
		}
		if (ret == CLI_OK)
			continue;
		fprintf(stderr, "Command failed %s:%u\n", file, first);
		if (status == CLI_OK)
			status = ret;
		if (!force)
			break;
	}
out:
	free(next);
	free(line);
	if (f != stdin)
		fclose(f);
	return status;
}

int main(int argc, char **argv)
{
	bool json = false, pretty = false, force = false;
	const char *batch = NULL, *opt;
	int ret;

	for (argc--, argv++; argc && argv[0][0] == '-'; argc--, argv++) {
		opt = argv[0] + 1;
		/* "--json" as well as "-json" */
		if (*opt == '-')
			opt++;
		if (!strcmp(opt, "j") || !strcmp(opt, "json")) {
			json = true;
			tc_opt("-j");
		} else if (!strcmp(opt, "p") || !strcmp(opt, "pretty")) {
			pretty = true;
			tc_opt("-p");
		} else if (!strcmp(opt, "s") || !strcmp(opt, "stats") ||
			   !strcmp(opt, "statistics")) {
			cli_stats = true;
			tc_opt("-s");
		} else if (!strcmp(opt, "t") || !strcmp(opt, "timestamp")) {
			mon_timestamp = true;
			tc_opt("-t");
		} else if (!strcmp(opt, "force")) {
			force = true;
		} else if (!strcmp(opt, "batch")) {
			if (argc < 2) {
				cli_error("-batch needs a file name");
				return CLI_EUSAGE;
			}
			batch = *++argv;
			argc--;
		} else if (!strcmp(opt, "V") || !strcmp(opt, "Version")) {
			printf("p4tc utility, libp4tc %s\n", p4tc_version_string());
			return CLI_OK;
		} else if (!strcmp(opt, "h") || !strcmp(opt, "help")) {
			usage(stdout);
			return CLI_OK;
		} else {
			cli_error("unknown option \"%s\": try \"p4tc help\"", argv[0]);
			return CLI_EUSAGE;
		}
	}
	out_init(json, pretty);

	if (batch && argc) {
		cli_error("-batch takes no command: \"%s\"", argv[0]);
		ret = CLI_EUSAGE;
	} else if (batch) {
		ret = run_batch(batch, force);
	} else if (!argc) {
		usage(stderr);
		ret = CLI_EUSAGE;
	} else {
		ret = run_command(argc, argv);
	}
	p4tc_close(handle);
	return ret;
}
