package io.fleetguard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCidrsTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0, true",
            "10.0.0.0/8, 10.255.255.255, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/8, 9.255.255.255, false",
            "192.168.1.128/25, 192.168.1.128, true",
            "192.168.1.128/25, 192.168.1.255, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "10.1.2.3/8, 10.200.0.1, true",
            "0.0.0.0/0, 203.0.113.9, true",
            "203.0.113.5, 203.0.113.5, true",
            "203.0.113.5, 203.0.113.6, false",
            "203.0.113.5/32, 203.0.113.5, true",
            "2001:db8::/32, 2001:db8::1, true",
            "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
            "2001:db8::/32, 2001:db9::, false",
            "2001:db8::/127, 2001:db8::1, true",
            "2001:db8::/127, 2001:db8::2, false",
            "2001:DB8::/32, 2001:0db8:0000:0000:0000:0000:0000:0001, true",
            "::1, ::1, true",
            "::1, ::2, false",
            "::/0, ::1, true",
            "fe80::/10, febf:ffff::1, true",
            "fe80::/10, fec0::1, false",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0, true",
            "::ffff:10.0.0.0/104, 10.9.9.9, true",
            "10.0.0.0/8, ::ffff:10.1.2.3, true",
            "10.0.0.0/8, ::FFFF:a01:203, true"
    })
    void shouldContainAddressesInsideTheBlock(String cidr, String ip, boolean expected) {
        // When
        boolean contained = SourceCidrs.contains(List.of(cidr), ip);

        // Then
        assertThat(contained).isEqualTo(expected);
    }

    @Test
    void shouldNeverMatchAcrossAddressFamilies() {
        // Given IPv4 and IPv6 "everything" blocks
        // When / Then an address only matches blocks of its own family
        assertThat(SourceCidrs.contains(List.of("::/0"), "10.0.0.1")).isFalse();
        assertThat(SourceCidrs.contains(List.of("0.0.0.0/0"), "2001:db8::1")).isFalse();
        assertThat(SourceCidrs.contains(List.of("::/0"), "::ffff:10.0.0.1")).isFalse();
        assertThat(SourceCidrs.contains(List.of("::/96"), "::10.0.0.1")).isTrue();
        assertThat(SourceCidrs.contains(List.of("10.0.0.0/8"), "::10.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/08",
            "10.0.0.0/8/8", "010.0.0.0/8", "1.2.3.4.5", "2001:db8::/129", "2001:db8:::/32", "1::2::3",
            "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7:8:9", "12345::", ":1::", "1::2:", "::ffff:1.2.3",
            "fe80::1%eth0", "1.2.3.4::", "example.com", "localhost", "", " ", "10.0.0.0 /8", "１0.0.0.0/8"})
    void shouldIgnoreUnparseableCidrEntries(String cidr) {
        // Given an unparseable entry next to a valid one
        List<String> cidrs = List.of(cidr, "192.0.2.0/24");

        // When / Then the entry is not a block, and the valid one still works
        assertThat(CidrBlock.parse(cidr)).isEmpty();
        assertThat(SourceCidrs.contains(cidrs, "192.0.2.1")).isTrue();
        assertThat(SourceCidrs.contains(cidrs, "10.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"localhost", "10.0.0.1:1883", "[::1]", "10.0.0", "10.0.0.256", "010.0.0.1", "::ffff:10.0.0.1%1"})
    void shouldMatchNothingForAnUnparseableIp(String ip) {
        // Given blocks that would contain any address, including 127.0.0.1 and ::1
        List<String> everything = List.of("0.0.0.0/0", "::/0");

        // When / Then a name is never resolved and a malformed literal is outside every block
        assertThat(SourceCidrs.contains(everything, ip)).isFalse();
    }

    @Test
    void shouldParseBlocksToTheirNetwork() {
        assertThat(CidrBlock.parse("10.1.2.3/8")).hasValueSatisfying(b -> {
            assertThat(b).hasToString("10.0.0.0/8").isEqualTo(CidrBlock.parse("10.0.0.0/8").orElseThrow());
            assertThat(b.isIpv4()).isTrue();
        });
        assertThat(CidrBlock.parse("2001:db8::1/32")).hasValueSatisfying(b -> {
            assertThat(b).hasToString("2001:db8:0:0:0:0:0:0/32");
            assertThat(b.prefixLength()).isEqualTo(32);
        });
        assertThat(CidrBlock.parse("::ffff:192.0.2.7")).hasValueSatisfying(b -> assertThat(b).hasToString("192.0.2.7/32"));
        assertThat(CidrBlock.parse(" 192.0.2.0/24 ")).hasValueSatisfying(b -> assertThat(b).hasToString("192.0.2.0/24"));
    }

    @Test
    void shouldTellWhetherABlockContainsAnIp() {
        // Given
        CidrBlock block = CidrBlock.parse("192.0.2.0/24").orElseThrow();

        // When / Then
        assertThat(block.contains("192.0.2.200")).isTrue();
        assertThat(block.contains("192.0.3.1")).isFalse();
        assertThat(block.contains((String) null)).isFalse();
    }

    @Test
    void shouldMatchNothingWithoutCidrs() {
        assertThat(SourceCidrs.contains(List.of(), "10.0.0.1")).isFalse();
    }
}
