CREATE TABLE "model_worker_honours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_worker_id" uuid NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "model_worker_honours_level_check" CHECK ("model_worker_honours"."level" IN ('national','provincial','city','district'))
);
--> statement-breakpoint
CREATE TABLE "model_worker_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_worker_id" uuid NOT NULL,
	"home_name" text NOT NULL,
	"applied_on" date NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"status_on" date,
	"reason" text,
	"note" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_worker_placements_status_check" CHECK ("model_worker_placements"."status" IN ('applied','recommended','admitted','unsuccessful')),
	CONSTRAINT "model_worker_placements_reason_check" CHECK ("model_worker_placements"."status" <> 'unsuccessful' OR "model_worker_placements"."reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "model_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_card_enc" text,
	"id_card_hmac" text,
	"id_card_masked" text,
	"member_id" uuid,
	"unit" text,
	"retired" boolean DEFAULT false NOT NULL,
	"deceased_on" date,
	"lives_alone" boolean DEFAULT false NOT NULL,
	"living_note" text,
	"address" text,
	"phone_masked" text,
	"phone_enc" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_workers_gender_check" CHECK ("model_workers"."gender" IN ('male','female'))
);
--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD COLUMN "model_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "model_worker_honours" ADD CONSTRAINT "model_worker_honours_model_worker_id_model_workers_id_fk" FOREIGN KEY ("model_worker_id") REFERENCES "public"."model_workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_worker_placements" ADD CONSTRAINT "model_worker_placements_model_worker_id_model_workers_id_fk" FOREIGN KEY ("model_worker_id") REFERENCES "public"."model_workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_workers" ADD CONSTRAINT "model_workers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_workers" ADD CONSTRAINT "model_workers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_worker_honours_worker_idx" ON "model_worker_honours" USING btree ("model_worker_id");--> statement-breakpoint
CREATE INDEX "model_worker_honours_level_idx" ON "model_worker_honours" USING btree ("level","model_worker_id");--> statement-breakpoint
CREATE INDEX "model_worker_placements_worker_idx" ON "model_worker_placements" USING btree ("model_worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "model_worker_placements_one_open" ON "model_worker_placements" USING btree ("model_worker_id") WHERE "model_worker_placements"."status" IN ('applied','recommended');--> statement-breakpoint
CREATE UNIQUE INDEX "model_workers_id_card_unique" ON "model_workers" USING btree ("id_card_hmac");--> statement-breakpoint
CREATE INDEX "model_workers_org_idx" ON "model_workers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "model_workers_member_idx" ON "model_workers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "model_workers_birth_idx" ON "model_workers" USING btree ("birth_date");--> statement-breakpoint
ALTER TABLE "condolence_visits" ADD CONSTRAINT "condolence_visits_model_worker_id_model_workers_id_fk" FOREIGN KEY ("model_worker_id") REFERENCES "public"."model_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "condolence_visits_model_worker_idx" ON "condolence_visits" USING btree ("model_worker_id","visited_on");