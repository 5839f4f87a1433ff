package dev.wellplan.ops.coach;

import java.security.SecureRandom;

/**
 * First passwords for new coaches: 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), in four
 * groups of five, so they survive being read out or copied by hand: about 115 bits, far past the planner's
 * 12-character floor and within bcrypt's 72 bytes.
 */
final class GeneratedPasswords {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;

    private final SecureRandom random;

    GeneratedPasswords(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
