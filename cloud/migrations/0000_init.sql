CREATE TABLE "documents" (
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"type" text NOT NULL,
	"schema_version" integer NOT NULL,
	"payload" jsonb,
	"status" text NOT NULL,
	"reject_reason" text,
	"reject_message" text,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_store_id_register_id_seq_pk" PRIMARY KEY("store_id","register_id","seq"),
	CONSTRAINT "documents_store_idempotency" UNIQUE("store_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "register_cursors" (
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"last_applied_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_cursors_store_id_register_id_pk" PRIMARY KEY("store_id","register_id")
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"code" text NOT NULL,
	"token_hash" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "registers_store_id_register_id_pk" PRIMARY KEY("store_id","register_id"),
	CONSTRAINT "registers_store_code" UNIQUE("store_id","code")
);
--> statement-breakpoint
CREATE TABLE "registration_codes" (
	"store_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"register_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	CONSTRAINT "registration_codes_store_id_code_hash_pk" PRIMARY KEY("store_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"store_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"total" bigint NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "sales_store_id_sale_id_pk" PRIMARY KEY("store_id","sale_id"),
	CONSTRAINT "sales_store_invoice" UNIQUE("store_id","invoice_number")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"store_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"sale_id" uuid,
	"register_id" uuid NOT NULL,
	CONSTRAINT "stock_movements_store_id_movement_id_pk" PRIMARY KEY("store_id","movement_id")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_codes" ADD CONSTRAINT "registration_codes_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movements_variant" ON "stock_movements" USING btree ("store_id","variant_id");