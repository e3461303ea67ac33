// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc p4ctrl: table entries. Keys and parameter values are encoded with
 * the table's key schema and the action templates read from the kernel.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

/* "0x" and two digits per byte of the largest key, and the NUL. */
#define HEX_STR_SIZE (2 + 2 * P4TC_MAX_KEYSZ / 8 + 1)

/* A command on one table. */
struct ctrl {
	struct args *a;
	struct p4tc_handle *h;
	const char *pname;
	struct p4tc_table table;
	/* the pipeline's action templates, once loaded */
	struct p4tc_action *actions;
	unsigned int nactions;
};

static void p4ctrl_usage(void)
{
	printf("Usage: p4tc p4ctrl create PIPE/table/CB/TBL KEY [ACTION]\n"
	       "       p4tc p4ctrl update PIPE/table/CB/TBL KEY [ACTION]\n"
	       "       p4tc p4ctrl get PIPE/table/CB/TBL [KEY]\n"
	       "       p4tc p4ctrl delete PIPE/table/CB/TBL [KEY]\n"
	       "       p4tc p4ctrl create PIPE/table/CB/TBL help\n"
	       "KEY := FIELD VALUE [FIELD VALUE]...   (every key field of the table)\n"
	       "ACTION := action [PIPE/][CB/]ACT [param NAME VALUE]...\n"
	       "get without KEY shows every entry; delete without KEY deletes them all;\n"
	       "help shows the table's key fields and the pipeline's actions.\n"
	       "\"del\" is \"delete\".\n");
}

static void hex_str(const __u8 *bytes, size_t len, char *buf)
{
	size_t i;

	strcpy(buf, "0x");
	for (i = 0; i < len; i++)
		sprintf(buf + 2 + 2 * i, "%02x", bytes[i]);
}

static int load_action_cb(const struct p4tc_action *act, void *data)
{
	struct ctrl *c = data;
	struct p4tc_action *actions;

	actions = realloc(c->actions, (c->nactions + 1) * sizeof(*actions));
	if (!actions)
		return -ENOMEM;
	actions[c->nactions++] = *act;
	c->actions = actions;
	return 0;
}

static int load_actions(struct ctrl *c)
{
	int err = p4tc_action_dump(c->h, c->pname, load_action_cb, c);

	return err < 0 ? cli_fail(err) : CLI_OK;
}

static const struct p4tc_action *find_action(const struct ctrl *c, __u32 id,
					     const char *name)
{
	unsigned int i;

	for (i = 0; i < c->nactions; i++)
		if ((id && c->actions[i].id == id) ||
		    (!id && !strcmp(c->actions[i].name, name)))
			return &c->actions[i];
	return NULL;
}

/*
 * An action as the user wrote it: its name ("cb/act" or "act"), the same
 * with the pipeline in front, or "act" alone if only one "cb/act" has it.
 */
static int resolve_action(const struct ctrl *c, const char *name,
			  const struct p4tc_action **actp)
{
	size_t plen = strlen(c->pname), nlen = strlen(name), alen;
	const struct p4tc_action *found = NULL;
	unsigned int i;

	*actp = find_action(c, 0, name);
	if (*actp)
		return CLI_OK;
	if (!strncmp(name, c->pname, plen) && name[plen] == '/') {
		*actp = find_action(c, 0, name + plen + 1);
		if (*actp)
			return CLI_OK;
	}
	if (!strchr(name, '/')) {
		for (i = 0; i < c->nactions; i++) {
			alen = strlen(c->actions[i].name);
			if (alen <= nlen || c->actions[i].name[alen - nlen - 1] != '/' ||
			    strcmp(c->actions[i].name + alen - nlen, name))
				continue;
			if (found)
				return args_error(c->a, "action \"%s\" is ambiguous: %s or %s",
						  name, found->name, c->actions[i].name);
			found = &c->actions[i];
		}
	}
	if (!found)
		return args_error(c->a, "pipeline %s has no action \"%s\"", c->pname, name);
	*actp = found;
	return CLI_OK;
}

/* Whether the key of @t is the implicit field written in hex. */
static bool key_is_hex(const struct p4tc_table *t)
{
	return !t->nkeyfields && t->keysz > P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS;
}

/* The index of key field @name, or -1. */
static int find_key_field(const struct p4tc_table *t, const char *name)
{
	struct p4tc_keyfield kf;
	int i, n = p4tc_key_nfields(t);

	for (i = 0; i < n; i++)
		if (!p4tc_key_field(t, i, &kf) && !strcmp(kf.name, name))
			return i;
	return -1;
}

/*
 * Parse FIELD VALUE pairs into @e's key, up to the first word that is not
 * a key field; then either every field or, if @optional, none was given.
 */
static int parse_key(struct ctrl *c, struct p4tc_entry *e, bool optional)
{
	bool given[P4TC_MAX_KEY_FIELDS] = {};
	const struct p4tc_table *t = &c->table;
	int i, n, keylen, ngiven = 0, err;
	struct p4tc_keyfield kf;
	char what[64];
	const char *val;

	keylen = p4tc_key_size(t);
	n = p4tc_key_nfields(t);
	if (keylen < 0 || n < 0)
		return args_error(c->a, "the table's keysz %u is not usable", t->keysz);
	e->keylen = keylen;
	while (c->a->argc && (i = find_key_field(t, c->a->argv[0])) >= 0) {
		p4tc_key_field(t, i, &kf);
		err = args_value(c->a, args_next(c->a), &val);
		if (err)
			return err;
		if (given[i])
			return args_error(c->a, "key field %s given twice", kf.name);
		err = p4tc_key_field_parse(t, i, val, e->key, e->keylen);
		if (err && key_is_hex(t))
			return args_error(c->a, "key: \"%s\" is not 0x and %d hex digits",
					  val, 2 * keylen);
		snprintf(what, sizeof(what), "key field %s", kf.name);
		if (err)
			return args_value_error(c->a, what, val, kf.type, kf.bitsz, err);
		given[i] = true;
		ngiven++;
	}
	if (!ngiven && optional) {
		e->keylen = 0;
		return CLI_OK;
	}
	for (i = 0; i < n; i++) {
		p4tc_key_field(t, i, &kf);
		if (!given[i])
			return args_error(c->a, "key field %s missing", kf.name);
	}
	return CLI_OK;
}

/* action ACT [param NAME VALUE]..., after the word "action" */
static int parse_action(struct ctrl *c, struct p4tc_entry *e)
{
	bool given[P4TC_MAX_PARAMS] = {};
	const struct p4tc_action *act;
	const struct p4tc_param *prm;
	const char *name, *pname, *val;
	struct p4tc_param_value *pv;
	unsigned int i;
	char what[64];
	int err;

	err = args_value(c->a, "action", &name);
	if (!err)
		err = resolve_action(c, name, &act);
	if (err)
		return err;
	strcpy(e->action_name, act->name);
	while (c->a->argc && !strcmp(c->a->argv[0], "param")) {
		args_next(c->a);
		err = args_value(c->a, "param", &pname);
		if (!err)
			err = args_value(c->a, pname, &val);
		if (err)
			return err;
		for (i = 0; i < act->nparams && strcmp(act->params[i].name, pname); i++)
			;
		if (i == act->nparams)
			return args_error(c->a, "action %s has no param \"%s\"", act->name, pname);
		if (given[i])
			return args_error(c->a, "param %s given twice", pname);
		given[i] = true;
		prm = &act->params[i];
		pv = &e->params[e->nparams++];
		strcpy(pv->name, prm->name);
		err = p4tc_value_parse(prm->type, prm->bitsz, val, pv->value, sizeof(pv->value));
		snprintf(what, sizeof(what), "param %s", pname);
		if (err < 0)
			return args_value_error(c->a, what, val, prm->type, prm->bitsz, err);
		pv->len = err;
	}
	return CLI_OK;
}

static int no_more_words(struct ctrl *c)
{
	if (c->a->argc)
		return args_error(c->a, "unexpected \"%s\"", c->a->argv[0]);
	return CLI_OK;
}

/* create ... help */
static void print_help(const struct ctrl *c)
{
	const struct p4tc_table *t = &c->table;
	char type[32];
	struct p4tc_keyfield kf;
	unsigned int i, j;
	int n = p4tc_key_nfields(t);

	printf("Key of table %s/%s (keysz %u):\n", c->pname, t->name, t->keysz);
	for (i = 0; n > 0 && i < (unsigned int)n; i++) {
		p4tc_key_field(t, i, &kf);
		if (key_is_hex(t))
			snprintf(type, sizeof(type), "0x and %d hex digits", 2 * p4tc_key_size(t));
		else
			type_name(kf.type, kf.bitsz, type, sizeof(type));
		printf("\t%s %s\n", kf.name, type);
	}
	printf("Actions of pipeline %s:\n", c->pname);
	for (i = 0; i < c->nactions; i++) {
		printf("\taction %s", c->actions[i].name);
		for (j = 0; j < c->actions[i].nparams; j++) {
			const struct p4tc_param *prm = &c->actions[i].params[j];

			printf(" param %s %s", prm->name,
			       type_name(prm->type, prm->bitsz, type, sizeof(type)));
		}
		printf("\n");
	}
}

static int create_cmd(struct ctrl *c, bool update)
{
	struct p4tc_entry e = {};
	int err;

	if (c->a->argc == 1 && !strcmp(c->a->argv[0], "help")) {
		err = load_actions(c);
		if (!err)
			print_help(c);
		return err;
	}
	strcpy(e.table_name, c->table.name);
	err = parse_key(c, &e, false);
	if (err)
		return err;
	if (c->a->argc && !strcmp(c->a->argv[0], "action")) {
		args_next(c->a);
		err = load_actions(c);
		if (!err)
			err = parse_action(c, &e);
		if (err)
			return err;
	}
	err = no_more_words(c);
	if (err)
		return err;
	err = update ? p4tc_entry_update(c->h, c->pname, &e) :
		       p4tc_entry_create(c->h, c->pname, &e);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

static void print_key(const struct ctrl *c, const struct p4tc_entry *e)
{
	char val[HEX_STR_SIZE], hex[HEX_STR_SIZE];
	const struct p4tc_table *t = &c->table;
	struct p4tc_keyfield kf;
	int i, n = p4tc_key_nfields(t);

	hex_str(e->key, e->keylen, hex);
	out_open_array("key");
	for (i = 0; i < n; i++) {
		p4tc_key_field(t, i, &kf);
		if (p4tc_key_field_str(t, i, e->key, e->keylen, val, sizeof(val)) < 0)
			strcpy(val, hex);
		out_open_object(NULL);
		out_str("keyfield", "\tkey %s", kf.name);
		out_uint("id", " id %llu", kf.id);
		out_uint("width", " width %llu", kf.bitsz);
		out_type("type", " type %s", kf.type, kf.bitsz);
		out_match("match_type", " match %s", kf.match);
		out_value("fieldval", " fieldval %s\n", val);
		out_close_object();
	}
	out_close_array();
}

static void print_param_value(const struct p4tc_action *act,
			      const struct p4tc_param_value *pv)
{
	const struct p4tc_param *prm = NULL;
	char val[HEX_STR_SIZE];
	unsigned int i;

	for (i = 0; act && i < act->nparams; i++)
		if ((pv->id && act->params[i].id == pv->id) ||
		    (!pv->id && !strcmp(act->params[i].name, pv->name)))
			prm = &act->params[i];
	if (!prm || p4tc_value_str(prm->type, prm->bitsz, pv->value, pv->len,
				   val, sizeof(val)) < 0)
		hex_str(pv->value, pv->len, val);
	out_open_object(NULL);
	out_str("name", "\t\tparam %s", prm ? prm->name : pv->name);
	if (prm)
		out_type("type", " type %s", prm->type, prm->bitsz);
	else
		out_str("type", " type %s", "unknown");
	out_value("value", " value %s\n", val);
	out_close_object();
}

static void print_entry(const struct ctrl *c, const struct p4tc_entry *e)
{
	const struct p4tc_action *act;
	unsigned int i;

	out_open_object(NULL);
	out_uint("tblid", "entry tblid %llu", e->table_id ?: c->table.id);
	out_str("tblname", " table %s\n", e->table_name[0] ? e->table_name : c->table.name);
	print_key(c, e);
	if (e->action_id || e->action_name[0]) {
		act = find_action(c, e->action_id, e->action_name);
		out_open_object("actions");
		out_str("actname", "\taction %s", e->action_name[0] ? e->action_name :
							   act ? act->name : "");
		out_uint("actid", " actid %llu\n", e->action_id ?: act ? act->id : 0);
		out_open_array("params");
		for (i = 0; i < e->nparams; i++)
			print_param_value(act, &e->params[i]);
		out_close_array();
		out_close_object();
	}
	out_close_object();
}

static int print_entry_cb(const struct p4tc_entry *e, void *data)
{
	print_entry(data, e);
	return 0;
}

/* get and delete: the table's key, or nothing for all its entries. */
static int parse_lookup_key(struct ctrl *c, struct p4tc_entry *e)
{
	int err;

	strcpy(e->table_name, c->table.name);
	err = parse_key(c, e, true);
	return err ?: no_more_words(c);
}

static int get_cmd(struct ctrl *c)
{
	struct p4tc_pipeline p = {};
	struct p4tc_entry e = {};
	int err;

	err = parse_lookup_key(c, &e);
	if (err)
		return err;
	err = load_actions(c);
	if (err)
		return err;
	strcpy(p.name, c->pname);
	err = p4tc_pipeline_get(c->h, &p);
	if (!err && e.keylen)
		err = p4tc_entry_get(c->h, c->pname, &e);
	if (err)
		return cli_fail(err);

	out_begin();
	out_open_object(NULL);
	out_str("pname", "pipeline %s", p.name);
	out_uint("pipeid", " pipeid %llu\n", p.id);
	out_close_object();
	out_open_object(NULL);
	out_open_array("entries");
	if (e.keylen)
		print_entry(c, &e);
	else
		err = p4tc_entry_dump(c->h, c->pname, &c->table, print_entry_cb, c);
	out_close_array();
	out_close_object();
	out_end();
	return err < 0 ? cli_fail(err) : CLI_OK;
}

static int delete_cmd(struct ctrl *c)
{
	struct p4tc_entry e = {};
	int err;

	err = parse_lookup_key(c, &e);
	if (err)
		return err;
	if (e.keylen) {
		err = p4tc_entry_delete(c->h, c->pname, &e);
		return err < 0 ? cli_fail(err) : CLI_OK;
	}
	err = p4tc_entry_flush(c->h, c->pname, &c->table);
	if (err < 0)
		return cli_fail(err);
	if (out_json()) {
		out_begin();
		out_open_object(NULL);
		out_str("pname", NULL, c->pname);
		out_str("tblname", NULL, c->table.name);
		out_uint("tblid", NULL, c->table.id);
		out_uint("flushed", NULL, err);
		out_close_object();
		out_end();
	}
	return CLI_OK;
}

/* PIPE/table/CB/TBL: the pipeline into @pname, the table into @c->table. */
static int parse_path(struct ctrl *c, const char *path, char *pname)
{
	const char *type, *name;
	size_t len;

	type = strchr(path, '/');
	name = type ? strchr(type + 1, '/') : NULL;
	if (!name)
		return args_error(c->a, "\"%s\": expected PIPE/table/CB/TBL", path);
	len = type - path;
	if (!len || len >= P4TC_NAME_LEN)
		return args_error(c->a, "\"%s\": the pipeline name must have 1 to %d characters",
				  path, P4TC_NAME_LEN - 1);
	memcpy(pname, path, len);
	pname[len] = '\0';
	type++;
	if ((size_t)(name - type) != strlen("table") || strncmp(type, "table", name - type))
		return args_error(c->a, "\"%s\": unknown object type \"%.*s\", expected table",
				  path, (int)(name - type), type);
	return args_name(c->a, "table", name + 1, c->table.name);
}

int p4ctrl_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv };
	struct ctrl c = { .a = &a };
	const char *verb, *path;
	char pname[P4TC_NAME_LEN], obj[128];
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
		return args_error(&a, "p4ctrl %s: which table? PIPE/table/CB/TBL", verb);
	err = parse_path(&c, path, pname);
	if (err)
		return err;
	snprintf(obj, sizeof(obj), "table %s/%s", pname, c.table.name);
	a.obj = obj;
	c.pname = pname;

	c.h = cli_handle();
	if (!c.h)
		return CLI_EFAIL;
	err = p4tc_table_get(c.h, pname, &c.table);
	if (err)
		return cli_fail(err);
	if (!strcmp(verb, "create") || !strcmp(verb, "update"))
		err = create_cmd(&c, !strcmp(verb, "update"));
	else if (!strcmp(verb, "get"))
		err = get_cmd(&c);
	else
		err = delete_cmd(&c);
	free(c.actions);
	return err;
}
