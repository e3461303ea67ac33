#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Requests the p4tc CLI never sends: the kernel must reject each one with an
# errno and an extack message, and change nothing. Prints TAP lines.

import errno
import sys

sys.path.insert(0, sys.path[0])
from p4tc_nl import *  # noqa: E402,F403


def npipelines():
    _, _, replies = g.p4tc(CMD_PIPELINE_GET, flags=NLM_F_DUMP)
    return len(replies)


g = Genl()
pipe = nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"))

rejects(g, "pipeline create without its nest", errno.EINVAL,
        "missing pipeline attributes", CMD_PIPELINE_NEW)
rejects(g, "pipeline create with an action nest", errno.EINVAL,
        "Unsupported attribute", CMD_PIPELINE_NEW, pipe, nest(A_ACTION))
rejects(g, "pipeline create with a reply-only attribute", errno.EINVAL,
        "attribute is reply only", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"), u16(PIPELINE_A_CURTABLES, 1)))
rejects(g, "pipeline create without a name", errno.EINVAL,
        "missing pipeline name", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, u16(PIPELINE_A_NUMTABLES, 1)))
rejects(g, "pipeline name of 32 characters", errno.EINVAL,
        "pipeline name must have 1 to 31 characters", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "x" * 32)))
rejects(g, "pipeline name with a space", errno.EINVAL,
        "pipeline name a b may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "a b")))
rejects(g, "pipeline name with a slash", errno.EINVAL,
        "pipeline name a/b may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "a/b")))
rejects(g, "pipeline name that is not ASCII", errno.EINVAL,
        "pipeline name may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, attr(PIPELINE_A_NAME, b"\xff\x00")))
rejects(g, "pipeline created sealed", errno.EINVAL,
        "seal it with an update", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"),
             u8(PIPELINE_A_STATE, PIPELINE_STATE_READY)))
rejects(g, "pipeline id 0", errno.EINVAL, "pipeid must not be 0", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"), u32(PIPELINE_A_ID, 0)))
check("no pipeline was created", npipelines() == 0)

err, _, _ = g.p4tc(CMD_PIPELINE_NEW, nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"),
                                          u16(PIPELINE_A_NUMTABLES, 1)))
check("pipeline raw created", err == 0)
rejects(g, "key field without a width", errno.EINVAL,
        "type bit needs a width", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/t"), u32(TABLE_A_KEYSZ, 8),
             nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k"), u32(KEYFIELD_A_TYPE, T_BIT))))
rejects(g, "key field of an unknown type", errno.EINVAL, "unknown type 99", CMD_TABLE_NEW,
        pipe, nest(A_TABLE, string(TABLE_A_NAME, "cb/t"), u32(TABLE_A_KEYSZ, 8),
                   nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k"), u32(KEYFIELD_A_TYPE, 99))))
rejects(g, "table name with a quote", errno.EINVAL,
        "table name cb/\"t may only have letters, digits, _ . - and /", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, 'cb/"t'), u32(TABLE_A_KEYSZ, 8)))
err, _, _ = g.p4tc(CMD_TABLE_NEW, pipe, nest(A_TABLE, string(TABLE_A_NAME, "cb/t"),
                                             u32(TABLE_A_KEYSZ, 32)))
check("table cb/t created", err == 0)
err, _, _ = g.p4tc(CMD_ACTION_NEW, pipe, nest(
    A_ACTION, string(ACTION_A_NAME, "cb/a"), u8(ACTION_A_ACTIVE, 1),
    nest(ACTION_A_PARAM, string(PARAM_A_NAME, "p"), u32(PARAM_A_TYPE, T_BIT),
         u16(PARAM_A_BITSZ, 4))))
check("action cb/a with param p of type bit4 created", err == 0)
err, _, _ = g.p4tc(CMD_PIPELINE_SET, nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"),
                                          u8(PIPELINE_A_STATE, PIPELINE_STATE_READY)))
check("pipeline raw sealed", err == 0)
rejects(g, "entry key of 3 bytes for keysz 32", errno.EINVAL,
        "key has 3 bytes, keysz 32 needs 4", CMD_ENTRY_NEW, pipe,
        nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t"), attr(ENTRY_A_KEY, b"abc")))
rejects(g, "entry without a key", errno.EINVAL, "missing entry key", CMD_ENTRY_NEW, pipe,
        nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t")))
rejects(g, "entry without a table", errno.EINVAL, "missing table name or id",
        CMD_ENTRY_NEW, pipe, nest(A_ENTRY, attr(ENTRY_A_KEY, b"abcd")))


def entry(*params):
    return nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t"), attr(ENTRY_A_KEY, b"abcd"),
                string(ENTRY_A_ACTION_NAME, "cb/a"),
                *(nest(ENTRY_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, v))
                  for v in params))


rejects(g, "entry without its action's param", errno.EINVAL, "action cb/a: missing param p",
        CMD_ENTRY_NEW, pipe, entry())
rejects(g, "entry param given twice", errno.EINVAL, "param p given twice",
        CMD_ENTRY_NEW, pipe, entry(b"\x01", b"\x01"))
rejects(g, "entry param of 2 bytes for a bit4", errno.EINVAL,
        "value has 2 bytes, type bit4 takes 1", CMD_ENTRY_NEW, pipe, entry(b"\x01\x00"))
rejects(g, "entry param 0xff for a bit4", errno.ERANGE, "value does not fit type bit4",
        CMD_ENTRY_NEW, pipe, entry(b"\xff"))
err, _, _ = g.p4tc(CMD_ENTRY_NEW, pipe, entry(b"\x0f"))
check("entry with param 0xf for a bit4 created", err == 0)

# Ports: the requests the CLI never sends.
CMD_PORT_SET, CMD_PORT_GET = 21, 22
A_PORT = 8
PORT_A_IFINDEX, PORT_A_TYPE, PORT_A_AUTO, PORT_A_NAME = 1, 2, 3, 4
rejects(g, "port set without its nest", errno.EINVAL, "missing port attributes", CMD_PORT_SET)
rejects(g, "port set without an ifindex", errno.EINVAL, "missing port ifindex",
        CMD_PORT_SET, nest(A_PORT, u8(PORT_A_TYPE, 1)))
rejects(g, "port set of a device that does not exist", errno.ENODEV,
        "port: no device with ifindex 999", CMD_PORT_SET,
        nest(A_PORT, u32(PORT_A_IFINDEX, 999), u8(PORT_A_TYPE, 1)))
rejects(g, "port set with a type and auto", errno.EINVAL, "port lo: give a type or auto, one of them",
        CMD_PORT_SET, nest(A_PORT, u32(PORT_A_IFINDEX, 1), u8(PORT_A_TYPE, 1), attr(PORT_A_AUTO, b"")))
rejects(g, "port set with neither", errno.EINVAL, "port lo: give a type or auto, one of them",
        CMD_PORT_SET, nest(A_PORT, u32(PORT_A_IFINDEX, 1)))
rejects(g, "port set with type 3", errno.ERANGE, "integer out of range",
        CMD_PORT_SET, nest(A_PORT, u32(PORT_A_IFINDEX, 1), u8(PORT_A_TYPE, 3)))
rejects(g, "port set with the reply-only name", errno.EINVAL, "attribute is reply only",
        CMD_PORT_SET, nest(A_PORT, u32(PORT_A_IFINDEX, 1), u8(PORT_A_TYPE, 1),
                           string(PORT_A_NAME, "lo")))
err, _, replies = g.p4tc(CMD_PORT_GET, nest(A_PORT, u32(PORT_A_IFINDEX, 1)))
check("port get of lo: still unmarked after the refusals",
      err == 0 and len(replies) == 1 and PORT_A_AUTO in Genl.attrs(Genl.attrs(replies[0][4:])[A_PORT]))

done("nl_raw.py")
