CREATE TABLE `zalo_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` text NOT NULL,
	`purpose` text NOT NULL,
	`message_key` text NOT NULL,
	`offset_days` integer,
	`params` text NOT NULL,
	`promotional` integer DEFAULT false NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`source` text NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `zalo_templates_message_idx` ON `zalo_templates` (`purpose`,`message_key`);--> statement-breakpoint
CREATE TABLE `zns_tracking` (
	`tracking_id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- A demo template so ZNS can be tried end to end; replace template_id with the id Zalo approves for your OA.
INSERT INTO zalo_templates (template_id, purpose, message_key, offset_days, params, promotional, effective_from, effective_to, source, notes, created_at) VALUES ('100001', 'expiry_reminder', 'reminder-expiring', NULL, '[{"name":"customer_name","variable":"names","maxLength":30},{"name":"expiry_date","variable":"date"},{"name":"days_left","variable":"days"}]', 0, '2026-01-01', NULL, 'demo', 'Demo row: ZBS care template (tag 1) for "thẻ sắp hết hạn"; not an approved template id.', 0);
