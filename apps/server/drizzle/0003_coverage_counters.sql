-- Coverage counters (org_counters) kept by statement-level triggers with transition tables:
-- one aggregated upsert per statement, rows locked in org_id order (no deadlocks between batches).
CREATE OR REPLACE FUNCTION coverage_min_employees() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT (value #>> '{}')::int FROM settings WHERE key = 'coverage.minEmployees'), 25)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION members_counters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO org_counters (org_id, members)
      SELECT org_id, count(*) FROM new_rows WHERE status = 'active' GROUP BY org_id ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET members = org_counters.members + EXCLUDED.members;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO org_counters (org_id, members)
      SELECT org_id, sum(d) FROM (
        SELECT org_id, 1 AS d FROM new_rows WHERE status = 'active'
        UNION ALL SELECT org_id, -1 FROM old_rows WHERE status = 'active') x
      GROUP BY org_id HAVING sum(d) <> 0 ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET members = org_counters.members + EXCLUDED.members;
  ELSE
    INSERT INTO org_counters (org_id, members)
      SELECT org_id, -count(*) FROM old_rows WHERE status = 'active' GROUP BY org_id ORDER BY org_id
    ON CONFLICT (org_id) DO UPDATE SET members = org_counters.members + EXCLUDED.members;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER members_counters_ins AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_counters();
--> statement-breakpoint
CREATE TRIGGER members_counters_upd AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION members_counters();
--> statement-breakpoint
CREATE TRIGGER members_counters_del AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION members_counters();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enterprises_counters() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  min_size integer := coverage_min_employees();
  deltas jsonb := '[]'::jsonb;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('o', org_id, 'e', employee_count, 'u', union_org_id IS NOT NULL, 's', 1)) FROM new_rows WHERE status = 'active'), '[]'::jsonb);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || coalesce((SELECT jsonb_agg(jsonb_build_object('o', org_id, 'e', employee_count, 'u', union_org_id IS NOT NULL, 's', -1)) FROM old_rows WHERE status = 'active'), '[]'::jsonb);
  END IF;
  INSERT INTO org_counters (org_id, enterprises, enterprises_at_size, unionised, unionised_at_size, employees, unionised_employees)
    SELECT o, sum(s), sum(s * (e >= min_size)::int), sum(s * u::int), sum(s * (u AND e >= min_size)::int), sum(s * e), sum(s * CASE WHEN u THEN e ELSE 0 END)
    FROM jsonb_to_recordset(deltas) AS x(o uuid, e integer, u boolean, s integer) GROUP BY o ORDER BY o
  ON CONFLICT (org_id) DO UPDATE SET
    enterprises = org_counters.enterprises + EXCLUDED.enterprises,
    enterprises_at_size = org_counters.enterprises_at_size + EXCLUDED.enterprises_at_size,
    unionised = org_counters.unionised + EXCLUDED.unionised,
    unionised_at_size = org_counters.unionised_at_size + EXCLUDED.unionised_at_size,
    employees = org_counters.employees + EXCLUDED.employees,
    unionised_employees = org_counters.unionised_employees + EXCLUDED.unionised_employees;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enterprises_counters_ins AFTER INSERT ON enterprises REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprises_counters();
--> statement-breakpoint
CREATE TRIGGER enterprises_counters_upd AFTER UPDATE ON enterprises REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprises_counters();
--> statement-breakpoint
CREATE TRIGGER enterprises_counters_del AFTER DELETE ON enterprises REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enterprises_counters();
--> statement-breakpoint
-- Rebuilds every counter from the base tables (after a change of the size threshold, or to repair).
CREATE OR REPLACE FUNCTION coverage_recompute() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  min_size integer := coverage_min_employees();
BEGIN
  DELETE FROM org_counters;
  INSERT INTO org_counters (org_id, members, enterprises, enterprises_at_size, unionised, unionised_at_size, employees, unionised_employees)
  SELECT o.id,
    coalesce(m.n, 0), coalesce(e.n, 0), coalesce(e.at_size, 0), coalesce(e.unionised, 0), coalesce(e.unionised_at_size, 0),
    coalesce(e.employees, 0), coalesce(e.unionised_employees, 0)
  FROM orgs o
  LEFT JOIN (SELECT org_id, count(*) AS n FROM members WHERE status = 'active' GROUP BY org_id) m ON m.org_id = o.id
  LEFT JOIN (SELECT org_id, count(*) AS n, count(*) FILTER (WHERE employee_count >= min_size) AS at_size,
                    count(*) FILTER (WHERE union_org_id IS NOT NULL) AS unionised,
                    count(*) FILTER (WHERE union_org_id IS NOT NULL AND employee_count >= min_size) AS unionised_at_size,
                    sum(employee_count) AS employees, sum(employee_count) FILTER (WHERE union_org_id IS NOT NULL) AS unionised_employees
             FROM enterprises WHERE status = 'active' GROUP BY org_id) e ON e.org_id = o.id
  WHERE m.n IS NOT NULL OR e.n IS NOT NULL;
END;
$$;
