CREATE TABLE "innovations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"proposal" text NOT NULL,
	"expected_benefit" text NOT NULL,
	"member_id" uuid,
	"team_name" text,
	"team_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"filed_by" uuid,
	"filed_by_name" text,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"value_fen" bigint,
	"value_note" text,
	"payout_id" uuid,
	"certificate_no" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "innovations_kind_check" CHECK ("innovations"."kind" IN ('invention','creation','renovation','design','suggestion','rationalisation')),
	CONSTRAINT "innovations_who_check" CHECK ("innovations"."member_id" IS NOT NULL OR "innovations"."team_name" IS NOT NULL),
	CONSTRAINT "innovations_value_check" CHECK ("innovations"."value_fen" IS NULL OR "innovations"."value_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "skill_contest_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score_centi" integer,
	"award" text,
	"skill_level_before" text,
	"skill_level_after" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_contest_results_rank_check" CHECK ("skill_contest_results"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "skill_contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"trade" text NOT NULL,
	"level" text NOT NULL,
	"held_on" date NOT NULL,
	"organiser_org_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_contests_level_check" CHECK ("skill_contests"."level" IN ('enterprise','district','city','province','national','world'))
);
--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_contest_results" ADD CONSTRAINT "skill_contest_results_contest_id_skill_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."skill_contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_contest_results" ADD CONSTRAINT "skill_contest_results_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_contests" ADD CONSTRAINT "skill_contests_organiser_org_id_orgs_id_fk" FOREIGN KEY ("organiser_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "innovations_org_idx" ON "innovations" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "innovations_member_idx" ON "innovations" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "innovations_certificate_unique" ON "innovations" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_contest_results_unique" ON "skill_contest_results" USING btree ("contest_id","member_id");--> statement-breakpoint
CREATE INDEX "skill_contest_results_member_idx" ON "skill_contest_results" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "skill_contests_organiser_idx" ON "skill_contests" USING btree ("organiser_org_id","held_on");