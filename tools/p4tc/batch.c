// SPDX-License-Identifier: GPL-2.0
/*
 * Batch files: each line is a command without the leading "p4tc"; a line
 * ending with a backslash goes on on the next one.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "p4tc.h"

static bool batch_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Split @line into words, in place, as iproute2 does: words are separated
 * by blanks, '#' at the start of a word begins a comment, and '...' or
 * "..." quote blanks and '#' (the quotes are removed).
 *
 * Return: the number of words, -E2BIG if there are more than @max, or
 * -EINVAL for an unterminated quote.
 */
int batch_split(char *line, char **argv, int max)
{
	char *in = line, *out;
	int argc = 0;
	char quote;

	for (;;) {
		while (batch_is_space(*in))
			in++;
		if (!*in || *in == '#')
			return argc;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = out = in;
		while (*in && !batch_is_space(*in)) {
			if (*in != '"' && *in != '\'') {
				*out++ = *in++;
				continue;
			}
			quote = *in++;
			while (*in && *in != quote)
				*out++ = *in++;
			if (!*in)
				return -EINVAL;
			in++;
		}
		/* The word ends here; its terminator may overwrite the blank. */
		if (*in)
			in++;
		*out = '\0';
	}
}

/*
 * Whether @line (one line of a file, with its newline) goes on on the next
 * one: it ends with a backslash outside quotes and comments. The backslash
 * and the newline are then cut off.
 */
bool batch_continues(char *line)
{
	char *in = line, *end = line + strlen(line);
	bool word = false;
	char quote = 0;

	while (end > line && batch_is_space(end[-1]))
		end--;
	if (end == line || end[-1] != '\\')
		return false;
	for (; in < end - 1; in++) {
		if (quote) {
			if (*in == quote)
				quote = 0;
		} else if (*in == '"' || *in == '\'') {
			quote = *in;
			word = true;
		} else if (batch_is_space(*in)) {
			word = false;
		} else {
			if (*in == '#' && !word)
				return false;
			word = true;
		}
	}
	if (quote)
		return false;
	end[-1] = ' ';
	*end = '\0';
	return true;
}
