package dev.wellplan.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real SMTP server (GreenMail) plus a tiny HTTP API to read what it received:
 * <ul>
 * <li>{@code GET /api/messages} — a JSON array, oldest first, one object per SMTP transaction: {@code to} (the
 * envelope recipients), {@code from}, {@code subject}, {@code receivedAt} (ISO-8601), {@code messageId},
 * {@code raw} (the full MIME source), plus {@code headerTo}, {@code cc}, {@code envelopeFrom}, {@code size}.
 * {@code ?to=address} keeps only messages for that recipient.</li>
 * <li>{@code DELETE /api/messages} — forgets them all.</li>
 * <li>{@code GET /} — the same as a plain HTML page.</li>
 * </ul>
 * Messages are kept in memory (the oldest are dropped past {@value #MAX_MESSAGES} messages or
 * {@value #MAX_RAW_BYTES} bytes). Nothing about a message (address, subject, body) is ever logged.
 */
public final class MailServer implements AutoCloseable {

    static final int MAX_MESSAGES = 5_000;
    static final long MAX_RAW_BYTES = 64L * 1024 * 1024;

    /** One received message (one SMTP transaction, however many recipients). */
    public record Message(long id, List<String> to, String from, String envelopeFrom, List<String> headerTo,
            List<String> cc, String subject, Instant receivedAt, String messageId, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;
    private final HttpServer http;
    private final ExecutorService httpExecutor;
    private final Deque<Message> messages = new ArrayDeque<>();
    private long rawBytes;
    private long nextId = 1;
    private MovingMessage lastDelivered;

    private MailServer(int smtpPort, int apiPort) throws IOException {
        ServerSetup setup = new ServerSetup(Ports.orFree(smtpPort), Ports.LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(setup);
        greenMail.start();
        // replaces GreenMail's default delivery, which stores a copy per recipient and logs every new address
        greenMail.getUserManager().setMessageDeliveryHandler((msg, address) -> {
            record(msg);
            return DiscardingUser.INSTANCE;
        });
        try {
            http = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, Ports.orFree(apiPort)), 0);
        } catch (IOException e) {
            greenMail.stop();
            throw e;
        }
        httpExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mail-api");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpExecutor);
        http.createContext("/api/messages", this::handleApi);
        http.createContext("/", this::handlePage);
        http.start();
    }

    /** Starts SMTP on {@code smtpPort} and the HTTP API on {@code apiPort} (0 = free port), on localhost. */
    public static MailServer start(int smtpPort, int apiPort) {
        try {
            return new MailServer(smtpPort, apiPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the mail server", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start the mail server on SMTP port " + smtpPort
                    + " / API port " + apiPort + ": " + e.getMessage(), e);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** {@code localhost}. */
    public String smtpHost() {
        return "localhost";
    }

    public int apiPort() {
        return http.getAddress().getPort();
    }

    /** {@code http://localhost:<apiPort>} — the HTML page; the JSON is at {@code /api/messages}. */
    public String url() {
        return "http://localhost:" + apiPort();
    }

    /** Everything received so far, oldest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Forgets every received message. */
    public synchronized void clear() {
        messages.clear();
        rawBytes = 0;
    }

    public void stop() {
        http.stop(0);
        httpExecutor.shutdownNow();
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- receiving

    private synchronized void record(MovingMessage msg) {
        if (msg == lastDelivered) {
            return; // the same transaction, delivered to its next recipient
        }
        lastDelivered = msg;
        MimeMessage mime = msg.getMessage();
        String raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            raw = out.toString(StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            raw = "";
        }
        List<String> to = msg.getToAddresses().stream().map(MailAddress::getEmail).toList();
        String envelopeFrom = msg.getReturnPath() == null ? null : msg.getReturnPath().getEmail();
        String from = first(addresses(() -> mime.getFrom()));
        if (from == null) {
            from = envelopeFrom;
        }
        Message message = new Message(nextId++, to, from, envelopeFrom,
                addresses(() -> mime.getRecipients(jakarta.mail.Message.RecipientType.TO)),
                addresses(() -> mime.getRecipients(jakarta.mail.Message.RecipientType.CC)),
                safe(mime::getSubject), Instant.now(), safe(mime::getMessageID), raw);
        messages.addLast(message);
        rawBytes += raw.length();
        while (messages.size() > MAX_MESSAGES || (rawBytes > MAX_RAW_BYTES && messages.size() > 1)) {
            rawBytes -= messages.removeFirst().raw().length();
        }
    }

    private interface MailGetter<T> {
        T get() throws MessagingException;
    }

    private static String safe(MailGetter<String> getter) {
        try {
            return getter.get();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> addresses(MailGetter<Address[]> getter) {
        try {
            Address[] addresses = getter.get();
            if (addresses == null) {
                return List.of();
            }
            return Arrays.stream(addresses)
                    .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
                    .toList();
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * A recipient that keeps nothing: what a delivery handler returns for messages it has already counted or kept
     * itself (here, {@link #record}; the notifier's dispatch benchmark too).
     */
    public static final class DiscardingUser implements GreenMailUser {
        static final DiscardingUser INSTANCE = new DiscardingUser("sink@localhost", "sink");

        private final String email;
        private final String login;

        public DiscardingUser(String email, String login) {
            this.email = email;
            this.login = login;
        }

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return login;
        }

        @Override
        public void deliver(MovingMessage msg) {
        }

        @Override
        public void deliver(MimeMessage msg) {
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return login;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().replaceAll("/+$", "").equals("/api/messages")) {
                send(exchange, 404, "application/json", "{\"error\":\"not found\"}");
                return;
            }
            switch (exchange.getRequestMethod().toUpperCase(Locale.ROOT)) {
                case "GET" -> send(exchange, 200, "application/json", json(filter(exchange)));
                case "DELETE" -> {
                    clear();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, DELETE");
                    send(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
                }
            }
        }
    }

    private void handlePage(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
                return;
            }
            if (!exchange.getRequestMethod().equalsIgnoreCase("GET")) {
                exchange.getResponseHeaders().add("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", html(filter(exchange)));
        }
    }

    private List<Message> filter(HttpExchange exchange) {
        String to = query(exchange, "to");
        List<Message> all = messages();
        if (to == null || to.isBlank()) {
            return all;
        }
        return all.stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(to.trim()))).toList();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String json(List<Message> list) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (Message m : list) {
            ObjectNode node = array.addObject();
            node.put("id", m.id());
            node.putPOJO("to", m.to());
            node.put("from", m.from());
            node.put("envelopeFrom", m.envelopeFrom());
            node.putPOJO("headerTo", m.headerTo());
            node.putPOJO("cc", m.cc());
            node.put("subject", m.subject());
            node.put("receivedAt", m.receivedAt().toString());
            node.put("messageId", m.messageId());
            node.put("size", m.raw().length());
            node.put("raw", m.raw());
        }
        return JSON.writeValueAsString(array);
    }

    static String html(List<Message> list) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>wellplan mail</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em;max-height:30em;")
                .append("overflow:auto}</style></head><body><h1>wellplan mail</h1><p>")
                .append(list.size()).append(" message(s) received. JSON: <a href=\"/api/messages\">/api/messages</a>")
                .append(" &middot; <a href=\"/\">refresh</a></p><table><tr><th>#</th><th>received</th><th>from</th>")
                .append("<th>to</th><th>subject</th></tr>");
        for (int i = list.size() - 1; i >= 0; i--) {
            Message m = list.get(i);
            page.append("<tr><td>").append(m.id()).append("</td><td>").append(escape(m.receivedAt().toString()))
                    .append("</td><td>").append(escape(m.from())).append("</td><td>")
                    .append(escape(String.join(", ", m.to()))).append("</td><td>").append(escape(m.subject()))
                    .append("<details><summary>source (").append(escape(m.messageId()))
                    .append(")</summary><pre>").append(escape(m.raw())).append("</pre></details></td></tr>");
        }
        return page.append("</table></body></html>").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = Objects.requireNonNullElse(body, "").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public String toString() {
        return "MailServer[smtp localhost:" + smtpPort() + ", api " + url() + "]";
    }
}
