/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Setting a BPF object's globals before load, for the loaders of the test
 * and benchmark programs.
 */
#ifndef _BPF_GLOBALS_H
#define _BPF_GLOBALS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

/* Set a __u32 global of the object's .bss before load. */
static inline void set_global(struct bpf_object *obj, const char *var, __u32 val)
{
	const struct btf_type *sec;
	const struct btf_var_secinfo *vi;
	struct bpf_map *bss = NULL, *m;
	struct btf *btf = bpf_object__btf(obj);
	const void *init;
	size_t size;
	char *data;
	__s32 id;
	int i;

	bpf_object__for_each_map(m, obj)
		if (strstr(bpf_map__name(m), ".bss"))
			bss = m;
	id = btf__find_by_name_kind(btf, ".bss", BTF_KIND_DATASEC);
	if (!bss || id < 0) {
		fprintf(stderr, "no .bss in object\n");
		exit(2);
	}
	init = bpf_map__initial_value(bss, &size);
	data = malloc(size);
	if (!data)
		exit(2);
	memcpy(data, init, size);
	sec = btf__type_by_id(btf, id);
	vi = btf_var_secinfos(sec);
	for (i = 0; i < btf_vlen(sec); i++, vi++) {
		const struct btf_type *v = btf__type_by_id(btf, vi->type);

		if (!strcmp(btf__name_by_offset(btf, v->name_off), var) &&
		    vi->offset + sizeof(val) <= size) {
			memcpy(data + vi->offset, &val, sizeof(val));
			bpf_map__set_initial_value(bss, data, size);
			free(data);
			return;
		}
	}
	fprintf(stderr, "no global %s\n", var);
	exit(2);
}

#endif /* _BPF_GLOBALS_H */
