#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench, in the guest: an exact table of 1M entries (13-byte keys, 16
# bytes of params) against a BPF hash map, for insertion and lookups
# (tbl_bench.c), in a namespace of its own.

source "$(dirname "$0")/../../selftests/lib.sh"

NS=p4bench-$$
BENCH=$TOP/bpf/bench
p4() { ip netns exec $NS "$P4TC" "$@"; }

trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS
ip -n $NS link set lo up
p4 p4template create pipeline/bench numtables 1 &&
p4 p4template create action/bench/cb/set actid 1 param p type bit128 &&
p4 p4template update action/bench/cb/set state active &&
p4 p4template create table/bench/cb/t tblid 1 keysz 104 tentries 1100000 &&
p4 p4template update pipeline/bench state ready || exit 1
pipeid=$(p4 -j p4template get pipeline/bench | jq -r '.[0].pipeid')
ip netns exec $NS "$BENCH/tbl_bench" "$BENCH/tbl_bench.bpf.o" bench "$pipeid" cb/t 1 1
