#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# lpm and ternary tables, table actions, default actions, permissions,
# const entries, batches, aging and events over raw netlink (tables_raw.py),
# in a namespace of their own.

source "$(dirname "$0")/lib.sh"

NS=p4tbl-$$
trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS
ip netns exec $NS /usr/bin/python3 "$(dirname "$0")/tables_raw.py" || rc=1
ip netns add $NS-aging
ip netns exec $NS-aging /usr/bin/python3 "$(dirname "$0")/tables_raw.py" --leave-dynamic ||
	rc=1
ip netns del $NS-aging
sleep 1
exit ${rc:-0}
