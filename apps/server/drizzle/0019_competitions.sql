CREATE TABLE "competition_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"certificate_no" text NOT NULL,
	"awarded_by" uuid,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_awards_certificate_no_unique" UNIQUE("certificate_no"),
	CONSTRAINT "competition_awards_kind_check" CHECK ("competition_awards"."kind" IN ('advanced_collective','pioneer','advanced_individual','merit_first','merit_second','merit_third'))
);
--> statement-breakpoint
CREATE TABLE "competition_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_participants_kind_check" CHECK ("competition_participants"."kind" IN ('unit','team','individual'))
);
--> statement-breakpoint
CREATE TABLE "competition_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"competition_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"values" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"note" text,
	"return_reason" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competition_scores_status_check" CHECK ("competition_scores"."status" IN ('submitted','verified','returned'))
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"theme" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"periods" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitions_kind_check" CHECK ("competitions"."kind" IN ('labour','merit')),
	CONSTRAINT "competitions_status_check" CHECK ("competitions"."status" IN ('draft','running','closed'))
);
--> statement-breakpoint
ALTER TABLE "competition_awards" ADD CONSTRAINT "competition_awards_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_awards" ADD CONSTRAINT "competition_awards_participant_id_competition_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."competition_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_participants" ADD CONSTRAINT "competition_participants_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_participants" ADD CONSTRAINT "competition_participants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_scores" ADD CONSTRAINT "competition_scores_participant_id_competition_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."competition_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_awards_unique" ON "competition_awards" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_participants_unique" ON "competition_participants" USING btree ("competition_id","kind","name","org_id");--> statement-breakpoint
CREATE INDEX "competition_participants_org_idx" ON "competition_participants" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_scores_unique" ON "competition_scores" USING btree ("participant_id","period_key");--> statement-breakpoint
CREATE INDEX "competition_scores_competition_idx" ON "competition_scores" USING btree ("competition_id","period_key");--> statement-breakpoint
CREATE INDEX "competitions_org_idx" ON "competitions" USING btree ("org_id");