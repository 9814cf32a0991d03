import { encodeCursor, encodeSortCursor } from "../services/cursor.ts";
import { checkoutExamples } from "./checkout-openapi.ts";
import { checkoutSettingsExamples } from "./checkout-settings-openapi.ts";
import { promotionExamples } from "./promotion-openapi.ts";
import type { RestRouter } from "./router.ts";

// Examples for the OpenAPI document's request bodies and parameters. They are valid inputs (a test
// checks each against its schema), so a client generated from the document can send them as they are.

export interface RequestExamples {
  body?: unknown;
  parameters?: Record<string, unknown>;
}

export const EXAMPLE_PRODUCT_ID = "5b0c7f4e-2d6a-4c1e-9a53-0f8e3b7d2a14";
export const EXAMPLE_VARIANT_ID = "3c9a1e7b-5d2f-4b8a-9e6c-7a1d0f4b2e93";
export const EXAMPLE_ORDER_ID = "9e2d4c1a-7b3f-4a8e-b6d5-1c0f2e3a4b5c";
export const EXAMPLE_USER_ID = "Yq3ZkP2mW5tR9vL8xN4cB7dF";
const exampleCreatedAt = new Date("2026-11-02T09:30:00.000Z");

const pageOfOrders = {
  cursor: encodeCursor({ createdAt: exampleCreatedAt, id: EXAMPLE_ORDER_ID }),
  limit: 20,
};

export const restRequestExamples: Record<keyof RestRouter["_def"]["record"], RequestExamples> = {
  ...checkoutSettingsExamples,
  ...promotionExamples,
  ...checkoutExamples,
  createOrder: {
    parameters: { "idempotency-key": "checkout-2f7c9a41-0b6e" },
    body: {
      items: [{ variantId: EXAMPLE_VARIANT_ID, quantity: 2 }],
      shippingAddress: {
        street: "12 Harbour Road",
        city: "Portland",
        state: "OR",
        zip: "97201",
        country: "US",
      },
    },
  },
  orderById: { parameters: { id: EXAMPLE_ORDER_ID } },
  cancelOrder: { parameters: { id: EXAMPLE_ORDER_ID } },
  userOrders: { parameters: { id: EXAMPLE_USER_ID, ...pageOfOrders } },
  listProducts: {
    parameters: {
      cursor: encodeSortCursor("newest", exampleCreatedAt.toISOString(), EXAMPLE_PRODUCT_ID),
      limit: 20,
      category: "kitchen",
      q: "mug",
    },
  },
  productById: { parameters: { id: EXAMPLE_PRODUCT_ID } },
  createProduct: {
    body: {
      name: "Enamel Camp Mug",
      price: 14.5,
      slug: "enamel-camp-mug",
      description: "A 350 ml enamel mug that survives the campfire.",
      currency: "USD",
      imageUrl: "/images/products/enamel-camp-mug.svg",
      stock: 40,
    },
  },
  updateVariants: {
    parameters: { id: EXAMPLE_PRODUCT_ID },
    body: { variants: [{ id: EXAMPLE_VARIANT_ID, price: 13.5, compareAtPrice: 16 }] },
  },
  variantBySku: { parameters: { sku: "ORGANIC-TEE-M-BLACK" } },
  adjustInventory: {
    parameters: { variantId: EXAMPLE_VARIANT_ID },
    body: { delta: 12, reason: "restock", note: "Delivery from the supplier" },
  },
};
