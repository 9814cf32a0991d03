-- The customer list pages on (createdAt, id), newest first (issue 13). Without id in the index, every
-- customer sharing the first page's createdAt was read and sorted: the 50,000 customers of the large
-- seed come in 25,000-row batches with one timestamp each, so the first page read 25,000 rows.

-- DropIndex
DROP INDEX "user_role_createdAt_idx";

-- CreateIndex
CREATE INDEX "user_role_createdAt_id_idx" ON "user"("role", "createdAt" DESC, "id" DESC);
