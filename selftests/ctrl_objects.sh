#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Object lifetimes: pipelines are per network namespace and go away with
# it; dumps larger than one netlink message resume where they stopped; a
# filter holds its pipeline.

source "$(dirname "$0")/lib.sh"

NS1=p4obj1-$$
NS2=p4obj2-$$
BATCH=/tmp/p4obj-$$.batch
p4() { local ns=$1; shift; ip netns exec "$ns" "$P4TC" "$@"; }

cleanup()
{
	ip netns del $NS1 2>/dev/null
	ip netns del $NS2 2>/dev/null
	rm -f $BATCH
}
trap cleanup EXIT
load_module
ip netns add $NS1
ip netns add $NS2

p4 $NS1 p4template create pipeline/big numtables 1 &&
p4 $NS1 p4template create action/big/cb/fwd actid 1 param port type bit32 &&
p4 $NS1 p4template update action/big/cb/fwd state active &&
p4 $NS1 p4template create table/big/cb/t tblid 1 keysz 32 tentries 4096 key k type bit32 &&
p4 $NS1 p4template update pipeline/big state ready
run_ok "pipeline big sealed in $NS1" test $? -eq 0

check "$NS2 does not see the pipelines of $NS1" \
	test "$(p4 $NS2 -j p4template get pipeline/ | jq length)" = 0
run_ok "$NS2 can create its own pipeline named big" \
	p4 $NS2 p4template create pipeline/big numtables 0

for i in $(seq 1 3000); do
	echo "p4ctrl create big/table/cb/t k $i action fwd param port $((i % 7))"
done >$BATCH
run_ok "3000 entries created with -batch" p4 $NS1 -batch $BATCH
check "the table counts 3000 entries" \
	test "$(p4 $NS1 -j p4template get table/big/cb/t | jq '.[0].nentries')" = 3000
json=$(p4 $NS1 -j p4ctrl get big/table/cb/t)
check "a dump of 3000 entries (many messages) returns each once" \
	test "$(jq '[.[1].entries[].key[0].fieldval] | unique | length' <<<"$json")" = 3000
check "$NS2's pipeline big has no entries of $NS1's" \
	test "$(p4 $NS2 -j p4template get pipeline/big | jq '.[0].curtables')" = 0

run_ok "$NS1 deleted with its pipeline and 3000 entries" ip netns del $NS1
ip netns add $NS1
check "a new $NS1 starts without pipelines" \
	test "$(p4 $NS1 -j p4template get pipeline/ | jq length)" = 0

tap_done
