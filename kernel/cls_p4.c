// SPDX-License-Identifier: GPL-2.0
/*
 * The "p4" TC classifier: binds a sealed P4 pipeline to a device or block
 * and runs the pipeline's programs on each packet, parser first, then main
 * if the parser returned TC_ACT_PIPE. The programs are SCHED_CLS (on 6.1
 * only SCHED_CLS and XDP programs may call kfuncs) and run the way
 * cls_bpf's direct-action mode runs them: their return code is the verdict.
 *
 * One filter per tcf_proto, as cls_matchall. The filter holds its
 * pipeline, which therefore cannot be deleted while the filter exists.
 */
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/module.h>
#include <net/pkt_cls.h>
#include <net/sch_generic.h>
#include <uapi/linux/tc_p4.h>

#include "p4tc.h"

struct cls_p4_prog {
	struct bpf_prog *prog;
	char *name;
};

struct cls_p4_head {
	struct p4tc_pipeline *pipeline;
	struct cls_p4_prog parser;
	struct cls_p4_prog main;
	struct tcf_result res;
	u32 handle;
	bool deleting;
	struct rcu_work rwork;
};

static const struct nla_policy p4_policy[TCA_P4_MAX + 1] = {
	[TCA_P4_CLASSID] = { .type = NLA_U32 },
	[TCA_P4_PNAME] = { .type = NLA_NUL_STRING, .len = P4TC_NAME_LEN - 1 },
	[TCA_P4_PIPEID] = { .type = NLA_REJECT,
			    .reject_message = "TCA_P4_PIPEID is dump only, give TCA_P4_PNAME" },
	[TCA_P4_PARSER] = { .type = NLA_NESTED },
	[TCA_P4_MAIN] = { .type = NLA_NESTED },
};

static const struct nla_policy p4_prog_policy[TCA_P4_PROG_MAX + 1] = {
	[TCA_P4_PROG_FD] = { .type = NLA_U32 },
	[TCA_P4_PROG_NAME] = { .type = NLA_NUL_STRING, .len = 255 },
	[TCA_P4_PROG_ID] = { .type = NLA_REJECT, .reject_message = "program id is dump only" },
	[TCA_P4_PROG_TAG] = { .type = NLA_REJECT, .reject_message = "program tag is dump only" },
};

/* The verdicts a program may give, as cls_bpf's direct-action mode. */
static int p4_exec_opcode(int code)
{
	switch (code) {
	case TC_ACT_OK:
	case TC_ACT_SHOT:
	case TC_ACT_STOLEN:
	case TC_ACT_TRAP:
	case TC_ACT_REDIRECT:
	case TC_ACT_UNSPEC:
		return code;
	default:
		return TC_ACT_UNSPEC;
	}
}

static int p4_classify(struct sk_buff *skb, const struct tcf_proto *tp,
		       struct tcf_result *res)
{
	struct cls_p4_head *head = rcu_dereference_bh(tp->root);
	bool at_ingress = skb_at_tc_ingress(skb);
	int verdict = TC_ACT_PIPE;

	if (unlikely(!head || (!head->parser.prog && !head->main.prog)))
		return -1;

	qdisc_skb_cb(skb)->tc_classid = head->res.classid;
	/* Programs see the packet from the MAC header, as at egress. */
	if (at_ingress)
		__skb_push(skb, skb->mac_len);
	if (head->parser.prog)
		verdict = bpf_prog_run_data_pointers(head->parser.prog, skb);
	if (verdict == TC_ACT_PIPE && head->main.prog)
		verdict = bpf_prog_run_data_pointers(head->main.prog, skb);
	if (at_ingress)
		__skb_pull(skb, skb->mac_len);
	if (unlikely(!skb->tstamp && skb->mono_delivery_time))
		skb->mono_delivery_time = 0;

	res->class = 0;
	res->classid = TC_H_MAJ(head->res.classid) | qdisc_skb_cb(skb)->tc_classid;
	return p4_exec_opcode(verdict);
}

static int p4_init(struct tcf_proto *tp)
{
	return 0;
}

static void p4_prog_release(struct cls_p4_prog *p)
{
	if (p->prog)
		bpf_prog_put(p->prog);
	kfree(p->name);
}

static void p4_head_free(struct cls_p4_head *head)
{
	p4_prog_release(&head->parser);
	p4_prog_release(&head->main);
	p4tc_pipeline_put(head->pipeline);
	kfree(head);
}

static void p4_head_free_work(struct work_struct *work)
{
	p4_head_free(container_of(to_rcu_work(work), struct cls_p4_head, rwork));
}

/*
 * The filter stops using its pipeline now, so that the pipeline can be
 * deleted right after the filter; packets in flight may still run the
 * programs until the grace period ends, and the reference keeps the
 * pipeline's memory until then.
 */
static void p4_head_release(struct tcf_proto *tp, struct cls_p4_head *head)
{
	tcf_unbind_filter(tp, &head->res);
	p4tc_pipeline_del_user(head->pipeline);
	tcf_queue_work(&head->rwork, p4_head_free_work);
}

static void p4_destroy(struct tcf_proto *tp, bool rtnl_held,
		       struct netlink_ext_ack *extack)
{
	struct cls_p4_head *head = rtnl_dereference(tp->root);

	if (head)
		p4_head_release(tp, head);
}

static void *p4_get(struct tcf_proto *tp, u32 handle)
{
	struct cls_p4_head *head = rtnl_dereference(tp->root);

	if (head && head->handle == handle)
		return head;
	return NULL;
}

static int p4_prog_init(struct cls_p4_prog *p, struct nlattr *nest, const char *stage,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[TCA_P4_PROG_MAX + 1];
	struct bpf_prog *prog;
	u32 fd;
	int err;

	err = nla_parse_nested(tb, TCA_P4_PROG_MAX, nest, p4_prog_policy, extack);
	if (err)
		return err;
	if (!tb[TCA_P4_PROG_FD]) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s program: missing TCA_P4_PROG_FD", stage);
		NL_SET_ERR_ATTR_MISS(extack, nest, TCA_P4_PROG_FD);
		return -EINVAL;
	}
	fd = nla_get_u32(tb[TCA_P4_PROG_FD]);
	prog = bpf_prog_get_type(fd, BPF_PROG_TYPE_SCHED_CLS);
	if (IS_ERR(prog)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s program: fd %u is not a SCHED_CLS program",
				       stage, fd);
		NL_SET_BAD_ATTR(extack, tb[TCA_P4_PROG_FD]);
		return PTR_ERR(prog);
	}
	if (tb[TCA_P4_PROG_NAME]) {
		p->name = nla_strdup(tb[TCA_P4_PROG_NAME], GFP_KERNEL);
		if (!p->name) {
			bpf_prog_put(prog);
			return -ENOMEM;
		}
	}
	p->prog = prog;
	return 0;
}

static int p4_change(struct net *net, struct sk_buff *in_skb,
		     struct tcf_proto *tp, unsigned long base,
		     u32 handle, struct nlattr **tca,
		     void **arg, u32 flags,
		     struct netlink_ext_ack *extack)
{
	struct cls_p4_head *head = rtnl_dereference(tp->root);
	struct nlattr *tb[TCA_P4_MAX + 1];
	struct cls_p4_head *new;
	int err;

	if (!tca[TCA_OPTIONS]) {
		NL_SET_ERR_MSG_MOD(extack, "p4 filter needs options: pname PIPELINE");
		return -EINVAL;
	}
	if (head && (!*arg || (handle && handle != head->handle))) {
		NL_SET_ERR_MSG_MOD(extack,
				   "a p4 filter exists at this priority: replace it or use another prio");
		return -EEXIST;
	}
	err = nla_parse_nested(tb, TCA_P4_MAX, tca[TCA_OPTIONS], p4_policy, extack);
	if (err)
		return err;
	if (!tb[TCA_P4_PNAME]) {
		NL_SET_ERR_MSG_MOD(extack, "p4 filter: missing pipeline name (TCA_P4_PNAME)");
		NL_SET_ERR_ATTR_MISS(extack, tca[TCA_OPTIONS], TCA_P4_PNAME);
		return -EINVAL;
	}

	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->pipeline = p4tc_pipeline_get_by_name(net, nla_data(tb[TCA_P4_PNAME]), extack);
	if (IS_ERR(new->pipeline)) {
		NL_SET_BAD_ATTR(extack, tb[TCA_P4_PNAME]);
		err = PTR_ERR(new->pipeline);
		goto free_head;
	}
	if (tb[TCA_P4_PARSER]) {
		err = p4_prog_init(&new->parser, tb[TCA_P4_PARSER], "parser", extack);
		if (err)
			goto release_progs;
	}
	if (tb[TCA_P4_MAIN]) {
		err = p4_prog_init(&new->main, tb[TCA_P4_MAIN], "main", extack);
		if (err)
			goto release_progs;
	}
	new->handle = head ? head->handle : handle ?: 1;
	if (tb[TCA_P4_CLASSID]) {
		new->res.classid = nla_get_u32(tb[TCA_P4_CLASSID]);
		tcf_bind_filter(tp, &new->res, base);
	}

	*arg = new;
	rcu_assign_pointer(tp->root, new);
	if (head)
		p4_head_release(tp, head);
	return 0;

release_progs:
	p4_prog_release(&new->parser);
	p4_prog_release(&new->main);
	p4tc_pipeline_del_user(new->pipeline);
	p4tc_pipeline_put(new->pipeline);
free_head:
	kfree(new);
	return err;
}

static int p4_delete(struct tcf_proto *tp, void *arg, bool *last,
		     bool rtnl_held, struct netlink_ext_ack *extack)
{
	struct cls_p4_head *head = rtnl_dereference(tp->root);

	head->deleting = true;
	*last = true;
	return 0;
}

static void p4_walk(struct tcf_proto *tp, struct tcf_walker *arg, bool rtnl_held)
{
	struct cls_p4_head *head = rtnl_dereference(tp->root);

	if (arg->count < arg->skip)
		goto skip;
	if (!head || head->deleting)
		return;
	if (arg->fn(tp, head, arg) < 0)
		arg->stop = 1;
skip:
	arg->count++;
}

static int p4_prog_dump(struct sk_buff *skb, int attrtype, const struct cls_p4_prog *p)
{
	struct nlattr *nest;

	if (!p->prog)
		return 0;
	nest = nla_nest_start(skb, attrtype);
	if (!nest ||
	    nla_put_u32(skb, TCA_P4_PROG_ID, p->prog->aux->id) ||
	    nla_put(skb, TCA_P4_PROG_TAG, sizeof(p->prog->tag), p->prog->tag) ||
	    (p->name && nla_put_string(skb, TCA_P4_PROG_NAME, p->name))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4_dump(struct net *net, struct tcf_proto *tp, void *fh,
		   struct sk_buff *skb, struct tcmsg *t, bool rtnl_held)
{
	struct cls_p4_head *head = fh;
	struct nlattr *nest;

	if (!head)
		return skb->len;
	t->tcm_handle = head->handle;
	nest = nla_nest_start_noflag(skb, TCA_OPTIONS);
	if (!nest ||
	    nla_put_string(skb, TCA_P4_PNAME, head->pipeline->name) ||
	    nla_put_u32(skb, TCA_P4_PIPEID, head->pipeline->id) ||
	    (head->res.classid &&
	     nla_put_u32(skb, TCA_P4_CLASSID, head->res.classid)) ||
	    p4_prog_dump(skb, TCA_P4_PARSER, &head->parser) ||
	    p4_prog_dump(skb, TCA_P4_MAIN, &head->main)) {
		nla_nest_cancel(skb, nest);
		return -1;
	}
	nla_nest_end(skb, nest);
	return skb->len;
}

static void p4_bind_class(void *fh, u32 classid, unsigned long cl, void *q,
			  unsigned long base)
{
	struct cls_p4_head *head = fh;

	tc_cls_bind_class(classid, cl, q, &head->res, base);
}

static struct tcf_proto_ops cls_p4_ops __read_mostly = {
	.kind		= "p4",
	.classify	= p4_classify,
	.init		= p4_init,
	.destroy	= p4_destroy,
	.get		= p4_get,
	.change		= p4_change,
	.delete		= p4_delete,
	.walk		= p4_walk,
	.dump		= p4_dump,
	.bind_class	= p4_bind_class,
	.owner		= THIS_MODULE,
};

/**
 * p4tc_cls_init() - register the "p4" classifier
 *
 * Return: 0 or a negative errno.
 */
int p4tc_cls_init(void)
{
	return register_tcf_proto_ops(&cls_p4_ops);
}

/**
 * p4tc_cls_exit() - unregister the "p4" classifier
 *
 * Waits for filters being freed, which release their pipelines.
 */
void p4tc_cls_exit(void)
{
	unregister_tcf_proto_ops(&cls_p4_ops);
}

MODULE_ALIAS_NET_CLS("p4");
