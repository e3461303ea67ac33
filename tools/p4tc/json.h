/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small JSON writer: values are written as they come, commas and (when
 * pretty) line breaks and indentation are placed for the caller. And a
 * small reader, for introspection files.
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

/* A small JSON reader: a document into a tree of values. */

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value {
	enum json_type type;
	/* the member's name, in an object */
	char *key;
	/* strings (without their escapes), and numbers as written */
	char *str;
	bool boolean;
	/* arrays and objects: their first element; then the next one */
	struct json_value *child;
	struct json_value *next;
};

/*
 * Parse @text (one value, blanks around it): the tree, to free with
 * json_free(), or NULL with a message "line L, column C: WHAT" in @err.
 */
struct json_value *json_parse(const char *text, char *err, size_t errsize);
void json_free(struct json_value *v);
/* The member @key of an object, or NULL. */
const struct json_value *json_get(const struct json_value *obj, const char *key);
/* A member's string, or NULL if it is missing or no string. */
const char *json_get_str(const struct json_value *obj, const char *key);
/* A member's unsigned integer: 0, or -1 if it is missing or not one up to @max. */
int json_get_uint(const struct json_value *obj, const char *key, unsigned long long max,
		  unsigned long long *v);

#endif /* __P4TC_JSON_H */
