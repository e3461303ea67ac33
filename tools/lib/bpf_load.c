// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Loading a pipeline's programs with libbpf (p4tc_prog_load()): SCHED_CLS
 * programs in sections libbpf does not know ("p4tc/parse", "p4tc/main"),
 * told their filter's identity through the global "p4tc_filter_fields"
 * before they load.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include <p4tc/kfuncs.h>

#include "internal.h"

#define P4TC_FILTER_FIELDS_VAR "p4tc_filter_fields"
#define P4TC_PIN_ROOT "/sys/fs/bpf/tc/globals"

/*
 * libbpf prints through one process-wide function: while a handle loads
 * programs, its thread's messages go to the handle's log callback, and
 * other threads' to the function that was there before.
 */
static __thread struct p4tc_handle *p4tc_libbpf_handle;
static libbpf_print_fn_t p4tc_libbpf_prev_print;

static int p4tc_libbpf_print(enum libbpf_print_level level, const char *fmt,
			     va_list ap)
{
	static const enum p4tc_log_level levels[] = {
		[LIBBPF_WARN] = P4TC_LOG_WARN,
		[LIBBPF_INFO] = P4TC_LOG_INFO,
		[LIBBPF_DEBUG] = P4TC_LOG_DEBUG,
	};
	struct p4tc_handle *h = p4tc_libbpf_handle;

	if (!h)
		return p4tc_libbpf_prev_print ? p4tc_libbpf_prev_print(level, fmt, ap) : 0;
	p4tc_vlog(h, level < ARRAY_SIZE(levels) ? levels[level] : P4TC_LOG_DEBUG,
		  fmt, ap);
	return 0;
}

static libbpf_print_fn_t p4tc_libbpf_log_begin(struct p4tc_handle *h)
{
	libbpf_print_fn_t prev = libbpf_set_print(p4tc_libbpf_print);

	if (prev != p4tc_libbpf_print)
		p4tc_libbpf_prev_print = prev;
	p4tc_libbpf_handle = h;
	return prev;
}

static void p4tc_libbpf_log_end(libbpf_print_fn_t prev)
{
	p4tc_libbpf_handle = NULL;
	libbpf_set_print(prev);
}

/* The one program of section @sec, the only one left to autoload. */
static struct bpf_program *p4tc_bpf_select(struct p4tc_handle *h,
					   struct bpf_object *obj,
					   const char *path, const char *sec)
{
	struct bpf_program *prog, *found = NULL;

	bpf_object__for_each_program(prog, obj) {
		bpf_program__set_type(prog, BPF_PROG_TYPE_SCHED_CLS);
		if (strcmp(bpf_program__section_name(prog), sec)) {
			bpf_program__set_autoload(prog, false);
			continue;
		}
		if (found) {
			p4tc_err(h, -EINVAL, "%s: section %s holds more than one program",
				 path, sec);
			errno = EINVAL;
			return NULL;
		}
		found = prog;
	}
	if (!found) {
		p4tc_err(h, -ENOENT, "%s: no program in section %s", path, sec);
		errno = ENOENT;
	}
	return found;
}

/* The variable @name of the data section @sec, or NULL. */
static const struct btf_var_secinfo *p4tc_btf_var(const struct btf *btf, const char *sec,
						  const char *name)
{
	const struct btf_var_secinfo *vsi;
	const struct btf_type *t;
	int id, i;

	id = btf__find_by_name_kind(btf, sec, BTF_KIND_DATASEC);
	if (id < 0)
		return NULL;
	t = btf__type_by_id(btf, id);
	vsi = btf_var_secinfos(t);
	for (i = 0; i < btf_vlen(t); i++, vsi++)
		if (!strcmp(btf__name_by_offset(btf, btf__type_by_id(btf, vsi->type)->name_off),
			    name))
			return vsi;
	return NULL;
}

/* Write @fields into the .bss variable "p4tc_filter_fields", if there is one. */
static int p4tc_bpf_set_fields(struct p4tc_handle *h, struct bpf_object *obj,
			       const char *path,
			       const struct p4tc_filter_fields *fields)
{
	const struct btf_var_secinfo *vsi;
	struct btf *btf = bpf_object__btf(obj);
	struct bpf_map *bss;
	const void *init;
	size_t size;
	__u8 *data;
	int err;

	if (!btf)
		return 0;
	vsi = p4tc_btf_var(btf, ".bss", P4TC_FILTER_FIELDS_VAR);
	bss = bpf_object__find_map_by_name(obj, ".bss");
	if (!vsi || !bss) {
		/* Initialised, it would silently keep its initial value. */
		if (p4tc_btf_var(btf, ".data", P4TC_FILTER_FIELDS_VAR) ||
		    p4tc_btf_var(btf, ".rodata", P4TC_FILTER_FIELDS_VAR))
			return p4tc_err(h, -EINVAL, "%s: %s must not be initialised (the loader fills it in .bss)",
					path, P4TC_FILTER_FIELDS_VAR);
		return 0;
	}

	init = bpf_map__initial_value(bss, &size);
	if (vsi->size != sizeof(*fields) || !init || vsi->offset + sizeof(*fields) > size)
		return p4tc_err(h, -EINVAL, "%s: %s has %u bytes, struct p4tc_filter_fields %zu",
				path, P4TC_FILTER_FIELDS_VAR, vsi->size, sizeof(*fields));
	data = malloc(size);
	if (!data)
		return -ENOMEM;
	memcpy(data, init, size);
	memcpy(data + vsi->offset, fields, sizeof(*fields));
	err = bpf_map__set_initial_value(bss, data, size);
	free(data);
	if (err)
		return p4tc_err(h, err, "%s: cannot set %s: %s", path,
				P4TC_FILTER_FIELDS_VAR, strerror(-err));
	return 0;
}

/* mkdir -p */
static int p4tc_mkdirs(const char *dir)
{
	size_t i, len = strlen(dir);
	char path[PATH_MAX];

	if (len >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, dir, len + 1);
	for (i = 1; i <= len; i++) {
		if (path[i] != '/' && path[i])
			continue;
		path[i] = '\0';
		if (mkdir(path, 0700) && errno != EEXIST)
			return -errno;
		path[i] = dir[i];
	}
	return 0;
}

/* Create @pin_root if a map of @obj is to be pinned there. */
static int p4tc_bpf_pin_root(struct p4tc_handle *h, struct bpf_object *obj,
			     const char *pin_root)
{
	struct bpf_map *map;
	int err;

	bpf_object__for_each_map(map, obj) {
		if (!bpf_map__pin_path(map))
			continue;
		err = p4tc_mkdirs(pin_root);
		if (err)
			return p4tc_err(h, err, "cannot create %s for pinned maps: %s",
					pin_root, strerror(-err));
		return 0;
	}
	return 0;
}

static int p4tc_bpf_prepare_load(struct p4tc_handle *h, struct bpf_object *obj,
				 const char *path, const char *sec,
				 const struct p4tc_filter_fields *fields,
				 const char *pin_root)
{
	struct bpf_program *prog;
	int err, fd;

	prog = p4tc_bpf_select(h, obj, path, sec);
	if (!prog)
		return -errno;
	if (fields) {
		err = p4tc_bpf_set_fields(h, obj, path, fields);
		if (err)
			return err;
	}
	err = p4tc_bpf_pin_root(h, obj, pin_root);
	if (err)
		return err;
	err = bpf_object__load(obj);
	if (err)
		return p4tc_err(h, err, "%s: loading section %s failed: %s", path, sec,
				strerror(-err));
	/*
	 * The object is closed on return and its fds with it: the caller gets
	 * a program fd of its own. The program holds its maps.
	 */
	fd = fcntl(bpf_program__fd(prog), F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return p4tc_err(h, -errno, "%s: cannot keep the program of section %s: %s",
				path, sec, strerror(errno));
	return fd;
}

LIBP4TC_API int p4tc_prog_load(struct p4tc_handle *h,
			       const struct p4tc_prog_load_opts *opts)
{
	LIBBPF_OPTS(bpf_object_open_opts, oo);
	const char *path, *sec, *pin_root;
	libbpf_print_fn_t prev;
	struct bpf_object *obj;
	int ret;

	p4tc_clear_err(h);
	if (!opts)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no program load options given"));
	if (!OPTS_VALID(h, opts, p4tc_prog_load_opts))
		return p4tc_ret(-EINVAL);
	path = OPTS_GET(opts, path, NULL);
	sec = OPTS_GET(opts, section, NULL);
	if (!path || !*path || !sec || !*sec)
		return p4tc_ret(p4tc_err(h, -EINVAL,
					 "loading a program needs an object file and a section"));
	pin_root = OPTS_GET(opts, pin_root, NULL) ?: P4TC_PIN_ROOT;
	oo.pin_root_path = pin_root;

	prev = p4tc_libbpf_log_begin(h);
	obj = bpf_object__open_file(path, &oo);
	if (!obj) {
		ret = -errno;
		p4tc_err(h, ret, "%s: cannot open BPF object: %s", path, strerror(-ret));
	} else {
		ret = p4tc_bpf_prepare_load(h, obj, path, sec,
					    OPTS_GET(opts, fields, NULL), pin_root);
		bpf_object__close(obj);
	}
	p4tc_libbpf_log_end(prev);
	return p4tc_ret(ret);
}
