CREATE TABLE "recuperation_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"location" text NOT NULL,
	"address" text,
	"contact_name" text,
	"contact_phone" text,
	"capacity_note" text,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"route_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"days" integer NOT NULL,
	"allowance_per_day" integer NOT NULL,
	"priority_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority_only" boolean DEFAULT false NOT NULL,
	"self_signup" boolean DEFAULT true NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_batches_days_check" CHECK ("recuperation_batches"."days" BETWEEN 1 AND 5),
	CONSTRAINT "recuperation_batches_allowance_check" CHECK ("recuperation_batches"."allowance_per_day" > 0 AND "recuperation_batches"."allowance_per_day" <= 60000),
	CONSTRAINT "recuperation_batches_dates_check" CHECK ("recuperation_batches"."end_date" = "recuperation_batches"."start_date" + ("recuperation_batches"."days" - 1)),
	CONSTRAINT "recuperation_batches_year_check" CHECK ("recuperation_batches"."year" = extract(year FROM "recuperation_batches"."start_date")::int),
	CONSTRAINT "recuperation_batches_groups_check" CHECK ("recuperation_batches"."priority_groups" <@ ARRAY['frontline','modelWorker','newEmploymentForm']::text[]),
	CONSTRAINT "recuperation_batches_priority_only_check" CHECK (NOT "recuperation_batches"."priority_only" OR cardinality("recuperation_batches"."priority_groups") > 0)
);
--> statement-breakpoint
CREATE TABLE "recuperation_plans" (
	"year" integer PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"budget_cap_per_person" integer DEFAULT 300000 NOT NULL,
	"max_stays_per_year" integer DEFAULT 1 NOT NULL,
	"target_places" integer,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_plans_cap_check" CHECK ("recuperation_plans"."budget_cap_per_person" >= 0),
	CONSTRAINT "recuperation_plans_stays_check" CHECK ("recuperation_plans"."max_stays_per_year" BETWEEN 1 AND 12),
	CONSTRAINT "recuperation_plans_target_check" CHECK ("recuperation_plans"."target_places" IS NULL OR "recuperation_plans"."target_places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recuperation_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"days" integer NOT NULL,
	"allowance_per_day" integer NOT NULL,
	"description" text,
	"itinerary" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_routes_days_check" CHECK ("recuperation_routes"."days" BETWEEN 1 AND 5),
	CONSTRAINT "recuperation_routes_allowance_check" CHECK ("recuperation_routes"."allowance_per_day" > 0 AND "recuperation_routes"."allowance_per_day" <= 60000)
);
--> statement-breakpoint
ALTER TABLE "recuperation_bases" ADD CONSTRAINT "recuperation_bases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_batches" ADD CONSTRAINT "recuperation_batches_route_id_recuperation_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."recuperation_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_batches" ADD CONSTRAINT "recuperation_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_plans" ADD CONSTRAINT "recuperation_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_routes" ADD CONSTRAINT "recuperation_routes_base_id_recuperation_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."recuperation_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_routes" ADD CONSTRAINT "recuperation_routes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_bases_name_unique" ON "recuperation_bases" USING btree ("name");--> statement-breakpoint
CREATE INDEX "recuperation_bases_org_idx" ON "recuperation_bases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "recuperation_batches_org_idx" ON "recuperation_batches" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "recuperation_batches_year_idx" ON "recuperation_batches" USING btree ("year","start_date");--> statement-breakpoint
CREATE INDEX "recuperation_batches_route_idx" ON "recuperation_batches" USING btree ("route_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_routes_name_unique" ON "recuperation_routes" USING btree ("base_id","name");--> statement-breakpoint
CREATE INDEX "recuperation_routes_org_idx" ON "recuperation_routes" USING btree ("org_id");