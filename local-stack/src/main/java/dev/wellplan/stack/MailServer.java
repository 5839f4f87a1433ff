package dev.wellplan.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <li>{@code GET /api/messages} — a JSON array, oldest first, one object per SMTP transaction: {@code id} (rising),
 * {@code to} (the envelope recipients), {@code from}, {@code subject}, {@code receivedAt} (ISO-8601),
 * {@code messageId}, {@code size} (bytes of MIME), plus {@code headerTo}, {@code cc}, {@code envelopeFrom}. Filters:
 * {@code to=address} (a recipient, any case), {@code since=instant} (received at or after it), {@code after=id}
 * (the next page: messages with a higher id); {@code limit=n} (default {@value #DEFAULT_LIMIT}, at most
 * {@value #MAX_LIMIT}); {@code raw=true} adds {@code raw}, the full MIME source. The header {@code X-Total-Count}
 * says how many messages match the filters ({@code after} and {@code limit} aside); when there are more than the
 * page holds, {@code Link: <...>; rel="next"} points at the next page.</li>
 * <li>{@code DELETE /api/messages} — forgets them all.</li>
 * <li>{@code GET /} — the newest messages as a plain HTML page (same filters).</li>
 * </ul>
 * Messages are kept in memory, the newest {@code capacity} of them (default {@value #DEFAULT_CAPACITY}; older ones are
 * dropped, and so are the oldest once the kept MIME passes {@value #MAX_RAW_BYTES} bytes, compressed), so that the
 * sink outlives any load: a benchmark's hundred thousand e-mails cost it no more memory than ten thousand. Nothing
 * about a message (address, subject, body) is ever logged.
 */
public final class MailServer implements AutoCloseable {

    /** How many messages are kept unless told otherwise ({@code ./wellplan up --mail-keep}). */
    public static final int DEFAULT_CAPACITY = 10_000;
    static final long MAX_RAW_BYTES = 64L * 1024 * 1024;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    /** One received message (one SMTP transaction, however many recipients); its MIME source kept compressed. */
    public static final class Message {
        private final long id;
        private final List<String> to;
        private final String from;
        private final String envelopeFrom;
        private final List<String> headerTo;
        private final List<String> cc;
        private final String subject;
        private final Instant receivedAt;
        private final String messageId;
        private final int size;
        private final byte[] packedRaw;

        Message(long id, List<String> to, String from, String envelopeFrom, List<String> headerTo, List<String> cc,
                String subject, Instant receivedAt, String messageId, byte[] raw) {
            this.id = id;
            this.to = List.copyOf(to);
            this.from = from;
            this.envelopeFrom = envelopeFrom;
            this.headerTo = List.copyOf(headerTo);
            this.cc = List.copyOf(cc);
            this.subject = subject;
            this.receivedAt = receivedAt;
            this.messageId = messageId;
            this.size = raw.length;
            this.packedRaw = pack(raw);
        }

        public long id() {
            return id;
        }

        /** The envelope recipients. */
        public List<String> to() {
            return to;
        }

        public String from() {
            return from;
        }

        public String envelopeFrom() {
            return envelopeFrom;
        }

        public List<String> headerTo() {
            return headerTo;
        }

        public List<String> cc() {
            return cc;
        }

        public String subject() {
            return subject;
        }

        public Instant receivedAt() {
            return receivedAt;
        }

        public String messageId() {
            return messageId;
        }

        /** Bytes of the MIME source. */
        public int size() {
            return size;
        }

        /** The full MIME source. */
        public String raw() {
            return new String(unpack(packedRaw, size), StandardCharsets.UTF_8);
        }

        boolean isFor(String recipient) {
            for (String t : to) {
                if (t.equalsIgnoreCase(recipient)) {
                    return true;
                }
            }
            return false;
        }

        int keptBytes() {
            return packedRaw.length;
        }
    }

    /** Which messages a listing wants: null or 0 for "any". */
    public record Query(String to, Instant since, long after, int limit) {

        /** Every message, oldest first. */
        public static final Query ALL = new Query(null, null, 0, Integer.MAX_VALUE);

        boolean matches(Message m) {
            return (to == null || m.isFor(to)) && (since == null || !m.receivedAt().isBefore(since));
        }
    }

    /** A page of messages, oldest first, and how many match the query in all (its {@code after} and limit aside). */
    public record Page(List<Message> messages, int total, boolean more) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;
    private final HttpServer http;
    private final ExecutorService httpExecutor;
    private final int capacity;
    private final Deque<Message> messages = new ArrayDeque<>();
    private long keptBytes;
    private long nextId = 1;
    /** The transactions of the last moments (several SMTP connections deliver at once), each recorded once. */
    private final Map<MovingMessage, Boolean> recentlyDelivered = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MovingMessage, Boolean> eldest) {
            return size() > 256;
        }
    };

    private MailServer(int smtpPort, int apiPort, int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("the mail server keeps at least one message, not " + capacity);
        }
        this.capacity = capacity;
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

    /**
     * Starts SMTP on {@code smtpPort} and the HTTP API on {@code apiPort} (0 = free port), on localhost, keeping the
     * newest {@value #DEFAULT_CAPACITY} messages.
     */
    public static MailServer start(int smtpPort, int apiPort) {
        return start(smtpPort, apiPort, DEFAULT_CAPACITY);
    }

    /** As {@link #start(int, int)}, keeping the newest {@code capacity} messages. */
    public static MailServer start(int smtpPort, int apiPort, int capacity) {
        try {
            return new MailServer(smtpPort, apiPort, capacity);
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

    /** How many messages it keeps at most: the newest ones. */
    public int capacity() {
        return capacity;
    }

    /** Every message it holds, oldest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The messages that match {@code query}, oldest first, at most {@code query.limit()} of them. */
    public synchronized Page messages(Query query) {
        List<Message> page = new ArrayList<>(Math.min(query.limit(), 256));
        int total = 0;
        boolean more = false;
        for (Message m : messages) {
            if (!query.matches(m)) {
                continue;
            }
            total++;
            if (m.id() > query.after()) {
                if (page.size() < query.limit()) {
                    page.add(m);
                } else {
                    more = true;
                }
            }
        }
        return new Page(page, total, more);
    }

    /** Forgets every received message. */
    public synchronized void clear() {
        messages.clear();
        keptBytes = 0;
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

    private void record(MovingMessage msg) {
        synchronized (this) {
            if (recentlyDelivered.put(msg, Boolean.TRUE) != null) {
                return; // the same transaction, delivered to its next recipient
            }
        }
        MimeMessage mime = msg.getMessage();
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            mime.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException | MessagingException e) {
            raw = new byte[0];
        }
        List<String> to = msg.getToAddresses().stream().map(MailAddress::getEmail).toList();
        String envelopeFrom = msg.getReturnPath() == null ? null : msg.getReturnPath().getEmail();
        String from = first(addresses(() -> mime.getFrom()));
        if (from == null) {
            from = envelopeFrom;
        }
        List<String> headerTo = addresses(() -> mime.getRecipients(jakarta.mail.Message.RecipientType.TO));
        List<String> cc = addresses(() -> mime.getRecipients(jakarta.mail.Message.RecipientType.CC));
        String subject = safe(mime::getSubject);
        String messageId = safe(mime::getMessageID);
        synchronized (this) {
            Message message = new Message(nextId++, to, from, envelopeFrom, headerTo, cc, subject, Instant.now(),
                    messageId, raw);
            messages.addLast(message);
            keptBytes += message.keptBytes();
            while (messages.size() > capacity || (keptBytes > MAX_RAW_BYTES && messages.size() > 1)) {
                keptBytes -= messages.removeFirst().keptBytes();
            }
        }
    }

    /** MIME compresses well (base64 and quoted-printable text): a tenth to a fifth of its size is kept. */
    private static byte[] pack(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] unpack(byte[] packed, int size) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            byte[] raw = new byte[size];
            int n = 0;
            while (n < size && !inflater.finished()) {
                n += inflater.inflate(raw, n, size - n);
            }
            return raw;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept message could not be read back", e);
        } finally {
            inflater.end();
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
                case "GET" -> list(exchange);
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

    private void list(HttpExchange exchange) throws IOException {
        Query query;
        try {
            query = query(exchange, DEFAULT_LIMIT);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, "application/json", JSON.writeValueAsString(Map.of("error", e.getMessage())));
            return;
        }
        Page page = messages(query);
        exchange.getResponseHeaders().set("X-Total-Count", String.valueOf(page.total()));
        if (page.more() && !page.messages().isEmpty()) {
            exchange.getResponseHeaders().set("Link", "</api/messages?" + nextPage(exchange, page) + ">; rel=\"next\"");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024 + page.messages().size() * 512);
        json(page.messages(), "true".equalsIgnoreCase(param(exchange, "raw")), body);
        send(exchange, 200, "application/json", body.toByteArray());
    }

    /** The same query with {@code after} moved past the page's last message. */
    private static String nextPage(HttpExchange exchange, Page page) {
        String query = exchange.getRequestURI().getRawQuery();
        StringBuilder next = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("after=")) {
                    next.append(pair).append('&');
                }
            }
        }
        return next.append("after=").append(page.messages().get(page.messages().size() - 1).id()).toString();
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
            Query query;
            try {
                query = query(exchange, Integer.MAX_VALUE);
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain; charset=utf-8", e.getMessage());
                return;
            }
            // the newest messages: the page shows them newest first, each with its source
            Page all = messages(new Query(query.to(), query.since(), query.after(), Integer.MAX_VALUE));
            List<Message> list = all.messages();
            int shown = Math.min(list.size(), Math.min(query.limit(), PAGE_MESSAGES));
            send(exchange, 200, "text/html; charset=utf-8", html(list.subList(list.size() - shown, list.size()),
                    all.total()));
        }
    }

    /** The page shows at most this many messages, the newest. */
    static final int PAGE_MESSAGES = 50;

    /** The filters of a listing; a value that cannot be read is refused, naming its parameter. */
    private static Query query(HttpExchange exchange, int defaultLimit) {
        String to = param(exchange, "to");
        String since = param(exchange, "since");
        String after = param(exchange, "after");
        String limit = param(exchange, "limit");
        Instant sinceInstant;
        try {
            sinceInstant = since == null || since.isBlank() ? null : Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant, e.g. 2026-12-04T10:15:30Z");
        }
        long afterId = number(after, "after", 0, Long.MAX_VALUE, 0);
        int n = (int) number(limit, "limit", 0, defaultLimit == Integer.MAX_VALUE ? Integer.MAX_VALUE : MAX_LIMIT,
                defaultLimit);
        return new Query(to == null || to.isBlank() ? null : to.trim(), sinceInstant, afterId, n);
    }

    private static long number(String text, String name, long min, long max, long otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }

    private static String param(HttpExchange exchange, String name) {
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

    /** Writes the messages as a JSON array, each with its MIME source only when {@code withRaw}. */
    static void json(List<Message> list, boolean withRaw, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (Message m : list) {
                json.writeStartObject();
                json.writeNumberField("id", m.id());
                strings(json, "to", m.to());
                json.writeStringField("from", m.from());
                json.writeStringField("envelopeFrom", m.envelopeFrom());
                strings(json, "headerTo", m.headerTo());
                strings(json, "cc", m.cc());
                json.writeStringField("subject", m.subject());
                json.writeStringField("receivedAt", m.receivedAt().toString());
                json.writeStringField("messageId", m.messageId());
                json.writeNumberField("size", m.size());
                if (withRaw) {
                    json.writeStringField("raw", m.raw());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static String html(List<Message> list, int total) {
        StringBuilder page = new StringBuilder(4096);
        page.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>wellplan mail</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em;max-height:30em;")
                .append("overflow:auto}</style></head><body><h1>wellplan mail</h1><p>")
                .append(total).append(" message(s) held");
        if (list.size() < total) {
            page.append(", the newest ").append(list.size()).append(" below");
        }
        page.append(". JSON: <a href=\"/api/messages\">/api/messages</a>")
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
        send(exchange, status, contentType, Objects.requireNonNullElse(body, "").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
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
