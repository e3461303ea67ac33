# SPDX-License-Identifier: GPL-2.0
#
# The simple_l3 topology, shared by the end-to-end test and the demo:
#
#   netns H1                 netns SW (block 21)                 netns H2
#   +-----------------+      +--------------------------+      +-----------------+
#   | eth0 10.0.1.1/24|------| p1   p4 filter    p2     |------| eth0 10.0.2.1/24|
#   | via 10.0.1.254  |      | pipeline simple_l3       |      | via 10.0.2.254  |
#   +-----------------+      +--------------------------+      +-----------------+
#
# The hosts route through the switch, whose MACs they know statically; the
# switch forwards only what its nh_table holds: dst IPv4 -> send_nh(port,
# dmac, smac). Programs with the same table and actions (l3_policer) use it
# too: set TOPO_PROG before sourcing. Source after lib.sh.

TOPO_PROG=${TOPO_PROG:-simple_l3}
PROG_DIR=$TOP/p4c-templates/$TOPO_PROG
SIMPLE_L3=$TOP/p4c-templates/simple_l3
H1=p4h1-$$
SW=p4sw-$$
H2=p4h2-$$
STATS=/sys/fs/bpf/tc/globals/simple_l3_stats

# Commands in the switch namespace keep this mount namespace (and so the
# bpffs where the programs pin their maps), unlike "ip netns exec".
in_sw()
{
	nsenter --net=/run/netns/$SW "$@"
}

mac_of()
{
	ip -n "$1" -j link show "$2" | jq -r '.[0].address'
}

# echo_requests NS: ICMP echo requests NS's stack received. (Not the
# device's packet count: the switch's own IPv6 chatter reaches the hosts.)
echo_requests()
{
	ip netns exec "$1" awk '$1 == "Icmp:" && !f { for (i = 1; i <= NF; i++) col[$i] = i; f = 1; next }
				$1 == "Icmp:" { print $col["InEchos"] }' /proc/net/snmp
}

# stat_sum hit|miss: the switch program's counter, summed over CPUs.
stat_sum()
{
	local key=0

	[ "$1" = miss ] && key=1
	bpftool -j map dump pinned $STATS |
		jq "[.[].formatted | select(.key == $key) | .values[].value] | add"
}

topo_create()
{
	modprobe veth
	modprobe sch_ingress
	ip netns add $H1
	ip netns add $SW
	ip netns add $H2
	ip -n $SW link add p1 type veth peer name eth0 netns $H1
	ip -n $SW link add p2 type veth peer name eth0 netns $H2
	ip -n $SW link set p1 up
	ip -n $SW link set p2 up
	ip -n $H1 link set eth0 up
	ip -n $H2 link set eth0 up
	ip -n $H1 addr add 10.0.1.1/24 dev eth0
	ip -n $H2 addr add 10.0.2.1/24 dev eth0
	ip -n $H1 neigh add 10.0.1.254 lladdr "$(mac_of $SW p1)" dev eth0
	ip -n $H2 neigh add 10.0.2.254 lladdr "$(mac_of $SW p2)" dev eth0
	ip -n $H1 route add default via 10.0.1.254
	ip -n $H2 route add default via 10.0.2.254
	in_sw tc qdisc add dev p1 ingress_block 21 clsact
	in_sw tc qdisc add dev p2 ingress_block 21 clsact
}

# p4tc ARGS... in the switch namespace; shown first if TOPO_SHOW is set.
p4tc_sw()
{
	[ -z "${TOPO_SHOW:-}" ] || echo "\$ p4tc $*" | sed "s|$TOP/||g"
	in_sw "$P4TC" "$@"
}

# Create the pipeline from its template (its commands shown if TOPO_SHOW).
topo_pipeline()
{
	local out rc

	out=$(in_sw env TC="$P4TC" "$PROG_DIR/$TOPO_PROG.template" 2>&1)
	rc=$?
	[ -z "${TOPO_SHOW:-}" ] || sed -n "s|^+ $P4TC |\$ p4tc |p" <<<"$out"
	return $rc
}

# Attach the pipeline's programs to block 21.
topo_filter()
{
	p4tc_sw filter add block 21 ingress protocol all prio 10 p4 pname $TOPO_PROG \
		action bpf obj "$PROG_DIR/${TOPO_PROG}_parser.o" section p4tc/parse \
		action bpf obj "$PROG_DIR/${TOPO_PROG}_control_blocks.o" section p4tc/main
}

topo_attach()
{
	topo_pipeline && topo_filter
}

# route_add DST_IP PORT HOST_NS: a nh_table entry that sends DST_IP out of
# the switch's PORT to HOST_NS's eth0.
route_add()
{
	p4tc_sw p4ctrl create $TOPO_PROG/table/ingress/nh_table dstAddr "$1" \
		action send_nh param port_id "$2" param dmac "$(mac_of "$3" eth0)" \
		param smac "$(mac_of $SW "$2")"
}

topo_destroy()
{
	ip netns del $H1 2>/dev/null
	ip netns del $H2 2>/dev/null
	ip netns del $SW 2>/dev/null
	rm -rf /sys/fs/bpf/tc/globals
	return 0
}
