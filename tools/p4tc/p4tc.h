/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The p4tc command: what its subcommands share.
 */
#ifndef __P4TC_CLI_H
#define __P4TC_CLI_H

#include <stdbool.h>

#include "libp4tc.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses */
enum {
	CLI_OK = 0,
	CLI_EUSAGE = 1,		/* the command line is wrong */
	CLI_EFAIL = 2,		/* the kernel (or the library) refused */
};

/* Subcommands: each gets the words after its own name. */
int p4template_main(int argc, char **argv);
int p4ctrl_main(int argc, char **argv);
int filter_main(int argc, char **argv);

/* main.c */

/* The library handle, opened on first use; NULL after an error was printed. */
struct p4tc_handle *cli_handle(void);

/* Print "Error: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print why a library call failed with @err; returns CLI_EFAIL. */
int cli_fail(int err);

/* args.c: a cursor over a command's words */

struct args {
	int argc;
	char **argv;
	/* what the words describe, for messages, e.g. "table ptables/cb/t" */
	const char *obj;
};

const char *args_next(struct args *a);
/* Print "Error: OBJ: ..."; returns CLI_EUSAGE. */
int args_error(const struct args *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The word after keyword @kw; CLI_EUSAGE if there is none. */
int args_value(struct args *a, const char *kw, const char **val);
/* The number after keyword @kw, at most @max. */
int args_u32(struct args *a, const char *kw, __u32 max, __u32 *v);
/* Copy @name into a name field, which it must fit. */
int args_name(const struct args *a, const char *what, const char *name,
	      char *dst);
/* Report a value that p4tc_value_parse() refused with @err. */
int args_value_error(const struct args *a, const char *what, const char *str,
		     __u32 type, __u16 bitsz, int err);

/* Decimal or 0x hex, at most @max: 0, -EINVAL or -ERANGE. */
int parse_u32(const char *s, __u32 max, __u32 *v);

/* out.c: output as text or JSON (-j), through one set of calls */

void out_init(bool json, bool pretty);
bool out_json(void);
/* A command's output: in JSON, one array. */
void out_begin(void);
void out_end(void);
/* Objects and arrays, named (@key) inside objects; JSON only. */
void out_open_object(const char *key);
void out_close_object(void);
void out_open_array(const char *key);
void out_close_array(void);
/*
 * Values: member @key in JSON, printf(@fmt, value) in text; a NULL @fmt
 * prints nothing in text.
 */
void out_str(const char *key, const char *fmt, const char *s);
void out_uint(const char *key, const char *fmt, unsigned long long v);
void out_bool(const char *key, const char *fmt, bool v);
/* A value printed by p4tc_value_str(): a JSON number if it is a decimal one. */
void out_value(const char *key, const char *fmt, const char *text);
void out_type(const char *key, const char *fmt, __u32 type, __u16 bitsz);
/* The name of a type into @buf, "typeN" if the library knows no such type. */
const char *type_name(__u32 type, __u16 bitsz, char *buf, size_t size);
void out_match(const char *key, const char *fmt, __u8 match);
/* Text only */
void out_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* batch.c: split a batch file's line into words, in place */
int batch_split(char *line, char **argv, int max);

#endif /* __P4TC_CLI_H */
