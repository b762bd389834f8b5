CREATE TABLE "wage_contract_enterprises" (
	"contract_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "wage_contract_enterprises_contract_id_enterprise_id_pk" PRIMARY KEY("contract_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "wage_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contract_type" text NOT NULL,
	"title" text NOT NULL,
	"area" text,
	"employer_representative" text NOT NULL,
	"union_representative" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"wage_increase_bp" integer NOT NULL,
	"minimum_wage_fen" bigint NOT NULL,
	"workers_covered" integer NOT NULL,
	"note" text,
	"status" text DEFAULT 'negotiating' NOT NULL,
	"filed_on" date,
	"bureau" text,
	"filing_reference" text,
	"predecessor_id" uuid,
	"renewal_reminded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wage_contracts_kind_check" CHECK ("wage_contracts"."kind" IN ('enterprise','regional','industry')),
	CONSTRAINT "wage_contracts_type_check" CHECK ("wage_contracts"."contract_type" IN ('wage','comprehensive','female')),
	CONSTRAINT "wage_contracts_status_check" CHECK ("wage_contracts"."status" IN ('negotiating','passed','filed')),
	CONSTRAINT "wage_contracts_term_check" CHECK ("wage_contracts"."term_end" >= "wage_contracts"."term_start" + interval '1 year' - interval '1 day' AND "wage_contracts"."term_end" <= "wage_contracts"."term_start" + interval '3 years' - interval '1 day'),
	CONSTRAINT "wage_contracts_filed_check" CHECK ("wage_contracts"."status" <> 'filed' OR "wage_contracts"."filed_on" IS NOT NULL),
	CONSTRAINT "wage_contracts_figures_check" CHECK ("wage_contracts"."wage_increase_bp" >= 0 AND "wage_contracts"."minimum_wage_fen" >= 0 AND "wage_contracts"."workers_covered" > 0)
);
--> statement-breakpoint
CREATE TABLE "wage_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"round_no" integer NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"topics" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"body" text NOT NULL,
	"representatives" integer NOT NULL,
	"present" integer NOT NULL,
	"votes_for" integer NOT NULL,
	"votes_against" integer NOT NULL,
	"passed" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wage_votes_body_check" CHECK ("wage_votes"."body" IN ('congress','assembly')),
	CONSTRAINT "wage_votes_counts_check" CHECK ("wage_votes"."present" <= "wage_votes"."representatives" AND "wage_votes"."votes_for" + "wage_votes"."votes_against" <= "wage_votes"."present" AND "wage_votes"."votes_for" >= 0 AND "wage_votes"."votes_against" >= 0),
	CONSTRAINT "wage_votes_rule_check" CHECK ("wage_votes"."passed" = ("wage_votes"."present" * 3 >= "wage_votes"."representatives" * 2 AND "wage_votes"."votes_for" * 2 > "wage_votes"."representatives"))
);
--> statement-breakpoint
ALTER TABLE "wage_contract_enterprises" ADD CONSTRAINT "wage_contract_enterprises_contract_id_wage_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."wage_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_contract_enterprises" ADD CONSTRAINT "wage_contract_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_contracts" ADD CONSTRAINT "wage_contracts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_contracts" ADD CONSTRAINT "wage_contracts_predecessor_id_wage_contracts_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."wage_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_rounds" ADD CONSTRAINT "wage_rounds_contract_id_wage_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."wage_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_votes" ADD CONSTRAINT "wage_votes_contract_id_wage_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."wage_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wage_contract_enterprises_enterprise_idx" ON "wage_contract_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "wage_contracts_org_idx" ON "wage_contracts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "wage_contracts_term_idx" ON "wage_contracts" USING btree ("term_end");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_contracts_predecessor_unique" ON "wage_contracts" USING btree ("predecessor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_rounds_no_unique" ON "wage_rounds" USING btree ("contract_id","round_no");--> statement-breakpoint
CREATE INDEX "wage_votes_contract_idx" ON "wage_votes" USING btree ("contract_id");