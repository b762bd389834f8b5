CREATE TABLE "joint_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"topic" text NOT NULL,
	"background" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"content" text NOT NULL,
	"government_department" text NOT NULL,
	"tracked_item_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"place" text NOT NULL,
	"government_participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"union_participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"responsible_org_id" uuid,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plan_principles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"principle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracked_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"business_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"supervisor_org_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"closing_note" text,
	"done_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_items_status_check" CHECK ("tracked_items"."status" IN ('open','done','closed')),
	CONSTRAINT "tracked_items_percent_check" CHECK ("tracked_items"."percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "tracked_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"report_date" date NOT NULL,
	"text" text NOT NULL,
	"percent" integer NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" uuid NOT NULL,
	"user_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_progress_percent_check" CHECK ("tracked_progress_reports"."percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "joint_agenda_items" ADD CONSTRAINT "joint_agenda_items_meeting_id_joint_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_commitments" ADD CONSTRAINT "joint_commitments_agenda_item_id_joint_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."joint_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_commitments" ADD CONSTRAINT "joint_commitments_tracked_item_id_tracked_items_id_fk" FOREIGN KEY ("tracked_item_id") REFERENCES "public"."tracked_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meetings" ADD CONSTRAINT "joint_meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_checklist_items" ADD CONSTRAINT "meeting_checklist_items_checklist_id_meeting_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."meeting_checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_checklist_items" ADD CONSTRAINT "meeting_checklist_items_responsible_org_id_orgs_id_fk" FOREIGN KEY ("responsible_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_checklists" ADD CONSTRAINT "meeting_checklists_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_principles" ADD CONSTRAINT "work_plan_principles_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_tasks" ADD CONSTRAINT "work_plan_tasks_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plan_tasks" ADD CONSTRAINT "work_plan_tasks_principle_id_work_plan_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."work_plan_principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_supervisor_org_id_orgs_id_fk" FOREIGN KEY ("supervisor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_progress_reports" ADD CONSTRAINT "tracked_progress_reports_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_progress_reports" ADD CONSTRAINT "tracked_progress_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_agenda_meeting_idx" ON "joint_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "joint_commitments_agenda_idx" ON "joint_commitments" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "joint_meetings_org_idx" ON "joint_meetings" USING btree ("org_id","meeting_date");--> statement-breakpoint
CREATE INDEX "meeting_checklist_items_idx" ON "meeting_checklist_items" USING btree ("checklist_id","position");--> statement-breakpoint
CREATE INDEX "meeting_checklists_org_idx" ON "meeting_checklists" USING btree ("org_id","meeting_date");--> statement-breakpoint
CREATE INDEX "work_plan_principles_plan_idx" ON "work_plan_principles" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "work_plan_tasks_plan_idx" ON "work_plan_tasks" USING btree ("plan_id","principle_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_org_year_unique" ON "work_plans" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_items_business_owner_unique" ON "tracked_items" USING btree ("kind","business_id","owner_org_id");--> statement-breakpoint
CREATE INDEX "tracked_items_owner_idx" ON "tracked_items" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "tracked_items_supervisor_idx" ON "tracked_items" USING btree ("supervisor_org_id");--> statement-breakpoint
CREATE INDEX "tracked_items_due_idx" ON "tracked_items" USING btree ("deadline") WHERE "tracked_items"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tracked_progress_item_idx" ON "tracked_progress_reports" USING btree ("item_id","report_date");