CREATE TABLE `device_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`register_id` text NOT NULL,
	`register_code` text NOT NULL,
	`last_outbox_seq` integer DEFAULT 0 NOT NULL,
	`device_token` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "ck_device_single_row" CHECK(id = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_identity_register_id_unique` ON `device_identity` (`register_id`);--> statement-breakpoint
-- The outbox before the write path held free-form payloads naming rows by
-- local integer ids, which no cloud can apply; no release ever pushed them.
-- It is rebuilt for domain commands with a per-register sequence.
DROP TABLE `sync_outbox`;--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`register_id` text NOT NULL,
	`seq` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`type` text NOT NULL,
	`schema_version` integer NOT NULL,
	`entity_global_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`acked_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_idempotency_key_unique` ON `sync_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_outbox_register_seq` ON `sync_outbox` (`register_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ix_outbox_pending` ON `sync_outbox` (`acked_at`,`seq`);--> statement-breakpoint
-- Documents are facts: once written, only the push bookkeeping may change.
CREATE TRIGGER trg_outbox_document_immutable
BEFORE UPDATE OF register_id, seq, idempotency_key, type, schema_version, entity_global_id, payload, created_at ON sync_outbox
BEGIN
  SELECT RAISE(ABORT, 'sync_outbox documents are immutable');
END;--> statement-breakpoint
ALTER TABLE `tblfacturas` ADD `register_id` text;