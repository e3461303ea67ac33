#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# End to end: l3_policer (simple_l3 with PNA externs) in the simple_l3
# topology. Real pings through the switch; asserted: what arrives, the
# table's direct counter (each packet once), the per-port counter, the
# policer's drops, and the digests of misses.

source "$(dirname "$0")/lib.sh"
TOPO_PROG=l3_policer
source "$(dirname "$0")/simple_l3_topo.sh"

PING="ping -c 5 -i 0.2 -W 1"
P=l3_policer

# ext PATH INDEX PARAM: a param of an extern element.
ext() { in_sw "$P4TC" -j p4ctrl get "$P/extern/$1" tc_key index "$2" |
	jq -r ".[1].externs[0].params[] | select(.name == \"$3\") | .value"; }
# entry_pkts DST: packets the entry of DST counted.
entry_pkts() { in_sw "$P4TC" -j p4ctrl get $P/table/ingress/nh_table dstAddr "$1" |
	       jq '.[1].entries[0].counters.packets'; }

trap topo_destroy EXIT
load_module
topo_create
run_ok "l3_policer created from its template (externs, direct counter) and attached" topo_attach
p1=$(ip -n $SW -j link show p1 | jq '.[0].ifindex')

DG=$(mktemp)
in_sw "$P4TC" -j mon p4 digest pipeline $P count 1 timeout 20 >"$DG" &
mon=$!
sleep 1
# Three misses: the monitor may subscribe after the first.
if ip netns exec $H1 ping -c 3 -i 0.5 -W 1 10.0.2.1 >/dev/null 2>&1; then
	not_ok "no entry: ping h1 -> h2 fails"
else
	ok "no entry: ping h1 -> h2 fails"
fi
wait $mon
check "the miss sent a digest: destination 10.0.2.1, ingress port p1" \
	test "$(jq -r '"\(.ext_id) \(.inst_id) \(.data[0:18])"' "$DG")" = \
	"$((0x1D000000)) 1 0x0a000201$(printf '%02x%02x%02x%02x' $((p1 & 255)) $((p1 >> 8 & 255)) 0 0)"
rm -f "$DG"

run_ok "entry 10.0.2.1 -> p2 created" route_add 10.0.2.1 p2 $H2
run_ok "entry 10.0.1.1 -> p1 created" route_add 10.0.1.1 p1 $H1
port0=$(ext Counter/ingress.port_counter $((p1 & 63)) pkts)
out=$(ip netns exec $H1 $PING 10.0.2.1 2>&1)
check "meter not configured: ping h1 -> h2 gets 5 of 5 replies" grep -q ' 5 received' <<<"$out"
check "the direct counter counted each request once: 5" test "$(entry_pkts 10.0.2.1)" = 5
check "and each reply once: 5" test "$(entry_pkts 10.0.1.1)" = 5
check "port p1's counter counted the 5 requests, 98 bytes each" \
	test "$(($(ext Counter/ingress.port_counter $((p1 & 63)) pkts) - port0)) $(ext Counter/ingress.port_counter $((p1 & 63)) bytes)" \
	= "5 $(((port0 + 5) * 98))"

# Rates 0: three tokens in all, shared by requests and replies.
run_ok "policer set to bursts of 3 packets, no refill" \
	in_sw "$P4TC" p4ctrl update $P/extern/Meter/ingress.policer tc_key index 0 \
	param cir 0 param cbs 3 param pir 0 param pbs 3
out=$(ip netns exec $H1 $PING 10.0.2.1 2>&1)
check "policed: request, reply, request pass, then red: 1 of 5 replies" \
	grep -q ' 1 received' <<<"$out"
check "the direct counter saw the 2 requests that passed the policer" \
	test "$(entry_pkts 10.0.2.1)" = 7
run_ok "policer unconfigured again (all 0)" \
	in_sw "$P4TC" p4ctrl update $P/extern/Meter/ingress.policer tc_key index 0 \
	param cbs 0 param pbs 0
out=$(ip netns exec $H1 $PING 10.0.2.1 2>&1)
check "unpoliced: 5 of 5 replies again" grep -q ' 5 received' <<<"$out"

run_err "the extern instances of a sealed pipeline cannot be deleted" "sealed" \
	in_sw "$P4TC" p4template del extern_inst/$P/DirectCounter/ingress.nh_counter
run_ok "filter deleted" in_sw "$P4TC" filter del block 21 ingress prio 10
run_ok "pipeline deleted" in_sw "$P4TC" p4template del pipeline/$P
run_ok "its extern kinds can go then" \
	in_sw "$P4TC" p4template del extern/root/DirectCounter

tap_done
