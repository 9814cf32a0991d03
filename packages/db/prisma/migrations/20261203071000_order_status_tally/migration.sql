-- The dashboard's all-time order counts by status (issue 13): counting a million orders takes longer
-- than the whole dashboard may. Statement-level triggers on "order" append how each statement changed
-- the counts (insert-only, so order placements never wait on a shared counter row); the dashboard sums
-- these rows and now and then folds them into one row per status (services/dashboard.ts).

-- CreateTable
CREATE TABLE "order_status_tally" (
    "id" BIGSERIAL NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "delta" BIGINT NOT NULL,

    CONSTRAINT "order_status_tally_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "order_status_tally_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "order_status_tally" ("status", "delta")
  SELECT "status", count(*) FROM added GROUP BY "status";
  RETURN NULL;
END $$;

CREATE FUNCTION "order_status_tally_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "order_status_tally" ("status", "delta")
  SELECT "status", sum(delta)
  FROM (SELECT "status", -1 AS delta FROM removed UNION ALL SELECT "status", 1 FROM added) AS changes
  GROUP BY "status"
  HAVING sum(delta) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "order_status_tally_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "order_status_tally" ("status", "delta")
  SELECT "status", -count(*) FROM removed GROUP BY "status";
  RETURN NULL;
END $$;

CREATE FUNCTION "order_status_tally_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "order_status_tally";
  RETURN NULL;
END $$;

-- Postgres allows transition tables only on single-event triggers, hence one trigger per event.
CREATE TRIGGER "order_status_tally_inserted" AFTER INSERT ON "order"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "order_status_tally_inserted"();
CREATE TRIGGER "order_status_tally_updated" AFTER UPDATE ON "order"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "order_status_tally_updated"();
CREATE TRIGGER "order_status_tally_deleted" AFTER DELETE ON "order"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "order_status_tally_deleted"();
CREATE TRIGGER "order_status_tally_truncated" AFTER TRUNCATE ON "order"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_status_tally_truncated"();

-- The orders already there. The triggers' lock on "order" holds writers off until this commits, so
-- no order is counted twice or missed.
INSERT INTO "order_status_tally" ("status", "delta")
SELECT "status", count(*) FROM "order" GROUP BY "status";
