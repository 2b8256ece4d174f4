CREATE TYPE "public"."api_key_role" AS ENUM('ADMIN', 'SUPPORT', 'MARKETING', 'PARTNER');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('WEB', 'APP', 'POS', 'WECHAT', 'CALL_CENTER', 'EMAIL', 'PARTNER');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('EMAIL', 'SMS', 'WECHAT', 'PUSH', 'PHONE', 'PROFILING');--> statement-breakpoint
CREATE TYPE "public"."identifier_type" AS ENUM('EMAIL', 'PHONE', 'WECHAT_OPENID', 'WECHAT_UNIONID', 'DEVICE_ID', 'LOYALTY_CARD', 'EXTERNAL_ID', 'NATIONAL_ID');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('PENDING', 'MERGED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."merge_action" AS ENUM('MERGE', 'UNMERGE');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('PLACED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."points_reason" AS ENUM('PURCHASE', 'SIGN_IN', 'REVIEW', 'REFERRAL', 'REDEEM', 'EXPIRE', 'ADJUST');--> statement-breakpoint
CREATE TYPE "public"."ticket_priority" AS ENUM('LOW', 'NORMAL', 'HIGH', 'URGENT');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('OPEN', 'PENDING', 'RESOLVED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text,
	"birth_date" date,
	"gender" text,
	"city" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"merged_into" uuid,
	"erased_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"type" "identifier_type" NOT NULL,
	"namespace" text DEFAULT '' NOT NULL,
	"value" text NOT NULL,
	"raw_value" text NOT NULL,
	"channel" "channel" NOT NULL,
	"source_system" text NOT NULL,
	"first_seen_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"verified" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"other_customer_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "match_status" DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "merge_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"absorbed_id" uuid NOT NULL,
	"action" "merge_action" NOT NULL,
	"rule" text NOT NULL,
	"score" double precision,
	"actor" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"source_system" text NOT NULL,
	"source_record_id" text NOT NULL,
	"observed_at" timestamp (3) with time zone NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppressed_identifiers" (
	"hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nps_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"responded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "nps_score_range" CHECK ("nps_responses"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"placed_at" timestamp (3) with time zone NOT NULL,
	"status" "order_status" NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"item_count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_total_nonnegative" CHECK ("orders"."total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"reason" "points_reason" NOT NULL,
	"order_id" text,
	"earned_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"subject" text NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"status" "ticket_status" NOT NULL,
	"priority" "ticket_priority" DEFAULT 'NORMAL' NOT NULL,
	"csat" smallint,
	CONSTRAINT "tickets_csat_range" CHECK ("tickets"."csat" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "action_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"action" text NOT NULL,
	"channel" "channel",
	"offered_at" timestamp (3) with time zone NOT NULL,
	"outcome" text,
	"outcome_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "api_key_role" NOT NULL,
	"scopes" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_hash_uq" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"api_key_id" uuid,
	"customer_id" uuid,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_customers_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_other_customer_id_customers_id_fk" FOREIGN KEY ("other_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_log" ADD CONSTRAINT "merge_log_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_log" ADD CONSTRAINT "merge_log_absorbed_id_customers_id_fk" FOREIGN KEY ("absorbed_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_log" ADD CONSTRAINT "action_log_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_created_idx" ON "customers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ((lower(coalesce("display_name", '')) collate "C"),"id");--> statement-breakpoint
CREATE INDEX "customers_city_idx" ON "customers" USING btree ("city");--> statement-breakpoint
CREATE INDEX "customers_merged_into_idx" ON "customers" USING btree ("merged_into") WHERE "customers"."merged_into" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_key_uq" ON "identities" USING btree ("type","value","namespace");--> statement-breakpoint
CREATE INDEX "identities_customer_idx" ON "identities" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_candidates_pair_uq" ON "match_candidates" USING btree ("customer_id","other_customer_id");--> statement-breakpoint
CREATE INDEX "match_candidates_status_idx" ON "match_candidates" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "match_candidates_other_idx" ON "match_candidates" USING btree ("other_customer_id");--> statement-breakpoint
CREATE INDEX "merge_log_customer_idx" ON "merge_log" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "merge_log_absorbed_idx" ON "merge_log" USING btree ("absorbed_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_records_key_uq" ON "source_records" USING btree ("source_system","source_record_id");--> statement-breakpoint
CREATE INDEX "source_records_customer_idx" ON "source_records" USING btree ("customer_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "events_idempotency_uq" ON "events" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "events_customer_occurred_idx" ON "events" USING btree ("customer_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "nps_customer_responded_idx" ON "nps_responses" USING btree ("customer_id","responded_at","id");--> statement-breakpoint
CREATE INDEX "orders_customer_placed_idx" ON "orders" USING btree ("customer_id","placed_at","id");--> statement-breakpoint
CREATE INDEX "points_customer_earned_idx" ON "points_ledger" USING btree ("customer_id","earned_at");--> statement-breakpoint
CREATE INDEX "tickets_customer_opened_idx" ON "tickets" USING btree ("customer_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "action_log_customer_offered_idx" ON "action_log" USING btree ("customer_id","offered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_customer_purpose_uq" ON "consents" USING btree ("customer_id","purpose");--> statement-breakpoint
CREATE INDEX "audit_log_customer_idx" ON "audit_log" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("created_at");