// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc p4template: pipelines, action templates and tables (externs are
 * extern.c's).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

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
	       "       p4tc p4template create action/PIPE/[CB/]ACT [actid ID] [num_prealloc_acts N]\n"
	       "                                                   [PARAM]...\n"
	       "       p4tc p4template update action/PIPE/[CB/]ACT [state active|inactive]\n"
	       "                                                   [num_prealloc_acts N] [PARAM]...\n"
	       "       p4tc p4template get action/PIPE/[[CB/]ACT] [actid ID]\n"
	       "       p4tc p4template del action/PIPE/[[CB/]ACT] [actid ID]\n"
	       "       p4tc p4template create table/PIPE/CB/TBL [tblid ID] [TABLE_ATTR]...\n"
	       "                                                [KEY]... [ENTRY]...\n"
	       "       p4tc p4template update table/PIPE/CB/TBL [TABLE_ATTR]... [KEY]...\n"
	       "       p4tc p4template { create | update } table/PIPE/CB/TBL ENTRY...\n"
	       "       p4tc p4template get table/PIPE/[CB/TBL] [tblid ID]\n"
	       "       p4tc p4template del table/PIPE/[CB/TBL] [tblid ID]\n"
	       "       p4tc p4template create extern/root/KIND [extid ID] [numinstances N]\n"
	       "                                               [tc_acl PERM] [has_exec_method]\n"
	       "       p4tc p4template get extern/root/[KIND]\n"
	       "       p4tc p4template del extern/root/KIND\n"
	       "       p4tc p4template create extern_inst/PIPE/KIND/INST [instid ID] [tc_numel N]\n"
	       "                              [tbl_bindable] [constructor CPARAM...]\n"
	       "                              control_path CONTROL...\n"
	       "       p4tc p4template get extern_inst/PIPE/[KIND/[INST]]\n"
	       "       p4tc p4template del extern_inst/PIPE/KIND/INST\n"
	       "PARAM := param NAME type TYPE [id ID]\n"
	       "TABLE_ATTR := type { exact | lpm | ternary } | keysz BITS | tentries N |\n"
	       "              nummasks N | permissions PERM | counters [on | off] |\n"
	       "              pna_direct_counter KIND/INST | pna_direct_meter KIND/INST |\n"
	       "              num_timer_profiles N | timer_profile id N aging MS |\n"
	       "              table_acts act name ACT [flags { tableonly | defaultonly }]\n"
	       "                         [act name ACT [flags ...]]... |\n"
	       "              default_hit_action DEFACT | default_miss_action DEFACT\n"
	       "KEY := key NAME type TYPE [match { exact | lpm | ternary }]\n"
	       "ENTRY := entry FIELD VALUE[/PREFIX|/MASK]... [prio N] [permissions PERM]\n"
	       "               [action ACT [param NAME VALUE]...]\n"
	       "DEFACT := [permissions PERM] action ACT [param NAME VALUE]... | noaction\n"
	       "ACT := [PIPE/][CB/]NAME, or NoAction (no action, as a default)\n"
	       "CPARAM := param NAME ptype TYPE VALUE\n"
	       "CONTROL := tc_key NAME ptype TYPE id ID |\n"
	       "           param NAME ptype TYPE id ID [tc_data_scalar]\n"
	       "TYPE := bit1..bit128 | int1..int128 | be16 | be32 | be64 | macaddr | ipv4 |\n"
	       "        ipv6 | dev | bool | str8..str992 | key1..key512 | rate |\n"
	       "        str bitsz BITS | key bitsz BITS\n"
	       "del action/PIPE/ and del table/PIPE/ delete every action or table.\n"
	       "\"delete\" is \"del\".\n");
}

int parse_type(struct args *a, const char *typekw, const char *what, const char *name,
	       __u32 *type, __u16 *bitsz)
{
	const char *kw = args_next(a), *val, *width;
	char tname[32];
	int err;

	if (!kw || strcmp(kw, typekw))
		return args_error(a, "%s %s needs \"%s TYPE\"", what, name, typekw);
	err = args_value(a, typekw, &val);
	if (err)
		return err;
	if (!strcmp(val, "str") || !strcmp(val, "key")) {
		kw = args_next(a);
		if (!kw || strcmp(kw, "bitsz"))
			return args_error(a, "%s %s: type %s needs \"bitsz BITS\" (or write %sBITS)",
					  what, name, val, val);
		err = args_value(a, "bitsz", &width);
		if (err)
			return err;
		snprintf(tname, sizeof(tname), "%s%s", val, width);
		if (p4tc_type_parse(tname, type, bitsz))
			return args_error(a, "%s %s: type %s cannot be %s bits wide (%s)", what,
					  name, val, width, !strcmp(val, "str") ?
					  "8 to 992, a multiple of 8" : "1 to 512");
		return CLI_OK;
	}
	if (p4tc_type_parse(val, type, bitsz))
		return args_error(a, "%s %s: unknown type \"%s\"", what, name, val);
	return CLI_OK;
}

/* Pipelines */

void print_pipeline(const struct p4tc_pipeline *p)
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
		if (err)
			out_abort();
		else
			out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/*
 * del action/PIPE/ or table/PIPE/: every action or table of the pipeline,
 * and how many went.
 */
static int flush_cmd(struct p4tc_handle *h, const char *pname, const char *what,
		     int (*flush)(struct p4tc_handle *h, const char *pname))
{
	int n = flush(h, pname);

	if (n < 0)
		return cli_fail(n);
	out_begin();
	out_open_object(NULL);
	out_str("pname", "pipeline %s:", pname);
	out_uint("flushed", " %llu", n);
	out_text(" %s deleted\n", what);
	out_close_object();
	out_end();
	return CLI_OK;
}

/* Actions */

void print_action(const char *pname, const struct p4tc_action *act)
{
	unsigned int i;

	out_open_object(NULL);
	out_str("pname", "action %s/", pname);
	out_str("actname", "%s", act->name);
	out_uint("actid", " actid %llu", act->id);
	out_bool("active", " active %s", act->active);
	/* Text shows it when not the default: nothing depends on it here. */
	if (act->has & P4TC_ACTION_HAS_NUM_PREALLOC)
		out_uint("num_prealloc_acts",
			 act->num_prealloc != P4TC_DEFAULT_NUM_PREALLOC ?
			 " num_prealloc_acts %llu" : NULL, act->num_prealloc);
	out_text("\n");
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
		err = parse_type(a, "type", "param", name, &prm->type, &prm->bitsz);
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
		} else if (!strcmp(kw, "num_prealloc_acts") &&
			   (verb == VERB_CREATE || verb == VERB_UPDATE)) {
			err = args_u32(a, kw, P4TC_MAX_NUM_PREALLOC, &act.num_prealloc);
			if (!err && !act.num_prealloc)
				err = args_error(a, "num_prealloc_acts 0: an action preallocates 1 to %d",
						 P4TC_MAX_NUM_PREALLOC);
			act.has |= P4TC_ACTION_HAS_NUM_PREALLOC;
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
	if (verb != VERB_GET && verb != VERB_DEL && !act.name[0])
		return args_error(a, "action name missing: action/PIPE/[CB/]ACT");

	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	if (verb == VERB_DEL && !act.name[0] && !act.id)
		return flush_cmd(h, pname, "actions", p4tc_action_flush);
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
		if (err)
			out_abort();
		else
			out_end();
		break;
	}
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* Tables */

void print_table(const struct entry_ctx *c, const struct p4tc_table *t)
{
	const struct p4tc_action *act;
	unsigned int i;

	out_open_object(NULL);
	out_str("pname", "table %s/", c->pname);
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
	/* After the key: lines printed before libp4tc 0.3 keep their place. */
	out_uint("num_masks_used", "\tnum_masks_used %llu", t->num_masks_used);
	out_uint("memory", " memory %llu", t->memory);
	out_bool("counters", " counters %s", t->counters);
	if (t->direct_counter[0])
		out_str("pna_direct_counter", " pna_direct_counter %s", t->direct_counter);
	if (t->direct_meter[0])
		out_str("pna_direct_meter", " pna_direct_meter %s", t->direct_meter);
	out_uint("num_timer_profiles", " num_timer_profiles %llu\n", t->num_timer_profiles);
	out_open_array("timer_profiles");
	for (i = 0; i < t->ntimer_profiles; i++) {
		out_open_object(NULL);
		out_uint("id", "\ttimer_profile id %llu", t->timer_profiles[i].id);
		out_uint("aging", " aging %llu\n", t->timer_profiles[i].aging_ms);
		out_close_object();
	}
	out_close_array();
	out_open_array("table_acts");
	for (i = 0; i < t->nacts; i++) {
		act = ctx_find_action(c, t->acts[i].id, t->acts[i].name);
		out_open_object(NULL);
		out_str("actname", "\tact name %s", act ? act->name : "unknown");
		out_uint("actid", " actid %llu", t->acts[i].id);
		out_open_array("flags");
		if (t->acts[i].flags & P4TC_TABLE_ACT_TABLEONLY)
			out_str(NULL, " flags %s", "tableonly");
		if (t->acts[i].flags & P4TC_TABLE_ACT_DEFAULTONLY)
			out_str(NULL, " flags %s", "defaultonly");
		out_close_array();
		out_text("\n");
		out_close_object();
	}
	out_close_array();
	if (t->has & P4TC_TABLE_HAS_DEFAULT_HIT)
		print_defact(c, "default_hit_action", &t->default_hit);
	if (t->has & P4TC_TABLE_HAS_DEFAULT_MISS)
		print_defact(c, "default_miss_action", &t->default_miss);
	out_close_object();
}

static int print_table_cb(const struct p4tc_table *t, void *c)
{
	print_table(c, t);
	return 0;
}

/* key NAME type TYPE [match exact|lpm|ternary] */
static int parse_keyfield(struct args *a, struct p4tc_table *t)
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
		err = parse_type(a, "type", "key field", name, &kf->type, &kf->bitsz);
	if (err)
		return err;
	/* Without a match the field takes the table's type. */
	kf->match = 0;
	if (a->argc && !strcmp(a->argv[0], "match")) {
		args_next(a);
		err = args_value(a, "match", &val);
		if (!err && match_parse(val, &kf->match))
			return args_error(a, "key field %s: match \"%s\" is not exact, lpm or ternary",
					  name, val);
	}
	return err;
}

/* table_acts act name ACT [flags tableonly|defaultonly] [act name ACT ...] */
static int parse_table_acts(struct entry_ctx *c, struct p4tc_table *t)
{
	struct args *a = c->a;
	const char *kw, *name, *local, *val;
	struct p4tc_table_act *ta;
	unsigned int n = 0;
	int err;

	while (a->argc && !strcmp(a->argv[0], "act")) {
		args_next(a);
		kw = args_next(a);
		if (!kw || strcmp(kw, "name"))
			return args_error(a, "table_acts: \"act\" needs \"name ACT\"");
		err = args_value(a, "act name", &name);
		if (!err)
			err = action_local_name(c, name, &local);
		if (err)
			return err;
		if (t->nacts == P4TC_MAX_ACTIONS)
			return args_error(a, "table_acts: more than %d actions", P4TC_MAX_ACTIONS);
		ta = &t->acts[t->nacts];
		memset(ta, 0, sizeof(*ta));
		err = args_name(a, "action", local, ta->name);
		if (!err && a->argc && !strcmp(a->argv[0], "flags")) {
			args_next(a);
			err = args_value(a, "flags", &val);
			if (!err && !strcmp(val, "tableonly"))
				ta->flags = P4TC_TABLE_ACT_TABLEONLY;
			else if (!err && !strcmp(val, "defaultonly"))
				ta->flags = P4TC_TABLE_ACT_DEFAULTONLY;
			else if (!err)
				err = args_error(a, "act %s: flags \"%s\" is neither tableonly nor defaultonly",
						 name, val);
		}
		if (err)
			return err;
		n++;
		/* NoAction is no action: allowed as a default anyway, never listed. */
		if (!is_noaction(c, name))
			t->nacts++;
	}
	if (!n)
		return args_error(a, "table_acts needs \"act name ACT\"");
	return CLI_OK;
}

/* What a table command builds besides the table itself. */
struct table_cmd {
	struct entry_ctx ec;
	struct p4tc_table t;
	/* the table's schema read from the kernel, for entries alone */
	struct p4tc_table known;
	struct p4tc_entry *entries;
	unsigned int nentries;
	unsigned int size;
	/* the command shapes the key: its entries use this key schema */
	bool shaped;
};

/* entry ..., a const entry, keyed by the command's schema or the table's. */
static int parse_const_entry(struct table_cmd *tc)
{
	struct p4tc_entry *grown;
	int err;

	if (!tc->ec.t) {
		if (tc->shaped) {
			tc->ec.t = &tc->t;
		} else {
			/* Entries alone, for an existing table. */
			struct p4tc_handle *h = cli_handle();

			if (!h)
				return CLI_EFAIL;
			strcpy(tc->known.name, tc->t.name);
			err = p4tc_table_get(h, tc->ec.pname, &tc->known);
			if (err)
				return cli_fail(err);
			tc->ec.t = &tc->known;
		}
	}
	if (tc->nentries == tc->size) {
		tc->size = tc->size ? 2 * tc->size : 8;
		grown = realloc(tc->entries, tc->size * sizeof(*grown));
		if (!grown) {
			cli_error("out of memory");
			return CLI_EFAIL;
		}
		tc->entries = grown;
	}
	err = parse_entry(&tc->ec, &tc->entries[tc->nentries], ENTRY_CONST);
	if (err)
		return err;
	tc->nentries++;
	return CLI_OK;
}

/* pna_direct_counter KIND/INST, pna_direct_meter KIND/INST (@kw): into @dst. */
static int parse_direct_extern(struct args *a, const char *kw, char *dst)
{
	const char *val, *slash;
	int err;

	err = args_value(a, kw, &val);
	if (err)
		return err;
	slash = strchr(val, '/');
	if (!slash || slash == val || !slash[1] || strchr(slash + 1, '/'))
		return args_error(a, "%s \"%s\": expected KIND/INST", kw, val);
	if (slash - val >= P4TC_NAME_LEN || strlen(slash + 1) >= P4TC_NAME_LEN)
		return args_error(a, "%s \"%s\": a name is longer than %d characters", kw, val,
				  P4TC_NAME_LEN - 1);
	strcpy(dst, val);
	return CLI_OK;
}

/* The attributes create and update share. */
static int parse_table_opt(struct table_cmd *tc, const char *kw)
{
	struct p4tc_table *t = &tc->t;
	struct args *a = tc->ec.a;
	const char *val;
	int err;

	if (tc->nentries && (!strcmp(kw, "type") || !strcmp(kw, "keysz") || !strcmp(kw, "key")))
		return args_error(a, "%s goes before the entries, which it shapes", kw);
	if (!strcmp(kw, "type")) {
		err = args_value(a, kw, &val);
		if (!err && match_parse(val, &t->type))
			return args_error(a, "type \"%s\" is not exact, lpm or ternary", val);
		t->has |= P4TC_TABLE_HAS_TYPE;
		tc->shaped = true;
	} else if (!strcmp(kw, "keysz")) {
		err = args_u32(a, kw, P4TC_MAX_KEYSZ, &t->keysz);
		t->has |= P4TC_TABLE_HAS_KEYSZ;
		tc->shaped = true;
	} else if (!strcmp(kw, "tentries")) {
		err = args_u32(a, kw, UINT32_MAX, &t->tentries);
		t->has |= P4TC_TABLE_HAS_TENTRIES;
	} else if (!strcmp(kw, "nummasks")) {
		err = args_u32(a, kw, UINT32_MAX, &t->nummasks);
		t->has |= P4TC_TABLE_HAS_NUMMASKS;
	} else if (!strcmp(kw, "permissions")) {
		err = parse_permissions(a, kw, &t->permissions);
		t->has |= P4TC_TABLE_HAS_PERMISSIONS;
	} else if (!strcmp(kw, "key")) {
		err = parse_keyfield(a, t);
		tc->shaped = true;
	} else if (!strcmp(kw, "table_acts")) {
		err = parse_table_acts(&tc->ec, t);
	} else if (!strcmp(kw, "default_hit_action") && !(t->has & P4TC_TABLE_HAS_DEFAULT_HIT)) {
		err = parse_defact(&tc->ec, kw, &t->default_hit);
		t->has |= P4TC_TABLE_HAS_DEFAULT_HIT;
	} else if (!strcmp(kw, "default_miss_action") && !(t->has & P4TC_TABLE_HAS_DEFAULT_MISS)) {
		err = parse_defact(&tc->ec, kw, &t->default_miss);
		t->has |= P4TC_TABLE_HAS_DEFAULT_MISS;
	} else if (!strcmp(kw, "num_timer_profiles")) {
		err = args_u32(a, kw, P4TC_MAX_TIMER_PROFILES, &t->num_timer_profiles);
		if (!err && !t->num_timer_profiles)
			err = args_error(a, "num_timer_profiles 0: a table has 1 to %d",
					 P4TC_MAX_TIMER_PROFILES);
		t->has |= P4TC_TABLE_HAS_NUM_TIMER_PROFILES;
	} else if (!strcmp(kw, "timer_profile")) {
		err = parse_timer_profile(a, t);
	} else if (!strcmp(kw, "counters")) {
		err = CLI_OK;
		t->counters = true;
		if (a->argc && (!strcmp(a->argv[0], "on") || !strcmp(a->argv[0], "off")))
			t->counters = !strcmp(args_next(a), "on");
		t->has |= P4TC_TABLE_HAS_COUNTERS;
	} else if (!strcmp(kw, "pna_direct_counter")) {
		/* The kernel counts in the entries, as with counters on. */
		err = parse_direct_extern(a, kw, t->direct_counter);
		t->counters = true;
		t->has |= P4TC_TABLE_HAS_COUNTERS;
	} else if (!strcmp(kw, "pna_direct_meter")) {
		err = parse_direct_extern(a, kw, t->direct_meter);
	} else if (!strcmp(kw, "entry")) {
		err = parse_const_entry(tc);
	} else {
		err = args_error(a, "unexpected \"%s\"", kw);
	}
	return err;
}

/* Key fields match exact or as their table. */
static int check_key_matches(struct args *a, const struct p4tc_table *t)
{
	__u8 type = t->type ?: P4TC_TABLE_TYPE_EXACT;
	char tbuf[16], mbuf[16];
	const char *tname = match_name(type, tbuf, sizeof(tbuf));
	unsigned int i;

	for (i = 0; i < t->nkeyfields; i++) {
		__u8 m = t->keyfields[i].match;

		if (!m || m == P4TC_MATCH_EXACT || m == type)
			continue;
		if (type == P4TC_TABLE_TYPE_EXACT)
			return args_error(a, "key field %s: match %s: the fields of an exact table match exact",
					  t->keyfields[i].name, match_name(m, mbuf, sizeof(mbuf)));
		return args_error(a, "key field %s: match %s: the fields of a%s %s table match exact or %s",
				  t->keyfields[i].name, match_name(m, mbuf, sizeof(mbuf)),
				  type == P4TC_TABLE_TYPE_LPM ? "n" : "", tname, tname);
	}
	return CLI_OK;
}

static int table_cmd(enum verb verb, const char *pname, const char *name,
		     struct args *a)
{
	struct p4tc_handle *h;
	struct table_cmd *tc;
	struct p4tc_table *t;
	const char *kw;
	int err = CLI_OK;

	tc = calloc(1, sizeof(*tc));
	if (!tc) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	tc->ec.a = a;
	tc->ec.pname = pname;
	t = &tc->t;
	if (name[0])
		err = args_name(a, "table", name, t->name);
	while (!err && (kw = args_next(a))) {
		if (!strcmp(kw, "tblid") && verb != VERB_UPDATE)
			err = args_u32(a, kw, UINT32_MAX, &t->id);
		else if (verb == VERB_CREATE || verb == VERB_UPDATE)
			err = parse_table_opt(tc, kw);
		else
			err = args_error(a, "unexpected \"%s\"", kw);
	}
	if (!err && verb != VERB_GET && verb != VERB_DEL && !t->name[0])
		err = args_error(a, "table name missing: table/PIPE/CB/TBL");
	if (!err && (verb == VERB_CREATE || (t->has & P4TC_TABLE_HAS_TYPE)))
		err = check_key_matches(a, t);
	if (err)
		goto out;
	t->const_entries = tc->entries;
	t->nconst_entries = tc->nentries;

	h = cli_handle();
	if (!h) {
		err = CLI_EFAIL;
		goto out;
	}
	if (verb == VERB_DEL && !t->name[0] && !t->id) {
		err = flush_cmd(h, pname, "tables", p4tc_table_flush);
		goto out;
	}
	switch (verb) {
	case VERB_CREATE:
		err = p4tc_table_create(h, pname, t);
		break;
	case VERB_UPDATE:
		err = p4tc_table_update(h, pname, t);
		break;
	case VERB_DEL:
		err = p4tc_table_delete(h, pname, t);
		break;
	case VERB_GET:
		/* Action names and param types for the table's actions. */
		err = ctx_load_actions(&tc->ec);
		if (err)
			goto out;
		out_begin();
		if (t->name[0] || t->id) {
			err = p4tc_table_get(h, pname, t);
			if (!err)
				print_table(&tc->ec, t);
		} else {
			err = p4tc_table_dump(h, pname, print_table_cb, &tc->ec);
		}
		if (err)
			out_abort();
		else
			out_end();
		break;
	}
	err = err < 0 ? cli_fail(err) : CLI_OK;
out:
	ctx_free(&tc->ec);
	free(tc->entries);
	free(tc);
	return err;
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

static int extern_inst_path_cmd(enum verb verb, const char *path, struct args *a)
{
	char pname[P4TC_NAME_LEN];
	const char *name;

	return split_pipeline(a, "extern_inst", path, pname, &name) ?:
	       extern_inst_cmd(verb, pname, name, a);
}

/* Object types, and their commands given what follows "TYPE/". */
static const struct {
	const char *name;
	int (*cmd)(enum verb verb, const char *path, struct args *a);
} objtypes[] = {
	{ "pipeline", pipeline_cmd },
	{ "action", action_path_cmd },
	{ "table", table_path_cmd },
	{ "extern", extern_cmd },
	{ "extern_inst", extern_inst_path_cmd },
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
		return args_error(&a, "p4template %s: which object? pipeline/..., action/..., table/..., extern/... or extern_inst/...",
				  verbword);
	slash = strchr(path, '/');
	if (!slash)
		return args_error(&a, "\"%s\": expected pipeline/..., action/..., table/..., extern/... or extern_inst/...",
				  path);
	typelen = slash - path;
	for (j = 0; j < ARRAY_SIZE(objtypes); j++)
		if (strlen(objtypes[j].name) == typelen && !strncmp(path, objtypes[j].name, typelen))
			break;
	if (j == ARRAY_SIZE(objtypes))
		return args_error(&a, "unknown object type \"%.*s\": expected pipeline, action, table, extern or extern_inst",
				  (int)typelen, path);
	/* Messages name the object as typed, e.g. "table ptables/cb/t". */
	if (slash[1]) {
		snprintf(obj, sizeof(obj), "%s %s", objtypes[j].name, slash + 1);
		a.obj = obj;
	}
	return objtypes[j].cmd(verbs[i].verb, slash + 1, &a);
}
