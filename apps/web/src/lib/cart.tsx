"use client";

import type { RouterOutputs } from "@stockroom/api/schemas";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { clearGuestCart, type GuestCartLine, readGuestCart, writeGuestCart } from "./guest-cart";
import { useTRPC, useTRPCClient } from "./trpc-client";

type Product = RouterOutputs["product"]["byId"];
export interface CartLine {
  productId: string;
  quantity: number;
  product: Product | undefined;
}

interface CartState {
  lines: CartLine[];
  count: number;
  subtotalCents: number;
  ready: boolean;
  add(productId: string, quantity: number): Promise<void>;
  setQuantity(productId: string, quantity: number): Promise<void>;
  clear(): Promise<void>;
}

const CartContext = createContext<CartState | null>(null);

export function useCart(): CartState {
  const cart = useContext(CartContext);
  if (!cart) throw new Error("useCart needs <CartProvider>");
  return cart;
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
      productId: item.productId,
      quantity: item.quantity,
      product: item.product,
    })),
    count: data?.itemCount ?? 0,
    subtotalCents: data?.subtotalCents ?? 0,
    ready: cart.isSuccess,
    add: async (productId, quantity) => void (await add.mutateAsync({ productId, quantity })),
    setQuantity: async (productId, quantity) => void (await set.mutateAsync({ productId, quantity })),
    clear: async () => void (await clear.mutateAsync()),
  };
}

function useGuestCart(): CartState {
  const trpc = useTRPC();
  const [lines, setLines] = useState<GuestCartLine[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setLines(readGuestCart());
    setLoaded(true);
  }, []);
  const update = useCallback((next: GuestCartLine[]) => {
    writeGuestCart(next);
    setLines(next.filter((line) => line.quantity > 0));
  }, []);
  const products = useQueries({
    queries: lines.map((line) => ({
      ...trpc.product.byId.queryOptions({ id: line.productId }),
      retry: false,
    })),
  });
  return useMemo(() => {
    const withProducts = lines.map((line, index) => ({ ...line, product: products[index]?.data }));
    return {
      lines: withProducts,
      count: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotalCents: withProducts.reduce(
        (sum, line) => sum + (line.product?.priceCents ?? 0) * line.quantity,
        0,
      ),
      ready: loaded && products.every((query) => !query.isPending),
      add: async (productId, quantity) => {
        const current = readGuestCart();
        const existing = current.find((line) => line.productId === productId);
        update(
          existing
            ? current.map((line) =>
                line.productId === productId
                  ? { ...line, quantity: Math.min(99, line.quantity + quantity) }
                  : line,
              )
            : [...current, { productId, quantity }],
        );
      },
      setQuantity: async (productId, quantity) =>
        update(readGuestCart().map((line) => (line.productId === productId ? { ...line, quantity } : line))),
      clear: async () => update([]),
    };
  }, [lines, products, loaded, update]);
}

/** After sign-in or sign-up: moves this browser's guest cart into the account's cart. */
export function useMergeGuestCart() {
  const client = useTRPCClient();
  return useCallback(async () => {
    const items = readGuestCart();
    if (items.length > 0) await client.cart.merge.mutate({ items });
    clearGuestCart();
  }, [client]);
}
