/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TAP output for the host unit tests: "ok N - what" or "not ok N - what",
 * then the plan; tap_done() is the program's exit status.
 */
#ifndef __P4TC_TAP_H
#define __P4TC_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static unsigned int tap_count, tap_failed;

static inline __attribute__((format(printf, 2, 3)))
bool tap_ok(bool pass, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %u - ", pass ? "" : "not ", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass)
		tap_failed++;
	return pass;
}

static inline __attribute__((format(printf, 1, 2)))
void tap_skip(const char *fmt, ...)
{
	va_list ap;

	printf("ok %u - # SKIP ", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline int tap_done(void)
{
	printf("1..%u\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif /* __P4TC_TAP_H */
