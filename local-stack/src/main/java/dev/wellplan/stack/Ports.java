package dev.wellplan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers for picking and checking local TCP ports. */
public final class Ports {

    /** The one interface every server and service of the local stack listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A currently free port on the loopback interface. */
    public static int free() {
        return free(1)[0];
    }

    /** {@code count} distinct currently free ports (all sockets are held open until every port is picked). */
    public static int[] free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** {@code port} if it is not 0, otherwise a free port. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /** True when nothing accepts connections on localhost:{@code port} and it can be bound. */
    public static boolean isFree(int port) {
        if (isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The addresses of this machine's other interfaces (not loopback) on which something accepts connections on
     * {@code port}: empty when whatever listens there is reachable from this machine only.
     */
    public static List<InetAddress> listeningBeyondLoopback(int port) {
        List<InetAddress> reachable = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && accepts(address, port)) {
                        reachable.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("could not list this machine's network interfaces", e);
        }
        return reachable;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on localhost:{@code port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
