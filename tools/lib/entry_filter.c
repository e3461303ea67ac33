// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Entry filters: an expression read into a tree of comparisons and logical
 * operators, sent as P4TC_ENTRY_A_FILTER with dumps and flushes, or matched
 * against entries in user space as the kernel would.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

#include <p4tc/filter.h>

struct p4tc_entry_filter {
	__u8 op;		/* enum p4tc_filter_op */
	/* comparisons */
	__u8 operand;		/* enum p4tc_filter_operand */
	bool host_order;	/* @value is a host-order integer */
	bool has_mask;		/* a mask was given: sent as MASK */
	__u8 len;		/* bytes in @value and @mask */
	__u16 offset;		/* into the key, or the params block */
	__u32 act_id;		/* action and param operands */
	/* param operands: the param, among an entry's values by id or name */
	__u32 param_id;
	char param_name[P4TC_NAME_LEN];
	__u8 value[P4TC_FILTER_VALUE_MAX];
	__u8 mask[P4TC_FILTER_VALUE_MAX];	/* all ones without a mask */
	/* logical operators: NOT has one child, the others two */
	struct p4tc_entry_filter *child[2];
};

/* Tokens */

enum p4tc_tok_kind {
	P4TC_TOK_END,
	P4TC_TOK_WORD,
	P4TC_TOK_STRING,	/* "..." */
	P4TC_TOK_LPAREN,
	P4TC_TOK_RPAREN,
	P4TC_TOK_RELOP,
};

struct p4tc_tok {
	enum p4tc_tok_kind kind;
	__u8 op;		/* relops: enum p4tc_filter_op */
	const char *text;
};

struct p4tc_filter_parser {
	struct p4tc_handle *h;
	const char *pname;
	const struct p4tc_table *table;
	const struct p4tc_action *actions;
	unsigned int nactions;
	struct p4tc_tok *toks;
	unsigned int ntoks;
	unsigned int pos;
	char *buf;
	/* the first error, its message in the handle */
	int err;
};

static const struct {
	const char *text;
	__u8 op;
} p4tc_relops[] = {
	{ "==", P4TC_FILTER_OP_EQ }, { "!=", P4TC_FILTER_OP_NE },
	{ "<=", P4TC_FILTER_OP_LE }, { ">=", P4TC_FILTER_OP_GE },
	{ "<", P4TC_FILTER_OP_LT }, { ">", P4TC_FILTER_OP_GT },
};

/* Fail the parse at token @i (the end if past it): -EINVAL. */
static __attribute__((format(printf, 3, 4)))
int p4tc_filter_fail(struct p4tc_filter_parser *p, unsigned int i, const char *fmt, ...)
{
	char what[P4TC_ERRMSG_LEN];
	va_list ap;

	if (p->err)
		return p->err;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (i < p->ntoks && p->toks[i].kind != P4TC_TOK_END)
		p4tc_err(p->h, -EINVAL, "filter: at \"%s\" (token %u): %s", p->toks[i].text,
			 i + 1, what);
	else
		p4tc_err(p->h, -EINVAL, "filter: at the end: %s", what);
	p->err = -EINVAL;
	return p->err;
}

static bool p4tc_filter_special(char c)
{
	return c == '(' || c == ')' || c == '=' || c == '!' || c == '<' || c == '>' || c == '"';
}

/* Split @expr into tokens, ending with P4TC_TOK_END. */
static int p4tc_filter_lex(struct p4tc_filter_parser *p, const char *expr)
{
	size_t n = strlen(expr);
	const char *s = expr;
	struct p4tc_tok *t;
	unsigned int i;
	char *out;

	p->buf = malloc(2 * n + 1);
	p->toks = calloc(n + 1, sizeof(*p->toks));
	if (!p->buf || !p->toks)
		return -ENOMEM;
	out = p->buf;
	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		t = &p->toks[p->ntoks++];
		t->text = out;
		if (!*s) {
			t->kind = P4TC_TOK_END;
			*out = '\0';
			return 0;
		}
		if (*s == '(' || *s == ')') {
			t->kind = *s == '(' ? P4TC_TOK_LPAREN : P4TC_TOK_RPAREN;
			*out++ = *s++;
		} else if (*s == '"') {
			t->kind = P4TC_TOK_STRING;
			for (s++; *s && *s != '"'; s++) {
				if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
					s++;
				*out++ = *s;
			}
			*out++ = '\0';
			if (!*s)
				return p4tc_filter_fail(p, p->ntoks - 1, "its \" is not closed");
			s++;
			continue;
		} else if (p4tc_filter_special(*s)) {
			t->kind = P4TC_TOK_RELOP;
			for (i = 0; i < ARRAY_SIZE(p4tc_relops); i++)
				if (!strncmp(s, p4tc_relops[i].text, strlen(p4tc_relops[i].text)))
					break;
			if (i == ARRAY_SIZE(p4tc_relops)) {
				*out++ = *s;
				*out = '\0';
				return p4tc_filter_fail(p, p->ntoks - 1,
							"not an operator: ==, !=, <, >, <= or >=");
			}
			t->op = p4tc_relops[i].op;
			memcpy(out, s, strlen(p4tc_relops[i].text));
			out += strlen(p4tc_relops[i].text);
			s += strlen(p4tc_relops[i].text);
		} else {
			t->kind = P4TC_TOK_WORD;
			while (*s && !isspace((unsigned char)*s) && !p4tc_filter_special(*s))
				*out++ = *s++;
		}
		*out++ = '\0';
	}
}

static const struct p4tc_tok *p4tc_filter_peek(const struct p4tc_filter_parser *p)
{
	return &p->toks[p->pos];
}

static bool p4tc_filter_is_word(const struct p4tc_filter_parser *p, const char *word)
{
	const struct p4tc_tok *t = p4tc_filter_peek(p);

	return t->kind == P4TC_TOK_WORD && !strcmp(t->text, word);
}

static struct p4tc_entry_filter *p4tc_filter_node(struct p4tc_filter_parser *p, __u8 op)
{
	struct p4tc_entry_filter *f = calloc(1, sizeof(*f));

	if (!f) {
		p->err = p4tc_err(p->h, -ENOMEM, "filter: out of memory");
		return NULL;
	}
	f->op = op;
	memset(f->mask, 0xff, sizeof(f->mask));
	return f;
}

LIBP4TC_API void p4tc_entry_filter_free(struct p4tc_entry_filter *f)
{
	if (!f)
		return;
	p4tc_entry_filter_free(f->child[0]);
	p4tc_entry_filter_free(f->child[1]);
	free(f);
}

/* Actions */

/*
 * The action named @name: as p4tc_entry_create() takes it, or its last
 * component if no other action ends with it. 0 (*@actp NULL for NoAction),
 * -ENOENT or -EEXIST (ambiguous, *@actp and *@other the two).
 */
static int p4tc_filter_find_action(const struct p4tc_filter_parser *p, const char *name,
				   const struct p4tc_action **actp,
				   const struct p4tc_action **other)
{
	const char *local = name, *slash = strchr(name, '/');
	size_t nlen, alen;
	unsigned int i;

	*actp = NULL;
	if (slash && strchr(slash + 1, '/')) {
		/* PIPE/CB/ACT */
		if (p->pname && ((size_t)(slash - name) != strlen(p->pname) ||
				 strncmp(name, p->pname, slash - name)))
			return -ENOENT;
		local = slash + 1;
	}
	if (!strcmp(local, "NoAction"))
		return 0;
	for (i = 0; i < p->nactions; i++) {
		if (!strcmp(p->actions[i].name, local)) {
			*actp = &p->actions[i];
			return 0;
		}
	}
	if (strchr(local, '/'))
		return -ENOENT;
	nlen = strlen(local);
	for (i = 0; i < p->nactions; i++) {
		alen = strlen(p->actions[i].name);
		if (alen <= nlen || p->actions[i].name[alen - nlen - 1] != '/' ||
		    strcmp(p->actions[i].name + alen - nlen, local))
			continue;
		if (*actp) {
			*other = &p->actions[i];
			return -EEXIST;
		}
		*actp = &p->actions[i];
	}
	return *actp ? 0 : -ENOENT;
}

/* ACT of an action operand, at token @i: its id into @f. */
static int p4tc_filter_action(struct p4tc_filter_parser *p, unsigned int i, const char *name,
			      struct p4tc_entry_filter *f)
{
	const struct p4tc_action *act, *other;
	int err;

	if (!p->actions && strcmp(name, "NoAction"))
		return p4tc_filter_fail(p, i, "no action templates to name action %s with", name);
	err = p4tc_filter_find_action(p, name, &act, &other);
	if (err == -EEXIST)
		return p4tc_filter_fail(p, i, "action %s is ambiguous: %s or %s", name, act->name,
					other->name);
	if (err)
		return p4tc_filter_fail(p, i, "no action %s", name);
	if (act && !act->id)
		return p4tc_filter_fail(p, i, "action %s has no id", act->name);
	f->operand = P4TC_FILTER_OPND_ACTION;
	f->act_id = act ? act->id : 0;
	return 0;
}

/*
 * ACT.PARAM of param.act.ACT.PARAM, at token @i: names may hold dots, so
 * every split is tried; exactly one must name an action and its param.
 */
static int p4tc_filter_find_param(struct p4tc_filter_parser *p, unsigned int i,
				  const char *path, const struct p4tc_action **actp,
				  const struct p4tc_param **prmp)
{
	const struct p4tc_action *act, *other;
	char name[2 * P4TC_NAME_LEN];
	unsigned int found = 0, j;
	const char *dot;

	if (strlen(path) >= sizeof(name))
		return p4tc_filter_fail(p, i, "no such action and param");
	if (!p->actions)
		return p4tc_filter_fail(p, i, "no action templates to find the param in");
	for (dot = strchr(path, '.'); dot; dot = strchr(dot + 1, '.')) {
		memcpy(name, path, dot - path);
		name[dot - path] = '\0';
		if (p4tc_filter_find_action(p, name, &act, &other) || !act)
			continue;
		for (j = 0; j < act->nparams; j++) {
			if (strcmp(act->params[j].name, dot + 1))
				continue;
			if (found++)
				return p4tc_filter_fail(p, i, "ambiguous: param %s of %s, or param %s of %s",
							(*prmp)->name, (*actp)->name,
							act->params[j].name, act->name);
			*actp = act;
			*prmp = &act->params[j];
		}
	}
	if (!found)
		return p4tc_filter_fail(p, i, "no action with such a param (param.act.ACT.PARAM)");
	if (!(*actp)->id)
		return p4tc_filter_fail(p, i, "action %s has no id", (*actp)->name);
	return 0;
}

/* A value the library refused with @err, at token @i. */
static int p4tc_filter_value_fail(struct p4tc_filter_parser *p, unsigned int i, int err,
				  const char *what, __u32 type, __u16 bitsz, bool masks)
{
	char tname[16];

	if (p4tc_type_str(type, bitsz, tname, sizeof(tname)) < 0)
		snprintf(tname, sizeof(tname), "type%u", type);
	if (err == -ERANGE)
		return p4tc_filter_fail(p, i, "out of range for %s %s", tname, what);
	if (err == -ENODEV)
		return p4tc_filter_fail(p, i, "no such device for %s", what);
	return p4tc_filter_fail(p, i, "not a valid %s%s for %s", tname,
				masks ? "[/PREFIX|/MASK]" : "", what);
}

/* Whether a table's key is its implicit field written in hex (as key.c). */
static bool p4tc_filter_key_is_hex(const struct p4tc_table *t)
{
	return !t->nkeyfields && (t->keysz > P4TC_IMPLICIT_KEY_MAX_NUMBER_BITS ||
				  (t->type && t->type != P4TC_TABLE_TYPE_EXACT));
}

/* key.FIELD RELOP VALUE, the value at token @i */
static int p4tc_filter_key(struct p4tc_filter_parser *p, unsigned int i, const char *field,
			   const char *val, struct p4tc_entry_filter *f)
{
	__u8 key[P4TC_MAX_KEYSZ / 8], mask[P4TC_MAX_KEYSZ / 8];
	const struct p4tc_table *t = p->table;
	unsigned int off, size, j;
	struct p4tc_keyfield kf;
	char what[64];
	int n, len, err;

	if (!t)
		return p4tc_filter_fail(p, i - 2, "no table to find key fields in");
	n = p4tc_key_nfields(t);
	len = p4tc_key_size(t);
	if (n < 0 || len < 0)
		return p4tc_filter_fail(p, i - 2, "the table's key is not usable");
	for (j = 0; j < (unsigned int)n; j++)
		if (!p4tc_key_field(t, j, &kf) && !strcmp(kf.name, field))
			break;
	if (j == (unsigned int)n)
		return p4tc_filter_fail(p, i - 2, "table %s has no key field %s", t->name, field);
	snprintf(what, sizeof(what), "key field %s", field);
	err = p4tc_key_field_parse_any(t, j, val, true, key, mask, len, &off, &size);
	if (err)
		return p4tc_filter_value_fail(p, i, err, what, kf.type, kf.bitsz, true);
	if (size > P4TC_FILTER_VALUE_MAX)
		return p4tc_filter_fail(p, i - 2, "%s takes %u bytes, filters compare at most %d",
					what, size, P4TC_FILTER_VALUE_MAX);
	f->operand = P4TC_FILTER_OPND_KEY;
	f->offset = off;
	f->len = size;
	memcpy(f->value, key + off, size);
	memcpy(f->mask, mask + off, size);
	for (j = 0; j < size; j++)
		if (mask[off + j] != 0xff)
			f->has_mask = true;
	f->host_order = !p4tc_filter_key_is_hex(t) && p4tc_type_host_order(kf.type);
	return 0;
}

/* param.act.ACT.PARAM RELOP VALUE, the value at token @i */
static int p4tc_filter_param(struct p4tc_filter_parser *p, unsigned int i, const char *path,
			     const char *val, struct p4tc_entry_filter *f)
{
	const struct p4tc_action *act = NULL;
	const struct p4tc_param *prm = NULL;
	__u8 buf[P4TC_MAX_VALUE_SIZE];
	char what[2 * P4TC_NAME_LEN + 16];
	int len;

	if (p4tc_filter_find_param(p, i - 2, path, &act, &prm))
		return p->err;
	snprintf(what, sizeof(what), "param %s of %s", prm->name, act->name);
	len = p4tc_value_parse(prm->type, prm->bitsz, val, buf, sizeof(buf));
	if (len < 0)
		return p4tc_filter_value_fail(p, i, len, what, prm->type, prm->bitsz, false);
	if (len > P4TC_FILTER_VALUE_MAX)
		return p4tc_filter_fail(p, i - 2, "%s takes %d bytes, filters compare at most %d",
					what, len, P4TC_FILTER_VALUE_MAX);
	f->operand = P4TC_FILTER_OPND_PARAM;
	f->act_id = act->id;
	f->param_id = prm->id;
	memcpy(f->param_name, prm->name, sizeof(f->param_name));
	f->offset = prm->offset;
	f->len = len;
	memcpy(f->value, buf, len);
	f->host_order = p4tc_type_host_order(prm->type);
	return 0;
}

/* A number for prio (@size 4) or msecs_since (8), at token @i. */
static int p4tc_filter_number(struct p4tc_filter_parser *p, unsigned int i, const char *val,
			      int size, struct p4tc_entry_filter *f)
{
	unsigned long long n;
	__u32 u32;
	char *end;
	int base = val[0] == '0' && (val[1] == 'x' || val[1] == 'X') ? 16 : 10;

	if (!isxdigit((unsigned char)val[base == 16 ? 2 : 0]))
		return p4tc_filter_fail(p, i, "not a number");
	errno = 0;
	n = strtoull(val, &end, base);
	if (*end)
		return p4tc_filter_fail(p, i, "not a number");
	if (errno || (size == 4 && n > UINT32_MAX))
		return p4tc_filter_fail(p, i, "out of range (at most %llu)",
					size == 4 ? (unsigned long long)UINT32_MAX : ULLONG_MAX);
	f->len = size;
	f->host_order = true;
	if (size == 4) {
		u32 = n;
		memcpy(f->value, &u32, 4);
	} else {
		memcpy(f->value, &n, 8);
	}
	return 0;
}

/* OPERAND RELOP VALUE, or act.ACT */
static struct p4tc_entry_filter *p4tc_filter_relation(struct p4tc_filter_parser *p)
{
	unsigned int i = p->pos;
	const struct p4tc_tok *t = &p->toks[i], *rel, *val;
	struct p4tc_entry_filter *f;
	const char *word = t->text;

	if (t->kind != P4TC_TOK_WORD) {
		p4tc_filter_fail(p, i, "expected key.FIELD, param.act.ACT.PARAM, action, act.ACT, prio, msecs_since, not or (");
		return NULL;
	}
	f = p4tc_filter_node(p, P4TC_FILTER_OP_EQ);
	if (!f)
		return NULL;
	rel = &p->toks[i + 1];
	if (!strncmp(word, "act.", 4) && rel->kind != P4TC_TOK_RELOP) {
		p->pos++;
		if (p4tc_filter_action(p, i, word + 4, f))
			goto fail;
		return f;
	}
	if (strcmp(word, "prio") && strcmp(word, "msecs_since") && strcmp(word, "action") &&
	    strncmp(word, "key.", 4) && strncmp(word, "param.act.", 10)) {
		p4tc_filter_fail(p, i, "unknown operand: expected key.FIELD, param.act.ACT.PARAM, action, act.ACT, prio or msecs_since");
		goto fail;
	}
	if (rel->kind != P4TC_TOK_RELOP) {
		p4tc_filter_fail(p, i + 1, "expected ==, !=, <, >, <= or >= after %s", word);
		goto fail;
	}
	f->op = rel->op;
	val = &p->toks[i + 2];
	if (val->kind != P4TC_TOK_WORD && val->kind != P4TC_TOK_STRING) {
		p4tc_filter_fail(p, i + 2, "expected a value after %s %s", word, rel->text);
		goto fail;
	}
	p->pos += 3;
	if (!strcmp(word, "action")) {
		if (f->op != P4TC_FILTER_OP_EQ && f->op != P4TC_FILTER_OP_NE) {
			p4tc_filter_fail(p, i + 1, "an action compares with == or != only");
			goto fail;
		}
		if (p4tc_filter_action(p, i + 2, val->text, f))
			goto fail;
	} else if (!strcmp(word, "prio")) {
		f->operand = P4TC_FILTER_OPND_PRIO;
		if (p4tc_filter_number(p, i + 2, val->text, 4, f))
			goto fail;
	} else if (!strcmp(word, "msecs_since")) {
		f->operand = P4TC_FILTER_OPND_MSECS_SINCE;
		if (p4tc_filter_number(p, i + 2, val->text, 8, f))
			goto fail;
	} else if (!strncmp(word, "key.", 4)) {
		if (p4tc_filter_key(p, i + 2, word + 4, val->text, f))
			goto fail;
	} else if (p4tc_filter_param(p, i + 2, word + 10, val->text, f)) {
		goto fail;
	}
	return f;

fail:
	p4tc_entry_filter_free(f);
	return NULL;
}

static struct p4tc_entry_filter *p4tc_filter_chain(struct p4tc_filter_parser *p,
						   unsigned int level);

/* not UNARY | ( EXPR ) | relation */
static struct p4tc_entry_filter *p4tc_filter_unary(struct p4tc_filter_parser *p)
{
	struct p4tc_entry_filter *f, *child;
	unsigned int open;

	if (p4tc_filter_is_word(p, "not")) {
		p->pos++;
		child = p4tc_filter_unary(p);
		if (!child)
			return NULL;
		f = p4tc_filter_node(p, P4TC_FILTER_OP_NOT);
		if (!f) {
			p4tc_entry_filter_free(child);
			return NULL;
		}
		f->child[0] = child;
		return f;
	}
	if (p4tc_filter_peek(p)->kind == P4TC_TOK_LPAREN) {
		open = p->pos++;
		f = p4tc_filter_chain(p, 0);
		if (!f)
			return NULL;
		if (p4tc_filter_peek(p)->kind != P4TC_TOK_RPAREN) {
			p4tc_filter_fail(p, p->pos, "expected and, or, xor or the ) of token %u",
					 open + 1);
			p4tc_entry_filter_free(f);
			return NULL;
		}
		p->pos++;
		return f;
	}
	return p4tc_filter_relation(p);
}

/*
 * A balanced tree of the @n operands @v of @op, with the n - 1 nodes of
 * @pool: chains stay shallow.
 */
static struct p4tc_entry_filter *p4tc_filter_balance(__u8 op, struct p4tc_entry_filter **v,
						     unsigned int n,
						     struct p4tc_entry_filter ***pool)
{
	struct p4tc_entry_filter *f;

	if (n == 1)
		return v[0];
	f = *(*pool)++;
	f->op = op;
	f->child[0] = p4tc_filter_balance(op, v, n / 2, pool);
	f->child[1] = p4tc_filter_balance(op, v + n / 2, n - n / 2, pool);
	return f;
}

/* Level 0: xor-chains joined by or; 1: and-chains by xor; 2: unaries by and. */
static struct p4tc_entry_filter *p4tc_filter_chain(struct p4tc_filter_parser *p,
						   unsigned int level)
{
	static const char *const words[] = { "or", "xor", "and" };
	static const __u8 ops[] = { P4TC_FILTER_OP_OR, P4TC_FILTER_OP_XOR, P4TC_FILTER_OP_AND };
	struct p4tc_entry_filter **v = NULL, **grown, **nodes = NULL, **pool, *f = NULL;
	unsigned int n = 0, i;

	for (;;) {
		f = level == 2 ? p4tc_filter_unary(p) : p4tc_filter_chain(p, level + 1);
		if (!f)
			goto fail;
		grown = realloc(v, (n + 1) * sizeof(*v));
		if (!grown) {
			p4tc_entry_filter_free(f);
			goto nomem;
		}
		v = grown;
		v[n++] = f;
		if (!p4tc_filter_is_word(p, words[level]))
			break;
		p->pos++;
	}
	nodes = calloc(n, sizeof(*nodes));
	if (!nodes)
		goto nomem;
	for (i = 0; i + 1 < n; i++) {
		nodes[i] = p4tc_filter_node(p, ops[level]);
		if (!nodes[i])
			goto fail;
	}
	pool = nodes;
	f = p4tc_filter_balance(ops[level], v, n, &pool);
	free(nodes);
	free(v);
	return f;

nomem:
	p->err = p4tc_err(p->h, -ENOMEM, "filter: out of memory");
fail:
	for (i = 0; nodes && i + 1 < n; i++)
		free(nodes[i]);
	free(nodes);
	for (i = 0; i < n; i++)
		p4tc_entry_filter_free(v[i]);
	free(v);
	return NULL;
}

LIBP4TC_API struct p4tc_entry_filter *
p4tc_entry_filter_new(struct p4tc_handle *h, const char *expr,
		      const struct p4tc_entry_filter_opts *opts)
{
	struct p4tc_filter_parser p = { .h = h };
	struct p4tc_entry_filter *f = NULL;
	int err;

	p4tc_clear_err(h);
	if (!OPTS_VALID(h, opts, p4tc_entry_filter_opts)) {
		errno = EINVAL;
		return NULL;
	}
	if (!expr) {
		p4tc_err(h, -EINVAL, "filter: no expression given");
		errno = EINVAL;
		return NULL;
	}
	p.pname = OPTS_GET(opts, pname, NULL);
	p.table = OPTS_GET(opts, table, NULL);
	p.actions = OPTS_GET(opts, actions, NULL);
	p.nactions = p.actions ? OPTS_GET(opts, nactions, 0) : 0;
	err = p4tc_filter_lex(&p, expr);
	if (err == -ENOMEM)
		p4tc_err(h, err, "filter: out of memory");
	if (!err && p.ntoks == 1)
		err = p4tc_filter_fail(&p, 0, "an empty filter");
	if (!err) {
		f = p4tc_filter_chain(&p, 0);
		if (f && p4tc_filter_peek(&p)->kind != P4TC_TOK_END) {
			p4tc_filter_fail(&p, p.pos, p4tc_filter_peek(&p)->kind == P4TC_TOK_RPAREN ?
					 "a ) without its (" :
					 "expected and, or, xor or the end");
			p4tc_entry_filter_free(f);
			f = NULL;
		}
		err = f ? 0 : p.err ?: -EINVAL;
	}
	free(p.toks);
	free(p.buf);
	if (err) {
		errno = -err;
		return NULL;
	}
	return f;
}

LIBP4TC_API int p4tc_entry_filter_depth(const struct p4tc_entry_filter *f)
{
	int a, b;

	if (!f)
		return p4tc_ret(-EINVAL);
	if (f->op < P4TC_FILTER_OP_AND)
		return 1;
	a = p4tc_entry_filter_depth(f->child[0]);
	b = f->child[1] ? p4tc_entry_filter_depth(f->child[1]) : 0;
	return 1 + (a > b ? a : b);
}

/* Compare the operand's bytes with the value as unsigned numbers, as the kernel. */
static int p4tc_filter_cmp(const struct p4tc_entry_filter *f, const __u8 *opnd)
{
	return p4tc_filter_bytes_cmp(opnd, f->value, f->mask, f->len,
				     f->host_order && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
}

static bool p4tc_filter_match(const struct p4tc_entry_filter *f, const struct p4tc_entry *e)
{
	const struct p4tc_param_value *pv;
	__u64 idle;
	__u32 prio;
	unsigned int i;

	switch (f->op) {
	case P4TC_FILTER_OP_AND:
		return p4tc_filter_match(f->child[0], e) && p4tc_filter_match(f->child[1], e);
	case P4TC_FILTER_OP_OR:
		return p4tc_filter_match(f->child[0], e) || p4tc_filter_match(f->child[1], e);
	case P4TC_FILTER_OP_XOR:
		return p4tc_filter_match(f->child[0], e) != p4tc_filter_match(f->child[1], e);
	case P4TC_FILTER_OP_NOT:
		return !p4tc_filter_match(f->child[0], e);
	}
	switch (f->operand) {
	case P4TC_FILTER_OPND_KEY:
		return f->offset + f->len <= e->keylen &&
		       p4tc_filter_rel(f->op, p4tc_filter_cmp(f, e->key + f->offset));
	case P4TC_FILTER_OPND_ACTION:
		return (e->action_id == f->act_id) == (f->op == P4TC_FILTER_OP_EQ);
	case P4TC_FILTER_OPND_PARAM:
		if (e->action_id != f->act_id)
			return false;
		for (i = 0; i < e->nparams && i < P4TC_MAX_PARAMS; i++) {
			pv = &e->params[i];
			if ((pv->id && f->param_id) ? pv->id != f->param_id :
			    strcmp(pv->name, f->param_name))
				continue;
			return pv->len >= f->len && p4tc_filter_rel(f->op, p4tc_filter_cmp(f, pv->value));
		}
		return false;
	case P4TC_FILTER_OPND_PRIO:
		prio = e->prio;
		return p4tc_filter_rel(f->op, p4tc_filter_cmp(f, (const __u8 *)&prio));
	}
	idle = e->lastused_ms ?: e->created_ms;
	return p4tc_filter_rel(f->op, p4tc_filter_cmp(f, (const __u8 *)&idle));
}

LIBP4TC_API int p4tc_entry_filter_match(const struct p4tc_entry_filter *f,
					const struct p4tc_entry *e)
{
	if (!f || !e)
		return p4tc_ret(-EINVAL);
	return p4tc_filter_match(f, e);
}

void p4tc_entry_filter_put(struct nlmsghdr *nlh, __u16 type, const struct p4tc_entry_filter *f)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	mnl_attr_put_u8(nlh, P4TC_FILTER_A_OP, f->op);
	if (f->op >= P4TC_FILTER_OP_AND) {
		p4tc_entry_filter_put(nlh, P4TC_FILTER_A_NODE, f->child[0]);
		if (f->child[1])
			p4tc_entry_filter_put(nlh, P4TC_FILTER_A_NODE, f->child[1]);
		mnl_attr_nest_end(nlh, nest);
		return;
	}
	mnl_attr_put_u8(nlh, P4TC_FILTER_A_OPERAND, f->operand);
	if (f->operand == P4TC_FILTER_OPND_ACTION || f->operand == P4TC_FILTER_OPND_PARAM)
		mnl_attr_put_u32(nlh, P4TC_FILTER_A_ACTION_ID, f->act_id);
	if (f->operand != P4TC_FILTER_OPND_ACTION) {
		if (f->offset)
			mnl_attr_put_u16(nlh, P4TC_FILTER_A_OFFSET, f->offset);
		mnl_attr_put(nlh, P4TC_FILTER_A_VALUE, f->len, f->value);
		if (f->has_mask)
			mnl_attr_put(nlh, P4TC_FILTER_A_MASK, f->len, f->mask);
		if (f->host_order)
			mnl_attr_put(nlh, P4TC_FILTER_A_HOST_ORDER, 0, "");
	}
	mnl_attr_nest_end(nlh, nest);
}
