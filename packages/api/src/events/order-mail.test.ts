import { describe, expect, it } from "vitest";
import type { OrderEvent } from "./order-events.ts";
import {
  buildOrderMail,
  escapeHtml,
  formatOrderNumber,
  mailDedupeKey,
  type OrderForMail,
} from "./order-mail.ts";

const orderId = "0b7d5f0e-8a43-4a43-9b8e-2a4f3c1d9e01";

function order(overrides: Partial<OrderForMail> = {}): OrderForMail {
  return {
    id: orderId,
    number: 100042,
    status: "pending",
    subtotalCents: 5400,
    shippingCents: 499,
    totalCents: 5899,
    currency: "USD",
    shipStreet: "1 Main St",
    shipCity: "Springfield",
    shipState: "IL",
    shipZip: "62701",
    shipCountry: "US",
    trackingNumber: null,
    user: { email: "ada@example.test", name: "Ada" },
    items: [
      { productName: "Blue Mug", quantity: 2, lineTotalCents: 2400 },
      { productName: "Teapot", quantity: 1, lineTotalCents: 3000 },
    ],
    ...overrides,
  };
}

const created: OrderEvent = { name: "order.created", payload: { orderId } };
const cancelled: OrderEvent = { name: "order.cancelled", payload: { orderId, actorId: null } };
const shipped: OrderEvent = {
  name: "order.status_changed",
  payload: { orderId, from: "paid", to: "shipped", actorId: "staff-1" },
};

describe("buildOrderMail", () => {
  it("confirms a new order to its customer with number, items, totals, address and status", () => {
    const mail = buildOrderMail(created, order());
    expect(mail).toMatchObject({ to: "ada@example.test", orderId, dedupeKey: `order.created:${orderId}` });
    expect(mail.subject).toBe("Order #100042 confirmed");
    expect(mail.text).toBe(
      [
        "Hello Ada,",
        "",
        "Thank you for your order #100042. We will let you know when it ships.",
        "",
        "Order #100042",
        "Status: Pending",
        "",
        "  2 × Blue Mug  $24.00",
        "  1 × Teapot  $30.00",
        "",
        "Subtotal: $54.00",
        "Shipping: $4.99",
        "Total: $58.99",
        "",
        "Shipping to:",
        "1 Main St",
        "Springfield, IL 62701",
        "US",
        "",
        "Stockroom",
      ].join("\n"),
    );
    expect(mail.html).toContain("<h2>Order #100042</h2>");
    expect(mail.html).toContain("<strong>$58.99</strong>");
  });

  it("formats totals in the order's currency", () => {
    const mail = buildOrderMail(created, order({ currency: "EUR", totalCents: 123456 }));
    expect(mail.text).toContain("Total: €1,234.56");
  });

  it("announces a status change with the target status, and the tracking number when shipped", () => {
    const mail = buildOrderMail(shipped, order({ status: "delivered", trackingNumber: "1Z999" }));
    expect(mail.subject).toBe("Order #100042 has shipped");
    expect(mail.text).toContain("Your order #100042 is on its way. Tracking number: 1Z999.");
    // The message is about this change, even if the order has moved on by the time it is sent.
    expect(mail.text).toContain("Status: Shipped");
    expect(mail.dedupeKey).toBe(`order.status_changed:${orderId}:shipped`);
  });

  it("words payment and delivery", () => {
    const paid = buildOrderMail({ ...shipped, payload: { ...shipped.payload, to: "paid" } }, order());
    expect(paid.subject).toBe("Payment received for order #100042");
    const delivered = buildOrderMail(
      { ...shipped, payload: { ...shipped.payload, to: "delivered" } },
      order(),
    );
    expect(delivered.subject).toBe("Order #100042 was delivered");
  });

  it("tells the customer about a cancellation", () => {
    const mail = buildOrderMail(cancelled, order({ status: "cancelled" }));
    expect(mail.subject).toBe("Order #100042 cancelled");
    expect(mail.text).toContain("Your order #100042 has been cancelled.");
    expect(mail.text).toContain("Status: Cancelled");
  });

  it("escapes product names in the HTML part", () => {
    const mail = buildOrderMail(
      created,
      order({ items: [{ productName: `<script>alert("x")</script>`, quantity: 1, lineTotalCents: 5400 }] }),
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.text).toContain(`1 × <script>alert("x")</script>`);
  });
});

describe("mailDedupeKey", () => {
  it("gives a change to cancelled the same key as order.cancelled, so a cancellation mails once", () => {
    const toCancelled: OrderEvent = {
      name: "order.status_changed",
      payload: { orderId, from: "paid", to: "cancelled", actorId: null },
    };
    expect(mailDedupeKey(toCancelled)).toBe(mailDedupeKey(cancelled));
    expect(buildOrderMail(toCancelled, order()).subject).toBe("Order #100042 cancelled");
  });
});

describe("formatting helpers", () => {
  it("formats order numbers and escapes HTML", () => {
    expect(formatOrderNumber(100001)).toBe("#100001");
    expect(escapeHtml(`a & b <c> "d" 'e'`)).toBe("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
  });
});
