CREATE TABLE `goods_receipt_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`receipt_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_cost` integer,
	FOREIGN KEY (`receipt_id`) REFERENCES `goods_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_gr_line_qty" CHECK("goods_receipt_lines"."quantity" > 0),
	CONSTRAINT "ck_gr_line_cost" CHECK("goods_receipt_lines"."unit_cost" IS NULL OR "goods_receipt_lines"."unit_cost" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_receipt_lines_global_id_unique` ON `goods_receipt_lines` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_gr_line_variant` ON `goods_receipt_lines` (`variant_id`,`receipt_id`);--> statement-breakpoint
CREATE TABLE `goods_receipts` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`order_id` integer,
	`manufacturer_id` integer,
	`note` text,
	`staff_id` integer,
	`received_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manufacturer_id`) REFERENCES `tblfabricantes`(`id_fabricante`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_receipts_global_id_unique` ON `goods_receipts` (`global_id`);--> statement-breakpoint
CREATE TABLE `purchase_order_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`order_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity_ordered` integer NOT NULL,
	`quantity_received` integer DEFAULT 0 NOT NULL,
	`unit_cost` integer,
	FOREIGN KEY (`order_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_po_line_qty" CHECK("purchase_order_lines"."quantity_ordered" > 0 AND "purchase_order_lines"."quantity_received" >= 0),
	CONSTRAINT "ck_po_line_cost" CHECK("purchase_order_lines"."unit_cost" IS NULL OR "purchase_order_lines"."unit_cost" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_order_lines_global_id_unique` ON `purchase_order_lines` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_po_line_variant` ON `purchase_order_lines` (`order_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`number` text NOT NULL,
	`manufacturer_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`expected_at` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`manufacturer_id`) REFERENCES `tblfabricantes`(`id_fabricante`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_po_status" CHECK(status IN ('open', 'partial', 'received', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_global_id_unique` ON `purchase_orders` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number_unique` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE INDEX `ix_po_status` ON `purchase_orders` (`status`);--> statement-breakpoint
CREATE TABLE `stock_adjustments` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`reason_code` text NOT NULL,
	`note` text,
	`staff_id` integer,
	`occurred_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_adjust_reason" CHECK(reason_code IN ('damage', 'theft', 'correction', 'found', 'expired', 'sample', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_adjustments_global_id_unique` ON `stock_adjustments` (`global_id`);--> statement-breakpoint
CREATE TABLE `stock_count_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`count_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`counted` integer NOT NULL,
	`expected` integer NOT NULL,
	`counted_at` text NOT NULL,
	`counted_by` integer,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counted_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_count_line_qty" CHECK("stock_count_lines"."counted" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ux_count_line_variant` ON `stock_count_lines` (`count_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer,
	`status` text NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`applied_by` integer,
	`applied_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_count_status" CHECK(status IN ('open', 'applied', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_counts_global_id_unique` ON `stock_counts` (`global_id`);--> statement-breakpoint
CREATE TABLE `stock_transfer_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`transfer_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity_sent` integer NOT NULL,
	`quantity_received` integer,
	`discrepancy_note` text,
	FOREIGN KEY (`transfer_id`) REFERENCES `stock_transfers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`variant_id`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_transfer_line_qty" CHECK("stock_transfer_lines"."quantity_sent" > 0 AND ("stock_transfer_lines"."quantity_received" IS NULL OR "stock_transfer_lines"."quantity_received" >= 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_transfer_lines_global_id_unique` ON `stock_transfer_lines` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_transfer_line_variant` ON `stock_transfer_lines` (`transfer_id`,`variant_id`);--> statement-breakpoint
CREATE TABLE `stock_transfers` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`direction` text NOT NULL,
	`number` text NOT NULL,
	`other_store` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`sent_by` integer,
	`sent_at` text NOT NULL,
	`received_by` integer,
	`received_at` text,
	FOREIGN KEY (`sent_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_transfer_status" CHECK(status IN ('in_transit', 'received', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_transfers_global_id_unique` ON `stock_transfers` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_transfer_status` ON `stock_transfers` (`direction`,`status`);--> statement-breakpoint
CREATE INDEX `ix_transfer_number` ON `stock_transfers` (`number`);