// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc mon p4 events: print the changes the kernel tells the events group
 * about, as they come, through selectors and a filter applied here.
 */
#include <errno.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "p4tc.h"

bool mon_timestamp;

/* What is known of a pipeline's templates, to print its entries. */
struct mon_pipe {
	char name[P4TC_NAME_LEN];
	struct entry_ctx ec;
	struct p4tc_table *tables;
	unsigned int ntables;
	struct mon_pipe *next;
};

struct mon {
	struct p4tc_handle *h;
	/* selectors: NULL or 0 for any */
	const char *pname;
	const char *tname;
	unsigned int ops;	/* 1 << P4TC_EVENT_* op */
	struct p4tc_entry_filter *filter;
	/* events to print before stopping, 0: no end */
	unsigned long long count;
	unsigned long long printed;
	/* how long to wait for events, -1: for ever */
	long long timeout_ms;
	bool has_filter;
	bool help;
	/* p4 digest: digests, of pipeline @pipeid if not 0 */
	bool digest;
	__u32 pipeid;
	struct mon_pipe *pipes;
};

static void mon_usage(void)
{
	printf("Usage: p4tc mon [p4 [events]] [pipeline PIPE] [table CB/TBL]\n"
	       "                [cmd { create | update | delete }]... [count N] [timeout SEC]\n"
	       "                [filter EXPR]\n"
	       "       p4tc mon p4 digest [pipeline PIPE] [count N] [timeout SEC]\n"
	       "EXPR: as for p4ctrl get (see p4tc p4ctrl help), on entry events only; its\n"
	       "      key.FIELD operands need pipeline and table, action and param operands\n"
	       "      pipeline. The filter takes the rest of the line.\n"
	       "Extern kinds belong to no pipeline: pipeline PIPE leaves their events out.\n"
	       "\"monitor\" is \"mon\"; the global option -t prints a timestamp before each event.\n");
}

static const char *const mon_ops[] = {
	[P4TC_EVENT_CREATE] = "create",
	[P4TC_EVENT_UPDATE] = "update",
	[P4TC_EVENT_DELETE] = "delete",
};

static const char *const mon_done[] = {
	[P4TC_EVENT_CREATE] = "created",
	[P4TC_EVENT_UPDATE] = "updated",
	[P4TC_EVENT_DELETE] = "deleted",
};

static const char *const mon_objs[] = {
	[P4TC_EVENT_PIPELINE] = "pipeline",
	[P4TC_EVENT_ACTION] = "action",
	[P4TC_EVENT_TABLE] = "table",
	[P4TC_EVENT_ENTRY] = "entry",
	[P4TC_EVENT_ACTION_INST] = "action_inst",
	[P4TC_EVENT_EXTERN] = "extern",
	[P4TC_EVENT_EXTERN_INST] = "extern_inst",
	[P4TC_EVENT_EXTERN_ELEM] = "extern_elem",
};

/* Pipelines and their templates */

static void mon_pipe_forget(struct mon_pipe *mp)
{
	ctx_free(&mp->ec);
	free(mp->tables);
	mp->tables = NULL;
	mp->ntables = 0;
}

static struct mon_pipe *mon_pipe_find(struct mon *m, const char *pname)
{
	struct mon_pipe *mp;

	for (mp = m->pipes; mp; mp = mp->next)
		if (!strcmp(mp->name, pname))
			return mp;
	mp = calloc(1, sizeof(*mp));
	if (!mp)
		return NULL;
	snprintf(mp->name, sizeof(mp->name), "%s", pname);
	mp->ec.pname = mp->name;
	mp->next = m->pipes;
	m->pipes = mp;
	return mp;
}

static void mon_free(struct mon *m)
{
	struct mon_pipe *mp, *next;

	for (mp = m->pipes; mp; mp = next) {
		next = mp->next;
		mon_pipe_forget(mp);
		free(mp);
	}
	p4tc_entry_filter_free(m->filter);
}

/* The pipeline's action templates, once; none if they cannot be read. */
static void mon_load_actions(struct mon *m, struct mon_pipe *mp)
{
	if (mp->ec.actions_loaded)
		return;
	if (p4tc_action_dump(m->h, mp->name, ctx_add_action, &mp->ec) < 0) {
		free(mp->ec.actions);
		mp->ec.actions = NULL;
		mp->ec.nactions = 0;
	}
	mp->ec.actions_owned = true;
	mp->ec.actions_loaded = true;
}

/*
 * The table of an entry event: as the kernel has it (read once), else one
 * made of what the entry tells.
 */
static const struct p4tc_table *mon_table(struct mon *m, struct mon_pipe *mp,
					  const struct p4tc_entry *e, struct p4tc_table *stub)
{
	struct p4tc_table *grown, *t;
	unsigned int i;

	for (i = 0; i < mp->ntables; i++)
		if ((e->table_id && mp->tables[i].id == e->table_id) ||
		    (!e->table_id && !strcmp(mp->tables[i].name, e->table_name)))
			return &mp->tables[i];
	grown = realloc(mp->tables, (mp->ntables + 1) * sizeof(*grown));
	if (grown) {
		mp->tables = grown;
		t = &grown[mp->ntables];
		memset(t, 0, sizeof(*t));
		t->id = e->table_id;
		snprintf(t->name, sizeof(t->name), "%s", e->table_name);
		if (!p4tc_table_get(m->h, mp->name, t) && !ctx_introspect(&mp->ec, t) &&
		    t->keysz && p4tc_key_size(t) == (int)e->keylen) {
			mp->ntables++;
			return t;
		}
	}
	memset(stub, 0, sizeof(*stub));
	stub->id = e->table_id;
	snprintf(stub->name, sizeof(stub->name), "%s", e->table_name);
	stub->keysz = 8 * e->keylen;
	stub->type = e->has & P4TC_ENTRY_HAS_MASK ? P4TC_TABLE_TYPE_TERNARY :
						    P4TC_TABLE_TYPE_EXACT;
	return stub;
}

/* Selectors and the filter */

static bool mon_selected(const struct mon *m, const struct p4tc_event *ev)
{
	const char *tname = NULL;

	if (m->pname && strcmp(ev->pipeline.name, m->pname))
		return false;
	if (m->ops && !(m->ops & (1U << ev->op)))
		return false;
	if (ev->entry)
		tname = ev->entry->table_name;
	else if (ev->table)
		tname = ev->table->name;
	if (m->tname && (!tname || strcmp(tname, m->tname)))
		return false;
	/* A filter looks at entries: flushes and templates do not pass it. */
	if (m->filter && (!ev->entry || ev->flush ||
			  p4tc_entry_filter_match(m->filter, ev->entry) != 1))
		return false;
	return true;
}

/* Output */

static void mon_print_timestamp(void)
{
	struct timeval tv;
	char text[64], num[64];
	struct tm tm;

	gettimeofday(&tv, NULL);
	if (out_json()) {
		snprintf(num, sizeof(num), "%lld.%06ld", (long long)tv.tv_sec, (long)tv.tv_usec);
		out_value("timestamp", NULL, num);
		return;
	}
	localtime_r(&tv.tv_sec, &tm);
	strftime(text, sizeof(text), "%a %b %e %H:%M:%S %Y", &tm);
	out_text("Timestamp: %s %06ld usec\n", text, (long)tv.tv_usec);
}

static void mon_print_action_inst(struct mon *m, struct mon_pipe *mp,
				  const struct p4tc_action_inst *ai)
{
	const struct p4tc_action *act = NULL;

	if (mp) {
		mon_load_actions(m, mp);
		act = ctx_find_action(&mp->ec, ai->action_id, ai->action_name);
	}
	out_open_object("action_inst");
	out_str("actname", " action: %s", ai->action_name);
	out_uint("actid", "(id %llu)", ai->action_id);
	out_uint("index", " index %llu", ai->index);
	out_uint("bind", " bind %llu\n", ai->users);
	print_param_values(act, ai->params, ai->nparams, "\t");
	out_close_object();
}

/* Pipelines, actions, tables, entries and action instances. */
static void mon_print_object(struct mon *m, const struct p4tc_event *ev)
{
	const struct p4tc_entry *e = ev->entry;
	struct p4tc_table *stub = NULL;
	struct mon_pipe *mp = NULL;
	struct entry_ctx none = {};
	char perms[16];

	if (ev->obj != P4TC_EVENT_PIPELINE || ev->op != P4TC_EVENT_DELETE)
		mp = mon_pipe_find(m, ev->pipeline.name);
	out_text("%s pipeline: ", mon_done[ev->op]);
	out_str("pname", "%s", ev->pipeline.name);
	out_uint("pipeid", "(id %llu)", ev->pipeline.id);
	if (ev->flush) {
		if (e) {
			out_str("tblname", " table: %s", e->table_name);
			out_uint("tblid", "(id %llu)", e->table_id);
		}
		if (ev->action_inst) {
			out_str("actname", " action: %s", ev->action_inst->action_name);
			out_uint("actid", "(id %llu)", ev->action_inst->action_id);
		}
		out_uint("flushed", " %llu", ev->count);
		out_text(" %s flushed\n", ev->obj == P4TC_EVENT_ACTION ? "actions" :
					  ev->obj == P4TC_EVENT_TABLE ? "tables" :
					  ev->obj == P4TC_EVENT_ACTION_INST ? "action instances" :
					  "entries");
	} else if (ev->obj == P4TC_EVENT_PIPELINE) {
		out_text("\n");
		out_next_key("pipeline");
		print_pipeline(&ev->pipeline);
	} else if (ev->obj == P4TC_EVENT_ACTION && ev->action) {
		out_text(" action: %s(id %u)\n", ev->action->name, ev->action->id);
		out_next_key("action");
		print_action(ev->pipeline.name, ev->action);
	} else if (ev->obj == P4TC_EVENT_ACTION_INST && ev->action_inst) {
		mon_print_action_inst(m, mp, ev->action_inst);
	} else if (ev->obj == P4TC_EVENT_TABLE && ev->table) {
		out_text(" table: %s(id %u)\n", ev->table->name, ev->table->id);
		if (mp)
			mon_load_actions(m, mp);
		out_next_key("table");
		print_table(mp ? &mp->ec : &none, ev->table);
	} else if (e) {
		out_text(" table: %s(id %u) entry", e->table_name, e->table_id);
		if (e->has & P4TC_ENTRY_HAS_PRIO)
			out_text(" priority %u", e->prio);
		if (e->has & P4TC_ENTRY_HAS_PERMISSIONS) {
			permissions_str(e->permissions, perms);
			out_text("[permissions %s]", perms);
		}
		out_text("\n");
		stub = malloc(sizeof(*stub));
		if (mp && stub) {
			mon_load_actions(m, mp);
			mp->ec.t = mon_table(m, mp, e, stub);
			out_next_key("entry");
			print_entry_as(&mp->ec, e, false);
		}
		free(stub);
	}
}

/* Extern events: one line each in text; in JSON, the object as get prints it. */
static void mon_print_extern(struct mon *m, const struct p4tc_event *ev)
{
	const struct p4tc_extern_inst *ei = ev->ext_inst;
	const struct p4tc_extern_elem *el = ev->ext_elem;
	char tname[P4TC_NAME_LEN], val[HEX_STR_SIZE];
	const char *pname = ev->pipeline.name;
	unsigned int i;

	if (ev->ext) {
		out_text("%s extern %s(id %u)\n", mon_done[ev->op], ev->ext->name, ev->ext->id);
		if (out_json()) {
			out_next_key("extern");
			print_extern(ev->ext);
		}
		return;
	}
	out_str("pname", NULL, pname);
	out_uint("pipeid", NULL, ev->pipeline.id);
	if (ei) {
		out_text("%s extern instance %s/%s/%s(id %u)\n", mon_done[ev->op], pname,
			 ei->ext_name, ei->name, ei->id);
		if (out_json()) {
			out_next_key("extern_inst");
			print_extern_inst(pname, ei, extern_table_name(m->h, pname, ei->table_id,
								       tname));
		}
		return;
	}
	out_text("%s extern element %s/%s/%s index %u", mon_done[ev->op], pname, el->ext_name,
		 el->inst_name, el->index);
	for (i = 0; i < el->nparams; i++)
		out_text(" %s %s", el->params[i].name, extern_elem_value(el, i, val));
	out_text("\n");
	if (out_json()) {
		out_next_key("extern_elem");
		print_extern_elem(el);
	}
}

static void mon_print_event(struct mon *m, const struct p4tc_event *ev)
{
	out_open_object(NULL);
	if (mon_timestamp)
		mon_print_timestamp();
	out_str("cmd", NULL, mon_ops[ev->op]);
	out_str("obj", NULL, mon_objs[ev->obj]);
	if (ev->ext || ev->ext_inst || ev->ext_elem)
		mon_print_extern(m, ev);
	else
		mon_print_object(m, ev);
	out_close_object();
	out_line_end();
}

struct mon *mon_new(struct p4tc_handle *h)
{
	struct mon *m = calloc(1, sizeof(*m));

	if (m) {
		m->h = h;
		m->timeout_ms = -1;
	}
	return m;
}

void mon_delete(struct mon *m)
{
	if (!m)
		return;
	mon_free(m);
	free(m);
}

int mon_know(struct mon *m, const char *pname, const struct p4tc_table *t,
	     const struct p4tc_action *actions, unsigned int nactions)
{
	struct mon_pipe *mp = mon_pipe_find(m, pname);

	if (!mp)
		return -ENOMEM;
	if (t) {
		mp->tables = malloc(sizeof(*t));
		if (!mp->tables)
			return -ENOMEM;
		mp->tables[0] = *t;
		mp->ntables = 1;
	}
	mp->ec.actions = (struct p4tc_action *)actions;
	mp->ec.nactions = nactions;
	mp->ec.actions_loaded = true;
	return 0;
}

void mon_select(struct mon *m, const char *pname, const char *tname, unsigned int ops,
		struct p4tc_entry_filter *f, unsigned long long count)
{
	m->pname = pname;
	m->tname = tname;
	m->ops = ops;
	p4tc_entry_filter_free(m->filter);
	m->filter = f;
	m->count = count;
	m->printed = 0;
}

static void mon_print_digest(const struct p4tc_digest *d)
{
	char data[2 + 2 * sizeof(d->data) + 1], dev[IF_NAMESIZE];

	hex_str(d->data, sizeof(d->data), data);
	out_open_object(NULL);
	if (mon_timestamp)
		mon_print_timestamp();
	out_str("obj", NULL, "digest");
	out_uint("pipeid", "digest pipeid %llu", d->pipeid);
	out_uint("ext_id", " ext_id %llu", d->ext_id);
	out_uint("inst_id", " inst_id %llu", d->inst_id);
	out_uint("ifindex", " ifindex %llu", d->ifindex);
	if (if_indextoname(d->ifindex, dev))
		out_str("dev", " dev %s", dev);
	out_str("data", "\n\tdata %s\n", data);
	out_close_object();
	out_line_end();
}

int mon_event(const struct p4tc_event *ev, void *data)
{
	struct mon *m = data;
	struct mon_pipe *mp;

	if (ev->digest) {
		if (!m->digest || (m->pipeid && ev->digest->pipeid != m->pipeid))
			return 0;
		mon_print_digest(ev->digest);
		m->printed++;
		return m->count && m->printed >= m->count;
	}
	/* Templates changed: what is known of the pipeline is read again. */
	if (ev->obj != P4TC_EVENT_ENTRY && ev->obj != P4TC_EVENT_EXTERN_ELEM) {
		for (mp = m->pipes; mp; mp = mp->next)
			if (!strcmp(mp->name, ev->pipeline.name))
				mon_pipe_forget(mp);
	}
	if (!mon_selected(m, ev))
		return 0;
	mon_print_event(m, ev);
	m->printed++;
	return m->count && m->printed >= m->count;
}

/* The schema the filter is read against: the selected pipeline and table. */
static int mon_filter(struct mon *m, struct args *a)
{
	struct mon_pipe *mp;
	struct p4tc_table *t;
	int err;

	if (!m->pname) {
		/* prio, msecs_since and NoAction need no schema. */
		struct entry_ctx ec = { .a = a };

		return parse_entry_filter(&ec, &m->filter);
	}
	mp = mon_pipe_find(m, m->pname);
	if (!mp) {
		cli_error("out of memory");
		return CLI_EFAIL;
	}
	mp->ec.a = a;
	if (m->tname) {
		t = calloc(1, sizeof(*t));
		if (!t) {
			cli_error("out of memory");
			return CLI_EFAIL;
		}
		mp->tables = t;
		snprintf(t->name, sizeof(t->name), "%s", m->tname);
		err = p4tc_table_get(m->h, m->pname, t);
		if (err)
			return cli_fail(err);
		mp->ntables = 1;
		mp->ec.t = t;
		err = ctx_introspect(&mp->ec, t);
		if (err)
			return err;
	}
	err = parse_entry_filter(&mp->ec, &m->filter);
	mp->ec.a = NULL;
	mp->ec.t = NULL;
	return err;
}

static int mon_parse(struct mon *m, struct args *a)
{
	const char *kw, *val;
	unsigned int i;
	__u32 n;
	int err = CLI_OK;

	if (a->argc && !strcmp(a->argv[0], "p4")) {
		args_next(a);
		if (a->argc && !strcmp(a->argv[0], "events")) {
			args_next(a);
		} else if (a->argc && !strcmp(a->argv[0], "digest")) {
			args_next(a);
			m->digest = true;
		}
	}
	while (!err && (kw = args_next(a))) {
		if (m->digest && (!strcmp(kw, "table") || !strcmp(kw, "cmd") ||
				  !strcmp(kw, "filter"))) {
			err = args_error(a, "%s is not for digests", kw);
			break;
		}
		if (!strcmp(kw, "pipeline") && !m->pname) {
			err = args_value(a, kw, &m->pname);
			if (!err && strlen(m->pname) >= P4TC_NAME_LEN)
				err = args_error(a, "pipeline name \"%s\" is longer than %d characters",
						 m->pname, P4TC_NAME_LEN - 1);
		} else if (!strcmp(kw, "table") && !m->tname) {
			err = args_value(a, kw, &m->tname);
			if (!err && strlen(m->tname) >= P4TC_NAME_LEN)
				err = args_error(a, "table name \"%s\" is longer than %d characters",
						 m->tname, P4TC_NAME_LEN - 1);
		} else if (!strcmp(kw, "cmd")) {
			err = args_value(a, kw, &val);
			for (i = 1; !err && i < ARRAY_SIZE(mon_ops); i++)
				if (!strcmp(val, mon_ops[i]))
					break;
			if (!err && i == ARRAY_SIZE(mon_ops))
				err = args_error(a, "cmd \"%s\" is not create, update or delete", val);
			if (!err)
				m->ops |= 1U << i;
		} else if (!strcmp(kw, "count") && !m->count) {
			err = args_u32(a, kw, UINT32_MAX, &n);
			if (!err && !n)
				err = args_error(a, "count 0: count N stops after N events");
			m->count = n;
		} else if (!strcmp(kw, "timeout") && m->timeout_ms < 0) {
			err = args_u32(a, kw, UINT32_MAX / 1000, &n);
			if (!err && !n)
				err = args_error(a, "timeout 0: timeout SEC stops after SEC seconds");
			m->timeout_ms = 1000LL * n;
		} else if (!strcmp(kw, "filter")) {
			m->has_filter = true;
			return CLI_OK;
		} else if (!strcmp(kw, "help")) {
			m->help = true;
			return CLI_OK;
		} else {
			err = args_error(a, "unexpected \"%s\"", kw);
		}
	}
	return err;
}

int mon_main(int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv, .obj = "mon" };
	struct mon m = { .timeout_ms = -1 };
	struct timespec start, now;
	long long left_ms = -1;
	int err, fd;

	err = mon_parse(&m, &a);
	if (!err && m.help) {
		mon_usage();
		return CLI_OK;
	}
	if (err)
		return err;
	m.h = cli_handle();
	if (!m.h)
		return CLI_EFAIL;
	if (m.has_filter) {
		err = mon_filter(&m, &a);
		if (err)
			goto out;
	}
	if (m.digest && m.pname) {
		struct p4tc_pipeline p = {};

		strcpy(p.name, m.pname);
		err = p4tc_pipeline_get(m.h, &p);
		if (err) {
			err = cli_fail(err);
			goto out;
		}
		m.pipeid = p.id;
	}
	fd = m.digest ? p4tc_digest_subscribe(m.h) : p4tc_event_subscribe(m.h);
	if (fd < 0) {
		err = cli_fail(fd);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		if (m.timeout_ms >= 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			left_ms = m.timeout_ms - ((now.tv_sec - start.tv_sec) * 1000LL +
						  (now.tv_nsec - start.tv_nsec) / 1000000);
			if (left_ms <= 0)
				break;
		}
		err = p4tc_event_read(m.h, left_ms > INT32_MAX ? INT32_MAX : (int)left_ms,
				      mon_event, &m);
		if (err == -ENOBUFS) {
			fflush(stdout);
			fprintf(stderr, "Warning: %s\n", p4tc_errmsg(m.h));
			continue;
		}
		if (err == -EINTR)
			continue;
		if (err < 0) {
			err = cli_fail(err);
			goto out;
		}
		if (err)
			break;
	}
	err = CLI_OK;
out:
	mon_free(&m);
	return err;
}
