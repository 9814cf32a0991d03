-- Order money in bigint cents: 100 lines of 999 units of a $449 product total 4,485,510,000 cents,
-- past what an integer column holds (2,147,483,647), and placing such an order failed with a 500.
-- The API caps one order at 10,000,000,000 cents; bigint leaves room for every sum over orders.
-- Widening integer to bigint keeps every value; the tables are rewritten under a brief exclusive lock.

-- AlterTable
ALTER TABLE "order"
    ALTER COLUMN "subtotalCents" SET DATA TYPE BIGINT,
    ALTER COLUMN "shippingCents" SET DATA TYPE BIGINT,
    ALTER COLUMN "totalCents" SET DATA TYPE BIGINT;

-- A line total is unit price × quantity; multiply in bigint so a large line cannot overflow the check.
ALTER TABLE "order_item" DROP CONSTRAINT "order_item_lineTotalCents_check";

-- AlterTable
ALTER TABLE "order_item" ALTER COLUMN "lineTotalCents" SET DATA TYPE BIGINT;

ALTER TABLE "order_item" ADD CONSTRAINT "order_item_lineTotalCents_check"
    CHECK ("lineTotalCents" = "unitPriceCents"::bigint * "quantity");
