CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`offsets` text,
	`starts_on` text,
	`ends_on` text,
	`unit_ids` text,
	`audience` text,
	`max_per_week` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_plans` (
	`card_id` integer NOT NULL,
	`offset_days` integer NOT NULL,
	`valid_to` text NOT NULL,
	`outcome` text NOT NULL,
	`idempotency_key` text,
	`planned_on` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`card_id`, `offset_days`, `valid_to`),
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminder_plans_key_idx` ON `reminder_plans` (`idempotency_key`);--> statement-breakpoint
INSERT INTO campaigns (name, kind, offsets, status, created_at) VALUES ('Nhắc gia hạn thẻ BHYT', 'expiry', '[30,7,1,-3]', 'active', 0);
