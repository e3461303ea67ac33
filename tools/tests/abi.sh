#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# libp4tc's ABI: the shared library exports exactly the symbols of
# libp4tc.map, which are exactly the functions libp4tc.h marks LIBP4TC_API,
# under the soname libp4tc.so.0. Each symbol keeps the version node it
# first appeared in; later nodes inherit the earlier ones, as in libbpf.
set -u
cd "$(dirname "$0")/.." || exit 1

source tests/tap.sh

exported=$(nm -D --defined-only lib/libp4tc.so |
	awk '$2 == "T" { sub(/@.*/, "", $3); print $3 }' | sort)
mapped=$(sed -n 's/^[[:space:]]*\(p4tc_[a-z0-9_]*\);$/\1/p' lib/libp4tc.map | sort)
declared=$(grep -A1 '^LIBP4TC_API' lib/libp4tc.h | grep -o 'p4tc_[a-z0-9_]*(' |
	tr -d '(' | sort -u)

[ -n "$mapped" ] && [ "$exported" = "$mapped" ]
ok $? "libp4tc.so exports the symbols of libp4tc.map and no others"
[ "$declared" = "$mapped" ]
ok $? "libp4tc.map lists the functions libp4tc.h declares"
# node SYMBOL: the version node the map puts SYMBOL in.
node()
{
	awk -v sym="$1;" '/^LIBP4TC_[0-9.]+ \{/ { n = $1 } $1 == sym { print n }' lib/libp4tc.map
}

versioned=$(nm -D --defined-only lib/libp4tc.so |
	awk '$2 == "T" { split($3, s, "@+"); print s[1], s[2] }' | sort)
expected=$(for s in $mapped; do echo "$s $(node "$s")"; done | sort)
[ -n "$versioned" ] && [ "$versioned" = "$expected" ]
ok $? "each symbol has the version node the map gives it"
[ "$(node p4tc_open)" = LIBP4TC_0.1 ] && [ "$(node p4tc_filter_add)" = LIBP4TC_0.1 ]
ok $? "the first release's symbols stay in LIBP4TC_0.1"
[ "$(node p4tc_prog_load)" = LIBP4TC_0.2 ]
ok $? "p4tc_prog_load is in LIBP4TC_0.2"
grep -q '^} LIBP4TC_0.1;$' lib/libp4tc.map
ok $? "LIBP4TC_0.2 inherits LIBP4TC_0.1"
readelf -d lib/libp4tc.so | grep -q 'SONAME.*\[libp4tc.so.0\]'
ok $? "the soname is libp4tc.so.0"
echo "1..$n"
