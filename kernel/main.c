// SPDX-License-Identifier: GPL-2.0
/*
 * p4tc.ko: P4 pipelines on Linux Traffic Control. Module init and exit,
 * per network namespace state.
 */
#include <linux/module.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "p4tc.h"

static unsigned int p4tc_net_id __read_mostly;

/* Frees pipelines after their grace period; drained at module exit. */
struct workqueue_struct *p4tc_wq;

/**
 * p4tc_net() - the p4tc state of a network namespace
 * @net: the namespace
 *
 * Return: its state, valid while @net lives.
 */
struct p4tc_net *p4tc_net(const struct net *net)
{
	return net_generic(net, p4tc_net_id);
}

static int __net_init p4tc_net_init(struct net *net)
{
	struct p4tc_net *pn = p4tc_net(net);

	mutex_init(&pn->lock);
	idr_init(&pn->pipelines);
	xa_init(&pn->ports);
	idr_init(&pn->externs);
	return 0;
}

static void __net_exit p4tc_net_exit(struct net *net)
{
	struct p4tc_net *pn = p4tc_net(net);

	p4tc_pipelines_destroy(pn);
	p4tc_externs_destroy(pn);
	xa_destroy(&pn->ports);
}

static struct pernet_operations p4tc_net_ops = {
	.init = p4tc_net_init,
	.exit = p4tc_net_exit,
	.id = &p4tc_net_id,
	.size = sizeof(struct p4tc_net),
};

static int __init p4tc_init(void)
{
	int err;

	err = p4tc_entries_init();
	if (err)
		return err;
	p4tc_wq = alloc_workqueue("p4tc", 0, 0);
	err = -ENOMEM;
	if (!p4tc_wq)
		goto exit_entries;
	err = register_pernet_subsys(&p4tc_net_ops);
	if (err)
		goto destroy_wq;
	err = p4tc_kfuncs_init();
	if (err)
		goto unregister_pernet;
	err = p4tc_ports_init();
	if (err)
		goto unregister_pernet;
	err = p4tc_cls_init();
	if (err)
		goto exit_ports;
	/* Last: once it is registered, pipelines can exist. */
	err = p4tc_nl_init();
	if (err)
		goto unregister_cls;
	return 0;

unregister_cls:
	p4tc_cls_exit();
exit_ports:
	p4tc_ports_exit();
unregister_pernet:
	unregister_pernet_subsys(&p4tc_net_ops);
destroy_wq:
	destroy_workqueue(p4tc_wq);
exit_entries:
	p4tc_entries_exit();
	return err;
}

static void __exit p4tc_exit(void)
{
	p4tc_nl_exit();
	p4tc_cls_exit();
	p4tc_ports_exit();
	unregister_pernet_subsys(&p4tc_net_ops);
	/* Pipelines still queued for freeing wait for a grace period first. */
	rcu_barrier();
	destroy_workqueue(p4tc_wq);
	/* Entries the last works freed wait for a grace period too. */
	rcu_barrier();
	p4tc_entries_exit();
}

module_init(p4tc_init);
module_exit(p4tc_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("p4tc developers");
MODULE_DESCRIPTION("P4 pipelines on Linux Traffic Control with an eBPF datapath");
