import { Prisma } from "@stockroom/db";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { asDatabaseUnavailable, isDatabaseUnavailable } from "./database-unavailable.ts";
import { DatabaseUnavailableError, NotFoundError } from "./errors.ts";

function pgError(code: string, message: string) {
  return Object.assign(new pg.DatabaseError(message, 0, "error"), { code });
}

function prismaError(code: string, cause?: unknown) {
  return new Prisma.PrismaClientKnownRequestError("query failed", {
    code,
    clientVersion: "7",
    meta: cause === undefined ? undefined : { driverAdapterError: { cause } },
  });
}

describe("isDatabaseUnavailable", () => {
  it("recognises what pg, Prisma and adapter-pg say when Postgres cannot be reached", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const adapterError = Object.assign(new Error("DatabaseNotReachable"), {
      name: "DriverAdapterError",
      cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" },
    });
    const unavailable = [
      refused,
      new Error("Connection terminated unexpectedly"),
      pgError("57P01", "terminating connection due to administrator command"),
      pgError("57P03", "the database system is starting up"),
      prismaError("P1001"),
      prismaError("P1017"),
      prismaError("P2010", { kind: "postgres", originalCode: "57P01" }),
      adapterError,
      new Error("query failed", { cause: adapterError }),
      new Error("wrapped", { cause: { kind: "postgres", originalCode: "57P01" } }),
      new Error("timeout exceeded when trying to connect"),
      new AggregateError([refused], "every address failed"),
    ];
    for (const error of unavailable) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("leaves query errors and everything else alone", () => {
    const notUnavailable = [
      pgError("23505", "duplicate key value violates unique constraint"),
      pgError("40P01", "deadlock detected"),
      prismaError("P2002"),
      prismaError("P2010", { kind: "postgres", originalCode: "23505" }),
      new Error("boom"),
      new NotFoundError("Product not found"),
      undefined,
      "ECONNREFUSED",
    ];
    for (const error of notUnavailable) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });

  it("turns an unreachable database into the one 503 error, and passes others through", () => {
    const converted = asDatabaseUnavailable(new Error("Connection terminated unexpectedly"));
    expect(converted).toBeInstanceOf(DatabaseUnavailableError);
    expect((converted as DatabaseUnavailableError).code).toBe("SERVICE_UNAVAILABLE");
    expect((converted as DatabaseUnavailableError).message).toBe("Service unavailable");
    const other = new Error("boom");
    expect(asDatabaseUnavailable(other)).toBe(other);
  });
});
