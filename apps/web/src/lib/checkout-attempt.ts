/**
 * Which idempotency key an order placement sends. A failure the browser cannot read (a lost response,
 * a dropped connection, a 5xx) may have placed the order, so the retry of the same cart to the same
 * address must send the same key and get that order back instead of a second one. A new key is made
 * only for a different order (the cart or the address changed) or after the API definitely refused
 * the attempt (a 4xx such as short stock or invalid input: nothing was placed).
 */

export interface CheckoutRequest {
  /** Each line by what it buys (its variant's id; an old guest line's product id) and how many. */
  items: readonly { key: string; quantity: number }[];
  shippingAddress: Readonly<Record<string, string | undefined>>;
}

export interface CheckoutAttempt {
  /** What makes two requests the same order: its lines and its address. */
  fingerprint: string;
  idempotencyKey: string;
}

/** The same lines (in any order) to the same address give the same fingerprint. */
export function checkoutFingerprint({ items, shippingAddress }: CheckoutRequest): string {
  const lines = items
    .map((line) => [line.key, line.quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const address = Object.keys(shippingAddress)
    .sort()
    .map((field) => [field, shippingAddress[field] ?? null]);
  return JSON.stringify([lines, address]);
}

/** The attempt for this request: the previous one if it is the same order, otherwise a new key. */
export function attemptFor(
  previous: CheckoutAttempt | null,
  request: CheckoutRequest,
  newKey: () => string = () => crypto.randomUUID(),
): CheckoutAttempt {
  const fingerprint = checkoutFingerprint(request);
  return previous?.fingerprint === fingerprint ? previous : { fingerprint, idempotencyKey: newKey() };
}

// 408 and 429 say "not now", not "not this order": the same attempt may be sent again as it is.
const NOT_A_REFUSAL = new Set([408, 429]);

/**
 * Whether the API answered and refused the attempt (a tRPC error carrying a 4xx status), so nothing
 * was placed. A network failure carries no status; a 5xx may have come after the order was committed.
 */
export function isDefiniteRefusal(error: unknown): boolean {
  const data = (error as { data?: { httpStatus?: unknown } } | null)?.data;
  const status = data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500 && !NOT_A_REFUSAL.has(status);
}
