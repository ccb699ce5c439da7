CREATE TABLE `national_identities` (
	`channel` text NOT NULL,
	`external_key` text NOT NULL,
	`shard_key` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `external_key`)
);
--> statement-breakpoint
CREATE TABLE `national_province_rollups` (
	`day` text NOT NULL,
	`shard_key` text NOT NULL,
	`province_code` text NOT NULL,
	`cards` integer NOT NULL,
	`cards_valid` integer NOT NULL,
	`cards_expiring30d` integer NOT NULL,
	`enrolments` integer NOT NULL,
	`tally_reports` integer NOT NULL,
	`outbox_sent` integer NOT NULL,
	`outbox_failed` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`day`, `shard_key`)
);
--> statement-breakpoint
CREATE INDEX `national_rollups_province_idx` ON `national_province_rollups` (`province_code`,`day`);--> statement-breakpoint
CREATE TABLE `national_shard_assignments` (
	`unit_prefix` text PRIMARY KEY NOT NULL,
	`shard_key` text NOT NULL,
	`updated_at` integer NOT NULL
);
