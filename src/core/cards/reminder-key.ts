/**
 * The outbox idempotency-key convention for reminders about one card, shared by the
 * reminders planner (which writes them) and the card import (which cancels them):
 *
 *   reminder:card:<cardId>:<anything unique for that reminder, e.g. its due date>
 *
 * When an import renews a card (its `valid_to` moves later), every `pending` outbox row
 * whose key starts with `reminder:card:<cardId>:` is set to `cancelled` in the same atomic
 * step, and an audit_log row (`action = 'card.renewed'`, `subject_kind = 'card'`,
 * `subject_id = cardId`, details `{ batchId, row, previousValidTo, validTo }`) records the
 * renewal. The planner should build keys with `cardReminderKey` and plan from the new
 * `valid_to`; it never needs to cancel anything itself after an import.
 */
export const CARD_REMINDER_KEY_PREFIX = "reminder:card:";

export function cardReminderKey(cardId: number, suffix: string): string {
  return `${CARD_REMINDER_KEY_PREFIX}${cardId}:${suffix}`;
}
