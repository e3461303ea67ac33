# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the selftests that run inside tools/vmtest: TAP output, the
# module, network namespaces and command checks. Source it; it sets TOP,
# P4TC (the CLI) and the PATH.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
P4TC=$TOP/tools/p4tc/p4tc
export PATH=$TOP/tools/p4tc:$PATH
ksft_skip=4

tap_n=0
tap_failed=0

# ok DESC / not_ok DESC [DETAIL]: one TAP line per check.
ok()
{
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok()
{
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/#   /'
	return 0
}

# check DESC CONDITION...: ok if the condition command succeeds.
check()
{
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# run_ok DESC CMD...: CMD must exit 0.
run_ok()
{
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "exit $?: $* -> $out"
	fi
}

# run_err DESC PATTERN CMD...: CMD must fail, print one "Error: " line on
# stderr matching PATTERN (extended regex), and nothing on stdout.
run_err()
{
	local desc=$1 pattern=$2 err out rc
	shift 2
	err=$(mktemp)
	out=$("$@" 2>"$err") && rc=0 || rc=$?
	if [ "$rc" -eq 0 ]; then
		not_ok "$desc" "succeeded: $*"
	elif ! grep -qE "^Error: .*($pattern)" "$err"; then
		not_ok "$desc" "exit $rc, stderr does not match '$pattern': $(cat "$err")"
	elif [ "$(wc -l <"$err")" -ne 1 ] || [ -n "$out" ]; then
		not_ok "$desc" "more than one line of output: $out $(cat "$err")"
	else
		ok "$desc"
	fi
	rm -f "$err"
}

tap_done()
{
	echo "# $(basename "$0"): $((tap_n - tap_failed)) of $tap_n passed"
	[ "$tap_failed" -eq 0 ]
}

load_module()
{
	grep -q '^p4tc ' /proc/modules || insmod "$TOP/kernel/p4tc.ko"
}

# Stdin of the json the CLI printed; jq expression; prints the result.
jqr()
{
	jq -r "$1"
}
