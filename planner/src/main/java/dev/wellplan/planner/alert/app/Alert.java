package dev.wellplan.planner.alert.app;

import java.time.Instant;
import java.util.UUID;

/**
 * One open alert as a coach sees it: which plan (and whose client), what kind, whether urgent, since when, what it
 * is about ({@code subject}: a session, a check-in item, a reminder; {@code detail}: such as the kind of e-mail that
 * failed), the proposal that would handle it, and when it clears. {@code id} is null for the kinds that follow from
 * the plan itself ({@link AlertKind#stored()}), which no one clears by hand.
 */
public record Alert(UUID id, UUID planId, AlertKind kind, boolean urgent, Instant raisedAt, String subject,
                    String detail, UUID proposalId, String coachId, String clientName, String clears) {
}
