import { randomUUID } from "node:crypto";
import { createTestProduct } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// Issue 11: each REST route and its tRPC procedure parse with the same rules, so the same payload is
// accepted or refused alike, naming the same fields with the same messages. REST speaks major units
// (price 12.5) where tRPC speaks cents (priceCents 1250); the cases say both forms.

const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
const NUL = "\u0000";
const LONE_SURROGATE = "\uD800";

let t: TestApp;
let shopper: HttpClient;
let staff: HttpClient;
let productId: string;

beforeAll(async () => {
  t = await startTestApp({ limits: { requestsPerIp: 100_000, ordersPerUser: 10_000 } });
  shopper = (await signedInAs(t, "CUSTOMER")).client;
  staff = (await signedInAs(t, "STAFF")).client;
  await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
  const slug = `parity-${randomUUID()}`;
  productId = (
    await createTestProduct(t.db, { slug, name: "Parity Kettle", priceCents: 1000, stock: 1_000_000 })
  ).id;
});
afterAll(() => t.close());

/** What a surface answered: accepted, refused on fields (sorted "path: message"), or refused by a rule. */
type Outcome =
  | { accepted: true }
  | { accepted: false; status: number; fields: string[] }
  | { accepted: false; status: number; error: string };

interface RestAnswer {
  status: number;
  body: unknown;
}

function restOutcome({ status, body }: RestAnswer, fieldName: (path: string) => string): Outcome {
  if (status < 300) return { accepted: true };
  const { error, details } = body as { error: string; details?: unknown };
  if (Array.isArray(details)) return { accepted: false, status, fields: fieldsOf(details, fieldName) };
  return { accepted: false, status, error };
}

function trpcOutcome(
  result: Awaited<ReturnType<HttpClient["mutation"]>>,
  fieldName: (path: string) => string,
): Outcome {
  if (result.status < 300) return { accepted: true };
  const issues = result.error?.data.issues;
  if (issues) return { accepted: false, status: result.status, fields: fieldsOf(issues, fieldName) };
  return { accepted: false, status: result.status, error: result.error?.message ?? "" };
}

function fieldsOf(issues: { path: string; message: string }[], fieldName: (path: string) => string) {
  return [...new Set(issues.map((issue) => `${fieldName(issue.path)}: ${issue.message}`))].sort();
}

/** Only the field names, for the few rules that differ by unit (two decimals of a major unit, whole cents). */
function namesOnly(outcome: Outcome): Outcome {
  if (!("fields" in outcome)) return outcome;
  return { ...outcome, fields: [...new Set(outcome.fields.map((field) => field.split(":")[0] ?? ""))] };
}

interface Case<Input> {
  name: string;
  input: Input;
  /** The rule itself differs by unit: compare the refused field names, not the messages. */
  unitRule?: boolean;
}

function expectAlike(name: string, rest: Outcome, trpc: Outcome, unitRule = false) {
  const [left, right] = unitRule ? [namesOnly(rest), namesOnly(trpc)] : [rest, trpc];
  expect
    .soft(left, `${name}: REST answered ${JSON.stringify(rest)}, tRPC ${JSON.stringify(trpc)}`)
    .toEqual(right);
}

const same = (path: string) => path;

describe("POST /api/products and product.create", () => {
  // REST sends price in major units; tRPC gets the same amount in cents.
  type ProductCase = Case<Record<string, unknown> & { price?: unknown }>;
  const valid = (): ProductCase[] => {
    const id = randomUUID().slice(0, 8);
    return [
      { name: "name and price", input: { name: `Plain ${id}`, price: 12.5 } },
      {
        name: "every field",
        input: {
          name: `Full ${id}`,
          price: 99.99,
          slug: `full-${id}`,
          description: "Line one\nLine two",
          currency: "EUR",
          imageUrl: "/images/kettle.svg",
          stock: 3,
        },
      },
      {
        name: "an http(s) image URL",
        input: { name: `Remote ${id}`, price: 0, imageUrl: "https://x.test/a.png" },
      },
      { name: "no category (null)", input: { name: `Loose ${id}`, price: 1, categoryId: null } },
      { name: "the highest price", input: { name: `Dear ${id}`, price: 1_000_000 } },
    ];
  };
  const invalid: ProductCase[] = [
    { name: "a slug with spaces and capitals", input: { name: "Slug A", price: 1, slug: "Bad Slug!" } },
    { name: "a slug with a double hyphen", input: { name: "Slug B", price: 1, slug: "bad--slug" } },
    { name: "an empty slug", input: { name: "Slug C", price: 1, slug: "  " } },
    { name: "a slug of 121 characters", input: { name: "Slug D", price: 1, slug: "a".repeat(121) } },
    { name: "a javascript: image URL", input: { name: "Img A", price: 1, imageUrl: "javascript:alert(1)" } },
    { name: "a relative image URL", input: { name: "Img B", price: 1, imageUrl: "images/x.svg" } },
    {
      name: "an image URL of 2001 characters",
      input: { name: "Img C", price: 1, imageUrl: `/${"a".repeat(2000)}` },
    },
    { name: "NUL in the name", input: { name: `Kettle${NUL}`, price: 1 } },
    { name: "a control character in the name", input: { name: "Kettle\u0007", price: 1 } },
    { name: "a lone surrogate in the name", input: { name: `Kettle${LONE_SURROGATE}`, price: 1 } },
    { name: "an empty name", input: { name: "   ", price: 1 } },
    { name: "a name of 201 characters", input: { name: "n".repeat(201), price: 1 } },
    { name: "no name", input: { price: 1 } },
    {
      name: "a description of 5001 characters",
      input: { name: "Desc A", price: 1, description: "d".repeat(5001) },
    },
    { name: "NUL in the description", input: { name: "Desc B", price: 1, description: `a${NUL}b` } },
    { name: "a negative price", input: { name: "Price A", price: -1 } },
    { name: "a price over the limit", input: { name: "Price B", price: 1_000_000.01 } },
    { name: "an absurd price", input: { name: "Price C", price: 1e300 } },
    { name: "a price as text", input: { name: "Price D", price: "12" } },
    { name: "no price", input: { name: "Price E" } },
    { name: "a price finer than a cent", input: { name: "Price F", price: 1.005 }, unitRule: true },
    { name: "a lower-case currency", input: { name: "Cur A", price: 1, currency: "usd" } },
    { name: "a category id that is not one", input: { name: "Cat A", price: 1, categoryId: "kitchen" } },
    { name: "negative stock", input: { name: "Stock A", price: 1, stock: -1 } },
    { name: "fractional stock", input: { name: "Stock B", price: 1, stock: 1.5 } },
    { name: "stock over the limit", input: { name: "Stock C", price: 1, stock: 1_000_001 } },
  ];

  /** The same payload for tRPC: priceCents in place of price (unchanged when it is not a number). */
  function asTrpc({ price, ...rest }: ProductCase["input"]) {
    if (price === undefined) return rest;
    return { ...rest, priceCents: typeof price === "number" ? Math.round(price * 1e6) / 1e4 : price };
  }
  const restField = (path: string) => (path === "priceCents" ? "price" : path);

  async function answer(input: ProductCase["input"], trpcInput = asTrpc(input)) {
    const rest = await staff.request("POST", "/api/products", { json: input });
    const trpc = await staff.mutation("product.create", trpcInput);
    return { rest: restOutcome(rest, same), trpc: trpcOutcome(trpc, restField) };
  }

  it("accepts the same valid products on both surfaces", async () => {
    const restCases = valid();
    const trpcCases = valid();
    for (const [index, { name, input }] of restCases.entries()) {
      const { rest, trpc } = await answer(input, asTrpc(trpcCases[index]!.input));
      expectAlike(name, rest, trpc);
      expect(rest, name).toEqual({ accepted: true });
    }
  });

  it("refuses the same invalid products on both surfaces, naming the same fields (slug, imageUrl, NUL, lengths, price bounds)", async () => {
    for (const { name, input, unitRule } of invalid) {
      const { rest, trpc } = await answer(input);
      expectAlike(name, rest, trpc, unitRule);
      expect(rest.accepted, name).toBe(false);
    }
  });

  it("stores the same product from both surfaces: REST price 12.5 is 1250 cents", async () => {
    const id = randomUUID().slice(0, 8);
    const rest = await staff.request<{ id: string }>("POST", "/api/products", {
      json: { name: `Unit ${id}`, slug: `unit-rest-${id}`, price: 12.5 },
    });
    const trpc = await staff.mutation("product.create", {
      name: `Unit ${id}`,
      slug: `unit-trpc-${id}`,
      priceCents: 1250,
    });
    const stored = await t.db.product.findMany({
      where: { slug: { in: [`unit-rest-${id}`, `unit-trpc-${id}`] } },
      select: {
        priceCents: true,
        currency: true,
        description: true,
        lowStockThreshold: true,
        categoryId: true,
      },
    });
    expect(rest.status).toBe(201);
    expect(trpc.status).toBe(200);
    expect(stored).toHaveLength(2);
    expect(stored[0]).toEqual(stored[1]);
    expect(stored[0]).toEqual({
      priceCents: 1250,
      currency: "USD",
      description: "",
      lowStockThreshold: 5,
      categoryId: null,
    });
  });
});

describe("POST /api/orders and order.create", () => {
  const line = (quantity: unknown) => ({ productId, quantity });
  const cases = (): Case<Record<string, unknown>>[] => [
    { name: "a valid order", input: { items: [line(1)], shippingAddress: ADDRESS } },
    {
      name: "no country (defaults to US)",
      input: { items: [line(2)], shippingAddress: { ...ADDRESS, country: undefined } },
    },
    { name: "quantity 0", input: { items: [line(0)], shippingAddress: ADDRESS } },
    { name: "a negative quantity", input: { items: [line(-1)], shippingAddress: ADDRESS } },
    { name: "a fractional quantity", input: { items: [line(1.5)], shippingAddress: ADDRESS } },
    { name: "quantity 1000", input: { items: [line(1000)], shippingAddress: ADDRESS } },
    { name: "an unsafe integer quantity", input: { items: [line(2 ** 60)], shippingAddress: ADDRESS } },
    { name: "a quantity as text", input: { items: [line("2")], shippingAddress: ADDRESS } },
    { name: "no items", input: { items: [], shippingAddress: ADDRESS } },
    {
      name: "101 lines",
      input: { items: Array.from({ length: 101 }, () => line(1)), shippingAddress: ADDRESS },
    },
    {
      name: "a product id that is not one",
      input: { items: [{ productId: "kettle", quantity: 1 }], shippingAddress: ADDRESS },
    },
    { name: "no address", input: { items: [line(1)] } },
    {
      name: "an address with only the street",
      input: { items: [line(1)], shippingAddress: { street: "x" } },
    },
    {
      name: "an empty street",
      input: { items: [line(1)], shippingAddress: { ...ADDRESS, street: "  " } },
    },
    {
      name: "NUL in the city",
      input: { items: [line(1)], shippingAddress: { ...ADDRESS, city: `Bris${NUL}tol` } },
    },
    {
      name: "a three-letter country",
      input: { items: [line(1)], shippingAddress: { ...ADDRESS, country: "GBR" } },
    },
    {
      name: "a postal code of 21 characters",
      input: { items: [line(1)], shippingAddress: { ...ADDRESS, zip: "1".repeat(21) } },
    },
  ];

  it("accepts and refuses the same orders on both surfaces, naming the same fields", async () => {
    for (const { name, input } of cases()) {
      const rest = restOutcome(await shopper.request("POST", "/api/orders", { json: input }), same);
      const trpc = trpcOutcome(await shopper.mutation("order.create", input), same);
      expectAlike(name, rest, trpc);
    }
  });
});

describe("POST /api/inventory/:productId/adjustments and inventory.adjust", () => {
  const cases: Case<Record<string, unknown>>[] = [
    { name: "a delta", input: { delta: 2, reason: "restock" } },
    { name: "a level with a note", input: { set: 500, reason: "adjustment", note: "Recount" } },
    { name: "a return", input: { delta: 1, reason: "return" } },
    { name: "a delta of zero", input: { delta: 0, reason: "adjustment" } },
    { name: "both delta and set", input: { delta: 1, set: 2, reason: "adjustment" } },
    { name: "neither delta nor set", input: { reason: "adjustment" } },
    { name: "a delta over the limit", input: { delta: 1_000_000_001, reason: "restock" } },
    { name: "a delta under the limit", input: { delta: -1_000_000_001, reason: "adjustment" } },
    { name: "an unsafe integer delta", input: { delta: 2 ** 60, reason: "restock" } },
    { name: "a fractional delta", input: { delta: 1.5, reason: "restock" } },
    { name: "a delta as text", input: { delta: "1", reason: "restock" } },
    { name: "a negative level", input: { set: -1, reason: "adjustment" } },
    { name: "a level over the limit", input: { set: 1_000_000_001, reason: "adjustment" } },
    { name: "an unknown reason", input: { delta: 1, reason: "theft" } },
    { name: "no reason", input: { delta: 1 } },
    { name: "a note of 501 characters", input: { delta: 1, reason: "restock", note: "n".repeat(501) } },
    { name: "NUL in the note", input: { delta: 1, reason: "restock", note: `a${NUL}` } },
  ];

  it("accepts and refuses the same adjustments on both surfaces, naming the same fields", async () => {
    for (const { name, input } of cases) {
      const rest = restOutcome(
        await staff.request("POST", `/api/inventory/${productId}/adjustments`, { json: input }),
        same,
      );
      const trpc = trpcOutcome(await staff.mutation("inventory.adjust", { ...input, productId }), same);
      expectAlike(name, rest, trpc);
    }
  });
});

describe("GET /api/products and product.list", () => {
  // A query string carries text: REST gets "5" where tRPC gets 5.
  const cases: Case<Record<string, string | number>>[] = [
    { name: "no filter", input: {} },
    { name: "a category", input: { category: "kitchen" } },
    { name: "a search", input: { q: "kettle" } },
    { name: "a page size", input: { limit: 5 } },
    { name: "a category that is not a slug", input: { category: "Kitchen Things!" } },
    { name: "a category of 121 characters", input: { category: "k".repeat(121) } },
    { name: "NUL in the category", input: { category: `kitchen${NUL}` } },
    { name: "NUL in the search", input: { q: `kettle${NUL}` } },
    { name: "a control character in the search", input: { q: "kettle\u0001" } },
    { name: "a search of 201 characters", input: { q: "q".repeat(201) } },
    { name: "a page size of 0", input: { limit: 0 } },
    { name: "a page size of 101", input: { limit: 101 } },
    { name: "a fractional page size", input: { limit: 1.5 } },
    { name: "a forged cursor", input: { cursor: "not-a-cursor" } },
  ];

  it("accepts and refuses the same filters on both surfaces, naming the same fields", async () => {
    const anonymous = new HttpClient(t.url);
    for (const { name, input } of cases) {
      const query = new URLSearchParams(
        Object.fromEntries(Object.entries(input).map(([key, value]) => [key, String(value)])),
      );
      const rest = restOutcome(await anonymous.request("GET", `/api/products?${query}`), same);
      const trpc = trpcOutcome(await anonymous.query("product.list", input), same);
      expectAlike(name, rest, trpc);
    }
  });
});

describe("regressions: REST and tRPC rules that had drifted apart", () => {
  it("REST stored a product tRPC refuses: a slug that is not one, or an image URL that is neither a path nor http(s)", async () => {
    for (const [field, json] of [
      ["slug", { name: "Drift Slug", price: 5, slug: "Not A Slug!" }],
      ["imageUrl", { name: "Drift Image", price: 5, imageUrl: "javascript:alert(1)" }],
    ] as const) {
      const response = await staff.request("POST", "/api/products", { json });
      expect(response.status, field).toBe(400);
      expect(response.body, field).toMatchObject({
        error: "Invalid request",
        details: [{ path: field, message: expect.any(String) }],
      });
    }
    expect(await t.db.product.count({ where: { name: { startsWith: "Drift " } } })).toBe(0);
  });

  it("REST refused a product without a category (categoryId null) that tRPC accepts", async () => {
    const response = await staff.request("POST", "/api/products", {
      json: { name: `No Category ${randomUUID().slice(0, 8)}`, price: 5, categoryId: null },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ category: null });
  });

  it("tRPC inventory.adjust with both delta and set applied the delta; both surfaces now refuse it and change nothing", async () => {
    const before = await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId } } });
    const trpc = await staff.mutation("inventory.adjust", {
      productId,
      delta: 3,
      set: 7,
      reason: "adjustment",
    });
    expect(trpc.status).toBe(400);
    expect(trpc.error?.data.issues).toEqual([{ path: "delta", message: "Give either delta or set" }]);
    const after = await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId } } });
    expect(after.onHand).toBe(before.onHand);
  });

  it("REST GET /api/products accepted a category that is not a slug (tRPC refuses it)", async () => {
    const response = await new HttpClient(t.url).request("GET", "/api/products?category=Not%20A%20Slug!");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "Invalid request",
      details: [{ path: "category", message: "Use lowercase letters, digits and single hyphens" }],
    });
  });

  it("REST said 'Too big: expected array to have <=100 items' where tRPC says 'At most 100 lines'", async () => {
    const response = await shopper.request("POST", "/api/orders", {
      json: {
        items: Array.from({ length: 101 }, () => ({ productId, quantity: 1 })),
        shippingAddress: ADDRESS,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "Invalid request",
      details: [{ path: "items", message: "At most 100 lines" }],
    });
  });
});
