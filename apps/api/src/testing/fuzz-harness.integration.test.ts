import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { captureServerErrors, FuzzHarness, formatFailure, type ServerErrorLog } from "./fuzz-harness.ts";
import type { FuzzTarget } from "./fuzz-targets.ts";
import { fuzzInput } from "./input-mutations.ts";
import { inputJsonSchema } from "./schema-arbitrary.ts";
import { tableSnapshotter } from "./table-snapshot.ts";
import { startTestApp, type TestApp, WEB_ORIGIN } from "./test-app.ts";

// The fuzz harness against routes with planted bugs: it must report each one, with the server's
// logged error and a shrunk input, and stay quiet about a route without bugs.

let t: TestApp;
let harness: FuzzHarness;
let serverErrors: ServerErrorLog;

const Input = z.object({ n: z.number().int().min(0).max(10), name: z.string().max(20) });

beforeAll(async () => {
  t = await startTestApp({
    beforeListen(app) {
      // Registered before the capture hook, as the real routes are.
      app.post("/api/test/fuzz/two-bugs", async (request) => {
        const body = request.body as { n?: unknown; name?: unknown };
        if (typeof body?.n === "number" && body.n > 1_000)
          throw new Error('relation "secret_numbers" overflow');
        if (typeof body?.name === "string" && body.name.includes("\u0000"))
          throw Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), { code: "22021" });
        return { ok: true };
      });
      app.post("/api/test/fuzz/leak", async (request, reply) => {
        const body = request.body as { name?: unknown };
        if (typeof body?.name !== "string" || body.name.length > 20)
          return reply.code(400).send({ error: "Invalid", at: "at parse (/srv/app/src/input.ts:12:7)" });
        return { ok: true };
      });
      app.post("/api/test/fuzz/write", async (request, reply) => {
        const body = request.body as { name?: unknown };
        const slug = `fuzz-${Math.random().toString(36).slice(2, 10)}`;
        await t.db.category.create({ data: { slug, name: slug } });
        return reply.code(typeof body?.name === "string" && body.name.length <= 20 ? 200 : 400).send({});
      });
      app.post("/api/test/fuzz/sound", async (request, reply) => {
        const parsed = Input.safeParse(request.body);
        return reply
          .code(parsed.success ? 200 : 400)
          .send(parsed.success ? { ok: true } : { error: "Invalid" });
      });
      serverErrors = captureServerErrors(app);
    },
  });
  harness = new FuzzHarness({
    baseUrl: t.url,
    origin: WEB_ORIGIN,
    snapshotter: await tableSnapshotter(t.db),
    serverErrors,
  });
});
afterAll(() => t.close());

function target(path: string): FuzzTarget {
  return {
    name: `test POST ${path}`,
    kind: "mutation",
    schema: inputJsonSchema(Input),
    toRequest: (input) => ({
      method: "POST",
      path,
      body: JSON.stringify(input ?? {}),
      headers: { "content-type": "application/json" },
    }),
  };
}

async function fuzz(path: string, numRuns = 150) {
  const subject = target(path);
  return harness.fuzz(subject, { role: "anonymous" }, fuzzInput(subject.schema), { seed: 3, numRuns });
}

// Generous: hundreds of requests each, on a loaded machine; a hang still ends.
describe("fuzz harness", { timeout: 120_000 }, () => {
  it("reports each distinct 500 of one route with its shrunk input and the server's logged error", async () => {
    const failures = await fuzz("/api/test/fuzz/two-bugs", 300);
    const errors = failures.map((failure) => failure.serverError ?? "");
    expect(failures.map((failure) => failure.problem.kind)).toEqual(["5xx", "5xx"]);
    expect(errors.some((error) => error.includes('relation "secret_numbers" overflow'))).toBe(true);
    expect(errors.some((error) => error.includes("[22021]"))).toBe(true);
    const overflow = failures.find((failure) => failure.serverError?.includes("secret_numbers"));
    // Shrunk: still failing for the planted reason, without the noise it was generated with.
    expect((overflow?.input as { n: number } | undefined)?.n).toBeGreaterThan(1_000);
    expect(JSON.stringify(overflow?.input).length).toBeLessThan(100);
    expect(formatFailure(failures[0]!, "FUZZ_SEED=3")).toMatch(
      /test POST .* as anonymous: 5xx[\s\S]*shrunk input/,
    );
  });

  it("reports a stack frame in a 4xx body as a leak", async () => {
    const [failure] = await fuzz("/api/test/fuzz/leak");
    expect(failure?.problem.kind).toBe("leak");
    expect(failure?.status).toBe(400);
  });

  it("reports a refused request that changed rows, naming the table", async () => {
    const [failure] = await fuzz("/api/test/fuzz/write");
    expect(failure?.problem.kind).toBe("rows changed");
    expect(failure?.problem.detail).toContain("public.category");
  });

  it("reports nothing for a route that refuses bad input cleanly", async () => {
    expect(await fuzz("/api/test/fuzz/sound")).toEqual([]);
  });

  it("catches the logged error of a real tRPC procedure (registered before the capture hook)", async () => {
    // A column gone from under the procedure makes it fail inside, as an unknown bug would.
    await t.db.$executeRawUnsafe(`ALTER TABLE "category" RENAME COLUMN "name" TO "name_away"`);
    try {
      const failures = await harness.fuzz(
        {
          name: "trpc product.categories",
          kind: "query",
          schema: undefined,
          toRequest: () => ({ method: "GET", path: "/api/trpc/product.categories" }),
        },
        { role: "anonymous" },
        fc.constant(undefined),
        { seed: 1, numRuns: 1 },
      );
      expect(failures).toHaveLength(1);
      expect(failures[0]?.status).toBe(500);
      expect(failures[0]?.serverError).toMatch(/name/);
    } finally {
      await t.db.$executeRawUnsafe(`ALTER TABLE "category" RENAME COLUMN "name_away" TO "name"`);
    }
  });
});
