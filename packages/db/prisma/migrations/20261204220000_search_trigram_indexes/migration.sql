-- Staff search products by part of a name, slug or SKU (inventory, the ⌘K palette): ILIKE '%…%'
-- over 100,000 products and 300,000 variants read every row (0.2-0.4 s on the large seed). Trigram
-- GIN indexes answer those patterns (three characters or more) from the index. pg_trgm ships with
-- Postgres (and PGlite) and is a trusted extension: a database owner may create it.
-- Not in schema.prisma: Prisma declares no trigram operator classes (like product_searchVector_idx).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "product_name_trgm_idx" ON "product" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "product_slug_trgm_idx" ON "product" USING GIN ("slug" gin_trgm_ops);
CREATE INDEX "product_variant_sku_trgm_idx" ON "product_variant" USING GIN ("sku" gin_trgm_ops);
