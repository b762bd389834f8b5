CREATE TABLE "mutual_aid_claim_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"invoice_no" text NOT NULL,
	"invoice_no_norm" text NOT NULL,
	"invoice_date" date NOT NULL,
	"total_fen" bigint NOT NULL,
	"self_pay_fen" bigint NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "mutual_aid_claim_invoices_amount_check" CHECK ("mutual_aid_claim_invoices"."total_fen" > 0 AND "mutual_aid_claim_invoices"."self_pay_fen" >= 0 AND "mutual_aid_claim_invoices"."self_pay_fen" <= "mutual_aid_claim_invoices"."total_fen")
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_no" text NOT NULL,
	"period_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"part" text NOT NULL,
	"hospital" text NOT NULL,
	"admission_date" date NOT NULL,
	"discharge_date" date,
	"diagnosis" text NOT NULL,
	"filer_type" text NOT NULL,
	"filer_name" text NOT NULL,
	"filer_relation" text,
	"filed_by" uuid,
	"self_pay_fen" bigint DEFAULT 0 NOT NULL,
	"computed_fen" bigint DEFAULT 0 NOT NULL,
	"deductible_fen" bigint DEFAULT 0 NOT NULL,
	"allowance_fen" bigint DEFAULT 0 NOT NULL,
	"allowance_days" integer DEFAULT 0 NOT NULL,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payout_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_claims_part_check" CHECK ("mutual_aid_claims"."part" IN ('inpatient','outpatient','serious_illness','women_special')),
	CONSTRAINT "mutual_aid_claims_filer_check" CHECK ("mutual_aid_claims"."filer_type" IN ('self','family','staff')),
	CONSTRAINT "mutual_aid_claims_amount_check" CHECK ("mutual_aid_claims"."computed_fen" >= 0 AND "mutual_aid_claims"."self_pay_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"contribution_fen" bigint NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'unpaid' NOT NULL,
	"payment_id" uuid,
	"covered_from" date,
	"enrolled_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_enrolments_status_check" CHECK ("mutual_aid_enrolments"."status" IN ('unpaid','paid','withdrawn')),
	CONSTRAINT "mutual_aid_enrolments_paid_check" CHECK ("mutual_aid_enrolments"."status" <> 'paid' OR ("mutual_aid_enrolments"."payment_id" IS NOT NULL AND "mutual_aid_enrolments"."covered_from" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"receipt_no" text NOT NULL,
	"receipt_no_norm" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"member_count" integer NOT NULL,
	"ledger_entry_id" bigint,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_payments_amount_check" CHECK ("mutual_aid_payments"."amount_fen" > 0 AND "mutual_aid_payments"."member_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"enrol_deadline" date NOT NULL,
	"late_policy" text DEFAULT 'waiting' NOT NULL,
	"late_waiting_days" integer DEFAULT 90 NOT NULL,
	"overall_cap_fen" bigint DEFAULT 6520000 NOT NULL,
	"plan" jsonb NOT NULL,
	"fund_id" uuid NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutual_aid_periods_dates_check" CHECK ("mutual_aid_periods"."ends_on" >= "mutual_aid_periods"."starts_on" AND "mutual_aid_periods"."enrol_deadline" <= "mutual_aid_periods"."ends_on"),
	CONSTRAINT "mutual_aid_periods_late_check" CHECK ("mutual_aid_periods"."late_policy" IN ('waiting','refuse') AND "mutual_aid_periods"."late_waiting_days" >= 0),
	CONSTRAINT "mutual_aid_periods_cap_check" CHECK ("mutual_aid_periods"."overall_cap_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "mutual_aid_claim_invoices" ADD CONSTRAINT "mutual_aid_claim_invoices_claim_id_mutual_aid_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."mutual_aid_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_period_id_mutual_aid_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mutual_aid_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_enrolment_id_mutual_aid_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."mutual_aid_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_period_id_mutual_aid_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mutual_aid_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_enrolments" ADD CONSTRAINT "mutual_aid_enrolments_payment_id_mutual_aid_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."mutual_aid_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_payments" ADD CONSTRAINT "mutual_aid_payments_period_id_mutual_aid_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."mutual_aid_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_payments" ADD CONSTRAINT "mutual_aid_payments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutual_aid_periods" ADD CONSTRAINT "mutual_aid_periods_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_claim_invoices_no_unique" ON "mutual_aid_claim_invoices" USING btree ("invoice_no_norm");--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_invoices_claim_idx" ON "mutual_aid_claim_invoices" USING btree ("claim_id","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_claims_no_unique" ON "mutual_aid_claims" USING btree ("claim_no");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_enrolment_idx" ON "mutual_aid_claims" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_org_idx" ON "mutual_aid_claims" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_member_idx" ON "mutual_aid_claims" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claims_period_idx" ON "mutual_aid_claims" USING btree ("period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolments_member_unique" ON "mutual_aid_enrolments" USING btree ("period_id","member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_org_idx" ON "mutual_aid_enrolments" USING btree ("org_id","period_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolments_payment_idx" ON "mutual_aid_enrolments" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_payments_receipt_unique" ON "mutual_aid_payments" USING btree ("receipt_no_norm");--> statement-breakpoint
CREATE INDEX "mutual_aid_payments_org_idx" ON "mutual_aid_payments" USING btree ("period_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_periods_year_unique" ON "mutual_aid_periods" USING btree ("year");