-- debtor_names follows debtors: every spelling a statement inserts or changes is added, set-based, once per
-- statement (a COPY of a million debtors adds its few thousand spellings in one insert, not a million).
CREATE FUNCTION debtor_names_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO debtor_names (org_id, part, name)
  SELECT DISTINCT n.org_id, p.part, p.name
  FROM changed n
  CROSS JOIN LATERAL (VALUES ('first'::name_part, lower(n.first_name)), ('last'::name_part, lower(n.last_name))) p(part, name)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER debtors_names_on_insert AFTER INSERT ON debtors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION debtor_names_add();
--> statement-breakpoint
CREATE TRIGGER debtors_names_on_update AFTER UPDATE ON debtors
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION debtor_names_add();
--> statement-breakpoint
INSERT INTO debtor_names (org_id, part, name)
SELECT DISTINCT d.org_id, p.part, p.name
FROM debtors d
CROSS JOIN LATERAL (VALUES ('first'::name_part, lower(d.first_name)), ('last'::name_part, lower(d.last_name))) p(part, name)
ON CONFLICT DO NOTHING;
