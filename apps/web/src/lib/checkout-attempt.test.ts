import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import {
  attemptFor,
  type CheckoutRequest,
  checkoutFingerprint,
  isDefiniteRefusal,
} from "./checkout-attempt.ts";

const address = { street: "12 Harbour Lane", city: "Portland", state: "ME", zip: "04101", country: "US" };
const request: CheckoutRequest = {
  items: [
    { key: "b", quantity: 2 },
    { key: "a", quantity: 1 },
  ],
  shippingAddress: address,
};

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe("checkout attempt: which idempotency key an order placement sends", () => {
  it("a retry of the same cart to the same address keeps its key (a lost response places no second order)", () => {
    const newKey = keys();
    const first = attemptFor(null, request, newKey);
    const retry = attemptFor(first, { ...request, shippingAddress: { ...address } }, newKey);
    expect(first.idempotencyKey).toBe("key-1");
    expect(retry.idempotencyKey).toBe("key-1");
    // The same lines listed in another order are the same order.
    const reordered = attemptFor(first, { ...request, items: [...request.items].reverse() }, newKey);
    expect(reordered.idempotencyKey).toBe("key-1");
  });

  it("changing the cart after a failure makes a new key", () => {
    const newKey = keys();
    const first = attemptFor(null, request, newKey);
    const fewer = attemptFor(first, { ...request, items: [{ key: "b", quantity: 1 }] }, newKey);
    expect(fewer.idempotencyKey).toBe("key-2");
    const more = attemptFor(
      fewer,
      {
        ...request,
        items: [
          { key: "b", quantity: 1 },
          { key: "c", quantity: 1 },
        ],
      },
      newKey,
    );
    expect(more.idempotencyKey).toBe("key-3");
  });

  it("changing the address after a failure makes a new key", () => {
    const newKey = keys();
    const first = attemptFor(null, request, newKey);
    const moved = attemptFor(first, { ...request, shippingAddress: { ...address, zip: "04102" } }, newKey);
    expect(moved.idempotencyKey).toBe("key-2");
    expect(checkoutFingerprint(request)).not.toBe(
      checkoutFingerprint({ ...request, shippingAddress: { ...address, country: undefined } }),
    );
  });

  it("only the API's 4xx answer is a definite refusal; a lost response, a timeout or a 5xx is not", () => {
    const answered = (httpStatus: number) =>
      TRPCClientError.from({ error: { message: "refused", code: -32600, data: { httpStatus } } });
    expect(isDefiniteRefusal(answered(400))).toBe(true); // short stock, invalid input
    expect(isDefiniteRefusal(answered(404))).toBe(true);
    expect(isDefiniteRefusal(answered(409))).toBe(true);
    expect(isDefiniteRefusal(answered(429))).toBe(false);
    expect(isDefiniteRefusal(answered(408))).toBe(false);
    expect(isDefiniteRefusal(answered(500))).toBe(false);
    expect(isDefiniteRefusal(answered(502))).toBe(false);
    expect(isDefiniteRefusal(TRPCClientError.from(new TypeError("Failed to fetch")))).toBe(false);
    expect(isDefiniteRefusal(new DOMException("The operation timed out.", "TimeoutError"))).toBe(false);
    expect(isDefiniteRefusal(null)).toBe(false);
  });
});
