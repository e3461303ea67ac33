// SPDX-License-Identifier: GPL-2.0
/*
 * The checksum and hash externs of P4 (PNA's InternetChecksum, CRC16 and
 * CRC32 checksums, and Hash), as kfuncs with upstream P4TC's names: a
 * checksum's state lives in the program's struct p4tc_ext_csum_params, so
 * that a program computes it over several pieces of a packet.
 *
 *  - CRC16 is CRC-16/ARC (PSA's crc16: polynomial 0x8005, reflected, initial
 *    0), computed here: Linux's crc16() is in a module of its own.
 *  - CRC32 is CRC-32/ISO-HDLC (PSA's crc32, Ethernet's): the state is the
 *    CRC of the data so far, so that each piece continues it.
 *  - The 16-bit ones' complement sum is the Internet checksum: the state
 *    is the unfolded sum; get() folds and complements it, as it goes into
 *    a header.
 */
#include <linux/crc32.h>
#include <net/checksum.h>

#include "p4tc.h"

static u16 p4tc_crc16_table[256];

/**
 * p4tc_csum_init() - fill the CRC-16/ARC table: the CRC of each byte value
 */
void p4tc_csum_init(void)
{
	unsigned int i, bit;
	u16 crc;

	for (i = 0; i < ARRAY_SIZE(p4tc_crc16_table); i++) {
		crc = i;
		for (bit = 0; bit < 8; bit++)
			crc = crc & 1 ? (crc >> 1) ^ 0xa001 : crc >> 1;
		p4tc_crc16_table[i] = crc;
	}
}

static u16 p4tc_crc16(u16 crc, const u8 *data, u32 len)
{
	while (len--)
		crc = (crc >> 8) ^ p4tc_crc16_table[(crc ^ *data++) & 0xff];
	return crc;
}

/* CRC-32/ISO-HDLC of @len more bytes after data whose CRC is @crc. */
static u32 p4tc_crc32(u32 crc, const void *data, u32 len)
{
	return ~crc32_le(~crc, data, len);
}

/*
 * The verifier checks @params against @params__sz only: a smaller size
 * would let the kfunc write beyond what it checked.
 */
static bool p4tc_csum_params_ok(u32 params__sz)
{
	return params__sz == sizeof(struct p4tc_ext_csum_params);
}

__diag_push();
__diag_ignore_all("-Wmissing-prototypes",
		  "kfuncs are global functions without prototypes, found through BTF");

/**
 * bpf_p4tc_ext_csum_crc16_add() - add bytes to a CRC16 checksum
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 * @data: the bytes
 * @data__sz: how many
 *
 * Return: the CRC16 of all the bytes added since the last clear.
 */
u16 bpf_p4tc_ext_csum_crc16_add(struct p4tc_ext_csum_params *params, const u32 params__sz,
				const void *data, const u32 data__sz)
{
	u16 crc;

	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	crc = p4tc_crc16((__force u32)params->csum, data, data__sz);
	params->csum = (__force __wsum)(u32)crc;
	return crc;
}

/**
 * bpf_p4tc_ext_csum_crc16_get() - the CRC16 of the bytes added
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 *
 * Return: the checksum.
 */
u16 bpf_p4tc_ext_csum_crc16_get(struct p4tc_ext_csum_params *params, const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	return (__force u32)params->csum;
}

/**
 * bpf_p4tc_ext_csum_crc16_clear() - start a CRC16 checksum again
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 */
void bpf_p4tc_ext_csum_crc16_clear(struct p4tc_ext_csum_params *params, const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return;
	params->csum = 0;
}

/**
 * bpf_p4tc_ext_csum_crc32_add() - add bytes to a CRC32 checksum
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 * @data: the bytes
 * @data__sz: how many
 *
 * Return: the CRC32 of all the bytes added since the last clear.
 */
u32 bpf_p4tc_ext_csum_crc32_add(struct p4tc_ext_csum_params *params, const u32 params__sz,
				const void *data, const u32 data__sz)
{
	u32 crc;

	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	crc = p4tc_crc32((__force u32)params->csum, data, data__sz);
	params->csum = (__force __wsum)crc;
	return crc;
}

/**
 * bpf_p4tc_ext_csum_crc32_get() - the CRC32 of the bytes added
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 *
 * Return: the checksum.
 */
u32 bpf_p4tc_ext_csum_crc32_get(struct p4tc_ext_csum_params *params, const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	return (__force u32)params->csum;
}

/**
 * bpf_p4tc_ext_csum_crc32_clear() - start a CRC32 checksum again
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 */
void bpf_p4tc_ext_csum_crc32_clear(struct p4tc_ext_csum_params *params, const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return;
	params->csum = 0;
}

/**
 * bpf_p4tc_ext_csum_16bit_complement_add() - add bytes to an Internet checksum
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 * @data: the bytes, at an even offset of what is summed
 * @data__sz: how many
 *
 * Return: the new state, the unfolded sum.
 */
__wsum bpf_p4tc_ext_csum_16bit_complement_add(struct p4tc_ext_csum_params *params,
					      const u32 params__sz, const void *data,
					      int data__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	params->csum = csum_partial(data, data__sz, params->csum);
	return params->csum;
}

/**
 * bpf_p4tc_ext_csum_16bit_complement_sub() - take bytes out of an Internet checksum
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 * @data: bytes added before (an old field's value, say)
 * @data__sz: how many
 *
 * Return: the new state, the unfolded sum.
 */
__wsum bpf_p4tc_ext_csum_16bit_complement_sub(struct p4tc_ext_csum_params *params,
					      const u32 params__sz, const void *data,
					      const u32 data__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	params->csum = csum_sub(params->csum, csum_partial(data, data__sz, 0));
	return params->csum;
}

/**
 * bpf_p4tc_ext_csum_16bit_complement_get() - the Internet checksum of the state
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 *
 * Return: the folded, complemented sum, as it goes into a header (its
 * bytes in memory order).
 */
u16 bpf_p4tc_ext_csum_16bit_complement_get(struct p4tc_ext_csum_params *params,
					   const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return 0;
	return (__force u16)csum_fold(params->csum);
}

/**
 * bpf_p4tc_ext_csum_16bit_complement_clear() - start an Internet checksum again
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 */
void bpf_p4tc_ext_csum_16bit_complement_clear(struct p4tc_ext_csum_params *params,
					      const u32 params__sz)
{
	if (!p4tc_csum_params_ok(params__sz))
		return;
	params->csum = 0;
}

/**
 * bpf_p4tc_ext_csum_16bit_complement_set_state() - set an Internet checksum's state
 * @params: the checksum's state
 * @params__sz: sizeof(*params); with another size the call does nothing
 * @csum_state: the sum, as get_state() of P4 gives it: the complement of a
 *	header's checksum, to update that checksum with sub() and add()
 */
void bpf_p4tc_ext_csum_16bit_complement_set_state(struct p4tc_ext_csum_params *params,
						  const u32 params__sz, u16 csum_state)
{
	if (!p4tc_csum_params_ok(params__sz))
		return;
	params->csum = (__force __wsum)(u32)csum_state;
}

/**
 * bpf_p4tc_ext_hash_crc16() - CRC16 (CRC-16/ARC) of bytes
 * @data: the bytes
 * @data__sz: how many
 * @seed: initial value
 *
 * Return: the hash.
 */
u16 bpf_p4tc_ext_hash_crc16(const void *data, int data__sz, u16 seed)
{
	return p4tc_crc16(seed, data, data__sz);
}

/**
 * bpf_p4tc_ext_hash_crc32() - CRC32 (CRC-32/ISO-HDLC) of bytes
 * @data: the bytes
 * @data__sz: how many
 * @seed: the CRC of data before these, 0 for none
 *
 * Return: the hash.
 */
u32 bpf_p4tc_ext_hash_crc32(const void *data, const u32 data__sz, u32 seed)
{
	return p4tc_crc32(seed, data, data__sz);
}

/**
 * bpf_p4tc_ext_hash_16bit_complement() - Internet checksum of bytes
 * @data: the bytes
 * @data__sz: how many
 * @seed: a sum to start from
 *
 * Return: the folded, complemented sum (its bytes in memory order).
 */
u16 bpf_p4tc_ext_hash_16bit_complement(const void *data, const u32 data__sz, u16 seed)
{
	return (__force u16)csum_fold(csum_partial(data, data__sz, (__force __wsum)(u32)seed));
}

__diag_pop();
