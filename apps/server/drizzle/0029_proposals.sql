CREATE TABLE "proposal_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"vote_opens_on" date,
	"vote_closes_on" date,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_collections_status_check" CHECK ("proposal_collections"."status" IN ('draft','collecting','assessing','voting','closed')),
	CONSTRAINT "proposal_collections_dates_check" CHECK ("proposal_collections"."closes_on" >= "proposal_collections"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "proposal_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL,
	"done_on" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_milestones_progress_check" CHECK ("proposal_milestones"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "proposal_progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"progress" integer NOT NULL,
	"note" text NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_progress_updates_progress_check" CHECK ("proposal_progress_updates"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "proposal_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"budget_fen" bigint NOT NULL,
	"target_date" date NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'implementing' NOT NULL,
	"adopted_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_projects_status_check" CHECK ("proposal_projects"."status" IN ('implementing','completed')),
	CONSTRAINT "proposal_projects_progress_check" CHECK ("proposal_projects"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "proposal_projects_budget_check" CHECK ("proposal_projects"."budget_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"source" text NOT NULL,
	"member_id" uuid,
	"org_id" uuid NOT NULL,
	"filed_by" uuid,
	"filed_by_name" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"moderation_reason" text,
	"moderated_by_name" text,
	"moderated_at" timestamp with time zone,
	"assessment" text,
	"assessment_reason" text,
	"assessed_by_name" text,
	"assessed_at" timestamp with time zone,
	"shortlisted" boolean DEFAULT false NOT NULL,
	"merged_into_id" uuid,
	"grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_source_check" CHECK ("proposals"."source" IN ('member','unit')),
	CONSTRAINT "proposals_status_check" CHECK ("proposals"."status" IN ('pending','public','blocked','merged')),
	CONSTRAINT "proposals_assessment_check" CHECK ("proposals"."assessment" IS NULL OR "proposals"."assessment" IN ('feasible','infeasible')),
	CONSTRAINT "proposals_member_check" CHECK ("proposals"."source" <> 'member' OR "proposals"."member_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "proposal_collections" ADD CONSTRAINT "proposal_collections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_milestones" ADD CONSTRAINT "proposal_milestones_project_id_proposal_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."proposal_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_progress_updates" ADD CONSTRAINT "proposal_progress_updates_project_id_proposal_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."proposal_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_projects" ADD CONSTRAINT "proposal_projects_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_projects" ADD CONSTRAINT "proposal_projects_collection_id_proposal_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."proposal_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_projects" ADD CONSTRAINT "proposal_projects_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_votes" ADD CONSTRAINT "proposal_votes_collection_id_proposal_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."proposal_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_votes" ADD CONSTRAINT "proposal_votes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_votes" ADD CONSTRAINT "proposal_votes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_collection_id_proposal_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."proposal_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_collections_org_idx" ON "proposal_collections" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "proposal_milestones_project_idx" ON "proposal_milestones" USING btree ("project_id","planned_on");--> statement-breakpoint
CREATE INDEX "proposal_progress_updates_project_idx" ON "proposal_progress_updates" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_projects_proposal_unique" ON "proposal_projects" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_projects_collection_idx" ON "proposal_projects" USING btree ("collection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_supports_unique" ON "proposal_supports" USING btree ("proposal_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_votes_unique" ON "proposal_votes" USING btree ("collection_id","member_id");--> statement-breakpoint
CREATE INDEX "proposal_votes_proposal_idx" ON "proposal_votes" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_collection_idx" ON "proposals" USING btree ("collection_id","status");--> statement-breakpoint
CREATE INDEX "proposals_org_idx" ON "proposals" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "proposals_member_idx" ON "proposals" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "proposals_grams_gin" ON "proposals" USING gin ("grams");