CREATE TABLE "entities" (
	"store_id" uuid NOT NULL,
	"entity_id" text NOT NULL,
	"type" text NOT NULL,
	"change_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	CONSTRAINT "entities_store_id_entity_id_pk" PRIMARY KEY("store_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "entity_id" text;--> statement-breakpoint
CREATE INDEX "entities_store_type" ON "entities" USING btree ("store_id","type","entity_id");