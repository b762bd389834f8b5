CREATE TABLE "rights_case_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_date" date NOT NULL,
	"handler" text NOT NULL,
	"note" text NOT NULL,
	"user_id" uuid,
	"org_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_steps_kind_check" CHECK ("rights_case_steps"."kind" IN ('consultation','mediation','legal_aid','arbitration'))
);
--> statement-breakpoint
CREATE TABLE "rights_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text NOT NULL,
	"urgency_reason" text,
	"description" text NOT NULL,
	"worker_user_id" uuid,
	"member_id" uuid,
	"caller_name" text NOT NULL,
	"caller_phone_enc" text,
	"caller_phone_hmac" text,
	"caller_phone_masked" text,
	"enterprise_id" uuid,
	"enterprise_name" text NOT NULL,
	"enterprise_address" text,
	"division_code" text,
	"org_id" uuid NOT NULL,
	"workers_affected" integer DEFAULT 1 NOT NULL,
	"amount_claimed_fen" bigint DEFAULT 0 NOT NULL,
	"phase" text DEFAULT 'new' NOT NULL,
	"outcome" text,
	"amount_recovered_fen" bigint DEFAULT 0 NOT NULL,
	"workers_paid" integer DEFAULT 0 NOT NULL,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"satisfaction" text,
	"satisfaction_comment" text,
	"rated_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_cases_case_no_unique" UNIQUE("case_no"),
	CONSTRAINT "rights_cases_channel_check" CHECK ("rights_cases"."channel" IN ('h5','hotline')),
	CONSTRAINT "rights_cases_category_check" CHECK ("rights_cases"."category" IN ('wage_arrears','contract','injury','social_insurance','other')),
	CONSTRAINT "rights_cases_urgency_check" CHECK ("rights_cases"."urgency" IN ('normal','urgent')),
	CONSTRAINT "rights_cases_phase_check" CHECK ("rights_cases"."phase" IN ('new','accepted','mediation','referred','closed','rejected','withdrawn')),
	CONSTRAINT "rights_cases_outcome_check" CHECK ("rights_cases"."outcome" IS NULL OR "rights_cases"."outcome" IN ('resolved','partly','not_resolved','referred')),
	CONSTRAINT "rights_cases_satisfaction_check" CHECK ("rights_cases"."satisfaction" IS NULL OR "rights_cases"."satisfaction" IN ('satisfied','basically','dissatisfied')),
	CONSTRAINT "rights_cases_amounts_check" CHECK ("rights_cases"."amount_claimed_fen" >= 0 AND "rights_cases"."amount_recovered_fen" >= 0 AND "rights_cases"."workers_affected" >= 1 AND "rights_cases"."workers_paid" >= 0)
);
--> statement-breakpoint
ALTER TABLE "rights_case_steps" ADD CONSTRAINT "rights_case_steps_case_id_rights_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."rights_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cases" ADD CONSTRAINT "rights_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cases" ADD CONSTRAINT "rights_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_cases" ADD CONSTRAINT "rights_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_case_steps_case_idx" ON "rights_case_steps" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "rights_cases_org_idx" ON "rights_cases" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "rights_cases_worker_idx" ON "rights_cases" USING btree ("worker_user_id","created_at");--> statement-breakpoint
CREATE INDEX "rights_cases_phase_idx" ON "rights_cases" USING btree ("category","phase");