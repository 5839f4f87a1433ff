package dev.wellplan.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in the launcher tests: {@code GET /q/health/ready} answers 200 on its management
 * port and {@code GET /env} shows the configuration it was given on its public port. {@code FAKE_EXIT=<code>} makes
 * it exit at once.
 */
public final class FakeService {

    public static void main(String[] args) throws IOException {
        String exit = System.getenv("FAKE_EXIT");
        if (exit != null) {
            System.out.println("fake service failing on purpose");
            System.exit(Integer.parseInt(exit));
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        int managementPort = Integer.parseInt(System.getenv("QUARKUS_MANAGEMENT_PORT"));
        HttpServer management = HttpServer.create(
                new InetSocketAddress(System.getenv("QUARKUS_MANAGEMENT_HOST"), managementPort), 0);
        management.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("QUARKUS_HTTP_HOST"), port), 0);
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("QUARKUS_") || k.startsWith("KAFKA_") || k.startsWith("WELLPLAN_")) {
                    env.put(k, v);
                }
            });
            respond(exchange, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(env));
        });
        server.start();
        management.start();
        System.out.println("fake service listening on " + port + ", management on " + managementPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            management.stop(0);
        }));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Writes an executable jar of this class to {@code dir/fake-service.jar}; its Class-Path reaches Jackson. */
    static Path jar(Path dir) throws Exception {
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jackson = Path.of(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        Path core = Path.of(com.fasterxml.jackson.core.JsonFactory.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        Path annotations = Path.of(com.fasterxml.jackson.annotation.JsonProperty.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ",
                jackson.toUri().toString(), core.toUri().toString(), annotations.toUri().toString()));
        Path jar = dir.resolve("fake-service.jar");
        Path packageDir = classes.resolve("dev/wellplan/stack");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.list(packageDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("FakeService") && name.endsWith(".class")) {
                    out.putNextEntry(new JarEntry("dev/wellplan/stack/" + name));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
