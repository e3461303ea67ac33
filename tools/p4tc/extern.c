// SPDX-License-Identifier: GPL-2.0
/*
 * Externs on the command line: kinds (p4template extern/root/KIND), their
 * instances in pipelines (p4template extern_inst/PIPE/KIND/INST), the
 * words of p4ctrl on the elements of an instance, and how get and mon
 * print all three.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

/* Output */

/* A value as p4tc_value_parse() takes it, else in hex: HEX_STR_SIZE bytes in @buf. */
static const char *value_text(__u32 type, __u16 bitsz, const __u8 *value, __u32 len, char *buf)
{
	if (p4tc_value_str(type, bitsz, value, len, buf, HEX_STR_SIZE) < 0)
		hex_str(value, len, buf);
	return buf;
}

void print_extern(const struct p4tc_extern *ext)
{
	out_open_object(NULL);
	out_str("kind", "extern root/%s", ext->name);
	out_uint("extid", " extid %llu", ext->id);
	out_uint("numinstances", " numinstances %llu", ext->num_instances);
	out_permissions("permissions", " tc_acl %s", ext->permissions);
	out_bool("has_exec_method", NULL, ext->has_exec);
	if (ext->has_exec)
		out_text(" has_exec_method");
	out_uint("instances", " instances %llu\n", ext->instances);
	out_close_object();
}

static void print_constructor_param(const struct p4tc_ext_param *prm)
{
	char val[HEX_STR_SIZE];

	out_open_object(NULL);
	out_str("name", "\tconstructor param %s", prm->name);
	out_type("type", " ptype %s", prm->type, prm->bitsz);
	out_typed_value("value", " %s\n", prm->type,
			value_text(prm->type, prm->bitsz, prm->value, prm->len, val));
	out_close_object();
}

static void print_control_param(const struct p4tc_ext_param *prm)
{
	bool key = prm->flags & P4TC_EXT_PARAM_F_KEY;
	bool scalar = prm->flags & P4TC_EXT_PARAM_F_DATA_SCALAR;

	out_open_object(NULL);
	out_str("name", key ? "\tcontrol_path tc_key %s" : "\tcontrol_path param %s", prm->name);
	out_type("type", " ptype %s", prm->type, prm->bitsz);
	out_uint("id", " id %llu", prm->id);
	out_bool("key", NULL, key);
	out_bool("tc_data_scalar", NULL, scalar);
	out_text("%s\n", scalar ? " tc_data_scalar" : "");
	out_close_object();
}

void print_extern_inst(const char *pname, const struct p4tc_extern_inst *ei, const char *tname)
{
	unsigned int i;

	out_open_object(NULL);
	out_str("pipeline", "extern_inst %s/", pname);
	out_str("kind", "%s/", ei->ext_name);
	out_uint("extid", NULL, ei->ext_id);
	out_str("inst", "%s", ei->name);
	out_uint("instid", " instid %llu\n", ei->id);
	out_uint("tc_numel", "\ttc_numel %llu", ei->numel);
	out_bool("tbl_bindable", NULL, ei->tbl_bindable);
	if (ei->tbl_bindable)
		out_text(" tbl_bindable");
	if (ei->table_id)
		out_uint("tblid", " tblid %llu", ei->table_id);
	if (ei->table_id && tname)
		out_str("table", " table %s", tname);
	out_text("\n");
	out_open_array("constructor");
	for (i = 0; i < ei->nconstructor; i++)
		print_constructor_param(&ei->constructor[i]);
	out_close_array();
	out_open_array("control_path");
	for (i = 0; i < ei->nparams; i++)
		print_control_param(&ei->params[i]);
	out_close_array();
	out_close_object();
}

const char *extern_elem_value(const struct p4tc_extern_elem *el, unsigned int i, char *buf)
{
	return value_text(el->types[i], el->bitsz[i], el->params[i].value, el->params[i].len, buf);
}

void print_extern_elem(const struct p4tc_extern_elem *el)
{
	char val[HEX_STR_SIZE];
	unsigned int i;

	out_open_object(NULL);
	out_str("kind", "extern %s/", el->ext_name);
	out_str("inst", "%s", el->inst_name);
	out_uint("index", " index %llu\n", el->index);
	out_open_array("params");
	for (i = 0; i < el->nparams; i++) {
		out_open_object(NULL);
		out_str("name", "\tparam %s", el->params[i].name);
		out_uint("id", " id %llu", el->params[i].id);
		out_type("type", " type %s", el->types[i], el->bitsz[i]);
		out_typed_value("value", " value %s\n", el->types[i],
				extern_elem_value(el, i, val));
		out_close_object();
	}
	out_close_array();
	out_close_object();
}

const char *extern_table_name(struct p4tc_handle *h, const char *pname, __u32 id, char *buf)
{
	const char *name = NULL;
	struct p4tc_table *t;

	if (!id)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (t) {
		t->id = id;
		if (!p4tc_table_get(h, pname, t))
			name = strcpy(buf, t->name);
	}
	free(t);
	return name;
}

/* Kinds: p4template { create | get | del } extern/root/[KIND] */

/* root/KIND, the part of the path after "extern/"; KIND needed if @need. */
static int parse_kind_path(struct args *a, const char *path, bool need, struct p4tc_extern *ext)
{
	const char *kind;

	if (strncmp(path, "root", 4) || (path[4] && path[4] != '/'))
		return args_error(a, "extern kinds belong to no pipeline: extern/root/KIND");
	kind = path[4] ? path + 5 : "";
	if (!kind[0])
		return need ? args_error(a, "extern kind missing: extern/root/KIND") : CLI_OK;
	if (strchr(kind, '/'))
		return args_error(a, "an extern kind name has no '/'");
	return args_name(a, "extern", kind, ext->name);
}

/* extid N | numinstances N | tc_acl PERM | has_exec_method */
static int parse_kind_attr(struct args *a, const char *kw, struct p4tc_extern *ext)
{
	int err = CLI_OK;

	if (!strcmp(kw, "extid")) {
		err = args_u32(a, kw, UINT32_MAX, &ext->id);
	} else if (!strcmp(kw, "numinstances")) {
		err = args_u32(a, kw, P4TC_MAX_EXT_INSTANCES, &ext->num_instances);
		if (!err && !ext->num_instances)
			err = args_error(a, "numinstances 0: a pipeline may have 1 to %d instances",
					 P4TC_MAX_EXT_INSTANCES);
		ext->has |= P4TC_EXTERN_HAS_NUM_INSTANCES;
	} else if (!strcmp(kw, "tc_acl")) {
		err = parse_permissions(a, kw, &ext->permissions);
		ext->has |= P4TC_EXTERN_HAS_PERMISSIONS;
	} else if (!strcmp(kw, "has_exec_method")) {
		ext->has_exec = true;
	} else {
		err = args_error(a, "unexpected \"%s\"", kw);
	}
	return err;
}

static int print_extern_cb(const struct p4tc_extern *ext, void *ctx)
{
	(void)ctx;
	print_extern(ext);
	return 0;
}

static int get_kinds(struct p4tc_handle *h, struct p4tc_extern *ext)
{
	int err;

	out_begin();
	if (ext->name[0]) {
		err = p4tc_extern_get(h, ext);
		if (!err)
			print_extern(ext);
	} else {
		err = p4tc_extern_dump(h, print_extern_cb, NULL);
	}
	if (err)
		out_abort();
	else
		out_end();
	return err;
}

int extern_cmd(enum verb verb, const char *path, struct args *a)
{
	struct p4tc_extern ext = {};
	struct p4tc_handle *h;
	const char *kw;
	int err;

	if (verb == VERB_UPDATE)
		return args_error(a, "update: an extern kind does not change; del it and create it again");
	err = parse_kind_path(a, path, verb != VERB_GET, &ext);
	while (!err && (kw = args_next(a))) {
		if (verb == VERB_CREATE)
			err = parse_kind_attr(a, kw, &ext);
		else
			err = args_error(a, "unexpected \"%s\"", kw);
	}
	if (err)
		return err;
	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	if (verb == VERB_CREATE)
		err = p4tc_extern_create(h, &ext);
	else if (verb == VERB_DEL)
		err = p4tc_extern_delete(h, &ext);
	else
		err = get_kinds(h, &ext);
	return err < 0 ? cli_fail(err) : CLI_OK;
}

/* Instances: p4template { create | get | del } extern_inst/PIPE/[KIND/[INST]] */

int parse_extern_path(struct args *a, const char *path, bool need, struct p4tc_extern_inst *ei)
{
	const char *slash = strchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : strlen(path);
	const char *inst = slash ? slash + 1 : "";

	if (len >= P4TC_NAME_LEN)
		return args_error(a, "extern name is longer than %d characters", P4TC_NAME_LEN - 1);
	if ((need || inst[0]) && !len)
		return args_error(a, "extern kind missing: KIND/INST");
	if (need && !inst[0])
		return args_error(a, "extern instance missing: KIND/INST");
	if (strchr(inst, '/'))
		return args_error(a, "an extern instance name has no '/'");
	memcpy(ei->ext_name, path, len);
	ei->ext_name[len] = '\0';
	return args_name(a, "extern instance", inst, ei->name);
}

/* After constructor: param NAME ptype TYPE VALUE */
static int parse_constructor_param(struct args *a, struct p4tc_extern_inst *ei)
{
	struct p4tc_ext_param *prm;
	const char *name, *val;
	char what[64];
	int err;

	if (ei->nconstructor == P4TC_MAX_EXT_PARAMS)
		return args_error(a, "more than %d constructor params", P4TC_MAX_EXT_PARAMS);
	prm = &ei->constructor[ei->nconstructor++];
	err = args_value(a, "param", &name);
	if (!err)
		err = args_name(a, "param", name, prm->name);
	if (!err)
		err = parse_type(a, "ptype", "constructor param", name, &prm->type, &prm->bitsz);
	if (err)
		return err;
	snprintf(what, sizeof(what), "constructor param %s", name);
	err = args_value(a, what, &val);
	if (err)
		return err;
	err = p4tc_value_parse(prm->type, prm->bitsz, val, prm->value, sizeof(prm->value));
	if (err < 0)
		return args_value_error(a, what, val, prm->type, prm->bitsz, err);
	prm->len = err;
	return CLI_OK;
}

/* The key param of @ei, NULL if it has none. */
static const struct p4tc_ext_param *inst_key(const struct p4tc_extern_inst *ei)
{
	unsigned int i;

	for (i = 0; i < ei->nparams; i++)
		if (ei->params[i].flags & P4TC_EXT_PARAM_F_KEY)
			return &ei->params[i];
	return NULL;
}

/*
 * After control_path: tc_key NAME ptype TYPE id N, or (@kw "param") param
 * NAME ptype TYPE id N [tc_data_scalar].
 */
static int parse_control_param(struct args *a, const char *kw, struct p4tc_extern_inst *ei)
{
	bool key = !strcmp(kw, "tc_key");
	struct p4tc_ext_param *prm;
	const char *name, *idkw;
	char what[64];
	int err;

	if (key && inst_key(ei))
		return args_error(a, "tc_key given twice: the element index is one param");
	if (ei->nparams == P4TC_MAX_EXT_PARAMS)
		return args_error(a, "more than %d control_path params", P4TC_MAX_EXT_PARAMS);
	prm = &ei->params[ei->nparams++];
	err = args_value(a, kw, &name);
	if (!err)
		err = args_name(a, "param", name, prm->name);
	if (!err)
		err = parse_type(a, "ptype", kw, name, &prm->type, &prm->bitsz);
	if (err)
		return err;
	if (key && ((prm->type != P4TC_T_BIT && prm->type != P4TC_T_INT) || prm->bitsz > 32))
		return args_error(a, "tc_key %s: the element index is a bit or int of at most 32 bits",
				  name);
	idkw = args_next(a);
	if (!idkw || strcmp(idkw, "id"))
		return args_error(a, "%s %s needs \"id N\"", kw, name);
	snprintf(what, sizeof(what), "%s %s id", kw, name);
	err = args_u32(a, what, UINT32_MAX, &prm->id);
	if (!err && !prm->id)
		err = args_error(a, "%s 0: param ids go from 1", what);
	prm->flags = key ? P4TC_EXT_PARAM_F_KEY : 0;
	if (!err && !key && a->argc && !strcmp(a->argv[0], "tc_data_scalar")) {
		args_next(a);
		prm->flags = P4TC_EXT_PARAM_F_DATA_SCALAR;
	}
	return err;
}

/* Where a param goes: after constructor, or after control_path. */
enum inst_section {
	SECTION_NONE,
	SECTION_CONSTRUCTOR,
	SECTION_CONTROL,
};

int parse_extern_inst(struct args *a, struct p4tc_extern_inst *ei)
{
	enum inst_section section = SECTION_NONE;
	bool param, key;
	const char *kw;
	int err = CLI_OK;

	while (!err && (kw = args_next(a))) {
		param = !strcmp(kw, "param");
		key = !strcmp(kw, "tc_key");
		if (!strcmp(kw, "instid")) {
			err = args_u32(a, kw, P4TC_MAX_EXT_INSTANCES, &ei->id);
			if (!err && !ei->id)
				err = args_error(a, "instid 0: instance ids go from 1 to %d",
						 P4TC_MAX_EXT_INSTANCES);
		} else if (!strcmp(kw, "tc_numel")) {
			err = args_u32(a, kw, P4TC_MAX_EXT_ELEMS, &ei->numel);
			if (!err && !ei->numel)
				err = args_error(a, "tc_numel 0: an instance has 1 to %d elements",
						 P4TC_MAX_EXT_ELEMS);
		} else if (!strcmp(kw, "tbl_bindable")) {
			ei->tbl_bindable = true;
		} else if (!strcmp(kw, "constructor")) {
			section = SECTION_CONSTRUCTOR;
		} else if (!strcmp(kw, "control_path")) {
			section = SECTION_CONTROL;
		} else if (param && section == SECTION_CONSTRUCTOR) {
			err = parse_constructor_param(a, ei);
		} else if ((param || key) && section == SECTION_CONTROL) {
			err = parse_control_param(a, kw, ei);
		} else if (param || key) {
			err = args_error(a, "%s goes after %s", kw,
					 key ? "control_path" : "constructor or control_path");
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
	}
	if (!err && !inst_key(ei))
		err = args_error(a, "control_path needs \"tc_key NAME ptype TYPE id N\": the element index");
	return err;
}

/* Instances are read, then printed: printing one may read its table. */
struct inst_list {
	struct p4tc_extern_inst *v;
	unsigned int n;
};

static int inst_list_add(const struct p4tc_extern_inst *ei, void *data)
{
	struct inst_list *l = data;
	struct p4tc_extern_inst *grown;

	grown = realloc(l->v, (l->n + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	grown[l->n++] = *ei;
	l->v = grown;
	return 0;
}

static int get_insts(struct p4tc_handle *h, const char *pname, struct p4tc_extern_inst *ei)
{
	struct inst_list l = {};
	char tname[P4TC_NAME_LEN];
	unsigned int i;
	int err;

	if (ei->name[0]) {
		err = p4tc_extern_inst_get(h, pname, ei);
		if (!err)
			err = inst_list_add(ei, &l);
	} else {
		err = p4tc_extern_inst_dump(h, pname, ei->ext_name[0] ? ei->ext_name : NULL,
					    inst_list_add, &l);
	}
	if (!err) {
		out_begin();
		for (i = 0; i < l.n; i++)
			print_extern_inst(pname, &l.v[i],
					  extern_table_name(h, pname, l.v[i].table_id, tname));
		out_end();
	}
	free(l.v);
	return err;
}

int extern_inst_cmd(enum verb verb, const char *pname, const char *path, struct args *a)
{
	struct p4tc_extern_inst *ei;
	struct p4tc_handle *h;
	int err;

	if (verb == VERB_UPDATE)
		return args_error(a, "update: an extern instance does not change; del it and create it again");
	ei = calloc(1, sizeof(*ei));
	if (!ei) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	err = parse_extern_path(a, path, verb != VERB_GET, ei);
	if (!err && verb == VERB_CREATE)
		err = parse_extern_inst(a, ei);
	else if (!err && a->argc)
		err = args_error(a, "unexpected \"%s\"", a->argv[0]);
	if (err)
		goto out;
	h = cli_handle();
	if (!h) {
		err = CLI_EFAIL;
		goto out;
	}
	if (verb == VERB_CREATE)
		err = p4tc_extern_inst_create(h, pname, ei);
	else if (verb == VERB_DEL)
		err = p4tc_extern_inst_delete(h, pname, ei);
	else
		err = get_insts(h, pname, ei);
	err = err < 0 ? cli_fail(err) : CLI_OK;
out:
	free(ei);
	return err;
}

/* Elements: the words of p4ctrl { get | update } PIPE/extern/KIND/INST */

/* tc_key NAME N, after tc_key: NAME is the instance's key param. */
static int parse_elem_key(struct args *a, const struct p4tc_extern_inst *ei, __u32 *index)
{
	const struct p4tc_ext_param *key = inst_key(ei);
	const char *name;
	char what[64];
	int err;

	err = args_value(a, "tc_key", &name);
	if (err)
		return err;
	if (!key)
		return args_error(a, "extern instance %s has no tc_key", ei->name);
	if (strcmp(name, key->name))
		return args_error(a, "tc_key \"%s\": the key of extern instance %s is %s", name,
				  ei->name, key->name);
	snprintf(what, sizeof(what), "tc_key %s", name);
	return args_u32(a, what, ei->numel ? ei->numel - 1 : UINT32_MAX, index);
}

/* param NAME VALUE, after param: a control param of @ei but its key. */
static int parse_elem_param(struct args *a, const struct p4tc_extern_inst *ei, bool *given,
			    struct p4tc_extern_elem *el)
{
	const struct p4tc_ext_param *prm;
	struct p4tc_param_value *pv;
	const char *name, *val;
	unsigned int i;
	char what[64];
	int err;

	err = args_value(a, "param", &name);
	if (err)
		return err;
	for (i = 0; i < ei->nparams && strcmp(ei->params[i].name, name); i++)
		;
	if (i == ei->nparams)
		return args_error(a, "extern instance %s has no param \"%s\"", ei->name, name);
	prm = &ei->params[i];
	if (prm->flags & P4TC_EXT_PARAM_F_KEY)
		return args_error(a, "param %s is the key: tc_key %s N", name, name);
	if (given[i])
		return args_error(a, "param %s given twice", name);
	given[i] = true;
	snprintf(what, sizeof(what), "param %s", name);
	err = args_value(a, what, &val);
	if (err)
		return err;
	pv = &el->params[el->nparams];
	memset(pv, 0, sizeof(*pv));
	strcpy(pv->name, prm->name);
	err = p4tc_value_parse(prm->type, prm->bitsz, val, pv->value, sizeof(pv->value));
	if (err < 0)
		return args_value_error(a, what, val, prm->type, prm->bitsz, err);
	pv->len = err;
	el->nparams++;
	return CLI_OK;
}

int parse_extern_elem(struct args *a, const struct p4tc_extern_inst *ei, bool update,
		      struct p4tc_extern_elem *el, bool *keyed)
{
	bool given[P4TC_MAX_EXT_PARAMS] = {};
	const struct p4tc_ext_param *key;
	const char *kw;
	int err = CLI_OK;

	memset(el, 0, sizeof(*el));
	strcpy(el->ext_name, ei->ext_name);
	strcpy(el->inst_name, ei->name);
	*keyed = false;
	while (!err && (kw = args_next(a))) {
		if (!strcmp(kw, "tc_key") && !*keyed) {
			err = parse_elem_key(a, ei, &el->index);
			*keyed = true;
		} else if (!strcmp(kw, "param") && update) {
			err = parse_elem_param(a, ei, given, el);
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
	}
	key = inst_key(ei);
	if (!err && update && !*keyed)
		err = args_error(a, "update: which element? tc_key %s N", key ? key->name : "NAME");
	if (!err && update && !el->nparams)
		err = args_error(a, "update: nothing to change: give params");
	return err;
}
