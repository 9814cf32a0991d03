"use client";

import { ShippingAddressSchema } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useCart } from "~/lib/cart";
import { attemptFor, type CheckoutAttempt, isDefiniteRefusal } from "~/lib/checkout-attempt";
import { cartCurrency, formatMoney } from "~/lib/money";
import { useTRPC } from "~/lib/trpc-client";
import { AuthForm, Field } from "./auth-form";
import { useToast } from "./toaster";

interface Shortage {
  productId: string;
  productName: string;
  available: number;
  requested: number;
}

const LOST_ANSWER =
  "The shop's answer did not arrive. Place the order again: if it already went through, it will not be placed twice.";

export function Checkout({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const cart = useCart();
  const router = useRouter();
  const notify = useToast();
  const [authMode, setAuthMode] = useState<"sign-up" | "sign-in">("sign-up");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [shortage, setShortage] = useState<Shortage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per order attempt: a double click, or a retry after a lost answer, never creates two.
  const attempt = useRef<CheckoutAttempt | null>(null);
  const placeOrder = useMutation(trpc.order.create.mutationOptions());

  if (!cart.ready) return <p role="status">Loading your cart…</p>;
  if (cart.lines.length === 0 && !placeOrder.isSuccess) {
    return (
      <section className="text-center">
        <h1 className="text-2xl font-semibold">Your cart is empty</h1>
        <Link href="/search" className="mt-4 inline-block underline underline-offset-4">
          Browse products
        </Link>
      </section>
    );
  }

  async function submit(form: FormData) {
    if (placeOrder.isPending || placeOrder.isSuccess) return;
    const parsed = ShippingAddressSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      setFieldErrors(
        Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
      );
      return;
    }
    setFieldErrors({});
    setShortage(null);
    setFailure(null);
    const request = {
      items: cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      shippingAddress: parsed.data,
    };
    attempt.current = attemptFor(attempt.current, request);
    try {
      const order = await placeOrder.mutateAsync({
        ...request,
        idempotencyKey: attempt.current.idempotencyKey,
      });
      await cart.clear();
      notify(`Order #${order.number} placed`);
      router.push(`/orders/${order.id}?placed=1`);
    } catch (error) {
      const details =
        error instanceof TRPCClientError ? (error.data?.details as Partial<Shortage> | undefined) : undefined;
      if (details?.productId && details.available !== undefined) setShortage(details as Shortage);
      else if (error instanceof TRPCClientError && error.data) setFailure(error.message);
      else setFailure(LOST_ANSWER);
      // The API refused it, so nothing was placed: the next attempt is a new one even for the same cart.
      // Any other failure may have placed the order, so the same cart and address keep its key.
      if (isDefiniteRefusal(error)) attempt.current = null;
    }
  }

  return (
    <div className="grid gap-8 md:grid-cols-[1fr_20rem]">
      <section aria-labelledby="checkout-heading" className="flex flex-col gap-6">
        <h1 id="checkout-heading" className="text-2xl font-semibold">
          Checkout
        </h1>
        {signedIn ? (
          <form
            noValidate
            aria-label="Shipping address"
            className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4"
            onSubmit={(event) => {
              event.preventDefault();
              void submit(new FormData(event.currentTarget));
            }}
          >
            <h2 className="text-lg font-medium">Shipping address</h2>
            <Field
              id="street"
              name="street"
              label="Street"
              autoComplete="street-address"
              error={fieldErrors.street}
            />
            <div className="grid grid-cols-2 gap-3">
              <Field
                id="city"
                name="city"
                label="City"
                autoComplete="address-level2"
                error={fieldErrors.city}
              />
              <Field
                id="state"
                name="state"
                label="State or region"
                autoComplete="address-level1"
                error={fieldErrors.state}
              />
              <Field
                id="zip"
                name="zip"
                label="Postal code"
                autoComplete="postal-code"
                error={fieldErrors.zip}
              />
              <Field
                id="country"
                name="country"
                label="Country code"
                autoComplete="country"
                defaultValue="US"
                error={fieldErrors.country}
              />
            </div>
            {shortage ? (
              <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <p>
                  Only {shortage.available} of {shortage.productName} left (you asked for {shortage.requested}
                  ).
                </p>
                <button
                  type="button"
                  className="mt-2 underline underline-offset-4"
                  onClick={async () => {
                    await cart.setQuantity(shortage.productId, shortage.available);
                    setShortage(null);
                    notify(
                      shortage.available > 0
                        ? `Updated ${shortage.productName} to ${shortage.available}`
                        : `Removed ${shortage.productName}`,
                      "info",
                    );
                  }}
                >
                  {shortage.available > 0
                    ? `Update quantity to ${shortage.available}`
                    : "Remove it from my cart"}
                </button>
              </div>
            ) : null}
            {failure ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {failure}
              </p>
            ) : null}
            <button
              type="submit"
              disabled={placeOrder.isPending}
              className="rounded-md bg-emerald-800 px-5 py-3 font-medium text-white disabled:opacity-60"
            >
              {placeOrder.isPending ? "Placing order…" : "Place order"}
            </button>
          </form>
        ) : (
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="mb-4 text-lg font-medium">
              {authMode === "sign-up" ? "Create an account to check out" : "Sign in to check out"}
            </h2>
            <AuthForm key={authMode} mode={authMode} />
            <button
              type="button"
              className="mt-4 text-sm underline underline-offset-4"
              onClick={() => setAuthMode(authMode === "sign-up" ? "sign-in" : "sign-up")}
            >
              {authMode === "sign-up" ? "I already have an account" : "I need an account"}
            </button>
          </div>
        )}
      </section>
      <aside
        aria-labelledby="summary-heading"
        className="self-start rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="summary-heading" className="mb-3 text-lg font-medium">
          Order summary
        </h2>
        <ul className="flex flex-col gap-2 text-sm">
          {cart.lines.map((line) => (
            <li key={line.productId} className="flex justify-between gap-2">
              <span>
                {line.quantity} × {line.product?.name ?? "Unavailable product"}
              </span>
              <span>
                {line.product
                  ? formatMoney(line.product.priceCents * line.quantity, line.product.currency)
                  : "—"}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 font-medium">
          <span>Total</span>
          <span>{formatMoney(cart.subtotalCents, cartCurrency(cart.lines))}</span>
        </p>
      </aside>
    </div>
  );
}
