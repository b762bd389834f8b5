CREATE TABLE "aid_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"household_id" uuid,
	"campaign_id" uuid,
	"category" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"approved_amount_fen" bigint,
	"reason" text NOT NULL,
	"filed_by" uuid,
	"filed_by_name" text,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"sensitive_consent_at" timestamp with time zone,
	"home_visit" jsonb,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payout_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_applications_category_check" CHECK ("aid_applications"."category" IN ('hardship','medical','education','emergency','other')),
	CONSTRAINT "aid_applications_amount_check" CHECK ("aid_applications"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "benefit_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid,
	"household_id" uuid,
	"programme" text NOT NULL,
	"business_type" text NOT NULL,
	"business_key" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"org_id" uuid,
	"on" date NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"scope_key" text DEFAULT '' NOT NULL,
	"amount_fen" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_budgets_amount_check" CHECK ("fund_budgets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_source_check" CHECK ("funds"."source" IN ('city','district','donation','government','union_funds')),
	CONSTRAINT "funds_status_check" CHECK ("funds"."status" IN ('active','closed'))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"business_type" text NOT NULL,
	"business_key" text NOT NULL,
	"campaign_id" uuid,
	"member_id" uuid,
	"household_id" uuid,
	"memo" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" IN ('income','payout','reversal')),
	CONSTRAINT "ledger_entries_sign_check" CHECK (("ledger_entries"."kind" = 'income' AND "ledger_entries"."amount_fen" > 0) OR ("ledger_entries"."kind" = 'payout' AND "ledger_entries"."amount_fen" < 0) OR "ledger_entries"."kind" = 'reversal')
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"status" text DEFAULT 'exported' NOT NULL,
	"count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"bank_reference" text,
	CONSTRAINT "payout_batches_status_check" CHECK ("payout_batches"."status" IN ('exported','paid'))
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"business_type" text NOT NULL,
	"business_key" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text NOT NULL,
	"programme" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"member_id" uuid,
	"household_id" uuid,
	"org_id" uuid,
	"payee_name" text NOT NULL,
	"payee_account_enc" text,
	"payee_account_masked" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"batch_id" uuid,
	"entry_id" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payouts_amount_check" CHECK ("payouts"."amount_fen" > 0),
	CONSTRAINT "payouts_status_check" CHECK ("payouts"."status" IN ('pending','batched','paid'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"user_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"step_key" text,
	"step_label" text,
	"user_id" uuid,
	"user_name" text,
	"org_id" uuid,
	"org_name" text,
	"opinion" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_type" text NOT NULL,
	"business_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"step_index" integer,
	"step_key" text,
	"assignee_org_id" uuid,
	"step_started_at" timestamp with time zone,
	"step_due_date" date,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"public_name" text,
	"public_summary" text,
	"publicity_starts_at" timestamp with time zone,
	"publicity_ends_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "workflow_instances_status_check" CHECK ("workflow_instances"."status" IN ('draft','in_review','returned','publicity','approved','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "workflow_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"content" text NOT NULL,
	"contact" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aid_applications" ADD CONSTRAINT "aid_applications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_applications" ADD CONSTRAINT "aid_applications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_records" ADD CONSTRAINT "benefit_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_budgets" ADD CONSTRAINT "fund_budgets_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_instance_id_workflow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_assignee_org_id_orgs_id_fk" FOREIGN KEY ("assignee_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_objections" ADD CONSTRAINT "workflow_objections_instance_id_workflow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aid_applications_org_idx" ON "aid_applications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "aid_applications_member_idx" ON "aid_applications" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "aid_applications_household_idx" ON "aid_applications" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "aid_applications_campaign_idx" ON "aid_applications" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_records_business_unique" ON "benefit_records" USING btree ("business_type","business_key");--> statement-breakpoint
CREATE INDEX "benefit_records_member_idx" ON "benefit_records" USING btree ("member_id","on");--> statement-breakpoint
CREATE INDEX "benefit_records_household_idx" ON "benefit_records" USING btree ("household_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_budgets_unique" ON "fund_budgets" USING btree ("fund_id","year","scope_key");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_code_unique" ON "funds" USING btree ("code");--> statement-breakpoint
CREATE INDEX "funds_org_idx" ON "funds" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_business_unique" ON "ledger_entries" USING btree ("kind","business_type","business_key");--> statement-breakpoint
CREATE INDEX "ledger_entries_fund_idx" ON "ledger_entries" USING btree ("fund_id","id");--> statement-breakpoint
CREATE INDEX "payout_batches_fund_idx" ON "payout_batches" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_business_unique" ON "payouts" USING btree ("business_type","business_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_idempotency_unique" ON "payouts" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "payouts_fund_status_idx" ON "payouts" USING btree ("fund_id","status");--> statement-breakpoint
CREATE INDEX "payouts_batch_idx" ON "payouts" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_events_instance_idx" ON "workflow_events" USING btree ("instance_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_instances_business_unique" ON "workflow_instances" USING btree ("business_type","business_id");--> statement-breakpoint
CREATE INDEX "workflow_instances_inbox_idx" ON "workflow_instances" USING btree ("assignee_org_id","status");--> statement-breakpoint
CREATE INDEX "workflow_instances_org_idx" ON "workflow_instances" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "workflow_instances_due_idx" ON "workflow_instances" USING btree ("status","step_due_date");--> statement-breakpoint
CREATE INDEX "workflow_instances_publicity_idx" ON "workflow_instances" USING btree ("status","publicity_ends_at");--> statement-breakpoint
CREATE INDEX "workflow_objections_instance_idx" ON "workflow_objections" USING btree ("instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_recurring_one" ON "jobs" USING btree ("type") WHERE "jobs"."status" IN ('queued','running') AND "jobs"."payload" ? 'recurring';