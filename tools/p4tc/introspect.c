// SPDX-License-Identifier: GPL-2.0
/*
 * Introspection files, as p4c's tc backend writes them:
 * $INTROSPECTION/PIPE.json (default /etc/iproute2/introspection). When a
 * pipeline has one and it describes a table, its key fields, match kinds,
 * actions and their params' types are taken over the kernel's.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "p4tc.h"

#define INTROSPECTION_DIR "/etc/iproute2/introspection"
/* Introspection files are small: a few tables of a few actions. */
#define INTROSPECTION_MAX_SIZE (16 << 20)

/* An error of file @path: "Error: introspection PATH: ..."; CLI_EUSAGE. */
static __attribute__((format(printf, 2, 3)))
int introspect_error(const char *path, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cli_error("introspection %s: %s", path, msg);
	return CLI_EUSAGE;
}

/* The whole file, NUL-terminated; NULL with errno set. */
static char *introspect_read(const char *path)
{
	char *buf = NULL, *grown;
	size_t len = 0, size = 0, n;
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	do {
		if (size - len < 4096) {
			size = size ? 2 * size : 65536;
			grown = size <= INTROSPECTION_MAX_SIZE ? realloc(buf, size + 1) : NULL;
			if (!grown) {
				free(buf);
				fclose(f);
				errno = size > INTROSPECTION_MAX_SIZE ? EFBIG : ENOMEM;
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, size - len, f);
		len += n;
	} while (n);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/*
 * A type of upstream's introspection: "bit32", "bit<32>", "bit" with a
 * bitwidth, "ipv4", "macaddr", "dev", "be16", "str" or "key" with one...
 */
static int introspect_type(const char *path, const char *what, const struct json_value *obj,
			   __u32 *type, __u16 *bitsz)
{
	const char *tname = json_get_str(obj, "type"), *lt;
	unsigned long long width = 0;
	bool has_width = !json_get_uint(obj, "bitwidth", 65535, &width);
	char name[48];

	if (!tname)
		return introspect_error(path, "%s has no \"type\"", what);
	lt = strchr(tname, '<');
	if (lt && lt[1] && tname[strlen(tname) - 1] == '>')
		snprintf(name, sizeof(name), "%.*s%.*s", (int)(lt - tname), tname,
			 (int)(strlen(lt) - 2), lt + 1);
	else if (has_width && (!strcmp(tname, "bit") || !strcmp(tname, "int") ||
			       !strcmp(tname, "str") || !strcmp(tname, "key")))
		snprintf(name, sizeof(name), "%s%llu", tname, width);
	else
		snprintf(name, sizeof(name), "%s", tname);
	if (p4tc_type_parse(name, type, bitsz))
		return introspect_error(path, "%s: unknown type \"%s\"", what, tname);
	if (has_width && width != *bitsz)
		return introspect_error(path, "%s: type %s is not %llu bits wide", what, tname,
					width);
	return CLI_OK;
}

static int introspect_name(const char *path, const char *what, const struct json_value *obj,
			   const char *pname, char *dst)
{
	const char *name = json_get_str(obj, "name"), *slash;

	if (!name)
		return introspect_error(path, "%s has no \"name\"", what);
	/* "PIPE/CB/NAME" is "CB/NAME". */
	slash = strchr(name, '/');
	if (slash && strchr(slash + 1, '/') && !strncmp(name, pname, slash - name) &&
	    strlen(pname) == (size_t)(slash - name))
		name = slash + 1;
	if (strlen(name) >= P4TC_NAME_LEN)
		return introspect_error(path, "%s name \"%s\" is longer than %d characters", what,
					name, P4TC_NAME_LEN - 1);
	strcpy(dst, name);
	return CLI_OK;
}

static int keyfield_cmp(const void *a, const void *b)
{
	const struct p4tc_keyfield *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static int introspect_keyfields(const char *path, const struct json_value *tbl,
				struct p4tc_table *t)
{
	const struct json_value *kfs = json_get(tbl, "keyfields"), *kf;
	struct p4tc_keyfield fields[P4TC_MAX_KEY_FIELDS];
	unsigned long long id, keysize;
	unsigned int n = 0, bytes = 0;
	const char *match;
	char what[96];
	int err, size;

	if (!json_get_uint(tbl, "keysize", P4TC_MAX_KEYSZ, &keysize) && keysize) {
		if (t->keysz && t->keysz != keysize)
			return introspect_error(path, "table %s: keysize %llu, the kernel's table has %u",
						t->name, keysize, t->keysz);
		t->keysz = keysize;
	}
	if (!kfs)
		return CLI_OK;
	if (kfs->type != JSON_ARRAY)
		return introspect_error(path, "table %s: \"keyfields\" is not an array", t->name);
	for (kf = kfs->child; kf; kf = kf->next) {
		if (n == P4TC_MAX_KEY_FIELDS)
			return introspect_error(path, "table %s: more than %d key fields", t->name,
						P4TC_MAX_KEY_FIELDS);
		memset(&fields[n], 0, sizeof(fields[n]));
		snprintf(what, sizeof(what), "table %s: key field %u", t->name, n + 1);
		err = introspect_name(path, what, kf, "", fields[n].name);
		if (err)
			return err;
		snprintf(what, sizeof(what), "table %s: key field %s", t->name, fields[n].name);
		err = introspect_type(path, what, kf, &fields[n].type, &fields[n].bitsz);
		if (err)
			return err;
		fields[n].id = json_get_uint(kf, "id", UINT32_MAX, &id) ? n + 1 : id;
		match = json_get_str(kf, "match_type");
		if (match && match_parse(match, &fields[n].match))
			return introspect_error(path, "%s: match_type \"%s\" is not exact, lpm or ternary",
						what, match);
		size = p4tc_type_size(fields[n].type, fields[n].bitsz);
		bytes += size > 0 ? size : 0;
		n++;
	}
	if (!n)
		return CLI_OK;
	if (t->keysz && bytes != (t->keysz + 7) / 8)
		return introspect_error(path, "table %s: the key fields take %u bytes, a key of %u bits takes %u",
					t->name, bytes, t->keysz, (t->keysz + 7) / 8);
	/* Key blobs are the fields in id order. */
	qsort(fields, n, sizeof(fields[0]), keyfield_cmp);
	memcpy(t->keyfields, fields, n * sizeof(fields[0]));
	t->nkeyfields = n;
	return CLI_OK;
}

static int introspect_action(const char *path, const char *pname, const struct p4tc_table *t,
			     const struct json_value *ja, struct p4tc_action *act, __u8 *flags)
{
	const struct json_value *params = json_get(ja, "params"), *jp;
	unsigned long long id;
	const char *scope;
	unsigned int offset = 0;
	struct p4tc_param *prm;
	char what[128];
	int err, size;

	memset(act, 0, sizeof(*act));
	snprintf(what, sizeof(what), "table %s: action", t->name);
	err = introspect_name(path, what, ja, pname, act->name);
	if (err)
		return err;
	act->id = json_get_uint(ja, "id", INT32_MAX, &id) ? 0 : id;
	act->active = true;
	act->has = P4TC_ACTION_HAS_ACTIVE;
	scope = json_get_str(ja, "action_scope");
	*flags = 0;
	if (scope && !strcmp(scope, "TableOnly"))
		*flags = P4TC_TABLE_ACT_TABLEONLY;
	else if (scope && !strcmp(scope, "DefaultOnly"))
		*flags = P4TC_TABLE_ACT_DEFAULTONLY;
	if (!params)
		return CLI_OK;
	if (params->type != JSON_ARRAY)
		return introspect_error(path, "action %s: \"params\" is not an array", act->name);
	/* Params are packed in their order, each in its container, as the kernel does. */
	for (jp = params->child; jp; jp = jp->next) {
		if (act->nparams == P4TC_MAX_PARAMS)
			return introspect_error(path, "action %s: more than %d params", act->name,
						P4TC_MAX_PARAMS);
		prm = &act->params[act->nparams];
		snprintf(what, sizeof(what), "action %s: param %u", act->name, act->nparams + 1);
		err = introspect_name(path, what, jp, "", prm->name);
		if (err)
			return err;
		snprintf(what, sizeof(what), "action %s: param %s", act->name, prm->name);
		err = introspect_type(path, what, jp, &prm->type, &prm->bitsz);
		if (err)
			return err;
		prm->id = json_get_uint(jp, "id", UINT32_MAX, &id) ? act->nparams + 1 : id;
		prm->offset = offset;
		size = p4tc_type_size(prm->type, prm->bitsz);
		offset += size > 0 ? size : 0;
		act->nparams++;
	}
	return CLI_OK;
}

static int introspect_actions(const char *path, const char *pname, const struct json_value *tbl,
			      struct p4tc_table *t, struct p4tc_action **actionsp,
			      unsigned int *nactionsp)
{
	const struct json_value *jas = json_get(tbl, "actions"), *ja;
	struct p4tc_action *actions = NULL, *grown;
	unsigned int n = 0, nacts = 0;
	__u8 flags;
	int err;

	if (!jas)
		return CLI_OK;
	if (jas->type != JSON_ARRAY)
		return introspect_error(path, "table %s: \"actions\" is not an array", t->name);
	for (ja = jas->child; ja; ja = ja->next) {
		grown = realloc(actions, (n + 1) * sizeof(*actions));
		if (!grown) {
			free(actions);
			cli_error("out of memory");
			return CLI_EFAIL;
		}
		actions = grown;
		err = introspect_action(path, pname, t, ja, &actions[n], &flags);
		if (err) {
			free(actions);
			return err;
		}
		/* NoAction is no action, always allowed as a default. */
		if (!strcmp(actions[n].name, "NoAction"))
			continue;
		if (nacts < P4TC_MAX_ACTIONS && actions[n].id) {
			t->acts[nacts].id = actions[n].id;
			strcpy(t->acts[nacts].name, actions[n].name);
			t->acts[nacts].flags = flags;
			nacts++;
		}
		n++;
	}
	t->nacts = nacts;
	*actionsp = actions;
	*nactionsp = n;
	return CLI_OK;
}

int introspect_table(const char *pname, struct p4tc_table *t, struct p4tc_action **actions,
		     unsigned int *nactions, bool *found)
{
	const char *dir = getenv("INTROSPECTION");
	const struct json_value *tables, *tbl;
	struct json_value *doc;
	char path[4096], err[256], name[P4TC_NAME_LEN];
	char *text;
	int ret;

	*found = false;
	*actions = NULL;
	*nactions = 0;
	if (!dir || !*dir)
		dir = INTROSPECTION_DIR;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s.json", dir, pname) >= sizeof(path))
		return CLI_OK;
	text = introspect_read(path);
	if (!text)
		return errno == ENOENT ? CLI_OK : introspect_error(path, "%s", strerror(errno));
	doc = json_parse(text, err, sizeof(err));
	free(text);
	if (!doc)
		return introspect_error(path, "%s", err);
	ret = CLI_OK;
	tables = json_get(doc, "tables");
	if (doc->type != JSON_OBJECT || (tables && tables->type != JSON_ARRAY)) {
		ret = introspect_error(path, "not an introspection file: no \"tables\" array");
		goto out;
	}
	for (tbl = tables ? tables->child : NULL; tbl; tbl = tbl->next) {
		if (introspect_name(path, "a table", tbl, pname, name)) {
			ret = CLI_EUSAGE;
			goto out;
		}
		if (!strcmp(name, t->name))
			break;
	}
	if (!tbl)
		goto out;
	ret = introspect_keyfields(path, tbl, t);
	if (!ret)
		ret = introspect_actions(path, pname, tbl, t, actions, nactions);
	*found = !ret;
out:
	json_free(doc);
	return ret;
}

int ctx_introspect(struct entry_ctx *c, struct p4tc_table *t)
{
	struct p4tc_action *acts, *merged;
	unsigned int n, i, j;
	bool found;
	int err;

	err = introspect_table(c->pname, t, &acts, &n, &found);
	if (err || !found || !acts)
		return err;
	if (!c->actions_loaded) {
		c->actions = acts;
		c->nactions = n;
		c->actions_loaded = true;
		c->actions_owned = true;
		return CLI_OK;
	}
	/* Over the kernel's: the file's actions replace those of the same id. */
	merged = malloc((c->nactions + n) * sizeof(*merged));
	if (!merged) {
		free(acts);
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	memcpy(merged, c->actions, c->nactions * sizeof(*merged));
	for (i = 0, j = c->nactions; i < n; i++) {
		unsigned int k;

		for (k = 0; k < c->nactions; k++)
			if (merged[k].id == acts[i].id || !strcmp(merged[k].name, acts[i].name))
				break;
		if (k < c->nactions)
			merged[k] = acts[i];
		else
			merged[j++] = acts[i];
	}
	free(acts);
	if (c->actions_owned)
		free(c->actions);
	c->actions = merged;
	c->nactions = j;
	c->actions_owned = true;
	return CLI_OK;
}
