CREATE TABLE "hardship_household_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"org_name" text,
	"eligible" boolean,
	"tier" text,
	"household_size" integer,
	"total_income_fen" bigint,
	"per_capita_monthly_fen" bigint,
	"line_monthly_fen" integer,
	"reason" text,
	"opinion" text,
	"facts" jsonb,
	CONSTRAINT "hardship_household_reviews_kind_check" CHECK ("hardship_household_reviews"."kind" IN ('establish','update','review','exit'))
);
--> statement-breakpoint
CREATE TABLE "hardship_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"head_member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"district_code" text,
	"status" text DEFAULT 'active' NOT NULL,
	"tier" text,
	"household_size" integer NOT NULL,
	"total_income_fen" bigint NOT NULL,
	"per_capita_monthly_fen" bigint NOT NULL,
	"line_monthly_fen" integer NOT NULL,
	"line_year" integer NOT NULL,
	"tier_reason" text NOT NULL,
	"monthly_income" jsonb NOT NULL,
	"family_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"car_value_fen" bigint DEFAULT 0 NOT NULL,
	"commercial_homes" integer DEFAULT 0 NOT NULL,
	"causes" text[] NOT NULL,
	"cause_note" text,
	"evidence_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"established_on" date NOT NULL,
	"last_reviewed_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"exited_on" date,
	"exit_reason" text,
	"exit_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_households_status_check" CHECK ("hardship_households"."status" IN ('active','review_due','exited')),
	CONSTRAINT "hardship_households_tier_check" CHECK ("hardship_households"."tier" IS NULL OR "hardship_households"."tier" IN ('deep','relative','accident')),
	CONSTRAINT "hardship_households_open_tier_check" CHECK ("hardship_households"."status" = 'exited' OR "hardship_households"."tier" IS NOT NULL),
	CONSTRAINT "hardship_households_exit_check" CHECK (("hardship_households"."status" = 'exited') = ("hardship_households"."exited_on" IS NOT NULL AND "hardship_households"."exit_reason" IS NOT NULL)),
	CONSTRAINT "hardship_households_size_check" CHECK ("hardship_households"."household_size" >= 1),
	CONSTRAINT "hardship_households_money_check" CHECK ("hardship_households"."total_income_fen" >= 0 AND "hardship_households"."car_value_fen" >= 0 AND "hardship_households"."commercial_homes" >= 0 AND "hardship_households"."line_monthly_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "subsistence_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"monthly_fen" integer NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsistence_lines_amount_check" CHECK ("subsistence_lines"."monthly_fen" > 0),
	CONSTRAINT "subsistence_lines_year_check" CHECK ("subsistence_lines"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "hardship_household_reviews" ADD CONSTRAINT "hardship_household_reviews_household_id_hardship_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."hardship_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_households" ADD CONSTRAINT "hardship_households_head_member_id_members_id_fk" FOREIGN KEY ("head_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_households" ADD CONSTRAINT "hardship_households_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_household_reviews_household_idx" ON "hardship_household_reviews" USING btree ("household_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_households_one_open" ON "hardship_households" USING btree ("head_member_id") WHERE "hardship_households"."status" <> 'exited';--> statement-breakpoint
CREATE INDEX "hardship_households_org_idx" ON "hardship_households" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "hardship_households_review_idx" ON "hardship_households" USING btree ("status","next_review_on");--> statement-breakpoint
CREATE INDEX "hardship_households_district_idx" ON "hardship_households" USING btree ("district_code","status");--> statement-breakpoint
CREATE INDEX "hardship_households_family_idx" ON "hardship_households" USING gin ("family_members" jsonb_path_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "subsistence_lines_division_year_unique" ON "subsistence_lines" USING btree ("division_code","year");--> statement-breakpoint
ALTER TABLE "aid_applications" ADD CONSTRAINT "aid_applications_household_id_hardship_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."hardship_households"("id") ON DELETE no action ON UPDATE no action;