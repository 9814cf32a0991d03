import { encodeCursor } from "../services/cursor.ts";
import type { RequestExamples } from "./openapi-examples.ts";
import type { promotionRestRoutes } from "./promotion-routes.ts";

// The OpenAPI errors and request examples of the discount code routes (issue 15), merged into
// openapi.ts's and openapi-examples.ts's lists.

type Name = keyof typeof promotionRestRoutes;
type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, string>>;

// As openapi.ts: answered by every operation with a body, and by every signed-in one.
const staffRead: ErrorResponses = { 401: "Sign in to continue", 403: "Staff only" };
const staffWrite: ErrorResponses = {
  401: "Sign in to continue",
  403: "Staff only, or a cross-site request",
  413: "The request body is too large",
  415: "The request body is not JSON",
};
const BAD_TERMS =
  "Invalid request (`details` lists the fields): e.g. a code that is not 3-40 letters, digits, - or _; a percentage without a value or above 100; a fixed amount with too many decimals for its currency; a value on a free_shipping code; an end not after the start; a limit below 1; or a product or category that does not exist";

export const promotionErrors: Record<Name, ErrorResponses> = {
  createPromotion: { ...staffWrite, 400: BAD_TERMS, 409: "The code is already taken (`details.code`)" },
  promotionByCode: { ...staffRead, 404: "No such code" },
  listPromotions: { ...staffRead, 400: "Invalid request, e.g. a cursor that is not from a previous page" },
  updatePromotion: {
    ...staffWrite,
    400: `${BAD_TERMS}; the code is checked as it will be (a type changed without its value)`,
    404: "No such code",
    409: "A usage limit below the uses so far (`details.timesUsed`)",
  },
};

const EXAMPLE_CODE = "SUMMER-15";

export const promotionExamples: Record<Name, RequestExamples> = {
  createPromotion: {
    body: {
      code: EXAMPLE_CODE,
      description: "15% off kitchenware this summer",
      type: "percentage",
      value: 15,
      minimumSubtotal: 50,
      startsAt: "2026-06-01T00:00:00Z",
      endsAt: "2026-09-01T00:00:00Z",
      usageLimit: 500,
      perCustomerLimit: 1,
    },
  },
  promotionByCode: { parameters: { code: EXAMPLE_CODE } },
  listPromotions: {
    parameters: {
      cursor: encodeCursor({
        createdAt: new Date("2026-11-02T09:30:00.000Z"),
        id: "8a3e5c7d-1b2f-4d6a-9e8c-0f1a2b3c4d5e",
      }),
      limit: 20,
      active: "true",
      q: "summer",
    },
  },
  updatePromotion: { parameters: { code: EXAMPLE_CODE }, body: { active: false } },
};
