package org.enis.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortIsFreeAndNotListeningUntilBound() throws Exception {
        int port = Ports.freeLoopbackPort();

        assertThat(port).isBetween(1, Ports.MAX_PORT);
        assertThat(Ports.isFree(port)).isTrue();
        assertThat(Ports.isListening(port, 200)).isFalse();
        try (ServerSocket socket = new ServerSocket(port, 1, Ports.loopback())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.isListening(port, 200)).isTrue();
        }
    }

    @Test
    void checkPortNamesTheValueAndTheRange() {
        assertThat(Ports.checkPort(0, "port", true)).isZero();
        assertThat(Ports.checkPort(65_535, "port", false)).isEqualTo(65_535);
        assertThatThrownBy(() -> Ports.checkPort(0, "restPort", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restPort must be in 1..65535, got 0");
        assertThatThrownBy(() -> Ports.checkPort(70_000, "port", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be in 0..65535 (0 = a free port), got 70000");
    }
}
