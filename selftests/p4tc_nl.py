# SPDX-License-Identifier: GPL-2.0
#
# Generic netlink over a raw socket, independent of libp4tc, for the
# selftests that build p4tc requests by hand (nl_raw.py, tables_raw.py),
# and their TAP output.

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
                if mtype not in (NLMSG_DONE, NLMSG_ERROR):
                    replies.append(msg)
                    continue
                err = -struct.unpack("i", msg[:4])[0]
                text = ""
                if mflags & NLM_F_ACK_TLVS:
                    if mtype == NLMSG_DONE:
                        tlvs = self.attrs(msg[4:])
                    else:
                        # With NETLINK_CAP_ACK unset the request is echoed.
                        olen = struct.unpack("I", msg[4:8])[0]
                        tlvs = self.attrs(msg[4 + olen:] if olen >= 16 else msg[20:])
                    text = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
                if mtype == NLMSG_DONE:
                    return err, text, replies
                if err or not flags & NLM_F_DUMP:
                    return err, text, replies

    def p4tc(self, cmd, *attrs, flags=0):
        return self.request(self.family, cmd, b"".join(attrs), flags)


tap = {"n": 0, "failed": 0}


def check(desc, ok, detail=""):
    tap["n"] += 1
    if not ok:
        tap["failed"] += 1
    print(("ok" if ok else "not ok") + f" {tap['n']} - {desc}")
    if not ok and detail:
        print(f"#   {detail}")


def rejects(g, desc, want_errno, want_msg, cmd, *attrs):
    err, msg, _ = g.p4tc(cmd, *attrs)
    check(f"{desc}: {errno.errorcode.get(want_errno)} \"{want_msg}\"",
          err == want_errno and want_msg in msg,
          f"got errno {err} message \"{msg}\"")




def done(name):
    n, failed = tap["n"], tap["failed"]
    print(f"# {name}: {n - failed} of {n} passed")
    sys.exit(1 if failed else 0)
