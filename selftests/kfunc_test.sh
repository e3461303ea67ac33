#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The table kfuncs: lookups and datapath writes from TC and XDP programs run
# with BPF_PROG_TEST_RUN against tables filled over netlink, and programs
# the verifier must reject, with its message.

source "$(dirname "$0")/lib.sh"

NS=p4kfunc-$$
BPF=$TOP/bpf/tests
OK=$BPF/kfunc_ok.bpf.o
FAIL=$BPF/kfunc_fail.bpf.o
p4() { ip netns exec $NS "$P4TC" "$@"; }
# kfunc_run PROG DST [TBLID]: the program's return value for a lookup of
# DST in table TBLID (1).
kfunc_run() { ip netns exec $NS "$BPF/kfunc_test" run "$OK" "$1" "$pipeid" "${3:-1}" "$2"; }

# expect_reject PROG PATTERN: the verifier rejects PROG saying PATTERN.
expect_reject()
{
	local log

	if ! log=$("$BPF/kfunc_test" reject "$FAIL" "$1" 2>&1); then
		not_ok "verifier rejects $1" "it loaded"
	elif ! grep -qE "$2" <<<"$log"; then
		not_ok "verifier rejects $1 with '$2'" "$(tail -3 <<<"$log")"
	else
		ok "verifier rejects $1 with '$2'"
	fi
}

trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS
ip -n $NS link set lo up

p4 p4template create pipeline/kf numtables 7 &&
p4 p4template create action/kf/cb/send actid 3 param port type bit16 &&
p4 p4template update action/kf/cb/send state active &&
p4 actions add action kf/cb/send param port 0xa0a index 1 &&
p4 actions add action kf/cb/send param port 0xb0b index 2 &&
p4 p4template create table/kf/cb/inst tblid 5 keysz 32 key dstAddr type ipv4 \
	default_miss_action action kf/cb/send index 2 &&
p4 p4template create table/kf/cb/t tblid 1 keysz 32 key dstAddr type ipv4 &&
p4 p4template create table/kf/cb/lpm tblid 2 type lpm keysz 32 key dstAddr type ipv4 \
	default_miss_action action kf/cb/send param port 0xdf \
	default_hit_action action kf/cb/send param port 0x77 &&
p4 p4template create table/kf/cb/tern tblid 3 type ternary keysz 32 key dstAddr type ipv4 &&
p4 p4template create table/kf/cb/dp tblid 4 keysz 32 key dstAddr type ipv4 tentries 3 \
	permissions 0x3dfe &&
p4 p4template create extern/root/Counter extid 1 &&
p4 p4template create extern/root/Meter extid 2 numinstances 2 &&
p4 p4template create extern/root/Register extid 3 &&
p4 p4template create extern/root/DirectCounter extid 4 &&
p4 p4template create extern/root/DirectMeter extid 5 &&
p4 p4template create extern/root/Locked extid 6 tc_acl 0x1800 &&
p4 p4template create extern_inst/kf/Counter/cnt instid 1 tc_numel 4 control_path \
	tc_key index ptype bit32 id 1 param pkts ptype bit64 id 2 param bytes ptype bit64 id 3 &&
p4 p4template create extern_inst/kf/Meter/tr instid 1 tc_numel 3 control_path \
	tc_key index ptype bit32 id 1 param cir ptype rate id 2 param cbs ptype bit64 id 3 \
	param pir ptype rate id 4 param pbs ptype bit64 id 5 &&
p4 p4template create extern_inst/kf/Meter/sr instid 2 control_path \
	tc_key index ptype bit32 id 1 param cir ptype rate id 2 param cbs ptype bit64 id 3 \
	param ebs ptype bit64 id 4 &&
p4 p4template create extern_inst/kf/Register/reg instid 1 tc_numel 4 control_path \
	tc_key index ptype bit32 id 1 param v ptype bit32 id 2 &&
p4 p4template create extern_inst/kf/Locked/lk instid 1 control_path \
	tc_key index ptype bit32 id 1 param v ptype bit32 id 2 &&
p4 p4template create extern_inst/kf/DirectCounter/dc instid 1 tbl_bindable control_path \
	tc_key index ptype bit32 id 1 param pkts ptype bit64 id 2 param bytes ptype bit64 id 3 &&
p4 p4template create extern_inst/kf/DirectMeter/dm instid 1 tbl_bindable control_path \
	tc_key index ptype bit32 id 1 param cir ptype rate id 2 param cbs ptype bit64 id 3 \
	param pir ptype rate id 4 param pbs ptype bit64 id 5 &&
p4 p4template create table/kf/cb/dct tblid 6 keysz 32 key dstAddr type ipv4 \
	pna_direct_counter DirectCounter/dc &&
p4 p4template create table/kf/cb/dmt tblid 7 keysz 32 key dstAddr type ipv4 \
	pna_direct_meter DirectMeter/dm &&
p4 p4template update pipeline/kf state ready &&
p4 p4ctrl create kf/table/cb/dct dstAddr 10.6.0.1 &&
p4 p4ctrl create kf/table/cb/dmt dstAddr 10.7.0.1 &&
p4 p4ctrl create kf/table/cb/dmt dstAddr 10.7.0.2 &&
p4 p4ctrl create kf/table/cb/t dstAddr 10.1.1.1 action send param port 0x1234 &&
p4 p4ctrl create kf/table/cb/t dstAddr 10.1.1.2 &&
p4 p4ctrl create kf/table/cb/lpm dstAddr 10.0.0.0/8 action send param port 8 &&
p4 p4ctrl create kf/table/cb/lpm dstAddr 10.1.0.0/16 action send param port 16 &&
p4 p4ctrl create kf/table/cb/lpm dstAddr 12.0.0.0/8 &&
p4 p4ctrl create kf/table/cb/tern dstAddr 10.0.0.0/255.0.0.0 prio 10 action send param port 10 &&
p4 p4ctrl create kf/table/cb/tern dstAddr 0.0.0.1/0.0.0.255 prio 5 action send param port 5 &&
p4 p4ctrl create kf/table/cb/inst dstAddr 10.9.0.1 action send index 1 &&
p4 p4ctrl create kf/table/cb/inst dstAddr 10.9.0.2 action send index 1
run_ok "pipeline kf with exact, lpm and ternary entries, action instances and externs" \
	test $? -eq 0
pipeid=$(p4 -j p4template get pipeline/kf | jq -r '.[0].pipeid')

# act_id 3, hit 1, first param 0x1234.
check "bpf_p4tc_tbl_read hit returns the entry's action and params" \
	test "$(kfunc_run tbl_read_tc 10.1.1.1)" = 0x3011234
check "bpf_p4tc_tbl_read hit on an entry without action: NoAction, hit" \
	test "$(kfunc_run tbl_read_tc 10.1.1.2)" = 0x10000
check "bpf_p4tc_tbl_read miss returns NULL" \
	test "$(kfunc_run tbl_read_tc 10.1.1.9)" = 0xdead
check "lpm: the longest prefix wins (10.1.1.1 hits 10.1/16)" \
	test "$(kfunc_run tbl_read_tc 10.1.1.1 2)" = 0x3010010
check "lpm: 10.2.2.2 hits 10/8" \
	test "$(kfunc_run tbl_read_tc 10.2.2.2 2)" = 0x3010008
check "lpm: a miss returns the default miss action, hit clear, default-miss flag set" \
	test "$(kfunc_run tbl_read_tc 11.0.0.1 2)" = 0x30200df
check "lpm: a hit on an entry without action returns the default hit action" \
	test "$(kfunc_run tbl_read_tc 12.3.4.5 2)" = 0x3050077
check "ternary: of two matching entries the lower prio wins (10.0.0.1 hits prio 5)" \
	test "$(kfunc_run tbl_read_tc 10.0.0.1 3)" = 0x3010005
check "ternary: 10.0.0.2 matches prio 10 only" \
	test "$(kfunc_run tbl_read_tc 10.0.0.2 3)" = 0x301000a
check "ternary: 9.9.9.1 matches prio 5 only" \
	test "$(kfunc_run tbl_read_xdp 9.9.9.1 3)" = 0x3010005
check "ternary: a miss without default miss action returns NULL" \
	test "$(kfunc_run tbl_read_tc 9.9.9.9 3)" = 0xdead
p4 p4ctrl update kf/table/cb/t tbl_attrs tbl_permissions 0x3d80
check "a table whose data-path read and execute were taken away returns NULL" \
	test "$(kfunc_run tbl_read_tc 10.1.1.1)" = 0xdead
p4 p4ctrl update kf/table/cb/t tbl_attrs tbl_permissions 0x3da4
check "xdp_p4tc_tbl_read hit returns the entry's action and params" \
	test "$(kfunc_run tbl_read_xdp 10.1.1.1)" = 0x3011234
check "xdp_p4tc_tbl_read miss returns NULL" \
	test "$(kfunc_run tbl_read_xdp 10.1.1.9)" = 0xdead
check "bpf_p4tc_tbl_read with a key__sz not the table's returns NULL" \
	test "$(kfunc_run tbl_read_long_key 10.1.1.1)" = 0xdead
check "bpf_p4tc_tbl_read with a wrong params__sz returns NULL" \
	test "$(kfunc_run tbl_read_long_params 10.1.1.1)" = 0xdead
check "bpf_p4tc_tbl_read of an unknown pipeline returns NULL" \
	test "$(ip netns exec $NS "$BPF/kfunc_test" run "$OK" tbl_read_tc 999 1 10.1.1.1)" = 0xdead
check "bpf_p4tc_tbl_read of an unknown table returns NULL" \
	test "$(ip netns exec $NS "$BPF/kfunc_test" run "$OK" tbl_read_tc "$pipeid" 9 10.1.1.1)" = 0xdead
check "tables of another namespace are not visible" \
	test "$("$BPF/kfunc_test" run "$OK" tbl_read_tc "$pipeid" 1 10.1.1.1)" = 0xdead

# Action instances (table cb/inst, tblid 5): entries and the default miss
# action return the params of the instance they use.
check "a hit on an entry using action instance 1 returns the instance's params" \
	test "$(kfunc_run tbl_read_tc 10.9.0.1 5)" = 0x3010a0a -a \
	"$(kfunc_run tbl_read_xdp 10.9.0.2 5)" = 0x3010a0a
check "a miss returns the default miss action's instance 2, default-miss flag set" \
	test "$(kfunc_run tbl_read_tc 10.9.9.9 5)" = 0x3020b0b
p4 actions change action kf/cb/send index 1 param port 0xc0c
check "changing the instance changes what lookups of both its entries return" \
	test "$(kfunc_run tbl_read_tc 10.9.0.1 5)" = 0x3010c0c -a \
	"$(kfunc_run tbl_read_xdp 10.9.0.2 5)" = 0x3010c0c
s=$(p4 -s -j actions get action kf/cb/send index 1)
check "the instance counts the lookups that returned it, and is used by 2 entries" \
	test "$(jq -r '.[1].actions[0] | "\(.stats.packets) \(.bind) \(.tm.lastused < 60000)"' <<<"$s")" = \
	"4 2 true"
run_err "an instance the datapath uses cannot be deleted" "instance 1 is used by 2" \
	p4 actions del action kf/cb/send index 1
p4 p4ctrl update kf/table/cb/inst dstAddr 10.9.0.2 action send param port 0x99
check "an entry updated to params of its own no longer follows the instance" \
	test "$(kfunc_run tbl_read_tc 10.9.0.2 5)" = 0x3010099 -a \
	"$(p4 -j actions get action kf/cb/send index 1 | jq .[1].actions[0].bind)" = 1
p4 p4ctrl update kf/table/cb/inst tbl_attrs default_miss_action action send index 1
check "a default miss action switched to instance 1 returns its params" \
	test "$(kfunc_run tbl_read_tc 10.9.9.9 5)" = 0x3020c0c
p4 p4ctrl delete kf/table/cb/inst dstAddr 10.9.0.1 &&
p4 p4ctrl update kf/table/cb/inst tbl_attrs default_miss_action noaction &&
p4 actions del action kf/cb/send index 1
check "once no entry or default action uses it, the instance can go at once" test $? -eq 0

# Datapath writes (table cb/dp, tblid 4: data-path CRUD and publish).
EV=$(mktemp)
ip netns exec $NS "$P4TC" -j mon p4 events count 1 timeout 10 >"$EV" &
mon=$!
sleep 1
check "bpf_p4tc_entry_create adds an entry" test "$(kfunc_run entry_create_tc 10.5.0.1 4)" = 0x0
check "the datapath's entry has its action and params" \
	test "$(kfunc_run tbl_read_tc 10.5.0.1 4)" = 0x3014321
wait $mon
check "a datapath create is published, by the kernel" \
	grep -q '"created_by":{"entity":"kernel"' "$EV"
rm -f "$EV"
e=$(p4 -j p4ctrl get kf/table/cb/dp dstAddr 10.5.0.1)
check "it is dynamic, with the aging of timer profile 1" \
	test "$(jq -r '.[1].entries[0] | "\(.dynamic) \(.aging) \(.created_by.entity)"' <<<"$e")" = \
	"true 60000 kernel"
check "creating it again is -EEXIST" test "$(kfunc_run entry_create_tc 10.5.0.1 4)" = 0xffffffef
check "create_on_miss of a present key is -EEXIST" \
	test "$(kfunc_run entry_create_on_miss_tc 10.5.0.1 4)" = 0xffffffef
check "xdp_p4tc_entry_create_on_miss adds an absent key" \
	test "$(kfunc_run entry_create_on_miss_xdp 10.5.0.2 4)" = 0x0
check "bpf_p4tc_entry_update replaces the action's params" \
	test "$(kfunc_run entry_update_tc 10.5.0.1 4)" = 0x0 -a \
	"$(kfunc_run tbl_read_tc 10.5.0.1 4)" = 0x3015555
check "updating an absent key is -ENOENT" test "$(kfunc_run entry_update_xdp 10.5.0.9 4)" = 0xfffffffe
check "xdp_p4tc_entry_delete removes an entry" \
	test "$(kfunc_run entry_delete_xdp 10.5.0.2 4)" = 0x0 -a \
	"$(kfunc_run tbl_read_tc 10.5.0.2 4)" = 0xdead
check "deleting it again is -ENOENT" test "$(kfunc_run entry_delete_tc 10.5.0.2 4)" = 0xfffffffe
check "xdp_p4tc_entry_create adds entries up to tentries (3)" \
	test "$(kfunc_run entry_create_xdp 10.5.0.2 4)" = 0x0 -a \
	"$(kfunc_run entry_create_xdp 10.5.0.3 4)" = 0x0
check "a create beyond tentries is -ENOSPC" test "$(kfunc_run entry_create_tc 10.5.0.4 4)" = 0xffffffe4
check "bpf_p4tc_entry_delete removes an entry" test "$(kfunc_run entry_delete_tc 10.5.0.3 4)" = 0x0
check "a table without data-path create permission refuses creates: -EPERM" \
	test "$(kfunc_run entry_create_tc 10.5.0.8 1)" = 0xffffffff
check "... and deletes without data-path delete permission: -EPERM" \
	test "$(kfunc_run entry_delete_tc 10.1.1.1 1)" = 0xffffffff
check "lpm tables take no datapath writes: -EOPNOTSUPP" \
	test "$(kfunc_run entry_create_tc 10.5.0.8 2)" = 0xffffffa1
check "an action the pipeline does not have is -EINVAL" \
	test "$(kfunc_run entry_create_bad_action 10.5.0.8 4)" = 0xffffffea
check "a params__sz not the struct's is -EINVAL" \
	test "$(kfunc_run entry_create_short_params 10.5.0.8 4)" = 0xffffffea
check "an unknown table is -ENOENT" test "$(kfunc_run entry_create_tc 10.5.0.8 9)" = 0xfffffffe
p4 p4ctrl update kf/table/cb/dp dstAddr 10.5.0.1 permissions 0x1da4
check "an entry without data-path update permission refuses updates: -EPERM" \
	test "$(kfunc_run entry_update_tc 10.5.0.1 4)" = 0xffffffff

# Digests: to whoever listens on the digest group, with the packet's device.
DG=$(mktemp)
ip netns exec $NS "$P4TC" -j mon p4 digest pipeline kf count 2 timeout 10 >"$DG" &
mon=$!
sleep 1
check "bpf_p4tc_extern_digest_pack returns 0" test "$(kfunc_run digest_tc 0.0.0.0)" = 0x0
check "xdp_p4tc_extern_digest_pack returns 0" test "$(kfunc_run digest_xdp 0.0.0.0)" = 0x0
wait $mon
check "p4tc mon p4 digest prints both: ids, the packet's device, the data" \
	test "$(jq -r '"\(.pipeid == '"$pipeid"') \(.ext_id) \(.inst_id) \(.dev) \(.data[0:10])"' "$DG" | tr '\n' ' ')" = \
	"true 5 1 lo 0xdeadbeef true 5 2 lo 0xdeadbeef "
rm -f "$DG"
check "a digest with a params__sz not the struct's: -EINVAL" \
	test "$(kfunc_run digest_short 0.0.0.0)" = 0xffffffea
check "a digest nobody listens for is dropped: 0" test "$(kfunc_run digest_tc 0.0.0.0)" = 0x0
expect_reject digest_too_big "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject xdp_digest_from_tc "calling kernel function xdp_p4tc_extern_digest_pack is not allowed"

# Externs: dst is "KIND.INST.COLOUR.0", the table id argument the index
# (direct calls: dst is the key, the table id the table). Frames are 64 bytes.
# elem PATH INDEX PARAM: a param of an element, from p4ctrl get.
elem() { p4 -j p4ctrl get "kf/extern/$1" tc_key index "$2" |
	 jq -r ".[1].externs[0].params[] | select(.name == \"$3\") | .value"; }
check "bpf_p4tc_extern_count_pktsnbytes counts into element 2: 0" \
	test "$(kfunc_run count_pktsnbytes_tc 1.1.0.0 2)" = 0x0
kfunc_run count_pktsnbytes_tc 1.1.0.0 2 >/dev/null
kfunc_run count_pkts_tc 1.1.0.0 2 >/dev/null
kfunc_run count_bytes_tc 1.1.0.0 2 >/dev/null
check "xdp_p4tc_extern_count_pktsnbytes counts too: 0" \
	test "$(kfunc_run count_pktsnbytes_xdp 1.1.0.0 2)" = 0x0
check "element 2 has 4 packets and 4 x 64 bytes, element 1 none" \
	test "$(elem Counter/cnt 2 pkts) $(elem Counter/cnt 2 bytes) $(elem Counter/cnt 1 pkts)" = "4 256 0"
check "a count past the elements: -ERANGE" test "$(kfunc_run count_pkts_tc 1.1.0.0 4)" = 0xffffffde
check "a count of an unknown instance: -ENOENT" test "$(kfunc_run count_pkts_tc 1.9.0.0 0)" = 0xfffffffe
check "a count on a register: -EINVAL" test "$(kfunc_run count_pkts_tc 3.1.0.0 0)" = 0xffffffea
check "a count with a params__sz not the struct's: -EINVAL" \
	test "$(kfunc_run count_short_tc 1.1.0.0 0)" = 0xffffffea
check "a count without the data X permission: -EPERM" \
	test "$(kfunc_run count_pkts_tc 6.1.0.0 0)" = 0xffffffff

# Meters (1 green, 2 yellow, 0 red), rates 0: only the bursts count.
check "an unconfigured meter marks green" test "$(kfunc_run meter_pkts_tc 2.1.0.0 1)" = 0x1
check "xdp_p4tc_extern_meter_pkts: unconfigured, green" \
	test "$(kfunc_run meter_pkts_xdp 2.1.0.0 1)" = 0x1
p4 p4ctrl update kf/extern/Meter/tr tc_key index 0 param cir 0 param cbs 3 param pir 0 param pbs 5
colours=
for i in 1 2 3 4 5 6; do colours+="$(kfunc_run meter_pkts_tc 2.1.0.0 0) "; done
check "two-rate packet meter cbs 3 pbs 5: 3 green, 2 yellow, then red" \
	test "$colours" = "0x1 0x1 0x1 0x2 0x2 0x0 "
p4 p4ctrl update kf/extern/Meter/tr tc_key index 0 param cbs 1
check "a new config refills the buckets: green" test "$(kfunc_run meter_pkts_tc 2.1.0.0 0)" = 0x1
p4 p4ctrl update kf/extern/Meter/tr tc_key index 1 param cbs 128 param pbs 192 param cir 0 param pir 0
colours=
for i in 1 2 3 4; do colours+="$(kfunc_run meter_bytes_tc 2.1.0.0 1) "; done
check "two-rate byte meter cbs 128 pbs 192 of 64-byte frames: 2 green, 1 yellow, red" \
	test "$colours" = "0x1 0x1 0x2 0x0 "
p4 p4ctrl update kf/extern/Meter/tr tc_key index 2 param cbs 2 param pbs 2
colours="$(kfunc_run meter_pkts_color_tc 2.1.2.0 2) $(kfunc_run meter_pkts_color_tc 2.1.1.0 2) "
colours+="$(kfunc_run meter_pkts_color_tc 2.1.0.0 2) $(kfunc_run meter_bytes_color_tc 2.1.3.0 2)"
check "colour-aware: yellow stays yellow, green takes the last token, red stays red, colour 3 -EINVAL" \
	test "$colours" = "0x2 0x1 0x0 0xffffffea"
p4 p4ctrl update kf/extern/Meter/sr tc_key index 0 param cir 0 param cbs 1 param ebs 1
colours=
for c in 2 2 1 1; do colours+="$(kfunc_run meter_pkts_color_tc 2.2.$c.0 0) "; done
check "single-rate cbs 1 ebs 1, colour-aware: yellow, red, green, red" \
	test "$colours" = "0x2 0x0 0x1 0x0 "
check "a meter call on a counter: -EINVAL" test "$(kfunc_run meter_pkts_tc 1.1.0.0 0)" = 0xffffffea

# Registers: md_write and md_read, from TC and XDP, and the control plane.
check "bpf_p4tc_extern_md_write writes element 2: 0" \
	test "$(kfunc_run md_write_tc 3.1.0.0 2)" = 0x0
check "bpf_p4tc_extern_md_read reads it back" test "$(kfunc_run md_read_tc 3.1.0.0 2)" = 0x5a02
check "p4ctrl get shows what the datapath wrote" test "$(elem Register/reg 2 v)" = 23042
p4 p4ctrl update kf/extern/Register/reg tc_key index 1 param v 7
check "xdp_p4tc_extern_md_read reads what p4ctrl update wrote" \
	test "$(kfunc_run md_read_xdp 3.1.0.0 1)" = 0x7
check "xdp_p4tc_extern_md_write writes element 3: 0" \
	test "$(kfunc_run md_write_xdp 3.1.0.0 3)" = 0x0
check "p4ctrl get shows what XDP wrote" test "$(elem Register/reg 3 v)" = 23043
check "md_read past the elements returns NULL" \
	test "$(kfunc_run md_read_tc 3.1.0.0 4)" = 0xdead
check "md_read without the data R permission returns NULL" \
	test "$(kfunc_run md_read_tc 6.1.0.0 0)" = 0xdead
check "md_write without the data U permission: -EPERM" \
	test "$(kfunc_run md_write_tc 6.1.0.0 0)" = 0xffffffff

# Direct counters count in the entries, once per packet.
dc_pkts() { p4 -j p4ctrl get kf/table/cb/dct dstAddr 10.6.0.1 | jq '.[1].entries[0].counters.packets'; }
check "a lookup then a direct count: 0" \
	test "$(kfunc_run count_direct_after_read_tc 10.6.0.1 6)" = 0x0
check "the packet is counted once" test "$(dc_pkts)" = 1
check "a direct count without a lookup counts: 0" \
	test "$(kfunc_run count_direct_tc 10.6.0.1 6)" = 0x0
check "the entry has counted 2 packets" test "$(dc_pkts)" = 2
check "a direct count of a key without entry: -ENOENT" \
	test "$(kfunc_run count_direct_tc 10.6.0.9 6)" = 0xfffffffe
check "a direct count in a table without direct counter: -ENOENT" \
	test "$(kfunc_run count_direct_tc 10.1.1.1 1)" = 0xfffffffe

# Direct meters: the config of element 0, buckets per entry.
p4 p4ctrl update kf/extern/DirectMeter/dm tc_key index 0 param cir 0 param cbs 1 param pir 0 param pbs 2
colours=
for d in 10.7.0.1 10.7.0.1 10.7.0.1 10.7.0.2; do colours+="$(kfunc_run meter_direct_tc $d 7) "; done
check "direct meter cbs 1 pbs 2: green, yellow, red; the other entry its own green" \
	test "$colours" = "0x1 0x2 0x0 0x1 "
p4 p4ctrl update kf/extern/DirectMeter/dm tc_key index 0 param cbs 1
check "a new config refills every entry's buckets" \
	test "$(kfunc_run meter_direct_tc 10.7.0.1 7)" = 0x1

# Port kinds (the ifindex goes where the table id would): lo and a veth
# are host ports until marked.
modprobe -a veth dummy
ip -n $NS link add v0 type veth peer name v1
v0=$(ip -n $NS -j link show v0 | jq .[0].ifindex)
port_kind() { kfunc_run "$1" 0.0.0.0 "$2"; }
check "bpf_p4tc_is_{net,host}_port: lo is a host port" test "$(port_kind port_kind_tc 1)" = 0x1
check "xdp_p4tc_is_{net,host}_port: a veth is a host port" test "$(port_kind port_kind_xdp $v0)" = 0x1
check "a device that does not exist is neither" test "$(port_kind port_kind_tc 999)" = 0x0
run_ok "p4tc port set dev v0 type net" p4 port set dev v0 type net
check "marked, the veth is a network port, from TC and XDP" \
	test "$(port_kind port_kind_tc $v0)" = 0x2 -a "$(port_kind port_kind_xdp $v0)" = 0x2
check "p4tc port show dev v0 says so" \
	test "$(p4 port show dev v0)" = "port v0 ifindex $v0 type net (set)"
check "p4tc -j port show lists lo (auto, host) and v0 (set, net)" \
	test "$(p4 -j port show | jq -c '[.[] | [.dev, .type, .marked]] | sort')" = \
	'[["lo","host",false],["v0","net",true],["v1","host",false]]'
run_ok "p4tc port set dev v0 type auto" p4 port set dev v0 type auto
check "unmarked, it is a host port again" test "$(port_kind port_kind_tc $v0)" = 0x1
p4 port set dev v0 type net
ip -n $NS link del v0
ip -n $NS link add d0 index $v0 type dummy
check "a mark goes with its device: a new one with its ifindex is unmarked" \
	test "$(p4 port show dev d0)" = "port d0 ifindex $v0 type host (auto)"
ip -n $NS link add d500 index 500 type dummy
check "p4tc port show lists a device with an ifindex above the last one allocated" \
	test "$(p4 -j port show | jq -r '.[] | select(.ifindex == 500) | .dev')" = d500
run_err "p4tc port set with a type that is none" 'type "wire" is not net, host or auto' \
	p4 port set dev d0 type wire
expect_reject xdp_port_from_tc "calling kernel function xdp_p4tc_is_net_port is not allowed"
expect_reject port_ctx_not_ctx "arg#0 expected pointer to ctx"

# skb metadata and checksum and hash externs: no table, any pipeline id.
csum_run() { kfunc_run "$1" 0.0.0.0; }
check "bpf_p4tc_skb_meta_set sets tstamp, mark, classid, tc_index, queue_mapping, protocol" \
	test "$(csum_run skb_meta_set_all)" = 0x3f
check "bpf_p4tc_skb_meta_set sets only the fields of its bitmask" \
	test "$(csum_run skb_meta_set_mark)" = 0x9905
check "bpf_p4tc_skb_meta_set with an unknown bitmask bit: -EINVAL, nothing set" \
	test "$(csum_run skb_meta_set_bad_bit)" = 0xffffffea
check "bpf_p4tc_skb_meta_set with queue_mapping 0xffff (no queue): -EINVAL, nothing set" \
	test "$(csum_run skb_meta_set_no_queue)" = 0xffffffea
check "bpf_p4tc_skb_meta_set with a meta__sz not the struct's: -EINVAL" \
	test "$(csum_run skb_meta_set_short)" = 0xffffffea
v=$(csum_run skb_meta_get)
check "bpf_p4tc_skb_meta_get fills both fields: not redirected ($v)" \
	test $((v >> 8)) -eq 3 -a $((v & 1)) -eq 0
check "bpf_p4tc_ext_csum_crc16_{clear,add,get}: CRC-16/ARC of \"123456789\" in two pieces" \
	test "$(csum_run csum_crc16_tc)" = 0xbb3d
check "bpf_p4tc_ext_csum_crc32_{clear,add,get} (XDP): CRC-32 of \"123456789\" in two pieces" \
	test "$(csum_run csum_crc32_xdp)" = 0xcbf43926
check "bpf_p4tc_ext_csum_16bit_complement_{clear,add,get}: the IPv4 header's checksum b861" \
	test "$(csum_run csum16_tc)" = 0x61b8
v=$(csum_run csum16_update_xdp)
check "16bit_complement set_state, sub, add: a TTL decrement updates the checksum as a recompute" \
	test $((v >> 16)) -eq $((v & 0xffff)) -a $((v & 0xffff)) -ne 0 -a $((v & 0xffff)) -ne $((0x61b8))
check "checksum kfuncs with a params__sz below the struct's do nothing and return 0" \
	test "$(csum_run csum_params_short)" = 0x1
check "bpf_p4tc_ext_hash_crc16: CRC-16/ARC" test "$(csum_run hash_crc16_tc)" = 0xbb3d
check "bpf_p4tc_ext_hash_crc32 (XDP): a seed continues a CRC" \
	test "$(csum_run hash_crc32_xdp)" = 0xcbf43926
check "bpf_p4tc_ext_hash_16bit_complement: the Internet checksum" \
	test "$(csum_run hash_csum16_tc)" = 0x61b8
expect_reject skb_meta_set_too_big "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject skb_meta_get_too_big "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject skb_meta_ctx_not_ctx "arg#0 expected pointer to ctx"
expect_reject skb_meta_from_xdp "calling kernel function bpf_p4tc_skb_meta_get is not allowed"
for prog in crc16_add_params_too_big crc16_get_params_too_big crc16_clear_params_too_big \
	    crc32_add_data_too_big crc32_get_params_too_big crc32_clear_params_too_big \
	    csum16_add_data_too_big csum16_sub_data_too_big csum16_get_params_too_big \
	    csum16_clear_params_too_big csum16_set_state_params_too_big \
	    hash_crc16_data_too_big hash_crc32_data_too_big hash_csum16_data_too_big; do
	expect_reject $prog "arg#[0-9] arg#[0-9] memory, len pair leads to invalid memory access"
done

expect_reject md_read_not_checked "invalid mem access 'ptr_or_null_'"
expect_reject md_write_val_too_big "arg#3 arg#4 memory, len pair leads to invalid memory access"
expect_reject count_params_too_big "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject xdp_count_from_tc "calling kernel function xdp_p4tc_extern_count_pkts is not allowed"
expect_reject meter_ctx_not_ctx "arg#0 expected pointer to ctx"
expect_reject md_read_write_result "\\*\\(u(8|16|32) \\*\\)\\(r0 \\+[0-9]+\\) = r[0-9]+$"
expect_reject create_params_too_small "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject xdp_create_from_tc "calling kernel function xdp_p4tc_entry_create is not allowed"
expect_reject delete_ctx_not_ctx "arg#0 expected pointer to ctx"
expect_reject null_not_checked "invalid mem access 'ptr_or_null_'"
expect_reject key_size_too_big "arg#3 arg#4 memory, len pair leads to invalid memory access"
expect_reject params_size_too_big "arg#1 arg#2 memory, len pair leads to invalid memory access"
expect_reject ctx_not_ctx "arg#0 expected pointer to ctx"
expect_reject xdp_kfunc_from_tc "calling kernel function xdp_p4tc_tbl_read is not allowed"
expect_reject tc_kfunc_from_xdp "calling kernel function bpf_p4tc_tbl_read is not allowed"
# 6.1 rejects the store silently: its log stops at the store through R0.
expect_reject write_result "\\*\\(u(8|16|32) \\*\\)\\(r0 \\+[0-9]+\\) = r[0-9]+$"

tap_done
