package dev.wellplan.notifier.preferences.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The small HTML pages a client reaches from an e-mail link, under {@code templates/pages/}. */
@CheckedTemplate(basePath = "pages")
final class Pages {

    private Pages() {
    }

    /** Confirms before unsubscribing: a GET must change nothing, since mail scanners follow links. */
    static native TemplateInstance unsubscribe(String token, String preferencesToken);

    static native TemplateInstance unsubscribed(String preferencesToken);

    static native TemplateInstance preferences(PreferencesForm form);

    static native TemplateInstance linkProblem(int status, String title, String detail);
}
