CREATE TABLE "contribution_allocations" (
	"declaration_id" uuid NOT NULL,
	"level" text NOT NULL,
	"org_id" uuid,
	"amount_fen" bigint NOT NULL,
	"entry_id" bigint,
	CONSTRAINT "contribution_allocations_declaration_id_level_pk" PRIMARY KEY("declaration_id","level"),
	CONSTRAINT "contribution_allocations_level_check" CHECK ("contribution_allocations"."level" IN ('grassroots','street','district','city','province')),
	CONSTRAINT "contribution_allocations_amount_check" CHECK ("contribution_allocations"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contribution_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"union_org_id" uuid NOT NULL,
	"period_month" integer NOT NULL,
	"payroll_fen" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"note" text,
	"declared_by" uuid,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_on" date,
	"payment_reference" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contribution_declarations_status_check" CHECK ("contribution_declarations"."status" IN ('declared','paid')),
	CONSTRAINT "contribution_declarations_amount_check" CHECK ("contribution_declarations"."payroll_fen" > 0 AND "contribution_declarations"."amount_fen" >= 0),
	CONSTRAINT "contribution_declarations_paid_check" CHECK ("contribution_declarations"."status" = 'declared' OR "contribution_declarations"."paid_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "contribution_payers" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"since_month" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_reminders" (
	"enterprise_id" uuid NOT NULL,
	"period_month" integer NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_by" uuid,
	CONSTRAINT "contribution_reminders_enterprise_id_period_month_pk" PRIMARY KEY("enterprise_id","period_month")
);
--> statement-breakpoint
CREATE TABLE "finance_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"rate_bp" integer DEFAULT 200 NOT NULL,
	"grassroots_bp" integer DEFAULT 6000 NOT NULL,
	"street_bp" integer DEFAULT 1000 NOT NULL,
	"district_bp" integer DEFAULT 1500 NOT NULL,
	"city_bp" integer DEFAULT 1000 NOT NULL,
	"province_bp" integer DEFAULT 500 NOT NULL,
	"due_day" integer DEFAULT 15 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_settings_shares_check" CHECK ("finance_settings"."grassroots_bp" + "finance_settings"."street_bp" + "finance_settings"."district_bp" + "finance_settings"."city_bp" + "finance_settings"."province_bp" = 10000),
	CONSTRAINT "finance_settings_nonneg_check" CHECK ("finance_settings"."grassroots_bp" >= 0 AND "finance_settings"."street_bp" >= 0 AND "finance_settings"."district_bp" >= 0 AND "finance_settings"."city_bp" >= 0 AND "finance_settings"."province_bp" >= 0),
	CONSTRAINT "finance_settings_due_day_check" CHECK ("finance_settings"."due_day" BETWEEN 1 AND 28),
	CONSTRAINT "finance_settings_rate_check" CHECK ("finance_settings"."rate_bp" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "contribution_allocations" ADD CONSTRAINT "contribution_allocations_declaration_id_contribution_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."contribution_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_allocations" ADD CONSTRAINT "contribution_allocations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_declarations" ADD CONSTRAINT "contribution_declarations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_declarations" ADD CONSTRAINT "contribution_declarations_union_org_id_orgs_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_payers" ADD CONSTRAINT "contribution_payers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reminders" ADD CONSTRAINT "contribution_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_settings" ADD CONSTRAINT "finance_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_allocations_org_idx" ON "contribution_allocations" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_declarations_month_unique" ON "contribution_declarations" USING btree ("enterprise_id","period_month");--> statement-breakpoint
CREATE INDEX "contribution_declarations_period_idx" ON "contribution_declarations" USING btree ("period_month","status");