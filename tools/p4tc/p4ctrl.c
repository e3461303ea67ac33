// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc p4ctrl: table entries, the table attributes that change at
 * runtime, and the elements of extern instances. Keys and parameter
 * values are encoded with the table's key schema and the action templates
 * read from the kernel (entry.c), element values with their instance's
 * params (extern.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

/* A command on one table. */
struct ctrl {
	struct entry_ctx ec;
	struct p4tc_handle *h;
	struct p4tc_table table;
};

static void p4ctrl_usage(void)
{
	printf("Usage: p4tc p4ctrl create PIPE/table/CB/TBL ENTRY [entry ENTRY]...\n"
	       "       p4tc p4ctrl update PIPE/table/CB/TBL ENTRY [entry ENTRY]...\n"
	       "       p4tc p4ctrl update PIPE/table/CB/TBL tbl_attrs TBL_ATTR...\n"
	       "       p4tc p4ctrl get PIPE/table/CB/TBL [KEY [prio N] | filter EXPR]\n"
	       "       p4tc p4ctrl delete PIPE/table/CB/TBL [KEY [prio N] [entry KEY [prio N]]... |\n"
	       "                                             filter EXPR]\n"
	       "       p4tc p4ctrl { create | update | get | delete } PIPE/table/CB/TBL help\n"
	       "       p4tc p4ctrl get PIPE/extern/KIND/INST [tc_key NAME N]\n"
	       "       p4tc p4ctrl update PIPE/extern/KIND/INST tc_key NAME N param NAME VALUE\n"
	       "                                                [param NAME VALUE]...\n"
	       "ENTRY := KEY [prio N] [permissions PERM] [dynamic] [aging MS | profile_id N]\n"
	       "         [ACTION]\n"
	       "KEY := FIELD VALUE[/PREFIX|/MASK] [FIELD VALUE[/PREFIX|/MASK]]...\n"
	       "       (every key field; /PREFIX and /MASK in lpm and ternary tables)\n"
	       "ACTION := action [PIPE/][CB/]ACT [param NAME VALUE]...\n"
	       "TBL_ATTR := default_hit_action DEFACT | default_miss_action DEFACT |\n"
	       "            tbl_permissions PERM | timer_profile id N aging MS\n"
	       "DEFACT := [permissions PERM] ACTION | noaction\n"
	       "EXPR := EXPR or EXPR | EXPR xor EXPR | EXPR and EXPR | not EXPR | ( EXPR ) |\n"
	       "        OPERAND { == | != | < | > | <= | >= } VALUE | act.ACT\n"
	       "OPERAND := key.FIELD | param.act.ACT.PARAM | action | prio | msecs_since\n"
	       "get without KEY shows every entry; delete without KEY deletes them all;\n"
	       "with filter EXPR (the rest of the line), only those that pass it;\n"
	       "help shows the table's key fields and allowed actions. An extern element\n"
	       "is named by the instance's key, tc_key NAME N; get without it shows them all.\n"
	       "\"del\" is \"delete\".\n");
}

static int no_more_words(struct ctrl *c)
{
	if (c->ec.a->argc)
		return args_error(c->ec.a, "unexpected \"%s\"", c->ec.a->argv[0]);
	return CLI_OK;
}

/* Entries created, updated or deleted in one batch. */
static int batch_cmd(struct ctrl *c, enum entry_mode mode,
		     int (*fn)(struct p4tc_handle *h, const char *pname,
			       const struct p4tc_entry *entries, __u32 *count,
			       const struct p4tc_entry_batch_opts *opts))
{
	struct p4tc_entry *entries;
	unsigned int n;
	__u32 count;
	int err;

	err = parse_entries(&c->ec, mode, &entries, &n);
	if (err)
		return err;
	count = n;
	err = fn(c->h, c->ec.pname, entries, &count, NULL);
	free(entries);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* update ... tbl_attrs TBL_ATTR... */
static int tbl_attrs_cmd(struct ctrl *c)
{
	struct args *a = c->ec.a;
	struct p4tc_table *t;
	const char *kw;
	int err = CLI_OK;

	t = calloc(1, sizeof(*t));
	if (!t) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	t->id = c->table.id;
	strcpy(t->name, c->table.name);
	while (!err && (kw = args_next(a))) {
		if (!strcmp(kw, "tbl_attrs")) {
			continue;
		} else if (!strcmp(kw, "default_hit_action") &&
			   !(t->has & P4TC_TABLE_HAS_DEFAULT_HIT)) {
			err = parse_defact(&c->ec, kw, &t->default_hit);
			t->has |= P4TC_TABLE_HAS_DEFAULT_HIT;
		} else if (!strcmp(kw, "default_miss_action") &&
			   !(t->has & P4TC_TABLE_HAS_DEFAULT_MISS)) {
			err = parse_defact(&c->ec, kw, &t->default_miss);
			t->has |= P4TC_TABLE_HAS_DEFAULT_MISS;
		} else if (!strcmp(kw, "tbl_permissions") &&
			   !(t->has & P4TC_TABLE_HAS_PERMISSIONS)) {
			err = parse_permissions(a, kw, &t->permissions);
			t->has |= P4TC_TABLE_HAS_PERMISSIONS;
		} else if (!strcmp(kw, "timer_profile")) {
			err = parse_timer_profile(a, t);
		} else {
			err = args_error(a, "tbl_attrs: unexpected \"%s\"", kw);
		}
	}
	if (!err && !t->has && !t->ntimer_profiles)
		err = args_error(a, "tbl_attrs needs default_hit_action, default_miss_action, tbl_permissions or timer_profile");
	if (!err) {
		err = p4tc_table_attrs_update(c->h, c->ec.pname, t);
		err = err < 0 ? cli_fail(err) : CLI_OK;
	}
	free(t);
	return err;
}

/* What a get prints: the pipeline, then its entries or elements, once one is known. */
struct get_out {
	struct entry_ctx *ec;
	const struct p4tc_pipeline *p;
	/* the array they go in: "entries" or "externs" */
	const char *key;
	bool started;
};

static void get_out_start(struct get_out *o)
{
	if (o->started)
		return;
	o->started = true;
	out_begin();
	out_open_object(NULL);
	out_str("pname", "pipeline %s", o->p->name);
	out_uint("pipeid", " pipeid %llu\n", o->p->id);
	out_close_object();
	out_open_object(NULL);
	out_open_array(o->key);
}

static void get_out_end(struct get_out *o, int err)
{
	if (!err)
		get_out_start(o);
	if (!o->started)
		return;
	out_close_array();
	out_close_object();
	if (err)
		out_abort();
	else
		out_end();
}

static int print_entry_cb(const struct p4tc_entry *e, void *data)
{
	struct get_out *o = data;

	get_out_start(o);
	print_entry(o->ec, e);
	return 0;
}

/* "filter EXPR", if it comes next: all the words left. */
static int maybe_filter(struct ctrl *c, struct p4tc_entry_filter **fp)
{
	struct args *a = c->ec.a;
	int err, depth;

	*fp = NULL;
	if (!a->argc || strcmp(a->argv[0], "filter"))
		return CLI_OK;
	args_next(a);
	err = parse_entry_filter(&c->ec, fp);
	if (err)
		return err;
	/* The kernel's limit, checked before anything is printed. */
	depth = p4tc_entry_filter_depth(*fp);
	if (depth > P4TC_FILTER_DEPTH_MAX) {
		p4tc_entry_filter_free(*fp);
		*fp = NULL;
		return args_error(a, "filter: %d levels deep, at most %d (chains of one operator count as balanced)",
				  depth, P4TC_FILTER_DEPTH_MAX);
	}
	return CLI_OK;
}

static int get_cmd(struct ctrl *c)
{
	struct p4tc_entry_filter *f = NULL;
	struct p4tc_pipeline p = {};
	struct p4tc_entry e = {};
	struct get_out o = { .ec = &c->ec, .p = &p, .key = "entries" };
	int err;

	err = maybe_filter(c, &f);
	if (!err && !f)
		err = parse_entry(&c->ec, &e, ENTRY_LOOKUP);
	if (!err)
		err = no_more_words(c);
	if (!err)
		err = ctx_load_actions(&c->ec);
	if (err) {
		p4tc_entry_filter_free(f);
		return err;
	}
	strcpy(p.name, c->ec.pname);
	err = p4tc_pipeline_get(c->h, &p);
	if (!err && e.keylen)
		err = p4tc_entry_get(c->h, c->ec.pname, &e);
	if (err) {
		p4tc_entry_filter_free(f);
		return cli_fail(err);
	}

	/* Nothing is printed if the dump fails before its first entry. */
	if (e.keylen)
		err = print_entry_cb(&e, &o);
	else
		err = p4tc_entry_dump_filter(c->h, c->ec.pname, &c->table, f, print_entry_cb, &o);
	get_out_end(&o, err);
	p4tc_entry_filter_free(f);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

static int flush_cmd(struct ctrl *c)
{
	struct p4tc_entry_filter *f;
	int err;

	err = maybe_filter(c, &f);
	if (!err)
		err = no_more_words(c);
	if (err)
		return err;
	err = p4tc_entry_flush_filter(c->h, c->ec.pname, &c->table, f);
	p4tc_entry_filter_free(f);
	if (err < 0)
		return cli_fail(err);
	if (out_json()) {
		out_begin();
		out_open_object(NULL);
		out_str("pname", NULL, c->ec.pname);
		out_str("tblname", NULL, c->table.name);
		out_uint("tblid", NULL, c->table.id);
		out_uint("flushed", NULL, err);
		out_close_object();
		out_end();
	}
	return CLI_OK;
}

static int delete_cmd(struct ctrl *c)
{
	if (!c->ec.a->argc || !strcmp(c->ec.a->argv[0], "filter"))
		return flush_cmd(c);
	return batch_cmd(c, ENTRY_LOOKUP, p4tc_entry_delete_batch);
}

/* Whether the @len bytes at @s are the word @word. */
static bool is_word(const char *s, size_t len, const char *word)
{
	return len == strlen(word) && !strncmp(s, word, len);
}

/*
 * PIPE/table/CB/TBL or PIPE/extern/KIND/INST: the pipeline into @pname,
 * whether it is an extern's, and what follows the type.
 */
static int parse_path(struct args *a, const char *path, char *pname, bool *ext,
		      const char **name)
{
	const char *type, *slash;
	size_t len;

	type = strchr(path, '/');
	slash = type ? strchr(type + 1, '/') : NULL;
	if (!slash)
		return args_error(a, "\"%s\": expected PIPE/table/CB/TBL or PIPE/extern/KIND/INST",
				  path);
	len = type - path;
	if (!len || len >= P4TC_NAME_LEN)
		return args_error(a, "\"%s\": the pipeline name must have 1 to %d characters",
				  path, P4TC_NAME_LEN - 1);
	memcpy(pname, path, len);
	pname[len] = '\0';
	type++;
	*ext = is_word(type, slash - type, "extern");
	if (!*ext && !is_word(type, slash - type, "table"))
		return args_error(a, "\"%s\": unknown object type \"%.*s\", expected table or extern",
				  path, (int)(slash - type), type);
	*name = slash + 1;
	return CLI_OK;
}

/* An element a get prints, after the pipeline. */
static int print_elem_cb(const struct p4tc_extern_elem *el, void *data)
{
	struct get_out *o = data;

	get_out_start(o);
	print_extern_elem(el);
	return 0;
}

/* get: element @el if @keyed, else every element of its instance. */
static int elem_get(struct p4tc_handle *h, const char *pname, struct p4tc_extern_elem *el,
		    bool keyed)
{
	struct p4tc_pipeline p = {};
	struct get_out o = { .p = &p, .key = "externs" };
	int err;

	strcpy(p.name, pname);
	err = p4tc_pipeline_get(h, &p);
	if (!err && keyed)
		err = p4tc_extern_elem_get(h, pname, el);
	if (err)
		return cli_fail(err);
	if (keyed)
		err = print_elem_cb(el, &o);
	else
		err = p4tc_extern_elem_dump(h, pname, el, print_elem_cb, &o);
	get_out_end(&o, err);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* The command on an element of instance @ei, which only names it yet. */
static int elem_run(struct p4tc_handle *h, const char *verb, const char *pname,
		    struct p4tc_extern_inst *ei, struct p4tc_extern_elem *el, struct args *a)
{
	bool update = !strcmp(verb, "update"), keyed;
	int err;

	/* The instance's params, which values are read with. */
	err = p4tc_extern_inst_get(h, pname, ei);
	if (err)
		return cli_fail(err);
	err = parse_extern_elem(a, ei, update, el, &keyed);
	if (err || !update)
		return err ?: elem_get(h, pname, el, keyed);
	err = p4tc_extern_elem_update(h, pname, el);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* { get | update } PIPE/extern/KIND/INST ...: @path is KIND/INST. */
static int elem_cmd(const char *verb, const char *pname, const char *path, struct args *a)
{
	struct p4tc_extern_inst *ei;
	struct p4tc_extern_elem *el;
	struct p4tc_handle *h;
	char obj[128];
	int err;

	snprintf(obj, sizeof(obj), "extern %s/%s", pname, path);
	a->obj = obj;
	if (strcmp(verb, "get") && strcmp(verb, "update"))
		return args_error(a, "%s: extern elements are read with get and written with update",
				  verb);
	ei = calloc(1, sizeof(*ei));
	el = calloc(1, sizeof(*el));
	if (!ei || !el) {
		cli_error("out of memory");
		err = CLI_EFAIL;
		goto out;
	}
	err = parse_extern_path(a, path, true, ei);
	if (err)
		goto out;
	h = cli_handle();
	err = h ? elem_run(h, verb, pname, ei, el, a) : CLI_EFAIL;
out:
	free(ei);
	free(el);
	return err;
}

static int run(struct ctrl *c, const char *verb)
{
	struct args *a = c->ec.a;

	if (a->argc == 1 && !strcmp(a->argv[0], "help")) {
		int err = ctx_load_actions(&c->ec);

		if (!err)
			print_table_help(stdout, &c->ec);
		return err;
	}
	if (!strcmp(verb, "create"))
		return batch_cmd(c, ENTRY_CREATE, p4tc_entry_create_batch);
	if (!strcmp(verb, "update") && a->argc && !strcmp(a->argv[0], "tbl_attrs"))
		return tbl_attrs_cmd(c);
	if (!strcmp(verb, "update"))
		return batch_cmd(c, ENTRY_UPDATE, p4tc_entry_update_batch);
	if (!strcmp(verb, "get"))
		return get_cmd(c);
	return delete_cmd(c);
}

int p4ctrl_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv };
	char pname[P4TC_NAME_LEN], obj[128];
	const char *verb, *path, *name = NULL;
	struct ctrl *c;
	bool ext;
	int err;

	verb = args_next(&a);
	if (!verb) {
		p4ctrl_usage();
		return CLI_EUSAGE;
	}
	if (!strcmp(verb, "help")) {
		p4ctrl_usage();
		return CLI_OK;
	}
	if (strcmp(verb, "create") && strcmp(verb, "update") && strcmp(verb, "get") &&
	    strcmp(verb, "delete") && strcmp(verb, "del"))
		return args_error(&a, "p4ctrl: unknown command \"%s\": expected create, update, get or delete",
				  verb);
	path = args_next(&a);
	if (!path)
		return args_error(&a, "p4ctrl %s: which table or extern? PIPE/table/CB/TBL or PIPE/extern/KIND/INST",
				  verb);
	err = parse_path(&a, path, pname, &ext, &name);
	if (err || ext)
		return err ?: elem_cmd(verb, pname, name, &a);
	c = calloc(1, sizeof(*c));
	if (!c) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	c->ec.a = &a;
	err = args_name(&a, "table", name, c->table.name);
	if (err)
		goto out;
	snprintf(obj, sizeof(obj), "table %s/%s", pname, c->table.name);
	a.obj = obj;
	c->ec.pname = pname;
	c->ec.t = &c->table;

	c->h = cli_handle();
	if (!c->h) {
		err = CLI_EFAIL;
		goto out;
	}
	err = p4tc_table_get(c->h, pname, &c->table);
	if (err) {
		err = cli_fail(err);
		goto out;
	}
	/* An introspection file wins over the kernel's key schema and actions. */
	err = ctx_introspect(&c->ec, &c->table);
	if (err)
		goto out;
	err = run(c, verb);
out:
	ctx_free(&c->ec);
	free(c);
	return err;
}
