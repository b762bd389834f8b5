CREATE TABLE "cockpit_counts" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cockpit_counts_org_id_year_key_pk" PRIMARY KEY("org_id","year","key")
);
--> statement-breakpoint
CREATE TABLE "cockpit_org_counts" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cockpit_org_counts_org_id_year_key_pk" PRIMARY KEY("org_id","year","key")
);
--> statement-breakpoint
CREATE TABLE "cockpit_sources" (
	"table_name" text PRIMARY KEY NOT NULL,
	"select_sql" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cockpit_counts" ADD CONSTRAINT "cockpit_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cockpit_org_counts" ADD CONSTRAINT "cockpit_org_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- 工作驾驶舱 counters. Each tracked base table has one row selection in cockpit_sources: a SELECT of
-- (org_id, year, key, v) over %1$s (the table, or a trigger's transition table). One statement-level
-- trigger function (cockpit_track) turns the rows a statement inserted / deleted / changed into
-- per-(org, year, key) deltas of cockpit_org_counts, aggregated, upserted in key order. A trigger on
-- cockpit_org_counts adds every change to all ancestors (self included, each once whatever the
-- relation) in cockpit_counts, the subtree totals the cockpit reads; a change of org_closure (a new
-- or moved org) adds or takes away the counters of each descendant an ancestor gains or loses (each
-- (ancestor, descendant) pair once whatever the relation). Locks as in 0009:
-- a counter change takes ROW EXCLUSIVE on cockpit_counts, a tree change SHARE ROW EXCLUSIVE.
CREATE OR REPLACE FUNCTION cockpit_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text;
  parts text[] := '{}';
BEGIN
  SELECT select_sql INTO src FROM cockpit_sources WHERE table_name = TG_TABLE_NAME;
  IF src IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    parts := parts || format('SELECT p.org_id, p.year, p.key, p.v FROM (%s) p(org_id, year, key, v)', format(src, 'new_rows'));
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    parts := parts || format('SELECT m.org_id, m.year, m.key, -m.v FROM (%s) m(org_id, year, key, v)', format(src, 'old_rows'));
  END IF;
  EXECUTE 'INSERT INTO cockpit_org_counts (org_id, year, key, value)
    SELECT x.org_id, x.year, x.key, sum(x.v) FROM (' || array_to_string(parts, ' UNION ALL ') || ') x(org_id, year, key, v)
    WHERE x.org_id IS NOT NULL AND x.year IS NOT NULL
    GROUP BY x.org_id, x.year, x.key HAVING sum(x.v) <> 0 ORDER BY x.org_id, x.year, x.key
    ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_org_counts.value + EXCLUDED.value';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A change of a parent row the row selection of a child table joins (the year of a 医疗互助 period,
-- the org or year of a 送温暖 plan ...): the child rows of the changed parents are counted again,
-- minus with the old parent row, plus with the new one. TG_ARGV: the child table, the parent's
-- columns that matter (comma-separated).
CREATE OR REPLACE FUNCTION cockpit_track_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  child text := TG_ARGV[0];
  cols text[] := string_to_array(TG_ARGV[1], ',');
  joined text := 'JOIN ' || TG_TABLE_NAME || ' ';
  src text;
  ids uuid[];
BEGIN
  SELECT select_sql INTO src FROM cockpit_sources WHERE table_name = child;
  IF src IS NULL OR position(joined IN src) = 0 THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT array_agg(n.id) FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (%s) IS DISTINCT FROM (%s)',
    (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(cols) c), (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(cols) c)) INTO ids;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE 'INSERT INTO cockpit_org_counts (org_id, year, key, value)
    SELECT x.org_id, x.year, x.key, sum(x.v) FROM ('
    || format('SELECT p.org_id, p.year, p.key, p.v FROM (%s) p(org_id, year, key, v)', format(replace(src, joined, 'JOIN (SELECT * FROM new_rows WHERE id = ANY ($1)) '), quote_ident(child)))
    || ' UNION ALL '
    || format('SELECT m.org_id, m.year, m.key, -m.v FROM (%s) m(org_id, year, key, v)', format(replace(src, joined, 'JOIN (SELECT * FROM old_rows WHERE id = ANY ($1)) '), quote_ident(child)))
    || ') x(org_id, year, key, v)
    WHERE x.org_id IS NOT NULL AND x.year IS NOT NULL
    GROUP BY x.org_id, x.year, x.key HAVING sum(x.v) <> 0 ORDER BY x.org_id, x.year, x.key
    ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_org_counts.value + EXCLUDED.value' USING ids;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_roll_up(ids uuid[], years integer[], keys text[], deltas bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO cockpit_counts (org_id, year, key, value)
  SELECT a.ancestor_id, d.year, d.key, sum(d.delta)
  FROM unnest(ids, years, keys, deltas) AS d(org_id, year, key, delta)
  JOIN (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure WHERE descendant_id = ANY (ids)) a ON a.descendant_id = d.org_id
  GROUP BY a.ancestor_id, d.year, d.key
  HAVING sum(d.delta) <> 0
  ORDER BY a.ancestor_id, d.year, d.key
  ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_counts.value + EXCLUDED.value
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_org_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  years integer[];
  keys text[];
  deltas bigint[];
BEGIN
  IF current_setting('cockpit.recomputing', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_id), array_agg(year), array_agg(key), array_agg(value) INTO ids, years, keys, deltas FROM new_rows WHERE value <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(org_id), array_agg(year), array_agg(key), array_agg(-value) INTO ids, years, keys, deltas FROM old_rows WHERE value <> 0;
  ELSE
    SELECT array_agg(n.org_id), array_agg(n.year), array_agg(n.key), array_agg(n.value - o.value) INTO ids, years, keys, deltas
    FROM new_rows n JOIN old_rows o ON o.org_id = n.org_id AND o.year = n.year AND o.key = n.key WHERE n.value <> o.value;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  LOCK TABLE cockpit_counts IN ROW EXCLUSIVE MODE;
  PERFORM cockpit_roll_up(ids, years, keys, deltas);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cockpit_org_counts_ins AFTER INSERT ON cockpit_org_counts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_org_counts_changed();
--> statement-breakpoint
CREATE TRIGGER cockpit_org_counts_upd AFTER UPDATE ON cockpit_org_counts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_org_counts_changed();
--> statement-breakpoint
CREATE TRIGGER cockpit_org_counts_del AFTER DELETE ON cockpit_org_counts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_org_counts_changed();
--> statement-breakpoint
-- The subtree totals of some orgs, from cockpit_org_counts (a tree change; repair).
CREATE OR REPLACE FUNCTION cockpit_recompute_orgs(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM cockpit_counts WHERE org_id = ANY (ids);
  INSERT INTO cockpit_counts (org_id, year, key, value)
  SELECT a.ancestor_id, c.year, c.key, sum(c.value)
  FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure WHERE ancestor_id = ANY (ids)) a
  JOIN cockpit_org_counts c ON c.org_id = a.descendant_id
  WHERE EXISTS (SELECT 1 FROM orgs o WHERE o.id = a.ancestor_id)
  GROUP BY a.ancestor_id, c.year, c.key
  ORDER BY a.ancestor_id, c.year, c.key
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cockpit_closure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  LOCK TABLE cockpit_counts IN SHARE ROW EXCLUSIVE MODE;
  IF TG_OP = 'INSERT' THEN
    -- an ancestor gains a descendant when no row of that pair existed before the statement: add its counters
    INSERT INTO cockpit_counts (org_id, year, key, value)
    SELECT g.ancestor_id, c.year, c.key, sum(c.value)
    FROM (SELECT DISTINCT n.ancestor_id, n.descendant_id FROM new_rows n
          WHERE NOT EXISTS (SELECT 1 FROM org_closure x WHERE x.ancestor_id = n.ancestor_id AND x.descendant_id = n.descendant_id
                              AND NOT EXISTS (SELECT 1 FROM new_rows y WHERE y.ancestor_id = x.ancestor_id AND y.descendant_id = x.descendant_id AND y.relation = x.relation))) g
    JOIN cockpit_org_counts c ON c.org_id = g.descendant_id
    GROUP BY g.ancestor_id, c.year, c.key HAVING sum(c.value) <> 0
    ORDER BY g.ancestor_id, c.year, c.key
    ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_counts.value + EXCLUDED.value;
  ELSIF TG_OP = 'DELETE' THEN
    -- an ancestor loses a descendant when no row of that pair is left: take its counters away
    INSERT INTO cockpit_counts (org_id, year, key, value)
    SELECT l.ancestor_id, c.year, c.key, -sum(c.value)
    FROM (SELECT DISTINCT o.ancestor_id, o.descendant_id FROM old_rows o
          WHERE NOT EXISTS (SELECT 1 FROM org_closure x WHERE x.ancestor_id = o.ancestor_id AND x.descendant_id = o.descendant_id)) l
    JOIN cockpit_org_counts c ON c.org_id = l.descendant_id
    WHERE EXISTS (SELECT 1 FROM orgs w WHERE w.id = l.ancestor_id)
    GROUP BY l.ancestor_id, c.year, c.key HAVING sum(c.value) <> 0
    ORDER BY l.ancestor_id, c.year, c.key
    ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_counts.value + EXCLUDED.value;
  ELSE
    -- an updated pair (a depth or relation change) keeps its orgs, but recount its ancestors to be sure
    SELECT array_agg(DISTINCT r.ancestor_id) INTO ids FROM (SELECT ancestor_id FROM new_rows UNION SELECT ancestor_id FROM old_rows) r;
    IF ids IS NOT NULL THEN
      PERFORM cockpit_recompute_orgs(ids);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cockpit_closure_ins AFTER INSERT ON org_closure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_closure_changed();
--> statement-breakpoint
CREATE TRIGGER cockpit_closure_upd AFTER UPDATE ON org_closure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_closure_changed();
--> statement-breakpoint
CREATE TRIGGER cockpit_closure_del AFTER DELETE ON org_closure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_closure_changed();
--> statement-breakpoint
-- Rebuilds every cockpit counter from the base tables (repair; after bulk loads).
CREATE OR REPLACE FUNCTION cockpit_recompute() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  LOCK TABLE cockpit_org_counts, cockpit_counts IN EXCLUSIVE MODE;
  PERFORM set_config('cockpit.recomputing', 'on', true);
  DELETE FROM cockpit_org_counts;
  FOR s IN SELECT table_name, select_sql FROM cockpit_sources ORDER BY table_name LOOP
    EXECUTE 'INSERT INTO cockpit_org_counts (org_id, year, key, value)
      SELECT x.org_id, x.year, x.key, sum(x.v) FROM (' || format(s.select_sql, quote_ident(s.table_name)) || ') x(org_id, year, key, v)
      WHERE x.org_id IS NOT NULL AND x.year IS NOT NULL
      GROUP BY x.org_id, x.year, x.key HAVING sum(x.v) <> 0
      ON CONFLICT (org_id, year, key) DO UPDATE SET value = cockpit_org_counts.value + EXCLUDED.value';
  END LOOP;
  DELETE FROM cockpit_counts;
  INSERT INTO cockpit_counts (org_id, year, key, value)
  SELECT a.ancestor_id, c.year, c.key, sum(c.value)
  FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure) a
  JOIN cockpit_org_counts c ON c.org_id = a.descendant_id
  GROUP BY a.ancestor_id, c.year, c.key;
  PERFORM set_config('cockpit.recomputing', 'off', true);
END;
$$;
--> statement-breakpoint
INSERT INTO cockpit_sources (table_name, select_sql) VALUES
('org_counters', $src$SELECT r.org_id, 0, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('org.members', r.members::bigint), ('org.unionised', r.unionised::bigint), ('org.unionisedAtSize', r.unionised_at_size::bigint), ('org.enterprisesAtSize', r.enterprises_at_size::bigint), ('org.unionisedEmployees', r.unionised_employees::bigint)) k(key, v)$src$),
('members', $src$SELECT r.org_id, extract(year FROM r.joined_at)::int, 'org.joined', 1::bigint FROM %1$s r WHERE r.joined_at IS NOT NULL$src$),
('assessments', $src$SELECT r.subject_id, r.cycle_year, 'homes.' || r.grade_code, 1::bigint FROM %1$s r JOIN assessment_templates t ON t.id = r.template_id WHERE t.code = 'union-home' AND r.subject_kind = 'union' AND r.status = 'confirmed' AND r.grade_code IN ('model', 'advanced', 'qualified')$src$),
('aid_applications', $src$SELECT r.org_id, extract(year FROM (r.created_at AT TIME ZONE 'Asia/Shanghai'))::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('aid.aided', 1::bigint), ('aid.amount', coalesce(r.approved_amount_fen, r.amount_fen)::bigint)) k(key, v) WHERE r.payout_id IS NOT NULL$src$),
('hardship_households', $src$SELECT r.org_id, 0, 'aid.households', 1::bigint FROM %1$s r WHERE r.status <> 'exited'$src$),
('condolence_visits', $src$SELECT r.org_id, extract(year FROM r.visited_on)::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('care.visits', 1::bigint), ('care.visitAmount', (r.money_fen + r.goods_value_fen)::bigint)) k(key, v)$src$),
('condolence_plan_categories', $src$SELECT p.org_id, p.year, 'care.planned', r.headcount::bigint FROM %1$s r JOIN condolence_plans p ON p.id = r.plan_id$src$),
('mutual_aid_enrolments', $src$SELECT r.org_id, p.year, 'care.mutualEnrolled', 1::bigint FROM %1$s r JOIN mutual_aid_periods p ON p.id = r.period_id WHERE r.status = 'paid'$src$),
('mutual_aid_claims', $src$SELECT r.org_id, p.year, 'care.mutualPaid', r.computed_fen::bigint FROM %1$s r JOIN mutual_aid_periods p ON p.id = r.period_id WHERE r.payout_id IS NOT NULL$src$),
('activities', $src$SELECT r.org_id, extract(year FROM (coalesce(r.starts_at, r.created_at) AT TIME ZONE 'Asia/Shanghai'))::int, 'act.activities', 1::bigint FROM %1$s r$src$),
('enrolment_offerings', $src$SELECT r.org_id, coalesce(r.year, extract(year FROM (r.opens_at AT TIME ZONE 'Asia/Shanghai'))::int), 'act.places', r.capacity::bigint FROM %1$s r WHERE r.status = 'published'$src$),
('competitions', $src$SELECT r.org_id, extract(year FROM r.start_date)::int, 'act.competitions', 1::bigint FROM %1$s r WHERE r.status <> 'draft'$src$),
('craftsman_nominations', $src$SELECT r.nominating_org_id, c.year, 'hon.craftsmen', 1::bigint FROM %1$s r JOIN craftsman_calls c ON c.id = r.call_id WHERE r.decision = 'craftsman' AND r.city_approved_at IS NOT NULL$src$),
('rights_cases', $src$SELECT r.org_id, extract(year FROM (r.received_at AT TIME ZONE 'Asia/Shanghai'))::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('rights.cases', 1::bigint), ('rights.recovered', CASE WHEN r.phase = 'closed' THEN r.amount_recovered_fen ELSE 0 END::bigint)) k(key, v)
 UNION ALL SELECT r.org_id, extract(year FROM (r.rated_at AT TIME ZONE 'Asia/Shanghai'))::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('part.rated', 1::bigint), ('part.satisfied', CASE WHEN r.satisfaction IN ('satisfied', 'basically') THEN 1 ELSE 0 END::bigint)) k(key, v) WHERE r.satisfaction IS NOT NULL$src$),
('wage_contracts', $src$SELECT r.org_id, extract(year FROM r.filed_on)::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('rights.contracts', 1::bigint), ('rights.contractWorkers', r.workers_covered::bigint)) k(key, v) WHERE r.status = 'filed'$src$),
('hazard_reports', $src$SELECT r.org_id, extract(year FROM (r.reported_at AT TIME ZONE 'Asia/Shanghai'))::int, k.key, k.v FROM %1$s r CROSS JOIN LATERAL (VALUES ('rights.hazards', 1::bigint), ('rights.hazardsRectified', CASE WHEN r.status IN ('rectified', 'verified', 'closed') THEN 1 ELSE 0 END::bigint)) k(key, v) WHERE r.status <> 'draft' AND r.reported_at IS NOT NULL$src$),
('proposals', $src$SELECT r.org_id, c.year, 'part.proposals', 1::bigint FROM %1$s r JOIN proposal_collections c ON c.id = r.collection_id WHERE r.status <> 'blocked'$src$),
('rating_ballots', $src$SELECT u.org_id, c.year, k.key, k.v FROM %1$s r JOIN rating_units u ON u.id = r.unit_id JOIN rating_campaigns c ON c.id = r.campaign_id CROSS JOIN LATERAL (VALUES ('part.ratingAnswers', 3::bigint), ('part.ratingSatisfied', ((r.attitude <= 3)::int + (r.integrity <= 3)::int + (r.effect <= 3)::int)::bigint)) k(key, v) WHERE NOT r.excluded$src$),
('proposal_projects', $src$SELECT r.owner_org_id, c.year, k.key, k.v FROM %1$s r JOIN proposal_collections c ON c.id = r.collection_id CROSS JOIN LATERAL (VALUES ('part.projects', 1::bigint), ('part.projectsCompleted', CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END::bigint)) k(key, v)$src$);
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT table_name FROM cockpit_sources LOOP
    EXECUTE format('CREATE TRIGGER cockpit_%1$s_ins AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track()', t);
    EXECUTE format('CREATE TRIGGER cockpit_%1$s_upd AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track()', t);
    EXECUTE format('CREATE TRIGGER cockpit_%1$s_del AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track()', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_condolence_plans AFTER UPDATE ON condolence_plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('condolence_plan_categories', 'org_id,year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_periods_enrolments AFTER UPDATE ON mutual_aid_periods REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('mutual_aid_enrolments', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_periods_claims AFTER UPDATE ON mutual_aid_periods REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('mutual_aid_claims', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_craftsman_calls AFTER UPDATE ON craftsman_calls REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('craftsman_nominations', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_collections_proposals AFTER UPDATE ON proposal_collections REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('proposals', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_collections_projects AFTER UPDATE ON proposal_collections REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('proposal_projects', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_rating_units AFTER UPDATE ON rating_units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('rating_ballots', 'org_id');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_rating_campaigns AFTER UPDATE ON rating_campaigns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('rating_ballots', 'year');
--> statement-breakpoint
CREATE TRIGGER cockpit_parent_assessment_templates AFTER UPDATE ON assessment_templates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cockpit_track_parent('assessments', 'code');
--> statement-breakpoint
SELECT cockpit_recompute();
