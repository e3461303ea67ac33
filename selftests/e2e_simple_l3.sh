#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# End to end: real packets cross the simple_l3 switch (see simple_l3_topo.sh)
# only while its nh_table holds their destination. Hits, misses and the
# packets that arrive are counted, not assumed.

source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/simple_l3_topo.sh"

PING="ping -c 5 -i 0.2 -W 1"

trap topo_destroy EXIT
load_module
topo_create
run_ok "pipeline created from simple_l3.template and programs attached" topo_attach

hit0=$(stat_sum hit)
miss0=$(stat_sum miss)
rx0=$(echo_requests $H2)
if ip netns exec $H1 $PING 10.0.2.1 >/dev/null 2>&1; then
	not_ok "no entry: ping h1 -> h2 fails"
else
	ok "no entry: ping h1 -> h2 fails"
fi
check "no entry: misses counted ($(stat_sum miss) > $miss0), no hit" \
	test "$(stat_sum miss)" -ge $((miss0 + 5)) -a "$(stat_sum hit)" -eq "$hit0"
check "no entry: no echo request reached h2" test "$(echo_requests $H2)" -eq "$rx0"

run_ok "entry 10.0.2.1 -> p2 created" route_add 10.0.2.1 p2 $H2
run_ok "entry 10.0.1.1 -> p1 created" route_add 10.0.1.1 p1 $H1

hit0=$(stat_sum hit)
rx0=$(echo_requests $H2)
out=$(ip netns exec $H1 $PING 10.0.2.1 2>&1)
check "entries: ping h1 -> h2 gets 5 of 5 replies" grep -q ' 5 received' <<<"$out"
check "entries: 10 hits counted (5 requests, 5 replies)" \
	test "$(stat_sum hit)" -eq $((hit0 + 10))
check "entries: h2 received exactly the 5 echo requests" test "$(echo_requests $H2)" -eq $((rx0 + 5))

json=$(in_sw "$P4TC" -j p4ctrl get simple_l3/table/ingress/nh_table dstAddr 10.0.2.1)
check "p4ctrl get shows the entry's key and action" \
	test "$(jq -r '.[1].entries[0].key[0].fieldval + " " + .[1].entries[0].actions.actname' <<<"$json" 2>/dev/null)" \
	= "10.0.2.1 ingress/send_nh"
json=$(in_sw "$P4TC" -j p4ctrl get simple_l3/table/ingress/nh_table)
check "p4ctrl get dumps both entries" test "$(jq '.[1].entries | length' <<<"$json" 2>/dev/null)" = 2

run_ok "entry 10.0.2.1 deleted" \
	in_sw "$P4TC" p4ctrl delete simple_l3/table/ingress/nh_table dstAddr 10.0.2.1
miss0=$(stat_sum miss)
rx0=$(echo_requests $H2)
if ip netns exec $H1 $PING 10.0.2.1 >/dev/null 2>&1; then
	not_ok "entry deleted: ping h1 -> h2 fails again"
else
	ok "entry deleted: ping h1 -> h2 fails again"
fi
check "entry deleted: misses counted again" test "$(stat_sum miss)" -ge $((miss0 + 5))
check "entry deleted: no echo request reached h2" test "$(echo_requests $H2)" -eq "$rx0"

run_err "pipeline in use by the filter cannot be deleted" "in use" \
	in_sw "$P4TC" p4template del pipeline/simple_l3
run_ok "filter deleted" in_sw "$P4TC" filter del block 21 ingress prio 10
run_ok "pipeline deleted once the filter is gone" \
	in_sw "$P4TC" p4template del pipeline/simple_l3
# The namespace goes away (on exit) with a filter still holding its pipeline.
run_ok "pipeline re-created and re-attached" topo_attach

tap_done
