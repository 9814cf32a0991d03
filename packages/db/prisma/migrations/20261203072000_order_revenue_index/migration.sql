-- The dashboard's revenue figures and daily series sum the last 30 days of orders (issue 13): about
-- 80,000 orders of the large seed, scattered over the whole table. With status and total in the index
-- those sums are index-only scans instead of reading most of the table's pages.

-- CreateIndex
CREATE INDEX "order_createdAt_status_totalCents_idx" ON "order"("createdAt", "status", "totalCents");
