-- Staff product lists with archived products, and the inventory levels list, sort every product (issue
-- 13). The (active, ...) indexes serve only the storefront's active-only lists; without these, each of
-- those pages sorted all 100,000 products of the large seed.

-- CreateIndex
CREATE INDEX "product_createdAt_id_idx" ON "product"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "product_priceCents_id_idx" ON "product"("priceCents", "id");

-- CreateIndex
CREATE INDEX "product_name_id_idx" ON "product"("name", "id");
