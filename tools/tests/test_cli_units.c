// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the p4tc command's parts: batch line splitting, the
 * JSON writer, and entries, keys, actions and externs as words and as
 * output, against synthetic tables, action templates and extern instances
 * (no kernel needed).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "p4tc.h"
#include "tap.h"

/* @s with its control characters as C escapes, for a test's description. */
static const char *visible(const char *s)
{
	static char buf[256];
	size_t n = 0;

	for (; *s && n < sizeof(buf) - 3; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			buf[n++] = '\\';
			buf[n++] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : 't';
		} else {
			buf[n++] = *s;
		}
	}
	buf[n] = '\0';
	return buf;
}

/* Split @line and compare with the NULL-terminated @expect. */
static void check_split(const char *line, const char *const *expect)
{
	char *copy = strdup(line), *argv[8];
	int argc, i, n = 0;
	bool same;

	while (expect[n])
		n++;
	argc = batch_split(copy, argv, 8);
	same = argc == n;
	for (i = 0; same && i < n; i++)
		same = !strcmp(argv[i], expect[i]);
	tap_ok(same, "batch line \"%s\" has %d words", visible(line), n);
	free(copy);
}

static void check_split_err(const char *line, int max, int err)
{
	char *copy = strdup(line), *argv[8];

	tap_ok(batch_split(copy, argv, max) == err, "batch line \"%s\" is refused with %s",
	       visible(line), strerror(-err));
	free(copy);
}

/* Whether @line continues, and what is left of it. */
static void check_continues(const char *line, bool expect, const char *left)
{
	char *copy = strdup(line);
	bool ret = batch_continues(copy);

	tap_ok(ret == expect && !strcmp(copy, left), "batch line \"%s\" %s", visible(line),
	       expect ? "goes on on the next" : "ends there");
	free(copy);
}

static void test_batch(void)
{
	check_split("p4template get pipeline/\n",
		    (const char *[]){ "p4template", "get", "pipeline/", NULL });
	check_split("  a\tb  c  \r\n", (const char *[]){ "a", "b", "c", NULL });
	check_split("", (const char *[]){ NULL });
	check_split("   \n", (const char *[]){ NULL });
	check_split("# a comment\n", (const char *[]){ NULL });
	check_split("   # indented comment", (const char *[]){ NULL });
	check_split("a b # trailing comment", (const char *[]){ "a", "b", NULL });
	check_split("a#b", (const char *[]){ "a#b", NULL });
	check_split("a 'b c' d", (const char *[]){ "a", "b c", "d", NULL });
	check_split("a \"b # c\"", (const char *[]){ "a", "b # c", NULL });
	check_split("x'y'z \"\"", (const char *[]){ "xyz", "", NULL });
	check_split_err("a 'b", 8, -EINVAL);
	check_split_err("a \"b c", 8, -EINVAL);
	check_split_err("a b c", 2, -E2BIG);
	check_continues("a b \\\n", true, "a b  ");
	check_continues("a b\\\r\n", true, "a b ");
	check_continues("a b\\", true, "a b ");
	check_continues("a b \\  \n", true, "a b  ");
	check_continues("a b\n", false, "a b\n");
	check_continues("a # b \\\n", false, "a # b \\\n");
	check_continues("a#b \\\n", true, "a#b  ");
	check_continues("a 'b \\\n", false, "a 'b \\\n");
	check_continues("a 'b' \\\n", true, "a 'b'  ");
	check_continues("\\\n", true, " ");
}

/* Run @write against a JSON writer and compare what it wrote with @expect. */
static void check_json(bool pretty, void (*write)(struct json_writer *),
		       const char *expect, const char *what)
{
	struct json_writer w;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	f = open_memstream(&out, &len);
	if (!tap_ok(f != NULL, "open_memstream"))
		return;
	jw_init(&w, f, pretty);
	write(&w);
	fclose(f);
	if (!tap_ok(!strcmp(out, expect), "json: %s", what))
		printf("# got: %s\n", visible(out));
	free(out);
}

static void write_objects(struct json_writer *w)
{
	jw_start_array(w);
	jw_start_object(w);
	jw_name(w, "pname");
	jw_string(w, "ptables");
	jw_name(w, "pipeid");
	jw_uint(w, 22);
	jw_end_object(w);
	jw_start_object(w);
	jw_name(w, "entries");
	jw_start_array(w);
	jw_end_array(w);
	jw_name(w, "active");
	jw_bool(w, true);
	jw_name(w, "fieldval");
	jw_number(w, "-5");
	jw_end_object(w);
	jw_end_array(w);
}

static void write_escapes(struct json_writer *w)
{
	jw_start_object(w);
	jw_name(w, "a\"b");
	jw_string(w, "back\\slash\nline\ttab\x01" "end");
	jw_end_object(w);
}

static void write_nested(struct json_writer *w)
{
	jw_start_object(w);
	jw_name(w, "a");
	jw_start_array(w);
	jw_uint(w, 1);
	jw_start_object(w);
	jw_end_object(w);
	jw_end_array(w);
	jw_end_object(w);
}

static void test_json(void)
{
	check_json(false, write_objects,
		   "[{\"pname\":\"ptables\",\"pipeid\":22},"
		   "{\"entries\":[],\"active\":true,\"fieldval\":-5}]",
		   "objects in an array, compact");
	check_json(false, write_escapes,
		   "{\"a\\\"b\":\"back\\\\slash\\nline\\ttab\\u0001end\"}",
		   "strings are escaped");
	check_json(true, write_nested,
		   "{\n    \"a\": [\n        1,\n        {}\n    ]\n}",
		   "pretty output is indented");
}


/*
 * A handle for the library's messages; the parts that need the kernel are
 * never reached with the actions given.
 */
static struct p4tc_handle *test_handle;

struct p4tc_handle *cli_handle(void)
{
	if (!test_handle)
		test_handle = p4tc_open(NULL);
	if (!test_handle)
		cli_error("no handle in unit tests");
	return test_handle;
}

int cli_fail(int err)
{
	cli_error("%s", strerror(-err));
	return CLI_EFAIL;
}

/* stderr into a file while a parse runs, for its "Error:" line. */
static FILE *err_file;
static int saved_stderr = -1;

static void capture_stderr(void)
{
	fflush(stderr);
	err_file = tmpfile();
	saved_stderr = dup(2);
	dup2(fileno(err_file), 2);
}

/* The captured text, without the trailing newline. */
static const char *captured(void)
{
	static char buf[1024];
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	rewind(err_file);
	n = fread(buf, 1, sizeof(buf) - 1, err_file);
	fclose(err_file);
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}

static struct p4tc_action test_actions[4];

static void add_param(struct p4tc_action *act, const char *name, const char *type)
{
	struct p4tc_param *prm = &act->params[act->nparams++];

	strcpy(prm->name, name);
	p4tc_type_parse(type, &prm->type, &prm->bitsz);
	prm->id = act->nparams;
}

static void init_actions(void)
{
	test_actions[0] = (struct p4tc_action){ .id = 1, .name = "cb/send", .active = true };
	add_param(&test_actions[0], "port", "bit16");
	add_param(&test_actions[0], "dmac", "macaddr");
	test_actions[1] = (struct p4tc_action){ .id = 2, .name = "cb/drop", .active = true };
	test_actions[2] = (struct p4tc_action){ .id = 3, .name = "other/drop", .active = true };
	test_actions[3] = (struct p4tc_action){ .id = 4, .name = "cb/tag", .active = true };
	add_param(&test_actions[3], "name", "str64");
	add_param(&test_actions[3], "k", "key12");
	add_param(&test_actions[3], "r", "rate");
}

static void add_field(struct p4tc_table *t, const char *name, const char *type, __u8 match)
{
	struct p4tc_keyfield *kf = &t->keyfields[t->nkeyfields++];

	strcpy(kf->name, name);
	p4tc_type_parse(type, &kf->type, &kf->bitsz);
	kf->id = t->nkeyfields;
	kf->match = match;
}

/* Tables of each type: dstAddr ipv4 (lpm/ternary), port bit16 (exact). */
static void init_table(struct p4tc_table *t, __u8 type)
{
	memset(t, 0, sizeof(*t));
	t->id = 5;
	strcpy(t->name, "cb/t");
	t->type = type;
	t->keysz = 48;
	add_field(t, "dstAddr", "ipv4", type);
	add_field(t, "port", "bit16", P4TC_MATCH_EXACT);
}

static void init_ctx(struct entry_ctx *c, struct args *a, const struct p4tc_table *t)
{
	memset(c, 0, sizeof(*c));
	c->a = a;
	c->pname = "p";
	c->t = t;
	c->actions = test_actions;
	c->nactions = 4;
	c->actions_loaded = true;
}

/* Split @line into words for a parse. */
static struct args words(const char *line)
{
	static char buf[512], *argv[64];
	struct args a = { .obj = "table p/cb/t" };

	snprintf(buf, sizeof(buf), "%s", line);
	a.argc = batch_split(buf, argv, 64);
	a.argv = argv;
	return a;
}

/* Parse @line as one entry of @t: 0 expected, the entry into @e. */
static bool parse_ok(const struct p4tc_table *t, enum entry_mode mode, const char *line,
		     struct p4tc_entry *e)
{
	struct args a = words(line);
	struct entry_ctx c;
	const char *msg;
	int err;

	init_ctx(&c, &a, t);
	capture_stderr();
	err = parse_entry(&c, e, mode);
	msg = captured();
	if (err || a.argc)
		printf("# \"%s\": %d, %d words left: %s\n", line, err, a.argc, msg);
	return !err && !a.argc;
}

/* Parse @line: a usage error whose message has @expect. */
static void parse_err(const struct p4tc_table *t, enum entry_mode mode, const char *line,
		      const char *expect)
{
	struct args a = words(line);
	struct p4tc_entry e;
	struct entry_ctx c;
	const char *msg;
	int err;

	init_ctx(&c, &a, t);
	capture_stderr();
	err = parse_entry(&c, &e, mode);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && !strncmp(msg, "Error: table p/cb/t: ", 21) &&
	       strstr(msg, expect) && !strchr(msg, '\n'),
	       "\"%s\" -> %s", line, msg);
}

static void test_entry_words(void)
{
	struct p4tc_table exact, lpm, ternary;
	struct p4tc_entry e;

	init_actions();
	init_table(&exact, P4TC_TABLE_TYPE_EXACT);
	init_table(&lpm, P4TC_TABLE_TYPE_LPM);
	init_table(&ternary, P4TC_TABLE_TYPE_TERNARY);

	tap_ok(parse_ok(&exact, ENTRY_CREATE,
			"dstAddr 10.0.0.1/32 port 80 action send param port 7 param dmac 0:1:2:3:4:5",
			&e) &&
	       e.table_id == 5 && e.keylen == 6 && !memcmp(e.key, "\x0a\x00\x00\x01\x50\x00", 6) &&
	       !(e.has & P4TC_ENTRY_HAS_MASK) && !strcmp(e.action_name, "cb/send") &&
	       e.nparams == 2 && e.params[0].len == 2 && e.params[0].value[0] == 7 &&
	       e.params[1].len == 8, "an exact entry: key, action by its last name, params");
	tap_ok(parse_ok(&lpm, ENTRY_CREATE,
			"dstAddr 10.1.0.0/32 port 80 prio 7 permissions 0x1da4 dynamic aging 5000 "
			"action p/cb/drop", &e) &&
	       (e.has & P4TC_ENTRY_HAS_MASK) && !memcmp(e.mask, "\xff\xff\xff\xff\xff\xff", 6) &&
	       (e.has & P4TC_ENTRY_HAS_PRIO) && e.prio == 7 &&
	       (e.has & P4TC_ENTRY_HAS_PERMISSIONS) && e.permissions == 0x1da4 && e.dynamic &&
	       (e.has & P4TC_ENTRY_HAS_AGING) && e.aging_ms == 5000 &&
	       !strcmp(e.action_name, "cb/drop"),
	       "an lpm entry: mask, prio, permissions, dynamic, aging, action PIPE/CB/ACT");
	tap_ok(parse_ok(&ternary, ENTRY_UPDATE,
			"port 80 dstAddr 10.1.2.3/255.0.255.0 prio 3 dynamic profile_id 2", &e) &&
	       !memcmp(e.key, "\x0a\x00\x02\x00\x50\x00", 6) &&
	       !memcmp(e.mask, "\xff\x00\xff\x00\xff\xff", 6) && e.prio == 3 &&
	       (e.has & P4TC_ENTRY_HAS_PROFILE_ID) && e.profile_id == 2 && !e.action_name[0],
	       "a ternary entry: fields in any order, VALUE/MASK, profile_id, no action");
	tap_ok(parse_ok(&ternary, ENTRY_LOOKUP, "", &e) && !e.keylen,
	       "get and delete take no key: every entry");
	tap_ok(parse_ok(&ternary, ENTRY_LOOKUP, "dstAddr 10.0.0.0/8 port 1 prio 9", &e) &&
	       e.keylen == 6 && e.prio == 9, "a ternary lookup names key, mask and prio");
	tap_ok(parse_ok(&exact, ENTRY_CONST, "dstAddr 10.0.0.1 port 1 permissions 0x1024 action cb/drop",
			&e) && !e.table_id && !e.table_name[0] && e.permissions == 0x1024,
	       "a const entry has no table of its own");

	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.0/8 port 1",
		  "key field dstAddr: \"10.0.0.0/8\": an exact table takes no prefix or mask");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 prio 3",
		  "an exact table takes no prio");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.0/8 port 1/8",
		  "key field port: \"1/8\": the field matches exact");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.0/8 port 1",
		  "lpm key: the masks must make one prefix of the key");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.0/40 port 1",
		  "\"10.0.0.0/40\" is not VALUE/PREFIX (0 to 32) or VALUE/MASK of ipv4");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.300/8 port 1",
		  "key field dstAddr: \"10.0.0.300\" is not a valid ipv4");
	parse_err(&ternary, ENTRY_CREATE, "dstAddr 10.0.0.3/255.0.0.256 port 1",
		  "\"10.0.0.3/255.0.0.256\" is not VALUE/PREFIX (0 to 32) or VALUE/MASK of ipv4");
	parse_err(&ternary, ENTRY_CREATE, "dstAddr 10.0.0.3 port 65536",
		  "key field port: 65536 is out of range for bit16");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.1", "key field port missing");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 dstAddr 10.0.0.2",
		  "key field dstAddr given twice");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 prio 0", "prio 0");
	parse_err(&lpm, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 prio 16777216",
		  "prio 16777216 is out of range");
	parse_err(&ternary, ENTRY_LOOKUP, "dstAddr 10.0.0.1 port 1",
		  "ternary entries are named by key, mask and prio: prio missing");
	parse_err(&ternary, ENTRY_UPDATE, "dstAddr 10.0.0.1 port 1 action cb/drop",
		  "prio missing");
	parse_err(&ternary, ENTRY_LOOKUP, "dstAddr 10.0.0.1 port 1 prio 1 action drop",
		  "unexpected \"action\"");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 permissions 0x2000",
		  "an entry has no create bits");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 aging 100",
		  "aging is for dynamic entries");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 dynamic aging 1 profile_id 1",
		  "aging or profile_id, not both");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 dynamic profile_id 16",
		  "profile_id 16 is out of range");
	tap_ok(parse_ok(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 dynamic", &e) &&
	       e.dynamic, "dynamic");
	{
		struct args a = words("dstAddr 10.0.0.1 port 1 prio 1 dynamic");
		struct entry_ctx c;
		int err;

		init_ctx(&c, &a, &ternary);
		err = parse_entry(&c, &e, ENTRY_CONST);
		tap_ok(!err && a.argc == 1 && !strcmp(a.argv[0], "dynamic"),
		       "a const entry ends at a word not its own: its table's");
	}
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action send param port 1",
		  "action cb/send: param dmac missing");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action send param vlan 1",
		  "action cb/send has no param \"vlan\"");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action drop2",
		  "pipeline p has no action \"drop2\"");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action q/cb/drop",
		  "action \"q/cb/drop\" is not of pipeline p");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action drop",
		  "action \"drop\" is ambiguous: cb/drop or other/drop");
	parse_err(&exact, ENTRY_CREATE, "dstAddr 10.0.0.1 port 1 action NoAction",
		  "pipeline p has no action \"NoAction\"");
}

static void test_entry_batches(void)
{
	struct p4tc_table lpm;
	struct p4tc_entry *v = NULL;
	struct entry_ctx c;
	struct args a;
	unsigned int n = 0;
	const char *msg;
	int err;

	init_table(&lpm, P4TC_TABLE_TYPE_LPM);
	lpm.nkeyfields = 1;
	lpm.keysz = 32;
	a = words("dstAddr 10.0.0.0/8 action cb/drop entry dstAddr 10.1.0.0/16 prio 4 "
		  "entry dstAddr 10.1.2.0/24 action cb/drop");
	init_ctx(&c, &a, &lpm);
	err = parse_entries(&c, ENTRY_CREATE, &v, &n);
	tap_ok(!err && n == 3 && !memcmp(v[0].mask, "\xff\x00\x00\x00", 4) &&
	       !strcmp(v[0].action_name, "cb/drop") && v[1].prio == 4 && !v[1].action_name[0] &&
	       !memcmp(v[2].key, "\x0a\x01\x02\x00", 4),
	       "\"entry\" starts the next entry of a batch");
	free(v);
	a = words("entry dstAddr 10.0.0.0/8 entry dstAddr 10.1.0.0/16");
	init_ctx(&c, &a, &lpm);
	err = parse_entries(&c, ENTRY_LOOKUP, &v, &n);
	tap_ok(!err && n == 2, "the first entry may start with \"entry\" too");
	free(v);
	a = words("dstAddr 10.0.0.0/8 entry prio 3");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entries(&c, ENTRY_LOOKUP, &v, &n);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && strstr(msg, "unexpected \"prio\""),
	       "each entry of a batch has its key (%s)", msg);
	a = words("dstAddr 10.0.0.0/8 entry");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entries(&c, ENTRY_LOOKUP, &v, &n);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && strstr(msg, "entry 2: no key"), "an empty entry (%s)", msg);
}

static int defact(const char *line, struct p4tc_default_action *d, const char **msg)
{
	struct args a = words(line);
	struct p4tc_table t;
	struct entry_ctx c;
	int err;

	init_table(&t, P4TC_TABLE_TYPE_EXACT);
	t.nacts = 2;
	t.acts[0] = (struct p4tc_table_act){ .id = 1, .flags = P4TC_TABLE_ACT_TABLEONLY };
	t.acts[1] = (struct p4tc_table_act){ .id = 2 };
	init_ctx(&c, &a, &t);
	capture_stderr();
	err = parse_defact(&c, "default_miss_action", d);
	*msg = captured();
	return err;
}

static void test_defact_words(void)
{
	struct p4tc_default_action d;
	struct args a;
	struct p4tc_table t = {};
	const char *msg;

	tap_ok(!defact("permissions 0x1024 action p/cb/drop", &d, &msg) &&
	       d.permissions == 0x1024 && !strcmp(d.action_name, "cb/drop") && !d.noaction,
	       "default action: permissions then action");
	tap_ok(!defact("noaction", &d, &msg) && d.noaction, "noaction deletes it");
	tap_ok(!defact("action NoAction", &d, &msg) && !d.action_id && !d.action_name[0] &&
	       !d.noaction, "NoAction is action id 0");
	tap_ok(!defact("action p/NoAction", &d, &msg) && !d.action_name[0],
	       "PIPE/NoAction too");
	tap_ok(defact("action NoAction param x 1", &d, &msg) == CLI_EUSAGE &&
	       strstr(msg, "NoAction has no params"), "NoAction takes no params (%s)", msg);
	tap_ok(defact("permissions 0x3000 action drop", &d, &msg) == CLI_EUSAGE &&
	       strstr(msg, "must keep control read, data read and data execute"),
	       "default action permissions keep R, R and X (%s)", msg);
	tap_ok(defact("action send param port 1 param dmac 0:0:0:0:0:1", &d, &msg) == CLI_EUSAGE &&
	       strstr(msg, "action cb/send is not allowed as a default action"),
	       "a tableonly action is no default (%s)", msg);
	tap_ok(defact("action other/drop", &d, &msg) == CLI_EUSAGE &&
	       strstr(msg, "action other/drop is not allowed as a default action"),
	       "nor an action the table does not list (%s)", msg);
	tap_ok(defact("permissions 0x1024", &d, &msg) == CLI_EUSAGE &&
	       strstr(msg, "default_miss_action needs \"action ACT\" or \"noaction\""),
	       "a default action needs an action (%s)", msg);

	a = words("id 1 aging 5000");
	capture_stderr();
	tap_ok(!parse_timer_profile(&a, &t) && t.ntimer_profiles == 1 &&
	       t.timer_profiles[0].id == 1 && t.timer_profiles[0].aging_ms == 5000,
	       "timer_profile id N aging MS");
	a = words("id 1 aging 7");
	tap_ok(parse_timer_profile(&a, &t) == CLI_EUSAGE, "a timer profile once");
	a = words("id 16 aging 7");
	tap_ok(parse_timer_profile(&a, &t) == CLI_EUSAGE, "timer profile ids are below 16");
	a = words("id 2 aging 864000001");
	tap_ok(parse_timer_profile(&a, &t) == CLI_EUSAGE, "aging at most ten days");
	captured();
}

/* Run @print with the output to a string, and compare it with @expect. */
static void check_output(bool json, void (*print)(void *), void *arg, const char *expect,
			 const char *what)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	f = open_memstream(&out, &len);
	if (!tap_ok(f != NULL, "open_memstream"))
		return;
	out_init_file(f, json, false);
	out_begin();
	print(arg);
	out_end();
	fclose(f);
	out_init(false, false);
	if (!tap_ok(!strcmp(out, expect), "%s output: %s", json ? "JSON" : "text", what))
		printf("# got: %s\n# expected: %s\n", visible(out), visible(expect));
	free(out);
}

static struct p4tc_table print_tbl;
static struct p4tc_entry print_e;

static void print_test_entry(void *arg)
{
	struct entry_ctx c;

	init_ctx(&c, NULL, &print_tbl);
	print_entry(&c, arg);
}

static void test_entry_output(void)
{
	struct p4tc_entry *e = &print_e;

	init_table(&print_tbl, P4TC_TABLE_TYPE_LPM);
	memset(e, 0, sizeof(*e));
	e->table_id = 5;
	strcpy(e->table_name, "cb/t");
	e->keylen = 6;
	memcpy(e->key, "\x0a\x01\x00\x00\x50\x00", 6);
	memcpy(e->mask, "\xff\xff\x00\x00\xff\xff", 6);
	e->has = P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO | P4TC_ENTRY_HAS_PERMISSIONS |
		 P4TC_ENTRY_HAS_AGING | P4TC_ENTRY_HAS_TM | P4TC_ENTRY_HAS_CREATED_BY |
		 P4TC_ENTRY_HAS_COUNTERS;
	e->prio = 7;
	e->permissions = 0x1da4;
	e->action_id = 1;
	strcpy(e->action_name, "cb/send");
	e->nparams = 2;
	e->params[0] = (struct p4tc_param_value){ .id = 1, .name = "port", .len = 2,
						  .value = { 7 } };
	e->params[1] = (struct p4tc_param_value){ .id = 2, .name = "dmac", .len = 8,
						  .value = { 0, 1, 2, 3, 4, 5 } };
	e->dynamic = true;
	e->aging_ms = 30000;
	e->created_ms = 1500;
	e->firstused_ms = 1000;
	e->lastused_ms = 10;
	e->created_by = (struct p4tc_entry_who){ P4TC_ENTITY_TC, 42, "p4tc" };
	e->packets = 3;
	e->bytes = 180;
	check_output(true, print_test_entry, e,
		     "[{\"tblid\":5,\"tblname\":\"cb/t\",\"prio\":7,\"permissions\":\"0x1da4\","
		     "\"key\":[{\"keyfield\":\"dstAddr\",\"id\":1,\"width\":32,\"type\":\"ipv4\","
		     "\"match_type\":\"lpm\",\"fieldval\":\"10.1.0.0\",\"prefix\":16},"
		     "{\"keyfield\":\"port\",\"id\":2,\"width\":16,\"type\":\"bit16\","
		     "\"match_type\":\"exact\",\"fieldval\":80}],"
		     "\"actions\":{\"actname\":\"cb/send\",\"actid\":1,\"params\":["
		     "{\"name\":\"port\",\"type\":\"bit16\",\"value\":7},"
		     "{\"name\":\"dmac\",\"type\":\"macaddr\",\"value\":\"00:01:02:03:04:05\"}]},"
		     "\"dynamic\":true,\"aging\":30000,\"tmpl_created\":false,"
		     "\"tm\":{\"created\":1500,\"firstused\":1000,\"lastused\":10},"
		     "\"created_by\":{\"entity\":\"tc\",\"pid\":42,\"comm\":\"p4tc\"},"
		     "\"counters\":{\"packets\":3,\"bytes\":180}}]\n",
		     "an lpm entry, with every field");
	check_output(false, print_test_entry, e,
		     "entry tblid 5 table cb/t prio 7 permissions 0x1da4 (-RUD-PS-R--X--)\n"
		     "\tkey dstAddr id 1 width 32 type ipv4 match lpm fieldval 10.1.0.0 prefix 16\n"
		     "\tkey port id 2 width 16 type bit16 match exact fieldval 80\n"
		     "\taction cb/send actid 1\n"
		     "\t\tparam port type bit16 value 7\n"
		     "\t\tparam dmac type macaddr value 00:01:02:03:04:05\n"
		     "\tdynamic aging 30000\n"
		     "\tcreated 1500 ms ago, first used 1000 ms ago, last used 10 ms ago\n"
		     "\tcreated_by tc pid 42 comm p4tc\n"
		     "\tcounters packets 3 bytes 180\n",
		     "an lpm entry, with every field");

	/* A ternary const entry that was never hit, without an action. */
	init_table(&print_tbl, P4TC_TABLE_TYPE_TERNARY);
	memset(e, 0, sizeof(*e));
	e->table_id = 5;
	e->keylen = 6;
	memcpy(e->key, "\x0a\x00\x02\x00\x50\x00", 6);
	memcpy(e->mask, "\xff\x00\xff\x00\xff\xff", 6);
	e->has = P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO | P4TC_ENTRY_HAS_TM;
	e->prio = 1;
	e->tmpl_created = true;
	e->created_ms = 20;
	check_output(true, print_test_entry, e,
		     "[{\"tblid\":5,\"tblname\":\"cb/t\",\"prio\":1,"
		     "\"key\":[{\"keyfield\":\"dstAddr\",\"id\":1,\"width\":32,\"type\":\"ipv4\","
		     "\"match_type\":\"ternary\",\"fieldval\":\"10.0.2.0\",\"mask\":\"255.0.255.0\"},"
		     "{\"keyfield\":\"port\",\"id\":2,\"width\":16,\"type\":\"bit16\","
		     "\"match_type\":\"exact\",\"fieldval\":80}],"
		     "\"dynamic\":false,\"tmpl_created\":true,"
		     "\"tm\":{\"created\":20,\"firstused\":0,\"lastused\":0}}]\n",
		     "a ternary const entry");
	check_output(false, print_test_entry, e,
		     "entry tblid 5 table cb/t prio 1\n"
		     "\tkey dstAddr id 1 width 32 type ipv4 match ternary fieldval 10.0.2.0 mask 255.0.255.0\n"
		     "\tkey port id 2 width 16 type bit16 match exact fieldval 80\n"
		     "\ttmpl_created\n"
		     "\tcreated 20 ms ago, never used\n",
		     "a ternary const entry");
}

static struct p4tc_default_action print_d;

static void print_test_defact(void *arg)
{
	struct entry_ctx c;

	init_ctx(&c, NULL, &print_tbl);
	out_open_object(NULL);
	print_defact(&c, "default_miss_action", arg);
	out_close_object();
}

static void test_defact_output(void)
{
	print_d = (struct p4tc_default_action){ .permissions = 0x1024, .action_id = 2,
						.action_name = "cb/drop" };
	check_output(true, print_test_defact, &print_d,
		     "[{\"default_miss_action\":{\"permissions\":\"0x1024\",\"actname\":\"cb/drop\","
		     "\"actid\":2,\"params\":[]}}]\n", "a default action");
	check_output(false, print_test_defact, &print_d,
		     "\tdefault_miss_action permissions 0x1024 (-R------R--X--) action cb/drop actid 2\n",
		     "a default action");
	print_d = (struct p4tc_default_action){ .permissions = 0x3fff };
	check_output(false, print_test_defact, &print_d,
		     "\tdefault_miss_action permissions 0x3fff (CRUDXPSCRUDXPS) action NoAction actid 0\n",
		     "no action");
}

/* str, key and rate params: parsed, and printed (text as a JSON string). */
static void test_new_type_values(void)
{
	struct p4tc_table exact;
	struct p4tc_entry e;

	init_table(&exact, P4TC_TABLE_TYPE_EXACT);
	tap_ok(parse_ok(&exact, ENTRY_CREATE,
			"dstAddr 10.0.0.1 port 1 action tag param name 123 param k 0xabc0 "
			"param r 1kbit", &e) &&
	       e.nparams == 3 && e.params[0].len == 8 && !memcmp(e.params[0].value, "123\0", 4) &&
	       e.params[1].len == 2 && !memcmp(e.params[1].value, "\xab\xc0", 2) &&
	       e.params[2].len == 8 && e.params[2].value[0] == 125,
	       "str64, key12 and rate params parse");
	parse_err(&exact, ENTRY_CREATE,
		  "dstAddr 10.0.0.1 port 1 action tag param name 12345678 param k 0xabc0 param r 1",
		  "param name: 12345678 is out of range for str64");
	parse_err(&exact, ENTRY_CREATE,
		  "dstAddr 10.0.0.1 port 1 action tag param name a param k 0xabc1 param r 1",
		  "param k: 0xabc1 is out of range for key12");
	parse_err(&exact, ENTRY_CREATE,
		  "dstAddr 10.0.0.1 port 1 action tag param name a param k 0xabc0 param r 1xbit",
		  "param r: \"1xbit\" is not a valid rate");
	print_d = (struct p4tc_default_action){ .permissions = 0x1024, .action_id = 4,
						.action_name = "cb/tag", .nparams = 3 };
	print_d.params[0] = e.params[0];
	print_d.params[1] = e.params[1];
	print_d.params[2] = e.params[2];
	init_table(&print_tbl, P4TC_TABLE_TYPE_EXACT);
	check_output(true, print_test_defact, &print_d,
		     "[{\"default_miss_action\":{\"permissions\":\"0x1024\",\"actname\":\"cb/tag\","
		     "\"actid\":4,\"params\":[{\"name\":\"name\",\"type\":\"str64\",\"value\":\"123\"},"
		     "{\"name\":\"k\",\"type\":\"key12\",\"value\":\"0xabc0\"},"
		     "{\"name\":\"r\",\"type\":\"rate\",\"value\":125}]}}]\n",
		     "str, key and rate params");
}

/* filter EXPR on the command line: words joined, errors on one line. */
static void test_filter_words(void)
{
	struct p4tc_table lpm;
	struct p4tc_entry_filter *f;
	struct p4tc_entry e = {};
	struct entry_ctx c;
	struct args a;
	const char *msg;
	int err;

	init_table(&lpm, P4TC_TABLE_TYPE_LPM);
	a = words("key.dstAddr == 10.0.0.0/8 and 'prio < 100'");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entry_filter(&c, &f);
	msg = captured();
	e.keylen = 6;
	memcpy(e.key, "\x0a\x01\x00\x00\x50\x00", 6);
	e.prio = 7;
	tap_ok(!err && f && !a.argc && p4tc_entry_filter_match(f, &e) == 1,
	       "a filter's words are joined into one expression %s", msg);
	p4tc_entry_filter_free(f);
	a = words("'not (param.act.send.port == 7) or msecs_since > 5000'");
	init_ctx(&c, &a, &lpm);
	err = parse_entry_filter(&c, &f);
	tap_ok(!err && f, "a quoted expression is one word");
	p4tc_entry_filter_free(f);

	a = words("key.dstAddr == 10.0.0.0/8 and prio <");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entry_filter(&c, &f);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && !f && !strchr(msg, '\n') &&
	       !strcmp(msg, "Error: table p/cb/t: filter: at the end: expected a value after prio <"),
	       "a bad filter is a usage error on one line: %s", msg);
	a = words("action == drop");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entry_filter(&c, &f);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && strstr(msg, "at \"drop\" (token 3): action drop is ambiguous"),
	       "it names the token: %s", msg);
	a = words("");
	init_ctx(&c, &a, &lpm);
	capture_stderr();
	err = parse_entry_filter(&c, &f);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && strstr(msg, "filter needs an expression"),
	       "filter needs an expression");
}

/* mon: events as text and JSON lines, selectors, filter and count */

static struct mon *test_mon;
static int mon_ret;

/* Feed @ev to the monitor, its output into a string to compare with @expect. */
static void check_mon(bool json, const struct p4tc_event *ev, const char *expect,
		      const char *what)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	f = open_memstream(&out, &len);
	if (!tap_ok(f != NULL, "open_memstream"))
		return;
	out_init_file(f, json, false);
	mon_ret = mon_event(ev, test_mon);
	fclose(f);
	out_init(false, false);
	if (!tap_ok(!strcmp(out, expect), "mon %s: %s", json ? "JSON" : "text", what)) {
		printf("# got: %s\n", visible(out));
		printf("# expected: %s\n", visible(expect));
	}
	free(out);
}

static void test_monitor(void)
{
	struct p4tc_event ev = { .cmd = P4TC_CMD_ENTRY_NEW, .obj = P4TC_EVENT_ENTRY,
				 .op = P4TC_EVENT_CREATE,
				 .pipeline = { .id = 1, .name = "p" } };
	static struct p4tc_table lpm;
	static struct p4tc_entry e;
	struct p4tc_entry_filter *f;
	struct entry_ctx c;
	struct args a;

	init_table(&lpm, P4TC_TABLE_TYPE_LPM);
	test_mon = mon_new(cli_handle());
	if (!tap_ok(test_mon && !mon_know(test_mon, "p", &lpm, test_actions, 4),
		    "a monitor that knows pipeline p"))
		return;
	e.table_id = 5;
	strcpy(e.table_name, "cb/t");
	e.keylen = 6;
	memcpy(e.key, "\x0a\x01\x00\x00\x50\x00", 6);
	memcpy(e.mask, "\xff\xff\x00\x00\xff\xff", 6);
	e.has = P4TC_ENTRY_HAS_MASK | P4TC_ENTRY_HAS_PRIO | P4TC_ENTRY_HAS_PERMISSIONS |
		P4TC_ENTRY_HAS_CREATED_BY | P4TC_ENTRY_HAS_AGING;
	e.prio = 7;
	e.permissions = 0x1da4;
	e.dynamic = true;
	e.aging_ms = 30000;
	e.action_id = 2;
	strcpy(e.action_name, "cb/drop");
	e.created_by = (struct p4tc_entry_who){ .entity = P4TC_ENTITY_TC, .pid = 42,
						.comm = "p4tc" };
	ev.entry = &e;
	check_mon(false, &ev,
		  "created pipeline: p(id 1) table: cb/t(id 5) entry priority 7[permissions -RUD-PS-R--X--]\n"
		  "\tkey dstAddr id 1 width 32 type ipv4 match lpm fieldval 10.1.0.0 prefix 16\n"
		  "\tkey port id 2 width 16 type bit16 match exact fieldval 80\n"
		  "\taction cb/drop actid 2\n"
		  "\tdynamic aging 30000\n"
		  "\tcreated_by tc pid 42 comm p4tc\n",
		  "an entry created");
	check_mon(true, &ev,
		  "{\"cmd\":\"create\",\"obj\":\"entry\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"entry\":{\"tblid\":5,\"tblname\":\"cb/t\",\"prio\":7,\"permissions\":\"0x1da4\","
		  "\"key\":[{\"keyfield\":\"dstAddr\",\"id\":1,\"width\":32,\"type\":\"ipv4\","
		  "\"match_type\":\"lpm\",\"fieldval\":\"10.1.0.0\",\"prefix\":16},"
		  "{\"keyfield\":\"port\",\"id\":2,\"width\":16,\"type\":\"bit16\","
		  "\"match_type\":\"exact\",\"fieldval\":80}],"
		  "\"actions\":{\"actname\":\"cb/drop\",\"actid\":2,\"params\":[]},"
		  "\"dynamic\":true,\"aging\":30000,\"tmpl_created\":false,"
		  "\"created_by\":{\"entity\":\"tc\",\"pid\":42,\"comm\":\"p4tc\"}}}\n",
		  "an entry created, one object on a line");
	ev.cmd = P4TC_CMD_ENTRY_DEL;
	ev.op = P4TC_EVENT_DELETE;
	e.has |= P4TC_ENTRY_HAS_DELETED_BY;
	e.deleted_by = (struct p4tc_entry_who){ .entity = P4TC_ENTITY_TIMER, .comm = "timer" };
	check_mon(false, &ev,
		  "deleted pipeline: p(id 1) table: cb/t(id 5) entry priority 7[permissions -RUD-PS-R--X--]\n"
		  "\tkey dstAddr id 1 width 32 type ipv4 match lpm fieldval 10.1.0.0 prefix 16\n"
		  "\tkey port id 2 width 16 type bit16 match exact fieldval 80\n"
		  "\taction cb/drop actid 2\n"
		  "\tdynamic aging 30000\n"
		  "\tcreated_by tc pid 42 comm p4tc\n"
		  "\tdeleted_by timer pid 0 comm timer\n",
		  "an entry deleted by aging");

	/* Selectors and filters */
	mon_select(test_mon, "q", NULL, 0, NULL, 0);
	check_mon(false, &ev, "", "another pipeline's events are not shown");
	mon_select(test_mon, "p", "cb/u", 0, NULL, 0);
	check_mon(false, &ev, "", "another table's events are not shown");
	mon_select(test_mon, "p", "cb/t", 1U << P4TC_EVENT_CREATE, NULL, 0);
	check_mon(false, &ev, "", "nor those of other commands");
	a = words("prio > 7 or key.port != 80");
	init_ctx(&c, &a, &lpm);
	parse_entry_filter(&c, &f);
	mon_select(test_mon, "p", NULL, 1U << P4TC_EVENT_DELETE, f, 0);
	check_mon(false, &ev, "", "nor the entries a filter drops");
	a = words("key.dstAddr == 10.0.0.0/8 and act.cb/drop");
	init_ctx(&c, &a, &lpm);
	parse_entry_filter(&c, &f);
	mon_select(test_mon, NULL, "cb/t", (1U << P4TC_EVENT_DELETE) | (1U << P4TC_EVENT_CREATE),
		   f, 2);
	check_mon(true, &ev,
		  "{\"cmd\":\"delete\",\"obj\":\"entry\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"entry\":{\"tblid\":5,\"tblname\":\"cb/t\",\"prio\":7,\"permissions\":\"0x1da4\","
		  "\"key\":[{\"keyfield\":\"dstAddr\",\"id\":1,\"width\":32,\"type\":\"ipv4\","
		  "\"match_type\":\"lpm\",\"fieldval\":\"10.1.0.0\",\"prefix\":16},"
		  "{\"keyfield\":\"port\",\"id\":2,\"width\":16,\"type\":\"bit16\","
		  "\"match_type\":\"exact\",\"fieldval\":80}],"
		  "\"actions\":{\"actname\":\"cb/drop\",\"actid\":2,\"params\":[]},"
		  "\"dynamic\":true,\"aging\":30000,\"tmpl_created\":false,"
		  "\"created_by\":{\"entity\":\"tc\",\"pid\":42,\"comm\":\"p4tc\"},"
		  "\"deleted_by\":{\"entity\":\"timer\",\"pid\":0,\"comm\":\"timer\"}}}\n",
		  "the entries the selectors and the filter pass");
	tap_ok(mon_ret == 0, "count 2 goes on after the first event");

	/* A flush passes no filter; without one, it shows its count. */
	ev.flush = true;
	ev.count = 3;
	memset(&e, 0, sizeof(e));
	e.table_id = 5;
	strcpy(e.table_name, "cb/t");
	check_mon(false, &ev, "", "a flush does not pass a filter");
	mon_select(test_mon, NULL, NULL, 0, NULL, 2);
	check_mon(false, &ev, "deleted pipeline: p(id 1) table: cb/t(id 5) 3 entries flushed\n",
		  "a flush of entries");
	tap_ok(mon_ret == 0, "count 2 goes on after the first event");
	check_mon(true, &ev,
		  "{\"cmd\":\"delete\",\"obj\":\"entry\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"tblname\":\"cb/t\",\"tblid\":5,\"flushed\":3}\n", "a flush of entries");
	tap_ok(mon_ret == 1, "and stops after the second");
	mon_select(test_mon, NULL, NULL, 0, NULL, 0);
	ev = (struct p4tc_event){ .cmd = P4TC_CMD_TABLE_DEL, .obj = P4TC_EVENT_TABLE,
				  .op = P4TC_EVENT_DELETE, .flush = true, .count = 2,
				  .pipeline = { .id = 1, .name = "p" } };
	check_mon(false, &ev, "deleted pipeline: p(id 1) 2 tables flushed\n", "a flush of tables");
	ev = (struct p4tc_event){ .cmd = P4TC_CMD_PIPELINE_NEW, .obj = P4TC_EVENT_PIPELINE,
				  .op = P4TC_EVENT_CREATE,
				  .pipeline = { .id = 1, .name = "p", .numtables = 2,
						.state = P4TC_PIPELINE_STATE_UNSEALED } };
	check_mon(false, &ev,
		  "created pipeline: p(id 1)\npipeline p pipeid 1\n"
		  "\tnumtables 2 curtables 0 state not ready users 0\n", "a pipeline created");
	check_mon(true, &ev,
		  "{\"cmd\":\"create\",\"obj\":\"pipeline\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"pipeline\":{\"pname\":\"p\",\"pipeid\":1,\"numtables\":2,\"curtables\":0,"
		  "\"pstate\":\"not ready\",\"users\":0}}\n", "a pipeline created");
	ev = (struct p4tc_event){ .cmd = P4TC_CMD_ACTION_SET, .obj = P4TC_EVENT_ACTION,
				  .op = P4TC_EVENT_UPDATE, .action = &test_actions[1],
				  .pipeline = { .id = 1, .name = "p" } };
	check_mon(false, &ev,
		  "updated pipeline: p(id 1) action: cb/drop(id 2)\naction p/cb/drop actid 2 active true\n",
		  "an action updated");
	mon_delete(test_mon);
}

/* The JSON reader, and introspection files */

static void check_json_err(const char *text, const char *expect)
{
	struct json_value *v;
	char err[128] = "";

	v = json_parse(text, err, sizeof(err));
	tap_ok(!v && strstr(err, expect), "json '%s' is refused: %s", visible(text), err);
	json_free(v);
}

static void test_json_reader(void)
{
	const struct json_value *arr, *e;
	unsigned long long n = 0;
	struct json_value *v;
	char err[128];

	v = json_parse(" {\"a\": [1, -2.5e3, \"x\\\"\\u00e9\\ud83d\\ude00\", true, false, null, {}],"
		       "\"b\": {\"c\": 42}} ", err, sizeof(err));
	arr = json_get(v, "a");
	e = arr ? arr->child : NULL;
	tap_ok(v && arr && arr->type == JSON_ARRAY && e && e->type == JSON_NUMBER &&
	       !strcmp(e->str, "1") && !strcmp(e->next->str, "-2.5e3") &&
	       e->next->next->type == JSON_STRING &&
	       !strcmp(e->next->next->str, "x\"\xc3\xa9\xf0\x9f\x98\x80") &&
	       e->next->next->next->boolean && !e->next->next->next->next->boolean &&
	       e->next->next->next->next->next->type == JSON_NULL &&
	       e->next->next->next->next->next->next->type == JSON_OBJECT &&
	       !json_get_uint(json_get(v, "b"), "c", 100, &n) && n == 42 &&
	       json_get_uint(json_get(v, "b"), "c", 41, &n) == -1 && !json_get(v, "z"),
	       "json values are read, escapes and all");
	json_free(v);
	check_json_err("", "line 1, column 1: the document ends before its value");
	check_json_err("{\"a\": 1,\n  \"b\" 2}", "line 2, column 7: expected ':'");
	check_json_err("[1, 2", "expected ',' or ']'");
	check_json_err("[1] x", "line 1, column 5: something after the value");
	check_json_err("{\"a\": 01}", "expected ',' or '}'");
	check_json_err("\"a\\q\"", "a bad escape");
	check_json_err("\"abc", "a string is not closed");
	check_json_err("[tru]", "not a value");
	check_json_err("[1.]", "a bad number");
}

static const char introspection[] =
	"{\n"
	"  \"schema_version\" : \"1.0.0\",\n"
	"  \"pipeline_name\" : \"redirect_l2\",\n"
	"  \"externs\" : [],\n"
	"  \"tables\" : [\n"
	"    {\n"
	"      \"name\" : \"ingress/other\", \"id\" : 2, \"keysize\" : 8,\n"
	"      \"keyfields\" : [ { \"id\" : 1, \"name\" : \"k\", \"type\" : \"bit8\",\n"
	"                        \"match_type\" : \"exact\", \"bitwidth\" : 8 } ]\n"
	"    },\n"
	"    {\n"
	"      \"name\" : \"ingress/nh_table\", \"id\" : 1, \"tentries\" : 262144,\n"
	"      \"permissions\" : \"0x3da4\", \"nummask\" : 8, \"keysize\" : 48,\n"
	"      \"keyfields\" : [\n"
	"        { \"id\" : 2, \"name\" : \"hdr.tcp.port\", \"type\" : \"bit<16>\",\n"
	"          \"match_type\" : \"exact\", \"bitwidth\" : 16 },\n"
	"        { \"id\" : 1, \"name\" : \"srcAddr\", \"type\" : \"ipv4\",\n"
	"          \"match_type\" : \"exact\", \"bitwidth\" : 32 }\n"
	"      ],\n"
	"      \"actions\" : [\n"
	"        { \"id\" : 1, \"name\" : \"redirect_l2/ingress/send_nh\",\n"
	"          \"action_scope\" : \"TableOnly\", \"annotations\" : [],\n"
	"          \"params\" : [\n"
	"            { \"id\" : 1, \"name\" : \"port_id\", \"type\" : \"dev\", \"bitwidth\" : 32 },\n"
	"            { \"id\" : 2, \"name\" : \"dmac\", \"type\" : \"macaddr\", \"bitwidth\" : 48 },\n"
	"            { \"id\" : 3, \"name\" : \"label\", \"type\" : \"str\", \"bitwidth\" : 64 }\n"
	"          ],\n"
	"          \"default_hit_action\" : false, \"default_miss_action\" : false },\n"
	"        { \"id\" : 2, \"name\" : \"ingress/drop\", \"action_scope\" : \"TableAndDefault\",\n"
	"          \"annotations\" : [], \"params\" : [] },\n"
	"        { \"id\" : 0, \"name\" : \"NoAction\", \"action_scope\" : \"DefaultOnly\",\n"
	"          \"annotations\" : [], \"params\" : [] }\n"
	"      ]\n"
	"    }\n"
	"  ]\n"
	"}\n";

static char introspect_dir[64];

static void write_file(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", introspect_dir, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Introspect table @name of pipeline @pname: the result, the message in @msg. */
static int introspect(const char *pname, struct p4tc_table *t, struct entry_ctx *c,
		      const char *name, const char **msg)
{
	int err;

	memset(t, 0, sizeof(*t));
	t->id = 1;
	strcpy(t->name, name);
	t->type = P4TC_TABLE_TYPE_EXACT;
	t->keysz = 48;
	memset(c, 0, sizeof(*c));
	c->pname = pname;
	c->t = t;
	capture_stderr();
	err = ctx_introspect(c, t);
	*msg = captured();
	return err;
}

static void test_introspection(void)
{
	static struct p4tc_table t;
	const struct p4tc_action *act;
	struct p4tc_entry e;
	struct entry_ctx c;
	struct args a;
	const char *msg;
	int err;

	strcpy(introspect_dir, "/tmp/p4tc-introspect-XXXXXX");
	if (!tap_ok(mkdtemp(introspect_dir) != NULL, "a directory for introspection files"))
		return;
	setenv("INTROSPECTION", introspect_dir, 1);
	write_file("redirect_l2.json", introspection);

	err = introspect("redirect_l2", &t, &c, "ingress/nh_table", &msg);
	tap_ok(!err && t.nkeyfields == 2 && !strcmp(t.keyfields[0].name, "srcAddr") &&
	       t.keyfields[0].type == P4TC_T_IPV4 && t.keyfields[0].match == P4TC_MATCH_EXACT &&
	       !strcmp(t.keyfields[1].name, "hdr.tcp.port") && t.keyfields[1].type == P4TC_T_BIT &&
	       t.keyfields[1].bitsz == 16, "the file's key fields, in id order %s", msg);
	act = c.actions_loaded ? ctx_find_action(&c, 1, NULL) : NULL;
	tap_ok(c.nactions == 2 && act && !strcmp(act->name, "ingress/send_nh") &&
	       act->nparams == 3 && act->params[1].type == P4TC_T_MACADDR &&
	       act->params[1].offset == 4 && act->params[2].type == P4TC_T_STRING &&
	       act->params[2].offset == 12 && t.nacts == 2 &&
	       t.acts[0].flags == P4TC_TABLE_ACT_TABLEONLY && t.acts[1].id == 2 && !t.acts[1].flags,
	       "its actions, params packed in order, their scopes; NoAction left out");
	a = words("hdr.tcp.port 80 srcAddr 10.0.0.1/32 action send_nh param port_id lo "
		  "param dmac 0:1:2:3:4:5 param label hi");
	c.a = &a;
	capture_stderr();
	err = parse_entry(&c, &e, ENTRY_CREATE);
	msg = captured();
	tap_ok(!err && !memcmp(e.key, "\x0a\x00\x00\x01\x50\x00", 6) &&
	       !strcmp(e.action_name, "ingress/send_nh") && e.nparams == 3 && e.params[2].len == 8,
	       "an entry is read with the file's schema %s", msg);
	a = words("hdr.tcp.port 80 srcAddr 10.0.0.1 action drop");
	capture_stderr();
	err = parse_entry(&c, &e, ENTRY_CREATE);
	msg = captured();
	tap_ok(!err, "and its actions %s", msg);
	ctx_free(&c);

	err = introspect("redirect_l2", &t, &c, "ingress/none", &msg);
	tap_ok(!err && !t.nkeyfields && !c.actions_loaded, "a table the file has not: the kernel's");
	err = introspect("nosuch", &t, &c, "ingress/nh_table", &msg);
	tap_ok(!err && !t.nkeyfields && !c.actions_loaded, "no file: the kernel's");
	err = introspect("redirect_l2", &t, &c, "ingress/other", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "table ingress/other: keysize 8, the kernel's table has 48"),
	       "a keysize other than the kernel's is refused: %s", msg);

	write_file("bad.json", "{ \"tables\": [ { \"name\": \"cb/t\",\n \"keyfields\": [ x ] } ] }");
	err = introspect("bad", &t, &c, "cb/t", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "Error: introspection ") &&
	       strstr(msg, "/bad.json: line 2, column 17: not a value") && !strchr(msg, '\n'),
	       "a broken file is an error naming where: %s", msg);
	write_file("type.json", "{ \"tables\": [ { \"name\": \"cb/t\", \"keyfields\": [\n"
		   "{ \"name\": \"k\", \"type\": \"u48\" } ] } ] }");
	err = introspect("type", &t, &c, "cb/t", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "table cb/t: key field k: unknown type \"u48\""),
	       "an unknown type is an error: %s", msg);
	write_file("size.json", "{ \"tables\": [ { \"name\": \"cb/t\", \"keyfields\": [\n"
		   "{ \"name\": \"k\", \"type\": \"bit32\" } ] } ] }");
	err = introspect("size", &t, &c, "cb/t", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "the key fields take 4 bytes, a key of 48 bits takes 6"),
	       "key fields that do not make the key are an error: %s", msg);
	write_file("width.json", "{ \"tables\": [ { \"name\": \"cb/t\", \"keyfields\": [\n"
		   "{ \"name\": \"k\", \"type\": \"bit32\", \"bitwidth\": 16 } ] } ] }");
	err = introspect("width", &t, &c, "cb/t", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "type bit32 is not 16 bits wide"),
	       "a width other than the type's is an error: %s", msg);
	write_file("notables.json", "[1]");
	err = introspect("notables", &t, &c, "cb/t", &msg);
	tap_ok(err == CLI_EUSAGE && strstr(msg, "no \"tables\" array"),
	       "a file of something else is an error: %s", msg);
	{
		static const char *const files[] = { "redirect_l2.json", "bad.json", "type.json",
						     "size.json", "width.json", "notables.json" };
		char path[128];
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(files); i++) {
			snprintf(path, sizeof(path), "%s/%s", introspect_dir, files[i]);
			unlink(path);
		}
		rmdir(introspect_dir);
	}
	unsetenv("INTROSPECTION");
}

static void print_test_table(void *arg)
{
	struct entry_ctx c;

	init_ctx(&c, NULL, arg);
	print_table(&c, arg);
}

static void test_table_output(void)
{
	struct p4tc_table *t = &print_tbl;

	init_table(t, P4TC_TABLE_TYPE_LPM);
	t->keyfields[1].match = P4TC_MATCH_EXACT;
	t->tentries = 256;
	t->nummasks = 8;
	t->permissions = 0x3da4;
	t->nentries = 2;
	t->num_masks_used = 1;
	t->memory = 4096;
	t->counters = true;
	t->num_timer_profiles = 2;
	t->ntimer_profiles = 2;
	t->timer_profiles[0] = (struct p4tc_timer_profile){ 0, 30000 };
	t->timer_profiles[1] = (struct p4tc_timer_profile){ 1, 60000 };
	t->nacts = 2;
	t->acts[0] = (struct p4tc_table_act){ .id = 1, .flags = P4TC_TABLE_ACT_TABLEONLY };
	t->acts[1] = (struct p4tc_table_act){ .id = 2 };
	t->has = P4TC_TABLE_HAS_DEFAULT_MISS;
	t->default_miss = (struct p4tc_default_action){ .permissions = 0x1024, .action_id = 2,
							.action_name = "cb/drop" };
	strcpy(t->direct_counter, "DirectCounter/c");
	strcpy(t->direct_meter, "DirectMeter/m");
	check_output(true, print_test_table, t,
		     "[{\"pname\":\"p\",\"tblname\":\"cb/t\",\"tblid\":5,\"type\":\"lpm\","
		     "\"keysz\":48,\"tentries\":256,\"nummasks\":8,\"permissions\":\"0x3da4\","
		     "\"nentries\":2,\"keyfields\":[{\"name\":\"dstAddr\",\"id\":1,"
		     "\"type\":\"ipv4\",\"width\":32,\"match_type\":\"lpm\"},{\"name\":\"port\","
		     "\"id\":2,\"type\":\"bit16\",\"width\":16,\"match_type\":\"exact\"}],"
		     "\"num_masks_used\":1,\"memory\":4096,\"counters\":true,"
		     "\"pna_direct_counter\":\"DirectCounter/c\",\"pna_direct_meter\":\"DirectMeter/m\","
		     "\"num_timer_profiles\":2,\"timer_profiles\":[{\"id\":0,\"aging\":30000},"
		     "{\"id\":1,\"aging\":60000}],"
		     "\"table_acts\":[{\"actname\":\"cb/send\",\"actid\":1,\"flags\":[\"tableonly\"]},"
		     "{\"actname\":\"cb/drop\",\"actid\":2,\"flags\":[]}],"
		     "\"default_miss_action\":{\"permissions\":\"0x1024\",\"actname\":\"cb/drop\","
		     "\"actid\":2,\"params\":[]}}]\n",
		     "a table with everything");
	check_output(false, print_test_table, t,
		     "table p/cb/t tblid 5\n"
		     "\ttype lpm keysz 48 tentries 256 nummasks 8 permissions 0x3da4 (CRUD-PS-R--X--) nentries 2\n"
		     "\tkey dstAddr id 1 type ipv4 match lpm\n"
		     "\tkey port id 2 type bit16 match exact\n"
		     "\tnum_masks_used 1 memory 4096 counters true pna_direct_counter DirectCounter/c "
		     "pna_direct_meter DirectMeter/m num_timer_profiles 2\n"
		     "\ttimer_profile id 0 aging 30000\n"
		     "\ttimer_profile id 1 aging 60000\n"
		     "\tact name cb/send actid 1 flags tableonly\n"
		     "\tact name cb/drop actid 2\n"
		     "\tdefault_miss_action permissions 0x1024 (-R------R--X--) action cb/drop actid 2\n",
		     "a table with everything");
}


/* Externs: instance templates and elements as words, and as output */

/* Parse @line as the words of an instance create into @ei: CLI_OK expected. */
static bool inst_ok(const char *line, struct p4tc_extern_inst *ei)
{
	struct args a = words(line);
	const char *msg;
	int err;

	memset(ei, 0, sizeof(*ei));
	a.obj = "extern_inst p/Counter/c";
	capture_stderr();
	err = parse_extern_inst(&a, ei);
	msg = captured();
	if (err || a.argc)
		printf("# \"%s\": %d: %s\n", line, err, msg);
	return !err && !a.argc;
}

/* Parse @line: a usage error whose message has @expect. */
static void inst_err(const char *line, const char *expect)
{
	static struct p4tc_extern_inst ei;
	struct args a = words(line);
	const char *msg;
	int err;

	memset(&ei, 0, sizeof(ei));
	a.obj = "extern_inst p/Counter/c";
	capture_stderr();
	err = parse_extern_inst(&a, &ei);
	msg = captured();
	tap_ok(err == CLI_EUSAGE && strstr(msg, expect) && !strchr(msg, '\n'),
	       "\"%s\" -> %s", line, msg);
}

static struct p4tc_extern_inst test_inst;

/* Words of p4ctrl on an element of test_inst. */
static int elem_words(const char *line, bool update, struct p4tc_extern_elem *el, bool *keyed,
		      const char **msg)
{
	struct args a = words(line);
	int err;

	a.obj = "extern p/Counter/global_counter";
	capture_stderr();
	err = parse_extern_elem(&a, &test_inst, update, el, keyed);
	*msg = captured();
	return err;
}

static void test_extern_words(void)
{
	static struct p4tc_extern_inst ei;
	struct p4tc_extern_elem el;
	const char *msg;
	bool keyed;

	tap_ok(inst_ok("instid 1 tc_numel 2048 constructor param type ptype bit32 2 "
		       "control_path tc_key index ptype bit32 id 1 param pkts ptype bit64 id 2 "
		       "param bytes ptype bit64 id 3", &ei) &&
	       ei.id == 1 && ei.numel == 2048 && !ei.tbl_bindable && ei.nconstructor == 1 &&
	       !strcmp(ei.constructor[0].name, "type") && ei.constructor[0].bitsz == 32 &&
	       ei.constructor[0].len == 4 && ei.constructor[0].value[0] == 2 &&
	       ei.nparams == 3 && !strcmp(ei.params[0].name, "index") &&
	       ei.params[0].flags == P4TC_EXT_PARAM_F_KEY && ei.params[0].id == 1 &&
	       !strcmp(ei.params[2].name, "bytes") && ei.params[2].bitsz == 64 &&
	       ei.params[2].id == 3 && !ei.params[2].flags,
	       "p4c's Counter instance line parses");
	tap_ok(inst_ok("instid 1 tc_numel 128 constructor param initial_register_value ptype bit32 32 "
		       "control_path tc_key index ptype bit32 id 1 param a_value ptype bit32 id 2 "
		       "tc_data_scalar", &ei) &&
	       ei.constructor[0].value[0] == 32 && ei.nparams == 2 &&
	       ei.params[1].flags == P4TC_EXT_PARAM_F_DATA_SCALAR,
	       "and its Register line, with tc_data_scalar");
	tap_ok(inst_ok("tbl_bindable control_path tc_key i ptype int8 id 1 param cir ptype rate id 2 "
		       "constructor param mode ptype macaddr 02:00:00:00:00:01", &ei) &&
	       ei.tbl_bindable && ei.params[1].type == P4TC_T_RATE && ei.nconstructor == 1 &&
	       ei.constructor[0].len == 8 && ei.constructor[0].value[5] == 1,
	       "sections in any order, tbl_bindable, types as p4tc_type_parse() takes them");
	inst_err("param x ptype bit32 id 1", "param goes after constructor or control_path");
	inst_err("constructor tc_key x ptype bit32 id 1", "tc_key goes after control_path");
	inst_err("control_path param x ptype bit32 id 1",
		 "control_path needs \"tc_key NAME ptype TYPE id N\"");
	inst_err("control_path tc_key x ptype bit32 id 1 tc_key y ptype bit32 id 2",
		 "tc_key given twice");
	inst_err("control_path tc_key x ptype bit64 id 1", "tc_key x: the element index is a bit "
		 "or int of at most 32 bits");
	inst_err("control_path tc_key x type bit32 id 1", "tc_key x needs \"ptype TYPE\"");
	inst_err("control_path tc_key x ptype bit32 1", "tc_key x needs \"id N\"");
	inst_err("control_path tc_key x ptype bit32 id 0", "tc_key x id 0: param ids go from 1");
	inst_err("constructor param t ptype bit8 256", "constructor param t: 256 is out of range "
		 "for bit8");
	inst_err("constructor param t ptype bit8", "constructor param t needs a value");
	inst_err("tc_numel 65537", "tc_numel 65537 is out of range (at most 65536)");
	inst_err("instid 0", "instid 0: instance ids go from 1 to 1024");
	inst_err("control_path tc_key x ptype bit32 id 1 tc_data_scalar",
		 "unexpected \"tc_data_scalar\"");

	inst_ok("tc_numel 2048 control_path tc_key index ptype bit32 id 1 "
		"param pkts ptype bit64 id 2 param bytes ptype bit64 id 3 "
		"param mac ptype macaddr id 4", &test_inst);
	strcpy(test_inst.ext_name, "Counter");
	strcpy(test_inst.name, "global_counter");
	tap_ok(!elem_words("tc_key index 2047", false, &el, &keyed, &msg) && keyed &&
	       el.index == 2047 && !el.nparams && !strcmp(el.ext_name, "Counter") &&
	       !strcmp(el.inst_name, "global_counter"), "get: tc_key names the element");
	tap_ok(!elem_words("", false, &el, &keyed, &msg) && !keyed, "get: without it, all of them");
	tap_ok(!elem_words("tc_key index 0 param bytes 0x10 param mac 02:00:00:00:00:01", true, &el,
			   &keyed, &msg) &&
	       keyed && el.index == 0 && el.nparams == 2 && !strcmp(el.params[0].name, "bytes") &&
	       el.params[0].len == 8 && el.params[0].value[0] == 0x10 &&
	       el.params[1].len == 8 && el.params[1].value[0] == 2,
	       "update: params read with their types");
	tap_ok(elem_words("tc_key idx 1", false, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "Error: extern p/Counter/global_counter: tc_key \"idx\": the key of "
		      "extern instance global_counter is index"), "%s", msg);
	tap_ok(elem_words("tc_key index 2048", false, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "tc_key index 2048 is out of range (at most 2047)"), "%s", msg);
	tap_ok(elem_words("tc_key index 1 param packets 1", true, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "extern instance global_counter has no param \"packets\""), "%s", msg);
	tap_ok(elem_words("tc_key index 1 param index 1", true, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "param index is the key: tc_key index N"), "%s", msg);
	tap_ok(elem_words("tc_key index 1 param pkts 1 param pkts 2", true, &el, &keyed, &msg) ==
	       CLI_EUSAGE && strstr(msg, "param pkts given twice"), "%s", msg);
	tap_ok(elem_words("tc_key index 1 param mac 1", true, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "param mac: \"1\" is not a valid macaddr"), "%s", msg);
	tap_ok(elem_words("param pkts 1", true, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "update: which element? tc_key index N"), "%s", msg);
	tap_ok(elem_words("tc_key index 1", true, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "update: nothing to change"), "%s", msg);
	tap_ok(elem_words("tc_key index 1 param pkts 1", false, &el, &keyed, &msg) == CLI_EUSAGE &&
	       strstr(msg, "unexpected \"param\""), "get takes no params: %s", msg);
}

static void print_test_kind(void *arg)
{
	print_extern(arg);
}

static void print_test_inst(void *arg)
{
	print_extern_inst("simple_l3", arg, "cb/t");
}

static void print_test_elem(void *arg)
{
	print_extern_elem(arg);
}

static struct p4tc_extern_elem test_elem;

/* An element of test_inst: index 5, pkts 3, bytes 180. */
static void init_elem(void)
{
	memset(&test_elem, 0, sizeof(test_elem));
	strcpy(test_elem.ext_name, "Counter");
	strcpy(test_elem.inst_name, "global_counter");
	test_elem.index = 5;
	test_elem.nparams = 2;
	test_elem.params[0] = (struct p4tc_param_value){ .id = 2, .name = "pkts", .len = 8,
							 .value = { 3 } };
	test_elem.params[1] = (struct p4tc_param_value){ .id = 3, .name = "bytes", .len = 8,
							 .value = { 180 } };
	test_elem.types[0] = test_elem.types[1] = P4TC_T_BIT;
	test_elem.bitsz[0] = test_elem.bitsz[1] = 64;
}

static void test_extern_output(void)
{
	struct p4tc_extern ext = { .id = 7, .name = "Counter", .num_instances = 4,
				   .permissions = 0x19b4, .has_exec = true, .instances = 2 };
	static struct p4tc_extern_inst ei;

	check_output(true, print_test_kind, &ext,
		     "[{\"kind\":\"Counter\",\"extid\":7,\"numinstances\":4,"
		     "\"permissions\":\"0x19b4\",\"has_exec_method\":true,\"instances\":2}]\n",
		     "an extern kind");
	check_output(false, print_test_kind, &ext,
		     "extern root/Counter extid 7 numinstances 4 tc_acl 0x19b4 (-RU--PS-RU-X--) "
		     "has_exec_method instances 2\n", "an extern kind");

	inst_ok("instid 1 tc_numel 2048 tbl_bindable constructor param type ptype bit32 2 "
		"control_path tc_key index ptype bit32 id 1 param pkts ptype bit64 id 2 "
		"param bytes ptype bit64 id 3 tc_data_scalar", &ei);
	strcpy(ei.ext_name, "Counter");
	strcpy(ei.name, "global_counter");
	ei.ext_id = 7;
	ei.table_id = 3;
	check_output(true, print_test_inst, &ei,
		     "[{\"pipeline\":\"simple_l3\",\"kind\":\"Counter\",\"extid\":7,"
		     "\"inst\":\"global_counter\",\"instid\":1,\"tc_numel\":2048,"
		     "\"tbl_bindable\":true,\"tblid\":3,\"table\":\"cb/t\","
		     "\"constructor\":[{\"name\":\"type\",\"type\":\"bit32\",\"value\":2}],"
		     "\"control_path\":[{\"name\":\"index\",\"type\":\"bit32\",\"id\":1,\"key\":true,"
		     "\"tc_data_scalar\":false},{\"name\":\"pkts\",\"type\":\"bit64\",\"id\":2,"
		     "\"key\":false,\"tc_data_scalar\":false},{\"name\":\"bytes\",\"type\":\"bit64\","
		     "\"id\":3,\"key\":false,\"tc_data_scalar\":true}]}]\n",
		     "an extern instance");
	check_output(false, print_test_inst, &ei,
		     "extern_inst simple_l3/Counter/global_counter instid 1\n"
		     "\ttc_numel 2048 tbl_bindable tblid 3 table cb/t\n"
		     "\tconstructor param type ptype bit32 2\n"
		     "\tcontrol_path tc_key index ptype bit32 id 1\n"
		     "\tcontrol_path param pkts ptype bit64 id 2\n"
		     "\tcontrol_path param bytes ptype bit64 id 3 tc_data_scalar\n",
		     "an extern instance");

	init_elem();
	check_output(true, print_test_elem, &test_elem,
		     "[{\"kind\":\"Counter\",\"inst\":\"global_counter\",\"index\":5,\"params\":["
		     "{\"name\":\"pkts\",\"id\":2,\"type\":\"bit64\",\"value\":3},"
		     "{\"name\":\"bytes\",\"id\":3,\"type\":\"bit64\",\"value\":180}]}]\n",
		     "an extern element");
	check_output(false, print_test_elem, &test_elem,
		     "extern Counter/global_counter index 5\n"
		     "\tparam pkts id 2 type bit64 value 3\n"
		     "\tparam bytes id 3 type bit64 value 180\n", "an extern element");
}

static void test_extern_monitor(void)
{
	struct p4tc_extern ext = { .id = 7, .name = "Counter", .num_instances = 4,
				   .permissions = 0x19b4 };
	struct p4tc_event ev = { .cmd = P4TC_CMD_EXTERN_NEW, .obj = P4TC_EVENT_EXTERN,
				 .op = P4TC_EVENT_CREATE, .ext = &ext };

	test_mon = mon_new(cli_handle());
	if (!tap_ok(test_mon != NULL, "a monitor"))
		return;
	check_mon(false, &ev, "created extern Counter(id 7)\n", "an extern kind created");
	check_mon(true, &ev,
		  "{\"cmd\":\"create\",\"obj\":\"extern\",\"extern\":{\"kind\":\"Counter\","
		  "\"extid\":7,\"numinstances\":4,\"permissions\":\"0x19b4\","
		  "\"has_exec_method\":false,\"instances\":0}}\n", "an extern kind created");
	mon_select(test_mon, "p", NULL, 0, NULL, 0);
	check_mon(false, &ev, "", "kinds are of no pipeline: a pipeline selector leaves them out");
	ev = (struct p4tc_event){ .cmd = P4TC_CMD_EXTINST_DEL, .obj = P4TC_EVENT_EXTERN_INST,
				  .op = P4TC_EVENT_DELETE, .ext_inst = &test_inst,
				  .pipeline = { .id = 1, .name = "p" } };
	test_inst.id = 1;
	test_inst.nconstructor = 0;
	test_inst.nparams = 1;
	check_mon(false, &ev, "deleted extern instance p/Counter/global_counter(id 1)\n",
		  "an extern instance deleted");
	check_mon(true, &ev,
		  "{\"cmd\":\"delete\",\"obj\":\"extern_inst\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"extern_inst\":{\"pipeline\":\"p\",\"kind\":\"Counter\",\"extid\":0,"
		  "\"inst\":\"global_counter\",\"instid\":1,\"tc_numel\":2048,\"tbl_bindable\":false,"
		  "\"constructor\":[],\"control_path\":[{\"name\":\"index\",\"type\":\"bit32\","
		  "\"id\":1,\"key\":true,\"tc_data_scalar\":false}]}}\n",
		  "an extern instance deleted");
	init_elem();
	ev = (struct p4tc_event){ .cmd = P4TC_CMD_EXTELEM_SET, .obj = P4TC_EVENT_EXTERN_ELEM,
				  .op = P4TC_EVENT_UPDATE, .ext_elem = &test_elem,
				  .pipeline = { .id = 1, .name = "p" } };
	check_mon(false, &ev, "updated extern element p/Counter/global_counter index 5 pkts 3 bytes 180\n",
		  "an extern element written");
	check_mon(true, &ev,
		  "{\"cmd\":\"update\",\"obj\":\"extern_elem\",\"pname\":\"p\",\"pipeid\":1,"
		  "\"extern_elem\":{\"kind\":\"Counter\",\"inst\":\"global_counter\",\"index\":5,"
		  "\"params\":[{\"name\":\"pkts\",\"id\":2,\"type\":\"bit64\",\"value\":3},"
		  "{\"name\":\"bytes\",\"id\":3,\"type\":\"bit64\",\"value\":180}]}}\n",
		  "an extern element written");
	mon_select(test_mon, "p", "cb/t", 0, NULL, 0);
	check_mon(false, &ev, "", "a table selector leaves elements out");
	mon_delete(test_mon);
}

static void test_help(void)
{
	struct p4tc_table t;
	struct entry_ctx c;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	init_table(&t, P4TC_TABLE_TYPE_TERNARY);
	t.nacts = 2;
	t.acts[0] = (struct p4tc_table_act){ .id = 1, .flags = P4TC_TABLE_ACT_TABLEONLY };
	t.acts[1] = (struct p4tc_table_act){ .id = 2, .flags = P4TC_TABLE_ACT_DEFAULTONLY };
	init_ctx(&c, NULL, &t);
	f = open_memstream(&out, &len);
	print_table_help(f, &c);
	fclose(f);
	tap_ok(!strcmp(out, "Key of ternary table p/cb/t (keysz 48):\n"
			    "\tdstAddr ipv4 match ternary: VALUE[/PREFIX|/MASK]\n"
			    "\tport bit16 match exact\n"
			    "Entries are named by key, mask and prio: update, get and delete need \"prio N\".\n"
			    "Actions of the table:\n"
			    "\taction cb/send param port bit16 param dmac macaddr (in entries only)\n"
			    "\taction cb/drop (as a default action only)\n"),
	       "help lists the key fields with their match and the table's actions");
	if (strncmp(out, "Key", 3))
		printf("# got: %s\n", visible(out));
	free(out);
}

int main(void)
{
	test_batch();
	test_json();
	test_entry_words();
	test_entry_batches();
	test_defact_words();
	test_entry_output();
	test_defact_output();
	test_new_type_values();
	test_filter_words();
	test_monitor();
	test_json_reader();
	test_introspection();
	test_table_output();
	test_extern_words();
	test_extern_output();
	test_extern_monitor();
	test_help();
	return tap_done();
}
