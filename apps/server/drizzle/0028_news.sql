CREATE TABLE "news_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author" text NOT NULL,
	"publish_scope" text DEFAULT 'public' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"cover" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"taken_down_at" timestamp with time zone,
	"take_down_reason" text,
	"view_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_articles_status_check" CHECK ("news_articles"."status" IN ('draft','in_review','returned','published','withdrawn')),
	CONSTRAINT "news_articles_scope_check" CHECK ("news_articles"."publish_scope" IN ('public','members')),
	CONSTRAINT "news_articles_views_check" CHECK ("news_articles"."view_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "news_view_marks" (
	"article_id" uuid NOT NULL,
	"day" date NOT NULL,
	"viewer" text NOT NULL,
	CONSTRAINT "news_view_marks_article_id_day_viewer_pk" PRIMARY KEY("article_id","day","viewer")
);
--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_view_marks" ADD CONSTRAINT "news_view_marks_article_id_news_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_articles_feed_idx" ON "news_articles" USING btree ("status","publish_scope","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_org_idx" ON "news_articles" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "news_view_marks_day_idx" ON "news_view_marks" USING btree ("day");