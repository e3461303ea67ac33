#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run TAP tests, show their output, and close with one summary line; fail if
# any test failed or a test program failed without saying which test.
set -u

passed=0
failed=0
for t in "$@"; do
	echo "# $t"
	out=$("./$t" 2>&1)
	rc=$?
	echo "$out"
	p=$(grep -c '^ok ' <<<"$out")
	f=$(grep -c '^not ok ' <<<"$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "# tools: $passed ok, $failed not ok"
[ "$failed" -eq 0 ]
