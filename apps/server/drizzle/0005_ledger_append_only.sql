-- The ledger and the workflow timeline are append-only for the application: an entry, once
-- written, is corrected by a reversal entry, never by an UPDATE or DELETE.
CREATE OR REPLACE FUNCTION append_only_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加,不能修改或删除 (append-only)', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER benefit_records_no_change BEFORE UPDATE OR DELETE ON benefit_records FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
--> statement-breakpoint
CREATE TRIGGER workflow_events_no_change BEFORE UPDATE OR DELETE ON workflow_events FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
