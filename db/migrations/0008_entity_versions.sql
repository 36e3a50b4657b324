CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY NOT NULL,
	`outbox_seq` integer NOT NULL,
	`type` text NOT NULL,
	`entity_global_id` text NOT NULL,
	`local_payload` text NOT NULL,
	`server_payload` text,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	`resolved_by` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_conflicts_outbox_seq_unique` ON `sync_conflicts` (`outbox_seq`);--> statement-breakpoint
CREATE TABLE `sync_entity_versions` (
	`entity_global_id` text PRIMARY KEY NOT NULL,
	`change_id` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `tblproductos` ADD `cost_price` integer;--> statement-breakpoint
ALTER TABLE `tblprodXcolorXtalla` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `tblprodXcolorXtalla` ADD `low_stock_threshold` integer;