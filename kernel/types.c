// SPDX-License-Identifier: GPL-2.0
/*
 * Types of action parameters and key fields: the container each one takes
 * and the values it accepts (see enum p4tc_type in the uapi header).
 */
#include <linux/log2.h>
#include <linux/netdevice.h>

#include "p4tc.h"

static const char * const p4tc_type_names[] = {
	[P4TC_T_BIT] = "bit",
	[P4TC_T_INT] = "int",
	[P4TC_T_BE] = "be",
	[P4TC_T_MACADDR] = "macaddr",
	[P4TC_T_IPV4] = "ipv4",
	[P4TC_T_IPV6] = "ipv6",
	[P4TC_T_DEV] = "dev",
	[P4TC_T_BOOL] = "bool",
	[P4TC_T_STRING] = "str",
	[P4TC_T_KEY] = "key",
	[P4TC_T_RATE] = "rate",
};

/* Bits and container bytes of the types whose width is fixed. */
static const struct {
	u16 bitsz;
	u16 size;
} p4tc_fixed_types[] = {
	[P4TC_T_MACADDR] = { 48, 8 },
	[P4TC_T_IPV4] = { 32, 4 },
	[P4TC_T_IPV6] = { 128, 16 },
	[P4TC_T_DEV] = { 32, 4 },
	[P4TC_T_BOOL] = { 1, 1 },
	[P4TC_T_RATE] = { 64, 8 },
};

/**
 * p4tc_type_name() - the name of a type, for messages and dumps
 * @type: enum p4tc_type
 *
 * Return: the name, "unknown" for an invalid type.
 */
const char *p4tc_type_name(u32 type)
{
	if (type >= ARRAY_SIZE(p4tc_type_names) || !p4tc_type_names[type])
		return "unknown";
	return p4tc_type_names[type];
}

/**
 * p4tc_type_init() - set the type, width and container of a typed value
 * @ti: the parameter or key field; @ti->name must be set
 * @type: enum p4tc_type
 * @bitsz: u16 width attribute; required for bit, int and be types
 * @obj: the owner (e.g. "action cb/act"), for messages
 * @extack: error report
 *
 * Return: 0, or -EINVAL for an unknown type or a width it cannot have.
 */
int p4tc_type_init(struct p4tc_type_info *ti, u32 type, const struct nlattr *bitsz,
		   const char *obj, struct netlink_ext_ack *extack)
{
	u32 bits = bitsz ? nla_get_u16(bitsz) : 0;

	switch (type) {
	case P4TC_T_BIT:
	case P4TC_T_INT:
	case P4TC_T_BE:
	case P4TC_T_STRING:
	case P4TC_T_KEY:
		if (!bitsz) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: type %s needs a width (bitsz)",
					       obj, ti->name, p4tc_type_name(type));
			return -EINVAL;
		}
		break;
	}

	switch (type) {
	case P4TC_T_BIT:
	case P4TC_T_INT:
		if (bits < 1 || bits > 128)
			goto bad_width;
		ti->size = roundup_pow_of_two(DIV_ROUND_UP(bits, 8));
		break;
	case P4TC_T_BE:
		if (bits != 16 && bits != 32 && bits != 64)
			goto bad_width;
		ti->size = bits / 8;
		break;
	case P4TC_T_STRING:
		if (bits < 8 || bits > 8 * P4TC_MAX_PARAM_DATA_SIZE || bits % 8)
			goto bad_width;
		ti->size = bits / 8;
		break;
	case P4TC_T_KEY:
		if (bits < 1 || bits > P4TC_MAX_KEYSZ)
			goto bad_width;
		ti->size = DIV_ROUND_UP(bits, 8);
		break;
	case P4TC_T_MACADDR:
	case P4TC_T_IPV4:
	case P4TC_T_IPV6:
	case P4TC_T_DEV:
	case P4TC_T_BOOL:
	case P4TC_T_RATE:
		if (bitsz && bits != p4tc_fixed_types[type].bitsz)
			goto bad_width;
		bits = p4tc_fixed_types[type].bitsz;
		ti->size = p4tc_fixed_types[type].size;
		break;
	default:
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: unknown type %u",
				       obj, ti->name, type);
		return -EINVAL;
	}
	ti->type = type;
	ti->bitsz = bits;
	return 0;

bad_width:
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: type %s cannot be %u bits wide",
			       obj, ti->name, p4tc_type_name(type), bits);
	NL_SET_BAD_ATTR(extack, bitsz);
	return -EINVAL;
}

/*
 * Whether a little-endian container holds a value of @bitsz bits: the bits
 * above it are zero, or copies of the sign bit for signed types.
 */
static bool p4tc_le_fits(const u8 *v, u32 size, u32 bitsz, bool is_signed)
{
	u32 byte = bitsz / 8, bit = bitsz % 8;
	u8 fill = 0;

	if (is_signed && (v[(bitsz - 1) / 8] >> ((bitsz - 1) % 8)) & 1)
		fill = 0xff;
	if (bit) {
		if ((u8)(v[byte] >> bit) != (u8)(fill >> bit))
			return false;
		byte++;
	}
	for (; byte < size; byte++)
		if (v[byte] != fill)
			return false;
	return true;
}

/**
 * p4tc_type_check_value() - check a value for a typed parameter or field
 * @ti: the parameter or key field
 * @val: the container's bytes
 * @len: bytes in @val
 * @net: namespace in which dev values must exist
 * @obj: the owner, for messages
 * @extack: error report
 *
 * Return: 0; -EINVAL if @len is not @ti's container size, -ERANGE if the
 * value does not fit @ti's width, -ENODEV for an unknown ifindex.
 */
int p4tc_type_check_value(const struct p4tc_type_info *ti, const void *val,
			  u32 len, struct net *net, const char *obj,
			  struct netlink_ext_ack *extack)
{
	const u8 *v = val;
	bool ok = true;

	if (len != ti->size) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: value has %u bytes, type %s%u takes %u",
				       obj, ti->name, len, p4tc_type_name(ti->type),
				       ti->bitsz, ti->size);
		return -EINVAL;
	}

	switch (ti->type) {
	case P4TC_T_BIT:
	case P4TC_T_BOOL:
		ok = p4tc_le_fits(v, len, ti->bitsz, false);
		break;
	case P4TC_T_INT:
		ok = p4tc_le_fits(v, len, ti->bitsz, true);
		break;
	case P4TC_T_MACADDR:
		ok = !v[6] && !v[7];
		break;
	case P4TC_T_STRING: {
		const u8 *nul = memchr(v, 0, len);

		/* NUL-terminated and NUL-padded. */
		ok = nul && !memchr_inv(nul, 0, v + len - nul);
		break;
	}
	case P4TC_T_KEY:
		ok = !(ti->bitsz % 8) || !(v[len - 1] & (0xff >> (ti->bitsz % 8)));
		break;
	case P4TC_T_DEV: {
		u32 ifindex;

		memcpy(&ifindex, v, sizeof(ifindex));
		rcu_read_lock();
		ok = ifindex && dev_get_by_index_rcu(net, ifindex);
		rcu_read_unlock();
		if (!ok) {
			NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: no device with ifindex %u",
					       obj, ti->name, ifindex);
			return -ENODEV;
		}
		break;
	}
	default:
		break;
	}
	if (!ok) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s %s: value does not fit type %s%u",
				       obj, ti->name, p4tc_type_name(ti->type), ti->bitsz);
		return -ERANGE;
	}
	return 0;
}
