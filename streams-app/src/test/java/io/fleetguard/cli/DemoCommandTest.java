package io.fleetguard.cli;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo never fails for want of its usual metrics port when none was asked for. */
class DemoCommandTest {

    @Test
    void takesTheUsualPortWhenFreeAndAnyFreePortWhenTaken() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            assertThat(DemoCommand.portOrAnyFree(port)).isZero();
        }
        assertThat(DemoCommand.portOrAnyFree(port)).isEqualTo(port);
    }
}
