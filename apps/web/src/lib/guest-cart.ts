/** A guest's cart, kept in this browser until they sign in (then merged into their account). */
export interface GuestCartLine {
  productId: string;
  quantity: number;
}

const KEY = "stockroom.cart";

export function readGuestCart(): GuestCartLine[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (line): line is GuestCartLine =>
        typeof line?.productId === "string" && Number.isInteger(line?.quantity) && line.quantity > 0,
    );
  } catch {
    return [];
  }
}

export function writeGuestCart(lines: GuestCartLine[]): void {
  localStorage.setItem(KEY, JSON.stringify(lines.filter((line) => line.quantity > 0)));
}

export function clearGuestCart(): void {
  localStorage.removeItem(KEY);
}
