import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InsufficientInventoryError, NotFoundError, RateLimitedError } from "../errors.ts";
import { restErrorOf } from "./error-body.ts";

const shortage = {
  productId: "p1",
  variantId: "v1",
  sku: "KETTLE-1L",
  productName: "Kettle",
  variantTitle: "1 l",
  available: 1,
  requested: 3,
};
const zodError = z.object({ name: z.string().min(1, "Enter a name") }).safeParse({ name: "" }).error;

describe("restErrorOf: one REST error body for whatever failed", () => {
  it("a domain error: its status, message and REST details (the same thrown directly or inside tRPC)", () => {
    const error = new InsufficientInventoryError(shortage);
    const expected = {
      status: 400,
      body: {
        error: "Insufficient inventory",
        details: { productId: "p1", variantId: "v1", sku: "KETTLE-1L", available: 1, requested: 3 },
      },
    };
    expect(restErrorOf(error, "r1")).toEqual(expected);
    expect(
      restErrorOf(new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error }), "r1"),
    ).toEqual(expected);
    expect(restErrorOf(new RateLimitedError(7), "r1")).toEqual({
      status: 429,
      body: { error: "Too many requests. Try again in 7 seconds.", details: { retryAfterSeconds: 7 } },
    });
    expect(restErrorOf(new NotFoundError("Not found"), "r1")).toEqual({
      status: 404,
      body: { error: "Not found" },
    });
  });

  it("zod issues: 400 naming each field, thrown directly or inside tRPC", () => {
    const expected = {
      status: 400,
      body: { error: "Invalid request", details: [{ path: "name", message: "Enter a name" }] },
    };
    expect(restErrorOf(zodError, "r1")).toEqual(expected);
    expect(restErrorOf(new TRPCError({ code: "BAD_REQUEST", cause: zodError }), "r1")).toEqual(expected);
  });

  it("a tRPC error: its own words, unless it wraps a library's plain Error or is internal", () => {
    expect(restErrorOf(new TRPCError({ code: "FORBIDDEN", message: "Staff only" }), "r1")).toEqual({
      status: 403,
      body: { error: "Staff only" },
    });
    const unreadable = new TRPCError({
      code: "BAD_REQUEST",
      cause: new RangeError("Maximum call stack size exceeded"),
    });
    expect(restErrorOf(unreadable, "r1")).toEqual({
      status: 400,
      body: { error: "The input could not be read" },
    });
    const internal = new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: "Output validation failed",
      cause: zodError,
    });
    expect(restErrorOf(internal, "r2")).toEqual({
      status: 500,
      body: { error: "Internal server error", requestId: "r2" },
    });
  });

  it("an HTTP library's 4xx keeps its status; anything else is a 500 showing only the request id", () => {
    const badJson = Object.assign(new SyntaxError("Unexpected token } in JSON"), { statusCode: 400 });
    expect(restErrorOf(badJson, "r1")).toEqual({
      status: 400,
      body: { error: "Invalid request", details: [{ path: "", message: "Unexpected token } in JSON" }] },
    });
    const tooLarge = Object.assign(new Error("Request body is too large"), { statusCode: 413 });
    expect(restErrorOf(tooLarge, "r1")).toEqual({
      status: 413,
      body: { error: "Request body is too large" },
    });
    const secret = new Error('relation "secret_table" does not exist');
    expect(restErrorOf(secret, "r3")).toEqual({
      status: 500,
      body: { error: "Internal server error", requestId: "r3" },
    });
    expect(restErrorOf(Object.assign(new Error("upstream"), { statusCode: 502 }), "r4").status).toBe(500);
    expect(restErrorOf("a string", "r5")).toEqual({
      status: 500,
      body: { error: "Internal server error", requestId: "r5" },
    });
  });
});
