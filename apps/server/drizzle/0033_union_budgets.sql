CREATE TABLE "union_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"category" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "union_budget_lines_amount_check" CHECK ("union_budget_lines"."amount_fen" >= 0),
	CONSTRAINT "union_budget_lines_category_check" CHECK ("union_budget_lines"."category" IN ('activity','rights','aid','home','training','other'))
);
--> statement-breakpoint
CREATE TABLE "union_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"approval_ref" text,
	"approved_by" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "union_budgets_status_check" CHECK ("union_budgets"."status" IN ('draft','approved'))
);
--> statement-breakpoint
CREATE TABLE "union_spendings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payee" text NOT NULL,
	"purpose" text NOT NULL,
	"vouchers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"over_budget_reason" text,
	"status" text DEFAULT 'posted' NOT NULL,
	"entry_id" bigint NOT NULL,
	"reversal_entry_id" bigint,
	"reversal_reason" text,
	"reversed_by" uuid,
	"reversed_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "union_spendings_amount_check" CHECK ("union_spendings"."amount_fen" > 0),
	CONSTRAINT "union_spendings_status_check" CHECK ("union_spendings"."status" IN ('posted','reversed'))
);
--> statement-breakpoint
ALTER TABLE "union_budget_lines" ADD CONSTRAINT "union_budget_lines_budget_id_union_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."union_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_budgets" ADD CONSTRAINT "union_budgets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_spendings" ADD CONSTRAINT "union_spendings_budget_id_union_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."union_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_spendings" ADD CONSTRAINT "union_spendings_line_id_union_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."union_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_spendings" ADD CONSTRAINT "union_spendings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "union_spendings" ADD CONSTRAINT "union_spendings_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "union_budget_lines_unique" ON "union_budget_lines" USING btree ("budget_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "union_budgets_org_year_unique" ON "union_budgets" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "union_budgets_year_idx" ON "union_budgets" USING btree ("year");--> statement-breakpoint
CREATE INDEX "union_spendings_line_idx" ON "union_spendings" USING btree ("line_id","status");--> statement-breakpoint
CREATE INDEX "union_spendings_budget_idx" ON "union_spendings" USING btree ("budget_id","spent_on");--> statement-breakpoint
CREATE INDEX "union_spendings_org_idx" ON "union_spendings" USING btree ("org_id","spent_on");