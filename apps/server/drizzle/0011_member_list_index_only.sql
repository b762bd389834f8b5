-- The member list's walk and the data-scope probe become index-only: members_created_idx carries
-- org_id and status after (created_at DESC, id); org_closure_descendant_idx carries ancestor_id,
-- so "is this org under that root" is answered from the index alone.
DROP INDEX "members_created_idx";--> statement-breakpoint
DROP INDEX "org_closure_descendant_idx";--> statement-breakpoint
CREATE INDEX "members_created_idx" ON "members" USING btree ("created_at" DESC NULLS FIRST,"id","org_id","status");--> statement-breakpoint
CREATE INDEX "org_closure_descendant_idx" ON "org_closure" USING btree ("descendant_id","ancestor_id");