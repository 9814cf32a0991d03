import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createMugOrder, createTestProduct } from "@stockroom/api/testing";
import type { Db } from "@stockroom/db";

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the worker wrote so far (pino JSON lines). */
  output(): string;
  alive(): boolean;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Runs `apps/api/src/worker.ts` as its own process, as `pnpm start` does. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
    cwd: API_DIR,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface Shopper {
  userId: string;
  productId: string;
}

/** A customer and a $12.00 mug to order. */
export async function createShopper(db: Db): Promise<Shopper> {
  const id = randomUUID();
  const user = await db.user.create({
    data: { id, email: `shopper-${id.slice(0, 8)}@example.test`, name: "Shopper", role: "CUSTOMER" },
  });
  const product = await createTestProduct(db, {
    slug: `mug-${id}`,
    name: "Blue Mug",
    priceCents: 1200,
    stock: 0,
  });
  return { userId: user.id, productId: product.id };
}

/** A pending order of two mugs ($24.00 + $4.99 shipping), for a new shopper unless one is given. */
export async function createOrderForMail(db: Db, shopper?: Shopper): Promise<{ id: string }> {
  return createMugOrder(db, shopper ?? (await createShopper(db)));
}
