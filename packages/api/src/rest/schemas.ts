import { z } from "zod";
import {
  DEFAULT_CURRENCY,
  fitsMinorUnits,
  isCurrencyCode,
  minorUnitsOf,
  toMinorUnits,
} from "../domain/money.ts";
import { UserIdSchema } from "../schemas/account.ts";
import { CreateProductFields, checkNewProduct, ProductListInput } from "../schemas/catalog.ts";
import { AdjustStockFields, hasOneStockChange, ONE_STOCK_CHANGE } from "../schemas/inventory.ts";
import { CreateOrderInput, OrderPageInput, OrderStatusSchema } from "../schemas/order.ts";
import { singleLineText } from "../schemas/text.ts";
import {
  CHANGE_A_FIELD,
  changesAField,
  VariantIdSchema,
  VariantInput,
  VariantSkuInput,
  variantBatch,
  variantFields,
} from "../schemas/variant.ts";

// REST speaks decimal major units (99.99) and ISO-8601 dates; tRPC speaks cents and Dates. Every REST
// input is a shared schema (schemas/*) renamed or re-united where REST differs (major units, query
// strings, path ids), so each field's rule exists once and both surfaces refuse the same input.

// An answer's amount, already converted by toMajorUnits: its decimals are the currency's (2 for USD,
// 0 for JPY, 3 for KWD), so no fixed count is asserted here.
const amount = z.number().min(0, "Must be zero or more").meta({
  description: "Decimal amount in the currency's major units, e.g. 99.99 USD, 1234 JPY, 1.999 KWD",
  example: 99.99,
});

const pathId = singleLineText().min(1).max(100);

/** Page size of a REST list when the query string names none. */
const REST_PAGE_SIZE = 20;

/**
 * A query-string number (text on the wire) under the shared schema's own checks and messages. A copy
 * with coerce set: the shared schema itself is never changed (see uncoerced.ts).
 */
function fromQueryString(schema: z.ZodDefault<z.ZodNumber>, defaultValue = REST_PAGE_SIZE) {
  const number = schema.unwrap();
  return number.clone({ ...number._zod.def, coerce: true }).default(defaultValue);
}

export const RestCreateOrderInput = CreateOrderInput.omit({ idempotencyKey: true }).extend({
  userId: UserIdSchema.optional().meta({
    description: "Defaults to the signed-in user; another user's id needs staff",
  }),
});

export const RestOrderItem = z.object({
  productId: z.string(),
  variantId: z.string(),
  sku: z.string(),
  name: z.string(),
  variantTitle: z
    .string()
    .meta({ description: 'The variant sold, e.g. "M / Black" ("Default" without options)' }),
  quantity: z.number().int(),
  unitPrice: amount,
  lineTotal: amount,
});

export const RestShippingAddress = z.object({
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

export const RestOrder = z.object({
  id: z.string(),
  number: z.number().int(),
  userId: z.string(),
  status: OrderStatusSchema,
  total: amount,
  currency: z.string(),
  items: z.array(RestOrderItem),
  shippingAddress: RestShippingAddress,
  trackingNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const RestOrderDetail = RestOrder.extend({
  history: z.array(
    z.object({
      from: OrderStatusSchema.nullable(),
      to: OrderStatusSchema,
      note: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
});

export const RestOrderSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  userId: z.string(),
  status: OrderStatusSchema,
  total: amount,
  currency: z.string(),
  itemCount: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const RestOrderIdInput = z.object({ id: pathId });
export const RestUserOrdersInput = OrderPageInput.extend({
  id: pathId,
  limit: fromQueryString(OrderPageInput.shape.limit),
});
export const RestOrderPage = z.object({
  orders: z.array(RestOrderSummary),
  nextCursor: z.string().nullable(),
});

export const RestVariant = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string().meta({ example: "M / Black" }),
  options: z.record(z.string(), z.string()).meta({ example: { Size: "M", Colour: "Black" } }),
  price: amount,
  compareAtPrice: amount.nullable(),
  barcode: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  stock: z.number().int().meta({ description: "Units of this variant on hand" }),
  active: z.boolean(),
});

export const RestProduct = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  price: amount.meta({ description: "The lowest price of its variants (the same as priceRange.min)" }),
  priceRange: z.object({ min: amount, max: amount }),
  currency: z.string(),
  category: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  imageUrl: z.string().nullable(),
  stock: z.number().int().meta({ description: "Units a shopper can buy now, over all its active variants" }),
  inStock: z.boolean().meta({ description: "Whether any active variant can be bought" }),
  active: z.boolean(),
});

export const RestProductDetail = RestProduct.extend({
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(RestVariant),
});

export const RestProductListInput = ProductListInput.pick({ cursor: true, category: true, q: true }).extend({
  limit: fromQueryString(ProductListInput.shape.limit),
});
export const RestProductPage = z.object({
  products: z.array(RestProduct),
  nextCursor: z.string().nullable(),
});
export const RestProductIdInput = z.object({ id: pathId });

const PRICE_CENTS = variantFields.priceCents;
const PRICE_LIMIT_MINOR = PRICE_CENTS.maxValue ?? Number.MAX_SAFE_INTEGER;
const DECIMAL_WORDS = ["no", "one", "two", "three", "four"];

/** REST's price rule: the shared priceCents rule (bounds, messages), read in major units of `currency`. */
function checkPrice(
  price: unknown,
  currencyInput: unknown,
  path: (string | number)[],
  ctx: z.RefinementCtx,
  rule: z.ZodNumber = PRICE_CENTS,
) {
  if (typeof price !== "number") return; // the field's own check named it
  const currency =
    typeof currencyInput === "string" && isCurrencyCode(currencyInput) ? currencyInput : DEFAULT_CURRENCY;
  if (!fitsMinorUnits(price, currency)) {
    const digits = minorUnitsOf(currency);
    const message =
      digits === 0
        ? `Use a whole amount for ${currency}`
        : `Use at most ${DECIMAL_WORDS[digits] ?? digits} decimal${digits === 1 ? "" : "s"}`;
    ctx.addIssue({ code: "custom", path, message });
    return;
  }
  for (const issue of rule.safeParse(toMinorUnits(price, currency)).error?.issues ?? []) {
    ctx.addIssue({ code: "custom", path, message: issue.message });
  }
}

const restPrice = z.number().meta({
  description: `Decimal amount in major units of \`currency\`, e.g. 99.99 (the maximum is for two-decimal currencies: ${PRICE_LIMIT_MINOR.toLocaleString("en-US")} minor units in any)`,
  example: 99.99,
  minimum: PRICE_CENTS.minValue ?? 0,
  maximum: PRICE_LIMIT_MINOR / 100,
});

/** A variant of a new product: tRPC's VariantInput with `price` and `compareAtPrice` in major units. */
export const RestVariantInput = VariantInput.omit({ priceCents: true, compareAtPriceCents: true }).extend({
  price: restPrice,
  compareAtPrice: restPrice.nullable().optional(),
});

/**
 * tRPC's product.create with `price` in major units for `priceCents` (the handler converts it), and
 * optional `options` and `variants` (each with its own price); without them the product gets one
 * default variant with `price` and `stock`.
 */
export const RestCreateProductInput = CreateProductFields.omit({
  priceCents: true,
  lowStockThreshold: true,
  variants: true,
})
  .extend({
    price: restPrice.optional(),
    variants: z.array(RestVariantInput).min(1).max(100).optional(),
  })
  .superRefine(
    (input, ctx) => {
      checkNewProduct(input, ctx, "price");
      checkPrice(input.price, input.currency, ["price"], ctx);
      input.variants?.forEach((variant, index) => {
        checkPrice(variant.price, input.currency, ["variants", index, "price"], ctx);
        if (variant.compareAtPrice != null)
          checkPrice(variant.compareAtPrice, input.currency, ["variants", index, "compareAtPrice"], ctx);
      });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

/**
 * One variant's changes in PATCH /products/{id}/variants: tRPC's updateVariant patch, with `price` and
 * `compareAtPrice` in major units of the product's currency (checked by restVariantPrices once the
 * product is read) for `priceCents` and `compareAtPriceCents`.
 */
export const RestVariantPatch = z
  .object(variantFields)
  .omit({ priceCents: true, compareAtPriceCents: true })
  .partial()
  .extend({
    id: VariantIdSchema,
    price: restPrice.optional(),
    compareAtPrice: restPrice.nullable().optional(),
  })
  .refine(({ id: _id, ...patch }) => changesAField(patch), CHANGE_A_FIELD);

/** tRPC's product.updateVariants with the product id in the path and REST's prices. */
export const RestUpdateVariantsInput = z.object({
  id: pathId.meta({ description: "The product's id" }),
  variants: variantBatch(RestVariantPatch),
});

const COMPARE_AT_CENTS = variantFields.compareAtPriceCents.unwrap();

/** The batch's prices under REST's price rule in `currency`, the product's (known once it is read). */
export function restVariantPrices(currency: string) {
  const prices = z.object({ price: z.unknown().optional(), compareAtPrice: z.unknown().optional() });
  return z.object({ variants: z.array(prices) }).superRefine((input, ctx) => {
    input.variants.forEach((variant, index) => {
      if (variant.price !== undefined) checkPrice(variant.price, currency, ["variants", index, "price"], ctx);
      if (variant.compareAtPrice != null)
        checkPrice(
          variant.compareAtPrice,
          currency,
          ["variants", index, "compareAtPrice"],
          ctx,
          COMPARE_AT_CENTS,
        );
    });
  });
}

/** tRPC's inventory.adjust with the product id in the path (exactly one of `delta` or `set`). */
export const RestAdjustmentInput = AdjustStockFields.pick({
  reason: true,
  note: true,
  delta: true,
  set: true,
})
  .extend({
    variantId: pathId.meta({ description: "A variant's id, or the id of a product with one variant" }),
  })
  .refine(hasOneStockChange, ONE_STOCK_CHANGE);
export const RestStockLevel = z.object({
  productId: z.string(),
  variantId: z.string(),
  sku: z.string(),
  stock: z.number().int(),
});

export const RestVariantSkuInput = VariantSkuInput;
export const RestVariantLookup = z.object({
  productId: z.string(),
  productName: z.string(),
  productActive: z.boolean(),
  variant: RestVariant,
});
