CREATE TABLE `role_permissions` (
	`role` text PRIMARY KEY NOT NULL,
	`permissions` text NOT NULL,
	`discount_limit_bp` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "ck_role_permissions_role" CHECK("role_permissions"."role" IN ('cashier', 'manager')),
	CONSTRAINT "ck_role_permissions_limit" CHECK("role_permissions"."discount_limit_bp" BETWEEN 0 AND 10000)
);
