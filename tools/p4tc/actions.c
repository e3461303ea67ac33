// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc actions: instances of P4 actions, in the grammar of tc actions
 * (upstream P4TC's P4 actions are tc action kinds "PIPE/ACT"). Entries and
 * default actions use an instance with "action ACT index N".
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

/* A command on the instances of one action. */
struct acts {
	struct entry_ctx ec;
	struct p4tc_handle *h;
	const struct p4tc_action *act;
	char pname[P4TC_NAME_LEN];
	char obj[3 * P4TC_NAME_LEN];
};

/*
 * Whether an actions command is p4tc's: P4 kinds (PIPE/ACT) are, tc's own
 * kinds ("action gact ...") and commands without a kind are tc's.
 */
bool actions_are_p4(int argc, char **argv)
{
	int i;

	if (argc < 1 || !strcmp(argv[0], "help"))
		return true;
	for (i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "action"))
			return strchr(argv[i + 1], '/');
	return false;
}

static void actions_usage(void)
{
	printf("Usage: p4tc actions { add | change | replace } action PIPE/ACT [PARAM]... [index N]\n"
	       "       p4tc actions { get | delete } action PIPE/ACT index N\n"
	       "       p4tc actions { ls | list | flush } action PIPE/ACT\n"
	       "PARAM := param NAME [type TYPE] [id ID] VALUE\n"
	       "ACT is the action as p4template names it (CB/ACT or ACT). add needs every\n"
	       "param and takes the first free index without one; replace sets every\n"
	       "param of index N (creating it if needed); change only those given.\n"
	       "Entries and default actions use an instance with \"action ACT index N\".\n"
	       "-s shows how many lookups returned each instance. \"del\" is \"delete\".\n");
}

static int no_more_words(struct args *a)
{
	if (a->argc)
		return args_error(a, "unexpected \"%s\"", a->argv[0]);
	return CLI_OK;
}

/* PARAM... and index N, in any order. */
static int parse_inst(struct acts *c, struct p4tc_action_inst *ai, bool all)
{
	bool given[P4TC_MAX_PARAMS] = {};
	struct args *a = c->ec.a;
	int err = CLI_OK;

	while (!err && a->argc) {
		if (!strcmp(a->argv[0], "param")) {
			err = parse_param_value(&c->ec, c->act, given, ai->params, &ai->nparams);
		} else if (!strcmp(a->argv[0], "index") && !ai->index) {
			args_next(a);
			err = args_u32(a, "index", INT_MAX, &ai->index);
			if (!err && !ai->index)
				err = args_error(a, "index 0: action instances go from 1");
		} else {
			err = args_error(a, "unexpected \"%s\"", a->argv[0]);
		}
	}
	if (!err && all)
		err = check_params_given(&c->ec, c->act, given);
	return err;
}

/* index N, and nothing else. */
static int parse_index(struct acts *c, struct p4tc_action_inst *ai)
{
	struct args *a = c->ec.a;
	const char *kw = args_next(a);
	int err;

	if (!kw || strcmp(kw, "index"))
		return args_error(a, "which instance? index N");
	err = args_u32(a, "index", INT_MAX, &ai->index);
	if (!err && !ai->index)
		err = args_error(a, "index 0: action instances go from 1");
	return err ?: no_more_words(a);
}

static void print_inst(const struct acts *c, const struct p4tc_action_inst *ai,
		       unsigned int order)
{
	const struct p4tc_action *act = ctx_find_action(&c->ec, ai->action_id, ai->action_name);
	char kind[3 * P4TC_NAME_LEN];

	snprintf(kind, sizeof(kind), "%s/%s", c->pname, act ? act->name : ai->action_name);
	out_open_object(NULL);
	out_uint("order", "\taction order %llu: ", order);
	out_str("kind", "%s", kind);
	out_uint("actid", NULL, ai->action_id);
	out_uint("index", " index %llu", ai->index);
	/* As tc: the index holds a reference, entries and default actions bind. */
	out_uint("ref", " ref %llu", ai->users + 1ULL);
	out_uint("bind", " bind %llu\n", ai->users);
	print_param_values(act, ai->params, ai->nparams, "\t ");
	print_tm("\t ", ai->created_ms, ai->firstused_ms, ai->lastused_ms);
	if (cli_stats) {
		out_open_object("stats");
		out_uint("bytes", "\tAction statistics:\n\tSent %llu bytes", ai->bytes);
		out_uint("packets", " %llu pkt\n", ai->packets);
		out_close_object();
	}
	out_close_object();
}

/* What ls and get print: the count, then the instances. */
struct list_out {
	struct acts *c;
	struct p4tc_action_inst *insts;
	unsigned int n;
};

static int list_add(const struct p4tc_action_inst *ai, void *data)
{
	struct list_out *o = data;
	struct p4tc_action_inst *grown;

	grown = realloc(o->insts, (o->n + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	grown[o->n++] = *ai;
	o->insts = grown;
	return 0;
}

static void list_print(struct list_out *o)
{
	unsigned int i;

	out_begin();
	out_open_object(NULL);
	out_uint("total acts", "total acts %llu\n", o->n);
	out_close_object();
	out_open_object(NULL);
	out_open_array("actions");
	for (i = 0; i < o->n; i++) {
		out_text("\n");
		print_inst(o->c, &o->insts[i], i);
	}
	out_close_array();
	out_close_object();
	out_end();
}

static int list_cmd(struct acts *c)
{
	struct list_out o = { .c = c };
	int err;

	err = no_more_words(c->ec.a);
	if (err)
		return err;
	err = p4tc_action_inst_dump(c->h, c->pname, c->act->name, list_add, &o);
	if (!err)
		list_print(&o);
	free(o.insts);
	return err ? cli_fail(err) : CLI_OK;
}

static int get_cmd(struct acts *c, struct p4tc_action_inst *ai)
{
	struct list_out o = { .c = c, .insts = ai, .n = 1 };
	int err;

	err = parse_index(c, ai);
	if (err)
		return err;
	err = p4tc_action_inst_get(c->h, c->pname, ai);
	if (err)
		return cli_fail(err);
	list_print(&o);
	return CLI_OK;
}

static int flush_cmd(struct acts *c)
{
	int err;

	err = no_more_words(c->ec.a);
	if (err)
		return err;
	err = p4tc_action_inst_flush(c->h, c->pname, c->act->name);
	if (err < 0)
		return cli_fail(err);
	if (out_json()) {
		out_begin();
		out_open_object(NULL);
		out_str("pname", NULL, c->pname);
		out_str("actname", NULL, c->act->name);
		out_uint("flushed", NULL, err);
		out_close_object();
		out_end();
	}
	return CLI_OK;
}

/* The status of a library call that returns a count, an index or an error. */
static int lib_status(int ret)
{
	return ret < 0 ? cli_fail(ret) : CLI_OK;
}

static int change_cmd(struct acts *c, const char *verb, struct p4tc_action_inst *ai)
{
	int err;

	struct list_out o = { .c = c, .insts = ai, .n = 1 };
	int ret;

	err = parse_inst(c, ai, strcmp(verb, "change"));
	if (!err && strcmp(verb, "add") && !ai->index)
		err = args_error(c->ec.a, "%s: which instance? index N", verb);
	if (!err && !strcmp(verb, "change") && !ai->nparams)
		err = args_error(c->ec.a, "change: nothing to change: give params");
	if (err)
		return err;
	if (!strcmp(verb, "add"))
		ret = p4tc_action_inst_create(c->h, c->pname, ai);
	else if (!strcmp(verb, "replace"))
		ret = p4tc_action_inst_replace(c->h, c->pname, ai);
	else
		ret = p4tc_action_inst_update(c->h, c->pname, ai);
	if (ret < 0)
		return cli_fail(ret);
	/* JSON output says what was made, the index an add took among it. */
	if (!out_json())
		return CLI_OK;
	if (ret > 0)
		ai->index = ret;
	ret = p4tc_action_inst_get(c->h, c->pname, ai);
	if (ret < 0)
		return cli_fail(ret);
	list_print(&o);
	return CLI_OK;
}

static int run(struct acts *c, const char *verb)
{
	struct p4tc_action_inst *ai;
	int err;

	if (!strcmp(verb, "ls") || !strcmp(verb, "list"))
		return list_cmd(c);
	if (!strcmp(verb, "flush"))
		return flush_cmd(c);
	ai = calloc(1, sizeof(*ai));
	if (!ai) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	strcpy(ai->action_name, c->act->name);
	if (!strcmp(verb, "get")) {
		err = get_cmd(c, ai);
	} else if (!strcmp(verb, "delete") || !strcmp(verb, "del")) {
		err = parse_index(c, ai);
		if (!err)
			err = lib_status(p4tc_action_inst_delete(c->h, c->pname, ai));
	} else {
		err = change_cmd(c, verb, ai);
	}
	free(ai);
	return err;
}

/* "action PIPE/ACT": the pipeline and the action template. */
static int parse_kind(struct acts *c, const char *verb)
{
	struct args *a = c->ec.a;
	const char *kw, *kind, *slash;
	int err;

	kw = args_next(a);
	if (!kw || strcmp(kw, "action"))
		return args_error(a, "actions %s: expected \"action PIPE/ACT\"", verb);
	err = args_value(a, "action", &kind);
	if (err)
		return err;
	slash = strchr(kind, '/');
	if (!slash)
		return args_error(a, "action %s: not a P4 action (PIPE/ACT); other kinds are tc's",
				  kind);
	if (slash == kind || slash - kind >= P4TC_NAME_LEN)
		return args_error(a, "action %s: the pipeline name must have 1 to %d characters",
				  kind, P4TC_NAME_LEN - 1);
	memcpy(c->pname, kind, slash - kind);
	c->pname[slash - kind] = '\0';
	c->ec.pname = c->pname;
	snprintf(c->obj, sizeof(c->obj), "action %s", kind);
	a->obj = c->obj;
	c->h = cli_handle();
	if (!c->h)
		return CLI_EFAIL;
	err = ctx_load_actions(&c->ec);
	return err ?: resolve_action(&c->ec, kind, &c->act);
}

int actions_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv };
	struct acts c = { .ec.a = &a };
	const char *verb;
	int err;

	verb = args_next(&a);
	if (!verb) {
		actions_usage();
		return CLI_EUSAGE;
	}
	if (!strcmp(verb, "help")) {
		actions_usage();
		return CLI_OK;
	}
	if (strcmp(verb, "add") && strcmp(verb, "change") && strcmp(verb, "replace") &&
	    strcmp(verb, "get") && strcmp(verb, "delete") && strcmp(verb, "del") &&
	    strcmp(verb, "ls") && strcmp(verb, "list") && strcmp(verb, "flush"))
		return args_error(&a, "actions: unknown command \"%s\": expected add, change, replace, get, delete, ls or flush",
				  verb);
	err = parse_kind(&c, verb);
	if (!err)
		err = run(&c, verb);
	ctx_free(&c.ec);
	return err;
}
