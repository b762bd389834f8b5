CREATE TABLE "craftsman_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"nomination_starts_on" date NOT NULL,
	"nomination_ends_on" date NOT NULL,
	"total_places" integer NOT NULL,
	"nominee_places" integer DEFAULT 0 NOT NULL,
	"award_fen" bigint DEFAULT 5000000 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "craftsman_calls_status_check" CHECK ("craftsman_calls"."status" IN ('draft','open','reviewing','closed')),
	CONSTRAINT "craftsman_calls_places_check" CHECK ("craftsman_calls"."total_places" > 0 AND "craftsman_calls"."nominee_places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "craftsman_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"nominating_org_id" uuid NOT NULL,
	"trade" text NOT NULL,
	"employer_name" text NOT NULL,
	"employed_in_hangzhou" boolean DEFAULT true NOT NULL,
	"trade_started_on" date NOT NULL,
	"hangzhou_full_time_since" date NOT NULL,
	"contest_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deeds" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" text,
	"decided_at" timestamp with time zone,
	"city_approved_at" timestamp with time zone,
	"city_approved_by" uuid,
	"certificate_no" text,
	"payout_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "craftsman_nominations_decision_check" CHECK ("craftsman_nominations"."decision" IS NULL OR "craftsman_nominations"."decision" IN ('craftsman','nominee'))
);
--> statement-breakpoint
CREATE TABLE "craftsman_quotas" (
	"call_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "craftsman_quotas_call_id_org_id_pk" PRIMARY KEY("call_id","org_id"),
	CONSTRAINT "craftsman_quotas_places_check" CHECK ("craftsman_quotas"."places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "craftsman_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"expert_name" text NOT NULL,
	"points" jsonb NOT NULL,
	"total" numeric(5, 1) NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "craftsman_scores_total_check" CHECK ("craftsman_scores"."total" >= 0 AND "craftsman_scores"."total" <= 100)
);
--> statement-breakpoint
CREATE TABLE "legal_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"category" text NOT NULL,
	"addressee" text NOT NULL,
	"problem" text NOT NULL,
	"legal_basis" text NOT NULL,
	"demand" text NOT NULL,
	"reply_days" integer NOT NULL,
	"serial_prefix" text,
	"serial_year" integer,
	"serial_seq" integer,
	"serial_no" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"delivery_method" text,
	"delivered_on" date,
	"receiver" text,
	"delivery_proof" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reply_due_on" date,
	"overdue_at" timestamp with time zone,
	"replied_on" date,
	"reply_content" text,
	"rectification" text,
	"verdict" text,
	"verdict_note" text,
	"reply_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"previous_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_notices_kind_check" CHECK ("legal_notices"."kind" IN ('reminder','opinion','recommendation')),
	CONSTRAINT "legal_notices_status_check" CHECK ("legal_notices"."status" IN ('draft','issued','delivered','overdue','unsatisfied','closed','escalated')),
	CONSTRAINT "legal_notices_delivery_check" CHECK ("legal_notices"."delivery_method" IS NULL OR "legal_notices"."delivery_method" IN ('direct','post','electronic')),
	CONSTRAINT "legal_notices_verdict_check" CHECK ("legal_notices"."verdict" IS NULL OR "legal_notices"."verdict" IN ('accepted','unsatisfied')),
	CONSTRAINT "legal_notices_reply_days_check" CHECK ("legal_notices"."reply_days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "legal_supervision_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"reminder_days" integer NOT NULL,
	"opinion_days" integer NOT NULL,
	"recommendation_days" integer NOT NULL,
	"serial_prefix" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_supervision_settings_days_check" CHECK ("legal_supervision_settings"."reminder_days" BETWEEN 1 AND 60 AND "legal_supervision_settings"."opinion_days" BETWEEN 1 AND 60 AND "legal_supervision_settings"."recommendation_days" BETWEEN 1 AND 60)
);
--> statement-breakpoint
ALTER TABLE "craftsman_nominations" ADD CONSTRAINT "craftsman_nominations_call_id_craftsman_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."craftsman_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craftsman_nominations" ADD CONSTRAINT "craftsman_nominations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craftsman_nominations" ADD CONSTRAINT "craftsman_nominations_nominating_org_id_orgs_id_fk" FOREIGN KEY ("nominating_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craftsman_quotas" ADD CONSTRAINT "craftsman_quotas_call_id_craftsman_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."craftsman_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craftsman_quotas" ADD CONSTRAINT "craftsman_quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "craftsman_scores" ADD CONSTRAINT "craftsman_scores_nomination_id_craftsman_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."craftsman_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_notices" ADD CONSTRAINT "legal_notices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_notices" ADD CONSTRAINT "legal_notices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_notices" ADD CONSTRAINT "legal_notices_previous_id_legal_notices_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."legal_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_supervision_settings" ADD CONSTRAINT "legal_supervision_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "craftsman_calls_year_unique" ON "craftsman_calls" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "craftsman_nominations_member_unique" ON "craftsman_nominations" USING btree ("call_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "craftsman_nominations_certificate_unique" ON "craftsman_nominations" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "craftsman_nominations_org_idx" ON "craftsman_nominations" USING btree ("nominating_org_id","call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "craftsman_scores_expert_unique" ON "craftsman_scores" USING btree ("nomination_id","expert_id");--> statement-breakpoint
CREATE INDEX "legal_notices_org_idx" ON "legal_notices" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "legal_notices_enterprise_idx" ON "legal_notices" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "legal_notices_due_idx" ON "legal_notices" USING btree ("reply_due_on") WHERE "legal_notices"."status" = 'delivered';--> statement-breakpoint
CREATE UNIQUE INDEX "legal_notices_serial_unique" ON "legal_notices" USING btree ("org_id","serial_year","serial_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_notices_previous_unique" ON "legal_notices" USING btree ("previous_id");