CREATE TABLE "union_homes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"venue_name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"area_m2" integer DEFAULT 0 NOT NULL,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"annual_funds_fen" bigint DEFAULT 0 NOT NULL,
	"activities_held" integer DEFAULT 0 NOT NULL,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"rules" text[] DEFAULT '{}'::text[] NOT NULL,
	"membership_rate_entered" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "union_homes_org_id_unique" UNIQUE("org_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"self_passed" boolean,
	"self_points" double precision,
	"note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"rater_id" uuid NOT NULL,
	"rater_name" text NOT NULL,
	"rater_org_id" uuid NOT NULL,
	"rater_org_name" text NOT NULL,
	"passed" boolean,
	"points" double precision,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"gate_cap" text NOT NULL,
	"aggregation" text DEFAULT 'trimmed_mean' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_template_versions_aggregation_check" CHECK ("assessment_template_versions"."aggregation" IN ('mean','trimmed_mean'))
);
--> statement-breakpoint
CREATE TABLE "assessment_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"subject_kind" text NOT NULL,
	"cycle_years" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_templates_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_year" integer NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_score" double precision,
	"review_score" double precision,
	"final_score" double precision,
	"gates_passed" boolean,
	"grade_code" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" IN ('draft','submitted','returned','reviewed','confirmed','revoked','withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "union_homes" ADD CONSTRAINT "union_homes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_template_versions" ADD CONSTRAINT "assessment_template_versions_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_template_id_assessment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."assessment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_version_id_assessment_template_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."assessment_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_items_unique" ON "assessment_items" USING btree ("assessment_id","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_ratings_unique" ON "assessment_ratings" USING btree ("assessment_id","criterion_key","rater_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_template_versions_unique" ON "assessment_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_per_cycle" ON "assessments" USING btree ("template_id","subject_id","cycle_year") WHERE "assessments"."status" NOT IN ('revoked','withdrawn');--> statement-breakpoint
CREATE INDEX "assessments_org_idx" ON "assessments" USING btree ("org_id","template_id");--> statement-breakpoint
CREATE INDEX "assessments_subject_idx" ON "assessments" USING btree ("template_id","subject_id","cycle_year");