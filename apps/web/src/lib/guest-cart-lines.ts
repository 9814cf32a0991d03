import { type GuestCartLine, readGuestCart } from "./guest-cart";

/**
 * A guest cart line names its variant. Lines saved before products had variants name only the
 * product: they are kept and sent as a product (the API takes that for a product with one variant).
 */
export interface GuestVariantLine extends GuestCartLine {
  variantId?: string;
}

/** What names a line: its variant, or (for an old line) its product. */
export interface LineRef {
  variantId?: string | undefined;
  productId: string;
}

export function sameLine(a: LineRef, b: LineRef): boolean {
  return a.variantId !== undefined || b.variantId !== undefined
    ? a.variantId === b.variantId
    : a.productId === b.productId;
}

export function lineKey(line: LineRef): string {
  return line.variantId ?? `product:${line.productId}`;
}

export function readGuestLines(): GuestVariantLine[] {
  return readGuestCart().map((line) => {
    const variantId = (line as GuestVariantLine).variantId;
    return typeof variantId === "string"
      ? { productId: line.productId, variantId, quantity: line.quantity }
      : { productId: line.productId, quantity: line.quantity };
  });
}

/** Adds to the line of the same variant (up to `max`), or appends one. */
export function addGuestLine(
  lines: readonly GuestVariantLine[],
  ref: LineRef,
  quantity: number,
  max: number,
): GuestVariantLine[] {
  if (!lines.some((line) => sameLine(line, ref)))
    return [
      ...lines,
      { productId: ref.productId, ...(ref.variantId ? { variantId: ref.variantId } : {}), quantity },
    ];
  return lines.map((line) =>
    sameLine(line, ref) ? { ...line, quantity: Math.min(max, line.quantity + quantity) } : line,
  );
}

export function setGuestLine(
  lines: readonly GuestVariantLine[],
  ref: LineRef,
  quantity: number,
): GuestVariantLine[] {
  return lines.map((line) => (sameLine(line, ref) ? { ...line, quantity } : line));
}

/** The guest cart as cart.merge (and order.create) take it. */
export function itemsOf(
  lines: readonly { variantId?: string | undefined; productId: string; quantity: number }[],
): ({ variantId: string; quantity: number } | { productId: string; quantity: number })[] {
  return lines.map((line) =>
    line.variantId
      ? { variantId: line.variantId, quantity: line.quantity }
      : { productId: line.productId, quantity: line.quantity },
  );
}

/**
 * Old lines whose product now has exactly one variant on sale become lines of that variant (added
 * to a line of it already there), so adding it again from its page does not make a second line.
 */
export function upgradeLegacyLines(
  lines: readonly GuestVariantLine[],
  onlyVariantOf: (productId: string) => string | undefined,
  max: number,
): GuestVariantLine[] {
  let upgraded: GuestVariantLine[] = [];
  for (const line of lines) {
    const variantId = line.variantId ?? onlyVariantOf(line.productId);
    upgraded = variantId
      ? addGuestLine(upgraded, { productId: line.productId, variantId }, line.quantity, max)
      : [...upgraded, line];
  }
  return upgraded;
}
