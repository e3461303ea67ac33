#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# libp4tc's ABI: the shared library exports exactly the symbols of
# libp4tc.map, which are exactly the functions libp4tc.h marks LIBP4TC_API,
# under the soname libp4tc.so.0.
set -u
cd "$(dirname "$0")/.." || exit 1

n=0
ok()
{
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
	fi
}

exported=$(nm -D --defined-only lib/libp4tc.so |
	awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort)
mapped=$(sed -n 's/^[[:space:]]*\(p4tc_[a-z0-9_]*\);$/\1/p' lib/libp4tc.map | sort)
declared=$(grep -A1 '^LIBP4TC_API' lib/libp4tc.h | grep -o 'p4tc_[a-z0-9_]*(' |
	tr -d '(' | sort -u)

[ -n "$mapped" ] && [ "$exported" = "$mapped" ]
ok $? "libp4tc.so exports the symbols of libp4tc.map and no others"
[ "$declared" = "$mapped" ]
ok $? "libp4tc.map lists the functions libp4tc.h declares"
nm -D --defined-only lib/libp4tc.so | grep -q ' LIBP4TC_0.1$'
ok $? "the symbols have the version node LIBP4TC_0.1"
readelf -d lib/libp4tc.so | grep -q 'SONAME.*\[libp4tc.so.0\]'
ok $? "the soname is libp4tc.so.0"
echo "1..$n"
