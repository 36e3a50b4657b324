ALTER TABLE `tbldetalle_factura` ADD `discount_allowed_bp` integer;--> statement-breakpoint
ALTER TABLE `tblfacturas` ADD `order_discount_allowed_bp` integer;--> statement-breakpoint
ALTER TABLE `tblfacturas` ADD `pending_tenders` text;