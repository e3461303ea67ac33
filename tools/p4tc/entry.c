// SPDX-License-Identifier: GPL-2.0
/*
 * Entries, their keys and actions, and default actions, on the command
 * line: parsed for p4ctrl (entries, tbl_attrs) and p4template (const
 * entries, default actions), and printed as text or JSON. Keys follow the
 * table's key schema, parameter values the pipeline's action templates.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

_Static_assert(P4TC_MAX_VALUE_SIZE >= P4TC_MAX_KEYSZ / 8, "a key fits in HEX_STR_SIZE");

/* The P4 core action that does nothing: action id 0. */
#define NOACTION "NoAction"

/* Permissions every default action keeps. */
#define DEFACT_NEEDED_PERMS (P4TC_CTRL_PERM_R | P4TC_DATA_PERM_R | P4TC_DATA_PERM_X)

/* A table's type, and how a field matches: as its table unless it says. */
static __u8 table_type(const struct p4tc_table *t)
{
	return t->type ?: P4TC_TABLE_TYPE_EXACT;
}

static __u8 field_match(const struct p4tc_table *t, const struct p4tc_keyfield *kf)
{
	return kf->match ?: table_type(t);
}

int ctx_add_action(const struct p4tc_action *act, void *data)
{
	struct entry_ctx *c = data;
	struct p4tc_action *actions;

	actions = realloc(c->actions, (c->nactions + 1) * sizeof(*actions));
	if (!actions)
		return -ENOMEM;
	actions[c->nactions++] = *act;
	c->actions = actions;
	return 0;
}

int ctx_load_actions(struct entry_ctx *c)
{
	struct p4tc_handle *h;
	int err;

	if (c->actions_loaded)
		return CLI_OK;
	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	c->actions_owned = true;
	err = p4tc_action_dump(h, c->pname, ctx_add_action, c);
	if (err < 0)
		return cli_fail(err);
	c->actions_loaded = true;
	return CLI_OK;
}

void ctx_free(struct entry_ctx *c)
{
	if (c->actions_owned)
		free(c->actions);
	c->actions = NULL;
	c->nactions = 0;
	c->actions_loaded = false;
}

const struct p4tc_action *ctx_find_action(const struct entry_ctx *c, __u32 id,
					  const char *name)
{
	unsigned int i;

	for (i = 0; i < c->nactions; i++)
		if ((id && c->actions[i].id == id) ||
		    (!id && name && !strcmp(c->actions[i].name, name)))
			return &c->actions[i];
	return NULL;
}

int action_local_name(const struct entry_ctx *c, const char *name, const char **local)
{
	const char *slash = strchr(name, '/');
	size_t plen = strlen(c->pname);

	*local = name;
	if (!slash || !strchr(slash + 1, '/'))
		return CLI_OK;
	if ((size_t)(slash - name) != plen || strncmp(name, c->pname, plen))
		return args_error(c->a, "action \"%s\" is not of pipeline %s", name, c->pname);
	*local = slash + 1;
	return CLI_OK;
}

bool is_noaction(const struct entry_ctx *c, const char *name)
{
	const char *local;

	if (action_local_name(c, name, &local))
		return false;
	if (!strncmp(local, c->pname, strlen(c->pname)) && local[strlen(c->pname)] == '/')
		local += strlen(c->pname) + 1;
	return !strcmp(local, NOACTION);
}

/*
 * An action as the user wrote it: its name ("cb/act" or "act"), the same
 * with the pipeline in front, or "act" alone if only one "cb/act" has it.
 */
int resolve_action(const struct entry_ctx *c, const char *name,
		   const struct p4tc_action **actp)
{
	const struct p4tc_action *found = NULL;
	size_t plen = strlen(c->pname), nlen, alen;
	const char *local;
	unsigned int i;
	int err;

	err = action_local_name(c, name, &local);
	if (err)
		return err;
	*actp = ctx_find_action(c, 0, local);
	if (*actp)
		return CLI_OK;
	if (!strncmp(local, c->pname, plen) && local[plen] == '/') {
		local += plen + 1;
		*actp = ctx_find_action(c, 0, local);
		if (*actp)
			return CLI_OK;
	}
	nlen = strlen(local);
	if (!strchr(local, '/')) {
		for (i = 0; i < c->nactions; i++) {
			alen = strlen(c->actions[i].name);
			if (alen <= nlen || c->actions[i].name[alen - nlen - 1] != '/' ||
			    strcmp(c->actions[i].name + alen - nlen, local))
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

/* The flags the table gives action @id, or -1 if it does not allow it. */
static int table_act_flags(const struct p4tc_table *t, __u32 id)
{
	unsigned int i;

	if (!t || !t->nacts)
		return 0;
	for (i = 0; i < t->nacts; i++)
		if (t->acts[i].id == id)
			return t->acts[i].flags;
	/* A list by name (a template being built): the kernel checks it. */
	return t->acts[0].id ? -1 : 0;
}

int parse_param_value(struct entry_ctx *c, const struct p4tc_action *act, bool *given,
		      struct p4tc_param_value *params, unsigned int *nparams)
{
	const struct p4tc_param *prm;
	struct p4tc_param_value *pv;
	const char *pname, *val;
	unsigned int i;
	char what[64];
	__u16 bitsz;
	__u32 n;
	int err;

	args_next(c->a);
	err = args_value(c->a, "param", &pname);
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
	snprintf(what, sizeof(what), "param %s", pname);
	/* As upstream's tc actions: "type T" and "id N" may come first, and must agree. */
	if (c->a->argc && !strcmp(c->a->argv[0], "type")) {
		err = parse_type(c->a, "type", "param", pname, &n, &bitsz);
		if (err)
			return err;
		if (n != prm->type || bitsz != prm->bitsz)
			return args_error(c->a, "%s of action %s: the action's param has another type",
					  what, act->name);
	}
	if (c->a->argc && !strcmp(c->a->argv[0], "id")) {
		args_next(c->a);
		snprintf(what, sizeof(what), "param %s id", pname);
		err = args_u32(c->a, what, UINT_MAX, &n);
		if (!err && n != prm->id)
			err = args_error(c->a, "%s %u: the action's param has id %u", what, n,
					 prm->id);
		if (err)
			return err;
		snprintf(what, sizeof(what), "param %s", pname);
	}
	err = args_value(c->a, what, &val);
	if (err)
		return err;
	pv = &params[(*nparams)++];
	memset(pv, 0, sizeof(*pv));
	strcpy(pv->name, prm->name);
	err = p4tc_value_parse(prm->type, prm->bitsz, val, pv->value, sizeof(pv->value));
	if (err < 0)
		return args_value_error(c->a, what, val, prm->type, prm->bitsz, err);
	pv->len = err;
	return CLI_OK;
}

int check_params_given(struct entry_ctx *c, const struct p4tc_action *act, const bool *given)
{
	unsigned int i;

	for (i = 0; i < act->nparams; i++)
		if (!given[i])
			return args_error(c->a, "action %s: param %s missing", act->name,
					  act->params[i].name);
	return CLI_OK;
}

/* action ACT {[param NAME VALUE]... | index N}, after the word "action" */
int parse_action(struct entry_ctx *c, struct p4tc_default_action *d, bool dflt)
{
	bool given[P4TC_MAX_PARAMS] = {};
	const struct p4tc_action *act;
	const char *name;
	int err, flags;

	err = args_value(c->a, "action", &name);
	if (err)
		return err;
	if (dflt && is_noaction(c, name)) {
		d->action_id = 0;
		d->action_name[0] = '\0';
		if (c->a->argc && !strcmp(c->a->argv[0], "param"))
			return args_error(c->a, "%s has no params", NOACTION);
		return CLI_OK;
	}
	err = ctx_load_actions(c);
	if (!err)
		err = resolve_action(c, name, &act);
	if (err)
		return err;
	flags = table_act_flags(c->t, act->id);
	if (flags < 0 || (flags & (dflt ? P4TC_TABLE_ACT_TABLEONLY : P4TC_TABLE_ACT_DEFAULTONLY)))
		return args_error(c->a, "action %s is not allowed %s", act->name,
				  dflt ? "as a default action" : "in entries");
	strcpy(d->action_name, act->name);
	d->action_id = 0;
	d->nparams = 0;
	d->action_index = 0;
	if (c->a->argc && !strcmp(c->a->argv[0], "index")) {
		args_next(c->a);
		err = args_u32(c->a, "index", INT_MAX, &d->action_index);
		if (!err && !d->action_index)
			err = args_error(c->a, "index 0: action instances go from 1");
		if (!err && c->a->argc && !strcmp(c->a->argv[0], "param"))
			err = args_error(c->a, "action %s: params or an instance index, not both",
					 act->name);
		return err;
	}
	while (!err && c->a->argc && !strcmp(c->a->argv[0], "param"))
		err = parse_param_value(c, act, given, d->params, &d->nparams);
	if (!err && c->a->argc && !strcmp(c->a->argv[0], "index"))
		err = args_error(c->a, "action %s: params or an instance index, not both",
				 act->name);
	return err ?: check_params_given(c, act, given);
}

int parse_permissions(struct args *a, const char *kw, __u16 *perm)
{
	__u32 n;
	int err;

	err = args_u32(a, kw, P4TC_PERM_MASK, &n);
	*perm = n;
	return err;
}

/* timer_profile id N aging MS, after "timer_profile" */
int parse_timer_profile(struct args *a, struct p4tc_table *t)
{
	struct p4tc_timer_profile *tp;
	const char *kw;
	unsigned int i;
	int err;

	if (t->ntimer_profiles == P4TC_MAX_TIMER_PROFILES)
		return args_error(a, "more than %d timer profiles", P4TC_MAX_TIMER_PROFILES);
	tp = &t->timer_profiles[t->ntimer_profiles];
	kw = args_next(a);
	if (!kw || strcmp(kw, "id"))
		return args_error(a, "timer_profile needs \"id N aging MS\"");
	err = args_u32(a, "timer_profile id", P4TC_MAX_TIMER_PROFILES - 1, &tp->id);
	if (err)
		return err;
	kw = args_next(a);
	if (!kw || strcmp(kw, "aging"))
		return args_error(a, "timer_profile id %u needs \"aging MS\"", tp->id);
	err = args_u32(a, "timer_profile aging", P4TC_MAX_AGING_MS, &tp->aging_ms);
	if (err)
		return err;
	if (!tp->aging_ms)
		return args_error(a, "timer_profile id %u: aging 0: profiles age after 1 to %u ms",
				  tp->id, P4TC_MAX_AGING_MS);
	for (i = 0; i < t->ntimer_profiles; i++)
		if (t->timer_profiles[i].id == tp->id)
			return args_error(a, "timer_profile id %u given twice", tp->id);
	t->ntimer_profiles++;
	return CLI_OK;
}

/* default_hit_action | default_miss_action: noaction | [permissions P] action ACT ... */
int parse_defact(struct entry_ctx *c, const char *kw, struct p4tc_default_action *d)
{
	const char *word;
	int err;

	memset(d, 0, sizeof(*d));
	if (c->a->argc && !strcmp(c->a->argv[0], "noaction")) {
		args_next(c->a);
		d->noaction = true;
		return CLI_OK;
	}
	while ((word = args_next(c->a))) {
		if (!strcmp(word, "permissions")) {
			char what[48];

			/* The error names the default action, not just "permissions". */
			snprintf(what, sizeof(what), "%s permissions", kw);
			err = parse_permissions(c->a, what, &d->permissions);
			if (!err && (d->permissions & DEFACT_NEEDED_PERMS) != DEFACT_NEEDED_PERMS)
				err = args_error(c->a, "%s permissions 0x%x must keep control read, data read and data execute (0x%x)",
						 kw, d->permissions, DEFACT_NEEDED_PERMS);
			if (err)
				return err;
		} else if (!strcmp(word, "action")) {
			return parse_action(c, d, true);
		} else {
			return args_error(c->a, "%s: unexpected \"%s\": expected [permissions PERM] action ACT or noaction",
					  kw, word);
		}
	}
	return args_error(c->a, "%s needs \"action ACT\" or \"noaction\"", kw);
}

/* Whether the key of @t is the implicit field written in hex. */
bool key_is_hex(const struct p4tc_table *t)
{
	return !t->nkeyfields && (t->keysz > P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS ||
				  table_type(t) != P4TC_TABLE_TYPE_EXACT);
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

/* Whether @mask is a prefix of the key: ones, then zeros. */
static bool mask_is_prefix(const __u8 *mask, unsigned int len)
{
	unsigned int i = 0;

	while (i < len && mask[i] == 0xff)
		i++;
	if (i < len && (__u8)(mask[i] << __builtin_popcount(mask[i])))
		return false;
	while (++i < len)
		if (mask[i])
			return false;
	return true;
}

static int key_field_error(const struct entry_ctx *c, unsigned int i,
			   const struct p4tc_keyfield *kf, const char *val, int err)
{
	const struct p4tc_table *t = c->t;
	char what[64], tname[16], value[HEX_STR_SIZE];
	const char *slash = strchr(val, '/');
	__u8 key[P4TC_MAX_KEYSZ / 8];

	snprintf(what, sizeof(what), "key field %s", kf->name);
	if (slash && (size_t)(slash - val) < sizeof(value)) {
		/* The value before the '/': its own error, if it has one. */
		snprintf(value, sizeof(value), "%.*s", (int)(slash - val), val);
		err = p4tc_key_field_parse(t, i, value, key, p4tc_key_size(t));
		if (err) {
			val = value;
		} else if (table_type(t) == P4TC_TABLE_TYPE_EXACT) {
			return args_error(c->a, "%s: \"%s\": an exact table takes no prefix or mask",
					  what, val);
		} else if (field_match(t, kf) == P4TC_MATCH_EXACT) {
			return args_error(c->a, "%s: \"%s\": the field matches exact, without prefix or mask",
					  what, val);
		} else if (key_is_hex(t)) {
			return args_error(c->a, "key: \"%s\": the mask is not /PREFIX (0 to %u) or /MASK, 0x and %d hex digits",
					  val, t->keysz, 2 * p4tc_key_size(t));
		} else {
			return args_error(c->a, "%s: \"%s\" is not VALUE/PREFIX (0 to %u) or VALUE/MASK of %s",
					  what, val, kf->bitsz,
					  type_name(kf->type, kf->bitsz, tname, sizeof(tname)));
		}
	}
	if (err == -EINVAL && key_is_hex(t))
		return args_error(c->a, "key: \"%s\" is not 0x and %d hex digits", val,
				  2 * p4tc_key_size(t));
	return args_value_error(c->a, what, val, kf->type, kf->bitsz, err);
}

/*
 * FIELD VALUE[/PREFIX|/MASK] pairs into @e's key and mask, up to the first
 * word that is not a key field; then either every field or, if @optional,
 * none was given.
 */
int parse_entry_key(struct entry_ctx *c, struct p4tc_entry *e, bool optional)
{
	bool given[P4TC_MAX_KEY_FIELDS] = {};
	const struct p4tc_table *t = c->t;
	int i, n, keylen, ngiven = 0, err;
	struct p4tc_keyfield kf;
	const char *val;

	keylen = p4tc_key_size(t);
	n = p4tc_key_nfields(t);
	if (keylen < 0 || n < 0)
		return args_error(c->a, "the table's keysz %u is not usable", t->keysz);
	e->keylen = keylen;
	while (c->a->argc && (i = find_key_field(t, c->a->argv[0])) >= 0 && !given[i]) {
		p4tc_key_field(t, i, &kf);
		err = args_value(c->a, args_next(c->a), &val);
		if (err)
			return err;
		err = p4tc_key_field_parse_masked(t, i, val, e->key, e->mask, e->keylen);
		if (err)
			return key_field_error(c, i, &kf, val, err);
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
	if (table_type(t) != P4TC_TABLE_TYPE_EXACT)
		e->has |= P4TC_ENTRY_HAS_MASK;
	if (table_type(t) == P4TC_TABLE_TYPE_LPM && !mask_is_prefix(e->mask, e->keylen))
		return args_error(c->a, "lpm key: the masks must make one prefix of the key, first byte first (fields after a partial prefix take /0; numbers wider than a byte, a full mask)");
	return CLI_OK;
}

/* A name for an entry's table: its id if known, the shortest. */
static void entry_set_table(const struct p4tc_table *t, struct p4tc_entry *e)
{
	if (t->id)
		e->table_id = t->id;
	else
		strcpy(e->table_name, t->name);
}

int parse_entry(struct entry_ctx *c, struct p4tc_entry *e, enum entry_mode mode)
{
	bool exact = table_type(c->t) == P4TC_TABLE_TYPE_EXACT;
	bool change = mode == ENTRY_CREATE || mode == ENTRY_UPDATE;
	struct p4tc_default_action act;
	const char *kw;
	int err;

	memset(e, 0, sizeof(*e));
	if (mode != ENTRY_CONST)
		entry_set_table(c->t, e);
	err = parse_entry_key(c, e, mode == ENTRY_LOOKUP);
	if (err)
		return err;
	while (c->a->argc && strcmp(c->a->argv[0], "entry")) {
		/* A const entry ends at the next attribute of its table. */
		if (mode == ENTRY_CONST && strcmp(c->a->argv[0], "prio") &&
		    strcmp(c->a->argv[0], "permissions") && strcmp(c->a->argv[0], "action") &&
		    strcmp(c->a->argv[0], "skip_hw") && strcmp(c->a->argv[0], "skip_sw"))
			break;
		kw = args_next(c->a);
		if (!strcmp(kw, "prio") && !exact && e->keylen) {
			err = args_u32(c->a, kw, P4TC_MAX_PRIO, &e->prio);
			if (!err && !e->prio)
				err = args_error(c->a, "prio 0: prios go from 1 to %u", P4TC_MAX_PRIO);
			e->has |= P4TC_ENTRY_HAS_PRIO;
		} else if (!strcmp(kw, "prio") && exact && e->keylen) {
			err = args_error(c->a, "an exact table takes no prio (its entries have %u)",
					 P4TC_EXACT_PRIO);
		} else if (!strcmp(kw, "permissions") && mode != ENTRY_LOOKUP) {
			err = parse_permissions(c->a, kw, &e->permissions);
			if (!err && (e->permissions & (P4TC_CTRL_PERM_C | P4TC_DATA_PERM_C)))
				err = args_error(c->a, "entry permissions 0x%x: an entry has no create bits (0x%x)",
						 e->permissions, P4TC_CTRL_PERM_C | P4TC_DATA_PERM_C);
			e->has |= P4TC_ENTRY_HAS_PERMISSIONS;
		} else if ((!strcmp(kw, "skip_hw") || !strcmp(kw, "skip_sw")) &&
			   mode != ENTRY_LOOKUP && !(e->has & P4TC_ENTRY_HAS_FLAGS)) {
			/* Upstream's offload intent; the kernel refuses skip_sw. */
			e->flags = !strcmp(kw, "skip_hw") ? P4TC_ENTRY_FLAGS_SKIP_HW :
							  P4TC_ENTRY_FLAGS_SKIP_SW;
			e->has |= P4TC_ENTRY_HAS_FLAGS;
		} else if (!strcmp(kw, "dynamic") && change) {
			e->dynamic = true;
		} else if (!strcmp(kw, "aging") && change) {
			err = args_u32(c->a, kw, P4TC_MAX_AGING_MS, &e->aging_ms);
			if (!err && !e->aging_ms)
				err = args_error(c->a, "aging 0: an entry ages after 1 to %u ms",
						 P4TC_MAX_AGING_MS);
			e->has |= P4TC_ENTRY_HAS_AGING;
		} else if (!strcmp(kw, "profile_id") && change) {
			err = args_u32(c->a, kw, P4TC_MAX_TIMER_PROFILES - 1, &e->profile_id);
			e->has |= P4TC_ENTRY_HAS_PROFILE_ID;
		} else if (!strcmp(kw, "action") && mode != ENTRY_LOOKUP) {
			memset(&act, 0, sizeof(act));
			err = parse_action(c, &act, false);
			strcpy(e->action_name, act.action_name);
			e->action_index = act.action_index;
			e->nparams = act.nparams;
			memcpy(e->params, act.params, sizeof(act.params));
		} else if (e->keylen && find_key_field(c->t, kw) >= 0) {
			err = args_error(c->a, "key field %s given twice", kw);
		} else {
			err = args_error(c->a, "unexpected \"%s\"", kw);
		}
		if (err)
			return err;
	}
	if ((e->has & P4TC_ENTRY_HAS_AGING) && (e->has & P4TC_ENTRY_HAS_PROFILE_ID))
		return args_error(c->a, "aging or profile_id, not both");
	if (mode == ENTRY_CREATE && !e->dynamic &&
	    (e->has & (P4TC_ENTRY_HAS_AGING | P4TC_ENTRY_HAS_PROFILE_ID)))
		return args_error(c->a, "%s is for dynamic entries",
				  e->has & P4TC_ENTRY_HAS_AGING ? "aging" : "profile_id");
	if (table_type(c->t) == P4TC_TABLE_TYPE_TERNARY && e->keylen &&
	    (mode == ENTRY_LOOKUP || mode == ENTRY_UPDATE) && !(e->has & P4TC_ENTRY_HAS_PRIO))
		return args_error(c->a, "ternary entries are named by key, mask and prio: prio missing");
	return CLI_OK;
}

int parse_entries(struct entry_ctx *c, enum entry_mode mode, struct p4tc_entry **entries,
		  unsigned int *n)
{
	struct p4tc_entry *v = NULL, *grown;
	unsigned int count = 0, size = 0;
	int err;

	/* "entry" may come first too. */
	if (c->a->argc && !strcmp(c->a->argv[0], "entry"))
		args_next(c->a);
	do {
		if (count == size) {
			size = size ? 2 * size : 4;
			grown = realloc(v, size * sizeof(*v));
			if (!grown) {
				free(v);
				cli_error("out of memory");
				return CLI_EFAIL;
			}
			v = grown;
		}
		err = parse_entry(c, &v[count], mode);
		if (err) {
			free(v);
			return err;
		}
		if (!v[count].keylen && (count || c->a->argc)) {
			free(v);
			return args_error(c->a, "entry %u: no key", count + 1);
		}
		count++;
	} while (args_next(c->a));
	*entries = v;
	*n = count;
	return CLI_OK;
}

int parse_entry_filter(struct entry_ctx *c, struct p4tc_entry_filter **fp)
{
	LIBP4TC_OPTS(p4tc_entry_filter_opts, opts);
	struct args *a = c->a;
	struct p4tc_handle *h;
	size_t len = 1;
	char *expr;
	int i, err;

	*fp = NULL;
	if (!a->argc)
		return args_error(a, "filter needs an expression");
	h = cli_handle();
	if (!h)
		return CLI_EFAIL;
	/* Actions are read for the action and param operands. */
	if (c->pname) {
		err = ctx_load_actions(c);
		if (err)
			return err;
	}
	for (i = 0; i < a->argc; i++)
		len += strlen(a->argv[i]) + 1;
	expr = malloc(len);
	if (!expr) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	expr[0] = '\0';
	for (i = 0; i < a->argc; i++) {
		if (i)
			strcat(expr, " ");
		strcat(expr, a->argv[i]);
	}
	opts.pname = c->pname;
	opts.table = c->t;
	opts.actions = c->actions_loaded ? c->actions : NULL;
	opts.nactions = c->actions_loaded ? c->nactions : 0;
	*fp = p4tc_entry_filter_new(h, expr, &opts);
	free(expr);
	if (!*fp)
		return errno == EINVAL ? args_error(a, "%s", p4tc_errmsg(h)) : cli_fail(-errno);
	a->argv += a->argc;
	a->argc = 0;
	return CLI_OK;
}

/* Output */

void hex_str(const __u8 *bytes, size_t len, char *buf)
{
	size_t i;

	strcpy(buf, "0x");
	for (i = 0; i < len; i++)
		sprintf(buf + 2 + 2 * i, "%02x", bytes[i]);
}

void print_key(const struct entry_ctx *c, const struct p4tc_entry *e)
{
	char val[HEX_STR_SIZE], hex[HEX_STR_SIZE];
	const struct p4tc_table *t = c->t;
	struct p4tc_keyfield kf;
	int i, n = p4tc_key_nfields(t), plen;
	__u8 match;

	hex_str(e->key, e->keylen, hex);
	out_open_array("key");
	for (i = 0; i < n; i++) {
		p4tc_key_field(t, i, &kf);
		match = field_match(t, &kf);
		if (p4tc_key_field_str(t, i, e->key, e->keylen, val, sizeof(val)) < 0)
			strcpy(val, hex);
		out_open_object(NULL);
		out_str("keyfield", "\tkey %s", kf.name);
		out_uint("id", " id %llu", kf.id);
		out_uint("width", " width %llu", kf.bitsz);
		out_type("type", " type %s", kf.type, kf.bitsz);
		out_match("match_type", " match %s", match);
		out_typed_value("fieldval", " fieldval %s", key_is_hex(t) ? P4TC_T_KEY : kf.type,
				val);
		if (match != P4TC_MATCH_EXACT && (e->has & P4TC_ENTRY_HAS_MASK)) {
			plen = match == P4TC_MATCH_LPM ?
			       p4tc_key_field_prefix(t, i, e->mask, e->keylen) : -1;
			if (plen >= 0)
				out_uint("prefix", " prefix %llu", plen);
			else if (p4tc_key_field_mask_str(t, i, e->mask, e->keylen, val,
							 sizeof(val)) >= 0)
				out_str("mask", " mask %s", val);
		}
		out_text("\n");
		out_close_object();
	}
	out_close_array();
}

static void print_param_value(const struct p4tc_action *act,
			      const struct p4tc_param_value *pv, const char *indent)
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
	out_text("%s", indent);
	out_str("name", "param %s", prm ? prm->name : pv->name);
	if (prm)
		out_type("type", " type %s", prm->type, prm->bitsz);
	else
		out_str("type", " type %s", "unknown");
	out_typed_value("value", " value %s\n", prm ? prm->type : P4TC_T_KEY, val);
	out_close_object();
}

void print_tm(const char *indent, __u64 created_ms, __u64 firstused_ms, __u64 lastused_ms)
{
	out_open_object("tm");
	out_text("%s", indent);
	out_uint("created", "created %llu ms ago", created_ms);
	out_uint("firstused", firstused_ms ? ", first used %llu ms ago" : NULL, firstused_ms);
	out_uint("lastused", lastused_ms ? ", last used %llu ms ago" : NULL, lastused_ms);
	if (!lastused_ms)
		out_text(", never used");
	out_text("\n");
	out_close_object();
}

void print_param_values(const struct p4tc_action *act, const struct p4tc_param_value *params,
			unsigned int nparams, const char *indent)
{
	unsigned int i;

	out_open_array("params");
	for (i = 0; i < nparams; i++)
		print_param_value(act, &params[i], indent);
	out_close_array();
}

/*
 * "actname" (in text, @fmt of it), "actid" and "params" of an entry's or a
 * default action.
 */
static void print_action_body(const struct entry_ctx *c, const char *fmt, __u32 id,
			      const char *name, __u32 index,
			      const struct p4tc_param_value *params, unsigned int nparams)
{
	const struct p4tc_action *act = ctx_find_action(c, id, name);

	out_str("actname", fmt, name[0] ? name : act ? act->name : id ? "unknown" : NOACTION);
	out_uint("actid", index ? " actid %llu" : " actid %llu\n", id ?: act ? act->id : 0);
	if (index)
		out_uint("index", " index %llu\n", index);
	print_param_values(act, params, nparams, "\t\t");
}

static const char *entity_name(__u8 entity, char *buf, size_t size)
{
	switch (entity) {
	case P4TC_ENTITY_KERNEL:
		return "kernel";
	case P4TC_ENTITY_TC:
		return "tc";
	case P4TC_ENTITY_TIMER:
		return "timer";
	}
	snprintf(buf, size, "entity%u", entity);
	return buf;
}

static void print_who(const char *key, const struct p4tc_entry_who *who)
{
	char name[16];

	out_open_object(key);
	out_text("\t%s", key);
	out_str("entity", " %s", entity_name(who->entity, name, sizeof(name)));
	out_uint("pid", " pid %llu", who->pid);
	out_str("comm", " comm %s\n", who->comm);
	out_close_object();
}

void print_entry_as(const struct entry_ctx *c, const struct p4tc_entry *e, bool header)
{
	out_open_object(NULL);
	out_uint("tblid", header ? "entry tblid %llu" : NULL, e->table_id ?: c->t->id);
	out_str("tblname", header ? " table %s" : NULL,
		e->table_name[0] ? e->table_name : c->t->name);
	if (e->has & P4TC_ENTRY_HAS_PRIO)
		out_uint("prio", header ? " prio %llu" : NULL, e->prio);
	if ((e->has & P4TC_ENTRY_HAS_PERMISSIONS) && header)
		out_permissions("permissions", " permissions %s", e->permissions);
	else if (e->has & P4TC_ENTRY_HAS_PERMISSIONS && out_json())
		out_permissions("permissions", NULL, e->permissions);
	if (header)
		out_text("\n");
	print_key(c, e);
	if (e->action_id || e->action_name[0]) {
		out_open_object("actions");
		print_action_body(c, "\taction %s", e->action_id, e->action_name, e->action_index,
				  e->params, e->nparams);
		out_close_object();
	}
	out_bool("dynamic", NULL, e->dynamic);
	if (e->dynamic)
		out_text("\tdynamic");
	if (e->has & P4TC_ENTRY_HAS_AGING)
		out_uint("aging", " aging %llu", e->aging_ms);
	if (e->dynamic)
		out_text("\n");
	out_bool("tmpl_created", NULL, e->tmpl_created);
	if (e->tmpl_created)
		out_text("\ttmpl_created\n");
	/* As tc shows filters: the offload flags, once one is asked for. */
	if (e->flags & (P4TC_ENTRY_FLAGS_SKIP_HW | P4TC_ENTRY_FLAGS_SKIP_SW)) {
		out_bool("skip_hw", e->flags & P4TC_ENTRY_FLAGS_SKIP_HW ? "\tskip_hw" : NULL,
			 e->flags & P4TC_ENTRY_FLAGS_SKIP_HW);
		out_bool("skip_sw", e->flags & P4TC_ENTRY_FLAGS_SKIP_SW ? "\tskip_sw" : NULL,
			 e->flags & P4TC_ENTRY_FLAGS_SKIP_SW);
		out_bool("not_in_hw", e->flags & P4TC_ENTRY_FLAGS_NOT_IN_HW ? " not_in_hw" : NULL,
			 e->flags & P4TC_ENTRY_FLAGS_NOT_IN_HW);
		out_text("\n");
	}
	if (e->has & P4TC_ENTRY_HAS_TM)
		print_tm("\t", e->created_ms, e->firstused_ms, e->lastused_ms);
	if (e->has & P4TC_ENTRY_HAS_CREATED_BY)
		print_who("created_by", &e->created_by);
	if (e->has & P4TC_ENTRY_HAS_UPDATED_BY)
		print_who("updated_by", &e->updated_by);
	if (e->has & P4TC_ENTRY_HAS_DELETED_BY)
		print_who("deleted_by", &e->deleted_by);
	if (e->has & P4TC_ENTRY_HAS_COUNTERS) {
		out_open_object("counters");
		out_uint("packets", "\tcounters packets %llu", e->packets);
		out_uint("bytes", " bytes %llu\n", e->bytes);
		out_close_object();
	}
	out_close_object();
}

void print_entry(const struct entry_ctx *c, const struct p4tc_entry *e)
{
	print_entry_as(c, e, true);
}

void print_defact(const struct entry_ctx *c, const char *key,
		  const struct p4tc_default_action *d)
{
	out_open_object(key);
	out_text("\t%s", key);
	out_permissions("permissions", " permissions %s", d->permissions);
	print_action_body(c, " action %s", d->action_id, d->action_name, d->action_index,
			  d->params, d->nparams);
	out_close_object();
}

/* p4ctrl ... help */

static void print_action_help(FILE *f, const struct p4tc_action *act, const char *scope)
{
	char type[32];
	unsigned int j;

	fprintf(f, "\taction %s", act->name);
	for (j = 0; j < act->nparams; j++)
		fprintf(f, " param %s %s", act->params[j].name,
			type_name(act->params[j].type, act->params[j].bitsz, type, sizeof(type)));
	fprintf(f, "%s\n", scope);
}

void print_table_help(FILE *f, const struct entry_ctx *c)
{
	const struct p4tc_table *t = c->t;
	const struct p4tc_action *act;
	char type[32], mname[16];
	struct p4tc_keyfield kf;
	int i, n = p4tc_key_nfields(t);
	unsigned int j;
	__u8 match;

	fprintf(f, "Key of %s table %s/%s (keysz %u):\n",
		match_name(table_type(t), mname, sizeof(mname)), c->pname, t->name, t->keysz);
	for (i = 0; i < n; i++) {
		p4tc_key_field(t, i, &kf);
		match = field_match(t, &kf);
		if (key_is_hex(t))
			snprintf(type, sizeof(type), "0x and %d hex digits", 2 * p4tc_key_size(t));
		else
			type_name(kf.type, kf.bitsz, type, sizeof(type));
		fprintf(f, "\t%s %s match %s%s\n", kf.name, type,
			match_name(match, mname, sizeof(mname)),
			match == P4TC_MATCH_LPM ? ": VALUE[/PREFIX]" :
			match == P4TC_MATCH_TERNARY ? ": VALUE[/PREFIX|/MASK]" : "");
	}
	if (table_type(t) == P4TC_TABLE_TYPE_TERNARY)
		fprintf(f, "Entries are named by key, mask and prio: update, get and delete need \"prio N\".\n");
	if (!t->nacts) {
		fprintf(f, "Actions (the table allows every action of pipeline %s):\n", c->pname);
		for (j = 0; j < c->nactions; j++)
			print_action_help(f, &c->actions[j], "");
		return;
	}
	fprintf(f, "Actions of the table:\n");
	for (j = 0; j < t->nacts; j++) {
		act = ctx_find_action(c, t->acts[j].id, t->acts[j].name);
		if (!act) {
			fprintf(f, "\taction id %u (unknown)\n", t->acts[j].id);
			continue;
		}
		print_action_help(f, act, t->acts[j].flags & P4TC_TABLE_ACT_TABLEONLY ?
				  " (in entries only)" :
				  t->acts[j].flags & P4TC_TABLE_ACT_DEFAULTONLY ?
				  " (as a default action only)" : "");
	}
}
