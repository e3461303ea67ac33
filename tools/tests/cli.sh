#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The p4tc command without the kernel module: usage errors (exit 1, one
# "Error:" line), exact keywords, batch files, and the exit status 2 and
# message when the module is missing.
set -u
cd "$(dirname "$0")/.." || exit 1

P4TC=${P4TC:-p4tc/p4tc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source tests/tap.sh

run()
{
	"$P4TC" "$@" >"$tmp/out" 2>"$tmp/err"
}

# expect_error STATUS REGEX WORDS...: fails with STATUS and one line on
# stderr, "Error: " and a match for REGEX.
expect_error()
{
	local status=$1 regex=$2 rc
	shift 2
	run "$@"
	rc=$?
	if [ "$rc" -eq "$status" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	   grep -qE "^Error: .*$regex" "$tmp/err"; then
		ok 0 "p4tc $* -> exit $status: $(cat "$tmp/err")"
	else
		ok 1 "p4tc $* -> exit $status, /$regex/ (got exit $rc: $(head -c 300 "$tmp/err"))"
	fi
}

# expect_tc REGEX WORDS...: a command p4tc hands to tc, which fails saying
# REGEX on stderr.
expect_tc()
{
	local regex=$1 rc
	shift
	run "$@"
	rc=$?
	[ "$rc" -ne 0 ] && grep -qE "$regex" "$tmp/err"
	ok $? "p4tc $* -> tc: /$regex/ (got exit $rc: $(head -c 200 "$tmp/err"))"
}

# expect_ok REGEX WORDS...: succeeds and prints a match for REGEX.
expect_ok()
{
	local regex=$1 rc
	shift
	run "$@"
	rc=$?
	[ "$rc" -eq 0 ] && grep -qE "$regex" "$tmp/out"
	ok $? "p4tc $* -> exit 0, /$regex/ (got exit $rc)"
}

# Global options and subcommands: exact words only.
run
ok $(($? != 1)) "p4tc without a command -> exit 1"
expect_ok '^Usage: p4tc' help
expect_ok '^p4tc utility, libp4tc [0-9]' -V
expect_ok '^p4tc utility' --Version
expect_error 1 'unknown option "-x"' -x help
expect_error 1 'unknown option "-jso"' -jso help
expect_error 1 'unknown command "bogus"' bogus
expect_error 1 'unknown command "p4templat"' p4templat help
expect_error 1 'unknown command "p4tc"' p4tc help
# tc's objects go to tc, with the global options tc knows.
expect_ok '^qdisc noqueue 0: root' qdisc show dev lo
expect_ok '^\[\{"kind":"noqueue"' -j qdisc show dev lo
expect_tc 'Cannot find device "nonexistent0"' \
	filter add dev nonexistent0 ingress protocol ip prio 1 matchall action drop
expect_error 1 '-batch needs a file name' -batch
expect_error 1 '-batch takes no command' -batch /dev/null help

# p4template
expect_ok '^Usage: p4tc p4template' p4template help
expect_error 1 'unknown command "creat"' p4template creat pipeline/p
expect_error 1 'unknown command "createx"' p4template createx pipeline/p
expect_error 1 'unknown object type "pipelin"' p4template create pipelin/p
expect_error 1 'unknown object type "tables"' p4template get tables/p/
expect_error 1 'expected pipeline/' p4template create pipeline
expect_error 1 'which object' p4template create
expect_error 1 "pipeline p/q: a pipeline name has no '/'" p4template create pipeline/p/q
expect_error 1 'pipeline name missing' p4template create pipeline/
expect_error 1 'longer than 31 characters' \
	p4template create pipeline/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
expect_error 1 'pipeline p: numtables needs a value' p4template create pipeline/p numtables
expect_error 1 'pipeline p: numtables "two" is not a number' \
	p4template create pipeline/p numtables two
expect_error 1 'pipeline p: numtables 70000 is out of range' \
	p4template create pipeline/p numtables 70000
expect_error 1 'pipeline p: unexpected "numtable"' p4template create pipeline/p numtable 1
expect_error 1 'pipeline p: unexpected "state"' p4template create pipeline/p state ready
expect_error 1 'state "sealed"' p4template update pipeline/p state sealed
expect_error 1 'which pipeline' p4template del pipeline/
expect_error 1 'pipeline name missing: action/PIPE' p4template create action//cb/a
expect_error 1 'action p/cb/a: param x: unknown type "bit0"' \
	p4template create action/p/cb/a param x type bit0
expect_error 1 'param x needs "type TYPE"' p4template create action/p/cb/a param x bit8
expect_error 1 'action p/cb/a: param x: type str needs "bitsz BITS"' \
	p4template create action/p/cb/a param x type str
expect_error 1 'param x: type str cannot be 12 bits wide \(8 to 992, a multiple of 8\)' \
	p4template create action/p/cb/a param x type str bitsz 12
expect_error 1 'param x: type key cannot be 513 bits wide \(1 to 512\)' \
	p4template create action/p/cb/a param x type key bitsz 513
expect_error 1 'param x: unknown type "str12"' p4template create action/p/cb/a param x type str12
expect_error 2 'the p4tc module is not loaded' p4template create action/p/cb/a \
	param s type str64 param k type key12 param r type rate param t type str bitsz 16 \
	param u type key bitsz 3
expect_error 1 'action p/cb/a: param x id 17 is out of range' \
	p4template create action/p/cb/a param x type bit8 id 17
expect_error 1 'state "activ" is neither' p4template update action/p/cb/a state activ
expect_error 1 'action name missing' p4template create action/p/
expect_error 1 'action p/cb/a: num_prealloc_acts 1025 is out of range \(at most 1024\)' \
	p4template create action/p/cb/a num_prealloc_acts 1025
expect_error 1 'num_prealloc_acts 0: an action preallocates 1 to 1024' \
	p4template update action/p/cb/a num_prealloc_acts 0
expect_error 1 'unexpected "num_prealloc_acts"' p4template get action/p/cb/a num_prealloc_acts 1
expect_error 2 'the p4tc module is not loaded' p4template create action/p/cb/a num_prealloc_acts 1024
expect_error 2 'the p4tc module is not loaded' p4template del action/p/
expect_error 2 'the p4tc module is not loaded' p4template del table/p/
expect_error 1 'table p/cb/t: keysz "abc" is not a number' \
	p4template create table/p/cb/t keysz abc
expect_error 1 'keysz 513 is out of range' p4template create table/p/cb/t keysz 513
expect_error 1 'permissions 0x4000 is out of range' \
	p4template create table/p/cb/t keysz 32 permissions 0x4000
expect_error 1 'type "lpm2" is not exact, lpm or ternary' \
	p4template create table/p/cb/t type lpm2 keysz 32
expect_error 1 'key field k: match "range" is not exact, lpm or ternary' \
	p4template create table/p/cb/t keysz 32 key k type bit32 match range
expect_error 1 'key field k: match ternary: the fields of an exact table match exact$' \
	p4template create table/p/cb/t keysz 32 key k type bit32 match ternary
expect_error 1 'key field k: match ternary: the fields of an lpm table match exact or lpm' \
	p4template create table/p/cb/t keysz 32 key k type bit32 match ternary type lpm
expect_error 1 'table_acts needs "act name ACT"' \
	p4template create table/p/cb/t keysz 32 table_acts
expect_error 1 'table_acts: "act" needs "name ACT"' \
	p4template create table/p/cb/t keysz 32 table_acts act nm p/cb/a
expect_error 1 'action "q/cb/a" is not of pipeline p' \
	p4template create table/p/cb/t keysz 32 table_acts act name q/cb/a
expect_error 1 'act p/cb/a: flags "both" is neither tableonly nor defaultonly' \
	p4template create table/p/cb/t keysz 32 table_acts act name p/cb/a flags both
expect_error 1 'default_miss_action permissions 0x3000 must keep control read, data read and data execute' \
	p4template update table/p/cb/t default_miss_action permissions 0x3000 action p/cb/a
expect_error 1 'default_hit_action needs "action ACT" or "noaction"' \
	p4template update table/p/cb/t default_hit_action
expect_error 1 'default_hit_action: unexpected "act"' \
	p4template update table/p/cb/t default_hit_action act p/cb/a
expect_error 1 'NoAction has no params' \
	p4template update table/p/cb/t default_hit_action action NoAction param x 1
expect_error 1 'unexpected "default_hit_action"' \
	p4template update table/p/cb/t default_hit_action noaction default_hit_action noaction
expect_error 1 'num_timer_profiles 17 is out of range' \
	p4template create table/p/cb/t keysz 8 num_timer_profiles 17
expect_error 1 'num_timer_profiles 0: a table has 1 to 16' \
	p4template create table/p/cb/t keysz 8 num_timer_profiles 0
expect_error 1 'timer_profile id 1 needs "aging MS"' \
	p4template create table/p/cb/t keysz 8 timer_profile id 1
expect_error 1 'timer_profile id 1: aging 0' \
	p4template create table/p/cb/t keysz 8 timer_profile id 1 aging 0
expect_error 1 'unexpected "maybe"' p4template create table/p/cb/t keysz 8 counters maybe
expect_error 1 'pna_direct_counter needs a value' \
	p4template create table/p/cb/t keysz 8 pna_direct_counter
expect_error 1 'key goes before the entries, which it shapes' \
	p4template create table/p/cb/t keysz 8 key k type bit8 entry k 1 key j type bit8
expect_error 1 'key field k: "10.0.0.0/8": an exact table takes no prefix or mask' \
	p4template create table/p/cb/t keysz 32 key k type ipv4 entry k 10.0.0.0/8
expect_error 1 'key field k: "10.0.0.0/40" is not VALUE/PREFIX \(0 to 32\) or VALUE/MASK of ipv4' \
	p4template create table/p/cb/t type lpm keysz 32 key k type ipv4 entry k 10.0.0.0/40
expect_error 1 'an exact table takes no prio' \
	p4template create table/p/cb/t keysz 8 entry key 1 prio 2
expect_error 1 'prio 0' p4template create table/p/cb/t type ternary keysz 8 entry key 0x01/0xf0 prio 0
expect_error 1 'key: "1" is not 0x and 2 hex digits' \
	p4template create table/p/cb/t type lpm keysz 8 entry key 1/4
expect_error 1 'unexpected "dynamic"' p4template create table/p/cb/t keysz 8 entry key 1 dynamic
expect_error 1 'type goes before the entries' \
	p4template create table/p/cb/t keysz 8 entry key 1 permissions 0x1024 type lpm
expect_error 1 'key field k missing' \
	p4template create table/p/cb/t keysz 16 key k type bit8 key j type bit8 entry j 1
# Every attribute at once parses: it is the kernel's to refuse here.
expect_error 2 'the p4tc module is not loaded' \
	p4template create table/p/cb/t type ternary keysz 32 key k type bit32 nummasks 4 \
	table_acts act name p/cb/a flags tableonly act name NoAction act name cb/b \
	default_miss_action noaction counters timer_profile id 0 aging 100 \
	num_timer_profiles 2 pna_direct_counter p/c entry k 0x10/0xf0 prio 1 permissions 0x1024 \
	entry k 0x20/4
expect_error 1 'key field k: unknown type "ip"' \
	p4template create table/p/cb/t keysz 32 key k type ip
expect_error 1 'table p/cb/t: unexpected "keysz"' p4template get table/p/cb/t keysz 32
expect_error 1 'table name missing' p4template update table/p/
expect_error 1 'pna_direct_counter "c": expected KIND/INST' \
	p4template create table/p/cb/t keysz 8 pna_direct_counter c
expect_error 1 'pna_direct_meter "DirectMeter/a/b": expected KIND/INST' \
	p4template create table/p/cb/t keysz 8 pna_direct_meter DirectMeter/a/b
expect_error 2 'the p4tc module is not loaded' \
	p4template create table/p/cb/t keysz 8 pna_direct_meter DirectMeter/MainControlImpl.m
# Externs: kinds of the namespace (extern/root/KIND), instances of pipelines
expect_error 1 'extern Counter: extern kinds belong to no pipeline: extern/root/KIND' \
	p4template create extern/Counter
expect_error 1 'extern kind missing: extern/root/KIND' p4template del extern/root/
expect_error 1 'update: an extern kind does not change' p4template update extern/root/Counter
expect_error 1 'extern root/Counter: tc_acl 0x4000 is out of range' \
	p4template create extern/root/Counter tc_acl 0x4000
expect_error 1 'numinstances 0: a pipeline may have 1 to 1024 instances' \
	p4template create extern/root/Counter numinstances 0
expect_error 1 'extern root/Counter: unexpected "extid"' p4template get extern/root/Counter extid 1
expect_error 2 'the p4tc module is not loaded' \
	p4template create extern/root/Counter extid 0x1A000000 numinstances 1 tc_acl 0x1CF6 \
	has_exec_method
expect_error 2 'extern id 4294967295 is above 2147483647' \
	p4template create extern/root/Counter extid 4294967295
expect_error 2 'the p4tc module is not loaded' \
	p4template create extern_inst/simple_l3/Counter/global_counter instid 1 tc_numel 2048 \
	constructor param type ptype bit32 2 control_path tc_key index ptype bit32 id 1 \
	param pkts ptype bit64 id 2 param bytes ptype bit64 id 3
expect_error 2 'the p4tc module is not loaded' \
	p4template create extern_inst/simple_l3/Register/MainControlImpl.reg1 instid 1 tc_numel 128 \
	constructor param initial_register_value ptype bit32 32 control_path tc_key index \
	ptype bit32 id 1 param a_value ptype bit32 id 2 tc_data_scalar
expect_error 1 'extern_inst p/Counter/c: param goes after constructor or control_path' \
	p4template create extern_inst/p/Counter/c param x ptype bit32 id 1
expect_error 1 'control_path needs "tc_key NAME ptype TYPE id N"' \
	p4template create extern_inst/p/Counter/c tc_numel 4
expect_error 1 'tc_key index: unknown type "bit0"' \
	p4template create extern_inst/p/Counter/c control_path tc_key index ptype bit0 id 1
expect_error 1 'extern instance missing' p4template del extern_inst/p/Counter
expect_error 1 'pipeline name missing: extern_inst/PIPE' p4template get extern_inst//Counter
expect_error 1 'update: an extern instance does not change' \
	p4template update extern_inst/p/Counter/c
expect_error 1 'extern_inst p/Counter/c: unexpected "instid"' \
	p4template get extern_inst/p/Counter/c instid 1

# p4ctrl
expect_ok '^Usage: p4tc p4ctrl' p4ctrl help
expect_error 1 'unknown command "crate"' p4ctrl crate p/table/cb/t
expect_error 1 'unknown command "get-all"' p4ctrl get-all p/table/cb/t
expect_error 1 'unknown object type "tabl"' p4ctrl get p/tabl/cb/t
expect_error 1 'unknown object type "externs", expected table or extern' \
	p4ctrl get p/externs/Counter/c1
expect_error 1 'expected PIPE/table/CB/TBL' p4ctrl get p/table
expect_error 1 'which table' p4ctrl get
expect_error 1 'extern p/Counter: extern instance missing' p4ctrl get p/extern/Counter
expect_error 1 'extern p/Counter/c1: delete: extern elements are read with get and written with update' \
	p4ctrl delete p/extern/Counter/c1
expect_error 1 'an extern instance name has no' p4ctrl update p/extern/Counter/c1/x

# actions
expect_ok '^Usage: p4tc actions' actions help
run actions
ok $(($? != 1)) "p4tc actions without a command -> exit 1"
expect_error 1 'unknown command "show"' actions show action p/cb/a
expect_error 1 'the pipeline name must have 1 to 31 characters' actions ls action /cb/a
# tc's own kinds, and actions commands without a kind, are tc's.
expect_tc 'usage: tc actions' actions ls
run actions ls action gact
ok $? "p4tc actions ls action gact -> tc, exit 0"
# mon
expect_ok '^Usage: p4tc mon' mon help
expect_ok '^Usage: p4tc mon' monitor p4 events help
expect_error 1 'mon: unexpected "event"' mon p4 event
expect_error 1 'mon: table is not for digests' mon p4 digest table cb/t
expect_error 1 'mon: cmd "created" is not create, update or delete' mon cmd created
expect_error 1 'mon: count 0' mon count 0
expect_error 1 'mon: timeout "1s" is not a number' mon timeout 1s
expect_error 1 'mon: filter: at "key.k" \(token 1\): no table to find key fields in' \
	mon table cb/t filter key.k == 1
expect_error 1 'mon: unexpected "pipeline"' mon pipeline p pipeline q
expect_error 1 'mon: filter needs an expression' mon filter
expect_error 1 'mon: filter: at "key.x" \(token 1\): no table to find key fields in' \
	mon filter key.x == 1
expect_error 1 'mon: filter: at "=" \(token 2\): not an operator' mon filter 'prio =< 1'
if [ -d /sys/module/p4tc ]; then
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
else
	expect_error 2 'the p4tc module is not loaded' mon p4 events cmd create count 1 timeout 1
	expect_error 2 'the p4tc module is not loaded' -t -j monitor filter 'prio < 5 or msecs_since > 10'
fi

# filter
expect_ok '^Usage: p4tc filter' filter help
expect_error 1 'unknown command "ad"' filter ad dev lo ingress
expect_error 1 'cannot find device "no-such-dev0"' \
	filter add dev no-such-dev0 ingress p4 pname p action bpf obj x.o section p4tc/main
expect_error 1 'ingress" or "egress' filter show dev lo
expect_error 1 'either "dev DEV" or "block N"' filter show ingress
expect_error 1 'either "dev DEV" or "block N"' filter show dev lo block 2 ingress
expect_error 1 'del needs "prio PRIO"' filter del dev lo ingress p4
expect_tc 'Cannot find device "nonexistent0"' filter del dev nonexistent0 ingress prio 1
expect_error 1 'filter: unexpected "prio"' filter show dev lo ingress prio 1
expect_error 1 'filter: unexpected "pname"' filter del dev lo ingress prio 1 p4 pname x
expect_tc 'Cannot find device "nonexistent0"' filter add dev nonexistent0 ingress prio 1
expect_error 1 'p4 needs "pname PIPE"' \
	filter add dev lo ingress p4 action bpf obj x.o section p4tc/main
expect_error 1 'p4 needs "action bpf' filter add block 1 p4 pname p
expect_error 1 'at most two programs' filter add block 1 p4 pname p \
	action bpf obj a.o sec s action bpf obj b.o sec s action bpf obj c.o sec s
expect_error 1 'only "action bpf obj FILE section SEC"' \
	filter add block 1 p4 pname p action gact ok
expect_error 1 'needs "section SEC"' filter add block 1 p4 pname p action bpf obj a.o
expect_error 1 'classid "1" is not MAJ:MIN' \
	filter add block 1 p4 pname p classid 1 action bpf obj a.o sec s
expect_error 1 'unknown protocol "ipx"' \
	filter add block 1 protocol ipx p4 pname p action bpf obj a.o sec s
expect_error 1 'block 0 is not a block' filter show block 0
expect_error 1 'replace needs "prio PRIO" and "handle H"' \
	filter replace block 1 prio 1 p4 pname p action bpf obj a.o sec s

# Filters are shown over rtnetlink, with or without the module.
run -j filter show dev lo ingress
rc=$?
python3 -c 'import json, sys; assert isinstance(json.load(sys.stdin), list)' <"$tmp/out"
ok $((rc || $?)) "p4tc -j filter show prints a JSON array"

# Ids travel back as ints: the library refuses ids above INT_MAX itself.
expect_error 2 'pipeline id 2147483648 is above 2147483647' \
	p4template create pipeline/p pipeid 2147483648
expect_error 2 'table id 4294967295 is above 2147483647' \
	p4template create table/p/cb/t tblid 4294967295 keysz 8

# Without the module, requests that need it fail with status 2.
if [ -d /sys/module/p4tc ]; then
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
else
	expect_error 2 'the p4tc module is not loaded' p4template get pipeline/
	expect_error 2 'the p4tc module is not loaded' p4ctrl get p/table/cb/t
fi
if [ -d /sys/module/p4tc ]; then
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
	echo "ok $((n += 1)) - # SKIP the p4tc module is loaded"
else
	expect_error 2 'the p4tc module is not loaded' p4template get extern/root/
	expect_error 2 'the p4tc module is not loaded' p4template get extern_inst/p/Counter
	expect_error 2 'the p4tc module is not loaded' \
		p4ctrl update p/extern/Register/MainControlImpl.reg1 tc_key index 2 param a_value 5
fi

# Batch files
cat >"$tmp/batch" <<'BATCH'
# a comment, then a blank line

p4template help
bogus   # line 4
p4template help
BATCH
run -batch "$tmp/batch"
[ $? -eq 1 ] && [ "$(grep -c '^Usage: p4tc p4template' "$tmp/out")" -eq 1 ] &&
	grep -q "^Error: unknown command \"bogus\"" "$tmp/err" &&
	grep -q "^Command failed $tmp/batch:4\$" "$tmp/err"
ok $? "a batch file stops at its first failing line, naming it"
run -force -batch "$tmp/batch"
[ $? -eq 1 ] && [ "$(grep -c '^Usage: p4tc p4template' "$tmp/out")" -eq 2 ] &&
	grep -q "^Command failed $tmp/batch:4\$" "$tmp/err"
ok $? "-force goes on after a failing line, and still fails"
printf 'p4template "help\n' >"$tmp/quote"
run -batch "$tmp/quote"
[ $? -eq 1 ] && grep -q '^Error: unterminated quote' "$tmp/err" &&
	grep -q "^Command failed $tmp/quote:1\$" "$tmp/err"
ok $? "an unterminated quote fails its line"
printf 'p4template help\nfilter help\n' | "$P4TC" -batch - >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '^Usage: p4tc filter' "$tmp/out"
ok $? "-batch - reads standard input"
cat >"$tmp/cont" <<'BATCH'
# lines ending with a backslash go on
p4template \
	help
p4template help # a comment takes the backslash along \
filter help
p4ctrl \
	help   \

'bogus' \
	x # 8
p4template help
BATCH
run -batch "$tmp/cont"
[ $? -eq 1 ] && [ "$(grep -c '^Usage: p4tc p4template' "$tmp/out")" -eq 2 ] &&
	[ "$(grep -c '^Usage: p4tc filter' "$tmp/out")" -eq 1 ] &&
	[ "$(grep -c '^Usage: p4tc p4ctrl' "$tmp/out")" -eq 1 ] &&
	grep -q '^Error: unknown command "bogus"' "$tmp/err" &&
	grep -q "^Command failed $tmp/cont:9\$" "$tmp/err"
ok $? "batch lines go on after a backslash, not after a comment; failures name their first line"
printf 'p4template help\\\n' >"$tmp/last"
run -batch "$tmp/last"
[ $? -eq 0 ] && grep -q '^Usage: p4tc p4template' "$tmp/out"
ok $? "a backslash on the last line ends the command"
run -batch "$tmp/no-such-file"
[ $? -eq 1 ] && grep -q '^Error: cannot open batch file' "$tmp/err"
ok $? "a missing batch file is an error"

echo "1..$n"
