CREATE SEQUENCE IF NOT EXISTS member_card_seq START 1;
--> statement-breakpoint
CREATE TABLE "org_counters" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"enterprises" integer DEFAULT 0 NOT NULL,
	"enterprises_at_size" integer DEFAULT 0 NOT NULL,
	"unionised" integer DEFAULT 0 NOT NULL,
	"unionised_at_size" integer DEFAULT 0 NOT NULL,
	"employees" bigint DEFAULT 0 NOT NULL,
	"unionised_employees" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_counters_yearly" (
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	"enterprises" integer DEFAULT 0 NOT NULL,
	"enterprises_at_size" integer DEFAULT 0 NOT NULL,
	"unionised" integer DEFAULT 0 NOT NULL,
	"unionised_at_size" integer DEFAULT 0 NOT NULL,
	"employees" bigint DEFAULT 0 NOT NULL,
	"unionised_employees" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "org_counters_yearly_year_org_id_pk" PRIMARY KEY("year","org_id")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"credit_code_checksum_valid" boolean DEFAULT true NOT NULL,
	"credit_code_review_reason" text,
	"credit_code_review_status" text,
	"division_code" text NOT NULL,
	"address" text,
	"industry" text,
	"ownership" text,
	"employee_count" integer DEFAULT 0 NOT NULL,
	"non_public" boolean DEFAULT false NOT NULL,
	"social_organisation" boolean DEFAULT false NOT NULL,
	"platform_company" boolean DEFAULT false NOT NULL,
	"org_id" uuid NOT NULL,
	"union_org_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_status_check" CHECK ("enterprises"."status" IN ('active','closed')),
	CONSTRAINT "enterprises_review_check" CHECK ("enterprises"."credit_code_review_status" IS NULL OR "enterprises"."credit_code_review_status" IN ('pending','confirmed','rejected'))
);
--> statement-breakpoint
CREATE TABLE "member_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"initiated_by_org_id" uuid NOT NULL,
	"cross_district" boolean NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"timeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_transfers_status_check" CHECK ("member_transfers"."status" IN ('pending_counterparty','pending_district','approved','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_grams" text[] NOT NULL,
	"id_card_enc" text NOT NULL,
	"id_card_hmac" text NOT NULL,
	"id_card_masked" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone_enc" text,
	"phone_hmac" text,
	"phone_masked" text,
	"phone_tail" text,
	"bank_account_enc" text,
	"bank_account_masked" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_date" date,
	"status_reason" text,
	"card_no" text DEFAULT '33' || lpad(nextval('member_card_seq')::text, 12, '0') NOT NULL,
	"joined_at" date,
	"enterprise_id" uuid,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"frontline" boolean DEFAULT false NOT NULL,
	"new_employment_form" boolean DEFAULT false NOT NULL,
	"model_worker" boolean DEFAULT false NOT NULL,
	"skill_level" text,
	"education" text,
	"import_job_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_status_check" CHECK ("members"."status" IN ('active','transferred_out','retired','withdrawn','deceased')),
	CONSTRAINT "members_gender_check" CHECK ("members"."gender" IN ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"sha256" text,
	"purpose" text NOT NULL,
	"created_by" uuid,
	"org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "stored_files_kind_check" CHECK ("stored_files"."kind" IN ('csv','xlsx','pdf','image','other'))
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "checkpoint" jsonb;--> statement-breakpoint
ALTER TABLE "org_counters" ADD CONSTRAINT "org_counters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_counters_yearly" ADD CONSTRAINT "org_counters_yearly_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_union_org_id_orgs_id_fk" FOREIGN KEY ("union_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_history" ADD CONSTRAINT "member_history_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_from_org_id_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_initiated_by_org_id_orgs_id_fk" FOREIGN KEY ("initiated_by_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_unique" ON "enterprises" USING btree ("credit_code") WHERE "enterprises"."status" = 'active';--> statement-breakpoint
CREATE INDEX "enterprises_org_idx" ON "enterprises" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enterprises_union_idx" ON "enterprises" USING btree ("union_org_id");--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm_idx" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_review_idx" ON "enterprises" USING btree ("credit_code_review_status");--> statement-breakpoint
CREATE INDEX "member_history_member_idx" ON "member_history" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "member_transfers_member_idx" ON "member_transfers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_transfers_from_idx" ON "member_transfers" USING btree ("from_org_id","status");--> statement-breakpoint
CREATE INDEX "member_transfers_to_idx" ON "member_transfers" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "member_transfers_one_open" ON "member_transfers" USING btree ("member_id") WHERE "member_transfers"."status" IN ('pending_counterparty','pending_district');--> statement-breakpoint
CREATE UNIQUE INDEX "members_active_id_card_unique" ON "members" USING btree ("id_card_hmac") WHERE "members"."status" = 'active';--> statement-breakpoint
CREATE INDEX "members_id_card_hmac_idx" ON "members" USING btree ("id_card_hmac");--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_no_unique" ON "members" USING btree ("card_no");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "members_phone_hmac_idx" ON "members" USING btree ("phone_hmac");--> statement-breakpoint
CREATE INDEX "members_phone_tail_idx" ON "members" USING btree ("phone_tail");--> statement-breakpoint
CREATE INDEX "members_initials_idx" ON "members" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_pinyin_idx" ON "members" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_grams_idx" ON "members" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "members_name_trgm_idx" ON "members" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_enterprise_idx" ON "members" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "stored_files_created_by_idx" ON "stored_files" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "import_errors_job_idx" ON "import_errors" USING btree ("job_id","row");