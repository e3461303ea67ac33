#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Control-plane rejections: each is one "Error: ..." line naming the object
# and attribute, a non-zero exit, and no change in the kernel.

source "$(dirname "$0")/lib.sh"

NS=p4ctrl-$$
p4() { ip netns exec $NS "$P4TC" "$@"; }
tables() { p4 -j p4template get pipeline/ptables | jq -r '.[0].curtables'; }
nentries() { p4 -j p4template get table/ptables/cb/t | jq -r '.[0].nentries'; }

trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS

run_ok "pipeline ptables created" p4 p4template create pipeline/ptables numtables 2
run_err "duplicate pipeline" "pipeline ptables already exists" \
	p4 p4template create pipeline/ptables
run_err "numtables above 32" "numtables 33" \
	p4 p4template create pipeline/big numtables 33
run_err "unknown pipeline" "pipeline nosuch not found" \
	p4 p4template get pipeline/nosuch
check "failed creates left one pipeline" \
	test "$(p4 -j p4template get pipeline/ | jq length)" = 1

run_ok "action send created" p4 p4template create action/ptables/cb/send actid 1 \
	param port type bit32 param dmac type macaddr
run_ok "action send activated" p4 p4template update action/ptables/cb/send state active
run_ok "action nop created inactive" p4 p4template create action/ptables/cb/nop actid 2

run_err "key size above 512 bits" "keysz 513" \
	p4 p4template create table/ptables/cb/big tblid 9 keysz 513
run_err "key fields that do not cover keysz" "keysz 40" \
	p4 p4template create table/ptables/cb/big tblid 9 keysz 40 key dstAddr type ipv4
run_err "table name without control block" "CONTROL_BLOCK/TABLE" \
	p4 p4template create table/ptables/t keysz 32
check "rejected tables were not created" test "$(tables)" = 0

run_ok "table cb/t created (2 entries max)" p4 p4template create table/ptables/cb/t \
	tblid 1 keysz 32 tentries 2 key dstAddr type ipv4
run_err "entry into an unsealed pipeline" "not sealed" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 action send param port 1 \
	param dmac 00:01:02:03:04:05
run_err "sealing before all tables exist" "cannot seal with 1 of its 2 tables" \
	p4 p4template update pipeline/ptables state ready
run_ok "numtables lowered to 1" p4 p4template update pipeline/ptables numtables 1
run_ok "pipeline sealed" p4 p4template update pipeline/ptables state ready
run_err "table change after seal" "sealed" \
	p4 p4template update table/ptables/cb/t tentries 10
run_err "action change after seal" "sealed" \
	p4 p4template create action/ptables/cb/other

run_err "entry in an unknown pipeline" "pipeline nosuch not found" \
	p4 p4ctrl create nosuch/table/cb/t dstAddr 10.0.0.1 action send param port 1 \
	param dmac 00:01:02:03:04:05
run_err "entry in an unknown table" "no table cb/nosuch" \
	p4 p4ctrl create ptables/table/cb/nosuch dstAddr 10.0.0.1
run_err "entry with an inactive action" "action cb/nop is not active" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 action nop
run_err "entry without a param of its action" "param dmac missing|missing param dmac" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 action send param port 1
run_err "entry with an unknown param" "no param bogus|bogus" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 action send param port 1 \
	param dmac 00:01:02:03:04:05 param bogus 1
check "rejected entries were not created" test "$(nentries)" = 0

run_ok "entry 10.0.0.1 created" p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 \
	action send param port 1 param dmac 00:01:02:03:04:05
run_err "duplicate entry" "exists" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.1 action send param port 2 \
	param dmac 00:01:02:03:04:05
run_ok "entry 10.0.0.2 created" p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.2 \
	action send param port 2 param dmac 00:01:02:03:04:06
run_err "entry over tentries" "full: tentries is 2" \
	p4 p4ctrl create ptables/table/cb/t dstAddr 10.0.0.3 action send param port 3 \
	param dmac 00:01:02:03:04:07
check "the table holds its 2 entries" test "$(nentries)" = 2
run_err "deleting a missing entry" "no entry with this key" \
	p4 p4ctrl delete ptables/table/cb/t dstAddr 10.0.0.3
run_ok "entry updated" p4 p4ctrl update ptables/table/cb/t dstAddr 10.0.0.1 \
	action send param port 7 param dmac 00:01:02:03:04:08
check "update changed the entry's params" test "$(p4 -j p4ctrl get ptables/table/cb/t \
	dstAddr 10.0.0.1 | jq -r '.[1].entries[0].actions.params[0].value')" = 7
run_ok "table flushed" p4 p4ctrl delete ptables/table/cb/t
check "the flushed table is empty" test "$(nentries)" = 0
run_ok "entry created after the flush" p4 p4ctrl create ptables/table/cb/t \
	dstAddr 10.0.0.3 action send param port 3 param dmac 00:01:02:03:04:07
run_err "changes need CAP_NET_ADMIN" "Operation not permitted|not permitted" \
	ip netns exec $NS setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$P4TC" p4ctrl delete ptables/table/cb/t
check "reading needs no privilege" test "$(ip netns exec $NS setpriv --reuid=65534 \
	--regid=65534 --clear-groups "$P4TC" -j p4ctrl get ptables/table/cb/t | jq '.[1].entries | length')" = 1
run_ok "pipeline with entries deleted" p4 p4template del pipeline/ptables
check "no pipeline left" test "$(p4 -j p4template get pipeline/ | jq length)" = 0

tap_done
