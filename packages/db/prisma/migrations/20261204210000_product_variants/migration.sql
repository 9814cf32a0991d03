-- Variants (issue 14): the variant is what is bought, stocked, priced and ordered. A product has up to
-- three options (Size, Colour, ...) with ordered values and 1 to 100 variants, each one combination of
-- those values ("" where the product has fewer options) with its own SKU, price and stock level.
-- Every existing product becomes a product with one default variant (no options, SKU from its slug)
-- that takes over its price, stock level, ledger, cart lines and order lines; nothing is lost.

-- CreateTable
CREATE TABLE "product_option" (
    "productId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "values" TEXT[] NOT NULL,
    CONSTRAINT "product_option_pkey" PRIMARY KEY ("productId","position"),
    CONSTRAINT "product_option_position_check" CHECK ("position" BETWEEN 1 AND 3),
    CONSTRAINT "product_option_values_check" CHECK (cardinality("values") BETWEEN 1 AND 100)
);

-- CreateTable
CREATE TABLE "product_variant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "productId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "option1" TEXT NOT NULL DEFAULT '',
    "option2" TEXT NOT NULL DEFAULT '',
    "option3" TEXT NOT NULL DEFAULT '',
    "priceCents" INTEGER NOT NULL,
    "compareAtPriceCents" INTEGER,
    "barcode" TEXT,
    "weightGrams" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_variant_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_variant_sku_check" CHECK (length(btrim("sku")) > 0),
    CONSTRAINT "product_variant_priceCents_check" CHECK ("priceCents" >= 0),
    CONSTRAINT "product_variant_compareAtPriceCents_check" CHECK ("compareAtPriceCents" > 0),
    CONSTRAINT "product_variant_weightGrams_check" CHECK ("weightGrams" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "product_option_productId_name_key" ON "product_option"("productId", "name");

-- CreateIndex: a SKU names one variant in the whole shop.
CREATE UNIQUE INDEX "product_variant_sku_key" ON "product_variant"("sku");

-- CreateIndex: no two variants of a product are the same combination; also serves every lookup of
-- a product's variants.
CREATE UNIQUE INDEX "product_variant_productId_option1_option2_option3_key" ON "product_variant"("productId", "option1", "option2", "option3");

-- AddForeignKey
ALTER TABLE "product_option" ADD CONSTRAINT "product_option_productId_fkey" FOREIGN KEY ("productId") REFERENCES "product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One default variant per existing product, with its price.
INSERT INTO "product_variant" ("productId", "sku", "priceCents", "createdAt", "updatedAt")
SELECT "id", upper("slug"), "priceCents", "createdAt", "updatedAt" FROM "product";

-- The product's price range, lowest to highest of its active variants (of all of them while none is
-- active): lists filter and sort by the lowest without reading variants.
ALTER TABLE "product" ADD COLUMN "maxPriceCents" INTEGER NOT NULL DEFAULT 0;
UPDATE "product" SET "maxPriceCents" = "priceCents";
ALTER TABLE "product" ALTER COLUMN "maxPriceCents" DROP DEFAULT;

CREATE FUNCTION "product_variant_price_range"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "product" p SET "priceCents" = r.lo, "maxPriceCents" = r.hi
  FROM (
    SELECT v."productId",
           coalesce(min(v."priceCents") FILTER (WHERE v.active), min(v."priceCents")) AS lo,
           coalesce(max(v."priceCents") FILTER (WHERE v.active), max(v."priceCents")) AS hi
    FROM "product_variant" v
    WHERE v."productId" IN (SELECT DISTINCT "productId" FROM changed)
    GROUP BY v."productId"
  ) r
  WHERE p.id = r."productId" AND (p."priceCents", p."maxPriceCents") IS DISTINCT FROM (r.lo, r.hi);
  RETURN NULL;
END $$;

CREATE TRIGGER "product_variant_price_range_inserted" AFTER INSERT ON "product_variant"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "product_variant_price_range"();
CREATE TRIGGER "product_variant_price_range_updated" AFTER UPDATE ON "product_variant"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "product_variant_price_range"();
CREATE TRIGGER "product_variant_price_range_deleted" AFTER DELETE ON "product_variant"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "product_variant_price_range"();

-- Stock levels belong to the variant: the product's level moves to its default variant.
ALTER TABLE "inventory_level" ADD COLUMN "variantId" UUID;
UPDATE "inventory_level" l SET "variantId" = v."id" FROM "product_variant" v WHERE v."productId" = l."productId";
INSERT INTO "inventory_level" ("variantId", "productId", "onHand")
SELECT v."id", v."productId", 0 FROM "product_variant" v
WHERE NOT EXISTS (SELECT 1 FROM "inventory_level" l WHERE l."productId" = v."productId");
ALTER TABLE "inventory_level" DROP CONSTRAINT "inventory_level_pkey";
ALTER TABLE "inventory_level" DROP CONSTRAINT "inventory_level_productId_fkey";
ALTER TABLE "inventory_level" DROP COLUMN "productId";
ALTER TABLE "inventory_level" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "inventory_level" ADD CONSTRAINT "inventory_level_pkey" PRIMARY KEY ("variantId");
ALTER TABLE "inventory_level" ADD CONSTRAINT "inventory_level_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "product_variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The ledger names the variant too (and keeps the product, for a product's whole history).
ALTER TABLE "stock_movement" ADD COLUMN "variantId" UUID;
UPDATE "stock_movement" m SET "variantId" = v."id" FROM "product_variant" v WHERE v."productId" = m."productId";
ALTER TABLE "stock_movement" ALTER COLUMN "variantId" SET NOT NULL;
CREATE INDEX "stock_movement_variantId_createdAt_id_idx" ON "stock_movement"("variantId", "createdAt" DESC, "id");
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "product_variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A cart line is a variant.
ALTER TABLE "cart_item" ADD COLUMN "variantId" UUID;
UPDATE "cart_item" c SET "variantId" = v."id" FROM "product_variant" v WHERE v."productId" = c."productId";
ALTER TABLE "cart_item" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "cart_item" DROP CONSTRAINT "cart_item_pkey";
ALTER TABLE "cart_item" ADD CONSTRAINT "cart_item_pkey" PRIMARY KEY ("cartId", "variantId");
ALTER TABLE "cart_item" ADD CONSTRAINT "cart_item_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "product_variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An order line is a variant, with the SKU and variant title it was sold under. Filling the new
-- columns changes no sale, so the sales-rollup trigger on updates stays out of it.
ALTER TABLE "order_item" ADD COLUMN "variantId" UUID;
ALTER TABLE "order_item" ADD COLUMN "sku" TEXT;
ALTER TABLE "order_item" ADD COLUMN "variantTitle" TEXT;
ALTER TABLE "order_item" DISABLE TRIGGER "sales_rollup_items_updated";
UPDATE "order_item" i SET "variantId" = v."id", "sku" = v."sku", "variantTitle" = 'Default'
FROM "product_variant" v WHERE v."productId" = i."productId";
ALTER TABLE "order_item" ENABLE TRIGGER "sales_rollup_items_updated";
ALTER TABLE "order_item" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "order_item" ALTER COLUMN "sku" SET NOT NULL;
ALTER TABLE "order_item" ALTER COLUMN "variantTitle" SET NOT NULL;
CREATE INDEX "order_item_variantId_idx" ON "order_item"("variantId");
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "product_variant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
