DROP INDEX `sync_outbox_idempotency_key_unique`;--> statement-breakpoint
DROP INDEX `ix_outbox_pending`;