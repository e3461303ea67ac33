#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bulk entry creation over raw netlink (bulk_raw.py), in a namespace of
# its own.

source "$(dirname "$0")/lib.sh"

NS=p4bulk-$$
trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS
ip netns exec $NS /usr/bin/python3 "$(dirname "$0")/bulk_raw.py"
