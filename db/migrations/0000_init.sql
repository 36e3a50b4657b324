CREATE TABLE `tblcolor` (
	`id_color` integer PRIMARY KEY NOT NULL,
	`color` text NOT NULL,
	`hexadecimal` text NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblcolor_code_unique` ON `tblcolor` (`code`);--> statement-breakpoint
CREATE TABLE `tblpaises` (
	`id_pais` integer PRIMARY KEY NOT NULL,
	`nombre_pais` text NOT NULL,
	`iso_alpha2` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblpaises_iso_alpha2_unique` ON `tblpaises` (`iso_alpha2`);--> statement-breakpoint
CREATE TABLE `tblgenero` (
	`id_genero` integer PRIMARY KEY NOT NULL,
	`nombre` text NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblgenero_code_unique` ON `tblgenero` (`code`);--> statement-breakpoint
CREATE TABLE `tbltipo_documento` (
	`id_tipo_documento` integer PRIMARY KEY NOT NULL,
	`tipo_documento` text NOT NULL,
	`code` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbltipo_documento_code_unique` ON `tbltipo_documento` (`code`);--> statement-breakpoint
CREATE TABLE `tblestados_factura` (
	`id_estado` integer PRIMARY KEY NOT NULL,
	`estado` text NOT NULL,
	`descripcio` text,
	`code` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblestados_factura_code_unique` ON `tblestados_factura` (`code`);--> statement-breakpoint
CREATE TABLE `tbltipo_telefono` (
	`id_tipo_telefono` integer PRIMARY KEY NOT NULL,
	`tipo_telefono` text NOT NULL,
	`code` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbltipo_telefono_code_unique` ON `tbltipo_telefono` (`code`);--> statement-breakpoint
CREATE TABLE `tbltallas` (
	`id_talla` integer PRIMARY KEY NOT NULL,
	`nombre` text NOT NULL,
	`talla` text NOT NULL,
	`sort_order` integer NOT NULL,
	`size_system` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbltallas_talla_unique` ON `tbltallas` (`talla`);--> statement-breakpoint
CREATE TABLE `tbldirecciones_facturacion` (
	`id_direccion_facturacion` integer PRIMARY KEY NOT NULL,
	`direccion` text NOT NULL,
	`zip_code` text,
	`ID_cliente` integer NOT NULL,
	`ID_pais` integer NOT NULL,
	`global_id` text NOT NULL,
	FOREIGN KEY (`ID_cliente`) REFERENCES `tblclientes`(`id_cliente`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_pais`) REFERENCES `tblpaises`(`id_pais`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbldirecciones_facturacion_global_id_unique` ON `tbldirecciones_facturacion` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_dirfact_cliente` ON `tbldirecciones_facturacion` (`ID_cliente`);--> statement-breakpoint
CREATE TABLE `tblclientes` (
	`id_cliente` integer PRIMARY KEY NOT NULL,
	`email` text,
	`contraseña` text,
	`primer_nombre` text NOT NULL,
	`segundo_nombre` text,
	`primer_apellido` text NOT NULL,
	`segundo_apellido` text,
	`ID_tipo_telefono` integer,
	`telefono` text,
	`ID_pais` integer,
	`documento` text,
	`ID_tipo_documento` integer,
	`global_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ID_tipo_telefono`) REFERENCES `tbltipo_telefono`(`id_tipo_telefono`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_pais`) REFERENCES `tblpaises`(`id_pais`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_tipo_documento`) REFERENCES `tbltipo_documento`(`id_tipo_documento`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblclientes_global_id_unique` ON `tblclientes` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_clientes_documento` ON `tblclientes` (`ID_tipo_documento`,`documento`);--> statement-breakpoint
CREATE INDEX `ix_clientes_email` ON `tblclientes` (`email`);--> statement-breakpoint
CREATE INDEX `ix_clientes_apellido` ON `tblclientes` (`primer_apellido`,`primer_nombre`);--> statement-breakpoint
CREATE TABLE `tbldirecciones_envio` (
	`id_direccion_envio` integer PRIMARY KEY NOT NULL,
	`direccion` text NOT NULL,
	`zip_code` text,
	`ID_cliente` integer NOT NULL,
	`ID_pais` integer NOT NULL,
	`global_id` text NOT NULL,
	FOREIGN KEY (`ID_cliente`) REFERENCES `tblclientes`(`id_cliente`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_pais`) REFERENCES `tblpaises`(`id_pais`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbldirecciones_envio_global_id_unique` ON `tbldirecciones_envio` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_direnvio_cliente` ON `tbldirecciones_envio` (`ID_cliente`);--> statement-breakpoint
CREATE TABLE `tblcategorias` (
	`id_catgoria` integer PRIMARY KEY NOT NULL,
	`nombre` text NOT NULL,
	`decripcion` text,
	`global_id` text NOT NULL,
	`tax_rate_id` integer,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblcategorias_global_id_unique` ON `tblcategorias` (`global_id`);--> statement-breakpoint
CREATE TABLE `tblfabricantes` (
	`id_fabricante` integer PRIMARY KEY NOT NULL,
	`nombre_fabricante` text NOT NULL,
	`contacto_fabricante` text,
	`telefono_fabricante` text,
	`global_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblfabricantes_global_id_unique` ON `tblfabricantes` (`global_id`);--> statement-breakpoint
CREATE TABLE `tblopciones` (
	`id_opcion` integer PRIMARY KEY NOT NULL,
	`nombre_opcion` text NOT NULL,
	`descripcion_opcion` text,
	`global_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblopciones_global_id_unique` ON `tblopciones` (`global_id`);--> statement-breakpoint
CREATE TABLE `tblcategoriasXproducto` (
	`id_cat_prod` integer PRIMARY KEY NOT NULL,
	`ID_categoria` integer NOT NULL,
	`ID_producto` integer NOT NULL,
	`global_id` text NOT NULL,
	FOREIGN KEY (`ID_categoria`) REFERENCES `tblcategorias`(`id_catgoria`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_producto`) REFERENCES `tblproductos`(`id_producto`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblcategoriasXproducto_global_id_unique` ON `tblcategoriasXproducto` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_catprod` ON `tblcategoriasXproducto` (`ID_producto`,`ID_categoria`);--> statement-breakpoint
CREATE INDEX `ix_catprod_categoria` ON `tblcategoriasXproducto` (`ID_categoria`);--> statement-breakpoint
CREATE TABLE `tblopcionesXproducto` (
	`id_op_prod` integer PRIMARY KEY NOT NULL,
	`ID_opcion` integer NOT NULL,
	`ID_producto` integer NOT NULL,
	`global_id` text NOT NULL,
	FOREIGN KEY (`ID_opcion`) REFERENCES `tblopciones`(`id_opcion`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_producto`) REFERENCES `tblproductos`(`id_producto`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblopcionesXproducto_global_id_unique` ON `tblopcionesXproducto` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_opprod` ON `tblopcionesXproducto` (`ID_producto`,`ID_opcion`);--> statement-breakpoint
CREATE INDEX `ix_opprod_opcion` ON `tblopcionesXproducto` (`ID_opcion`);--> statement-breakpoint
CREATE TABLE `tblproductos` (
	`id_producto` integer PRIMARY KEY NOT NULL,
	`plu` text NOT NULL,
	`nombre_producto` text NOT NULL,
	`ID_fabricante` integer,
	`precio` integer NOT NULL,
	`descripcion_producto` text,
	`fecha_creacion` text NOT NULL,
	`ID_genero` integer,
	`cantidad_Busquedas` integer DEFAULT 0 NOT NULL,
	`global_id` text NOT NULL,
	`tax_rate_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`ID_fabricante`) REFERENCES `tblfabricantes`(`id_fabricante`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_genero`) REFERENCES `tblgenero`(`id_genero`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tax_rate_id`) REFERENCES `tax_rates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_productos_precio" CHECK("tblproductos"."precio" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblproductos_global_id_unique` ON `tblproductos` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_productos_plu` ON `tblproductos` (`plu`);--> statement-breakpoint
CREATE INDEX `ix_productos_fabricante` ON `tblproductos` (`ID_fabricante`);--> statement-breakpoint
CREATE INDEX `ix_productos_genero` ON `tblproductos` (`ID_genero`);--> statement-breakpoint
CREATE TABLE `tblprodXcolorXtalla` (
	`idcolorxtalla` integer PRIMARY KEY NOT NULL,
	`ID_producto` integer NOT NULL,
	`ID_color` integer NOT NULL,
	`ID_talla` integer NOT NULL,
	`inventario` integer DEFAULT 0 NOT NULL,
	`global_id` text NOT NULL,
	`barcode` text NOT NULL,
	FOREIGN KEY (`ID_producto`) REFERENCES `tblproductos`(`id_producto`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_color`) REFERENCES `tblcolor`(`id_color`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_talla`) REFERENCES `tbltallas`(`id_talla`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblprodXcolorXtalla_global_id_unique` ON `tblprodXcolorXtalla` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_variantes_combo` ON `tblprodXcolorXtalla` (`ID_producto`,`ID_color`,`ID_talla`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_variantes_barcode` ON `tblprodXcolorXtalla` (`barcode`);--> statement-breakpoint
CREATE INDEX `ix_variantes_color` ON `tblprodXcolorXtalla` (`ID_color`);--> statement-breakpoint
CREATE INDEX `ix_variantes_talla` ON `tblprodXcolorXtalla` (`ID_talla`);--> statement-breakpoint
CREATE TABLE `customer_credit` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`invoice_id` integer,
	`staff_id` integer,
	`occurred_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `tblclientes`(`id_cliente`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `tblfacturas`(`id_facturas`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_credit_global_id_unique` ON `customer_credit` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_credit_customer` ON `customer_credit` (`customer_id`);--> statement-breakpoint
CREATE TABLE `tbldetalle_factura` (
	`id_det_fac` integer PRIMARY KEY NOT NULL,
	`ID_factura` integer NOT NULL,
	`ID_producto` integer NOT NULL,
	`cantidad` integer NOT NULL,
	`total_producto` integer NOT NULL,
	`ID_prodXcolorXtalla` integer NOT NULL,
	`global_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`original_unit_price` integer,
	`price_override_reason` text,
	`price_override_approved_by` integer,
	`discount_kind` text,
	`discount_value` integer,
	`discount_reason` text,
	`discount_approved_by` integer,
	`discount_amount` integer DEFAULT 0 NOT NULL,
	`order_discount_share` integer DEFAULT 0 NOT NULL,
	`tax_code` text NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`tax_amount` integer DEFAULT 0 NOT NULL,
	`base_amount` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`ID_factura`) REFERENCES `tblfacturas`(`id_facturas`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_producto`) REFERENCES `tblproductos`(`id_producto`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_prodXcolorXtalla`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_override_approved_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`discount_approved_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_detalle_cantidad" CHECK("tbldetalle_factura"."cantidad" <> 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tbldetalle_factura_global_id_unique` ON `tbldetalle_factura` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_detalle_factura` ON `tbldetalle_factura` (`ID_factura`);--> statement-breakpoint
CREATE INDEX `ix_detalle_producto` ON `tbldetalle_factura` (`ID_producto`);--> statement-breakpoint
CREATE INDEX `ix_detalle_variante` ON `tbldetalle_factura` (`ID_prodXcolorXtalla`);--> statement-breakpoint
CREATE TABLE `tblfacturas` (
	`id_facturas` integer PRIMARY KEY NOT NULL,
	`fecha_factura` text NOT NULL,
	`ID_cliente` integer,
	`total_factura` integer NOT NULL,
	`ID_direccion_facturacion` integer,
	`ID_direccion_envio` integer,
	`ID_estado` integer NOT NULL,
	`global_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`invoice_number` text,
	`register_code` text NOT NULL,
	`staff_id` integer,
	`gross_total` integer DEFAULT 0 NOT NULL,
	`discount_total` integer DEFAULT 0 NOT NULL,
	`tax_total` integer DEFAULT 0 NOT NULL,
	`cash_rounding` integer DEFAULT 0 NOT NULL,
	`change_due` integer DEFAULT 0 NOT NULL,
	`prices_include_tax` integer DEFAULT true NOT NULL,
	`order_discount_kind` text,
	`order_discount_value` integer,
	`order_discount_reason` text,
	`order_discount_approved_by` integer,
	`parked_at` text,
	`parked_label` text,
	`completed_at` text,
	`completion_key` text,
	FOREIGN KEY (`ID_cliente`) REFERENCES `tblclientes`(`id_cliente`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_direccion_facturacion`) REFERENCES `tbldirecciones_facturacion`(`id_direccion_facturacion`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_direccion_envio`) REFERENCES `tbldirecciones_envio`(`id_direccion_envio`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ID_estado`) REFERENCES `tblestados_factura`(`id_estado`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_discount_approved_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tblfacturas_global_id_unique` ON `tblfacturas` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_facturas_numero` ON `tblfacturas` (`invoice_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `ux_facturas_completion_key` ON `tblfacturas` (`completion_key`);--> statement-breakpoint
CREATE INDEX `ix_facturas_register_estado` ON `tblfacturas` (`register_code`,`ID_estado`);--> statement-breakpoint
CREATE INDEX `ix_facturas_fecha` ON `tblfacturas` (`fecha_factura`);--> statement-breakpoint
CREATE INDEX `ix_facturas_cliente` ON `tblfacturas` (`ID_cliente`);--> statement-breakpoint
CREATE INDEX `ix_facturas_estado` ON `tblfacturas` (`ID_estado`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`invoice_id` integer NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`tendered` integer,
	`reference` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `tblfacturas`(`id_facturas`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_payments_method" CHECK(method IN ('cash', 'card', 'transfer', 'store_credit'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_global_id_unique` ON `payments` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_payments_invoice` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `register_sequences` (
	`register_code` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`reference_id` text,
	`staff_id` integer,
	`note` text,
	`occurred_at` text NOT NULL,
	FOREIGN KEY (`variant_id`) REFERENCES `tblprodXcolorXtalla`(`idcolorxtalla`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ck_movs_quantity" CHECK("stock_movements"."quantity" <> 0),
	CONSTRAINT "ck_movs_reason" CHECK(reason IN ('initial', 'sale', 'return', 'receipt', 'adjustment', 'count', 'transfer_in', 'transfer_out'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_movements_global_id_unique` ON `stock_movements` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_movs_variant` ON `stock_movements` (`variant_id`,`quantity`);--> statement-breakpoint
CREATE INDEX `ix_movs_reference` ON `stock_movements` (`reference_id`);--> statement-breakpoint
CREATE INDEX `ix_movs_occurred` ON `stock_movements` (`occurred_at`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`staff_id` integer,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`details` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_global_id_unique` ON `audit_log` (`global_id`);--> statement-breakpoint
CREATE INDEX `ix_audit_occurred` ON `audit_log` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `ix_audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_pin_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "ck_staff_role" CHECK(role IN ('cashier', 'manager', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_global_id_unique` ON `staff_users` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_unique` ON `staff_users` (`username`);--> statement-breakpoint
CREATE TABLE `tax_rates` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`rate_bp` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "ck_tax_rate_bp" CHECK("tax_rates"."rate_bp" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_rates_global_id_unique` ON `tax_rates` (`global_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tax_rates_code_unique` ON `tax_rates` (`code`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`entity` text NOT NULL,
	`entity_global_id` text NOT NULL,
	`operation` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`acked_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_idempotency_key_unique` ON `sync_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ix_outbox_pending` ON `sync_outbox` (`acked_at`,`id`);