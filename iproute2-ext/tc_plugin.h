/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of iproute2 6.1's tc plugin ABI that f_p4.so uses.
 *
 * tc dlopen()s $TC_LIB_DIR/f_KIND.so and takes its KIND_filter_util; the
 * plugin calls back into tc, which exports its internals (it links with
 * -Wl,-export-dynamic). iproute2 ships no development headers, so these
 * declarations are copied from iproute2 6.1.0's tc/tc_util.h,
 * include/libnetlink.h, include/json_print.h, include/color.h and
 * include/utils.h, and must match Debian's iproute2 6.1.0-3 (/usr/sbin/tc):
 * struct filter_util is 40 bytes there (nm -S), parse_fopt at offset 0x18
 * and print_fopt at 0x20, called with the arguments below; PRINT_ANY is 4
 * and COLOR_NONE 6 in its calls to print_color_uint().
 */
#ifndef __P4TC_TC_PLUGIN_H
#define __P4TC_TC_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/types.h>

/* tc_util.h */

#define FILTER_NAMESZ	16

struct filter_util {
	struct filter_util *next;
	char id[FILTER_NAMESZ];
	/*
	 * @fhandle: the word after "handle", or NULL; @argv: the words after
	 * the kind; @n: the request, its struct tcmsg and TCA_KIND (and
	 * TCA_CHAIN) filled in. Non-zero fails the command.
	 */
	int (*parse_fopt)(struct filter_util *qu, char *fhandle,
			  int argc, char **argv, struct nlmsghdr *n);
	/* @opt: TCA_OPTIONS of a dumped filter, @fhandle its tcm_handle. */
	int (*print_fopt)(struct filter_util *qu,
			  FILE *f, struct rtattr *opt, __u32 fhandle);
};

/* What Debian's tc binary shows of it (nm -S, relocations, call sites). */
_Static_assert(sizeof(struct filter_util) == 40 &&
	       offsetof(struct filter_util, id) == 8 &&
	       offsetof(struct filter_util, parse_fopt) == 0x18 &&
	       offsetof(struct filter_util, print_fopt) == 0x20,
	       "struct filter_util of iproute2 6.1 on x86_64");

/* The room tc leaves for attributes after the struct tcmsg of a request. */
#define MAX_MSG		16384

int get_tc_classid(__u32 *h, const char *str);
char *sprint_tc_classid(__u32 h, char *buf);

/* utils.h */

#define SPRINT_BSIZE	64

int get_u32(__u32 *val, const char *arg, int base);

/* libnetlink.h */

int addattr32(struct nlmsghdr *n, int maxlen, int type, __u32 data);
int addattrstrz(struct nlmsghdr *n, int maxlen, int type, const char *data);
struct rtattr *addattr_nest(struct nlmsghdr *n, int maxlen, int type);
int addattr_nest_end(struct nlmsghdr *n, struct rtattr *nest);
int parse_rtattr_flags(struct rtattr *tb[], int max, struct rtattr *rta,
		       int len, unsigned short flags);

#define parse_rtattr_nested(tb, max, rta) \
	(parse_rtattr_flags((tb), (max), RTA_DATA(rta), RTA_PAYLOAD(rta), \
			    NLA_F_NESTED))

static inline __u32 rta_getattr_u32(const struct rtattr *rta)
{
	return *(__u32 *)RTA_DATA(rta);
}

static inline const char *rta_getattr_str(const struct rtattr *rta)
{
	return (const char *)RTA_DATA(rta);
}

/* color.h, json_print.h */

enum color_attr {
	COLOR_IFNAME,
	COLOR_MAC,
	COLOR_INET,
	COLOR_INET6,
	COLOR_OPERSTATE_UP,
	COLOR_OPERSTATE_DOWN,
	COLOR_NONE
};

enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = 4,
};

void open_json_object(const char *str);
void close_json_object(void);
void print_nl(void);

int print_color_string(enum output_type t, enum color_attr color,
		       const char *key, const char *fmt, const char *value);
int print_color_uint(enum output_type t, enum color_attr color,
		     const char *key, const char *fmt, unsigned int value);

static inline int print_string(enum output_type t, const char *key,
			       const char *fmt, const char *value)
{
	return print_color_string(t, COLOR_NONE, key, fmt, value);
}

static inline int print_uint(enum output_type t, const char *key,
			     const char *fmt, unsigned int value)
{
	return print_color_uint(t, COLOR_NONE, key, fmt, value);
}

#endif /* __P4TC_TC_PLUGIN_H */
