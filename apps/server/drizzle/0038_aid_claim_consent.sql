ALTER TABLE "aid_applications" ADD COLUMN "sensitive_consent_version" text;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD COLUMN "sensitive_consent_version" text;--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD COLUMN "sensitive_consent_at" timestamp with time zone;