package dev.wellplan.calendar;

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
        if (unfolded.isEmpty()) {
            return "\r\n";
        }
        int end = unfolded.length();
        while (end >= 2 && unfolded.startsWith("\r\n", end - 2)) {
            end -= 2; // no empty lines at the end, as String.split would drop them
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 64 * 3);
        int from = 0;
        while (from < end) {
            int lineEnd = unfolded.indexOf("\r\n", from);
            lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
            foldLine(unfolded.substring(from, lineEnd), out);
            from = lineEnd + 2;
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int from = 0;
        for (int i = 0; i < line.length(); ) {
            char c = line.charAt(i);
            int chars = 1;
            int size;
            if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1))) {
                size = 4;
                chars = 2;
            } else {
                size = Character.isSurrogate(c) ? 1 : 3; // UTF-8 writes a lone surrogate as '?'
            }
            if (octets + size > MAX_OCTETS) {
                out.append(line, from, i).append("\r\n ");
                from = i;
                octets = 1; // the leading space counts
            }
            octets += size;
            i += chars;
        }
        out.append(line, from, line.length()).append("\r\n");
    }
}
