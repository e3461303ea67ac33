// SPDX-License-Identifier: GPL-2.0
/*
 * Output as text or as JSON through the same calls, as iproute2's print_*()
 * helpers: each value names its JSON member and its text format.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "p4tc.h"

static struct json_writer out_jw;
static bool out_is_json;
static FILE *out_f;

void out_init_file(FILE *f, bool json, bool pretty)
{
	out_f = f;
	out_is_json = json;
	jw_init(&out_jw, f, pretty);
}

void out_init(bool json, bool pretty)
{
	out_init_file(stdout, json, pretty);
}

bool out_json(void)
{
	return out_is_json;
}

/*
 * The JSON array of a command's output opens with its first object, so
 * that a command failing before any output prints nothing.
 */
static bool out_array_pending, out_array_open;

void out_begin(void)
{
	out_array_pending = out_is_json;
}

static void out_open_pending(void)
{
	if (out_array_pending) {
		out_array_pending = false;
		out_array_open = true;
		jw_start_array(&out_jw);
	}
}

void out_end(void)
{
	out_open_pending();
	out_abort();
}

void out_abort(void)
{
	out_array_pending = false;
	if (out_array_open) {
		out_array_open = false;
		jw_end_array(&out_jw);
		fputc('\n', out_f);
	}
	fflush(out_f);
}

static const char *out_pending_key;

void out_next_key(const char *key)
{
	out_pending_key = key;
}

void out_line_end(void)
{
	if (out_is_json)
		fputc('\n', out_f);
	fflush(out_f);
}

static void out_name(const char *key)
{
	if (key)
		jw_name(&out_jw, key);
}

/* The key of an object or array: @key, else the one out_next_key() gave. */
static const char *out_container_key(const char *key)
{
	if (!key) {
		key = out_pending_key;
		out_pending_key = NULL;
	}
	return key;
}

void out_open_object(const char *key)
{
	key = out_container_key(key);
	out_open_pending();
	if (out_is_json) {
		out_name(key);
		jw_start_object(&out_jw);
	}
}

void out_close_object(void)
{
	if (out_is_json)
		jw_end_object(&out_jw);
}

void out_open_array(const char *key)
{
	key = out_container_key(key);
	out_open_pending();
	if (out_is_json) {
		out_name(key);
		jw_start_array(&out_jw);
	}
}

void out_close_array(void)
{
	if (out_is_json)
		jw_end_array(&out_jw);
}

void out_str(const char *key, const char *fmt, const char *s)
{
	if (out_is_json) {
		out_name(key);
		jw_string(&out_jw, s);
	} else if (fmt) {
		fprintf(out_f, fmt, s);
	}
}

void out_uint(const char *key, const char *fmt, unsigned long long v)
{
	if (out_is_json) {
		out_name(key);
		jw_uint(&out_jw, v);
	} else if (fmt) {
		fprintf(out_f, fmt, v);
	}
}

void out_bool(const char *key, const char *fmt, bool v)
{
	if (out_is_json) {
		out_name(key);
		jw_bool(&out_jw, v);
	} else if (fmt) {
		fprintf(out_f, fmt, v ? "true" : "false");
	}
}

/* -?[0-9]+ without leading zeros: the decimal numbers p4tc_value_str() prints */
static bool out_is_decimal(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s) || (s[0] == '0' && s[1]))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	return !*s;
}

void out_value(const char *key, const char *fmt, const char *text)
{
	if (out_is_json && out_is_decimal(text)) {
		out_name(key);
		jw_number(&out_jw, text);
		return;
	}
	out_str(key, fmt, text);
}

void out_typed_value(const char *key, const char *fmt, __u32 type, const char *text)
{
	if (type == P4TC_T_STRING)
		out_str(key, fmt, text);
	else
		out_value(key, fmt, text);
}

const char *type_name(__u32 type, __u16 bitsz, char *buf, size_t size)
{
	/* The implicit key of a table without key fields: bits up to 512. */
	if (type == P4TC_T_BIT && bitsz > 128)
		snprintf(buf, size, "bit%u", bitsz);
	else if (p4tc_type_str(type, bitsz, buf, size) < 0)
		snprintf(buf, size, "type%u", type);
	return buf;
}

void out_type(const char *key, const char *fmt, __u32 type, __u16 bitsz)
{
	char name[16];

	out_str(key, fmt, type_name(type, bitsz, name, sizeof(name)));
}

/* Table types and match kinds share their numbers and names. */
static const char *const match_names[] = {
	[P4TC_MATCH_EXACT] = "exact",
	[P4TC_MATCH_LPM] = "lpm",
	[P4TC_MATCH_TERNARY] = "ternary",
};

const char *match_name(__u8 match, char *buf, size_t size)
{
	if (match < ARRAY_SIZE(match_names) && match_names[match])
		return match_names[match];
	snprintf(buf, size, "match%u", match);
	return buf;
}

int match_parse(const char *s, __u8 *match)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(match_names); i++) {
		if (match_names[i] && !strcmp(s, match_names[i])) {
			*match = i;
			return 0;
		}
	}
	return -EINVAL;
}

void out_match(const char *key, const char *fmt, __u8 match)
{
	char name[16];

	out_str(key, fmt, match_name(match, name, sizeof(name)));
}

void permissions_str(__u16 perm, char *buf)
{
	static const char letters[] = "CRUDXPS";
	int i;

	for (i = 0; i < 14; i++)
		buf[i] = perm & (1 << (13 - i)) ? letters[i % 7] : '-';
	buf[14] = '\0';
}

void out_permissions(const char *key, const char *fmt, __u16 perm)
{
	char hex[8], str[16];

	snprintf(hex, sizeof(hex), "0x%04x", perm);
	permissions_str(perm, str);
	out_str(key, fmt, hex);
	out_text(" (%s)", str);
}

void out_text(const char *fmt, ...)
{
	va_list ap;

	if (out_is_json)
		return;
	va_start(ap, fmt);
	vfprintf(out_f, fmt, ap);
	va_end(ap);
}
