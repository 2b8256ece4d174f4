CREATE TABLE "customer_scores" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"as_of" timestamp (3) with time zone NOT NULL,
	"policy_version" text NOT NULL,
	"lifecycle_stage" text NOT NULL,
	"loyalty_tier" text NOT NULL,
	"health_score" double precision NOT NULL,
	"health_grade" text NOT NULL,
	"churn_probability" double precision NOT NULL,
	"churn_level" text NOT NULL,
	"predicted_value" double precision NOT NULL,
	"lifetime_revenue" double precision NOT NULL,
	"recency_days" double precision NOT NULL,
	"rfm_segment" text
);
--> statement-breakpoint
CREATE TABLE "score_refresh_queue" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_refresh_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"as_of" timestamp (3) with time zone NOT NULL,
	"policy_version" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"customers_scored" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_refresh_queue" ADD CONSTRAINT "score_refresh_queue_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_scores_stage_idx" ON "customer_scores" USING btree ("lifecycle_stage");--> statement-breakpoint
CREATE INDEX "customer_scores_tier_idx" ON "customer_scores" USING btree ("loyalty_tier");--> statement-breakpoint
CREATE INDEX "customer_scores_grade_idx" ON "customer_scores" USING btree ("health_grade");--> statement-breakpoint
CREATE INDEX "customer_scores_health_idx" ON "customer_scores" USING btree ("health_score","customer_id");--> statement-breakpoint
CREATE INDEX "customer_scores_churn_idx" ON "customer_scores" USING btree ("churn_probability","customer_id");--> statement-breakpoint
CREATE INDEX "customer_scores_value_idx" ON "customer_scores" USING btree ("predicted_value","customer_id");--> statement-breakpoint
CREATE INDEX "customer_scores_recency_idx" ON "customer_scores" USING btree ("recency_days","customer_id");--> statement-breakpoint
CREATE INDEX "customer_scores_as_of_idx" ON "customer_scores" USING btree ("as_of");--> statement-breakpoint
CREATE INDEX "score_refresh_runs_finished_idx" ON "score_refresh_runs" USING btree ("finished_at","id");