-- reminder_plans loses its foreign key to cards (see src/db/schema/reminders.ts): SQLite drops a
-- constraint only by rebuilding the table. Nothing references reminder_plans, so the rebuild needs
-- no `PRAGMA foreign_keys`, which D1 ignores inside a migration anyway (it keeps them on).
CREATE TABLE `__new_reminder_plans` (
	`card_id` integer NOT NULL,
	`offset_days` integer NOT NULL,
	`valid_to` text NOT NULL,
	`outcome` text NOT NULL,
	`idempotency_key` text,
	`planned_on` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`card_id`, `offset_days`, `valid_to`)
);
--> statement-breakpoint
INSERT INTO `__new_reminder_plans`("card_id", "offset_days", "valid_to", "outcome", "idempotency_key", "planned_on", "created_at") SELECT "card_id", "offset_days", "valid_to", "outcome", "idempotency_key", "planned_on", "created_at" FROM `reminder_plans`;--> statement-breakpoint
DROP TABLE `reminder_plans`;--> statement-breakpoint
ALTER TABLE `__new_reminder_plans` RENAME TO `reminder_plans`;