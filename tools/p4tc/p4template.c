// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc p4template: pipelines, action templates and tables.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "p4tc.h"

enum verb {
	VERB_CREATE,
	VERB_UPDATE,
	VERB_GET,
	VERB_DEL,
};

static const struct {
	const char *name;
	enum verb verb;
} verbs[] = {
	{ "create", VERB_CREATE },
	{ "update", VERB_UPDATE },
	{ "get", VERB_GET },
	{ "del", VERB_DEL },
	{ "delete", VERB_DEL },
};

static void p4template_usage(void)
{
	printf("Usage: p4tc p4template create pipeline/NAME [pipeid ID] [numtables N]\n"
	       "       p4tc p4template update pipeline/NAME [numtables N] [state ready]\n"
	       "       p4tc p4template get pipeline/[NAME] [pipeid ID]\n"
	       "       p4tc p4template del pipeline/NAME\n"
	       "       p4tc p4template create action/PIPE/[CB/]ACT [actid ID] [PARAM]...\n"
	       "       p4tc p4template update action/PIPE/[CB/]ACT [state active|inactive] [PARAM]...\n"
	       "       p4tc p4template get action/PIPE/[[CB/]ACT] [actid ID]\n"
	       "       p4tc p4template del action/PIPE/[CB/]ACT\n"
	       "       p4tc p4template create table/PIPE/CB/TBL [tblid ID] [TABLE_OPTS] [KEY]...\n"
	       "       p4tc p4template update table/PIPE/CB/TBL [TABLE_OPTS] [KEY]...\n"
	       "       p4tc p4template get table/PIPE/[CB/TBL] [tblid ID]\n"
	       "       p4tc p4template del table/PIPE/CB/TBL\n"
	       "PARAM := param NAME type TYPE [id ID]\n"
	       "TABLE_OPTS := [type exact] [keysz BITS] [tentries N] [nummasks N] [permissions 0xPERM]\n"
	       "KEY := key NAME type TYPE [match exact]\n"
	       "TYPE := bit1..bit128 | int1..int128 | be16 | be32 | be64 | macaddr | ipv4 |\n"
	       "        ipv6 | dev | bool\n"
	       "\"delete\" is \"del\".\n");
}

/* Parse "type TYPE" after a param or key name. */
static int parse_type(struct args *a, const char *what, const char *name,
		      __u32 *type, __u16 *bitsz)
{
	const char *kw = args_next(a), *val;
	int err;

	if (!kw || strcmp(kw, "type"))
		return args_error(a, "%s %s needs \"type TYPE\"", what, name);
	err = args_value(a, "type", &val);
	if (err)
		return err;
	if (p4tc_type_parse(val, type, bitsz))
		return args_error(a, "%s %s: unknown type \"%s\"", what, name, val);
	return CLI_OK;
}

/* Pipelines */

static void print_pipeline(const struct p4tc_pipeline *p)
{
	bool ready = p->state == P4TC_PIPELINE_STATE_READY;

	out_open_object(NULL);
	out_str("pname", "pipeline %s", p->name);
	out_uint("pipeid", " pipeid %llu\n", p->id);
	out_uint("numtables", "\tnumtables %llu", p->numtables);
	out_uint("curtables", " curtables %llu", p->curtables);
	out_str("pstate", " state %s", ready ? "ready" : "not ready");
	out_uint("users", " users %llu\n", p->users);
	out_close_object();
}

static int print_pipeline_cb(const struct p4tc_pipeline *p, void *ctx)
{
	(void)ctx;
	print_pipeline(p);
	return 0;
}

static int pipeline_cmd(enum verb verb, const char *path, struct args *a)
{
	struct p4tc_pipeline p = {};
	struct p4tc_handle *h;
	const char *kw, *val;
	__u32 n;
	int err;

	if (strchr(path, '/'))
		return args_error(a, "a pipeline name has no '/'");
	if (path[0]) {
		err = args_name(a, "pipeline", path, p.name);
		if (err)
			return err;
	} else if (verb == VERB_CREATE || verb == VERB_UPDATE) {
		return args_error(a, "pipeline name missing: pipeline/NAME");
	}

	while ((kw = args_next(a))) {
		if (!strcmp(kw, "pipeid") && verb != VERB_UPDATE) {
			err = args_u32(a, kw, UINT32_MAX, &p.id);
		} else if (!strcmp(kw, "numtables") &&
			   (verb == VERB_CREATE || verb == VERB_UPDATE)) {
			err = args_u32(a, kw, UINT16_MAX, &n);
			p.numtables = n;
			p.has |= P4TC_PIPELINE_HAS_NUMTABLES;
		} else if (!strcmp(kw, "state") && verb == VERB_UPDATE) {
			err = args_value(a, kw, &val);
			if (!err && strcmp(val, "ready"))
				err = args_error(a, "state \"%s\": a pipeline can only become \"ready\"",
						 val);
			p.state = P4TC_PIPELINE_STATE_READY;
			p.has |= P4TC_PIPELINE_HAS_STATE;
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
		if (err)
			return err;
	}
	if (verb == VERB_DEL && !p.name[0] && !p.id)
		return args_error(a, "which pipeline? pipeline/NAME or pipeid ID");

	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	switch (verb) {
	case VERB_CREATE:
		err = p4tc_pipeline_create(h, &p);
		break;
	case VERB_UPDATE:
		err = p4tc_pipeline_update(h, &p);
		break;
	case VERB_DEL:
		err = p4tc_pipeline_delete(h, &p);
		break;
	case VERB_GET:
		out_begin();
		if (p.name[0] || p.id) {
			err = p4tc_pipeline_get(h, &p);
			if (!err)
				print_pipeline(&p);
		} else {
			err = p4tc_pipeline_dump(h, print_pipeline_cb, NULL);
		}
		out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* Actions */

static void print_action(const char *pname, const struct p4tc_action *act)
{
	unsigned int i;

	out_open_object(NULL);
	out_str("pname", "action %s/", pname);
	out_str("actname", "%s", act->name);
	out_uint("actid", " actid %llu", act->id);
	out_bool("active", " active %s\n", act->active);
	out_open_array("params");
	for (i = 0; i < act->nparams; i++) {
		const struct p4tc_param *prm = &act->params[i];

		out_open_object(NULL);
		out_str("name", "\tparam %s", prm->name);
		out_uint("id", " id %llu", prm->id);
		out_type("type", " type %s", prm->type, prm->bitsz);
		out_uint("bitsz", NULL, prm->bitsz);
		out_uint("offset", " offset %llu\n", prm->offset);
		out_close_object();
	}
	out_close_array();
	out_close_object();
}

static int print_action_cb(const struct p4tc_action *act, void *pname)
{
	print_action(pname, act);
	return 0;
}

/* param NAME type TYPE [id ID] */
static int parse_param(struct args *a, struct p4tc_action *act)
{
	struct p4tc_param *prm;
	const char *name;
	char kw[64];
	int err;

	if (act->nparams == P4TC_MAX_PARAMS)
		return args_error(a, "more than %d params", P4TC_MAX_PARAMS);
	prm = &act->params[act->nparams++];
	err = args_value(a, "param", &name);
	if (!err)
		err = args_name(a, "param", name, prm->name);
	if (!err)
		err = parse_type(a, "param", name, &prm->type, &prm->bitsz);
	if (err)
		return err;
	if (a->argc && !strcmp(a->argv[0], "id")) {
		args_next(a);
		snprintf(kw, sizeof(kw), "param %s id", name);
		return args_u32(a, kw, P4TC_MAX_PARAMS, &prm->id);
	}
	return CLI_OK;
}

static int action_cmd(enum verb verb, const char *pname, const char *name,
		      struct args *a)
{
	struct p4tc_action act = {};
	struct p4tc_handle *h;
	const char *kw, *val;
	int err;

	if (name[0]) {
		err = args_name(a, "action", name, act.name);
		if (err)
			return err;
	}
	while ((kw = args_next(a))) {
		if (!strcmp(kw, "actid") && verb != VERB_UPDATE) {
			err = args_u32(a, kw, UINT32_MAX, &act.id);
		} else if (!strcmp(kw, "param") &&
			   (verb == VERB_CREATE || verb == VERB_UPDATE)) {
			err = parse_param(a, &act);
		} else if (!strcmp(kw, "state") && verb == VERB_UPDATE) {
			err = args_value(a, kw, &val);
			if (!err && strcmp(val, "active") && strcmp(val, "inactive"))
				err = args_error(a, "state \"%s\" is neither active nor inactive",
						 val);
			act.active = !err && !strcmp(val, "active");
			act.has |= P4TC_ACTION_HAS_ACTIVE;
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
		if (err)
			return err;
	}
	if (verb != VERB_GET && !act.name[0] && !(verb == VERB_DEL && act.id))
		return args_error(a, "action name missing: action/PIPE/[CB/]ACT");

	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	switch (verb) {
	case VERB_CREATE:
		err = p4tc_action_create(h, pname, &act);
		break;
	case VERB_UPDATE:
		err = p4tc_action_update(h, pname, &act);
		break;
	case VERB_DEL:
		err = p4tc_action_delete(h, pname, &act);
		break;
	case VERB_GET:
		out_begin();
		if (act.name[0] || act.id) {
			err = p4tc_action_get(h, pname, &act);
			if (!err)
				print_action(pname, &act);
		} else {
			err = p4tc_action_dump(h, pname, print_action_cb, (void *)pname);
		}
		out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* Tables */

static void print_table(const char *pname, const struct p4tc_table *t)
{
	unsigned int i;

	out_open_object(NULL);
	out_str("pname", "table %s/", pname);
	out_str("tblname", "%s", t->name);
	out_uint("tblid", " tblid %llu\n", t->id);
	out_match("type", "\ttype %s", t->type);
	out_uint("keysz", " keysz %llu", t->keysz);
	out_uint("tentries", " tentries %llu", t->tentries);
	out_uint("nummasks", " nummasks %llu", t->nummasks);
	out_permissions("permissions", " permissions %s", t->permissions);
	out_uint("nentries", " nentries %llu\n", t->nentries);
	out_open_array("keyfields");
	for (i = 0; i < t->nkeyfields; i++) {
		const struct p4tc_keyfield *kf = &t->keyfields[i];

		out_open_object(NULL);
		out_str("name", "\tkey %s", kf->name);
		out_uint("id", " id %llu", kf->id);
		out_type("type", " type %s", kf->type, kf->bitsz);
		out_uint("width", NULL, kf->bitsz);
		out_match("match_type", " match %s\n", kf->match);
		out_close_object();
	}
	out_close_array();
	out_close_object();
}

static int print_table_cb(const struct p4tc_table *t, void *pname)
{
	print_table(pname, t);
	return 0;
}

/* key NAME type TYPE [match exact] */
static int parse_key(struct args *a, struct p4tc_table *t)
{
	struct p4tc_keyfield *kf;
	const char *name, *val;
	int err;

	if (t->nkeyfields == P4TC_MAX_KEY_FIELDS)
		return args_error(a, "more than %d key fields", P4TC_MAX_KEY_FIELDS);
	kf = &t->keyfields[t->nkeyfields++];
	err = args_value(a, "key", &name);
	if (!err)
		err = args_name(a, "key field", name, kf->name);
	if (!err)
		err = parse_type(a, "key field", name, &kf->type, &kf->bitsz);
	if (err)
		return err;
	kf->match = P4TC_MATCH_EXACT;
	if (a->argc && !strcmp(a->argv[0], "match")) {
		args_next(a);
		err = args_value(a, "match", &val);
		if (!err && strcmp(val, "exact"))
			return args_error(a, "key field %s: match \"%s\" is not exact",
					  name, val);
	}
	return err;
}

/* The options create and update share. */
static int parse_table_opt(struct args *a, const char *kw, struct p4tc_table *t)
{
	const char *val;
	__u32 n;
	int err;

	if (!strcmp(kw, "type")) {
		err = args_value(a, kw, &val);
		if (!err && strcmp(val, "exact"))
			return args_error(a, "type \"%s\" is not exact", val);
		t->type = P4TC_TABLE_TYPE_EXACT;
		t->has |= P4TC_TABLE_HAS_TYPE;
	} else if (!strcmp(kw, "keysz")) {
		err = args_u32(a, kw, P4TC_MAX_KEYSZ, &t->keysz);
		t->has |= P4TC_TABLE_HAS_KEYSZ;
	} else if (!strcmp(kw, "tentries")) {
		err = args_u32(a, kw, UINT32_MAX, &t->tentries);
		t->has |= P4TC_TABLE_HAS_TENTRIES;
	} else if (!strcmp(kw, "nummasks")) {
		err = args_u32(a, kw, UINT32_MAX, &t->nummasks);
		t->has |= P4TC_TABLE_HAS_NUMMASKS;
	} else if (!strcmp(kw, "permissions")) {
		err = args_u32(a, kw, 0x3fff, &n);
		t->permissions = n;
		t->has |= P4TC_TABLE_HAS_PERMISSIONS;
	} else if (!strcmp(kw, "key")) {
		err = parse_key(a, t);
	} else {
		err = args_error(a, "unexpected \"%s\"", kw);
	}
	return err;
}

static int table_cmd(enum verb verb, const char *pname, const char *name,
		     struct args *a)
{
	struct p4tc_table t = {};
	struct p4tc_handle *h;
	const char *kw;
	int err;

	if (name[0]) {
		err = args_name(a, "table", name, t.name);
		if (err)
			return err;
	}
	while ((kw = args_next(a))) {
		if (!strcmp(kw, "tblid") && verb != VERB_UPDATE)
			err = args_u32(a, kw, UINT32_MAX, &t.id);
		else if (verb == VERB_CREATE || verb == VERB_UPDATE)
			err = parse_table_opt(a, kw, &t);
		else
			err = args_error(a, "unexpected \"%s\"", kw);
		if (err)
			return err;
	}
	if (verb != VERB_GET && !t.name[0] && !(verb == VERB_DEL && t.id))
		return args_error(a, "table name missing: table/PIPE/CB/TBL");

	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	switch (verb) {
	case VERB_CREATE:
		err = p4tc_table_create(h, pname, &t);
		break;
	case VERB_UPDATE:
		err = p4tc_table_update(h, pname, &t);
		break;
	case VERB_DEL:
		err = p4tc_table_delete(h, pname, &t);
		break;
	case VERB_GET:
		out_begin();
		if (t.name[0] || t.id) {
			err = p4tc_table_get(h, pname, &t);
			if (!err)
				print_table(pname, &t);
		} else {
			err = p4tc_table_dump(h, pname, print_table_cb, (void *)pname);
		}
		out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/*
 * PIPE/NAME of an action or table: the pipeline into @pname, the rest in
 * *@name ("" if there is none).
 */
static int split_pipeline(struct args *a, const char *objtype, const char *path,
			  char *pname, const char **name)
{
	const char *slash = strchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : strlen(path);

	if (!len)
		return args_error(a, "pipeline name missing: %s/PIPE/...", objtype);
	if (len >= P4TC_NAME_LEN)
		return args_error(a, "pipeline name is longer than %d characters",
				  P4TC_NAME_LEN - 1);
	memcpy(pname, path, len);
	pname[len] = '\0';
	*name = slash ? slash + 1 : "";
	return CLI_OK;
}

static int action_path_cmd(enum verb verb, const char *path, struct args *a)
{
	char pname[P4TC_NAME_LEN];
	const char *name;

	return split_pipeline(a, "action", path, pname, &name) ?:
	       action_cmd(verb, pname, name, a);
}

static int table_path_cmd(enum verb verb, const char *path, struct args *a)
{
	char pname[P4TC_NAME_LEN];
	const char *name;

	return split_pipeline(a, "table", path, pname, &name) ?:
	       table_cmd(verb, pname, name, a);
}

/* Object types, and their commands given what follows "TYPE/". */
static const struct {
	const char *name;
	int (*cmd)(enum verb verb, const char *path, struct args *a);
} objtypes[] = {
	{ "pipeline", pipeline_cmd },
	{ "action", action_path_cmd },
	{ "table", table_path_cmd },
};

int p4template_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv };
	const char *verbword, *path, *slash;
	unsigned int i, j;
	size_t typelen;
	char obj[128];

	verbword = args_next(&a);
	if (!verbword) {
		p4template_usage();
		return CLI_EUSAGE;
	}
	if (!strcmp(verbword, "help")) {
		p4template_usage();
		return CLI_OK;
	}
	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (!strcmp(verbword, verbs[i].name))
			break;
	if (i == ARRAY_SIZE(verbs))
		return args_error(&a, "p4template: unknown command \"%s\": expected create, update, get or del",
				  verbword);

	path = args_next(&a);
	if (!path)
		return args_error(&a, "p4template %s: which object? pipeline/..., action/... or table/...",
				  verbword);
	slash = strchr(path, '/');
	if (!slash)
		return args_error(&a, "\"%s\": expected pipeline/..., action/... or table/...",
				  path);
	typelen = slash - path;
	for (j = 0; j < ARRAY_SIZE(objtypes); j++)
		if (strlen(objtypes[j].name) == typelen && !strncmp(path, objtypes[j].name, typelen))
			break;
	if (j == ARRAY_SIZE(objtypes))
		return args_error(&a, "unknown object type \"%.*s\": expected pipeline, action or table",
				  (int)typelen, path);
	/* Messages name the object as typed, e.g. "table ptables/cb/t". */
	if (slash[1]) {
		snprintf(obj, sizeof(obj), "%s %s", objtypes[j].name, slash + 1);
		a.obj = obj;
	}
	return objtypes[j].cmd(verbs[i].verb, slash + 1, &a);
}
