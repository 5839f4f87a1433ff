package dev.wellplan.system;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection from a local address of this machine's own choosing (127.0.0.N: the whole
 * 127/8 is loopback), so that each of the benchmark's clients is a client IP address of its own to the planner, as
 * real clients are: the planner counts and serializes anonymous requests per client IP address. Java 17's
 * {@code HttpClient} cannot bind a local address, hence this small client: a POST with a JSON body, the answer's
 * status and body (by Content-Length or chunked). Not thread-safe: one per client thread.
 */
final class BoundHttp implements AutoCloseable {

    record Reply(int status, String body) {
    }

    private final InetAddress local;
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BoundHttp(InetAddress local, int port) {
        this.local = local;
        this.host = "localhost";
        this.port = port;
    }

    /**
     * POSTs {@code json} to {@code pathAndQuery}, with the extra header lines {@code headers} ("Name: value"). A
     * request on a kept-alive connection that the server had closed is sent once more on a new one: callers make
     * their requests safe to repeat (an Idempotency-Key, a confirmation).
     */
    Reply post(String pathAndQuery, String json, String... headers) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(pathAndQuery, json, headers);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(pathAndQuery, json, headers);
        }
    }

    private Reply exchange(String pathAndQuery, String json, String... headers) throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(30_000);
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(256).append("POST ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read();
    }

    private Reply read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, body);
        }
        if (closes) {
            close();
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new EOFException("the connection closed inside a body");
            }
            to.write(buffer, 0, read);
            n -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }
}
