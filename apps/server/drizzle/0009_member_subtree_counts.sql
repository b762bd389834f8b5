-- member_subtree_counts (member.schema.ts): 在册 members in the whole subtree of every org that has
-- sub-orgs, each union counted once whatever the relation. Exact at every commit:
-- * a change of org_counters.members (its triggers in 0003, coverage_recompute, a cascade) is added
--   to the rows of the org's ancestors, locked in org_id order;
-- * a change of the tree (org_closure) recomputes the rows of the ancestors it touched.
-- A counter change takes ROW EXCLUSIVE on member_subtree_counts before it reads the tree, a tree
-- change SHARE ROW EXCLUSIVE before it recomputes: the two wait for each other, and each reads the
-- other's work committed (a new snapshot per statement), so neither loses the other's change.
LOCK TABLE org_counters, org_closure IN SHARE MODE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_subtree_recompute(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO member_subtree_counts (org_id, members)
  SELECT a.id, coalesce((SELECT sum(c.members) FROM org_counters c
                         WHERE c.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = a.id)), 0)
  FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id)) a
  WHERE EXISTS (SELECT 1 FROM orgs o WHERE o.id = a.id)
  ORDER BY a.id
  ON CONFLICT (org_id) DO UPDATE SET members = EXCLUDED.members
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_subtree_closure_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT ancestor_id) INTO ids FROM new_rows WHERE depth > 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT ancestor_id) INTO ids FROM old_rows WHERE depth > 0;
  ELSE
    SELECT array_agg(DISTINCT ancestor_id) INTO ids FROM (SELECT ancestor_id FROM new_rows WHERE depth > 0 UNION SELECT ancestor_id FROM old_rows WHERE depth > 0) x;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  LOCK TABLE member_subtree_counts IN SHARE ROW EXCLUSIVE MODE;
  PERFORM member_subtree_recompute(ids);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_subtree_closure_ins AFTER INSERT ON org_closure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_closure_changed();
--> statement-breakpoint
CREATE TRIGGER member_subtree_closure_upd AFTER UPDATE ON org_closure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_closure_changed();
--> statement-breakpoint
CREATE TRIGGER member_subtree_closure_del AFTER DELETE ON org_closure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_closure_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_subtree_counters_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  deltas integer[];
  target_ids uuid[];
  target_deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_id), array_agg(members) INTO ids, deltas FROM new_rows WHERE members <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(org_id), array_agg(-members) INTO ids, deltas FROM old_rows WHERE members <> 0;
  ELSE
    SELECT array_agg(n.org_id), array_agg(n.members - o.members) INTO ids, deltas
    FROM new_rows n JOIN old_rows o ON o.org_id = n.org_id WHERE n.members <> o.members;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  LOCK TABLE member_subtree_counts IN ROW EXCLUSIVE MODE;
  -- every ancestor (self included) of each changed org, once per org whatever the relation
  SELECT array_agg(org_id ORDER BY org_id), array_agg(delta ORDER BY org_id) INTO target_ids, target_deltas
  FROM (
    SELECT a.ancestor_id AS org_id, sum(d.delta)::integer AS delta
    FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure WHERE descendant_id = ANY (ids)) a
    JOIN unnest(ids, deltas) AS d(org_id, delta) ON d.org_id = a.descendant_id
    GROUP BY a.ancestor_id
    HAVING sum(d.delta) <> 0
  ) x;
  IF target_ids IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM member_subtree_counts WHERE org_id = ANY (target_ids) ORDER BY org_id FOR UPDATE;
  UPDATE member_subtree_counts s SET members = s.members + x.delta
  FROM unnest(target_ids, target_deltas) AS x(org_id, delta)
  WHERE s.org_id = x.org_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_subtree_counters_ins AFTER INSERT ON org_counters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_counters_changed();
--> statement-breakpoint
CREATE TRIGGER member_subtree_counters_upd AFTER UPDATE ON org_counters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_counters_changed();
--> statement-breakpoint
CREATE TRIGGER member_subtree_counters_del AFTER DELETE ON org_counters REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_subtree_counters_changed();
--> statement-breakpoint
INSERT INTO member_subtree_counts (org_id, members)
SELECT a.ancestor_id, coalesce(sum(c.members), 0)
FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure
      WHERE ancestor_id IN (SELECT ancestor_id FROM org_closure WHERE depth > 0)) a
LEFT JOIN org_counters c ON c.org_id = a.descendant_id
GROUP BY a.ancestor_id;
