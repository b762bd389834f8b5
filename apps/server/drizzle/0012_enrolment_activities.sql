CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"venue" text,
	"description" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_type_check" CHECK ("activities"."type" IN ('homeward','summer_class','group_wedding','education','general'))
);
--> statement-breakpoint
CREATE TABLE "enrolment_offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"mode" text NOT NULL,
	"waitlist" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"cancel_until" timestamp with time zone,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lottery_seed" text,
	"lottery_digest" text,
	"drawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolment_offerings_capacity_check" CHECK ("enrolment_offerings"."capacity" > 0),
	CONSTRAINT "enrolment_offerings_mode_check" CHECK ("enrolment_offerings"."mode" IN ('fcfs','lottery')),
	CONSTRAINT "enrolment_offerings_status_check" CHECK ("enrolment_offerings"."status" IN ('draft','published','cancelled')),
	CONSTRAINT "enrolment_offerings_window_check" CHECK ("enrolment_offerings"."closes_at" > "enrolment_offerings"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "enrolment_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"allocated_by_org_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"return_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"returned" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrolment_quotas_places_check" CHECK ("enrolment_quotas"."places" > 0)
);
--> statement-breakpoint
CREATE TABLE "enrolment_seats" (
	"offering_id" uuid NOT NULL,
	"seat_no" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"enrolment_id" uuid,
	CONSTRAINT "enrolment_seats_offering_id_seat_no_pk" PRIMARY KEY("offering_id","seat_no")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offering_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"pool_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seat_no" integer,
	"source" text DEFAULT 'self' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lottery_rank" integer,
	"check_in_code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "enrolments_status_check" CHECK ("enrolments"."status" IN ('confirmed','waitlisted','pending_lottery','not_selected','cancelled')),
	CONSTRAINT "enrolments_seat_check" CHECK (("enrolments"."status" = 'confirmed') = ("enrolments"."seat_no" IS NOT NULL)),
	CONSTRAINT "enrolments_source_check" CHECK ("enrolments"."source" IN ('self','nominated'))
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_offerings" ADD CONSTRAINT "enrolment_offerings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_quotas" ADD CONSTRAINT "enrolment_quotas_offering_id_enrolment_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."enrolment_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_quotas" ADD CONSTRAINT "enrolment_quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_quotas" ADD CONSTRAINT "enrolment_quotas_allocated_by_org_id_orgs_id_fk" FOREIGN KEY ("allocated_by_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_seats" ADD CONSTRAINT "enrolment_seats_offering_id_enrolment_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."enrolment_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_seats" ADD CONSTRAINT "enrolment_seats_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_offering_id_enrolment_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."enrolment_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_pool_org_id_orgs_id_fk" FOREIGN KEY ("pool_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_seat_fk" FOREIGN KEY ("offering_id","seat_no") REFERENCES "public"."enrolment_seats"("offering_id","seat_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_org_idx" ON "activities" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "activities_created_idx" ON "activities" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_offerings_subject_unique" ON "enrolment_offerings" USING btree ("kind","subject_id");--> statement-breakpoint
CREATE INDEX "enrolment_offerings_org_idx" ON "enrolment_offerings" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_quotas_org_unique" ON "enrolment_quotas" USING btree ("offering_id","org_id");--> statement-breakpoint
CREATE INDEX "enrolment_quotas_due_idx" ON "enrolment_quotas" USING btree ("return_at") WHERE "enrolment_quotas"."returned_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_seats_enrolment_unique" ON "enrolment_seats" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "enrolment_seats_free_idx" ON "enrolment_seats" USING btree ("offering_id","org_id","seat_no") WHERE "enrolment_seats"."enrolment_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_unique" ON "enrolments" USING btree ("offering_id","member_id") WHERE "enrolments"."status" IN ('confirmed','waitlisted','pending_lottery');--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_seat_unique" ON "enrolments" USING btree ("offering_id","seat_no");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_check_in_code_unique" ON "enrolments" USING btree ("check_in_code");--> statement-breakpoint
CREATE INDEX "enrolments_queue_idx" ON "enrolments" USING btree ("offering_id","status","pool_org_id","created_at");--> statement-breakpoint
CREATE INDEX "enrolments_member_idx" ON "enrolments" USING btree ("member_id","status");