// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Externs: kinds of the namespace (P4TC_CMD_EXTERN_*), their instances in
 * pipelines (P4TC_CMD_EXTINST_*) and the elements of those
 * (P4TC_CMD_EXTELEM_*): requests and replies.
 */
#include "internal.h"

/* An element's values are read and sent as an action's params are. */
_Static_assert(P4TC_MAX_EXT_PARAMS == P4TC_MAX_PARAMS, "an element has at most P4TC_MAX_PARAMS");

static const enum mnl_attr_data_type p4tc_extern_policy[P4TC_EXTERN_A_MAX + 1] = {
	[P4TC_EXTERN_A_ID] = MNL_TYPE_U32,
	[P4TC_EXTERN_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_EXTERN_A_NUM_INSTANCES] = MNL_TYPE_U32,
	[P4TC_EXTERN_A_PERMISSIONS] = MNL_TYPE_U16,
	[P4TC_EXTERN_A_HAS_EXEC] = MNL_TYPE_FLAG,
	[P4TC_EXTERN_A_INSTANCES] = MNL_TYPE_U32,
};

static const enum mnl_attr_data_type p4tc_extinst_policy[P4TC_EXTINST_A_MAX + 1] = {
	[P4TC_EXTINST_A_EXT_ID] = MNL_TYPE_U32,
	[P4TC_EXTINST_A_EXT_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_EXTINST_A_ID] = MNL_TYPE_U32,
	[P4TC_EXTINST_A_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_EXTINST_A_NUMEL] = MNL_TYPE_U32,
	[P4TC_EXTINST_A_TBL_BINDABLE] = MNL_TYPE_FLAG,
	[P4TC_EXTINST_A_CONSTRUCTOR] = MNL_TYPE_NESTED,
	[P4TC_EXTINST_A_PARAM] = MNL_TYPE_NESTED,
	[P4TC_EXTINST_A_PERMISSIONS] = MNL_TYPE_U16,
	[P4TC_EXTINST_A_TABLE_ID] = MNL_TYPE_U32,
};

static const enum mnl_attr_data_type p4tc_extelem_policy[P4TC_EXTELEM_A_MAX + 1] = {
	[P4TC_EXTELEM_A_EXT_ID] = MNL_TYPE_U32,
	[P4TC_EXTELEM_A_EXT_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_EXTELEM_A_INST_ID] = MNL_TYPE_U32,
	[P4TC_EXTELEM_A_INST_NAME] = MNL_TYPE_NUL_STRING,
	[P4TC_EXTELEM_A_INDEX] = MNL_TYPE_U32,
	[P4TC_EXTELEM_A_PARAM] = MNL_TYPE_NESTED,
};

/* The nest @type of a p4tc message, parsed into @tb. */
static int p4tc_extern_nest_parse(const struct nlmsghdr *nlh, __u16 type,
				  const enum mnl_attr_data_type *policy, unsigned int max,
				  const struct nlattr **tb, const struct nlattr **nest)
{
	const struct nlattr *msg[P4TC_A_MAX + 1] = {};
	int err;

	err = p4tc_genl_parse(nlh, msg);
	if (err)
		return err;
	*nest = msg[type];
	if (!*nest)
		return -EBADMSG;
	return p4tc_nl_parse(*nest, policy, max, tb);
}

/* The id of what a create made, from its reply, as an int. */
static int p4tc_extern_new_id(struct p4tc_handle *h, const char *what, __u32 id)
{
	if (!id)
		return p4tc_ret(p4tc_err(h, -EBADMSG, "the kernel did not reply with the %s id",
					 what));
	return p4tc_ret(p4tc_check_id(h, what, id) ?: (int)id);
}

/* Kinds */

int p4tc_extern_parse(const struct nlmsghdr *nlh, struct p4tc_extern *ext)
{
	const struct nlattr *tb[P4TC_EXTERN_A_MAX + 1] = {};
	const struct nlattr *nest;
	int err;

	err = p4tc_extern_nest_parse(nlh, P4TC_A_EXTERN, p4tc_extern_policy, P4TC_EXTERN_A_MAX,
				     tb, &nest);
	if (err)
		return err;
	memset(ext, 0, sizeof(*ext));
	if (tb[P4TC_EXTERN_A_ID])
		ext->id = mnl_attr_get_u32(tb[P4TC_EXTERN_A_ID]);
	if (tb[P4TC_EXTERN_A_NAME] &&
	    p4tc_nl_copy_name(ext->name, sizeof(ext->name), tb[P4TC_EXTERN_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_EXTERN_A_NUM_INSTANCES]) {
		ext->num_instances = mnl_attr_get_u32(tb[P4TC_EXTERN_A_NUM_INSTANCES]);
		ext->has |= P4TC_EXTERN_HAS_NUM_INSTANCES;
	}
	if (tb[P4TC_EXTERN_A_PERMISSIONS]) {
		ext->permissions = mnl_attr_get_u16(tb[P4TC_EXTERN_A_PERMISSIONS]);
		ext->has |= P4TC_EXTERN_HAS_PERMISSIONS;
	}
	ext->has_exec = tb[P4TC_EXTERN_A_HAS_EXEC];
	if (tb[P4TC_EXTERN_A_INSTANCES])
		ext->instances = mnl_attr_get_u32(tb[P4TC_EXTERN_A_INSTANCES]);
	return 0;
}

static int p4tc_extern_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_extern_parse(nlh, data);
}

struct nlmsghdr *p4tc_extern_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
				     const struct p4tc_extern *ext)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTERN);
	if (ext->id)
		mnl_attr_put_u32(nlh, P4TC_EXTERN_A_ID, ext->id);
	if (ext->name[0])
		mnl_attr_put_strz(nlh, P4TC_EXTERN_A_NAME, ext->name);
	if (ext->has & P4TC_EXTERN_HAS_NUM_INSTANCES)
		mnl_attr_put_u32(nlh, P4TC_EXTERN_A_NUM_INSTANCES, ext->num_instances);
	if (ext->has & P4TC_EXTERN_HAS_PERMISSIONS)
		mnl_attr_put_u16(nlh, P4TC_EXTERN_A_PERMISSIONS, ext->permissions);
	if (ext->has_exec)
		mnl_attr_put(nlh, P4TC_EXTERN_A_HAS_EXEC, 0, "");
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static int p4tc_extern_do(struct p4tc_handle *h, __u8 cmd, const struct p4tc_extern *ext,
			  struct p4tc_extern *reply)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	if (!ext)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no extern given"));
	if (ext->name[0] || !ext->id) {
		err = p4tc_check_name(h, "extern", ext->name);
		if (err)
			return p4tc_ret(err);
	}
	nlh = p4tc_extern_request(h, cmd, 0, ext);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_extern_reply : NULL, reply));
}

/* Only what names @ext: get and delete send nothing else. */
static struct p4tc_extern p4tc_extern_ref(const struct p4tc_extern *ext)
{
	struct p4tc_extern ref = {};

	if (ext) {
		ref.id = ext->id;
		memcpy(ref.name, ext->name, sizeof(ref.name));
	}
	return ref;
}

LIBP4TC_API int p4tc_extern_create(struct p4tc_handle *h, const struct p4tc_extern *ext)
{
	struct p4tc_extern reply = {};
	int err;

	err = ext ? p4tc_check_id(h, "extern", ext->id) : 0;
	if (err)
		return p4tc_ret(err);
	err = p4tc_extern_do(h, P4TC_CMD_EXTERN_NEW, ext, &reply);
	return err ?: p4tc_extern_new_id(h, "extern", reply.id);
}

LIBP4TC_API int p4tc_extern_get(struct p4tc_handle *h, struct p4tc_extern *ext)
{
	struct p4tc_extern ref = p4tc_extern_ref(ext);

	return p4tc_extern_do(h, P4TC_CMD_EXTERN_GET, ext ? &ref : NULL, ext);
}

LIBP4TC_API int p4tc_extern_delete(struct p4tc_handle *h, const struct p4tc_extern *ext)
{
	struct p4tc_extern ref = p4tc_extern_ref(ext);

	return p4tc_extern_do(h, P4TC_CMD_EXTERN_DEL, ext ? &ref : NULL, NULL);
}

struct p4tc_extern_dump {
	p4tc_extern_cb cb;
	void *ctx;
};

static int p4tc_extern_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_extern_dump *d = data;
	struct p4tc_extern ext;
	int err;

	err = p4tc_extern_parse(nlh, &ext);
	return err ?: d->cb(&ext, d->ctx);
}

LIBP4TC_API int p4tc_extern_dump(struct p4tc_handle *h, p4tc_extern_cb cb, void *ctx)
{
	struct p4tc_extern_dump d = { .cb = cb, .ctx = ctx };
	struct p4tc_extern none = {};
	struct nlmsghdr *nlh;

	p4tc_clear_err(h);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	nlh = p4tc_extern_request(h, P4TC_CMD_EXTERN_GET, NLM_F_DUMP, &none);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_extern_dump_reply, &d));
}

/* Instances */

static int p4tc_ext_param_parse(const struct nlattr *nest, struct p4tc_ext_param *prm)
{
	const struct nlattr *tb[P4TC_PARAM_A_MAX + 1] = {};
	int err;

	err = p4tc_nl_parse(nest, p4tc_param_policy, P4TC_PARAM_A_MAX, tb);
	if (err)
		return err;
	memset(prm, 0, sizeof(*prm));
	if (tb[P4TC_PARAM_A_ID])
		prm->id = mnl_attr_get_u32(tb[P4TC_PARAM_A_ID]);
	if (tb[P4TC_PARAM_A_NAME] &&
	    p4tc_nl_copy_name(prm->name, sizeof(prm->name), tb[P4TC_PARAM_A_NAME]))
		return -EBADMSG;
	if (tb[P4TC_PARAM_A_TYPE])
		prm->type = mnl_attr_get_u32(tb[P4TC_PARAM_A_TYPE]);
	if (tb[P4TC_PARAM_A_BITSZ])
		prm->bitsz = mnl_attr_get_u16(tb[P4TC_PARAM_A_BITSZ]);
	if (tb[P4TC_PARAM_A_OFFSET])
		prm->offset = mnl_attr_get_u16(tb[P4TC_PARAM_A_OFFSET]);
	if (tb[P4TC_PARAM_A_FLAGS])
		prm->flags = mnl_attr_get_u8(tb[P4TC_PARAM_A_FLAGS]);
	if (tb[P4TC_PARAM_A_VALUE]) {
		prm->len = mnl_attr_get_payload_len(tb[P4TC_PARAM_A_VALUE]);
		if (prm->len > sizeof(prm->value))
			return -EBADMSG;
		memcpy(prm->value, mnl_attr_get_payload(tb[P4TC_PARAM_A_VALUE]), prm->len);
	}
	return 0;
}

/* Append the param nest @attr to @params, of which there are *@n. */
static int p4tc_ext_param_add(const struct nlattr *attr, struct p4tc_ext_param *params,
			      unsigned int *n)
{
	if (*n == P4TC_MAX_EXT_PARAMS)
		return -EBADMSG;
	return p4tc_ext_param_parse(attr, &params[(*n)++]);
}

int p4tc_extern_inst_parse(const struct nlmsghdr *nlh, struct p4tc_extern_inst *ei)
{
	const struct nlattr *tb[P4TC_EXTINST_A_MAX + 1] = {};
	const struct nlattr *nest, *attr;
	int err;

	err = p4tc_extern_nest_parse(nlh, P4TC_A_EXTINST, p4tc_extinst_policy,
				     P4TC_EXTINST_A_MAX, tb, &nest);
	if (err)
		return err;
	memset(ei, 0, sizeof(*ei));
	if (tb[P4TC_EXTINST_A_EXT_ID])
		ei->ext_id = mnl_attr_get_u32(tb[P4TC_EXTINST_A_EXT_ID]);
	if (tb[P4TC_EXTINST_A_ID])
		ei->id = mnl_attr_get_u32(tb[P4TC_EXTINST_A_ID]);
	if ((tb[P4TC_EXTINST_A_EXT_NAME] &&
	     p4tc_nl_copy_name(ei->ext_name, sizeof(ei->ext_name), tb[P4TC_EXTINST_A_EXT_NAME])) ||
	    (tb[P4TC_EXTINST_A_NAME] &&
	     p4tc_nl_copy_name(ei->name, sizeof(ei->name), tb[P4TC_EXTINST_A_NAME])))
		return -EBADMSG;
	if (tb[P4TC_EXTINST_A_NUMEL])
		ei->numel = mnl_attr_get_u32(tb[P4TC_EXTINST_A_NUMEL]);
	ei->tbl_bindable = tb[P4TC_EXTINST_A_TBL_BINDABLE];
	if (tb[P4TC_EXTINST_A_PERMISSIONS])
		ei->permissions = mnl_attr_get_u16(tb[P4TC_EXTINST_A_PERMISSIONS]);
	if (tb[P4TC_EXTINST_A_TABLE_ID])
		ei->table_id = mnl_attr_get_u32(tb[P4TC_EXTINST_A_TABLE_ID]);
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) == P4TC_EXTINST_A_CONSTRUCTOR)
			err = p4tc_ext_param_add(attr, ei->constructor, &ei->nconstructor);
		else if (mnl_attr_get_type(attr) == P4TC_EXTINST_A_PARAM)
			err = p4tc_ext_param_add(attr, ei->params, &ei->nparams);
		if (err)
			return err;
	}
	return 0;
}

static int p4tc_extern_inst_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_extern_inst_parse(nlh, data);
}

/*
 * Params as nests of type @type: control params (P4TC_EXTINST_A_PARAM)
 * with their id (else their position) and flags, constructor params with
 * their value.
 */
static void p4tc_ext_params_put(struct nlmsghdr *nlh, __u16 type,
				const struct p4tc_ext_param *params, unsigned int n)
{
	bool control = type == P4TC_EXTINST_A_PARAM;
	struct nlattr *nest;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct p4tc_ext_param *prm = &params[i];

		nest = mnl_attr_nest_start(nlh, type);
		if (control)
			mnl_attr_put_u32(nlh, P4TC_PARAM_A_ID, prm->id ?: i + 1);
		mnl_attr_put_strz(nlh, P4TC_PARAM_A_NAME, prm->name);
		mnl_attr_put_u32(nlh, P4TC_PARAM_A_TYPE, prm->type);
		mnl_attr_put_u16(nlh, P4TC_PARAM_A_BITSZ, prm->bitsz);
		if (control && prm->flags)
			mnl_attr_put_u8(nlh, P4TC_PARAM_A_FLAGS, prm->flags);
		if (!control && prm->len)
			mnl_attr_put(nlh, P4TC_PARAM_A_VALUE, prm->len, prm->value);
		mnl_attr_nest_end(nlh, nest);
	}
}

struct nlmsghdr *p4tc_extern_inst_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_extern_inst *ei)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTINST);
	if (ei->ext_id)
		mnl_attr_put_u32(nlh, P4TC_EXTINST_A_EXT_ID, ei->ext_id);
	if (ei->ext_name[0])
		mnl_attr_put_strz(nlh, P4TC_EXTINST_A_EXT_NAME, ei->ext_name);
	if (ei->id)
		mnl_attr_put_u32(nlh, P4TC_EXTINST_A_ID, ei->id);
	if (ei->name[0])
		mnl_attr_put_strz(nlh, P4TC_EXTINST_A_NAME, ei->name);
	if (ei->numel)
		mnl_attr_put_u32(nlh, P4TC_EXTINST_A_NUMEL, ei->numel);
	if (ei->tbl_bindable)
		mnl_attr_put(nlh, P4TC_EXTINST_A_TBL_BINDABLE, 0, "");
	p4tc_ext_params_put(nlh, P4TC_EXTINST_A_CONSTRUCTOR, ei->constructor, ei->nconstructor);
	p4tc_ext_params_put(nlh, P4TC_EXTINST_A_PARAM, ei->params, ei->nparams);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/* The pipeline and the kind an instance or element request names. */
static int p4tc_extern_kind_check(struct p4tc_handle *h, const char *pname, __u32 ext_id,
				  const char *ext_name)
{
	int err = p4tc_check_name(h, "pipeline", pname);

	if (!err && (ext_name[0] || !ext_id))
		err = p4tc_check_name(h, "extern", ext_name);
	return err;
}

/* The pipeline, kind and instance a request names. */
static int p4tc_extern_inst_ref_check(struct p4tc_handle *h, const char *pname, __u32 ext_id,
				      const char *ext_name, __u32 id, const char *name)
{
	int err = p4tc_extern_kind_check(h, pname, ext_id, ext_name);

	if (!err && (name[0] || !id))
		err = p4tc_check_name(h, "extern instance", name);
	return err;
}

static int p4tc_ext_params_check(struct p4tc_handle *h, const struct p4tc_extern_inst *ei,
				 const char *what, const struct p4tc_ext_param *params,
				 unsigned int n)
{
	unsigned int i;
	int err;

	if (n > P4TC_MAX_EXT_PARAMS)
		return p4tc_err(h, -EINVAL, "extern instance %s: %u %s params, at most %d",
				ei->name, n, what, P4TC_MAX_EXT_PARAMS);
	for (i = 0; i < n; i++) {
		err = p4tc_check_name(h, "param", params[i].name);
		if (err)
			return err;
		if (params[i].len > sizeof(params[i].value))
			return p4tc_err(h, -EINVAL, "param %s: value of %u bytes, at most %zu",
					params[i].name, params[i].len, sizeof(params[i].value));
	}
	return 0;
}

/* A new instance: named, with its params, one of them the key. */
static int p4tc_extern_inst_new_check(struct p4tc_handle *h, const char *pname,
				      const struct p4tc_extern_inst *ei)
{
	unsigned int i, keys = 0;
	int err;

	if (!ei)
		return p4tc_err(h, -EINVAL, "no extern instance given");
	err = p4tc_extern_inst_ref_check(h, pname, ei->ext_id, ei->ext_name, 0, ei->name) ?:
	      p4tc_check_id(h, "extern instance", ei->id) ?:
	      p4tc_ext_params_check(h, ei, "constructor", ei->constructor, ei->nconstructor) ?:
	      p4tc_ext_params_check(h, ei, "control", ei->params, ei->nparams);
	if (err)
		return err;
	for (i = 0; i < ei->nparams; i++)
		keys += !!(ei->params[i].flags & P4TC_EXT_PARAM_F_KEY);
	if (keys != 1)
		return p4tc_err(h, -EINVAL, "extern instance %s: %u key params (tc_key), one needed",
				ei->name, keys);
	return 0;
}

LIBP4TC_API int p4tc_extern_inst_create(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_inst *ei)
{
	struct p4tc_extern_inst reply = {};
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = p4tc_extern_inst_new_check(h, pname, ei);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_extern_inst_request(h, P4TC_CMD_EXTINST_NEW, 0, pname, ei);
	if (!nlh)
		return p4tc_ret(-errno);
	err = p4tc_genl_talk(h, nlh, p4tc_extern_inst_reply, &reply);
	return err ? p4tc_ret(err) : p4tc_extern_new_id(h, "extern instance", reply.id);
}

/* A get or delete of instance @ei: what names it, nothing else. */
static int p4tc_extern_inst_ref_do(struct p4tc_handle *h, __u8 cmd, const char *pname,
				   const struct p4tc_extern_inst *ei,
				   struct p4tc_extern_inst *reply)
{
	struct p4tc_extern_inst ref = {};
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	if (!ei)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no extern instance given"));
	err = p4tc_extern_inst_ref_check(h, pname, ei->ext_id, ei->ext_name, ei->id, ei->name);
	if (err)
		return p4tc_ret(err);
	ref.ext_id = ei->ext_id;
	memcpy(ref.ext_name, ei->ext_name, sizeof(ref.ext_name));
	ref.id = ei->id;
	memcpy(ref.name, ei->name, sizeof(ref.name));
	nlh = p4tc_extern_inst_request(h, cmd, 0, pname, &ref);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, reply ? p4tc_extern_inst_reply : NULL, reply));
}

LIBP4TC_API int p4tc_extern_inst_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_extern_inst *ei)
{
	return p4tc_extern_inst_ref_do(h, P4TC_CMD_EXTINST_GET, pname, ei, ei);
}

LIBP4TC_API int p4tc_extern_inst_delete(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_inst *ei)
{
	return p4tc_extern_inst_ref_do(h, P4TC_CMD_EXTINST_DEL, pname, ei, NULL);
}

struct p4tc_extern_inst_dump {
	p4tc_extern_inst_cb cb;
	void *ctx;
};

static int p4tc_extern_inst_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_extern_inst_dump *d = data;
	struct p4tc_extern_inst ei;
	int err;

	err = p4tc_extern_inst_parse(nlh, &ei);
	return err ?: d->cb(&ei, d->ctx);
}

LIBP4TC_API int p4tc_extern_inst_dump(struct p4tc_handle *h, const char *pname,
				      const char *kind, p4tc_extern_inst_cb cb, void *ctx)
{
	struct p4tc_extern_inst_dump d = { .cb = cb, .ctx = ctx };
	struct p4tc_extern_inst ref = {};
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	err = kind ? p4tc_extern_kind_check(h, pname, 0, kind) :
		     p4tc_check_name(h, "pipeline", pname);
	if (err)
		return p4tc_ret(err);
	if (!cb)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	/* The request names the kind alone, if any. */
	if (kind)
		strcpy(ref.ext_name, kind);
	nlh = p4tc_extern_inst_request(h, P4TC_CMD_EXTINST_GET, NLM_F_DUMP, pname, &ref);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, p4tc_extern_inst_dump_reply, &d));
}

/* Elements */

/* The type of each param of an element, in the order of its params. */
static int p4tc_extern_elem_types_parse(const struct nlattr *nest, struct p4tc_extern_elem *el)
{
	struct p4tc_ext_param prm;
	const struct nlattr *attr;
	unsigned int i = 0;
	int err;

	/* p4tc_param_values_parse() read as many, at most P4TC_MAX_EXT_PARAMS. */
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != P4TC_EXTELEM_A_PARAM)
			continue;
		err = p4tc_ext_param_parse(attr, &prm);
		if (err)
			return err;
		el->types[i] = prm.type;
		el->bitsz[i++] = prm.bitsz;
	}
	return 0;
}

int p4tc_extern_elem_parse(const struct nlmsghdr *nlh, struct p4tc_extern_elem *el)
{
	const struct nlattr *tb[P4TC_EXTELEM_A_MAX + 1] = {};
	const struct nlattr *nest;
	int err;

	err = p4tc_extern_nest_parse(nlh, P4TC_A_EXTELEM, p4tc_extelem_policy,
				     P4TC_EXTELEM_A_MAX, tb, &nest);
	if (err)
		return err;
	memset(el, 0, sizeof(*el));
	if (tb[P4TC_EXTELEM_A_EXT_ID])
		el->ext_id = mnl_attr_get_u32(tb[P4TC_EXTELEM_A_EXT_ID]);
	if (tb[P4TC_EXTELEM_A_INST_ID])
		el->inst_id = mnl_attr_get_u32(tb[P4TC_EXTELEM_A_INST_ID]);
	if ((tb[P4TC_EXTELEM_A_EXT_NAME] &&
	     p4tc_nl_copy_name(el->ext_name, sizeof(el->ext_name), tb[P4TC_EXTELEM_A_EXT_NAME])) ||
	    (tb[P4TC_EXTELEM_A_INST_NAME] &&
	     p4tc_nl_copy_name(el->inst_name, sizeof(el->inst_name),
			       tb[P4TC_EXTELEM_A_INST_NAME])))
		return -EBADMSG;
	if (tb[P4TC_EXTELEM_A_INDEX])
		el->index = mnl_attr_get_u32(tb[P4TC_EXTELEM_A_INDEX]);
	err = p4tc_param_values_parse(nest, P4TC_EXTELEM_A_PARAM, el->params, &el->nparams);
	return err ?: p4tc_extern_elem_types_parse(nest, el);
}

static int p4tc_extern_elem_reply(const struct nlmsghdr *nlh, void *data)
{
	return p4tc_extern_elem_parse(nlh, data);
}

struct nlmsghdr *p4tc_extern_elem_request(struct p4tc_handle *h, __u8 cmd, __u16 flags,
					  const char *pname, const struct p4tc_extern_elem *el,
					  unsigned int what)
{
	struct nlmsghdr *nlh = p4tc_genl_start(h, cmd, flags);
	struct nlattr *nest;

	if (!nlh)
		return NULL;
	p4tc_nl_put_pipeline_name(nlh, pname);
	nest = mnl_attr_nest_start(nlh, P4TC_A_EXTELEM);
	if (el->ext_id)
		mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_EXT_ID, el->ext_id);
	if (el->ext_name[0])
		mnl_attr_put_strz(nlh, P4TC_EXTELEM_A_EXT_NAME, el->ext_name);
	if (el->inst_id)
		mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_INST_ID, el->inst_id);
	if (el->inst_name[0])
		mnl_attr_put_strz(nlh, P4TC_EXTELEM_A_INST_NAME, el->inst_name);
	if (what & P4TC_EXTELEM_PUT_INDEX)
		mnl_attr_put_u32(nlh, P4TC_EXTELEM_A_INDEX, el->index);
	if (what & P4TC_EXTELEM_PUT_PARAMS)
		p4tc_param_values_put(nlh, P4TC_EXTELEM_A_PARAM, el->params, el->nparams);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/* Send @cmd for element @el with @what; a reply, or each of a dump's, to @fn. */
static int p4tc_extern_elem_do(struct p4tc_handle *h, __u8 cmd, __u16 flags, const char *pname,
			       const struct p4tc_extern_elem *el, unsigned int what,
			       p4tc_reply_fn fn, void *data)
{
	struct nlmsghdr *nlh;
	int err;

	p4tc_clear_err(h);
	if (!el)
		return p4tc_ret(p4tc_err(h, -EINVAL, "no extern element given"));
	err = p4tc_extern_inst_ref_check(h, pname, el->ext_id, el->ext_name, el->inst_id,
					 el->inst_name);
	if (!err && (what & P4TC_EXTELEM_PUT_PARAMS))
		err = p4tc_param_values_check(h, "extern instance", el->inst_name, el->params,
					      el->nparams);
	if (err)
		return p4tc_ret(err);
	nlh = p4tc_extern_elem_request(h, cmd, flags, pname, el, what);
	if (!nlh)
		return p4tc_ret(-errno);
	return p4tc_ret(p4tc_genl_talk(h, nlh, fn, data));
}

LIBP4TC_API int p4tc_extern_elem_update(struct p4tc_handle *h, const char *pname,
					const struct p4tc_extern_elem *el)
{
	return p4tc_extern_elem_do(h, P4TC_CMD_EXTELEM_SET, 0, pname, el,
				   P4TC_EXTELEM_PUT_INDEX | P4TC_EXTELEM_PUT_PARAMS, NULL, NULL);
}

LIBP4TC_API int p4tc_extern_elem_get(struct p4tc_handle *h, const char *pname,
				     struct p4tc_extern_elem *el)
{
	return p4tc_extern_elem_do(h, P4TC_CMD_EXTELEM_GET, 0, pname, el, P4TC_EXTELEM_PUT_INDEX,
				   p4tc_extern_elem_reply, el);
}

struct p4tc_extern_elem_dump {
	p4tc_extern_elem_cb cb;
	void *ctx;
};

static int p4tc_extern_elem_dump_reply(const struct nlmsghdr *nlh, void *data)
{
	struct p4tc_extern_elem_dump *d = data;
	struct p4tc_extern_elem el;
	int err;

	err = p4tc_extern_elem_parse(nlh, &el);
	return err ?: d->cb(&el, d->ctx);
}

LIBP4TC_API int p4tc_extern_elem_dump(struct p4tc_handle *h, const char *pname,
				      const struct p4tc_extern_elem *el, p4tc_extern_elem_cb cb,
				      void *ctx)
{
	struct p4tc_extern_elem_dump d = { .cb = cb, .ctx = ctx };

	if (!cb) {
		p4tc_clear_err(h);
		return p4tc_ret(p4tc_err(h, -EINVAL, "no dump callback given"));
	}
	return p4tc_extern_elem_do(h, P4TC_CMD_EXTELEM_GET, NLM_F_DUMP, pname, el, 0,
				   p4tc_extern_elem_dump_reply, &d);
}
