package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MailServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private MailServer mail;

    @BeforeEach
    void start() {
        mail = MailServer.start(0, 0);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void receivesOverSmtpAndListsTheMessageAsJsonWithItsRawSourceOnRequest() throws Exception {
        send("reminder-1@wellplan.dev", "Your massage is tomorrow <10:00>", "Drink water & rest.",
                "ana@example.com", "coach@example.com");

        JsonNode withoutRaw = new ObjectMapper().readTree(get("/api/messages").body());
        assertThat(withoutRaw).singleElement().satisfies(m -> {
            assertThat(m.has("raw")).as("the MIME source only on request").isFalse();
            assertThat(m.get("size").asInt()).isGreaterThan(100);
        });
        HttpResponse<String> response = get("/api/messages?raw=true");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode messages = new ObjectMapper().readTree(response.body());
        assertThat(messages.isArray()).isTrue();
        assertThat(messages).hasSize(1);
        JsonNode m = messages.get(0);
        assertThat(m.get("to")).extracting(JsonNode::asText).containsExactly("ana@example.com", "coach@example.com");
        assertThat(m.get("from").asText()).isEqualTo("wellplan <reminders@wellplan.dev>");
        assertThat(m.get("subject").asText()).isEqualTo("Your massage is tomorrow <10:00>");
        assertThat(m.get("messageId").asText()).isEqualTo("<reminder-1@wellplan.dev>");
        assertThat(Instant.parse(m.get("receivedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(m.get("raw").asText())
                .contains("Message-ID: <reminder-1@wellplan.dev>")
                .contains("Subject: Your massage is tomorrow <10:00>")
                .contains("Drink water & rest.");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your massage is tomorrow &lt;10:00&gt;")
                .doesNotContain("tomorrow <10:00>");

        assertThat(mail.messages()).singleElement().extracting(MailServer.Message::subject)
                .isEqualTo("Your massage is tomorrow <10:00>");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(mail.url() + "/api/messages"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages").body()).isEqualTo("[]");
    }

    @Test
    void keepsOneEntryPerSmtpTransactionEvenForIdenticalMessages() throws Exception {
        send("same@wellplan.dev", "Check-in", "How is your back?", "ana@example.com");
        send("same@wellplan.dev", "Check-in", "How is your back?", "ana@example.com");
        send("other@wellplan.dev", "Other", "x", "bob@example.com");

        assertThat(mail.messages()).hasSize(3);
        JsonNode onlyAna = new ObjectMapper().readTree(get("/api/messages?to=ana%40example.com").body());
        assertThat(onlyAna).hasSize(2);
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void keepsTheNewestMessagesOnlyAndPagesThroughThem() throws Exception {
        mail.stop();
        mail = MailServer.start(0, 0, 3);
        for (int i = 1; i <= 5; i++) {
            send("m" + i + "@wellplan.dev", "Message " + i, "x", i % 2 == 0 ? "bob@example.com" : "ana@example.com");
        }

        assertThat(mail.messages()).extracting(MailServer.Message::subject)
                .containsExactly("Message 3", "Message 4", "Message 5");
        HttpResponse<String> first = get("/api/messages?limit=2");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
        JsonNode page = new ObjectMapper().readTree(first.body());
        assertThat(page).extracting(m -> m.get("subject").asText()).containsExactly("Message 3", "Message 4");
        String next = first.headers().firstValue("Link").orElseThrow();
        assertThat(next).isEqualTo("</api/messages?limit=2&after=" + page.get(1).get("id").asLong() + ">; rel=\"next\"");
        HttpResponse<String> second = get(next.substring(1, next.indexOf('>')));
        assertThat(new ObjectMapper().readTree(second.body())).extracting(m -> m.get("subject").asText())
                .containsExactly("Message 5");
        assertThat(second.headers().firstValue("Link")).isEmpty();

        assertThat(new ObjectMapper().readTree(get("/api/messages?to=ANA%40example.com").body()))
                .extracting(m -> m.get("subject").asText()).containsExactly("Message 3", "Message 5");
        HttpResponse<String> none = get("/api/messages?to=bob%40example.com&limit=0");
        assertThat(none.body()).isEqualTo("[]");
        assertThat(none.headers().firstValue("X-Total-Count")).hasValue("1");
    }

    @Test
    void filtersByTimeOfReceipt() throws Exception {
        send("early@wellplan.dev", "Early", "x", "ana@example.com");
        Instant between = mail.messages().get(0).receivedAt().plusMillis(1);
        Thread.sleep(5);
        send("late@wellplan.dev", "Late", "x", "ana@example.com");

        assertThat(new ObjectMapper().readTree(get("/api/messages?since=" + between).body()))
                .extracting(m -> m.get("subject").asText()).containsExactly("Late");
    }

    @Test
    void refusesFiltersItCannotRead() throws Exception {
        for (String query : new String[] {"since=yesterday", "limit=-1", "limit=1001", "after=x"}) {
            HttpResponse<String> refused = get("/api/messages?" + query);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText()).as(query)
                    .containsAnyOf("since", "limit", "after");
        }
    }

    private void send(String messageId, String subject, String body, String... to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress("reminders@wellplan.dev", "wellplan"));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mail.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
