CREATE TABLE `admin_unit_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`alias` text NOT NULL,
	`search_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_unit_aliases_unit_key_uq` ON `admin_unit_aliases` (`unit_id`,`search_key`);--> statement-breakpoint
CREATE INDEX `admin_unit_aliases_search_key_idx` ON `admin_unit_aliases` (`search_key`);--> statement-breakpoint
CREATE TABLE `admin_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`kind` text,
	`parent_id` integer,
	`search_key` text NOT NULL,
	`province_code` text,
	`valid_from` text,
	`valid_to` text,
	`replaced_by_id` integer,
	`source` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_units_code_uq` ON `admin_units` (`code`);--> statement-breakpoint
CREATE INDEX `admin_units_parent_idx` ON `admin_units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `admin_units_search_key_idx` ON `admin_units` (`search_key`);--> statement-breakpoint
CREATE INDEX `admin_units_province_idx` ON `admin_units` (`province_code`,`level`);--> statement-breakpoint
CREATE TABLE `base_salaries` (
	`valid_from` text PRIMARY KEY NOT NULL,
	`amount` integer NOT NULL,
	`instrument` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_code` text NOT NULL,
	`alias` text NOT NULL,
	`search_key` text NOT NULL,
	`province_code` text,
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_aliases_key_uq` ON `group_aliases` (`search_key`,`province_code`);--> statement-breakpoint
CREATE TABLE `group_benefit_levels` (
	`group_code` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`level` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`group_code`, `valid_from`),
	FOREIGN KEY (`group_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`denominator` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `participant_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`law_ref` text,
	`scope_unit_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`source` text,
	FOREIGN KEY (`parent_code`) REFERENCES `participant_groups`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_groups_parent_idx` ON `participant_groups` (`parent_code`);--> statement-breakpoint
CREATE TABLE `coverage_baselines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`indicator` text DEFAULT 'bhyt' NOT NULL,
	`group_code` text DEFAULT '' NOT NULL,
	`insured_count` integer NOT NULL,
	`as_of` text NOT NULL,
	`source` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coverage_baselines_key_uq` ON `coverage_baselines` (`unit_id`,`year`,`indicator`,`group_code`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`indicator` text DEFAULT 'bhyt' NOT NULL,
	`group_code` text DEFAULT '' NOT NULL,
	`population` integer,
	`target_count` integer,
	`target_rate_bp` integer,
	`deadline` text,
	`source` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_key_uq` ON `targets` (`unit_id`,`year`,`indicator`,`group_code`);--> statement-breakpoint
CREATE INDEX `targets_year_idx` ON `targets` (`year`,`indicator`);--> statement-breakpoint
CREATE TABLE `admin_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`scope_unit_id` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scope_unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_accounts_username_uq` ON `admin_accounts` (`username`);--> statement-breakpoint
CREATE TABLE `invite_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`role` text NOT NULL,
	`scope_unit_id` integer NOT NULL,
	`unit_id` integer,
	`created_by` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by_officer_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scope_unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by_officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invite_codes_hash_uq` ON `invite_codes` (`code_hash`);--> statement-breakpoint
CREATE TABLE `officer_units` (
	`officer_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`officer_id`, `unit_id`),
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officer_units_unit_idx` ON `officer_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`display_name` text,
	`role` text NOT NULL,
	`scope_unit_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`locale` text DEFAULT 'vi' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scope_unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officers_scope_idx` ON `officers` (`scope_unit_id`);--> statement-breakpoint
CREATE TABLE `cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`card_code_enc` text,
	`card_code_idx` text,
	`group_code` text,
	`benefit_level` integer,
	`province_code` text,
	`valid_from` text,
	`valid_to` text,
	`registered_facility` text,
	`five_year_date` text,
	`import_batch_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_person_uq` ON `cards` (`person_id`);--> statement-breakpoint
CREATE INDEX `cards_code_idx` ON `cards` (`card_code_idx`);--> statement-breakpoint
CREATE INDEX `cards_valid_to_idx` ON `cards` (`valid_to`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`code` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `households_unit_idx` ON `households` (`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `households_unit_code_uq` ON `households` (`unit_id`,`code`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`household_id` integer,
	`full_name_enc` text NOT NULL,
	`gender` text,
	`birth_year` integer,
	`date_of_birth_enc` text,
	`date_of_birth_idx` text,
	`bhxh_number_enc` text,
	`bhxh_number_idx` text,
	`id_number_enc` text,
	`id_number_idx` text,
	`phone_enc` text,
	`phone_idx` text,
	`source` text DEFAULT 'import' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `people_unit_idx` ON `people` (`unit_id`);--> statement-breakpoint
CREATE INDEX `people_household_idx` ON `people` (`household_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_bhxh_idx_uq` ON `people` (`bhxh_number_idx`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_id_idx_uq` ON `people` (`id_number_idx`);--> statement-breakpoint
CREATE INDEX `people_phone_idx` ON `people` (`phone_idx`);--> statement-breakpoint
CREATE TABLE `channel_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`channel` text NOT NULL,
	`external_key` text NOT NULL,
	`address_enc` text,
	`last_inbound_at` integer,
	`blocked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_identities_key_uq` ON `channel_identities` (`channel`,`external_key`);--> statement-breakpoint
CREATE INDEX `channel_identities_contact_idx` ON `channel_identities` (`contact_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_id` integer NOT NULL,
	`person_id` integer,
	`household_id` integer,
	`purpose` text NOT NULL,
	`channel` text NOT NULL,
	`wording` text NOT NULL,
	`given_at` integer NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_via` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_contact_idx` ON `consents` (`contact_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`officer_id` integer,
	`person_id` integer,
	`household_id` integer,
	`locale` text DEFAULT 'vi' NOT NULL,
	`opted_out_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_officer_idx` ON `contacts` (`officer_id`);--> statement-breakpoint
CREATE INDEX `contacts_person_idx` ON `contacts` (`person_id`);--> statement-breakpoint
CREATE TABLE `tally_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer,
	`unit_id` integer NOT NULL,
	`report_date` text NOT NULL,
	`indicator` text DEFAULT 'bhyt' NOT NULL,
	`group_code` text NOT NULL,
	`count` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`superseded_by_id` integer,
	`officer_id` integer,
	`channel` text NOT NULL,
	`created_at` integer NOT NULL,
	`changed_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `tally_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `admin_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `tally_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tally_entries_unit_date_idx` ON `tally_entries` (`unit_id`,`report_date`);--> statement-breakpoint
CREATE INDEX `tally_entries_date_idx` ON `tally_entries` (`report_date`,`status`);--> statement-breakpoint
CREATE TABLE `tally_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`officer_id` integer,
	`channel` text NOT NULL,
	`original_text` text,
	`inbound_key` text,
	`received_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`officer_id`) REFERENCES `officers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tally_reports_officer_idx` ON `tally_reports` (`officer_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text,
	`error_code` text,
	`http_status` integer,
	`retry_after_seconds` integer,
	FOREIGN KEY (`message_id`) REFERENCES `outbox_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_message_idx` ON `delivery_attempts` (`message_id`);--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`contact_id` integer,
	`identity_id` integer,
	`channel` text NOT NULL,
	`purpose` text NOT NULL,
	`template_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`not_before` integer NOT NULL,
	`expires_at` integer,
	`lease_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error_code` text,
	`provider_message_id` text,
	`sent_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity_id`) REFERENCES `channel_identities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_uq` ON `outbox_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_provider_id_idx` ON `outbox_messages` (`channel`,`provider_message_id`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject_kind` text,
	`subject_id` text,
	`details` text,
	`request_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_subject_idx` ON `audit_log` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`status` text DEFAULT 'staging' NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`actor` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `import_staging_rows` (
	`batch_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`key` text NOT NULL,
	`payload` text NOT NULL,
	PRIMARY KEY(`batch_id`, `row_number`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_staging_rows_key_idx` ON `import_staging_rows` (`batch_id`,`key`);--> statement-breakpoint
CREATE TABLE `inbound_updates` (
	`channel` text NOT NULL,
	`external_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `external_id`)
);
--> statement-breakpoint
CREATE INDEX `inbound_updates_received_idx` ON `inbound_updates` (`received_at`);