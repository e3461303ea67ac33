// SPDX-License-Identifier: GPL-2.0
/*
 * A small JSON writer, and a small reader.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

void jw_init(struct json_writer *w, FILE *f, bool pretty)
{
	*w = (struct json_writer){ .f = f, .pretty = pretty };
}

static void jw_indent(struct json_writer *w)
{
	unsigned int i;

	fputc('\n', w->f);
	for (i = 0; i < w->depth; i++)
		fputs("    ", w->f);
}

/* Whether the innermost open object or array has a member (depth > 0). */
static bool *jw_nonempty(struct json_writer *w)
{
	return &w->nonempty[(w->depth < JSON_MAX_DEPTH ? w->depth : JSON_MAX_DEPTH) - 1];
}

/* Before a value: its separator, unless it is a member's value. */
static void jw_value(struct json_writer *w)
{
	if (w->named) {
		w->named = false;
		return;
	}
	if (!w->depth)
		return;
	if (*jw_nonempty(w))
		fputc(',', w->f);
	*jw_nonempty(w) = true;
	if (w->pretty)
		jw_indent(w);
}

static void jw_open(struct json_writer *w, char c)
{
	jw_value(w);
	fputc(c, w->f);
	w->depth++;
	*jw_nonempty(w) = false;
}

static void jw_close(struct json_writer *w, char c)
{
	bool nonempty = *jw_nonempty(w);

	w->depth--;
	if (w->pretty && nonempty)
		jw_indent(w);
	fputc(c, w->f);
}

void jw_start_object(struct json_writer *w)
{
	jw_open(w, '{');
}

void jw_end_object(struct json_writer *w)
{
	jw_close(w, '}');
}

void jw_start_array(struct json_writer *w)
{
	jw_open(w, '[');
}

void jw_end_array(struct json_writer *w)
{
	jw_close(w, ']');
}

static void jw_escaped(struct json_writer *w, const char *s)
{
	fputc('"', w->f);
	for (; *s; s++) {
		unsigned char c = *s;

		switch (c) {
		case '"':
			fputs("\\\"", w->f);
			break;
		case '\\':
			fputs("\\\\", w->f);
			break;
		case '\n':
			fputs("\\n", w->f);
			break;
		case '\r':
			fputs("\\r", w->f);
			break;
		case '\t':
			fputs("\\t", w->f);
			break;
		default:
			if (c < 0x20)
				fprintf(w->f, "\\u%04x", c);
			else
				fputc(c, w->f);
		}
	}
	fputc('"', w->f);
}

void jw_name(struct json_writer *w, const char *name)
{
	jw_value(w);
	jw_escaped(w, name);
	fputs(w->pretty ? ": " : ":", w->f);
	w->named = true;
}

void jw_string(struct json_writer *w, const char *s)
{
	jw_value(w);
	jw_escaped(w, s);
}

void jw_uint(struct json_writer *w, unsigned long long v)
{
	jw_value(w);
	fprintf(w->f, "%llu", v);
}

void jw_bool(struct json_writer *w, bool v)
{
	jw_value(w);
	fputs(v ? "true" : "false", w->f);
}

void jw_number(struct json_writer *w, const char *text)
{
	jw_value(w);
	fputs(text, w->f);
}

/* The reader */

#define JSON_MAX_NESTING 64

struct json_parser {
	const char *text;
	const char *p;
	char *err;
	size_t errsize;
	bool failed;
};

static __attribute__((format(printf, 2, 3)))
struct json_value *json_fail(struct json_parser *jp, const char *fmt, ...)
{
	unsigned int line = 1, col = 1;
	const char *s;
	int len;
	va_list ap;

	if (jp->failed)
		return NULL;
	jp->failed = true;
	for (s = jp->text; s < jp->p; s++) {
		if (*s == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	len = snprintf(jp->err, jp->errsize, "line %u, column %u: ", line, col);
	if (len < 0 || (size_t)len >= jp->errsize)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(jp->err + len, jp->errsize - len, fmt, ap);
	va_end(ap);
	return NULL;
}

static void json_skip(struct json_parser *jp)
{
	while (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\n' || *jp->p == '\r')
		jp->p++;
}

static struct json_value *json_new(struct json_parser *jp, enum json_type type)
{
	struct json_value *v = calloc(1, sizeof(*v));

	if (!v)
		return json_fail(jp, "out of memory");
	v->type = type;
	return v;
}

/* UTF-8 of code point @cp into @out: its length. */
static int json_utf8(unsigned int cp, char *out)
{
	if (cp < 0x80) {
		out[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = 0xc0 | cp >> 6;
		out[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = 0xe0 | cp >> 12;
		out[1] = 0x80 | ((cp >> 6) & 0x3f);
		out[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	out[0] = 0xf0 | cp >> 18;
	out[1] = 0x80 | ((cp >> 12) & 0x3f);
	out[2] = 0x80 | ((cp >> 6) & 0x3f);
	out[3] = 0x80 | (cp & 0x3f);
	return 4;
}

static bool json_hex4(const char *s, unsigned int *v)
{
	unsigned int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if (!isxdigit((unsigned char)s[i]))
			return false;
		*v = *v << 4 | (isdigit((unsigned char)s[i]) ? s[i] - '0' :
				(tolower((unsigned char)s[i]) - 'a' + 10));
	}
	return true;
}

/* A string at jp->p (its opening quote), unescaped into a new buffer. */
static char *json_string(struct json_parser *jp)
{
	const char *s = jp->p + 1;
	unsigned int cp, lo;
	char *out, *o;

	/* The unescaped text is never longer than the escaped one. */
	out = malloc(strlen(s) + 1);
	if (!out) {
		json_fail(jp, "out of memory");
		return NULL;
	}
	for (o = out; *s != '"'; s++) {
		if ((unsigned char)*s < 0x20) {
			jp->p = s;
			json_fail(jp, *s ? "a control character in a string" : "a string is not closed");
			free(out);
			return NULL;
		}
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (!json_hex4(s + 1, &cp))
				goto bad;
			s += 4;
			/* A surrogate pair makes one code point. */
			if (cp >= 0xd800 && cp < 0xdc00 && s[1] == '\\' && s[2] == 'u' &&
			    json_hex4(s + 3, &lo) && lo >= 0xdc00 && lo < 0xe000) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				s += 6;
			}
			o += json_utf8(cp, o);
			break;
		default:
			goto bad;
		}
	}
	*o = '\0';
	jp->p = s + 1;
	return out;

bad:
	jp->p = s - 1;
	json_fail(jp, "a bad escape in a string");
	free(out);
	return NULL;
}

static struct json_value *json_number(struct json_parser *jp)
{
	const char *s = jp->p;
	struct json_value *v;

	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (isdigit((unsigned char)*s))
		while (isdigit((unsigned char)*s))
			s++;
	else
		return json_fail(jp, "not a value");
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return json_fail(jp, "a bad number");
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return json_fail(jp, "a bad number");
		while (isdigit((unsigned char)*s))
			s++;
	}
	v = json_new(jp, JSON_NUMBER);
	if (!v)
		return NULL;
	v->str = strndup(jp->p, s - jp->p);
	if (!v->str) {
		free(v);
		return json_fail(jp, "out of memory");
	}
	jp->p = s;
	return v;
}

static struct json_value *json_value(struct json_parser *jp, unsigned int depth);

/* The elements of an array or the members of an object, up to @close. */
static struct json_value *json_container(struct json_parser *jp, unsigned int depth,
					 enum json_type type)
{
	char close = type == JSON_ARRAY ? ']' : '}';
	struct json_value *v, *elem, **tail;
	char *key = NULL;

	if (depth >= JSON_MAX_NESTING)
		return json_fail(jp, "more than %d levels", JSON_MAX_NESTING);
	v = json_new(jp, type);
	if (!v)
		return NULL;
	tail = &v->child;
	jp->p++;
	json_skip(jp);
	if (*jp->p == close) {
		jp->p++;
		return v;
	}
	for (;;) {
		json_skip(jp);
		if (type == JSON_OBJECT) {
			if (*jp->p != '"') {
				json_fail(jp, "expected a member's name");
				break;
			}
			key = json_string(jp);
			if (!key)
				break;
			json_skip(jp);
			if (*jp->p != ':') {
				json_fail(jp, "expected ':'");
				break;
			}
			jp->p++;
		}
		elem = json_value(jp, depth + 1);
		if (!elem)
			break;
		elem->key = key;
		key = NULL;
		*tail = elem;
		tail = &elem->next;
		json_skip(jp);
		if (*jp->p == ',') {
			jp->p++;
			continue;
		}
		if (*jp->p == close) {
			jp->p++;
			return v;
		}
		json_fail(jp, "expected ',' or '%c'", close);
		break;
	}
	free(key);
	json_free(v);
	return NULL;
}

static struct json_value *json_value(struct json_parser *jp, unsigned int depth)
{
	struct json_value *v;

	json_skip(jp);
	switch (*jp->p) {
	case '{':
		return json_container(jp, depth, JSON_OBJECT);
	case '[':
		return json_container(jp, depth, JSON_ARRAY);
	case '"':
		v = json_new(jp, JSON_STRING);
		if (v) {
			v->str = json_string(jp);
			if (!v->str) {
				free(v);
				return NULL;
			}
		}
		return v;
	case 't':
	case 'f':
	case 'n':
		if (!strncmp(jp->p, "true", 4) || !strncmp(jp->p, "false", 5)) {
			v = json_new(jp, JSON_BOOL);
			if (v)
				v->boolean = *jp->p == 't';
			jp->p += *jp->p == 't' ? 4 : 5;
			return v;
		}
		if (!strncmp(jp->p, "null", 4)) {
			jp->p += 4;
			return json_new(jp, JSON_NULL);
		}
		return json_fail(jp, "not a value");
	case '\0':
		return json_fail(jp, "the document ends before its value");
	default:
		return json_number(jp);
	}
}

struct json_value *json_parse(const char *text, char *err, size_t errsize)
{
	struct json_parser jp = { .text = text, .p = text, .err = err, .errsize = errsize };
	struct json_value *v;

	v = json_value(&jp, 0);
	if (!v)
		return NULL;
	json_skip(&jp);
	if (*jp.p) {
		json_fail(&jp, "something after the value");
		json_free(v);
		return NULL;
	}
	return v;
}

void json_free(struct json_value *v)
{
	struct json_value *next;

	for (; v; v = next) {
		next = v->next;
		json_free(v->child);
		free(v->key);
		free(v->str);
		free(v);
	}
}

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	const struct json_value *m;

	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (m = obj->child; m; m = m->next)
		if (!strcmp(m->key, key))
			return m;
	return NULL;
}

const char *json_get_str(const struct json_value *obj, const char *key)
{
	const struct json_value *m = json_get(obj, key);

	return m && m->type == JSON_STRING ? m->str : NULL;
}

int json_get_uint(const struct json_value *obj, const char *key, unsigned long long max,
		  unsigned long long *v)
{
	const struct json_value *m = json_get(obj, key);
	unsigned long long n;
	char *end;

	if (!m || m->type != JSON_NUMBER || !isdigit((unsigned char)m->str[0]))
		return -1;
	errno = 0;
	n = strtoull(m->str, &end, 10);
	if (*end || errno || n > max)
		return -1;
	*v = n;
	return 0;
}
