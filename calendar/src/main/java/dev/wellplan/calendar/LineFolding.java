package dev.wellplan.calendar;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 section 3.1: content lines longer than 75 octets are folded with CRLF and one space. ical4j
 * folds by characters, which lets a line of accented names (a Portuguese client's, say) run past 75
 * octets; this folds by UTF-8 octets and never splits a character.
 */
final class LineFolding {

    static final int MAX_OCTETS = 75;

    private LineFolding() {
    }

    /** {@code text}: content lines, each ended by CRLF, folded or not. */
    static String fold(String text) {
        String unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(text.length() + text.length() / 64 * 3);
        for (String line : unfolded.split("\r\n")) {
            foldLine(line, out);
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
