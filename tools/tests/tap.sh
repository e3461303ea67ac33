# SPDX-License-Identifier: GPL-2.0
#
# TAP output for the shell tests, the counterpart of tap.h. Source it.

n=0

# ok STATUS DESC: one TAP line, "ok" if STATUS is 0.
ok()
{
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
	fi
}
