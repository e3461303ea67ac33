// SPDX-License-Identifier: GPL-2.0
/*
 * A small JSON writer.
 */
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
