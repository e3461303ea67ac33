// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a command's words: keywords, their values, numbers and names,
 * with errors that name the object and the attribute.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "p4tc.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *args_next(struct args *a)
{
	if (!a->argc)
		return NULL;
	a->argc--;
	return *a->argv++;
}

int args_error(const struct args *a, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (a->obj)
		cli_error("%s: %s", a->obj, msg);
	else
		cli_error("%s", msg);
	return CLI_EUSAGE;
}

int args_value(struct args *a, const char *kw, const char **val)
{
	*val = args_next(a);
	if (!*val)
		return args_error(a, "%s needs a value", kw);
	return CLI_OK;
}

int parse_u32(const char *s, __u32 max, __u32 *v)
{
	unsigned long long n;
	int base = 10;
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16;
	if (!isxdigit((unsigned char)s[base == 16 ? 2 : 0]))
		return -EINVAL;
	errno = 0;
	n = strtoull(s, &end, base);
	if (*end)
		return -EINVAL;
	if (errno || n > max)
		return -ERANGE;
	*v = n;
	return 0;
}

int args_u32(struct args *a, const char *kw, __u32 max, __u32 *v)
{
	const char *val;
	int err;

	err = args_value(a, kw, &val);
	if (err)
		return err;
	err = parse_u32(val, max, v);
	if (err == -EINVAL)
		return args_error(a, "%s \"%s\" is not a number", kw, val);
	if (err)
		return args_error(a, "%s %s is out of range (at most %u)", kw, val, max);
	return CLI_OK;
}

int args_name(const struct args *a, const char *what, const char *name, char *dst)
{
	if (strlen(name) >= P4TC_NAME_LEN)
		return args_error(a, "%s name \"%s\" is longer than %d characters",
				  what, name, P4TC_NAME_LEN - 1);
	strcpy(dst, name);
	return CLI_OK;
}

int args_value_error(const struct args *a, const char *what, const char *str,
		     __u32 type, __u16 bitsz, int err)
{
	char tname[16];

	type_name(type, bitsz, tname, sizeof(tname));
	switch (err) {
	case -ERANGE:
		return args_error(a, "%s: %s is out of range for %s", what, str, tname);
	case -ENODEV:
		return args_error(a, "%s: no device \"%s\"", what, str);
	default:
		return args_error(a, "%s: \"%s\" is not a valid %s", what, str, tname);
	}
}
