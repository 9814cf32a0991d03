-- Low-stock lists (the dashboard, inventory's "Low stock" filter) compare every level with its
-- product's threshold, which no index could serve: over the large seed's 300,000 variants that read
-- every level (30 ms alone, about 100 ms beside the dashboard's other reads). An index on "onHand"
-- would serve it but rule out HOT updates on every sale, as would any index whose columns or
-- predicate name "onHand".
--
-- So each level carries a copy of its product's threshold (kept by the triggers below) and a stored
-- generated "lowStockOnHand": its on-hand quantity while at or under the threshold, else null. The
-- partial index names only that column and "variantId", and a sale changes neither on a level above
-- its threshold: those sales stay HOT updates. A low level's sale moves its index entry, and the
-- lowest levels come first straight from the index, so a list of ten reads about ten levels.
ALTER TABLE "inventory_level" ADD COLUMN "lowStockThreshold" INTEGER NOT NULL DEFAULT 0;
UPDATE "inventory_level" l SET "lowStockThreshold" = p."lowStockThreshold"
FROM "product_variant" v JOIN "product" p ON p.id = v."productId"
WHERE v.id = l."variantId";

ALTER TABLE "inventory_level" ADD COLUMN "lowStockOnHand" INTEGER
  GENERATED ALWAYS AS (CASE WHEN "onHand" <= "lowStockThreshold" THEN "onHand" END) STORED;
CREATE INDEX "inventory_level_low_stock_idx" ON "inventory_level" ("lowStockOnHand", "variantId")
  WHERE "lowStockOnHand" IS NOT NULL;

-- A new level takes its product's threshold, whatever the writer sent.
CREATE FUNCTION "inventory_level_threshold"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."lowStockThreshold" INTO NEW."lowStockThreshold"
  FROM "product_variant" v JOIN "product" p ON p.id = v."productId"
  WHERE v.id = NEW."variantId";
  NEW."lowStockThreshold" := coalesce(NEW."lowStockThreshold", 0);
  RETURN NEW;
END $$;
CREATE TRIGGER "inventory_level_threshold" BEFORE INSERT ON "inventory_level"
  FOR EACH ROW EXECUTE FUNCTION "inventory_level_threshold"();

-- A product's new threshold reaches its variants' levels in the same transaction.
CREATE FUNCTION "product_threshold_to_levels"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "inventory_level" l SET "lowStockThreshold" = NEW."lowStockThreshold"
  FROM "product_variant" v
  WHERE v."productId" = NEW.id AND l."variantId" = v.id AND l."lowStockThreshold" <> NEW."lowStockThreshold";
  RETURN NULL;
END $$;
CREATE TRIGGER "product_threshold_to_levels" AFTER UPDATE OF "lowStockThreshold" ON "product"
  FOR EACH ROW WHEN (OLD."lowStockThreshold" IS DISTINCT FROM NEW."lowStockThreshold")
  EXECUTE FUNCTION "product_threshold_to_levels"();
