-- Blind indexes are 128 bits from here on (BLIND_INDEX_BYTES in src/core/privacy/protector.ts):
-- HMAC-SHA256 cut to its first 16 bytes, so the new code computes, for any value, the first 32
-- hex characters of what was stored before. Every stored blind index is cut the same way, so
-- look-ups keep finding what they found; values already 32 characters long stay as they are.
-- The SMS identities and conversations are keyed by the phone's blind index; invite codes and
-- the loop guard's key are blind indexes too; outbox rows carry them in JSON (`phoneIdx`, a Zalo
-- OA row's `fallback.phoneIdx`, `loopKey`), staged import rows in columns or JSON;
-- the look-up guard counts an SMS sender's failed look-ups in audit_log under `sms:<index>`.
-- The roster's blind-index indexes are dropped, the rows cut in one pass per table and the
-- indexes built again from sorted keys: updating a million rows through four random-order
-- indexes took 67 s on the bench's 1 M-card roster; this way 28 s. `IF EXISTS`: a database
-- built without them (the planner's generated bench roster) migrates too, and gets them.
DROP INDEX IF EXISTS `people_bhxh_idx_uq`;
--> statement-breakpoint
DROP INDEX IF EXISTS `people_id_idx_uq`;
--> statement-breakpoint
DROP INDEX IF EXISTS `people_phone_idx`;
--> statement-breakpoint
DROP INDEX IF EXISTS `cards_code_idx`;
--> statement-breakpoint
UPDATE `people` SET `date_of_birth_idx` = substr(`date_of_birth_idx`, 1, 32), `bhxh_number_idx` = substr(`bhxh_number_idx`, 1, 32), `id_number_idx` = substr(`id_number_idx`, 1, 32), `phone_idx` = substr(`phone_idx`, 1, 32) WHERE length(`date_of_birth_idx`) > 32 OR length(`bhxh_number_idx`) > 32 OR length(`id_number_idx`) > 32 OR length(`phone_idx`) > 32;
--> statement-breakpoint
UPDATE `cards` SET `card_code_idx` = substr(`card_code_idx`, 1, 32) WHERE length(`card_code_idx`) > 32;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS `people_bhxh_idx_uq` ON `people` (`bhxh_number_idx`);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS `people_id_idx_uq` ON `people` (`id_number_idx`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `people_phone_idx` ON `people` (`phone_idx`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `cards_code_idx` ON `cards` (`card_code_idx`);
--> statement-breakpoint
UPDATE `card_staging_rows` SET `dob_idx` = substr(`dob_idx`, 1, 32), `bhxh_idx` = substr(`bhxh_idx`, 1, 32), `id_idx` = substr(`id_idx`, 1, 32), `phone_idx` = substr(`phone_idx`, 1, 32), `card_idx` = substr(`card_idx`, 1, 32) WHERE length(`dob_idx`) > 32 OR length(`bhxh_idx`) > 32 OR length(`id_idx`) > 32 OR length(`phone_idx`) > 32 OR length(`card_idx`) > 32;
--> statement-breakpoint
UPDATE `invite_codes` SET `code_hash` = substr(`code_hash`, 1, 32) WHERE length(`code_hash`) = 64;
--> statement-breakpoint
UPDATE `channel_identities` SET `external_key` = substr(`external_key`, 1, 32) WHERE `channel` = 'sms' AND length(`external_key`) = 64;
--> statement-breakpoint
UPDATE `conversation_states` SET `external_key` = substr(`external_key`, 1, 32) WHERE `channel` = 'sms' AND length(`external_key`) = 64;
--> statement-breakpoint
UPDATE `outbox_messages` SET `payload` = json_set(`payload`, '$.phoneIdx', substr(json_extract(`payload`, '$.phoneIdx'), 1, 32)) WHERE length(json_extract(`payload`, '$.phoneIdx')) = 64;
--> statement-breakpoint
UPDATE `outbox_messages` SET `payload` = json_set(`payload`, '$.fallback.phoneIdx', substr(json_extract(`payload`, '$.fallback.phoneIdx'), 1, 32)) WHERE length(json_extract(`payload`, '$.fallback.phoneIdx')) = 64;
--> statement-breakpoint
UPDATE `outbox_messages` SET `payload` = json_set(`payload`, '$.loopKey', substr(json_extract(`payload`, '$.loopKey'), 1, 32)) WHERE length(json_extract(`payload`, '$.loopKey')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$.dobIdx', substr(json_extract(`payload`, '$.dobIdx'), 1, 32)) WHERE json_type(`payload`) = 'object' AND length(json_extract(`payload`, '$.dobIdx')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$.bhxhIdx', substr(json_extract(`payload`, '$.bhxhIdx'), 1, 32)) WHERE json_type(`payload`) = 'object' AND length(json_extract(`payload`, '$.bhxhIdx')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$.idIdx', substr(json_extract(`payload`, '$.idIdx'), 1, 32)) WHERE json_type(`payload`) = 'object' AND length(json_extract(`payload`, '$.idIdx')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$.phoneIdx', substr(json_extract(`payload`, '$.phoneIdx'), 1, 32)) WHERE json_type(`payload`) = 'object' AND length(json_extract(`payload`, '$.phoneIdx')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$.cardIdx', substr(json_extract(`payload`, '$.cardIdx'), 1, 32)) WHERE json_type(`payload`) = 'object' AND length(json_extract(`payload`, '$.cardIdx')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$[6]', substr(json_extract(`payload`, '$[6]'), 1, 32)) WHERE json_type(`payload`) = 'array' AND length(json_extract(`payload`, '$[6]')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$[8]', substr(json_extract(`payload`, '$[8]'), 1, 32)) WHERE json_type(`payload`) = 'array' AND length(json_extract(`payload`, '$[8]')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$[10]', substr(json_extract(`payload`, '$[10]'), 1, 32)) WHERE json_type(`payload`) = 'array' AND length(json_extract(`payload`, '$[10]')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$[12]', substr(json_extract(`payload`, '$[12]'), 1, 32)) WHERE json_type(`payload`) = 'array' AND length(json_extract(`payload`, '$[12]')) = 64;
--> statement-breakpoint
UPDATE `import_staging_rows` SET `payload` = json_set(`payload`, '$[14]', substr(json_extract(`payload`, '$[14]'), 1, 32)) WHERE json_type(`payload`) = 'array' AND length(json_extract(`payload`, '$[14]')) = 64;
--> statement-breakpoint
UPDATE `audit_log` SET `actor_id` = 'sms:' || substr(`actor_id`, 5, 32) WHERE `action` IN ('card.lookup', 'card.lookup_failed', 'card.lookup_failed_person') AND `actor_id` GLOB 'sms:*' AND length(`actor_id`) = 68 AND substr(`actor_id`, 5) NOT GLOB '*[^0-9a-f]*';
--> statement-breakpoint
UPDATE `import_staging_rows` SET `key` = substr(`key`, 1, 32) WHERE length(`key`) = 64 AND `key` NOT GLOB '*[^0-9a-f]*';
--> statement-breakpoint
UPDATE `import_staging_rows` SET `key` = 'id:' || substr(`key`, 4, 32) WHERE length(`key`) = 67 AND `key` GLOB 'id:*' AND substr(`key`, 4) NOT GLOB '*[^0-9a-f]*';
