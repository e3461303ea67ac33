#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Malformed and out-of-range netlink requests, sent without the CLI
# (nl_raw.py), in a namespace of their own.

source "$(dirname "$0")/lib.sh"

NS=p4raw-$$
trap 'ip netns del $NS 2>/dev/null' EXIT
load_module
ip netns add $NS
ip netns exec $NS /usr/bin/python3 "$(dirname "$0")/nl_raw.py"
