package dev.wellplan.ops.check;

import java.time.Duration;

/** Ages and delays as an operator reads them: {@code 95 s}, {@code 50 min}, {@code 5 h}, {@code 3 d}. */
final class Ages {

    private Ages() {
    }

    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7_200) {
            return (s / 60) + " min";
        }
        if (s < 172_800) {
            return (s / 3_600) + " h";
        }
        return (s / 86_400) + " d";
    }
}
