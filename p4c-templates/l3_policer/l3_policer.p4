/* SPDX-License-Identifier: GPL-2.0 */
/*
 * l3_policer: simple_l3 with the stateful externs: a direct counter on
 * nh_table, a per-port counter, a policer (meter) and a digest of misses.
 *
 * The reference for l3_policer_parser.c and l3_policer_control_blocks.c,
 * which are written in the layout the p4c tc backend emits.
 */
#include <core.p4>
#include <tc/pna.p4>

header ethernet_t {
    @tc_type("macaddr") bit<48> dstAddr;
    @tc_type("macaddr") bit<48> srcAddr;
    bit<16> etherType;
}

header ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  diffserv;
    bit<16> totalLen;
    bit<16> identification;
    bit<3>  flags;
    bit<13> fragOffset;
    bit<8>  ttl;
    bit<8>  protocol;
    bit<16> hdrChecksum;
    @tc_type("ipv4") bit<32> srcAddr;
    @tc_type("ipv4") bit<32> dstAddr;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
}

struct metadata_t { }

/* What the control plane learns of a packet nh_table missed. */
struct miss_digest_t {
    @tc_type("ipv4") bit<32> dstAddr;
    @tc_type("dev") PortId_t ingress_port;
}

parser Parser(packet_in pkt, out headers_t hdr, inout metadata_t meta,
              in pna_main_parser_input_metadata_t istd) {
    state start {
        pkt.extract(hdr.ethernet);
        transition select(hdr.ethernet.etherType) {
            0x0800: parse_ipv4;
            default: reject;
        }
    }
    state parse_ipv4 {
        pkt.extract(hdr.ipv4);
        transition accept;
    }
}

control ingress(inout headers_t hdr, inout metadata_t meta,
                in pna_main_input_metadata_t istd,
                inout pna_main_output_metadata_t ostd) {
    DirectCounter<bit<64>>(PNA_CounterType_t.PACKETS_AND_BYTES) nh_counter;
    @tc_numel(64) Counter<bit<64>, bit<32>>(64, PNA_CounterType_t.PACKETS_AND_BYTES) port_counter;
    @tc_numel(1) Meter<bit<32>>(1, PNA_MeterType_t.PACKETS) policer;
    Digest<miss_digest_t>() miss_digest;

    action send_nh(@tc_type("dev") PortId_t port_id,
                   @tc_type("macaddr") bit<48> dmac,
                   @tc_type("macaddr") bit<48> smac) {
        nh_counter.count();
        hdr.ethernet.srcAddr = smac;
        hdr.ethernet.dstAddr = dmac;
        send_to_port(port_id);
    }
    action drop() {
        drop_packet();
    }

    table nh_table {
        key = {
            hdr.ipv4.dstAddr : exact @tc_type("ipv4") @name("dstAddr");
        }
        actions = {
            send_nh;
            drop;
        }
        size = 2048;
        pna_direct_counter = nh_counter;
        const default_action = drop;
    }

    apply {
        if (hdr.ipv4.isValid()) {
            port_counter.count((bit<32>)istd.input_port & 63);
            if (policer.execute(0) == PNA_MeterColor_t.RED) {
                drop_packet();
            } else if (!nh_table.apply().hit) {
                miss_digest.pack({hdr.ipv4.dstAddr, istd.input_port});
            }
        }
    }
}

control Deparser(packet_out pkt, inout headers_t hdr, in metadata_t meta,
                 in pna_main_output_metadata_t ostd) {
    apply {
        pkt.emit(hdr.ethernet);
        pkt.emit(hdr.ipv4);
    }
}

PNA_NIC(Parser(), ingress(), Deparser()) main;
