import type { Prisma } from "@stockroom/db";
import { centsFromDb, formatMoney } from "../domain/money.ts";
import type { OutgoingMail } from "./mailer.ts";
import type { OrderEvent } from "./order-events.ts";

/** What an order e-mail shows, read when the job runs. */
export const orderForMailSelect = {
  id: true,
  number: true,
  status: true,
  subtotalCents: true,
  shippingCents: true,
  totalCents: true,
  currency: true,
  shipStreet: true,
  shipCity: true,
  shipState: true,
  shipZip: true,
  shipCountry: true,
  trackingNumber: true,
  user: { select: { email: true, name: true } },
  items: {
    select: { productName: true, quantity: true, lineTotalCents: true },
    orderBy: [{ productName: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.OrderSelect;

type SelectedOrderForMail = Prisma.OrderGetPayload<{ select: typeof orderForMailSelect }>;
/** Money columns are bigint in the database; a number is accepted too (tests, callers that built it). */
type Cents = bigint | number;
export type OrderForMail = Omit<
  SelectedOrderForMail,
  "subtotalCents" | "shippingCents" | "totalCents" | "items"
> & {
  subtotalCents: Cents;
  shippingCents: Cents;
  totalCents: Cents;
  items: (Omit<SelectedOrderForMail["items"][number], "lineTotalCents"> & { lineTotalCents: Cents })[];
};

export function formatOrderNumber(number: number): string {
  return `#${number}`;
}

export function formatStatus(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/**
 * The key that makes each message unique. A change to "cancelled" shares the key of order.cancelled,
 * so a cancellation produces one e-mail whether the core emits one of those events or both.
 */
export function mailDedupeKey(event: OrderEvent): string {
  const { orderId } = event.payload;
  if (event.name === "order.status_changed") {
    const to = event.payload.to;
    return to === "cancelled" ? `order.cancelled:${orderId}` : `${event.name}:${orderId}:${to}`;
  }
  return `${event.name}:${orderId}`;
}

interface MailWording {
  subject: string;
  intro: string;
  /** The status the message announces: the event's target, not whatever the order has moved on to. */
  status: string;
}

function wordingFor(event: OrderEvent, order: OrderForMail): MailWording {
  const number = formatOrderNumber(order.number);
  const to = event.name === "order.status_changed" ? event.payload.to : null;
  if (event.name === "order.cancelled" || to === "cancelled") {
    return {
      subject: `Order ${number} cancelled`,
      intro: `Your order ${number} has been cancelled.`,
      status: "cancelled",
    };
  }
  if (event.name === "order.created") {
    return {
      subject: `Order ${number} confirmed`,
      intro: `Thank you for your order ${number}. We will let you know when it ships.`,
      status: order.status,
    };
  }
  switch (to) {
    case "paid":
      return {
        subject: `Payment received for order ${number}`,
        intro: `We have received your payment for order ${number}.`,
        status: "paid",
      };
    case "shipped": {
      const tracking = order.trackingNumber ? ` Tracking number: ${order.trackingNumber}.` : "";
      return {
        subject: `Order ${number} has shipped`,
        intro: `Your order ${number} is on its way.${tracking}`,
        status: "shipped",
      };
    }
    case "delivered":
      return {
        subject: `Order ${number} was delivered`,
        intro: `Your order ${number} has been delivered.`,
        status: "delivered",
      };
    default:
      return {
        subject: `Order ${number} is now ${formatStatus(String(to)).toLowerCase()}`,
        intro: `The status of your order ${number} is now ${formatStatus(String(to))}.`,
        status: String(to),
      };
  }
}

function summaryLines(order: OrderForMail, status: string) {
  const money = (cents: Cents) => formatMoney(centsFromDb(cents), order.currency);
  return {
    items: order.items.map((item) => ({
      label: `${item.quantity} × ${item.productName}`,
      amount: money(item.lineTotalCents),
    })),
    totals: [
      { label: "Subtotal", amount: money(order.subtotalCents) },
      { label: "Shipping", amount: money(order.shippingCents) },
      { label: "Total", amount: money(order.totalCents) },
    ],
    address: [order.shipStreet, `${order.shipCity}, ${order.shipState} ${order.shipZip}`, order.shipCountry],
    status: formatStatus(status),
  };
}

/** Subject, plain text and HTML for one order event, addressed to the order's customer. */
export function buildOrderMail(event: OrderEvent, order: OrderForMail): OutgoingMail {
  const wording = wordingFor(event, order);
  const summary = summaryLines(order, wording.status);
  const number = formatOrderNumber(order.number);
  const greeting = `Hello ${order.user.name},`;

  const text = [
    greeting,
    "",
    wording.intro,
    "",
    `Order ${number}`,
    `Status: ${summary.status}`,
    "",
    ...summary.items.map((line) => `  ${line.label}  ${line.amount}`),
    "",
    ...summary.totals.map((line) => `${line.label}: ${line.amount}`),
    "",
    "Shipping to:",
    ...summary.address,
    "",
    "Stockroom",
  ].join("\n");

  const row = (label: string, amount: string, bold = false) => {
    const cell = (value: string) => (bold ? `<strong>${escapeHtml(value)}</strong>` : escapeHtml(value));
    return `<tr><td>${cell(label)}</td><td style="text-align:right">${cell(amount)}</td></tr>`;
  };
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(wording.intro)}</p>`,
    `<h2>Order ${escapeHtml(number)}</h2>`,
    `<p>Status: <strong>${escapeHtml(summary.status)}</strong></p>`,
    "<table>",
    ...summary.items.map((line) => row(line.label, line.amount)),
    ...summary.totals.map((line) => row(line.label, line.amount, line.label === "Total")),
    "</table>",
    `<p>Shipping to:<br>${summary.address.map(escapeHtml).join("<br>")}</p>`,
    "<p>Stockroom</p>",
  ].join("\n");

  return {
    dedupeKey: mailDedupeKey(event),
    to: order.user.email,
    subject: wording.subject,
    text,
    html,
    orderId: order.id,
  };
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
