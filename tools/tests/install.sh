#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make install into a scratch DESTDIR: the files land where they should, and
# a program built with the installed pkg-config file and header links and
# runs against the installed shared library.
set -u
cd "$(dirname "$0")/.." || exit 1

source tests/tap.sh

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

${MAKE:-make} -s install DESTDIR="$dest" PREFIX=/usr LIBDIR=/usr/lib >/dev/null
ok $? "make install"
for f in usr/bin/p4tc usr/lib/libp4tc.a usr/lib/libp4tc.so usr/lib/libp4tc.so.0 \
	 usr/lib/pkgconfig/libp4tc.pc usr/include/p4tc/libp4tc.h \
	 usr/include/p4tc/uapi/linux/p4tc.h usr/include/p4tc/uapi/linux/tc_p4.h \
	 usr/share/man/man8/p4tc.8; do
	[ -e "$dest/$f" ]
	ok $? "installs /$f"
done

cat >"$dest/prog.c" <<'PROG'
#include <stdio.h>
#include <p4tc/libp4tc.h>

int main(void)
{
	LIBP4TC_OPTS(p4tc_open_opts, opts);
	struct p4tc_handle *h = p4tc_open(&opts);

	printf("%s %d\n", p4tc_version_string(), P4TC_T_IPV4);
	p4tc_close(h);
	return !h;
}
PROG
export PKG_CONFIG_PATH="$dest/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
# shellcheck disable=SC2046 # pkg-config prints several words
${CC:-gcc} -Wall -Werror $(pkg-config --cflags libp4tc) -o "$dest/prog" "$dest/prog.c" \
	$(pkg-config --libs libp4tc)
ok $? "a program builds with the installed header and pkg-config file"
out=$(LD_LIBRARY_PATH="$dest/usr/lib" "$dest/prog")
[ "$out" = "$(sed -n 's/^Version: //p' "$dest/usr/lib/pkgconfig/libp4tc.pc") 5" ]
ok $? "and runs against the installed libp4tc.so ($out)"
echo "1..$n"
