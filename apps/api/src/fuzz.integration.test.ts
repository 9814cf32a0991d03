import { appRouter, createOpenApiDocument, restRouter } from "@stockroom/api";
import { PRODUCT_CSV_COLUMNS, priceCellOf } from "@stockroom/api/schemas";
import { createTestUser } from "@stockroom/api/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  captureServerErrors,
  type FuzzCaller,
  type FuzzFailure,
  FuzzHarness,
  formatFailure,
  type ServerErrorLog,
} from "./testing/fuzz-harness.ts";
import {
  type FuzzTarget,
  type OpenApiDocument,
  restTargets,
  trpcTargets,
  WithSuperjsonMeta,
} from "./testing/fuzz-targets.ts";
import {
  CONTROL_STRINGS,
  hostileValue,
  INJECTION_STRINGS,
  NUMERIC_STRINGS,
  UNICODE_STRINGS,
} from "./testing/hostile-values.ts";
import type { HttpClient } from "./testing/http-client.ts";
import { fuzzInput } from "./testing/input-mutations.ts";
import { type JsonSchema, type ValuePath, validValue } from "./testing/schema-arbitrary.ts";
import { tableSnapshotter } from "./testing/table-snapshot.ts";
import { signedInAs, startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

// Property-based fuzzing of the whole API surface over real HTTP: every tRPC procedure and every REST
// operation, as anonymous, customer and staff (admin for the admin-only procedures), with inputs
// generated from their own schemas and mutations of valid ones. FUZZ_SEED replays a run (default: a
// fixed seed, so CI judges every change on the same inputs; FUZZ_SEED=random explores new ones),
// FUZZ_ONLY (a substring of target names) narrows it, FUZZ_RUNS raises the runs per target and role.

const fuzzEnv = z
  .object({
    FUZZ_SEED: z.union([z.literal("random"), z.coerce.number().int()]).optional(),
    FUZZ_ONLY: z.string().optional(),
    FUZZ_RUNS: z.coerce.number().int().min(1).optional(),
  })
  .parse(process.env);
const DEFAULT_SEED = 20_261_201;
const RUN_SEED =
  fuzzEnv.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : (fuzzEnv.FUZZ_SEED ?? DEFAULT_SEED);
const RUNS_PER_ROLE = fuzzEnv.FUZZ_RUNS ?? 20;
/** A role the procedure refuses outright still gets a few hostile inputs (the wall must hold for them). */
const REFUSED_RUNS = Math.ceil(RUNS_PER_ROLE / 5);
const ADDRESS = { street: "1 Fuzz Street", city: "Portland", state: "OR", zip: "97201", country: "US" };

// Collected before the server answers anything: building the targets reads the zod schemas, which
// must be what the code declares, not what a request may have done to them.
const collected = {
  trpc: trpcTargets(),
  rest: restTargets(createOpenApiDocument("/api") as unknown as OpenApiDocument),
};
const targetNames = [...collected.trpc, ...collected.rest]
  .map((target) => target.name)
  .filter((name) => !fuzzEnv.FUZZ_ONLY || name.includes(fuzzEnv.FUZZ_ONLY));

let t: TestApp;
let harness: FuzzHarness;
let serverErrors: ServerErrorLog;
const targets = new Map<string, FuzzTarget>();
const callers: Record<"anonymous" | "customer" | "staff" | "admin", FuzzCaller & { id?: string }> = {
  anonymous: { role: "anonymous" },
  customer: { role: "customer" },
  staff: { role: "staff" },
  admin: { role: "admin" },
};
const known = {
  productIds: [] as string[],
  productSlugs: [] as string[],
  variantIds: [] as string[],
  skus: [] as string[],
  categoryIds: [] as string[],
  categorySlugs: [] as string[],
  orderIds: [] as string[],
  /** Accounts the admin may change (never the fuzzing accounts themselves). */
  spareUserIds: [] as string[],
};
const allFailures: FuzzFailure[] = [];

async function signedIn(role: "CUSTOMER" | "STAFF" | "ADMIN") {
  const { user, client } = await signedInAs(t, role);
  return { id: user.id, client };
}

async function seedShop(staff: HttpClient, customer: HttpClient) {
  for (const slug of ["fuzz-kitchen", "fuzz-garden"]) {
    const category = await t.db.category.create({ data: { slug, name: `Category ${slug}` } });
    known.categoryIds.push(category.id);
    known.categorySlugs.push(slug);
  }
  for (let i = 0; i < 6; i += 1) {
    // Every other product is sold in two sizes, so lines naming only a product meet both answers.
    const sizes = i % 2 ? { options: [{ name: "Size", values: ["S", "M"] }] } : {};
    const created = await staff.request<{
      id: string;
      slug: string;
      variants: { id: string; sku: string }[];
    }>("POST", "/api/products", {
      json: {
        name: `Fuzz product ${i}`,
        categoryId: known.categoryIds[i % 2],
        ...(i % 2
          ? {
              ...sizes,
              variants: ["S", "M"].map((size) => ({
                options: { Size: size },
                price: 10 + i * 100.5,
                stock: 10_000,
              })),
            }
          : { price: 10 + i * 100.5, stock: 10_000 }),
      },
    });
    if (created.status !== 201) throw new Error(`seeding a product answered ${created.status}`);
    known.productIds.push(created.body.id);
    known.productSlugs.push(created.body.slug);
    for (const variant of created.body.variants) {
      known.variantIds.push(variant.id);
      known.skus.push(variant.sku);
    }
  }
  for (let i = 0; i < 3; i += 1) {
    const order = await customer.mutation("order.create", {
      items: [{ variantId: known.variantIds[i]!, quantity: i + 1 }],
      shippingAddress: ADDRESS,
    });
    if (order.status !== 200) throw new Error(`seeding an order answered ${order.status}`);
    known.orderIds.push((order.data as { id: string }).id);
  }
  await customer.mutation("cart.add", { variantId: known.variantIds[0]!, quantity: 2 });
}

beforeAll(async () => {
  console.log(`fuzz seed ${RUN_SEED}: replay with FUZZ_SEED=${RUN_SEED}`);
  t = await startTestApp({
    // Limits high, so a 429 never hides a 500; everything else as in production.
    limits: { requestsPerIp: 10_000_000, ordersPerUser: 10_000_000, signUpsPerIp: 10_000 },
    beforeListen(app) {
      serverErrors = captureServerErrors(app);
    },
  });
  const customer = await signedIn("CUSTOMER");
  const staff = await signedIn("STAFF");
  const admin = await signedIn("ADMIN");
  callers.customer = { role: "customer", id: customer.id, cookie: customer.client.cookieHeader };
  callers.staff = { role: "staff", id: staff.id, cookie: staff.client.cookieHeader };
  callers.admin = { role: "admin", id: admin.id, cookie: admin.client.cookieHeader };
  for (const role of ["CUSTOMER", "CUSTOMER", "STAFF"] as const)
    known.spareUserIds.push((await createTestUser(t.db, { role })).id);
  await seedShop(staff.client, customer.client);

  const served = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as OpenApiDocument;
  for (const target of [...collected.trpc, ...restTargets(served)]) targets.set(target.name, target);
  harness = new FuzzHarness({
    baseUrl: t.url,
    origin: WEB_ORIGIN,
    snapshotter: await tableSnapshotter(t.db),
    serverErrors,
  });
}, 120_000);

afterAll(async () => {
  if (allFailures.length > 0) {
    const distinct = allFailures.map((failure) => formatFailure(failure, replayHint(failure.target)));
    console.log(`fuzz seed ${RUN_SEED}: ${allFailures.length} problem(s)\n\n${distinct.join("\n\n")}`);
  }
  await t?.close();
});

function replayHint(target: string) {
  return `FUZZ_SEED=${RUN_SEED} FUZZ_ONLY=${JSON.stringify(target)}`;
}

// ---------------------------------------------------------------------------------------------
// Hints: real ids, slugs and forged cursors, so generated inputs reach past "not found".

const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const SOME_UUID = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const cursor = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    ...[
      ["newest", "x", SOME_UUID],
      ["price_asc", "abc", SOME_UUID],
      ["price_desc", 2 ** 31, SOME_UUID],
      ["price_asc", 1e308, SOME_UUID],
      ["name", 12, SOME_UUID],
      ["name", "a\u0000", SOME_UUID],
      ["newest", "2024-01-01T00:00:00.000Z", "not-a-uuid"],
      ["2024-01-01T00:00:00.000Z", SOME_UUID],
      ["-271821-04-20T00:00:00.000Z", SOME_UUID],
      ["+275760-09-13T00:00:00.000Z", SOME_UUID],
      ["1", SOME_UUID],
      [1e308, SOME_UUID],
      [null, null],
      [],
      { a: 1 },
      "x",
    ].map(base64Json),
  ),
  fc
    .tuple(fc.constantFrom("newest", "price_asc", "price_desc", "name"), hostileValue, fc.uuid())
    .map(base64Json),
  fc
    .tuple(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.uuid(),
    )
    .map(base64Json),
);

const hostileCell = fc.oneof(
  fc.constantFrom(...CONTROL_STRINGS, ...UNICODE_STRINGS, ...INJECTION_STRINGS, ...NUMERIC_STRINGS),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const cell = (valid: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileCell });
const quoteCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function productCsv(): fc.Arbitrary<string> {
  const optional = (values: fc.Arbitrary<string>) => cell(fc.oneof(fc.constant(""), values));
  const row = fc.tuple(
    cell(
      fc.oneof(
        fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,6})?$/),
        fc.constantFrom("", ...known.productSlugs),
      ),
    ),
    cell(fc.stringMatching(/^[A-Z][a-z ]{0,18}[a-z]$/)),
    cell(fc.string({ maxLength: 20 })),
    cell(fc.constantFrom("", "no-such-category", ...known.categorySlugs)),
    cell(fc.constantFrom("USD", "EUR", "")),
    optional(fc.nat({ max: 100_000 }).map(String)),
    cell(fc.constantFrom("", "true", "false")),
    optional(fc.constantFrom("Size", "Colour")),
    optional(fc.constantFrom("S", "M", "Black")),
    optional(fc.constantFrom("Colour", "Size")),
    optional(fc.constantFrom("White", "L")),
    optional(fc.constant("Fit")),
    optional(fc.constant("Slim")),
    optional(fc.oneof(fc.stringMatching(/^[A-Z0-9-]{1,12}$/), fc.constantFrom(...known.skus))),
    cell(
      fc.oneof(
        fc.nat({ max: 1_000_000_000 }).map((cents) => priceCellOf(cents, "USD")),
        fc.constant("99999999999999999999.99"),
      ),
    ),
    optional(fc.nat({ max: 1_000_000_000 }).map((cents) => priceCellOf(cents, "USD"))),
    optional(fc.stringMatching(/^[0-9]{8,13}$/)),
    optional(fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.constant("-1"))),
    cell(fc.oneof(fc.nat({ max: 1_000_000 }).map(String), fc.constantFrom("2147483648", "-1"))),
    cell(fc.constantFrom("", "true", "false")),
  );
  return fc
    .array(row, { maxLength: 4 })
    .map((rows) =>
      [PRODUCT_CSV_COLUMNS.join(","), ...rows.map((cells) => cells.map(quoteCell).join(","))].join("\n"),
    );
}

/** superjson's meta: which values to revive as what. Forged, it names paths and types at will. */
const superjsonMeta = fc.record(
  {
    values: fc.oneof(
      fc.dictionary(
        fc.oneof(
          fc.constantFrom("", "q", "limit", "items.0.quantity", "__proto__", "a.__proto__.b"),
          fc.string(),
        ),
        fc.oneof(
          fc.constantFrom(
            ...[
              ["bigint"],
              ["Date"],
              ["regexp"],
              ["set"],
              ["map"],
              ["undefined"],
              ["number"],
              ["Error"],
              ["URL"],
            ],
            ...[[["class", "X"]], [["custom", "x"]], [["symbol", "x"]], [["typed-array", "Int8Array"]]],
          ),
          hostileValue,
        ),
        { maxKeys: 3 },
      ),
      hostileValue,
    ),
    referentialEqualities: fc.oneof(fc.dictionary(fc.string(), fc.array(fc.string())), hostileValue),
    v: fc.oneof(fc.constant(1), hostileValue),
  },
  { requiredKeys: [] },
);

function arbitraryFor(target: FuzzTarget, caller: FuzzCaller & { id?: string }): fc.Arbitrary<unknown> {
  const options = { hint: hintFor(target.name, caller) };
  const inputs = fuzzInput(target.schema, options);
  if (!target.name.startsWith("trpc ")) return inputs;
  const withMeta = fc
    .tuple(fc.oneof(validValue(target.schema, options), inputs), superjsonMeta)
    .map(([json, meta]) => new WithSuperjsonMeta(json, meta));
  return fc.oneof({ weight: 9, arbitrary: inputs }, { weight: 1, arbitrary: withMeta });
}

function hintFor(target: string, caller: FuzzCaller & { id?: string }) {
  const users =
    caller.role === "admin" ? known.spareUserIds : [caller.id ?? SOME_UUID, ...known.spareUserIds];
  const someOf = (values: readonly string[], otherwise: fc.Arbitrary<unknown>) =>
    values.length === 0
      ? otherwise
      : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: otherwise });
  const csv = productCsv();
  return (path: ValuePath, schema: JsonSchema, generated: () => fc.Arbitrary<unknown>) => {
    const key = path[path.length - 1];
    if (key === "cursor") return cursor;
    if (key === "csv") return csv;
    if (key === "userId" || key === "actorId") return someOf(users, generated());
    if (target === "trpc admin.customer" && key === "id") return someOf(users, generated());
    if (target.startsWith("rest ") && path[0] === "path") {
      if (target.includes("/users/")) return someOf(users, generated());
      if (target.includes("/inventory/"))
        return someOf([...known.variantIds, ...known.productIds], generated());
      return someOf(target.includes("/orders/") ? known.orderIds : known.productIds, generated());
    }
    if (key === "slug" || key === "category")
      return someOf([...known.productSlugs, ...known.categorySlugs], generated());
    if (key === "sku") return someOf(known.skus, generated());
    if (schema.format !== "uuid") return undefined;
    if (key === "categoryId") return someOf(known.categoryIds, generated());
    if (key === "productId") return someOf(known.productIds, generated());
    if (key === "variantId") return someOf(known.variantIds, generated());
    if (target.startsWith("trpc order.")) return someOf(known.orderIds, generated());
    if (target.startsWith("trpc product.")) return someOf(known.productIds, generated());
    return someOf([...known.productIds, ...known.orderIds, ...known.categoryIds], generated());
  };
}

/**
 * Whether the role is refused by the procedure's access wall: tRPC checks access before parsing
 * input, so a call without input answers 401/403 exactly then.
 */
async function refusedBy(target: FuzzTarget, caller: FuzzCaller): Promise<boolean> {
  if (target.name.startsWith("trpc ")) {
    const { status } = await harness.send(target, caller, undefined);
    return status === 401 || status === 403;
  }
  // REST parses input first; only "not signed in" (401) is unambiguous there.
  if (caller.cookie) return false;
  const [valid] = fc.sample(validValue(target.schema), { seed: 1, numRuns: 1 });
  return (await harness.send(target, caller, valid)).status === 401;
}

/** Stable per target and role, so FUZZ_SEED replays each property alike whatever FUZZ_ONLY selects. */
function propertySeed(target: string, role: string): number {
  let hash = 2166136261;
  for (const char of `${target} ${role}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (RUN_SEED ^ hash) | 0;
}

describe("fuzz: every tRPC procedure and REST operation over HTTP", () => {
  it("covers every procedure of the app router and every operation the server documents", () => {
    const restProcedures = Object.keys(restRouter._def.procedures);
    expect(collected.trpc).toHaveLength(Object.keys(appRouter._def.procedures).length);
    expect(collected.rest).toHaveLength(restProcedures.length);
    expect([...targets.keys()].sort()).toEqual(
      [...collected.trpc, ...collected.rest].map((target) => target.name).sort(),
    );
  });

  it.each(targetNames)(
    "%s: no 5xx, no leaked internals, no change on refusal",
    async (name) => {
      const target = targets.get(name);
      if (!target) throw new Error(`${name} is not served`);
      const failures: FuzzFailure[] = [];
      let staffRefused = false;
      for (const caller of [callers.anonymous, callers.customer, callers.staff, callers.admin]) {
        // Admin only where staff is refused: elsewhere it takes the same paths as staff.
        if (caller === callers.admin && !staffRefused) continue;
        const refused = await refusedBy(target, caller);
        if (caller === callers.staff) staffRefused = refused;
        failures.push(
          ...(await harness.fuzz(target, caller, arbitraryFor(target, caller), {
            seed: propertySeed(name, caller.role),
            numRuns: refused ? REFUSED_RUNS : RUNS_PER_ROLE,
          })),
        );
      }
      allFailures.push(...failures);
      expect(failures.map((failure) => formatFailure(failure, replayHint(name)))).toEqual([]);
    },
    300_000,
  );
});
