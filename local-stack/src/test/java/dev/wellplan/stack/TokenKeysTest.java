package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

    @TempDir
    Path dir;

    @Test
    void aPairIsMadeOnceKeptAcrossRestartsAndReplacedWhenTheDataIsWiped() throws Exception {
        Path keys = dir.resolve("keys");
        TokenKeys first = TokenKeys.inDirectory(keys);

        assertThat(first.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(TokenKeys.inDirectory(keys)).as("a restart keeps the pair").isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(TokenKeys.PRIVATE_FILE))))
                .as("only its owner reads the private key").isEqualTo("rw-------");

        Dirs.deleteRecursively(keys);
        assertThat(TokenKeys.inDirectory(keys)).as("--fresh: a new pair").isNotEqualTo(first);
    }
}
