#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of tools/vmtest: runs on the host, boots the guest nine times
# (about a minute), prints TAP and exits non-zero if any case failed.
#
# Single-quoted $ is meant: for the guest's shell, or for eval in ok().
# shellcheck disable=SC2016
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
vmtest=$top/tools/vmtest
tmp=$(mktemp -d)
shared=$top/build/vmtest-selftest.$$
n=0
failed=0

cleanup()
{
	rm -rf "$tmp" "$shared"
}

# vm NAME ARGS...: run vmtest; NAME.out, .err, .rc and .time land in $tmp.
vm()
{
	local name=$1 rc=0 t0=$SECONDS
	shift
	"$vmtest" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
	echo "$rc" >"$tmp/$name.rc"
	echo $((SECONDS - t0)) >"$tmp/$name.time"
}

rc_is() { [ "$(cat "$tmp/$1.rc")" = "$2" ]; }
out_is() { [ "$(cat "$tmp/$1.out")" = "$2" ]; }
err_has() { grep -qF -- "$2" "$tmp/$1.err"; }

# ok DESC NAME CHECK...: one TAP line; the run's output as diagnostics on failure.
ok()
{
	local desc=$1 name=$2 check
	shift 2
	n=$((n + 1))
	for check in "$@"; do
		if ! eval "$check"; then
			echo "not ok $n - $desc"
			echo "#   failed: $check (exit $(cat "$tmp/$name.rc"))"
			sed 's/^/#   stdout: /' "$tmp/$name.out"
			sed 's/^/#   stderr: /' "$tmp/$name.err" | tail -n 20
			failed=1
			return
		fi
	done
	echo "ok $n - $desc"
}

main()
{
	local to_pid

	trap cleanup EXIT
	mkdir -p "$shared"

	# The timeout case mostly waits: run it alongside the others.
	vm timeout --timeout 20 -- sleep 100 &
	to_pid=$!

	vm usage --no-such-option -- true
	ok "an unknown option is a usage error" usage 'rc_is usage 2' \
		'err_has usage "unknown option"'

	vm true -- true
	ok "'true' exits 0" true 'rc_is true 0' 'out_is true ""'

	vm exit3 -- sh -c 'exit 3'
	ok "'exit 3' exits 3" exit3 'rc_is exit3 3'

	vm args -- printf '%s\n' 'a b' c
	ok "arguments with spaces round-trip" args 'rc_is args 0' \
		'out_is args "a b
c"'

	P4TC_SELFTEST='x  y' V=1 vm env -- sh -c \
		'echo "$P4TC_SELFTEST|$V|$HOME|$TERM|$LANG"; printf "[%s]\n" "$@"' \
		sh "it's" '$HOME' '*' '' '"'
	ok "environment and shell metacharacters reach the command" env \
		'rc_is env 0' "out_is env 'x  y|1|/tmp|dumb|C.UTF-8
[it'\''s]
[\$HOME]
[*]
[]
[\"]'"

	# Under /tmp, which the guest covers with its own tmpfs.
	(cd "$tmp" && vm cwd -- pwd)
	ok "the command runs in the caller's directory" cwd 'rc_is cwd 0' \
		'out_is cwd "$tmp"'

	vm warn -- sh -c 'echo "WARNING: test" >/dev/kmsg'
	ok "a kernel WARNING fails the run" warn 'rc_is warn 125' \
		'err_has warn "vmtest: "' 'err_has warn "WARNING: test"'

	(cd "$shared" && vm build -- sh -c 'echo "written in $(hostname)" >result')
	ok "build/ is writable and shared with the host" build 'rc_is build 0' \
		'[ "$(cat "$shared/result" 2>/dev/null)" = "written in vmtest" ]'

	# iproute2 reads "add a type" as "add address type": name the link.
	vm net -- sh -c 'stat -f -c %T /sys/fs/bpf && modprobe veth &&
		ip netns add x && ip -n x link add name a type veth peer name b'
	ok "bpffs is mounted on /sys/fs/bpf" net '[ "$(head -n1 "$tmp/net.out")" = bpf_fs ]'
	ok "veth pairs can be created in a network namespace" net 'rc_is net 0'

	wait "$to_pid"
	ok "a hanging command times out" timeout 'rc_is timeout 124' \
		'err_has timeout "vmtest: timeout after 20 s"' '[ "$(cat "$tmp/timeout.time")" -lt 40 ]'

	echo "1..$n"
	return "$failed"
}

main "$@"
