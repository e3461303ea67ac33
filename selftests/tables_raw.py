#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# lpm and ternary tables, allowed and default actions, permissions, const
# entries, batches, aging and events, driven over raw generic netlink so
# that the kernel's behaviour is checked independently of libp4tc. Prints
# TAP lines.

import errno
import socket
import struct
import sys
import time

sys.path.insert(0, sys.path[0])
from p4tc_nl import *  # noqa: E402,F403

CMD_PIPELINE_DEL, CMD_ACTION_GET, CMD_ACTION_DEL = 4, 7, 8
CMD_TABLE_SET, CMD_TABLE_GET, CMD_TABLE_DEL = 10, 11, 12
CMD_ENTRY_SET, CMD_ENTRY_GET, CMD_ENTRY_DEL = 14, 15, 16
A_COUNT = 5
TABLE_A_TYPE, TABLE_A_NUMMASKS, TABLE_A_PERMISSIONS = 3, 6, 7
TABLE_A_NENTRIES, TABLE_A_ACT, TABLE_A_DEFAULT_HIT, TABLE_A_DEFAULT_MISS = 9, 10, 11, 12
TABLE_A_ENTRY, TABLE_A_NUM_MASKS_USED = 15, 17
TABLE_ACT_A_NAME, TABLE_ACT_A_FLAGS = 2, 3
DEFACT_A_ACTION_NAME, DEFACT_A_PARAM, DEFACT_A_PERMISSIONS = 2, 3, 4
ENTRY_A_MASK, ENTRY_A_PRIO, ENTRY_A_PERMISSIONS, ENTRY_A_DYNAMIC = 7, 8, 9, 10
ENTRY_A_AGING, ENTRY_A_TMPL_CREATED, ENTRY_A_DELETED_BY = 11, 16, 18
ENTRY_A_TBL_ATTRS = 19
TYPE_LPM, TYPE_TERNARY = 2, 3
TABLEONLY, DEFAULTONLY = 1, 2
CTRL_C = 1 << 13
CTRL_ATTR_MCAST_GROUPS = 7

g = Genl()
pipe = nest(A_PIPELINE, string(PIPELINE_A_NAME, "tbl"))



def ok_req(desc, cmd, *attrs):
    err, msg, replies = g.p4tc(cmd, *attrs)
    check(desc, err == 0, f"errno {err}: {msg}")
    return replies


def action(name, *flags):
    return nest(A_ACTION, string(ACTION_A_NAME, name), u8(ACTION_A_ACTIVE, 1),
                nest(ACTION_A_PARAM, string(PARAM_A_NAME, "p"), u32(PARAM_A_TYPE, T_BIT),
                     u16(PARAM_A_BITSZ, 8)))


def param(v):
    return nest(ENTRY_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, bytes([v])))


def entry(table, key, *extra, act="cb/a", p=1):
    acts = (string(ENTRY_A_ACTION_NAME, act), param(p)) if act else ()
    return nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, table), attr(ENTRY_A_KEY, key),
                *acts, *extra)


def ip(s):
    return socket.inet_aton(s)


def get(table, key, *extra):
    err, msg, replies = g.p4tc(CMD_ENTRY_GET, pipe, entry(table, key, *extra, act=None))
    if err:
        return err, msg, {}
    return 0, "", Genl.attrs(Genl.attrs(replies[0][4:])[A_ENTRY])


def table_attrs(name):
    _, _, replies = g.p4tc(CMD_TABLE_GET, pipe, nest(A_TABLE, string(TABLE_A_NAME, name)))
    return Genl.attrs(Genl.attrs(replies[0][4:])[A_TABLE])


def get_u32(attrs, a):
    return struct.unpack("I", attrs[a][:4])[0]


if sys.argv[1:] == ["--leave-dynamic"]:
    # Leaves a sealed pipeline with a dynamic entry behind, for a namespace
    # deleted while its table ages.
    for cmd, a in ((CMD_PIPELINE_NEW, nest(A_PIPELINE, string(PIPELINE_A_NAME, "tbl"),
                                           u16(PIPELINE_A_NUMTABLES, 1))),
                   (CMD_ACTION_NEW, action("cb/a")),
                   (CMD_TABLE_NEW, nest(A_TABLE, string(TABLE_A_NAME, "cb/ex"),
                                        u32(TABLE_A_KEYSZ, 8))),
                   (CMD_PIPELINE_SET, nest(A_PIPELINE, string(PIPELINE_A_NAME, "tbl"),
                                           u8(PIPELINE_A_STATE, PIPELINE_STATE_READY))),
                   (CMD_ENTRY_NEW, entry("cb/ex", b"\x01", attr(ENTRY_A_DYNAMIC, b""),
                                         u32(ENTRY_A_AGING, 100)))):
        ok_req(f"command {cmd} for a namespace left with a dynamic entry", cmd,
               *((a,) if cmd == CMD_PIPELINE_NEW or cmd == CMD_PIPELINE_SET else (pipe, a)))
    done("tables_raw.py --leave-dynamic")

# Events: join the group before anything changes.
ev = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
_, _, fam = g.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, string(CTRL_ATTR_FAMILY_NAME, "p4tc"))
groups = Genl.attrs(fam[0][4:]).get(CTRL_ATTR_MCAST_GROUPS, b"")
grp_id = None
for grp in Genl.attrs(groups).values():
    ga = Genl.attrs(grp)
    if ga.get(1, b"").rstrip(b"\0") == b"events":  # CTRL_ATTR_MCAST_GRP_NAME
        grp_id = struct.unpack("I", ga[2][:4])[0]  # CTRL_ATTR_MCAST_GRP_ID
check("the family has an events group", grp_id is not None)
ev.bind((0, 0))
ev.setsockopt(270, 1, grp_id or 0)  # NETLINK_ADD_MEMBERSHIP
ev.settimeout(2)

ok_req("pipeline tbl with 3 tables", CMD_PIPELINE_NEW,
       nest(A_PIPELINE, string(PIPELINE_A_NAME, "tbl"), u16(PIPELINE_A_NUMTABLES, 3)))
ok_req("action cb/a", CMD_ACTION_NEW, pipe, action("cb/a"))
ok_req("action cb/t_only", CMD_ACTION_NEW, pipe, action("cb/t_only"))
ok_req("action cb/d_only", CMD_ACTION_NEW, pipe, action("cb/d_only"))
rejects(g, "default action without data execute", errno.EINVAL,
        "must keep control read, data read and data execute", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/lpm"), u32(TABLE_A_KEYSZ, 32),
             nest(TABLE_A_DEFAULT_MISS, string(DEFACT_A_ACTION_NAME, "cb/a"),
                  u16(DEFACT_A_PERMISSIONS, 0x1020),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, b"\x07")))))
ok_req("lpm table with nummasks 3 and a const default miss action", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/lpm"), u32(TABLE_A_KEYSZ, 32),
            u8(TABLE_A_TYPE, TYPE_LPM), u32(TABLE_A_NUMMASKS, 3),
            nest(TABLE_A_DEFAULT_MISS, string(DEFACT_A_ACTION_NAME, "cb/a"),
                 u16(DEFACT_A_PERMISSIONS, 0x1024),
                 nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, b"\x07")))))
rejects(g, "tableonly action as a default action", errno.EPERM,
        "action cb/t_only is not allowed as a default action", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/tern"), u32(TABLE_A_KEYSZ, 32),
             nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/t_only"), u8(TABLE_ACT_A_FLAGS, TABLEONLY)),
             nest(TABLE_A_DEFAULT_HIT, string(DEFACT_A_ACTION_NAME, "cb/t_only"),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, b"\x01")))))
ok_req("ternary table allowing cb/a, cb/t_only (tableonly), cb/d_only (defaultonly)",
       CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/tern"), u32(TABLE_A_KEYSZ, 32),
            u8(TABLE_A_TYPE, TYPE_TERNARY),
            nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/a")),
            nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/t_only"), u8(TABLE_ACT_A_FLAGS, TABLEONLY)),
            nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/d_only"), u8(TABLE_ACT_A_FLAGS, DEFAULTONLY))))
rejects(g, "a const entry with an action the table does not allow is refused, table and all",
        errno.EPERM, "action cb/d_only is not allowed in entries", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/ex"), u32(TABLE_A_KEYSZ, 8),
             nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/d_only"), u8(TABLE_ACT_A_FLAGS, DEFAULTONLY)),
             nest(TABLE_A_ENTRY, attr(ENTRY_A_KEY, b"\x01"), string(ENTRY_A_ACTION_NAME, "cb/d_only"),
                  param(1))))
ok_req("exact table without control create, with two const entries", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/ex"), u32(TABLE_A_KEYSZ, 8),
            u16(TABLE_A_PERMISSIONS, 0x3DA4 & ~CTRL_C),
            nest(TABLE_A_ENTRY, attr(ENTRY_A_KEY, b"\x2b"), u16(ENTRY_A_PERMISSIONS, 0x1024),
                 string(ENTRY_A_ACTION_NAME, "cb/a"), param(43)),
            nest(TABLE_A_ENTRY, attr(ENTRY_A_KEY, b"\x2d"), u16(ENTRY_A_PERMISSIONS, 0x1024),
                 string(ENTRY_A_ACTION_NAME, "cb/a"), param(45))))
rejects(g, "deleting an action a table uses", errno.EBUSY, "is in use by a table",
        CMD_ACTION_DEL, pipe, nest(A_ACTION, string(ACTION_A_NAME, "cb/a")))
ok_req("pipeline sealed", CMD_PIPELINE_SET,
       nest(A_PIPELINE, string(PIPELINE_A_NAME, "tbl"), u8(PIPELINE_A_STATE, PIPELINE_STATE_READY)))

# lpm
rejects(g, "lpm mask that is not a prefix", errno.EINVAL, "an lpm mask must be a prefix",
        CMD_ENTRY_NEW, pipe, entry("cb/lpm", ip("10.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.255.0"))))
for pfx, ln, v in (("10.0.0.0", "255.0.0.0", 8), ("10.1.0.0", "255.255.0.0", 16),
                   ("10.1.2.0", "255.255.255.0", 24)):
    ok_req(f"lpm entry {pfx}/{v}", CMD_ENTRY_NEW, pipe,
           entry("cb/lpm", ip(pfx), attr(ENTRY_A_MASK, ip(ln)), p=v))
rejects(g, "a fourth prefix length beyond nummasks 3", errno.ENOSPC,
        "the entry needs a new mask, nummasks is 3", CMD_ENTRY_NEW, pipe,
        entry("cb/lpm", ip("10.1.2.3"), attr(ENTRY_A_MASK, ip("255.255.255.255"))))
rejects(g, "the same prefix twice", errno.EEXIST, "an entry with this key exists",
        CMD_ENTRY_NEW, pipe, entry("cb/lpm", ip("10.1.9.9"), attr(ENTRY_A_MASK, ip("255.255.0.0"))))
err, msg, e = get("cb/lpm", ip("10.1.77.77"), attr(ENTRY_A_MASK, ip("255.255.0.0")))
check("get by prefix masks the key: 10.1.77.77/16 is 10.1.0.0/16",
      err == 0 and e.get(ENTRY_A_KEY) == ip("10.1.0.0") and
      e.get(ENTRY_A_PARAM, b"")[-4:-3] == b"\x10", f"{err} {msg}")
t = table_attrs("cb/lpm")
check("lpm table reports 3 entries and 3 masks in use",
      get_u32(t, TABLE_A_NENTRIES) == 3 and get_u32(t, TABLE_A_NUM_MASKS_USED) == 3)
rejects(g, "replacing the const default miss action at runtime", errno.EPERM,
        "the default miss action has no control update permission", CMD_ENTRY_SET, pipe,
        nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/lpm"),
             nest(ENTRY_A_TBL_ATTRS, nest(TABLE_A_DEFAULT_MISS,
                                          string(DEFACT_A_ACTION_NAME, "cb/a"),
                                          nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "p"),
                                               attr(PARAM_A_VALUE, b"\x09"))))))

# ternary
rejects(g, "a defaultonly action in an entry", errno.EPERM,
        "action cb/d_only is not allowed in entries", CMD_ENTRY_NEW, pipe,
        entry("cb/tern", ip("10.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")), act="cb/d_only"))
ok_req("ternary entry 10.0.0.0&255.0.0.0 prio 5", CMD_ENTRY_NEW, pipe,
       entry("cb/tern", ip("10.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")), u32(ENTRY_A_PRIO, 5)))
rejects(g, "another ternary entry with prio 5", errno.EEXIST, "prio 5 is taken",
        CMD_ENTRY_NEW, pipe,
        entry("cb/tern", ip("0.0.0.1"), attr(ENTRY_A_MASK, ip("0.0.0.255")), u32(ENTRY_A_PRIO, 5)))
ok_req("ternary entry 0.0.0.1&0.0.0.255 with an automatic prio", CMD_ENTRY_NEW, pipe,
       entry("cb/tern", ip("0.0.0.1"), attr(ENTRY_A_MASK, ip("0.0.0.255"))))
rejects(g, "ternary get without prio", errno.EINVAL, "named by key, mask and prio",
        CMD_ENTRY_GET, pipe, entry("cb/tern", ip("10.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
                                   act=None))
err, msg, e = get("cb/tern", ip("10.9.9.9"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
                  u32(ENTRY_A_PRIO, 5))
check("ternary get by key, mask and prio", err == 0 and get_u32(e, ENTRY_A_PRIO) == 5,
      f"{err} {msg}")
rejects(g, "exact table: no mask", errno.EINVAL, "exact tables take no mask", CMD_ENTRY_GET,
        pipe, entry("cb/ex", b"\x01", attr(ENTRY_A_MASK, b"\xff"), act=None))

# permissions and const entries
rejects(g, "entry in a table without control create", errno.EPERM,
        "has no control create permission", CMD_ENTRY_NEW, pipe, entry("cb/ex", b"\x01"))
err, msg, e = get("cb/ex", b"\x2b")
check("const entry is marked template-created", err == 0 and ENTRY_A_TMPL_CREATED in e,
      f"{err} {msg}")
rejects(g, "updating a const entry", errno.EPERM, "the entry has no control update permission",
        CMD_ENTRY_SET, pipe, entry("cb/ex", b"\x2b", p=9))
rejects(g, "deleting a const entry", errno.EPERM, "the entry has no control delete permission",
        CMD_ENTRY_DEL, pipe, entry("cb/ex", b"\x2b", act=None))
_, _, replies = g.p4tc(CMD_ENTRY_DEL, pipe, nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/ex")))
check("a flush leaves the const entries",
      get_u32(Genl.attrs(replies[0][4:]), A_COUNT) == 0 and get("cb/ex", b"\x2d")[0] == 0)
rejects(g, "entry permissions with create bits", errno.EINVAL, "cannot have create bits",
        CMD_ENTRY_NEW, pipe,
        entry("cb/tern", ip("1.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
              u16(ENTRY_A_PERMISSIONS, 0x3DA4)))

# batches
err, msg, _ = g.p4tc(CMD_ENTRY_NEW, pipe,
                     entry("cb/lpm", ip("192.168.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0"))),
                     entry("cb/lpm", ip("10.1.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0"))),
                     entry("cb/lpm", ip("172.16.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0"))))
check("batch of 3 stops at the duplicate second entry",
      err == errno.EEXIST and "entry 2 of 3" in msg and "(1 applied)" in msg, f"{err} {msg}")
check("the first entry of the batch is in, the third is not",
      get("cb/lpm", ip("192.168.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0")))[0] == 0 and
      get("cb/lpm", ip("172.16.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0")))[0] == errno.ENOENT)

# aging
ok_req("dynamic entry aging 300 ms", CMD_ENTRY_NEW, pipe,
       entry("cb/tern", ip("2.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")), u32(ENTRY_A_PRIO, 9),
             attr(ENTRY_A_DYNAMIC, b""), u32(ENTRY_A_AGING, 300)))
rejects(g, "aging without dynamic", errno.EINVAL, "aging is for dynamic entries", CMD_ENTRY_NEW,
        pipe, entry("cb/tern", ip("3.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
                    u32(ENTRY_A_AGING, 300)))
time.sleep(2)
check("the idle dynamic entry is gone after 2 s",
      get("cb/tern", ip("2.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
          u32(ENTRY_A_PRIO, 9))[0] == errno.ENOENT)

# events
cmds = []
try:
    while True:
        data = ev.recv(65536)
        while data:
            mlen = struct.unpack("I", data[:4])[0]
            cmds.append((data[16], data[16 + 4:mlen]))
            data = data[(mlen + 3) & ~3:]
except socket.timeout:
    pass
check("events: pipeline, action and table creates were published",
      {c for c, _ in cmds} >= {CMD_PIPELINE_NEW, CMD_ACTION_NEW, CMD_TABLE_NEW})
check("events: 7 entry creates (3 lpm, 2 ternary, 1 of the batch, 1 dynamic) were published",
      sum(1 for c, _ in cmds if c == CMD_ENTRY_NEW) == 7)
aged = [Genl.attrs(Genl.attrs(b).get(A_ENTRY, b"")) for c, b in cmds if c == CMD_ENTRY_DEL]
check("events: the aged entry's delete names the timer",
      any(ENTRY_A_DELETED_BY in a and b"timer" in a[ENTRY_A_DELETED_BY] for a in aged))

# filters
FILTER = 20
OP_EQ, OP_GE, OP_AND, OP_NOT = 1, 6, 7, 10
OPND_KEY, OPND_ACTION, OPND_PARAM, OPND_PRIO = 1, 2, 3, 4
F_OP, F_NODE, F_OPERAND, F_OFFSET, F_VALUE, F_MASK, F_HOST, F_ACT = range(1, 9)


def dump(table, *filt):
    err, msg, replies = g.p4tc(CMD_ENTRY_GET, pipe,
                               nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, table), *filt),
                               flags=NLM_F_DUMP)
    return err, msg, [Genl.attrs(Genl.attrs(r[4:])[A_ENTRY]) for r in replies]


def cmp_node(opnd, op, value=b"", *extra):
    return (u8(F_OP, op), u8(F_OPERAND, opnd), *((attr(F_VALUE, value),) if value else ()),
            *extra)


def act_id(name):
    _, _, r = g.p4tc(CMD_ACTION_GET, pipe, nest(A_ACTION, string(ACTION_A_NAME, name)))
    return get_u32(Genl.attrs(Genl.attrs(r[0][4:])[A_ACTION]), 1)


err, msg, es = dump("cb/lpm", nest(FILTER, *cmp_node(OPND_KEY, OP_GE, ip("10.1.0.0"))))
check("dump filtered on key >= 10.1.0.0 shows 10.1/16, 10.1.2/24 and 192.168/16",
      err == 0 and sorted(e[ENTRY_A_KEY] for e in es) ==
      sorted([ip("10.1.0.0"), ip("10.1.2.0"), ip("192.168.0.0")]), f"{err} {msg} {len(es)}")
err, msg, es = dump("cb/tern", nest(FILTER, *cmp_node(OPND_PRIO, OP_EQ, struct.pack("I", 5))))
check("dump filtered on prio == 5 shows one ternary entry", err == 0 and len(es) == 1 and
      get_u32(es[0], ENTRY_A_PRIO) == 5, f"{err} {msg} {len(es)}")
deep = nest(F_NODE, *cmp_node(OPND_PRIO, OP_EQ, struct.pack("I", 5)))
for _ in range(5):
    deep = nest(F_NODE, u8(F_OP, OP_NOT), deep)
err, msg, _ = dump("cb/tern", nest(FILTER, u8(F_OP, OP_NOT), deep))
check("a filter 7 levels deep is refused", err == errno.E2BIG and "more than 5 levels" in msg,
      f"{err} {msg}")
rejects(g, "a filter on a create", errno.EINVAL, "filters go with dumps and flushes",
        CMD_ENTRY_NEW, pipe, entry("cb/lpm", ip("11.0.0.0"), attr(ENTRY_A_MASK, ip("255.0.0.0")),
                                   nest(FILTER, *cmp_node(OPND_PRIO, OP_EQ, struct.pack("I", 5)))))
aid = act_id("cb/a")
err, msg, replies = g.p4tc(CMD_ENTRY_DEL, pipe, nest(
    A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/lpm"),
    nest(FILTER, u8(F_OP, OP_AND),
         nest(F_NODE, *cmp_node(OPND_ACTION, OP_EQ, b"", u32(F_ACT, aid))),
         nest(F_NODE, *cmp_node(OPND_PARAM, OP_EQ, b"\x10", u32(F_ACT, aid))))))
check("flush filtered on action cb/a with p == 16 removes one entry",
      err == 0 and get_u32(Genl.attrs(replies[0][4:]), A_COUNT) == 1 and
      get("cb/lpm", ip("10.1.0.0"), attr(ENTRY_A_MASK, ip("255.255.0.0")))[0] == errno.ENOENT,
      f"{err} {msg}")

ok_req("pipeline deleted with its tables and entries", CMD_PIPELINE_DEL, pipe)

# template flushes and types, in an unsealed pipeline
pipe = nest(A_PIPELINE, string(PIPELINE_A_NAME, "tmpl"))
ok_req("pipeline tmpl with 2 tables", CMD_PIPELINE_NEW,
       nest(A_PIPELINE, string(PIPELINE_A_NAME, "tmpl"), u16(PIPELINE_A_NUMTABLES, 2)))
ok_req("actions cb/a and cb/b", CMD_ACTION_NEW, pipe, action("cb/a"))
ok_req("action cb/b", CMD_ACTION_NEW, pipe, action("cb/b"))
ok_req("table cb/t allowing cb/a", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/t"), u32(TABLE_A_KEYSZ, 8),
            nest(TABLE_A_ACT, string(TABLE_ACT_A_NAME, "cb/a"))))
rejects(g, "action flush while a table uses one", errno.EBUSY, "action tmpl/cb/a is in use",
        CMD_ACTION_DEL, pipe, nest(A_ACTION))
_, _, r = g.p4tc(CMD_ACTION_GET, pipe, nest(A_ACTION), flags=NLM_F_DUMP)
check("the refused flush deleted no action", len(r) == 2)
_, _, r = g.p4tc(CMD_TABLE_DEL, pipe, nest(A_TABLE))
check("table flush removes the table", r and get_u32(Genl.attrs(r[0][4:]), A_COUNT) == 1)
_, _, r = g.p4tc(CMD_ACTION_DEL, pipe, nest(A_ACTION))
check("action flush removes both actions", r and get_u32(Genl.attrs(r[0][4:]), A_COUNT) == 2)
T_STRING, T_KEY, T_RATE = 9, 10, 11
ok_req("action with str64, key12 and rate params", CMD_ACTION_NEW, pipe,
       nest(A_ACTION, string(ACTION_A_NAME, "cb/typed"), u8(ACTION_A_ACTIVE, 1),
            nest(ACTION_A_PARAM, string(PARAM_A_NAME, "s"), u32(PARAM_A_TYPE, T_STRING),
                 u16(PARAM_A_BITSZ, 64)),
            nest(ACTION_A_PARAM, string(PARAM_A_NAME, "k"), u32(PARAM_A_TYPE, T_KEY),
                 u16(PARAM_A_BITSZ, 12)),
            nest(ACTION_A_PARAM, string(PARAM_A_NAME, "r"), u32(PARAM_A_TYPE, T_RATE))))
rejects(g, "str of 12 bits", errno.EINVAL, "type str cannot be 12 bits wide", CMD_ACTION_NEW,
        pipe, nest(A_ACTION, string(ACTION_A_NAME, "cb/bad"),
                   nest(ACTION_A_PARAM, string(PARAM_A_NAME, "s"), u32(PARAM_A_TYPE, T_STRING),
                        u16(PARAM_A_BITSZ, 12))))
ok_req("table cb/t2 with a default hit action cb/typed", CMD_TABLE_NEW, pipe,
       nest(A_TABLE, string(TABLE_A_NAME, "cb/t2"), u32(TABLE_A_KEYSZ, 8),
            nest(TABLE_A_DEFAULT_HIT, string(DEFACT_A_ACTION_NAME, "cb/typed"),
                 nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "s"), attr(PARAM_A_VALUE, b"ab" + bytes(6))),
                 nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "k"), attr(PARAM_A_VALUE, b"\xab\xc0")),
                 nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "r"), attr(PARAM_A_VALUE, struct.pack("Q", 10**9))))))
rejects(g, "str value with text after its NUL", errno.ERANGE, "value does not fit type str64",
        CMD_TABLE_SET, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/t2"),
             nest(TABLE_A_DEFAULT_MISS, string(DEFACT_A_ACTION_NAME, "cb/typed"),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "s"), attr(PARAM_A_VALUE, b"ab\0c" + bytes(4))),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "k"), attr(PARAM_A_VALUE, b"\xab\xc0")),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "r"), attr(PARAM_A_VALUE, bytes(8))))))
rejects(g, "key12 value with its low 4 bits set", errno.ERANGE, "value does not fit type key12",
        CMD_TABLE_SET, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/t2"),
             nest(TABLE_A_DEFAULT_MISS, string(DEFACT_A_ACTION_NAME, "cb/typed"),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "s"), attr(PARAM_A_VALUE, bytes(8))),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "k"), attr(PARAM_A_VALUE, b"\xab\xc1")),
                  nest(DEFACT_A_PARAM, string(PARAM_A_NAME, "r"), attr(PARAM_A_VALUE, bytes(8))))))
t = table_attrs("cb/t2")
check("the refused updates left no default miss action and the hit action in place",
      TABLE_A_DEFAULT_MISS not in t and TABLE_A_DEFAULT_HIT in t)
ok_req("pipeline tmpl deleted", CMD_PIPELINE_DEL, pipe)
done("tables_raw.py")
