CREATE TABLE "cadre_committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"term_no" integer NOT NULL,
	"elected_on" date NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"election_method" text NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"replaced_on" date,
	"note" text,
	"expiring_notified_at" timestamp with time zone,
	"expired_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_committees_status_check" CHECK ("cadre_committees"."status" IN ('current','replaced')),
	CONSTRAINT "cadre_committees_method_check" CHECK ("cadre_committees"."election_method" IN ('competitive','equal','appointed','other')),
	CONSTRAINT "cadre_committees_term_check" CHECK ("cadre_committees"."term_end" > "cadre_committees"."term_start")
);
--> statement-breakpoint
CREATE TABLE "cadre_training_attendance" (
	"training_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"signed_in" boolean NOT NULL,
	"hours_tenths" integer NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_training_attendance_training_id_cadre_id_pk" PRIMARY KEY("training_id","cadre_id"),
	CONSTRAINT "cadre_training_attendance_hours_check" CHECK ("cadre_training_attendance"."hours_tenths" >= 0 AND ("cadre_training_attendance"."signed_in" OR "cadre_training_attendance"."hours_tenths" = 0))
);
--> statement-breakpoint
CREATE TABLE "cadre_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text NOT NULL,
	"hours_tenths" integer NOT NULL,
	"audience" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_trainings_dates_check" CHECK ("cadre_trainings"."ends_on" >= "cadre_trainings"."starts_on"),
	CONSTRAINT "cadre_trainings_hours_check" CHECK ("cadre_trainings"."hours_tenths" > 0)
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"committee_id" uuid,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"id_card_enc" text NOT NULL,
	"id_card_hmac" text NOT NULL,
	"id_card_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"member_id" uuid,
	"position" text NOT NULL,
	"full_time" boolean NOT NULL,
	"office_start" date NOT NULL,
	"office_end" date,
	"elected_how" text NOT NULL,
	"state" text DEFAULT 'in_office' NOT NULL,
	"left_on" date,
	"left_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadres_gender_check" CHECK ("cadres"."gender" IN ('male','female')),
	CONSTRAINT "cadres_state_check" CHECK ("cadres"."state" IN ('in_office','left')),
	CONSTRAINT "cadres_left_check" CHECK ("cadres"."state" = 'in_office' OR ("cadres"."left_on" IS NOT NULL AND "cadres"."left_reason" IS NOT NULL)),
	CONSTRAINT "cadres_elected_check" CHECK ("cadres"."elected_how" IN ('competitive','equal','appointed','other'))
);
--> statement-breakpoint
ALTER TABLE "cadre_committees" ADD CONSTRAINT "cadre_committees_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_training_attendance" ADD CONSTRAINT "cadre_training_attendance_training_id_cadre_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."cadre_trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_training_attendance" ADD CONSTRAINT "cadre_training_attendance_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadre_trainings" ADD CONSTRAINT "cadre_trainings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_committee_id_cadre_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."cadre_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_committees_one_current" ON "cadre_committees" USING btree ("org_id") WHERE "cadre_committees"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_committees_term_unique" ON "cadre_committees" USING btree ("org_id","term_no");--> statement-breakpoint
CREATE INDEX "cadre_committees_term_end_idx" ON "cadre_committees" USING btree ("term_end") WHERE "cadre_committees"."status" = 'current';--> statement-breakpoint
CREATE INDEX "cadre_training_attendance_cadre_idx" ON "cadre_training_attendance" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "cadre_trainings_org_idx" ON "cadre_trainings" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cadres_in_office_unique" ON "cadres" USING btree ("org_id","id_card_hmac") WHERE "cadres"."state" = 'in_office';--> statement-breakpoint
CREATE INDEX "cadres_org_idx" ON "cadres" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "cadres_committee_idx" ON "cadres" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "cadres_id_card_idx" ON "cadres" USING btree ("id_card_hmac");