CREATE TABLE "condolence_plan_categories" (
	"plan_id" uuid NOT NULL,
	"category" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"headcount" integer NOT NULL,
	"money_per_head_fen" bigint NOT NULL,
	"goods_description" text,
	"goods_value_per_head_fen" bigint NOT NULL,
	CONSTRAINT "condolence_plan_categories_category_check" CHECK ("condolence_plan_categories"."category" IN ('hardship_family','vulnerable','retired_cadre','veteran_union_worker','model_worker','frontline','migrant_worker','new_employment')),
	CONSTRAINT "condolence_plan_categories_headcount_check" CHECK ("condolence_plan_categories"."headcount" > 0),
	CONSTRAINT "condolence_plan_categories_money_check" CHECK ("condolence_plan_categories"."money_per_head_fen" >= 0 AND "condolence_plan_categories"."goods_value_per_head_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "condolence_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"occasion" text NOT NULL,
	"occasion_name" text DEFAULT '' NOT NULL,
	"note" text,
	"override" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "condolence_plans_occasion_check" CHECK ("condolence_plans"."occasion" IN ('spring_festival','summer_cool','five_visits','autumn_study','other')),
	CONSTRAINT "condolence_plans_other_name_check" CHECK ("condolence_plans"."occasion" <> 'other' OR "condolence_plans"."occasion_name" <> '')
);
--> statement-breakpoint
CREATE TABLE "condolence_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"target" text NOT NULL,
	"member_id" uuid,
	"household_id" uuid,
	"person_name" text NOT NULL,
	"person_phone_masked" text,
	"category" text NOT NULL,
	"visited_on" date NOT NULL,
	"place" text NOT NULL,
	"visitors" text NOT NULL,
	"goods_description" text,
	"goods_value_fen" bigint DEFAULT 0 NOT NULL,
	"money_fen" bigint DEFAULT 0 NOT NULL,
	"fund_id" uuid,
	"payout_id" uuid,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "condolence_visits_category_check" CHECK ("condolence_visits"."category" IN ('hardship_family','vulnerable','retired_cadre','veteran_union_worker','model_worker','frontline','migrant_worker','new_employment')),
	CONSTRAINT "condolence_visits_target_check" CHECK ("condolence_visits"."target" IN ('member','household','person')),
	CONSTRAINT "condolence_visits_target_ref_check" CHECK (("condolence_visits"."target" = 'member' AND "condolence_visits"."member_id" IS NOT NULL) OR ("condolence_visits"."target" = 'household' AND "condolence_visits"."household_id" IS NOT NULL) OR "condolence_visits"."target" = 'person'),
	CONSTRAINT "condolence_visits_money_check" CHECK ("condolence_visits"."money_fen" >= 0 AND "condolence_visits"."goods_value_fen" >= 0 AND ("condolence_visits"."money_fen" = 0 OR "condolence_visits"."fund_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "condolence_plan_categories" ADD CONSTRAINT "condolence_plan_categories_plan_id_condolence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."condolence_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_plans" ADD CONSTRAINT "condolence_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_plan_id_condolence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."condolence_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_household_id_hardship_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."hardship_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_payout_id_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "condolence_plan_categories_pk" ON "condolence_plan_categories" USING btree ("plan_id","category");--> statement-breakpoint
CREATE INDEX "condolence_plans_key_idx" ON "condolence_plans" USING btree ("org_id","occasion","occasion_name","year");--> statement-breakpoint
CREATE INDEX "condolence_plans_year_idx" ON "condolence_plans" USING btree ("year","occasion");--> statement-breakpoint
CREATE INDEX "condolence_visits_plan_idx" ON "condolence_visits" USING btree ("plan_id","org_id","category");--> statement-breakpoint
CREATE INDEX "condolence_visits_org_idx" ON "condolence_visits" USING btree ("org_id","visited_on");--> statement-breakpoint
CREATE INDEX "condolence_visits_member_idx" ON "condolence_visits" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "condolence_visits_payout_unique" ON "condolence_visits" USING btree ("payout_id");