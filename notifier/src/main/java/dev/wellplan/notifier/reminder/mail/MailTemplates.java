package dev.wellplan.notifier.reminder.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One template per reminder kind under {@code templates/mail/}, each in two variants: {@code .html}
 * and {@code .txt}. Both include {@code mail/layout.*}, which holds the greeting, the safety line
 * and the unsubscribe and preferences links every mail carries.
 */
@CheckedTemplate(basePath = "mail")
final class MailTemplates {

    private MailTemplates() {
    }

    static native TemplateInstance confirmationRequest(MailView m);

    static native TemplateInstance accessLink(MailView m);

    static native TemplateInstance welcome(MailView m);

    static native TemplateInstance awaitingClearance(MailView m);

    static native TemplateInstance massageDayBefore(MailView m);

    static native TemplateInstance aftercare(MailView m);

    static native TemplateInstance checkIn(MailView m);

    static native TemplateInstance strengthDay(MailView m);

    static native TemplateInstance selfMassage(MailView m);

    static native TemplateInstance planChanged(MailView m);

    static native TemplateInstance planCancelled(MailView m);

    static native TemplateInstance endOfPlan(MailView m);
}
