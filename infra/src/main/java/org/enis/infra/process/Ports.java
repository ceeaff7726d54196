package org.enis.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** TCP ports on the loopback interface, where every service of this project listens. */
public final class Ports {

    /** Highest TCP port number. */
    public static final int MAX_PORT = 65_535;

    private Ports() {
    }

    /** The loopback address 127.0.0.1. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /**
     * A port that is free on 127.0.0.1 right now. Another process may take it before it is
     * used, so a launcher that uses it retries with a new one if binding fails.
     *
     * @return a free port number in 1..65535
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port on 127.0.0.1", e);
        }
    }

    /**
     * Whether a port on 127.0.0.1 can be bound now, that is, nothing listens on it.
     *
     * @param port port number in 1..65535
     * @return true if the port is free
     */
    public static boolean isFree(int port) {
        checkPort(port, "port", false);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether something accepts TCP connections on 127.0.0.1 at this port.
     *
     * @param port port number in 1..65535
     * @param timeoutMs connect timeout in milliseconds
     * @return true if a connection was accepted
     */
    public static boolean isListening(int port, int timeoutMs) {
        checkPort(port, "port", false);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), timeoutMs);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Validates a port number.
     *
     * @param port the value
     * @param name the option or parameter it came from, for the message
     * @param zeroMeansFree whether 0 is allowed (a free port is chosen)
     * @return the port
     * @throws IllegalArgumentException if out of range
     */
    public static int checkPort(int port, String name, boolean zeroMeansFree) {
        int min = zeroMeansFree ? 0 : 1;
        if (port < min || port > MAX_PORT) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + MAX_PORT
                    + (zeroMeansFree ? " (0 = a free port)" : "") + ", got " + port);
        }
        return port;
    }
}
