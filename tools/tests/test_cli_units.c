// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the p4tc command's parts: batch line splitting and the
 * JSON writer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
	test_batch();
	test_json();
	return tap_done();
}
