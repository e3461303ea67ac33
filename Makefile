# SPDX-License-Identifier: GPL-2.0
#
# p4tc: P4 pipelines on Linux Traffic Control.
#
#   make            build p4tc.ko (with BTF), the BPF programs and the tools
#   make check      host unit tests, then the selftests in the 6.1 guest
#   make demo       the simple_l3 pipeline forwarding real packets, in the guest
#   make bench      benchmarks, native and in the guest: build/bench.json
#   make install    module, CLI, library, tc plugin, man pages (DESTDIR-aware)
#
# V=1 shows the commands. KDIR selects the kernel headers (kernel/Makefile).

Q = $(if $(V),,@)
MAKEFLAGS += --no-print-directory $(if $(V),,-s)

all: deps
	$(Q)$(MAKE) -C kernel
	$(Q)$(MAKE) -C tools
	$(Q)$(MAKE) -C iproute2-ext
	$(Q)$(MAKE) -C p4c-templates
	$(Q)$(MAKE) -C bpf

# Installs what this machine lacks (needs root only then) and prepares the
# guest kernel, vmlinux BTF and resolve_btfids in /var/cache/p4tc.
deps:
	$(Q)bash tools/deps.sh

check: all
	$(Q)tools/check

demo: all
	$(Q)tools/vmtest -- tools/demo

bench: all
	$(Q)tools/bench

install: all
	$(Q)$(MAKE) -C kernel install
	$(Q)$(MAKE) -C tools install
	$(Q)$(MAKE) -C iproute2-ext install

clean:
	$(Q)$(MAKE) -C kernel clean
	$(Q)$(MAKE) -C tools clean
	$(Q)$(MAKE) -C iproute2-ext clean
	$(Q)$(MAKE) -C p4c-templates clean
	$(Q)$(MAKE) -C bpf clean
	$(Q)rm -rf build

.PHONY: all deps check demo bench install clean
