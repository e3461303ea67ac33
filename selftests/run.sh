#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs the guest selftests, one after the other, inside tools/vmtest:
#   tools/vmtest -- selftests/run.sh [TEST...]
# Each test prints TAP lines; this exits non-zero if any test failed.

cd "$(dirname "$0")" || exit 1

TEST_PROGS="
ctrl_errors.sh
e2e_simple_l3.sh
kfunc_test.sh
"

rc=0
for t in ${*:-$TEST_PROGS}; do
	echo "# === $t"
	./"$t" || rc=1
done
exit $rc
