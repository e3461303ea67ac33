#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs the guest selftests, one after the other, inside tools/vmtest:
#   tools/vmtest -- selftests/run.sh [TEST...]
# Each test prints TAP lines; this exits non-zero if any test failed.

cd "$(dirname "$0")" || exit 1

TEST_PROGS="
ctrl_errors.sh
ctrl_objects.sh
nl_raw.sh
tables_raw.sh
bulk_raw.sh
e2e_simple_l3.sh
e2e_l3_policer.sh
tc_plugin.sh
kfunc_test.sh
tdc/run.py
"

rc=0
for t in ${*:-$TEST_PROGS}; do
	echo "# === $t"
	./"$t" || rc=1
done

# Every test has let go of its pipelines, filters and programs (programs
# are freed a little after their filters).
if [ $# -eq 0 ]; then
	for i in 1 2 3 4 5 6 7 8 9 10; do
		out=$(rmmod p4tc 2>&1) && break
		sleep 1
	done
	if ! grep -q '^p4tc ' /proc/modules; then
		echo "ok - p4tc.ko unloads after the tests"
	else
		echo "not ok - p4tc.ko unloads after the tests"
		echo "#   $out"
		rc=1
	fi
fi
exit $rc
