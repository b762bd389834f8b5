CREATE TABLE "dues_batch_lines" (
	"batch_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	CONSTRAINT "dues_batch_lines_status_check" CHECK ("dues_batch_lines"."status" IN ('draft','confirmed')),
	CONSTRAINT "dues_batch_lines_amounts_check" CHECK ("dues_batch_lines"."due_fen" >= 0 AND "dues_batch_lines"."paid_fen" >= 0 AND "dues_batch_lines"."paid_fen" <= "dues_batch_lines"."due_fen")
);
--> statement-breakpoint
CREATE TABLE "dues_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"ledger_entry_id" bigint,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_batches_method_check" CHECK ("dues_batches"."method" IN ('payroll','cash')),
	CONSTRAINT "dues_batches_status_check" CHECK ("dues_batches"."status" IN ('draft','confirmed')),
	CONSTRAINT "dues_batches_month_check" CHECK ("dues_batches"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "dues_batches_confirmed_check" CHECK ("dues_batches"."status" = 'draft' OR "dues_batches"."confirmed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "dues_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"from_month" text NOT NULL,
	"to_month" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_exemptions_reason_check" CHECK ("dues_exemptions"."reason" IN ('laid_off','hardship','long_sick','other')),
	CONSTRAINT "dues_exemptions_months_check" CHECK ("dues_exemptions"."from_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "dues_exemptions"."to_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND "dues_exemptions"."to_month" >= "dues_exemptions"."from_month")
);
--> statement-breakpoint
CREATE TABLE "dues_wage_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"employer_type" text NOT NULL,
	"items" jsonb NOT NULL,
	"wage_fen" bigint NOT NULL,
	"monthly_dues_fen" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_wage_bases_employer_check" CHECK ("dues_wage_bases"."employer_type" IN ('enterprise','government','institution')),
	CONSTRAINT "dues_wage_bases_amounts_check" CHECK ("dues_wage_bases"."wage_fen" >= 0 AND "dues_wage_bases"."monthly_dues_fen" >= 0),
	CONSTRAINT "dues_wage_bases_year_check" CHECK ("dues_wage_bases"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "dues_batch_lines" ADD CONSTRAINT "dues_batch_lines_batch_id_dues_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."dues_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_batch_lines" ADD CONSTRAINT "dues_batch_lines_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_batch_lines" ADD CONSTRAINT "dues_batch_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_batches" ADD CONSTRAINT "dues_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_exemptions" ADD CONSTRAINT "dues_exemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_exemptions" ADD CONSTRAINT "dues_exemptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_wage_bases" ADD CONSTRAINT "dues_wage_bases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_wage_bases" ADD CONSTRAINT "dues_wage_bases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dues_batch_lines_pk" ON "dues_batch_lines" USING btree ("batch_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_batch_lines_paid_once" ON "dues_batch_lines" USING btree ("member_id","month") WHERE "dues_batch_lines"."status" = 'confirmed' AND "dues_batch_lines"."paid_fen" > 0;--> statement-breakpoint
CREATE INDEX "dues_batch_lines_org_month_idx" ON "dues_batch_lines" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_batches_org_idx" ON "dues_batches" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_exemptions_member_idx" ON "dues_exemptions" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_exemptions_org_idx" ON "dues_exemptions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_wage_bases_member_year_unique" ON "dues_wage_bases" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "dues_wage_bases_org_idx" ON "dues_wage_bases" USING btree ("org_id","year");