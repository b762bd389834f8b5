CREATE TABLE "aid_campaign_targets" (
	"campaign_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"households" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "aid_campaign_targets_campaign_id_division_code_pk" PRIMARY KEY("campaign_id","division_code"),
	CONSTRAINT "aid_campaign_targets_households_check" CHECK ("aid_campaign_targets"."households" >= 0),
	CONSTRAINT "aid_campaign_targets_amount_check" CHECK ("aid_campaign_targets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "aid_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"categories" jsonb NOT NULL,
	"low_edge_included" boolean DEFAULT true NOT NULL,
	"income_ceiling_percent" integer DEFAULT 200 NOT NULL,
	"fund_id" uuid,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_campaigns_status_check" CHECK ("aid_campaigns"."status" IN ('draft','active','closed')),
	CONSTRAINT "aid_campaigns_dates_check" CHECK ("aid_campaigns"."ends_on" >= "aid_campaigns"."starts_on"),
	CONSTRAINT "aid_campaigns_ceiling_check" CHECK ("aid_campaigns"."income_ceiling_percent" BETWEEN 100 AND 400)
);
--> statement-breakpoint
CREATE TABLE "aid_donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"donor_name" text NOT NULL,
	"donor_type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"receipt_no" text NOT NULL,
	"received_on" date NOT NULL,
	"ledger_entry_id" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_donations_amount_check" CHECK ("aid_donations"."amount_fen" > 0),
	CONSTRAINT "aid_donations_donor_type_check" CHECK ("aid_donations"."donor_type" IN ('enterprise','individual','organisation'))
);
--> statement-breakpoint
ALTER TABLE "aid_campaign_targets" ADD CONSTRAINT "aid_campaign_targets_campaign_id_aid_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."aid_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_campaigns" ADD CONSTRAINT "aid_campaigns_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_campaigns" ADD CONSTRAINT "aid_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_donations" ADD CONSTRAINT "aid_donations_campaign_id_aid_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."aid_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_donations" ADD CONSTRAINT "aid_donations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_donations" ADD CONSTRAINT "aid_donations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aid_campaigns_year_unique" ON "aid_campaigns" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_campaigns_one_active" ON "aid_campaigns" USING btree ("status") WHERE "aid_campaigns"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "aid_donations_receipt_unique" ON "aid_donations" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "aid_donations_campaign_idx" ON "aid_donations" USING btree ("campaign_id","received_on");--> statement-breakpoint
CREATE INDEX "aid_donations_org_idx" ON "aid_donations" USING btree ("org_id","campaign_id");--> statement-breakpoint
-- A donation, once booked with its ledger entry, is never edited or deleted (a correction is a reversal in the ledger).
CREATE TRIGGER aid_donations_no_change BEFORE UPDATE OR DELETE ON aid_donations FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
