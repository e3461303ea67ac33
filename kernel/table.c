// SPDX-License-Identifier: GPL-2.0
/*
 * Table templates: key width and optional key schema, capacity, type and
 * permissions. Templates change only while their pipeline is unsealed;
 * entries exist only once it is sealed.
 */
#include <linux/slab.h>

#include "netlink.h"

/**
 * p4tc_table_lookup_rcu() - find a table of a sealed pipeline from the datapath
 * @p: sealed pipeline
 * @tblid: table id
 *
 * Context: RCU read side.
 * Return: the table or NULL.
 */
struct p4tc_table *p4tc_table_lookup_rcu(struct p4tc_pipeline *p, u32 tblid)
{
	return idr_find(&p->tables, tblid);
}

static void p4tc_table_free(struct p4tc_table *t)
{
	p4tc_entries_destroy(t);
	kfree(t->keyfields);
	kfree(t);
}

/**
 * p4tc_tables_destroy() - free every table of a pipeline and their entries
 * @p: pipeline nobody can reach any more
 *
 * Context: process context.
 */
void p4tc_tables_destroy(struct p4tc_pipeline *p)
{
	struct p4tc_table *t;
	unsigned long tmp, id;

	idr_for_each_entry_ul(&p->tables, t, tmp, id)
		p4tc_table_free(t);
	idr_destroy(&p->tables);
}

/* Parse the key schema; the fields' containers must cover the key exactly. */
static int p4tc_table_parse_keyfields(struct p4tc_table *t, const struct nlattr *nest,
				      const char *obj, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[P4TC_KEYFIELD_A_MAX + 1];
	struct p4tc_type_info *kf, *fields;
	const struct nlattr *attr;
	u32 n = 0, offset = 0, i;
	int rem, err;

	fields = kcalloc(P4TC_MAX_KEY_FIELDS, sizeof(*fields), GFP_KERNEL_ACCOUNT);
	if (!fields)
		return -ENOMEM;
	nla_for_each_nested(attr, nest, rem) {
		if (nla_type(attr) != P4TC_TABLE_A_KEYFIELD)
			continue;
		err = -E2BIG;
		if (n == P4TC_MAX_KEY_FIELDS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: more than %d key fields",
					       obj, P4TC_MAX_KEY_FIELDS);
			goto bad_attr;
		}
		err = nla_parse_nested(tb, P4TC_KEYFIELD_A_MAX, attr,
				       p4tc_keyfield_policy, extack);
		if (err)
			goto free_fields;
		err = -EINVAL;
		if (p4tc_nl_attr_missing(extack, attr, tb, P4TC_KEYFIELD_A_NAME,
					 "key field name") ||
		    p4tc_nl_attr_missing(extack, attr, tb, P4TC_KEYFIELD_A_TYPE,
					 "key field type"))
			goto free_fields;
		err = p4tc_nl_check_name(tb[P4TC_KEYFIELD_A_NAME], "key field", false,
					 extack);
		if (err)
			goto free_fields;
		kf = &fields[n];
		strscpy(kf->name, nla_data(tb[P4TC_KEYFIELD_A_NAME]), sizeof(kf->name));
		kf->id = tb[P4TC_KEYFIELD_A_ID] ? nla_get_u32(tb[P4TC_KEYFIELD_A_ID]) : n + 1;
		err = -EINVAL;
		for (i = 0; i < n; i++)
			if (!strcmp(fields[i].name, kf->name) || fields[i].id == kf->id)
				break;
		if (i < n || !kf->id) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: key field %s (id %u) is a duplicate or has id 0",
					       obj, kf->name, kf->id);
			goto bad_attr;
		}
		if (tb[P4TC_KEYFIELD_A_MATCH] &&
		    nla_get_u8(tb[P4TC_KEYFIELD_A_MATCH]) != P4TC_MATCH_EXACT) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: key field %s: only exact match is supported",
					       obj, kf->name);
			NL_SET_BAD_ATTR(extack, tb[P4TC_KEYFIELD_A_MATCH]);
			goto free_fields;
		}
		err = p4tc_type_init(kf, nla_get_u32(tb[P4TC_KEYFIELD_A_TYPE]),
				     tb[P4TC_KEYFIELD_A_BITSZ], obj, extack);
		if (err)
			goto free_fields;
		kf->offset = offset;
		offset += kf->size;
		n++;
	}
	if (n && offset != t->keylen) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: key fields take %u bytes but keysz %u needs %u",
				       obj, offset, t->keysz, t->keylen);
		err = -EINVAL;
		goto free_fields;
	}
	kfree(t->keyfields);
	t->keyfields = n ? fields : NULL;
	t->num_keyfields = n;
	if (!n)
		kfree(fields);
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
free_fields:
	kfree(fields);
	return err;
}

/*
 * Apply the attributes of a create or update to @t, a copy of the table
 * being changed, so that a rejected request leaves the table as it was.
 */
static int p4tc_table_apply(struct p4tc_table *t, struct nlattr **tb,
			    const struct nlattr *nest, const char *obj,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *attr;

	attr = tb[P4TC_TABLE_A_TYPE];
	if (attr && nla_get_u8(attr) != P4TC_TABLE_TYPE_EXACT) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: type %u is not supported, only exact",
				       obj, nla_get_u8(attr));
		goto bad_attr;
	}
	attr = tb[P4TC_TABLE_A_KEYSZ];
	if (attr) {
		t->keysz = nla_get_u32(attr);
		if (!t->keysz || t->keysz > P4TC_MAX_KEYSZ) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: keysz %u is not within 1..%d bits",
					       obj, t->keysz, P4TC_MAX_KEYSZ);
			goto bad_attr;
		}
		t->keylen = DIV_ROUND_UP(t->keysz, 8);
	}
	attr = tb[P4TC_TABLE_A_TENTRIES];
	if (attr) {
		t->tentries = nla_get_u32(attr);
		if (!t->tentries || t->tentries > P4TC_MAX_TENTRIES) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: tentries %u is not within 1..%d",
					       obj, t->tentries, P4TC_MAX_TENTRIES);
			goto bad_attr;
		}
	}
	attr = tb[P4TC_TABLE_A_NUMMASKS];
	if (attr) {
		t->nummasks = nla_get_u32(attr);
		if (!t->nummasks || t->nummasks > P4TC_MAX_NUMMASKS) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: nummasks %u is not within 1..%d",
					       obj, t->nummasks, P4TC_MAX_NUMMASKS);
			goto bad_attr;
		}
	}
	attr = tb[P4TC_TABLE_A_PERMISSIONS];
	if (attr) {
		t->permissions = nla_get_u16(attr);
		if (t->permissions & ~P4TC_PERM_MASK) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s: permissions 0x%x have more than 14 bits",
					       obj, t->permissions);
			goto bad_attr;
		}
	}
	if (nla_find_nested(nest, P4TC_TABLE_A_KEYFIELD))
		return p4tc_table_parse_keyfields(t, nest, obj, extack);
	if (t->num_keyfields && tb[P4TC_TABLE_A_KEYSZ]) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: a new keysz needs new key fields", obj);
		attr = tb[P4TC_TABLE_A_KEYSZ];
		goto bad_attr;
	}
	return 0;

bad_attr:
	NL_SET_BAD_ATTR(extack, attr);
	return -EINVAL;
}

static int p4tc_keyfield_put(struct sk_buff *skb, const struct p4tc_type_info *kf)
{
	struct nlattr *nest = nla_nest_start(skb, P4TC_TABLE_A_KEYFIELD);

	if (!nest ||
	    nla_put_u32(skb, P4TC_KEYFIELD_A_ID, kf->id) ||
	    nla_put_string(skb, P4TC_KEYFIELD_A_NAME, kf->name) ||
	    nla_put_u32(skb, P4TC_KEYFIELD_A_TYPE, kf->type) ||
	    nla_put_u16(skb, P4TC_KEYFIELD_A_BITSZ, kf->bitsz) ||
	    nla_put_u8(skb, P4TC_KEYFIELD_A_MATCH, P4TC_MATCH_EXACT)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int p4tc_table_fill(struct sk_buff *skb, const struct p4tc_pipeline *p,
			   const void *obj)
{
	const struct p4tc_table *t = obj;
	struct nlattr *nest;
	u32 i;

	if (p4tc_pipeline_put_id(skb, p))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, P4TC_A_TABLE);
	if (!nest ||
	    nla_put_u32(skb, P4TC_TABLE_A_ID, t->id) ||
	    nla_put_string(skb, P4TC_TABLE_A_NAME, t->name) ||
	    nla_put_u8(skb, P4TC_TABLE_A_TYPE, t->type) ||
	    nla_put_u32(skb, P4TC_TABLE_A_KEYSZ, t->keysz) ||
	    nla_put_u32(skb, P4TC_TABLE_A_TENTRIES, t->tentries) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NUMMASKS, t->nummasks) ||
	    nla_put_u16(skb, P4TC_TABLE_A_PERMISSIONS, t->permissions) ||
	    nla_put_u32(skb, P4TC_TABLE_A_NENTRIES, atomic_read(&t->nentries)))
		goto cancel;
	for (i = 0; i < t->num_keyfields; i++)
		if (p4tc_keyfield_put(skb, &t->keyfields[i]))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static void p4tc_table_destroy(struct p4tc_pipeline *p, void *obj)
{
	struct p4tc_table *t = obj;

	/* Unsealed: the datapath cannot see this table, free it now. */
	idr_remove(&p->tables, t->id);
	p->ntables--;
	p4tc_table_free(t);
}

const struct p4tc_tmpl_ops p4tc_table_ops = {
	.kind = "table",
	.attr = P4TC_A_TABLE,
	.id_attr = P4TC_TABLE_A_ID,
	.name_attr = P4TC_TABLE_A_NAME,
	.idr_offset = offsetof(struct p4tc_pipeline, tables),
	.name_offset = offsetof(struct p4tc_table, name),
	.fill = p4tc_table_fill,
	.destroy = p4tc_table_destroy,
};

/**
 * p4tc_table_find() - find a table template by id or by name
 * @p: pipeline
 * @id: table id, or 0 to find by @name
 * @name: table name, used when @id is 0
 *
 * Context: holds the namespace's p4tc lock, or @p is sealed.
 * Return: the table or NULL.
 */
struct p4tc_table *p4tc_table_find(struct p4tc_pipeline *p, u32 id, const char *name)
{
	return p4tc_tmpl_find(p, &p4tc_table_ops, id, name);
}

static int p4tc_table_check_name(const struct nlattr *attr, struct netlink_ext_ack *extack)
{
	const char *name = nla_data(attr);
	const char *slash = strchr(name, '/');
	int err;

	err = p4tc_nl_check_name(attr, "table", true, extack);
	if (err)
		return err;
	if (!slash || slash == name || !slash[1] || strchr(slash + 1, '/')) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "table name %s must be CONTROL_BLOCK/TABLE", name);
		NL_SET_BAD_ATTR(extack, attr);
		return -EINVAL;
	}
	return 0;
}

/**
 * p4tc_nl_table_new() - P4TC_CMD_TABLE_NEW handler
 * @skb: request
 * @info: request attributes
 *
 * Replies with the new table, including its id.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_new(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_TABLE];
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[P4TC_TABLE_A_MAX + 1];
	char obj[2 * P4TC_NAME_LEN + 8];
	u32 id = 1, max = U32_MAX;
	struct p4tc_pipeline *p;
	struct p4tc_table *t;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "table", info);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_TABLE_A_NAME, "table name"))
		return -EINVAL;
	err = p4tc_table_check_name(tb[P4TC_TABLE_A_NAME], extack);
	if (err)
		return err;
	if (p4tc_nl_attr_missing(extack, nest, tb, P4TC_TABLE_A_KEYSZ, "table keysz"))
		return -EINVAL;
	if (tb[P4TC_TABLE_A_ID]) {
		id = nla_get_u32(tb[P4TC_TABLE_A_ID]);
		max = id;
		if (!id) {
			NL_SET_ERR_MSG_MOD(extack, "table id must not be 0");
			NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_ID]);
			return -EINVAL;
		}
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	t = kzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);
	if (!t) {
		err = -ENOMEM;
		goto free_msg;
	}
	strscpy(t->name, nla_data(tb[P4TC_TABLE_A_NAME]), sizeof(t->name));
	t->type = P4TC_TABLE_TYPE_EXACT;
	t->tentries = P4TC_DEFAULT_TENTRIES;
	t->nummasks = P4TC_DEFAULT_NUMMASKS;
	t->permissions = P4TC_DEFAULT_PERMISSIONS;

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_table_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	snprintf(obj, sizeof(obj), "table %s/%s", p->name, t->name);
	if (p4tc_table_find(p, 0, t->name)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s already exists", obj);
		NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_NAME]);
		err = -EEXIST;
		goto unlock;
	}
	if (p->ntables >= p->numtables) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s: pipeline already has its %u tables (numtables)",
				       obj, p->numtables);
		err = -ENOSPC;
		goto unlock;
	}
	err = p4tc_table_apply(t, tb, nest, obj, extack);
	if (err)
		goto unlock;
	err = p4tc_entries_init(t);
	if (err)
		goto unlock;
	err = idr_alloc_u32(&p->tables, t, &id, max, GFP_KERNEL);
	if (err) {
		if (err == -ENOSPC) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s: tblid %u is in use", obj, id);
			NL_SET_BAD_ATTR(extack, tb[P4TC_TABLE_A_ID]);
			err = -EEXIST;
		}
		goto destroy_entries;
	}
	t->id = id;
	p->ntables++;
	err = p4tc_tmpl_reply(msg, p, t, &p4tc_table_ops, info);
	mutex_unlock(&pn->lock);
	return err;

destroy_entries:
	p4tc_entries_destroy(t);
unlock:
	mutex_unlock(&pn->lock);
	kfree(t->keyfields);
	kfree(t);
free_msg:
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_table_set() - P4TC_CMD_TABLE_SET handler
 * @skb: request
 * @info: request attributes
 *
 * Changes the template of a table of an unsealed pipeline. Replies with
 * the table.
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_set(struct sk_buff *skb, struct genl_info *info)
{
	struct p4tc_net *pn = p4tc_net(genl_info_net(info));
	struct nlattr *nest = info->attrs[P4TC_A_TABLE];
	struct nlattr *tb[P4TC_TABLE_A_MAX + 1];
	char obj[2 * P4TC_NAME_LEN + 8];
	struct p4tc_table *t, *new;
	struct p4tc_pipeline *p;
	struct sk_buff *msg;
	int err;

	err = p4tc_nl_parse_nested(tb, nest, "table", info);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new) {
		err = -ENOMEM;
		goto free_msg;
	}

	mutex_lock(&pn->lock);
	p = p4tc_tmpl_pipeline(info, &p4tc_table_ops, true);
	if (IS_ERR(p)) {
		err = PTR_ERR(p);
		goto unlock;
	}
	t = p4tc_tmpl_lookup(p, &p4tc_table_ops, tb[P4TC_TABLE_A_ID],
			     tb[P4TC_TABLE_A_NAME], nest, info->extack);
	if (IS_ERR(t)) {
		err = PTR_ERR(t);
		goto unlock;
	}
	snprintf(obj, sizeof(obj), "table %s/%s", p->name, t->name);
	new->keysz = t->keysz;
	new->keylen = t->keylen;
	new->tentries = t->tentries;
	new->nummasks = t->nummasks;
	new->permissions = t->permissions;
	new->num_keyfields = t->num_keyfields;
	err = p4tc_table_apply(new, tb, nest, obj, info->extack);
	if (err)
		goto unlock;
	t->keysz = new->keysz;
	t->keylen = new->keylen;
	t->tentries = new->tentries;
	t->nummasks = new->nummasks;
	t->permissions = new->permissions;
	if (new->keyfields || nla_find_nested(nest, P4TC_TABLE_A_KEYFIELD)) {
		kfree(t->keyfields);
		t->keyfields = new->keyfields;
		t->num_keyfields = new->num_keyfields;
		new->keyfields = NULL;
	}
	err = p4tc_tmpl_reply(msg, p, t, &p4tc_table_ops, info);
	mutex_unlock(&pn->lock);
	kfree(new);
	return err;

unlock:
	mutex_unlock(&pn->lock);
	kfree(new->keyfields);
	kfree(new);
free_msg:
	nlmsg_free(msg);
	return err;
}

/**
 * p4tc_nl_table_get() - P4TC_CMD_TABLE_GET handler for one table
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_get(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_get(info, &p4tc_table_ops);
}

/**
 * p4tc_nl_table_dump() - P4TC_CMD_TABLE_GET dump of a pipeline's tables
 * @skb: dump buffer
 * @cb: dump state
 *
 * Return: bytes in @skb, 0 when done, or a negative errno.
 */
int p4tc_nl_table_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	return p4tc_tmpl_dump(skb, cb, &p4tc_table_ops);
}

/**
 * p4tc_nl_table_del() - P4TC_CMD_TABLE_DEL handler
 * @skb: request
 * @info: request attributes
 *
 * Return: 0 or a negative errno, with an extack message.
 */
int p4tc_nl_table_del(struct sk_buff *skb, struct genl_info *info)
{
	return p4tc_tmpl_del(info, &p4tc_table_ops);
}
