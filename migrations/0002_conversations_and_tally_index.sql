CREATE TABLE `conversation_states` (
	`channel` text NOT NULL,
	`external_key` text NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `external_key`)
);
--> statement-breakpoint
CREATE INDEX `tally_entries_report_idx` ON `tally_entries` (`report_id`);