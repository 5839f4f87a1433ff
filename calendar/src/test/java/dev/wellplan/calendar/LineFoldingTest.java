package dev.wellplan.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LineFoldingTest {

    /** One character of each UTF-8 size, a pair of surrogates, lone surrogates and the characters of a fold. */
    private static final String[] PIECES = {"a", "Z", " ", "\t", ";", "\u00e7", "\u00e3", "\u2014", "\u2713",
        "\ud83d\ude00", "\ud83d", "\ude00", "\r\n", "\r\n ", "\r\n\t", "\r", "\n"};

    @Test
    void folds_as_the_encoding_of_each_code_point_did() {
        Random random = new Random(13);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(200);
            for (int i = 0; i < pieces; i++) {
                text.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                        : String.valueOf((char) ('a' + random.nextInt(26))));
            }
            text.append("\r\n");
            assertThat(LineFolding.fold(text.toString())).as("run %d", run).isEqualTo(byCodePoint(text.toString()));
        }
    }

    @Test
    void lines_of_75_octets_stay_whole_and_the_next_octet_folds() {
        assertThat(LineFolding.fold("x".repeat(75) + "\r\n")).isEqualTo("x".repeat(75) + "\r\n");
        assertThat(LineFolding.fold("x".repeat(76) + "\r\n")).isEqualTo("x".repeat(75) + "\r\n x\r\n");
        assertThat(LineFolding.fold("x".repeat(74) + "\u00e7\r\n")).isEqualTo("x".repeat(74) + "\r\n \u00e7\r\n");
    }

    /** The folding as it was: each code point encoded on its own to count its octets. */
    private static String byCodePoint(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder();
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > LineFolding.MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
