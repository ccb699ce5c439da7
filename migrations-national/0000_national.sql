CREATE TABLE `national_identities` (
	`channel` text NOT NULL,
	`external_key` text NOT NULL,
	`province_code` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `external_key`)
);
--> statement-breakpoint
CREATE TABLE `national_province_rollups` (
	`day` text NOT NULL,
	`province_code` text NOT NULL,
	`cards` integer NOT NULL,
	`cards_valid` integer NOT NULL,
	`cards_expiring30d` integer NOT NULL,
	`enrolments` integer NOT NULL,
	`tally_reports` integer NOT NULL,
	`outbox_sent` integer NOT NULL,
	`outbox_failed` integer NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`day`, `province_code`)
);
