#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything a fresh Debian bookworm machine lacks to build p4tc and
# run it in the Debian 6.1 guest, then prepare the build cache:
#   - Debian packages (toolchain, guest kernel headers, qemu, test tools);
#   - the guest kernel image and modules, unpacked (no update-initramfs);
#   - vmlinux (with .BTF) extracted from that kernel image;
#   - resolve_btfids built from linux-source-6.1.
# Idempotent: every step checks before it works; root is needed only for
# what is missing.
# Prints the cache directory's environment (KVER=…, CACHE=…) to stdout when
# called with --print-env; with --kver, only prints the guest kernel ABI.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${P4TC_CACHE:-/var/cache/p4tc}

packages=(
	make gcc libc6-dev libc6-dev-i386 pkg-config
	libelf-dev zlib1g-dev
	clang llvm libbpf-dev bpftool dwarves libmnl-dev liburcu-dev
	linux-headers-amd64 linux-source-6.1 linux-kbuild-6.1
	qemu-system-x86 busybox-static kmod cpio xz-utils
	iproute2 iputils-ping util-linux jq python3 python3-docutils
)

log() { echo "deps: $*" >&2; }

install_packages()
{
	local missing=() p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || { log "missing packages, run as root: ${missing[*]}"; exit 1; }
	log "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The ABI of the guest kernel: the one the installed linux-headers-amd64
# meta-package points at (never hard-coded).
guest_kver()
{
	dpkg-query -W -f='${Depends}' linux-headers-amd64 |
		grep -o 'linux-headers-[0-9][^ ,]*-amd64' | head -n1 |
		sed 's/^linux-headers-//'
}

fetch_kernel_image()
{
	local kver=$1 dir=$cache/kernel/$kver deb
	[ -f "$dir/boot/vmlinuz-$kver" ] && [ -f "$dir/lib/modules/$kver/modules.dep" ] && return 0
	log "unpacking linux-image-$kver into $dir"
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp/deb"
	# apt's sandbox user must be able to write there.
	chmod 777 "$dir.tmp/deb"
	(cd "$dir.tmp/deb" && apt-get download -qq "linux-image-$kver-unsigned" >&2 ||
		apt-get download -qq "linux-image-$kver" >&2)
	for deb in "$dir.tmp"/deb/*.deb; do
		dpkg -x "$deb" "$dir.tmp"
	done
	rm -rf "$dir.tmp/deb"
	# modprobe in the guest needs what the package's postinst would make.
	depmod -b "$dir.tmp" "$kver"
	rm -rf "$dir"
	mv "$dir.tmp" "$dir"
}

# vmlinuz carries an xz-compressed ELF; vmlinux keeps the .BTF section.
extract_vmlinux()
{
	local kver=$1 dir=$cache/kernel/$kver off
	[ -s "$dir/vmlinux" ] && return 0
	log "extracting vmlinux BTF from vmlinuz-$kver"
	off=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$dir/boot/vmlinuz-$kver" | head -n1 | cut -d: -f1)
	[ -n "$off" ] || { log "no xz stream in vmlinuz-$kver"; exit 1; }
	tail -c +$((off + 1)) "$dir/boot/vmlinuz-$kver" | xz -dc 2>/dev/null >"$dir/vmlinux.tmp" || true
	readelf -S "$dir/vmlinux.tmp" | grep -q '\.BTF' ||
		{ log "vmlinux from vmlinuz-$kver has no .BTF"; exit 1; }
	mv "$dir/vmlinux.tmp" "$dir/vmlinux"
}

build_resolve_btfids()
{
	local src=$cache/linux-source-6.1 tarball=/usr/src/linux-source-6.1.tar.xz
	[ -x "$cache/bin/resolve_btfids" ] && return 0
	log "building resolve_btfids from linux-source-6.1"
	rm -rf "$src"
	mkdir -p "$cache"
	tar -C "$cache" -xJf "$tarball" linux-source-6.1/tools linux-source-6.1/include \
		linux-source-6.1/scripts linux-source-6.1/Makefile linux-source-6.1/arch/x86/include
	make -s -C "$src/tools/bpf/resolve_btfids" >&2
	mkdir -p "$cache/bin"
	cp "$src/tools/bpf/resolve_btfids/resolve_btfids" "$cache/bin/"
}

main()
{
	local kver
	if [ "${1:-}" = --kver ]; then
		guest_kver
		return
	fi
	install_packages
	kver=$(guest_kver)
	[ -n "$kver" ] || { log "cannot find the guest kernel ABI"; exit 1; }
	fetch_kernel_image "$kver"
	extract_vmlinux "$kver"
	build_resolve_btfids
	# The guest chroots into this machine's root and runs modprobe there.
	[ -d /lib/modules ] || mkdir /lib/modules
	if [ "${1:-}" = --print-env ]; then
		echo "KVER=$kver"
		echo "CACHE=$cache"
	fi
}

main "$@"
