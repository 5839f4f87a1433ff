package dev.wellplan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair of the access tokens: the planner signs with the private key, the notifier checks with the public
 * one. Both are PEM text (PKCS#8 and X.509 SubjectPublicKeyInfo), as the services read them from the environment.
 * No key is in the repository: the local stack makes its pair at first start and the tests one per JVM.
 */
public record TokenKeys(String privateKeyPem, String publicKeyPem) {

    static final String PRIVATE_FILE = "token-signing-key.pem";
    static final String PUBLIC_FILE = "token-signing-key.pub.pem";
    private static final int BITS = 2048;

    /** A fresh pair. */
    public static TokenKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            KeyPair pair = generator.generateKeyPair();
            return new TokenKeys(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    /**
     * The pair kept in {@code dir}, made there the first time: a restart keeps it, so the tokens a coach holds stay
     * good; wiping the data directory ({@code --fresh}) replaces it. The private key is readable by its owner only.
     */
    public static TokenKeys inDirectory(Path dir) {
        Path privateKey = dir.resolve(PRIVATE_FILE);
        Path publicKey = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
                return new TokenKeys(Files.readString(privateKey), Files.readString(publicKey));
            }
            Files.createDirectories(dir);
            TokenKeys keys = generate();
            write(privateKey, keys.privateKeyPem(), "rw-------");
            write(publicKey, keys.publicKeyPem(), "rw-r--r--");
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the token keys in " + dir, e);
        }
    }

    /** Written whole or not at all, with its permissions from the start: never readable by others, even briefly. */
    private static void write(Path file, String pem, String permissions) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        }
        Files.writeString(partial, pem, StandardCharsets.US_ASCII);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
