-- Blind indexes are 128 bits from here on (BLIND_INDEX_BYTES in src/core/privacy/protector.ts;
-- the province databases' migration 0015 does the same): an SMS identity is keyed by the
-- phone's blind index, cut to the first 32 hex characters the new code computes.
UPDATE `national_identities` SET `external_key` = substr(`external_key`, 1, 32) WHERE `channel` = 'sms' AND length(`external_key`) = 64;
