/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The p4tc command: what its subcommands share.
 */
#ifndef __P4TC_CLI_H
#define __P4TC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "libp4tc.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses */
enum {
	CLI_OK = 0,
	CLI_EUSAGE = 1,		/* the command line is wrong */
	CLI_EFAIL = 2,		/* the kernel (or the library) refused */
};

/* p4template's verbs */
enum verb {
	VERB_CREATE,
	VERB_UPDATE,
	VERB_GET,
	VERB_DEL,
};

/* Subcommands: each gets the words after its own name. */
int p4template_main(int argc, char **argv);
/* p4template.c: pipelines and action templates as "get" shows them. */
void print_pipeline(const struct p4tc_pipeline *p);
void print_action(const char *pname, const struct p4tc_action *act);
struct args;
/*
 * p4template.c: "type TYPE" (@typekw TYPE: "ptype TYPE" for extern
 * params) after param or key field @name ("type str bitsz N" and "type
 * key bitsz N", as upstream's types without a width, are strN and keyN).
 */
int parse_type(struct args *a, const char *typekw, const char *what, const char *name,
	       __u32 *type, __u16 *bitsz);
/* p4template.c: a table template as "get" shows it, actions from @c. */
struct entry_ctx;
void print_table(const struct entry_ctx *c, const struct p4tc_table *t);
/*
 * extern.c: p4template extern/root/[KIND] and extern_inst/PIPE/[KIND/[INST]]
 * (@path: what follows "extern/", or the pipeline and "KIND/INST")
 */
int extern_cmd(enum verb verb, const char *path, struct args *a);
int extern_inst_cmd(enum verb verb, const char *pname, const char *path, struct args *a);
/* KIND/INST into @ei; with @need both, else either may be missing. */
int parse_extern_path(struct args *a, const char *path, bool need, struct p4tc_extern_inst *ei);
/* The words of a create after extern_inst/PIPE/KIND/INST. */
int parse_extern_inst(struct args *a, struct p4tc_extern_inst *ei);
/*
 * The words of p4ctrl on an element of @ei: [tc_key NAME N] for a get,
 * tc_key NAME N param NAME VALUE... for an @update; *@keyed says whether
 * the element was named (a get without tc_key reads them all).
 */
int parse_extern_elem(struct args *a, const struct p4tc_extern_inst *ei, bool update,
		      struct p4tc_extern_elem *el, bool *keyed);
void print_extern(const struct p4tc_extern *ext);
/* An instance as get shows it; @tname: the name of its table, if bound and known. */
void print_extern_inst(const char *pname, const struct p4tc_extern_inst *ei, const char *tname);
void print_extern_elem(const struct p4tc_extern_elem *el);
/* Param @i of @el as p4tc_value_parse() takes it: HEX_STR_SIZE bytes in @buf. */
const char *extern_elem_value(const struct p4tc_extern_elem *el, unsigned int i, char *buf);
/* The name of table @id of @pname into @buf (P4TC_NAME_LEN); NULL for 0 or if it cannot be read. */
const char *extern_table_name(struct p4tc_handle *h, const char *pname, __u32 id, char *buf);

int p4ctrl_main(int argc, char **argv);
int actions_main(int argc, char **argv);
int port_main(int argc, char **argv);
/* Whether p4tc handles these words after "actions" or "filter" (else tc does). */
bool actions_are_p4(int argc, char **argv);
bool filter_is_p4(int argc, char **argv);
int filter_main(int argc, char **argv);
int mon_main(int argc, char **argv);
/* mon.c: events get a timestamp (-t) */
extern bool mon_timestamp;
/*
 * The monitor's parts, for tests: a monitor told what it would read from
 * the kernel (a pipeline's table and actions, kept by reference), its
 * selectors (@ops: 1 << P4TC_EVENT_CREATE... or 0; @f then its own; stop
 * after @count events, 0: never), and
 * its p4tc_event_cb, which prints the events selected and returns 1 once
 * it printed as many as count N says.
 */
struct mon;
struct mon *mon_new(struct p4tc_handle *h);
void mon_delete(struct mon *m);
int mon_know(struct mon *m, const char *pname, const struct p4tc_table *t,
	     const struct p4tc_action *actions, unsigned int nactions);
void mon_select(struct mon *m, const char *pname, const char *tname, unsigned int ops,
		struct p4tc_entry_filter *f, unsigned long long count);
int mon_event(const struct p4tc_event *ev, void *data);

/* main.c */

/* -s: show statistics */
extern bool cli_stats;

/*
 * Run a command p4tc does not own (@argv from its first word: "qdisc",
 * "filter", ...) with the system's tc, given the global options tc knows;
 * its exit status.
 */
int cli_run_tc(int argc, char **argv);

/* The library handle, opened on first use; NULL after an error was printed. */
struct p4tc_handle *cli_handle(void);

/* Print why a library call failed with @err; returns CLI_EFAIL. */
int cli_fail(int err);

/* args.c: a cursor over a command's words */

/* Print "Error: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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
/* The same, to @f instead of stdout. */
void out_init_file(FILE *f, bool json, bool pretty);
bool out_json(void);
/* A command's output: in JSON, one array. */
void out_begin(void);
void out_end(void);
void out_abort(void);
/* The name of the next object or array opened with a NULL key (JSON only). */
void out_next_key(const char *key);
/* One value on its own line: end it, in JSON with a newline, and flush. */
void out_line_end(void);
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
/* A value of @type: text (strN) is a JSON string even if it looks like a number. */
void out_typed_value(const char *key, const char *fmt, __u32 type, const char *text);
void out_type(const char *key, const char *fmt, __u32 type, __u16 bitsz);
/* The name of a type into @buf, "typeN" if the library knows no such type. */
const char *type_name(__u32 type, __u16 bitsz, char *buf, size_t size);
/* A match kind or table type: "exact", "lpm", "ternary", else "matchN". */
const char *match_name(__u8 match, char *buf, size_t size);
/* The number of a match kind or table type: 0 or -EINVAL. */
int match_parse(const char *s, __u8 *match);
void out_match(const char *key, const char *fmt, __u8 match);
/*
 * CRUDXPS for the control path (bits 13..7), then the data path (6..0),
 * '-' for a bit not set: 15 bytes in @buf.
 */
void permissions_str(__u16 perm, char *buf);
/* Permissions: "0x3da4" in JSON; in text @fmt of it, then " (CRUD-PS-R--X--)". */
void out_permissions(const char *key, const char *fmt, __u16 perm);
/* Text only */
void out_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * entry.c: entries, keys and actions, and default actions, parsed and
 * printed for p4ctrl and p4template
 */

/* "0x" and two digits per byte of the largest value (a str992, larger than a key), and the NUL. */
#define HEX_STR_SIZE (2 + 2 * P4TC_MAX_VALUE_SIZE + 1)

/* What entries, keys and actions are read and printed against. */
struct entry_ctx {
	struct args *a;
	const char *pname;
	/* the table: key schema, type and allowed actions */
	const struct p4tc_table *t;
	/* the pipeline's action templates, read by ctx_load_actions() */
	struct p4tc_action *actions;
	unsigned int nactions;
	bool actions_loaded;
	/* @actions was allocated by ctx_load_actions() */
	bool actions_owned;
};

/* What an entry on the command line is for: the words it may have. */
enum entry_mode {
	ENTRY_CREATE,		/* key, prio, permissions, dynamic, aging, action */
	ENTRY_UPDATE,		/* the same */
	ENTRY_LOOKUP,		/* get and delete: key and prio, the key optional */
	ENTRY_CONST,		/* of a template: key, prio, permissions, action */
};

/* Read the pipeline's action templates, once. */
int ctx_load_actions(struct entry_ctx *c);
/* Add a copy of @act to the actions of the struct entry_ctx @data: 0 or -ENOMEM. */
int ctx_add_action(const struct p4tc_action *act, void *data);
void ctx_free(struct entry_ctx *c);
/* The action template with @id, or if @id is 0, named @name; NULL if none. */
const struct p4tc_action *ctx_find_action(const struct entry_ctx *c, __u32 id,
					  const char *name);
/* An action name without "PIPE/" before "CB/ACT"; the PIPE must be ours. */
int action_local_name(const struct entry_ctx *c, const char *name, const char **local);
/* Whether @name is NoAction, the P4 core action that does nothing (id 0). */
bool is_noaction(const struct entry_ctx *c, const char *name);
/* Whether the key of @t is the implicit field written in hex. */
bool key_is_hex(const struct p4tc_table *t);

/* "permissions PERM" after @kw: 14 bits. */
int parse_permissions(struct args *a, const char *kw, __u16 *perm);
/* FIELD VALUE[/PREFIX|/MASK]...: every key field, or none if @optional. */
int parse_entry_key(struct entry_ctx *c, struct p4tc_entry *e, bool optional);
/*
 * After the word "action": ACT [param NAME VALUE]..., every param of ACT;
 * @dflt: as a default action, where NoAction is action id 0.
 */
int parse_action(struct entry_ctx *c, struct p4tc_default_action *d, bool dflt);
/* An action as written (PIPE/CB/ACT, CB/ACT, ACT) among those loaded. */
int resolve_action(const struct entry_ctx *c, const char *name,
		   const struct p4tc_action **actp);
/*
 * "param NAME [type TYPE] [id ID] VALUE" of action @act, appended to
 * @params; @given marks the params given so far.
 */
int parse_param_value(struct entry_ctx *c, const struct p4tc_action *act, bool *given,
		      struct p4tc_param_value *params, unsigned int *nparams);
/* Every param of @act given, or an error naming the first missing. */
int check_params_given(struct entry_ctx *c, const struct p4tc_action *act, const bool *given);
/* "0x" and two hex digits per byte of @bytes: 2 * @len + 3 bytes in @buf. */
void hex_str(const __u8 *bytes, size_t len, char *buf);
/* The "tm" object of an entry or action instance: its times, in ms ago. */
void print_tm(const char *indent, __u64 created_ms, __u64 firstused_ms, __u64 lastused_ms);
/* The params of an entry, default action or instance, as a "params" array. */
void print_param_values(const struct p4tc_action *act, const struct p4tc_param_value *params,
			unsigned int nparams, const char *indent);
/* After "timer_profile": id N aging MS, one more of @t's timer profiles. */
int parse_timer_profile(struct args *a, struct p4tc_table *t);
/* After default_hit_action or default_miss_action (@kw). */
int parse_defact(struct entry_ctx *c, const char *kw, struct p4tc_default_action *d);
/*
 * One entry, up to the word "entry" or the end; a const entry, up to the
 * first word that is none of its own.
 */
int parse_entry(struct entry_ctx *c, struct p4tc_entry *e, enum entry_mode mode);
/*
 * ENTRY [entry ENTRY]...: an array the caller frees; a lookup without a
 * key (all entries) is one entry with keylen 0.
 */
int parse_entries(struct entry_ctx *c, enum entry_mode mode, struct p4tc_entry **entries,
		  unsigned int *n);

/*
 * The words left, joined, as a filter expression on the table of @c and
 * the actions of its pipeline (read unless @c has no pipeline): all words
 * are taken.
 */
int parse_entry_filter(struct entry_ctx *c, struct p4tc_entry_filter **fp);

void print_key(const struct entry_ctx *c, const struct p4tc_entry *e);
void print_entry(const struct entry_ctx *c, const struct p4tc_entry *e);
/* The same; without @header, in text, without its first line (table, prio, permissions). */
void print_entry_as(const struct entry_ctx *c, const struct p4tc_entry *e, bool header);
/* A default action as member @key ("default_hit_action"): text is the same. */
void print_defact(const struct entry_ctx *c, const char *key,
		  const struct p4tc_default_action *d);
/* The key fields and allowed actions of the table, for "help". */
void print_table_help(FILE *f, const struct entry_ctx *c);

/*
 * introspect.c: the pipeline's introspection file, $INTROSPECTION/PIPE.json
 * (default /etc/iproute2/introspection), if it exists and describes table
 * @t (by name): its key fields (and keysize) and allowed actions replace
 * @t's, *@found is set, and its actions (to free) are in *@actions. 0 if
 * there is no such file or table; CLI_EUSAGE (after an error message) for
 * a file that cannot be read.
 */
int introspect_table(const char *pname, struct p4tc_table *t, struct p4tc_action **actions,
		     unsigned int *nactions, bool *found);
/*
 * The same for a command's table and actions: the file's actions become
 * @c's, or replace those of the same id if @c has the kernel's already.
 */
int ctx_introspect(struct entry_ctx *c, struct p4tc_table *t);

/* batch.c: split a batch file's line into words, in place */
int batch_split(char *line, char **argv, int max);
/* Whether @line ends with a backslash (outside quotes and comments), cut off if so. */
bool batch_continues(char *line);

#endif /* __P4TC_CLI_H */
