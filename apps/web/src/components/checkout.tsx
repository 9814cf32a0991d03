"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type RouterOutputs, type ShippingAddress, ShippingAddressSchema } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useCart } from "~/lib/cart";
import { attemptFor, type CheckoutAttempt, isDefiniteRefusal } from "~/lib/checkout-attempt";
import { itemsOf, lineKey } from "~/lib/guest-cart-lines";
import { cartCurrency, formatMoney } from "~/lib/money";
import { useTRPC } from "~/lib/trpc-client";
import { lineName } from "~/lib/variant-choice";
import { AddressFields, type AddressFieldValues, addressLine, EMPTY_ADDRESS } from "./address/address-fields";
import { AuthForm } from "./auth-form";
import { useToast } from "./toaster";
import { VariantLabel } from "./variant-label";

export type SavedAddress = RouterOutputs["auth"]["addresses"]["list"][number];

interface Shortage {
  productId: string;
  variantId?: string;
  productName: string;
  variantTitle?: string;
  available: number;
  requested: number;
}

const LOST_ANSWER =
  "The shop's answer did not arrive. Place the order again: if it already went through, it will not be placed twice.";

function fieldsOf(address: SavedAddress): AddressFieldValues {
  const { street, city, state, zip, country } = address;
  return { street, city, state, zip, country };
}

/** The saved address the form holds right now, or "new" once any field differs from each of them. */
function chosenAddress(saved: SavedAddress[], values: AddressFieldValues): string {
  const same = (a: string | undefined, b: string | undefined) =>
    (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
  const match = saved.find((address) =>
    (["street", "city", "state", "zip", "country"] as const).every((field) =>
      same(address[field], values[field]),
    ),
  );
  return match?.id ?? "new";
}

export function Checkout({
  signedIn,
  savedAddresses = [],
}: {
  signedIn: boolean;
  /** The shopper's address book, default first; its default fills the form. */
  savedAddresses?: SavedAddress[];
}) {
  const trpc = useTRPC();
  const cart = useCart();
  const router = useRouter();
  const notify = useToast();
  const [authMode, setAuthMode] = useState<"sign-up" | "sign-in">("sign-up");
  const [shortage, setShortage] = useState<Shortage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per order attempt: a double click, or a retry after a lost answer, never creates two.
  const attempt = useRef<CheckoutAttempt | null>(null);
  // Set synchronously on submit, so a second click before React re-renders is ignored too.
  const submitting = useRef(false);
  const placeOrder = useMutation(trpc.order.create.mutationOptions());
  const preferred = savedAddresses.find((address) => address.isDefault) ?? savedAddresses[0];
  // The API's own schema validates the form, so the browser refuses what the API would, with its words.
  const form = useForm<AddressFieldValues, unknown, ShippingAddress>({
    resolver: zodResolver(ShippingAddressSchema),
    defaultValues: preferred ? fieldsOf(preferred) : EMPTY_ADDRESS,
  });
  const values = form.watch();
  const shortageName = shortage ? lineName(shortage.productName, shortage.variantTitle) : "";
  const chosen = chosenAddress(savedAddresses, values);

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

  async function submit(shippingAddress: ShippingAddress) {
    if (submitting.current || placeOrder.isPending || placeOrder.isSuccess) return;
    submitting.current = true;
    setShortage(null);
    setFailure(null);
    const request = { items: itemsOf(cart.lines), shippingAddress };
    const lines = cart.lines.map((line) => ({ key: lineKey(line), quantity: line.quantity }));
    attempt.current = attemptFor(attempt.current, { items: lines, shippingAddress });
    try {
      const order = await placeOrder.mutateAsync({
        ...request,
        idempotencyKey: attempt.current.idempotencyKey,
      });
      await cart.clear();
      notify(`Order #${order.number} placed`);
      router.push(`/orders/${order.id}?placed=1`);
      // Left set: the order is placed, so this form sends nothing more.
    } catch (error) {
      submitting.current = false;
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
            onSubmit={form.handleSubmit(submit)}
          >
            <h2 className="text-lg font-medium">Shipping address</h2>
            {savedAddresses.length > 0 ? (
              <fieldset className="flex flex-col gap-2 text-sm">
                <legend className="mb-1 font-medium">Ship to</legend>
                {savedAddresses.map((address) => (
                  <label key={address.id} className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="saved-address"
                      value={address.id}
                      checked={chosen === address.id}
                      onChange={() => form.reset(fieldsOf(address))}
                      className="mt-1"
                    />
                    <span>
                      {address.label ? <span className="font-medium">{address.label}: </span> : null}
                      {addressLine(address)}
                      {address.isDefault ? <span className="text-muted"> (default)</span> : null}
                    </span>
                  </label>
                ))}
                <label className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="saved-address"
                    value="new"
                    checked={chosen === "new"}
                    onChange={() => form.reset(EMPTY_ADDRESS)}
                    className="mt-1"
                  />
                  <span>Use a new address</span>
                </label>
                <p className="text-muted">
                  A new address is added to your{" "}
                  <Link href="/account/addresses" className="underline underline-offset-4">
                    address book
                  </Link>{" "}
                  when the order is placed.
                </p>
              </fieldset>
            ) : null}
            <AddressFields register={form.register} errors={form.formState.errors} idPrefix="ship" />
            {shortage ? (
              <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <p>
                  Only {shortage.available} of {shortageName} left (you asked for {shortage.requested}).
                </p>
                <button
                  type="button"
                  className="mt-2 underline underline-offset-4"
                  onClick={async () => {
                    await cart.setQuantity(
                      { productId: shortage.productId, variantId: shortage.variantId },
                      shortage.available,
                    );
                    setShortage(null);
                    notify(
                      shortage.available > 0
                        ? `Updated ${shortageName} to ${shortage.available}`
                        : `Removed ${shortageName}`,
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
              disabled={placeOrder.isPending || form.formState.isSubmitting}
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
            <li key={lineKey(line)} className="flex justify-between gap-2">
              <span>
                <span>
                  {line.quantity} × {line.product?.name ?? "Unavailable product"}
                </span>
                <VariantLabel variant={line.variant} className="text-xs text-stone-600" />
              </span>
              <span>
                {line.product && line.variant
                  ? formatMoney(line.variant.priceCents * line.quantity, line.product.currency)
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
