-- Reminder ids name what they remind of more closely (ReminderPolicy, DesiredReminder):
--
--   an item's reminder      <plan>:<item>@<local start>:<kind>    was <plan>:<item>:<kind>
--   the see-a-doctor notice <plan>:clearance-since-v<n>:awaiting_clearance
--                                                                 was <plan>:clearance:awaiting_clearance
--
-- so that a session moved to another time gets a reminder for the new time (the one sent for the old time stays
-- sent), and a red flag after a clearance is told again. The rows written before take their new ids here, so that
-- what was sent before stays sent: an item's start is the one of the newest snapshot the notifier applied (the
-- ledger follows that snapshot), written as the contract writes it (2026-12-10T11:00:00); the see-a-doctor notice's
-- episode is the version it was scheduled at, which is the version its plan entered AWAITING_CLEARANCE at (it is
-- scheduled by the first version of an episode and never moved while it waits). Rows of items that are no longer
-- in the plan keep their old ids: nothing will ask for them again.

UPDATE notifier.reminder r
   SET id = CAST(r.plan_id AS text) || ':' || r.item_id || '@' || (i.item ->> 'start') || ':' || lower(r.kind)
  FROM notifier.plan_state s
       CROSS JOIN LATERAL jsonb_array_elements(s.snapshot -> 'plan' -> 'items') AS i(item)
 WHERE s.plan_id = r.plan_id
   AND i.item ->> 'id' = r.item_id
   AND r.kind <> 'AWAITING_CLEARANCE'
   AND r.id = CAST(r.plan_id AS text) || ':' || r.item_id || ':' || lower(r.kind);

UPDATE notifier.reminder
   SET id = CAST(plan_id AS text) || ':clearance-since-v' || plan_version || ':awaiting_clearance'
 WHERE kind = 'AWAITING_CLEARANCE'
   AND item_id IS NOT NULL
   AND id = CAST(plan_id AS text) || ':' || item_id || ':awaiting_clearance';
