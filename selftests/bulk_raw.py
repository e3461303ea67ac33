#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Bulk entry creation (P4TC_A_ENTRY_BULK: fixed-size records of key and
# params) over raw generic netlink: what it creates, mixed with plain
# entries, and every way a bulk nest is refused, with the count of records
# applied before a failure. Prints TAP lines.

import errno
import struct
import sys

sys.path.insert(0, sys.path[0])
from p4tc_nl import *  # noqa: E402,F403

CMD_ENTRY_SET, CMD_ENTRY_GET = 14, 15
A_ENTRY_BULK = 6
PARAM_A_ID = 1
ACTION_A_ID = 1
TABLE_A_ID, TABLE_A_TYPE, TABLE_A_TENTRIES, TABLE_A_PERMISSIONS = 1, 3, 5, 7
KEYFIELD_A_BITSZ = 4
ENTRY_A_ACTION_ID = 4
BULK_A_TABLE_ID, BULK_A_TABLE_NAME, BULK_A_ACTION_ID, BULK_A_ACTION_NAME = 1, 2, 3, 4
BULK_A_PARAM, BULK_A_LAYOUT, BULK_A_RECORDS = 5, 6, 7
ENTRY_A_MASK, ENTRY_A_PRIO = 7, 8
TYPE_TERNARY = 3
TYPE_LPM = 2
CTRL_C = 1 << 13

g = Genl()
pipe = nest(A_PIPELINE, string(PIPELINE_A_NAME, "blk"))


def ok_req(desc, cmd, *attrs):
    err, msg, replies = g.p4tc(cmd, *attrs)
    check(desc, err == 0, f"errno {err}: {msg}")
    return replies


def bparam(name=None, pid=None, *extra):
    a = [string(PARAM_A_NAME, name)] if name else []
    a += [u32(PARAM_A_ID, pid)] if pid else []
    return nest(BULK_A_PARAM, *a, *extra)


def layout(*sizes):
    return attr(BULK_A_LAYOUT, struct.pack(f"{len(sizes)}I", *sizes))


SET = (2, 2, 1)  # the layout of rec(): key, q, p


def bulk(table, records, sizes, *head, act="cb/set", params=("q", "p")):
    """A bulk nest; sizes: its layout, the bytes of the key then of each param."""
    a = [string(BULK_A_TABLE_NAME, table)]
    if act:
        a.append(string(BULK_A_ACTION_NAME, act))
    a += [bparam(p) for p in params]
    a += list(head)
    if sizes is not None:
        a.append(layout(*sizes))
    if records is not None:
        a.append(attr(BULK_A_RECORDS, records))
    return nest(A_ENTRY_BULK, *a)


def rec(k1, k2, q=0x1234, p=1):
    """A record of cb/e with action cb/set, params in the order q, p."""
    return bytes([k1, k2]) + struct.pack("H", q) + bytes([p])


def get(table, key):
    err, msg, replies = g.p4tc(CMD_ENTRY_GET, pipe,
                               nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, table),
                                    attr(ENTRY_A_KEY, key)))
    if err:
        return None
    return Genl.attrs(Genl.attrs(replies[0][4:])[A_ENTRY])


def param_values(e_raw):
    vals = {}
    off = 0
    while off + 4 <= len(e_raw):
        ln, typ = struct.unpack("HH", e_raw[off:off + 4])
        if typ & 0x3fff == ENTRY_A_PARAM:
            pa = Genl.attrs(e_raw[off + 4:off + ln])
            vals[pa[PARAM_A_NAME].rstrip(b"\0").decode()] = pa[PARAM_A_VALUE]
        off += (ln + 3) & ~3
    return vals


def get_raw(table, key):
    err, msg, replies = g.p4tc(CMD_ENTRY_GET, pipe,
                               nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, table),
                                    attr(ENTRY_A_KEY, key)))
    if err:
        return None
    top = replies[0][4:]
    off = 0
    while off + 4 <= len(top):
        ln, typ = struct.unpack("HH", top[off:off + 4])
        if typ & 0x3fff == A_ENTRY:
            return top[off + 4:off + ln]
        off += (ln + 3) & ~3
    return None


ok_req("pipeline blk with 4 tables", CMD_PIPELINE_NEW,
       nest(A_PIPELINE, string(PIPELINE_A_NAME, "blk"), u16(PIPELINE_A_NUMTABLES, 4)))
ok_req("action cb/set (p bit4, q bit16)", CMD_ACTION_NEW, pipe,
       nest(A_ACTION, string(ACTION_A_NAME, "cb/set"), u32(ACTION_A_ID, 1), u8(ACTION_A_ACTIVE, 1),
            nest(ACTION_A_PARAM, string(PARAM_A_NAME, "p"), u32(PARAM_A_ID, 1),
                 u32(PARAM_A_TYPE, T_BIT), u16(PARAM_A_BITSZ, 4)),
            nest(ACTION_A_PARAM, string(PARAM_A_NAME, "q"), u32(PARAM_A_ID, 2),
                 u32(PARAM_A_TYPE, T_BIT), u16(PARAM_A_BITSZ, 16))))
ok_req("action cb/idle, inactive", CMD_ACTION_NEW, pipe,
       nest(A_ACTION, string(ACTION_A_NAME, "cb/idle")))
ok_req("exact table cb/e: k1 bit4, k2 bit8, tentries 16", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/e"), u32(TABLE_A_ID, 1), u32(TABLE_A_KEYSZ, 16),
            u32(TABLE_A_TENTRIES, 16),
            nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k1"), u32(KEYFIELD_A_TYPE, T_BIT),
                 u16(KEYFIELD_A_BITSZ, 4)),
            nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k2"), u32(KEYFIELD_A_TYPE, T_BIT),
                 u16(KEYFIELD_A_BITSZ, 8))))
ok_req("lpm table cb/lpm", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/lpm"), u32(TABLE_A_KEYSZ, 16),
            u8(TABLE_A_TYPE, TYPE_LPM)))
ok_req("ternary table cb/tern", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/tern"), u32(TABLE_A_KEYSZ, 16),
            u8(TABLE_A_TYPE, TYPE_TERNARY)))
ok_req("exact table cb/noc without control create", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/noc"), u32(TABLE_A_KEYSZ, 16),
            u16(TABLE_A_PERMISSIONS, 0x3DA4 & ~CTRL_C)))
ok_req("pipeline sealed", CMD_PIPELINE_SET,
       nest(A_PIPELINE, string(PIPELINE_A_NAME, "blk"), u8(PIPELINE_A_STATE, PIPELINE_STATE_READY)))

# What a bulk nest creates
ok_req("3 records, action and params by name, params in another order than the template's",
       CMD_ENTRY_NEW, pipe,
       bulk("cb/e", rec(1, 1, 0x0101, 1) + rec(1, 2, 0x0202, 2) + rec(1, 3, 0x0303, 3), SET))
ok = True
for k2 in (1, 2, 3):
    e = get_raw("cb/e", bytes([1, k2]))
    vals = param_values(e) if e else {}
    ok &= e is not None and vals.get("p") == bytes([k2]) and \
        vals.get("q") == struct.pack("H", 0x0101 * k2)
check("each record is an entry with its key, action and param values", ok)
ok_req("records by table and action id, params by id", CMD_ENTRY_NEW, pipe,
       nest(A_ENTRY_BULK, u32(BULK_A_TABLE_ID, 1), u32(BULK_A_ACTION_ID, 1),
            bparam(pid=1), bparam(pid=2), layout(2, 1, 2),
            attr(BULK_A_RECORDS, bytes([2, 1, 9]) + struct.pack("H", 0x4242))))
e = get_raw("cb/e", bytes([2, 1]))
check("params by id take the records' order",
      e is not None and param_values(e) == {"p": b"\x09", "q": struct.pack("H", 0x4242)})
ok_req("records without an action: key only", CMD_ENTRY_NEW, pipe,
       bulk("cb/e", bytes([3, 1, 3, 2]), (2,), act=None, params=()))
e = get_raw("cb/e", bytes([3, 2]))
check("an entry of a record without action has none",
      e is not None and ENTRY_A_ACTION_ID not in Genl.attrs(e))
ok_req("a plain entry, a bulk nest of 2 and a plain entry in one request", CMD_ENTRY_NEW, pipe,
       nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/e"), attr(ENTRY_A_KEY, bytes([4, 1]))),
       bulk("cb/e", rec(4, 2) + rec(4, 3), SET),
       nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/e"), attr(ENTRY_A_KEY, bytes([4, 4]))))
check("all four are in", all(get("cb/e", bytes([4, k])) for k in (1, 2, 3, 4)))

ok_req("records for an lpm table", CMD_ENTRY_NEW, pipe,
       bulk("cb/lpm", rec(10, 1) + rec(10, 2), SET))
err, _, replies = g.p4tc(CMD_ENTRY_GET, pipe,
                         nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/lpm"),
                              attr(ENTRY_A_KEY, bytes([10, 2])), attr(ENTRY_A_MASK, b"\xff\xff")))
check("an lpm record is an entry with the whole key as prefix", err == 0, f"errno {err}")
ok_req("records for a ternary table", CMD_ENTRY_NEW, pipe,
       bulk("cb/tern", rec(11, 1) + rec(11, 2), SET))
err, _, replies = g.p4tc(CMD_ENTRY_GET, pipe,
                         nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/tern"),
                              attr(ENTRY_A_KEY, bytes([11, 1])), attr(ENTRY_A_MASK, b"\xff\xff"),
                              u32(ENTRY_A_PRIO, 1)))
check("ternary records are all-ones entries with the free prios, 1 then 2", err == 0,
      f"errno {err}")

# Records applied up to the first failure (10 entries so far, tentries 16)
err, msg, _ = g.p4tc(CMD_ENTRY_NEW, pipe,
                     bulk("cb/e", rec(5, 1) + rec(5, 2) + rec(0x1f, 3) + rec(5, 4), SET))
check("a key field out of range in record 3 of 4 stops there",
      err == errno.ERANGE and "entry 3 of 4" in msg and "(2 applied)" in msg and "k1" in msg,
      f"{err} {msg}")
check("records 1 and 2 are in, 4 is not",
      get("cb/e", bytes([5, 1])) and get("cb/e", bytes([5, 2])) and not get("cb/e", bytes([5, 4])))
err, msg, _ = g.p4tc(CMD_ENTRY_NEW, pipe,
                     nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/e"), attr(ENTRY_A_KEY, bytes([6, 1]))),
                     bulk("cb/e", rec(6, 2, p=0x10), SET))
check("a param out of range in the bulk nest after a plain entry: entry 2 of 2",
      err == errno.ERANGE and "entry 2 of 2" in msg and "(1 applied)" in msg and
      "action cb/set" in msg, f"{err} {msg}")
err, msg, _ = g.p4tc(CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(6, 3) + rec(6, 3), SET))
check("a key twice in one bulk nest: the second is refused",
      err == errno.EEXIST and "entry 2 of 2" in msg and "exists" in msg, f"{err} {msg}")
err, msg, _ = g.p4tc(CMD_ENTRY_NEW, pipe,
                     bulk("cb/e", rec(7, 1) + rec(7, 2) + rec(7, 3), SET))
check("a full table stops the bulk nest at its 17th entry",
      err == errno.ENOSPC and "entry 3 of 3" in msg and "is full" in msg and "(2 applied)" in msg,
      f"{err} {msg}")

# Refused nests
rejects(g, "records for a table without control create", errno.EPERM,
        "cb/noc has no control create permission",
        CMD_ENTRY_NEW, pipe, bulk("cb/noc", bytes(2), (2,), act=None, params=()))
rejects(g, "records for an unknown table", errno.ENOENT, "cb/nope",
        CMD_ENTRY_NEW, pipe, bulk("cb/nope", bytes(2), (2,), act=None, params=()))
rejects(g, "records with an inactive action", errno.EPERM, "action cb/idle is not active",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", bytes(2), (2,), act="cb/idle", params=()))
rejects(g, "an unknown param", errno.ENOENT, "cb/set has no param r",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), SET, params=("q", "r")))
rejects(g, "a param with a value", errno.EINVAL, "param p has its values in the records",
        CMD_ENTRY_NEW, pipe,
        nest(A_ENTRY_BULK, string(BULK_A_TABLE_NAME, "cb/e"), string(BULK_A_ACTION_NAME, "cb/set"),
             bparam("q"), bparam("p", None, attr(PARAM_A_VALUE, b"\x01")),
             layout(*SET), attr(BULK_A_RECORDS, rec(8, 1))))
rejects(g, "a param twice", errno.EINVAL, "param q given twice",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), SET, params=("q", "q")))
rejects(g, "a param missing", errno.EINVAL, "action cb/set: missing param p",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1)[:4], (2, 2), params=("q",)))
rejects(g, "params without an action", errno.ENOENT, "no action has no param p",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", bytes(3), (2, 1), act=None, params=("p",)))
rejects(g, "a layout with a size short", errno.EINVAL,
        "the records' layout has 2 sizes, the key and 2 params need 3",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), (2, 3)))
rejects(g, "a layout with keys of another size", errno.EINVAL,
        "the records' keys have 3 bytes, keysz 16 needs 2",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), (3, 1, 1)))
rejects(g, "a layout with a param of another size (the sum right)", errno.EINVAL,
        "param q has 1 bytes in the records, type bit16 takes 2",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), (2, 1, 2)))
rejects(g, "records that are not a whole number", errno.EINVAL,
        "7 bytes of records are not records of 5",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1) + b"\0\0", SET))
rejects(g, "no layout", errno.EINVAL, "missing bulk layout",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", rec(8, 1), None))
rejects(g, "no records", errno.EINVAL, "missing bulk records",
        CMD_ENTRY_NEW, pipe, bulk("cb/e", None, SET))
err, msg, _ = g.p4tc(CMD_ENTRY_SET, pipe, bulk("cb/e", rec(1, 1), SET))
check("an update with a bulk nest is refused", err == errno.EINVAL, f"{err} {msg}")
check("no refused nest created an entry", not get("cb/e", bytes([8, 1])))
ok_req("pipeline deleted", 4, pipe)
done("bulk_raw.py")
