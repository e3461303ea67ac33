#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Requests the p4tc CLI never sends: the kernel must reject each one with an
# errno and an extack message, and change nothing. Speaks generic netlink
# over a raw socket, independent of libp4tc. Prints TAP lines.

import errno
import socket
import struct
import sys

NETLINK_GENERIC = 16
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 0x1, 0x4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_ACK_TLVS = 0x200
NLMSGERR_ATTR_MSG = 1
NETLINK_EXT_ACK = 11
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2
NLA_F_NESTED = 0x8000

# include/uapi/linux/p4tc.h
CMD_PIPELINE_NEW, CMD_PIPELINE_SET, CMD_PIPELINE_GET = 1, 2, 3
CMD_ACTION_NEW, CMD_TABLE_NEW, CMD_ENTRY_NEW = 5, 9, 13
A_PIPELINE, A_ACTION, A_TABLE, A_ENTRY = 1, 2, 3, 4
PIPELINE_A_ID, PIPELINE_A_NAME, PIPELINE_A_NUMTABLES, PIPELINE_A_STATE = 1, 2, 3, 4
PIPELINE_A_CURTABLES = 5
PIPELINE_STATE_READY = 2
PARAM_A_NAME, PARAM_A_TYPE, PARAM_A_BITSZ, PARAM_A_VALUE = 2, 3, 4, 6
ACTION_A_NAME, ACTION_A_PARAM, ACTION_A_ACTIVE = 2, 3, 4
TABLE_A_NAME, TABLE_A_KEYSZ, TABLE_A_KEYFIELD = 2, 4, 8
KEYFIELD_A_NAME, KEYFIELD_A_TYPE = 2, 3
ENTRY_A_TABLE_NAME, ENTRY_A_KEY, ENTRY_A_ACTION_NAME, ENTRY_A_PARAM = 2, 3, 5, 6
T_BIT = 1


def attr(atype, payload):
    data = struct.pack("HH", 4 + len(payload), atype) + payload
    return data + b"\0" * (-len(data) % 4)


def nest(atype, *attrs):
    return attr(atype | NLA_F_NESTED, b"".join(attrs))


def string(atype, s):
    return attr(atype, s.encode() + b"\0")


def u32(atype, v):
    return attr(atype, struct.pack("I", v))


def u16(atype, v):
    return attr(atype, struct.pack("H", v))


def u8(atype, v):
    return attr(atype, struct.pack("B", v))


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.sock.setsockopt(270, NETLINK_EXT_ACK, 1)
        self.seq = 0
        err, _, replies = self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                                       string(CTRL_ATTR_FAMILY_NAME, "p4tc"))
        if err:
            sys.exit("p4tc family not found")
        self.family = self.attrs(replies[0][4:])[CTRL_ATTR_FAMILY_ID][:2]
        self.family = struct.unpack("H", self.family)[0]

    @staticmethod
    def attrs(data):
        out = {}
        while len(data) >= 4:
            alen, atype = struct.unpack("HH", data[:4])
            out[atype & 0x3fff] = data[4:alen]
            data = data[(alen + 3) & ~3:]
        return out

    def request(self, family, cmd, payload, flags=0):
        """Returns (errno, extack message, [genl payloads])."""
        self.seq += 1
        body = struct.pack("BBH", cmd, 1, 0) + payload
        hdr = struct.pack("IHHII", 16 + len(body), family,
                          NLM_F_REQUEST | NLM_F_ACK | flags, self.seq, 0)
        self.sock.send(hdr + body)
        replies = []
        while True:
            data = self.sock.recv(65536)
            while data:
                mlen, mtype, mflags, _, _ = struct.unpack("IHHII", data[:16])
                msg = data[16:mlen]
                data = data[(mlen + 3) & ~3:]
                if mtype == NLMSG_DONE:
                    return 0, "", replies
                if mtype != NLMSG_ERROR:
                    replies.append(msg)
                    continue
                err = -struct.unpack("i", msg[:4])[0]
                text = ""
                if mflags & NLM_F_ACK_TLVS:
                    olen = struct.unpack("I", msg[4:8])[0]
                    # With NETLINK_CAP_ACK unset the request is echoed back.
                    tlvs = self.attrs(msg[4 + olen:] if olen >= 16 else msg[20:])
                    text = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
                if err or not flags & NLM_F_DUMP:
                    return err, text, replies

    def p4tc(self, cmd, *attrs, flags=0):
        return self.request(self.family, cmd, b"".join(attrs), flags)


n = 0
failed = 0


def check(desc, ok, detail=""):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok" if ok else "not ok") + f" {n} - {desc}")
    if not ok and detail:
        print(f"#   {detail}")


def rejects(desc, want_errno, want_msg, cmd, *attrs):
    err, msg, _ = g.p4tc(cmd, *attrs)
    check(f"{desc}: {errno.errorcode.get(want_errno)} \"{want_msg}\"",
          err == want_errno and want_msg in msg,
          f"got errno {err} message \"{msg}\"")


def npipelines():
    _, _, replies = g.p4tc(CMD_PIPELINE_GET, flags=NLM_F_DUMP)
    return len(replies)


g = Genl()
pipe = nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"))

rejects("pipeline create without its nest", errno.EINVAL,
        "missing pipeline attributes", CMD_PIPELINE_NEW)
rejects("pipeline create with an action nest", errno.EINVAL,
        "Unsupported attribute", CMD_PIPELINE_NEW, pipe, nest(A_ACTION))
rejects("pipeline create with a reply-only attribute", errno.EINVAL,
        "attribute is reply only", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"), u16(PIPELINE_A_CURTABLES, 1)))
rejects("pipeline create without a name", errno.EINVAL,
        "missing pipeline name", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, u16(PIPELINE_A_NUMTABLES, 1)))
rejects("pipeline name of 32 characters", errno.EINVAL,
        "pipeline name must have 1 to 31 characters", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "x" * 32)))
rejects("pipeline name with a space", errno.EINVAL,
        "pipeline name may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "a b")))
rejects("pipeline name with a slash", errno.EINVAL,
        "pipeline name may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "a/b")))
rejects("pipeline name that is not ASCII", errno.EINVAL,
        "pipeline name may only have letters, digits, _ . -", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, attr(PIPELINE_A_NAME, b"\xff\x00")))
rejects("pipeline created sealed", errno.EINVAL,
        "seal it with an update", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"),
             u8(PIPELINE_A_STATE, PIPELINE_STATE_READY)))
rejects("pipeline id 0", errno.EINVAL, "pipeid must not be 0", CMD_PIPELINE_NEW,
        nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"), u32(PIPELINE_A_ID, 0)))
check("no pipeline was created", npipelines() == 0)

err, _, _ = g.p4tc(CMD_PIPELINE_NEW, nest(A_PIPELINE, string(PIPELINE_A_NAME, "raw"),
                                          u16(PIPELINE_A_NUMTABLES, 1)))
check("pipeline raw created", err == 0)
rejects("key field without a width", errno.EINVAL,
        "type bit needs a width", CMD_TABLE_NEW, pipe,
        nest(A_TABLE, string(TABLE_A_NAME, "cb/t"), u32(TABLE_A_KEYSZ, 8),
             nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k"), u32(KEYFIELD_A_TYPE, T_BIT))))
rejects("key field of an unknown type", errno.EINVAL, "unknown type 99", CMD_TABLE_NEW,
        pipe, nest(A_TABLE, string(TABLE_A_NAME, "cb/t"), u32(TABLE_A_KEYSZ, 8),
                   nest(TABLE_A_KEYFIELD, string(KEYFIELD_A_NAME, "k"), u32(KEYFIELD_A_TYPE, 99))))
rejects("table name with a quote", errno.EINVAL,
        "table name may only have letters, digits, _ . - and /", CMD_TABLE_NEW, pipe,
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
rejects("entry key of 3 bytes for keysz 32", errno.EINVAL,
        "key has 3 bytes, keysz 32 needs 4", CMD_ENTRY_NEW, pipe,
        nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t"), attr(ENTRY_A_KEY, b"abc")))
rejects("entry without a key", errno.EINVAL, "missing entry key", CMD_ENTRY_NEW, pipe,
        nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t")))
rejects("entry without a table", errno.EINVAL, "missing table name or id",
        CMD_ENTRY_NEW, pipe, nest(A_ENTRY, attr(ENTRY_A_KEY, b"abcd")))


def entry(*params):
    return nest(A_ENTRY, string(ENTRY_A_TABLE_NAME, "cb/t"), attr(ENTRY_A_KEY, b"abcd"),
                string(ENTRY_A_ACTION_NAME, "cb/a"),
                *(nest(ENTRY_A_PARAM, string(PARAM_A_NAME, "p"), attr(PARAM_A_VALUE, v))
                  for v in params))


rejects("entry without its action's param", errno.EINVAL, "action cb/a: missing param p",
        CMD_ENTRY_NEW, pipe, entry())
rejects("entry param given twice", errno.EINVAL, "param p given twice",
        CMD_ENTRY_NEW, pipe, entry(b"\x01", b"\x01"))
rejects("entry param of 2 bytes for a bit4", errno.EINVAL,
        "value has 2 bytes, type bit4 takes 1", CMD_ENTRY_NEW, pipe, entry(b"\x01\x00"))
rejects("entry param 0xff for a bit4", errno.ERANGE, "value does not fit type bit4",
        CMD_ENTRY_NEW, pipe, entry(b"\xff"))
err, _, _ = g.p4tc(CMD_ENTRY_NEW, pipe, entry(b"\x0f"))
check("entry with param 0xf for a bit4 created", err == 0)

print(f"# nl_raw.py: {n - failed} of {n} passed")
sys.exit(1 if failed else 0)
