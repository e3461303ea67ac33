/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small JSON writer: values are written as they come, commas and (when
 * pretty) line breaks and indentation are placed for the caller.
 */
#ifndef __P4TC_JSON_H
#define __P4TC_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json_writer {
	FILE *f;
	bool pretty;
	/* open objects and arrays */
	unsigned int depth;
	/* whether the object or array at each depth has a member yet; deeper
	 * levels share the last slot */
	bool nonempty[JSON_MAX_DEPTH];
	/* a member's name was written: its value comes next */
	bool named;
};

void jw_init(struct json_writer *w, FILE *f, bool pretty);
void jw_start_object(struct json_writer *w);
void jw_end_object(struct json_writer *w);
void jw_start_array(struct json_writer *w);
void jw_end_array(struct json_writer *w);
/* The name of the next member of the current object. */
void jw_name(struct json_writer *w, const char *name);
void jw_string(struct json_writer *w, const char *s);
void jw_uint(struct json_writer *w, unsigned long long v);
void jw_bool(struct json_writer *w, bool v);
/* A number given as text, which must be a valid JSON number. */
void jw_number(struct json_writer *w, const char *text);

#endif /* __P4TC_JSON_H */
