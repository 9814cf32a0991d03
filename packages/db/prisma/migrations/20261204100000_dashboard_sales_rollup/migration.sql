-- The dashboard's sales over 7, 30 or 90 days and the same days before (issue 13): aggregating
-- 180 days of orders and their lines per request takes far longer than the dashboard may. Triggers on
-- "order" and "order_item" append, in the same transaction as the change, how each statement changed
-- the counted sales (orders that are not cancelled) of each 15-minute bucket: insert-only, so
-- concurrent orders never wait on a shared row. The dashboard sums the buckets of its range in the
-- shop's time zone (every zone's offset is a multiple of 15 minutes, so a bucket never straddles two
-- local days) and now and then folds a range's rows into one per bucket (services/dashboard-sales.ts).

-- CreateTable
CREATE TABLE "sales_rollup" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "orders" BIGINT NOT NULL,
    "revenueCents" BIGINT NOT NULL,
    "units" BIGINT NOT NULL,

    CONSTRAINT "sales_rollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_sales_rollup" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "productId" UUID NOT NULL,
    "units" BIGINT NOT NULL,
    "revenueCents" BIGINT NOT NULL,

    CONSTRAINT "product_sales_rollup_pkey" PRIMARY KEY ("id")
);

-- Covering indexes: a range's rows are read from the index alone.
CREATE INDEX "sales_rollup_bucket_orders_revenueCents_units_idx" ON "sales_rollup"("bucket", "orders", "revenueCents", "units");
CREATE INDEX "product_sales_rollup_bucket_productId_units_revenueCents_idx" ON "product_sales_rollup"("bucket", "productId", "units", "revenueCents");

-- Low stock compared every product's level with its own threshold (a 100k x 100k hash join at the
-- large seed); with the highest threshold known from this index, only the levels under it are joined.
CREATE INDEX "product_lowStockThreshold_idx" ON "product"("lowStockThreshold");

CREATE FUNCTION "sales_bucket"(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_bin('15 minutes', at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
$$;

-- Orders and revenue follow "order"; units and per-product sales follow "order_item" (whose lines are
-- inserted after their order, in the same statement or a later one). A status change in or out of
-- "cancelled" moves all of it.
CREATE FUNCTION "sales_rollup_order_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
  SELECT "sales_bucket"("createdAt"), count(*), sum("totalCents"), 0
  FROM added WHERE "status" <> 'cancelled' GROUP BY 1;
  RETURN NULL;
END $$;

CREATE FUNCTION "sales_rollup_order_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the orders whose counted sales moved: status in or out of cancelled, total or time. Most
  -- updates (paid, shipped, a tracking number) change none of them and append nothing.
  WITH change AS (
    SELECT o.id, "sales_bucket"(o."createdAt") AS "bucket", -1 AS "sign", o."totalCents"
    FROM removed o JOIN added n ON n.id = o.id
    WHERE o."status" <> 'cancelled'
      AND (n."status" = 'cancelled' OR n."totalCents" <> o."totalCents" OR n."createdAt" <> o."createdAt")
    UNION ALL
    SELECT n.id, "sales_bucket"(n."createdAt"), 1, n."totalCents"
    FROM removed o JOIN added n ON n.id = o.id
    WHERE n."status" <> 'cancelled'
      AND (o."status" = 'cancelled' OR n."totalCents" <> o."totalCents" OR n."createdAt" <> o."createdAt")
  ), lines AS (
    SELECT c."bucket", c."sign", i."productId", i.quantity, i."lineTotalCents"
    FROM change c JOIN "order_item" i ON i."orderId" = c.id
  ), totals AS (
    INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
    SELECT t."bucket", sum(t."orders"), sum(t."revenueCents"), sum(t."units")
    FROM (SELECT "bucket", "sign" AS "orders", "sign" * "totalCents" AS "revenueCents", 0 AS "units" FROM change
          UNION ALL
          SELECT "bucket", 0, 0, "sign" * quantity FROM lines) AS t
    GROUP BY t."bucket"
  )
  INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
  SELECT "bucket", "productId", sum("sign" * quantity), sum("sign" * "lineTotalCents")
  FROM lines GROUP BY "bucket", "productId";
  RETURN NULL;
END $$;

-- Row by row and before the delete, while the order's lines are still there (the cascade removes
-- them before any statement-level trigger on "order" would run). Orders are deleted only by tests.
CREATE FUNCTION "sales_rollup_order_deleting"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'cancelled' THEN
    INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
    SELECT "sales_bucket"(OLD."createdAt"), -1, -OLD."totalCents",
           -coalesce((SELECT sum(quantity) FROM "order_item" WHERE "orderId" = OLD.id), 0);
    INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
    SELECT "sales_bucket"(OLD."createdAt"), "productId", -sum(quantity), -sum("lineTotalCents")
    FROM "order_item" WHERE "orderId" = OLD.id GROUP BY "productId";
  END IF;
  RETURN OLD;
END $$;

-- Lines of orders that count. A line deleted with its order (the cascade) finds no order here: the
-- order's own trigger took it out already. Postgres allows transition tables only on single-event
-- triggers, hence one function per event.
CREATE FUNCTION "sales_rollup_items_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH lines AS (
    SELECT "sales_bucket"(o."createdAt") AS "bucket", a."productId", a.quantity::bigint AS quantity, a."lineTotalCents"::bigint AS "lineTotalCents"
    FROM added a JOIN "order" o ON o.id = a."orderId" WHERE o."status" <> 'cancelled'
  ), totals AS (
    INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
    SELECT "bucket", 0, 0, sum(quantity) FROM lines GROUP BY "bucket" HAVING sum(quantity) <> 0
  )
  INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
  SELECT "bucket", "productId", sum(quantity), sum("lineTotalCents") FROM lines
  GROUP BY "bucket", "productId" HAVING sum(quantity) <> 0 OR sum("lineTotalCents") <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "sales_rollup_items_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH lines AS (
    SELECT "sales_bucket"(o."createdAt") AS "bucket", r."productId", -r.quantity::bigint AS quantity, -r."lineTotalCents"::bigint AS "lineTotalCents"
    FROM removed r JOIN "order" o ON o.id = r."orderId" WHERE o."status" <> 'cancelled'
  ), totals AS (
    INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
    SELECT "bucket", 0, 0, sum(quantity) FROM lines GROUP BY "bucket" HAVING sum(quantity) <> 0
  )
  INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
  SELECT "bucket", "productId", sum(quantity), sum("lineTotalCents") FROM lines
  GROUP BY "bucket", "productId" HAVING sum(quantity) <> 0 OR sum("lineTotalCents") <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "sales_rollup_items_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH lines AS (
    SELECT "sales_bucket"(o."createdAt") AS "bucket", a."productId", a.quantity::bigint AS quantity, a."lineTotalCents"::bigint AS "lineTotalCents"
    FROM added a JOIN "order" o ON o.id = a."orderId" WHERE o."status" <> 'cancelled'
    UNION ALL
    SELECT "sales_bucket"(o."createdAt") AS "bucket", r."productId", -r.quantity::bigint AS quantity, -r."lineTotalCents"::bigint AS "lineTotalCents"
    FROM removed r JOIN "order" o ON o.id = r."orderId" WHERE o."status" <> 'cancelled'
  ), totals AS (
    INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
    SELECT "bucket", 0, 0, sum(quantity) FROM lines GROUP BY "bucket" HAVING sum(quantity) <> 0
  )
  INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
  SELECT "bucket", "productId", sum(quantity), sum("lineTotalCents") FROM lines
  GROUP BY "bucket", "productId" HAVING sum(quantity) <> 0 OR sum("lineTotalCents") <> 0;
  RETURN NULL;
END $$;
CREATE FUNCTION "sales_rollup_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sales_rollup";
  DELETE FROM "product_sales_rollup";
  RETURN NULL;
END $$;

CREATE TRIGGER "sales_rollup_order_inserted" AFTER INSERT ON "order"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_order_inserted"();
CREATE TRIGGER "sales_rollup_order_updated" AFTER UPDATE ON "order"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_order_updated"();
CREATE TRIGGER "sales_rollup_order_deleting" BEFORE DELETE ON "order"
  FOR EACH ROW EXECUTE FUNCTION "sales_rollup_order_deleting"();
CREATE TRIGGER "sales_rollup_order_truncated" AFTER TRUNCATE ON "order"
  FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_truncated"();
CREATE TRIGGER "sales_rollup_items_inserted" AFTER INSERT ON "order_item"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_items_inserted"();
CREATE TRIGGER "sales_rollup_items_updated" AFTER UPDATE ON "order_item"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_items_updated"();
CREATE TRIGGER "sales_rollup_items_deleted" AFTER DELETE ON "order_item"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_items_deleted"();

-- The orders already there, one row per bucket (and per bucket and product). The triggers' locks on
-- "order" and "order_item" hold writers off until this commits, so no sale is counted twice or missed.
INSERT INTO "sales_rollup" ("bucket", "orders", "revenueCents", "units")
SELECT b."bucket", sum(b."orders"), sum(b."revenueCents"), sum(b."units")
FROM (
  SELECT "sales_bucket"("createdAt") AS "bucket", count(*) AS "orders", sum("totalCents") AS "revenueCents", 0 AS "units"
  FROM "order" WHERE "status" <> 'cancelled' GROUP BY 1
  UNION ALL
  SELECT "sales_bucket"(o."createdAt"), 0, 0, sum(i.quantity)
  FROM "order_item" i JOIN "order" o ON o.id = i."orderId" WHERE o."status" <> 'cancelled' GROUP BY 1
) AS b
GROUP BY b."bucket";

INSERT INTO "product_sales_rollup" ("bucket", "productId", "units", "revenueCents")
SELECT "sales_bucket"(o."createdAt"), i."productId", sum(i.quantity), sum(i."lineTotalCents")
FROM "order_item" i JOIN "order" o ON o.id = i."orderId" WHERE o."status" <> 'cancelled'
GROUP BY 1, 2;
