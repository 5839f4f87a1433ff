package dev.wellplan.contract;

import java.util.Locale;

/**
 * How both services compare e-mail addresses: an unsubscribe, a rate limit or a sign-in name holds for
 * {@code Ana@Example.com } as it does for {@code ana@example.com}. (Local parts are case-sensitive in the RFC;
 * no mail provider our clients use treats them so, and a suppression list that missed a capital letter would
 * mail someone who asked us to stop.)
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** The address as wellplan keys it: trimmed and lower-cased; null stays null. */
    public static String normalize(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }
}
