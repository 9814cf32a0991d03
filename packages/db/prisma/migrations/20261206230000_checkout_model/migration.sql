-- Issue 15, a real checkout: shipping zones and methods, tax rates, the shop's tax-inclusive setting,
-- discount codes and their redemptions, and the order's full breakdown. Money is integer cents, rates
-- parts per million (1% = 10000), country codes ISO 3166 alpha-2 upper case.
-- Every existing order keeps its amounts: discount 0 and tax 0, as it was priced.

-- CreateEnum
CREATE TYPE "ShippingRateKind" AS ENUM ('flat', 'free_over', 'weight');

-- CreateEnum
CREATE TYPE "PromotionType" AS ENUM ('percentage', 'fixed', 'free_shipping');

-- CreateTable
CREATE TABLE "shop_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "taxInclusive" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_settings_pkey" PRIMARY KEY ("id"),
    -- One row: the services read and update id 1, never insert another.
    CONSTRAINT "shop_settings_one_row_check" CHECK ("id" = 1)
);
INSERT INTO "shop_settings" ("id") VALUES (1);

-- CreateTable
CREATE TABLE "shipping_zone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipping_zone_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shipping_zone_name_check" CHECK (length(btrim("name")) > 0)
);

-- CreateTable
-- char(2) keeps '*' as '* ' (regular expressions see the padding, so the checks trim it).
CREATE TABLE "shipping_zone_region" (
    "zoneId" UUID NOT NULL,
    "country" CHAR(2) NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "shipping_zone_region_pkey" PRIMARY KEY ("zoneId","country","state"),
    CONSTRAINT "shipping_zone_region_country_check" CHECK (rtrim("country") ~ '^([A-Z]{2}|\*)$'),
    CONSTRAINT "shipping_zone_region_state_check" CHECK ("state" ~ '^[A-Z0-9-]{0,10}$'),
    -- The rest of the world has no states.
    CONSTRAINT "shipping_zone_region_world_check" CHECK (rtrim("country") <> '*' OR "state" = '')
);

-- CreateTable
CREATE TABLE "shipping_method" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "zoneId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "estimate" TEXT NOT NULL DEFAULT '',
    "kind" "ShippingRateKind" NOT NULL,
    "priceCents" INTEGER NOT NULL DEFAULT 0,
    "thresholdCents" INTEGER,
    "weightTiers" JSONB,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipping_method_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shipping_method_name_check" CHECK (length(btrim("name")) > 0),
    CONSTRAINT "shipping_method_priceCents_check" CHECK ("priceCents" >= 0),
    CONSTRAINT "shipping_method_thresholdCents_check" CHECK ("thresholdCents" >= 0),
    -- Each kind carries what its rate needs (the tiers' order is checked by the service).
    CONSTRAINT "shipping_method_free_over_check" CHECK ("kind" <> 'free_over' OR "thresholdCents" IS NOT NULL),
    CONSTRAINT "shipping_method_weight_check" CHECK (
      "kind" <> 'weight' OR ("weightTiers" IS NOT NULL AND jsonb_typeof("weightTiers") = 'array'
                             AND jsonb_array_length("weightTiers") > 0))
);

-- CreateTable
CREATE TABLE "tax_rate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "country" CHAR(2) NOT NULL,
    "state" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "ratePpm" INTEGER NOT NULL,
    "shippingRatePpm" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_rate_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tax_rate_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "tax_rate_state_check" CHECK ("state" ~ '^[A-Z0-9-]{0,10}$'),
    CONSTRAINT "tax_rate_ratePpm_check" CHECK ("ratePpm" BETWEEN 0 AND 1000000),
    CONSTRAINT "tax_rate_shippingRatePpm_check" CHECK ("shippingRatePpm" BETWEEN 0 AND 1000000)
);

-- CreateTable
CREATE TABLE "promotion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "PromotionType" NOT NULL,
    "percentPpm" INTEGER,
    "amountCents" INTEGER,
    "currency" CHAR(3),
    "minimumSubtotalCents" INTEGER,
    "startsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "usageLimit" INTEGER,
    "perCustomerLimit" INTEGER,
    "timesUsed" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "productIds" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "categoryIds" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_pkey" PRIMARY KEY ("id"),
    -- Stored as looked up: upper case, trimmed, not empty.
    CONSTRAINT "promotion_code_check" CHECK ("code" = upper(btrim("code")) AND length("code") > 0),
    CONSTRAINT "promotion_percentPpm_check" CHECK (
      "type" <> 'percentage' OR ("percentPpm" IS NOT NULL AND "percentPpm" BETWEEN 1 AND 1000000)),
    CONSTRAINT "promotion_amountCents_check" CHECK (
      "type" <> 'fixed' OR ("amountCents" IS NOT NULL AND "amountCents" > 0)),
    CONSTRAINT "promotion_minimumSubtotalCents_check" CHECK ("minimumSubtotalCents" >= 0),
    CONSTRAINT "promotion_usageLimit_check" CHECK ("usageLimit" >= 0),
    CONSTRAINT "promotion_perCustomerLimit_check" CHECK ("perCustomerLimit" >= 0),
    -- The counter the order statement bumps can never pass the limit, whatever the race.
    CONSTRAINT "promotion_timesUsed_check" CHECK (
      "timesUsed" >= 0 AND ("usageLimit" IS NULL OR "timesUsed" <= "usageLimit"))
);

-- CreateTable
CREATE TABLE "promotion_redemption" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promotionId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "userId" TEXT,
    "email" TEXT NOT NULL,
    "discountCents" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_redemption_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "promotion_redemption_email_check" CHECK ("email" = lower("email")),
    CONSTRAINT "promotion_redemption_discountCents_check" CHECK ("discountCents" >= 0)
);

-- AlterTable
ALTER TABLE "order" ADD COLUMN "discountCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "taxCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "taxInclusive" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "shippingMethodId" UUID,
ADD COLUMN "shippingMethodName" TEXT,
ADD COLUMN "promotionCode" TEXT,
ADD CONSTRAINT "order_discountCents_check" CHECK ("discountCents" >= 0),
ADD CONSTRAINT "order_taxCents_check" CHECK ("taxCents" >= 0);

-- AlterTable
ALTER TABLE "order_item" ADD COLUMN "discountCents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "taxCents" BIGINT NOT NULL DEFAULT 0,
ADD CONSTRAINT "order_item_discountCents_check" CHECK ("discountCents" >= 0),
ADD CONSTRAINT "order_item_taxCents_check" CHECK ("taxCents" >= 0);

-- CreateIndex
CREATE UNIQUE INDEX "shipping_zone_region_country_state_key" ON "shipping_zone_region"("country", "state");

-- CreateIndex
CREATE INDEX "shipping_method_zoneId_position_idx" ON "shipping_method"("zoneId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "tax_rate_country_state_key" ON "tax_rate"("country", "state");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_code_key" ON "promotion"("code");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemption_orderId_key" ON "promotion_redemption"("orderId");

-- CreateIndex
CREATE INDEX "promotion_redemption_promotionId_userId_idx" ON "promotion_redemption"("promotionId", "userId");

-- CreateIndex
CREATE INDEX "promotion_redemption_promotionId_email_idx" ON "promotion_redemption"("promotionId", "email");

-- CreateIndex
CREATE INDEX "order_shippingMethodId_idx" ON "order"("shippingMethodId");

-- AddForeignKey
ALTER TABLE "shipping_zone_region" ADD CONSTRAINT "shipping_zone_region_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "shipping_zone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipping_method" ADD CONSTRAINT "shipping_method_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "shipping_zone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemption" ADD CONSTRAINT "promotion_redemption_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "promotion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemption" ADD CONSTRAINT "promotion_redemption_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_redemption" ADD CONSTRAINT "promotion_redemption_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_shippingMethodId_fkey" FOREIGN KEY ("shippingMethodId") REFERENCES "shipping_method"("id") ON DELETE SET NULL ON UPDATE CASCADE;
