CREATE TABLE "hazard_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"user_name" text,
	"org_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_point_awards" (
	"hazard_id" uuid PRIMARY KEY NOT NULL,
	"reporter_user_id" uuid NOT NULL,
	"reporter_member_id" uuid,
	"grade" text NOT NULL,
	"points" integer NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazard_point_awards_points_check" CHECK ("hazard_point_awards"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "hazard_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_no" text NOT NULL,
	"reporter_user_id" uuid NOT NULL,
	"reporter_member_id" uuid,
	"reporter_name" text NOT NULL,
	"description" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"enterprise_id" uuid,
	"enterprise_name" text NOT NULL,
	"district_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"grade" text,
	"reject_reason" text,
	"assignee" text,
	"deadline_workdays" integer,
	"rectify_due" date,
	"assigned_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"rectify_note" text,
	"rectified_at" timestamp with time zone,
	"verify_note" text,
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectify_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazard_reports_report_no_unique" UNIQUE("report_no"),
	CONSTRAINT "hazard_reports_status_check" CHECK ("hazard_reports"."status" IN ('draft','reported','rejected','rectifying','rectified','verified','closed')),
	CONSTRAINT "hazard_reports_grade_check" CHECK ("hazard_reports"."grade" IS NULL OR "hazard_reports"."grade" IN ('general','larger','major')),
	CONSTRAINT "hazard_reports_lat_check" CHECK ("hazard_reports"."latitude" IS NULL OR ("hazard_reports"."latitude" BETWEEN -90 AND 90)),
	CONSTRAINT "hazard_reports_lng_check" CHECK ("hazard_reports"."longitude" IS NULL OR ("hazard_reports"."longitude" BETWEEN -180 AND 180)),
	CONSTRAINT "hazard_reports_deadline_check" CHECK ("hazard_reports"."deadline_workdays" IS NULL OR "hazard_reports"."deadline_workdays" BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazard_reports_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazard_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_point_awards" ADD CONSTRAINT "hazard_point_awards_hazard_id_hazard_reports_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazard_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_point_awards" ADD CONSTRAINT "hazard_point_awards_reporter_member_id_members_id_fk" FOREIGN KEY ("reporter_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_reports" ADD CONSTRAINT "hazard_reports_reporter_member_id_members_id_fk" FOREIGN KEY ("reporter_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_reports" ADD CONSTRAINT "hazard_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_reports" ADD CONSTRAINT "hazard_reports_district_org_id_orgs_id_fk" FOREIGN KEY ("district_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_reports" ADD CONSTRAINT "hazard_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","id");--> statement-breakpoint
CREATE INDEX "hazard_point_awards_user_idx" ON "hazard_point_awards" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "hazard_reports_org_idx" ON "hazard_reports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "hazard_reports_reporter_idx" ON "hazard_reports" USING btree ("reporter_user_id","created_at");--> statement-breakpoint
CREATE INDEX "hazard_reports_district_idx" ON "hazard_reports" USING btree ("district_org_id","status");--> statement-breakpoint
CREATE INDEX "hazard_reports_due_idx" ON "hazard_reports" USING btree ("rectify_due") WHERE "hazard_reports"."status" = 'rectifying' AND "hazard_reports"."overdue_at" IS NULL;