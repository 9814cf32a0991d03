import type { checkoutRestRoutes } from "./checkout-routes.ts";
import type { RequestExamples } from "./openapi-examples.ts";

// The OpenAPI errors and request examples of the shopper's checkout routes (issue 15), merged into
// openapi.ts's and openapi-examples.ts's lists.

type Name = keyof typeof checkoutRestRoutes;

// openapi-examples.ts's EXAMPLE_VARIANT_ID (not imported: that module imports this one).
const EXAMPLE_VARIANT_ID = "3c9a1e7b-5d2f-4b8a-9e6c-7a1d0f4b2e93";
type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, string>>;

export const checkoutErrors: Record<Name, ErrorResponses> = {
  checkoutQuote: {
    400: "Invalid request (`details` lists the fields); `No shipping method for this address`; a shippingMethodId not offered for this address and cart (`details.shippingMethodId`); `Promotion not applicable` (`details`: code, reason: not_found, expired, not_started, usage_limit, per_customer_limit, minimum_not_met, not_eligible); items in several currencies; a productId of a product with several variants (`Choose a variant`, `details`: productId, variants [{id, title}]); or an order total too large",
    403: "Cross-site request refused: a mutation must come from a trusted Origin",
    404: "A product or variant does not exist or is not for sale (`details.productId` or `details.variantId`)",
    413: "The request body is too large",
    415: "The request body is not JSON",
  },
};

export const checkoutExamples: Record<Name, RequestExamples> = {
  checkoutQuote: {
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
};
