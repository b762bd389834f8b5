CREATE TABLE "rater_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight_bp" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rater_groups_weight_check" CHECK ("rater_groups"."weight_bp" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "rating_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"rater_key" text NOT NULL,
	"submission_id" uuid NOT NULL,
	"code_id" uuid,
	"member_id" uuid,
	"attitude" smallint NOT NULL,
	"integrity" smallint NOT NULL,
	"effect" smallint NOT NULL,
	"comment" text,
	"reply_requested" boolean DEFAULT false NOT NULL,
	"contact_enc" text,
	"contact_masked" text,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"ip" text,
	"fingerprint" text,
	"flag_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	"excluded_reason" text,
	"excluded_by" uuid,
	"excluded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_ballots_levels_check" CHECK ("rating_ballots"."attitude" BETWEEN 1 AND 5 AND "rating_ballots"."integrity" BETWEEN 1 AND 5 AND "rating_ballots"."effect" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "rating_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"description" text,
	"allow_members" boolean DEFAULT false NOT NULL,
	"member_group_id" uuid,
	"satisfied_min_bp" integer DEFAULT 9000 NOT NULL,
	"dissatisfied_below_bp" integer DEFAULT 7500 NOT NULL,
	"burst_window_minutes" integer DEFAULT 10 NOT NULL,
	"burst_ip_limit" integer DEFAULT 20 NOT NULL,
	"burst_same_answer_limit" integer DEFAULT 15 NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_campaigns_state_check" CHECK ("rating_campaigns"."state" IN ('draft','open','closed','published')),
	CONSTRAINT "rating_campaigns_period_check" CHECK ("rating_campaigns"."ends_on" >= "rating_campaigns"."starts_on"),
	CONSTRAINT "rating_campaigns_threshold_check" CHECK ("rating_campaigns"."dissatisfied_below_bp" <= "rating_campaigns"."satisfied_min_bp" AND "rating_campaigns"."satisfied_min_bp" <= 10000 AND "rating_campaigns"."dissatisfied_below_bp" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rating_code_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"source" text NOT NULL,
	"requested" integer NOT NULL,
	"generated" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_code_batches_source_check" CHECK ("rating_code_batches"."source" IN ('phones','members'))
);
--> statement-breakpoint
CREATE TABLE "rating_code_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"prefix" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"batch_id" uuid,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rating_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"org_id" uuid,
	"category" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rating_units_category_check" CHECK ("rating_units"."category" IN ('city_department','district_union','public_service','other'))
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"template" text NOT NULL,
	"body_enc" text NOT NULL,
	"body_masked" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "sms_outbox_status_check" CHECK ("sms_outbox"."status" IN ('queued','sent'))
);
--> statement-breakpoint
ALTER TABLE "rater_groups" ADD CONSTRAINT "rater_groups_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_ballots" ADD CONSTRAINT "rating_ballots_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_ballots" ADD CONSTRAINT "rating_ballots_unit_id_rating_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."rating_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_ballots" ADD CONSTRAINT "rating_ballots_group_id_rater_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_ballots" ADD CONSTRAINT "rating_ballots_code_id_rating_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."rating_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_ballots" ADD CONSTRAINT "rating_ballots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_campaigns" ADD CONSTRAINT "rating_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_code_batches" ADD CONSTRAINT "rating_code_batches_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_code_batches" ADD CONSTRAINT "rating_code_batches_group_id_rater_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_codes" ADD CONSTRAINT "rating_codes_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_codes" ADD CONSTRAINT "rating_codes_group_id_rater_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."rater_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_codes" ADD CONSTRAINT "rating_codes_batch_id_rating_code_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."rating_code_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_units" ADD CONSTRAINT "rating_units_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_units" ADD CONSTRAINT "rating_units_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rater_groups_name_unique" ON "rater_groups" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_ballots_one_vote" ON "rating_ballots" USING btree ("campaign_id","rater_key","unit_id");--> statement-breakpoint
CREATE INDEX "rating_ballots_unit_idx" ON "rating_ballots" USING btree ("campaign_id","unit_id","group_id");--> statement-breakpoint
CREATE INDEX "rating_ballots_time_idx" ON "rating_ballots" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "rating_ballots_fp_idx" ON "rating_ballots" USING btree ("campaign_id","fingerprint","created_at");--> statement-breakpoint
CREATE INDEX "rating_ballots_flagged_idx" ON "rating_ballots" USING btree ("campaign_id") WHERE cardinality("rating_ballots"."flag_reasons") > 0;--> statement-breakpoint
CREATE INDEX "rating_ballots_reply_idx" ON "rating_ballots" USING btree ("unit_id") WHERE "rating_ballots"."reply_requested";--> statement-breakpoint
CREATE INDEX "rating_campaigns_org_idx" ON "rating_campaigns" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "rating_code_batches_campaign_idx" ON "rating_code_batches" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "rating_code_failures_ip_idx" ON "rating_code_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "rating_code_failures_prefix_idx" ON "rating_code_failures" USING btree ("prefix","at");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_codes_hash_unique" ON "rating_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "rating_codes_campaign_idx" ON "rating_codes" USING btree ("campaign_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_units_name_unique" ON "rating_units" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE INDEX "rating_units_org_idx" ON "rating_units" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sms_outbox_org_idx" ON "sms_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_status_idx" ON "sms_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_source_idx" ON "sms_outbox" USING btree ("source_type","source_id");