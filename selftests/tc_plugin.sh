#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Debian's stock tc with iproute2-ext/f_p4.so (TC_LIB_DIR) runs the
# simple_l3 pipeline (see simple_l3_topo.sh) from the upstream P4TC line:
# add on a block and on a device, show as text and JSON, real packets,
# replace, del; and it refuses what it must with an error, a non-zero exit
# and no filter left behind.
#
# Commands are slow under TCG: each filter's values come from one jq.
# The guest has no /dev/fd: no process substitution.

source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/simple_l3_topo.sh"

export TC_LIB_DIR=$TOP/iproute2-ext
PARSER=$SIMPLE_L3/simple_l3_parser.o
MAIN=$SIMPLE_L3/simple_l3_control_blocks.o
PING="ping -c 5 -i 0.2 -W 1"
tmp=$(mktemp -d)

# Everything that loads BPF runs through in_sw: nsenter keeps our bpffs.
tc_sw() { in_sw tc "$@"; }

# tc_l3 VERB ARGS...: the upstream line, "tc filter VERB ARGS p4 pname
# simple_l3" and the parser and main programs.
tc_l3()
{
	local verb=$1

	shift
	tc_sw filter "$verb" "$@" p4 pname simple_l3 \
		action bpf obj "$PARSER" section p4tc/parse \
		action bpf obj "$MAIN" section p4tc/main
}

# nfilters HOOK...: "p4" filters at the hook; their chain heads have no handle.
nfilters() { tc_sw filter show "$@" | grep -c ' handle '; }

# filter_json HOOK...: the one filter at the hook, every chain, as JSON.
filter_json() { tc_sw -j filter show "$@" | jq -c '[.[] | select(.options)][0]'; }

# prog_ok ID TAG NAME FILE SECTION: program ID is loaded, SCHED_CLS, with
# that tag, and NAME is the one f_p4.so gives it.
prog_ok()
{
	[ "$3" = "$4:[$5]" ] &&
		bpftool prog show id "$1" | grep -qE "^$1: sched_cls .* tag $2( |$)"
}

# bss_fields PROG_ID: the p4tc_filter_fields in the program's .bss.
bss_fields()
{
	local map

	map=$(bpftool prog show id "$1" | sed -n 's/.*map_ids \([0-9,]*\).*/\1/p')
	for map in ${map//,/ }; do
		bpftool map show id "$map" | grep -q ' name [^ ]*\.bss ' || continue
		bpftool -j map dump id "$map" |
			jq -c '.[0].formatted.value[".bss"][] | .p4tc_filter_fields // empty'
	done
}

# reject DESC PATTERN ARGS...: tc filter add ARGS fails, prints nothing on
# stdout and ends with one "Error:" line matching PATTERN (libbpf's log may
# come first), and block 21 keeps no filter.
reject()
{
	local desc=$1 pattern=$2 out rc

	shift 2
	out=$(tc_sw filter add "$@" 2>"$tmp/err") && rc=0 || rc=$?
	if [ "$rc" -eq 0 ] || [ -n "$out" ]; then
		not_ok "$desc" "exit $rc: $out"
	elif [ "$(grep -c '^Error: ' "$tmp/err")" -ne 1 ] ||
	     ! tail -1 "$tmp/err" | grep -qE "^Error: .*($pattern)"; then
		not_ok "$desc" "stderr does not end with 'Error: ...$pattern': $(cat "$tmp/err")"
	else
		ok "$desc: $(tail -1 "$tmp/err")"
	fi
	check "$desc: no filter left" test -z "$(tc_sw filter show block 21)"
}

cleanup()
{
	topo_destroy
	rm -rf "$tmp"
}

trap cleanup EXIT
load_module
topo_create

# f_p4.so is linked to bind every symbol when tc loads it: its usage
# shows only if all that it needs from tc and its libraries is there.
check "tc loads f_p4.so from TC_LIB_DIR" grep -q '^Usage: \.\.\. p4 pname PIPE' \
	<<<"$(tc filter add dev lo ingress p4 help 2>&1)"

run_ok "simple_l3 pipeline created and sealed" topo_pipeline
run_ok "unsealed pipeline created" in_sw "$P4TC" p4template create pipeline/unsealed numtables 1
pipeid=$(in_sw "$P4TC" -j p4template get pipeline/simple_l3 | jq -r '.[0].pipeid')

reject "unknown pipeline" "pipeline nosuch not found" \
	block 21 ingress protocol all prio 10 p4 pname nosuch \
	action bpf obj "$MAIN" section p4tc/main
reject "unsealed pipeline" "pipeline unsealed must be sealed" \
	block 21 ingress protocol all prio 10 p4 pname unsealed \
	action bpf obj "$MAIN" section p4tc/main
reject "missing object file" "$tmp/none.o: cannot open BPF object" \
	block 21 ingress protocol all prio 10 p4 pname simple_l3 \
	action bpf obj "$PARSER" section p4tc/parse \
	action bpf obj "$tmp/none.o" section p4tc/main
reject "missing section" "no program in section p4tc/nosuch" \
	block 21 ingress protocol all prio 10 p4 pname simple_l3 \
	action bpf obj "$MAIN" section p4tc/nosuch
reject "three programs" "at most two programs" \
	block 21 ingress protocol all prio 10 p4 pname simple_l3 \
	action bpf obj "$PARSER" section p4tc/parse \
	action bpf obj "$PARSER" section p4tc/parse \
	action bpf obj "$MAIN" section p4tc/main

# A main program that reads the packet without a bounds check.
cat >"$tmp/bad.c" <<'EOF'
#include <linux/bpf.h>

__attribute__((section("p4tc/main"), used))
int bad(struct __sk_buff *skb)
{
	return *(int *)(long)skb->data;
}

char _license[] __attribute__((section("license"), used)) = "GPL";
EOF
clang -O2 -g -target bpf -idirafter /usr/include/x86_64-linux-gnu \
	-c "$tmp/bad.c" -o "$tmp/bad.o"
out=$(tc_sw filter add block 21 ingress protocol all prio 10 p4 pname simple_l3 \
	action bpf obj "$tmp/bad.o" section p4tc/main 2>&1) && rc=0 || rc=$?
check "verifier rejection: tc fails" test "$rc" -ne 0
check "verifier rejection: the verifier's log is shown" \
	grep -q 'invalid access to packet' <<<"$out"
check "verifier rejection: then one Error line names the section" \
	test "$(grep '^Error: ' <<<"$out")" = \
	"Error: $tmp/bad.o: loading section p4tc/main failed: Permission denied"
check "verifier rejection: no filter left" test -z "$(tc_sw filter show block 21)"

# The block form, exactly as upstream P4TC writes it.
run_ok "tc filter add block 21 ingress ... p4 pname simple_l3 (parser and main)" \
	tc_l3 add block 21 ingress protocol all prio 10
check "one filter on block 21" test "$(nfilters block 21)" = 1
read -r pname pid handle p_id p_tag p_name m_id m_tag m_name <<<"$(filter_json block 21 |
	jq -r '.options | [.pname, .pipeid, .handle, (.parser, .main | .id, .tag, .name)] | @tsv')"
check "JSON: pname simple_l3, pipeid $pipeid, handle 1" \
	test "$pname $pid $handle" = "simple_l3 $pipeid 1"
check "JSON: the parser's id, tag and name are the loaded program's" \
	prog_ok "$p_id" "$p_tag" "$p_name" simple_l3_parser.o p4tc/parse
check "JSON: the main program's id, tag and name are the loaded program's" \
	prog_ok "$m_id" "$m_tag" "$m_name" simple_l3_control_blocks.o p4tc/main
text=$(tc_sw filter show block 21)
check "text: pname and pipeid" \
	grep -qE "p4 chain 0 handle 0x1 pname simple_l3 pipeid $pipeid $" <<<"$text"
check "text: the parser's id, tag and name" \
	grep -qxF "  parser id $p_id tag $p_tag name $p_name " <<<"$text"
check "text: the main program's id, tag and name" \
	grep -qxF "  main id $m_id tag $m_tag name $m_name " <<<"$text"
check "p4tc filter show sees the same programs" test \
	"$(in_sw "$P4TC" -j filter show block 21 | jq -r '.[0].options | "\(.parser.id) \(.main.id)"')" = \
	"$p_id $m_id"
# The parser does not read its p4tc_filter_fields, so no .bss is bound to
# it. proto is the be16 ETH_P_ALL (0x0003) as a little-endian u16; handle
# 0 is what tc gave: the kernel then picks 1.
check "the main program's p4tc_filter_fields: pipeid, block 21, prio 10, protocol all" \
	test "$(bss_fields "$m_id")" = \
	"{\"pipeid\":$pipeid,\"handle\":0,\"classid\":0,\"chain\":0,\"blockid\":21,\"proto\":768,\"prio\":10}"

out=$(tc_sw filter add block 21 ingress protocol all prio 10 p4 pname simple_l3 \
	action bpf obj "$MAIN" section p4tc/main 2>&1) && rc=0 || rc=$?
check "a second filter at prio 10 is refused by the kernel" \
	test "$rc" -ne 0 -a "$(nfilters block 21)" = 1
check "with its message" grep -q '^Error: p4tc: a p4 filter exists at this priority' <<<"$out"

if ip netns exec $H1 $PING 10.0.2.1 >/dev/null 2>&1; then
	not_ok "no entry: ping h1 -> h2 fails"
else
	ok "no entry: ping h1 -> h2 fails"
fi
run_ok "entry 10.0.2.1 -> p2 created" route_add 10.0.2.1 p2 $H2
run_ok "entry 10.0.1.1 -> p1 created" route_add 10.0.1.1 p1 $H1
hit0=$(stat_sum hit)
check "entries: ping h1 -> h2 gets 5 of 5 replies" \
	grep -q ' 5 received' <<<"$(ip netns exec $H1 $PING 10.0.2.1 2>&1)"
check "entries: 10 hits counted in the map the programs pinned by name" \
	test "$(stat_sum hit)" -eq $((hit0 + 10))

run_ok "tc filter replace block 21 ingress ... prio 10 handle 1" \
	tc_l3 replace block 21 ingress protocol all prio 10 handle 1
check "replace: still one filter" test "$(nfilters block 21)" = 1
read -r p_id2 p_tag p_name m_id2 m_tag m_name <<<"$(filter_json block 21 |
	jq -r '.options | [(.parser, .main | .id, .tag, .name)] | @tsv')"
check "replace: new parser and main programs ($p_id $m_id -> $p_id2 $m_id2)" \
	test "$p_id2" != "$p_id" -a "$m_id2" != "$m_id"
check "replace: the new parser's id, tag and name" \
	prog_ok "$p_id2" "$p_tag" "$p_name" simple_l3_parser.o p4tc/parse
check "replace: the new main program's id, tag and name" \
	prog_ok "$m_id2" "$m_tag" "$m_name" simple_l3_control_blocks.o p4tc/main
check "replace: ping h1 -> h2 still gets 5 of 5 replies" \
	grep -q ' 5 received' <<<"$(ip netns exec $H1 $PING 10.0.2.1 2>&1)"

# The device form, with one program: the main one. What tc puts in the
# request reaches the program.
modprobe dummy
in_sw ip link add d0 type dummy
in_sw ip link set d0 up
in_sw tc qdisc add dev d0 clsact
run_ok "tc filter add dev d0 ingress protocol ip prio 7 handle 5 chain 3 ... classid 1:1" \
	tc_sw filter add dev d0 ingress protocol ip prio 7 handle 5 chain 3 \
	p4 pname simple_l3 classid 1:1 action bpf obj "$MAIN" section p4tc/main
# Every chain: tc omits from each filter what its command line fixed.
read -r pref chain handle pname pid classid parser m_id m_tag m_name <<<"$(filter_json dev d0 ingress |
	jq -r '[.pref, .chain] + (.options | [.handle, .pname, .pipeid, .classid, has("parser"),
		.main.id, .main.tag, .main.name]) | @tsv')"
check "dev d0: JSON pref, chain, handle, pname, pipeid, classid" \
	test "$pref $chain $handle $pname $pid $classid" = "7 3 5 simple_l3 $pipeid 1:1"
check "dev d0: no parser" test "$parser" = false
check "dev d0: the main program's id, tag and name" \
	prog_ok "$m_id" "$m_tag" "$m_name" simple_l3_control_blocks.o p4tc/main
check "dev d0: text shows the classid" \
	grep -q "handle 0x5 pname simple_l3 pipeid $pipeid classid 1:1 " \
	<<<"$(tc_sw filter show dev d0 ingress chain 3)"
# proto: the be16 ETH_P_IP (0x0800).
check "dev d0: the program's p4tc_filter_fields" test "$(bss_fields "$m_id")" = \
	"{\"pipeid\":$pipeid,\"handle\":5,\"classid\":65537,\"chain\":3,\"blockid\":0,\"proto\":8,\"prio\":7}"

# p4tc is a drop-in for tc: tc's objects, filters of other kinds and
# actions of tc's kinds go to the system's tc, with the global options and,
# when TC_LIB_DIR is not set, the tree's plugin directory.
p4tc_as_tc() { in_sw env -u TC_LIB_DIR "$P4TC" "$@"; }
modprobe -a cls_matchall act_gact
in_sw ip link add d1 type dummy
run_ok "p4tc qdisc add dev d1 clsact: tc's" p4tc_as_tc qdisc add dev d1 clsact
check "p4tc -j qdisc show dev d1: tc's JSON" \
	test "$(p4tc_as_tc -j qdisc show dev d1 | jq -r '.[] | select(.kind == "clsact") | .kind')" = clsact
run_ok "p4tc filter add dev d1 ingress ... matchall action drop: tc's" \
	p4tc_as_tc filter add dev d1 ingress protocol all prio 3 matchall action drop
check "the matchall filter is there for tc" grep -q "matchall" <<<"$(tc_sw filter show dev d1 ingress)"
check "p4tc -s actions ls action gact: tc's, with the drop" \
	grep -q "action order 0: gact action drop" <<<"$(p4tc_as_tc -s actions ls action gact)"
run_ok "p4tc filter add dev d1 egress ... p4 pname simple_l3 (the upstream line): p4tc's" \
	p4tc_as_tc filter add dev d1 egress protocol all prio 4 p4 pname simple_l3 \
	action bpf obj "$MAIN" section p4tc/main
check "p4tc filter show dev d1 egress shows it" \
	grep -q "pname simple_l3" <<<"$(p4tc_as_tc filter show dev d1 egress)"
run_ok "p4tc filter del dev d1 ingress prio 3 (no kind): tc's" \
	p4tc_as_tc filter del dev d1 ingress prio 3
check "the matchall filter is gone" test -z "$(tc_sw filter show dev d1 ingress)"
run_ok "p4tc filter del dev d1 egress prio 4 p4: p4tc's" p4tc_as_tc filter del dev d1 egress prio 4 p4
check "the p4 filter is gone" test -z "$(tc_sw filter show dev d1 egress)"
check "p4tc qdisc add of an unknown device fails as tc does" \
	grep -q '^Cannot find device "nosuch0"' <<<"$(p4tc_as_tc qdisc add dev nosuch0 clsact 2>&1 &&
						     echo succeeded)"
in_sw ip link del d1

run_err "pipeline in use by the filters cannot be deleted" "in use" \
	in_sw "$P4TC" p4template del pipeline/simple_l3
run_ok "tc filter del dev d0 ingress prio 7 handle 5 chain 3 p4" \
	tc_sw filter del dev d0 ingress prio 7 handle 5 chain 3 p4
check "dev d0: no filter left" test -z "$(tc_sw filter show dev d0 ingress)"
run_ok "tc filter del block 21 ingress prio 10" tc_sw filter del block 21 ingress prio 10
check "block 21: no filter left" test -z "$(tc_sw filter show block 21)"
run_ok "pipeline deleted once the filters are gone" \
	in_sw "$P4TC" p4template del pipeline/simple_l3

tap_done
