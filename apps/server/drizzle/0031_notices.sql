CREATE TABLE "notice_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"first_read_at" timestamp with time zone,
	"first_read_by" uuid,
	"first_read_by_name" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_by_name" text,
	"reply_status" text DEFAULT 'none' NOT NULL,
	"reply_text" text,
	"reply_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reply_submitted_at" timestamp with time zone,
	"reply_submitted_by_name" text,
	"reply_late" boolean DEFAULT false NOT NULL,
	"reply_reviewed_at" timestamp with time zone,
	"reply_reviewed_by_name" text,
	"return_reason" text,
	"due_reminded_at" timestamp with time zone,
	"overdue_reminded_at" timestamp with time zone,
	"manual_reminded_at" timestamp with time zone,
	"manual_remind_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_receipts_reply_status_check" CHECK ("notice_receipts"."reply_status" IN ('none','draft','submitted','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"doc_no" text,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target" jsonb NOT NULL,
	"sign_deadline" timestamp with time zone NOT NULL,
	"reply_required" boolean DEFAULT false NOT NULL,
	"reply_deadline" timestamp with time zone,
	"reply_instructions" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"sent_by_name" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by_name" text,
	"withdraw_reason" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_status_check" CHECK ("notices"."status" IN ('draft','sent','withdrawn')),
	CONSTRAINT "notices_category_check" CHECK ("notices"."category" IN ('notice','bulletin','letter','meeting')),
	CONSTRAINT "notices_urgency_check" CHECK ("notices"."urgency" IN ('normal','urgent','very_urgent')),
	CONSTRAINT "notices_reply_check" CHECK (NOT "notices"."reply_required" OR "notices"."reply_deadline" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_receipts" ADD CONSTRAINT "notice_receipts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_receipts_notice_org_unique" ON "notice_receipts" USING btree ("notice_id","org_id");--> statement-breakpoint
CREATE INDEX "notice_receipts_org_idx" ON "notice_receipts" USING btree ("org_id","signed_at");--> statement-breakpoint
CREATE INDEX "notices_org_idx" ON "notices" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "notices_sent_idx" ON "notices" USING btree ("status","sign_deadline");