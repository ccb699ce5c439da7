DROP INDEX `cards_valid_to_idx`;--> statement-breakpoint
CREATE INDEX `cards_due_idx` ON `cards` (`valid_to`,`person_id`,`group_code`);--> statement-breakpoint
CREATE INDEX `people_plan_idx` ON `people` (`id`,`household_id`,`unit_id`);