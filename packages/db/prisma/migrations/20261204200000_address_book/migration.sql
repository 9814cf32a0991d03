-- A shopper's address book (issue 13): checkout prefills the default address, the account page edits
-- the book, and placing an order with a new address adds it (one INSERT ... ON CONFLICT DO NOTHING
-- inside the order statement, keyed by "addressHash").

-- What makes two addresses the same entry: each part trimmed, runs of white space made one space,
-- case ignored. One definition, used by the generated column below and by the backfill at the end.
-- Every function it calls is immutable, so a generated column may use it.
CREATE FUNCTION "customer_address_hash"(street text, city text, state text, zip text, country text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT md5(
    lower(regexp_replace(btrim(street), '\s+', ' ', 'g')) || E'\x1f' ||
    lower(regexp_replace(btrim(city), '\s+', ' ', 'g')) || E'\x1f' ||
    lower(regexp_replace(btrim(state), '\s+', ' ', 'g')) || E'\x1f' ||
    lower(regexp_replace(btrim(zip), '\s+', '', 'g')) || E'\x1f' ||
    lower(btrim(country))
  )
$$;

-- CreateTable
CREATE TABLE "customer_address" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" TEXT NOT NULL,
    "label" TEXT,
    "street" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "zip" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'US',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "addressHash" TEXT NOT NULL GENERATED ALWAYS AS (customer_address_hash("street", "city", "state", "zip", "country")) STORED,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_address_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customer_address_userId_addressHash_key" ON "customer_address"("userId", "addressHash");

-- CreateIndex
CREATE UNIQUE INDEX "customer_address_one_default_per_user" ON "customer_address"("userId", "isDefault") WHERE "isDefault";

-- AddForeignKey
ALTER TABLE "customer_address" ADD CONSTRAINT "customer_address_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The addresses of past orders: each user who has orders gets every distinct address they shipped to
-- (the same entry per customer_address_hash(), spelled as on the latest order that used it), at most
-- the 20 used most recently (the book's limit), and the address of their latest order is the default.
-- createdAt is when an address was first used, updatedAt when it was last used.
INSERT INTO "customer_address" ("userId", "street", "city", "state", "zip", "country", "isDefault", "createdAt", "updatedAt")
SELECT "userId", "street", "city", "state", "zip", "country", "isLatest", "firstUsed", "lastUsed"
FROM (
  SELECT *, row_number() OVER (PARTITION BY "userId" ORDER BY "lastRank") AS "bookRank"
  FROM (
    SELECT DISTINCT ON ("userId", "hash")
      "userId", "shipStreet" AS "street", "shipCity" AS "city", "shipState" AS "state",
      "shipZip" AS "zip", "shipCountry" AS "country",
      min("createdAt") OVER same_address AS "firstUsed",
      max("createdAt") OVER same_address AS "lastUsed",
      min("recency") OVER same_address AS "lastRank",
      bool_or("recency" = 1) OVER same_address AS "isLatest"
    FROM (
      SELECT o.*, customer_address_hash(o."shipStreet", o."shipCity", o."shipState", o."shipZip", o."shipCountry") AS "hash",
        row_number() OVER (PARTITION BY o."userId" ORDER BY o."createdAt" DESC, o."number" DESC) AS "recency"
      FROM "order" o
    ) AS used
    WINDOW same_address AS (PARTITION BY "userId", "hash")
    ORDER BY "userId", "hash", "recency"
  ) AS distinct_addresses
) AS ranked
WHERE "bookRank" <= 20;
