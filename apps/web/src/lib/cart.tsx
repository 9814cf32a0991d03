"use client";

import type { RouterOutputs } from "@stockroom/api/schemas";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { MAX_LINE_QUANTITY } from "./cart-limits";
import { clearGuestCart, writeGuestCart } from "./guest-cart";
import {
  addGuestLine,
  type GuestVariantLine,
  itemsOf,
  type LineRef,
  readGuestLines,
  setGuestLine,
  upgradeLegacyLines,
} from "./guest-cart-lines";
import { useTRPC, useTRPCClient } from "./trpc-client";

export type { LineRef } from "./guest-cart-lines";

type Product = RouterOutputs["product"]["byId"];
type Variant = Product["variants"][number];
export interface CartLine {
  /** Absent only on a guest line saved before products had variants, for a product with several. */
  variantId: string | undefined;
  productId: string;
  quantity: number;
  product: Product | undefined;
  variant: Variant | undefined;
}

interface CartState {
  lines: CartLine[];
  count: number;
  subtotalCents: number;
  ready: boolean;
  add(ref: LineRef, quantity: number): Promise<void>;
  setQuantity(ref: LineRef, quantity: number): Promise<void>;
  clear(): Promise<void>;
}

const CartContext = createContext<CartState | null>(null);

export function useCart(): CartState {
  const cart = useContext(CartContext);
  if (!cart) throw new Error("useCart needs <CartProvider>");
  return cart;
}

/** A variant ref as the API takes it: the variant when known, else the product. */
const refOf = (ref: LineRef) => (ref.variantId ? { variantId: ref.variantId } : { productId: ref.productId });

/** The variant a line is of: its own, or an old line's product's only variant on sale. */
function variantOfLine(line: LineRef, product: Product | undefined): Variant | undefined {
  if (!product) return undefined;
  if (line.variantId) return product.variants.find((variant) => variant.id === line.variantId);
  const active = product.variants.filter((variant) => variant.active);
  return active.length === 1 ? active[0] : undefined;
}

/** Signed-in shoppers keep their cart on the server (it follows them); guests keep it in this browser. */
export function CartProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  // Two components, so React remounts (rather than mixing hooks) when the shopper signs in or out.
  return signedIn ? (
    <ServerCartProvider>{children}</ServerCartProvider>
  ) : (
    <GuestCartProvider>{children}</GuestCartProvider>
  );
}

function ServerCartProvider({ children }: { children: ReactNode }) {
  return <CartContext.Provider value={useServerCart()}>{children}</CartContext.Provider>;
}

function GuestCartProvider({ children }: { children: ReactNode }) {
  return <CartContext.Provider value={useGuestCart()}>{children}</CartContext.Provider>;
}

function useServerCart(): CartState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
  const add = useMutation(trpc.cart.add.mutationOptions({ onSuccess: invalidate }));
  const set = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess: invalidate }));
  const clear = useMutation(trpc.cart.clear.mutationOptions({ onSuccess: invalidate }));
  const data = cart.data;
  return {
    lines: (data?.items ?? []).map((item) => ({
      variantId: item.variantId,
      productId: item.productId,
      quantity: item.quantity,
      product: item.product,
      variant: item.variant,
    })),
    count: data?.itemCount ?? 0,
    subtotalCents: data?.subtotalCents ?? 0,
    ready: cart.isSuccess,
    add: async (ref, quantity) => void (await add.mutateAsync({ ...refOf(ref), quantity })),
    setQuantity: async (ref, quantity) => void (await set.mutateAsync({ ...refOf(ref), quantity })),
    clear: async () => void (await clear.mutateAsync()),
  };
}

function useGuestCart(): CartState {
  const trpc = useTRPC();
  const [lines, setLines] = useState<GuestVariantLine[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setLines(readGuestLines());
    setLoaded(true);
  }, []);
  const update = useCallback((next: GuestVariantLine[]) => {
    writeGuestCart(next);
    setLines(next.filter((line) => line.quantity > 0));
  }, []);
  const productIds = [...new Set(lines.map((line) => line.productId))];
  const products = useQueries({
    queries: productIds.map((id) => ({ ...trpc.product.byId.queryOptions({ id }), retry: false })),
  });
  const productOf = (id: string) => products[productIds.indexOf(id)]?.data;
  const ready = loaded && products.every((query) => !query.isPending);
  const withProducts = lines.map((line) => {
    const product = productOf(line.productId);
    return { ...line, variantId: line.variantId, product, variant: variantOfLine(line, product) };
  });
  // An old line (product only) whose product is now sold as one variant becomes that variant's line.
  const upgraded = ready
    ? upgradeLegacyLines(
        lines,
        (id) => variantOfLine({ productId: id }, productOf(id))?.id,
        MAX_LINE_QUANTITY,
      )
    : lines;
  const upgrade = JSON.stringify(upgraded) === JSON.stringify(lines) ? null : upgraded;
  useEffect(() => {
    if (upgrade) update(upgrade);
  }, [upgrade, update]);
  return {
    lines: withProducts,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents: withProducts.reduce(
      (sum, line) => sum + (line.variant?.priceCents ?? 0) * line.quantity,
      0,
    ),
    ready,
    add: async (ref, quantity) => update(addGuestLine(readGuestLines(), ref, quantity, MAX_LINE_QUANTITY)),
    setQuantity: async (ref, quantity) => update(setGuestLine(readGuestLines(), ref, quantity)),
    clear: async () => update([]),
  };
}

/** After sign-in or sign-up: moves this browser's guest cart into the account's cart. */
export function useMergeGuestCart() {
  const client = useTRPCClient();
  return useCallback(async () => {
    const items = itemsOf(readGuestLines());
    if (items.length > 0) await client.cart.merge.mutate({ items });
    clearGuestCart();
  }, [client]);
}
