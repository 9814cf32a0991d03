import { parseArgs } from "node:util";
import { createDb } from "../client.ts";
import { readDbEnv } from "../env.ts";
import { migrate } from "../migrate.ts";
import { seedDemo } from "../seed/demo.ts";
import { seedLarge } from "../seed/large.ts";
import { withDatabase } from "./with-database.ts";

const { values } = parseArgs({
  options: { products: { type: "string" }, orders: { type: "string" } },
  allowPositionals: false,
});

function count(name: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} expects a whole number, got ${JSON.stringify(raw)}`);
  return value;
}

await withDatabase(async ({ url }) => {
  const products = count("products", values.products);
  const orders = count("orders", values.orders);
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  try {
    const summary = await seedDemo(db, { password: readDbEnv().SEED_PASSWORD });
    console.error(
      `demo seed: ${summary.categoriesCreated} categories, ${summary.productsCreated} products, ` +
        `${summary.usersCreated} accounts, ${summary.ordersCreated} orders created`,
    );
  } finally {
    await db.$disconnect();
  }
  if (products > 0 || orders > 0) {
    const started = Date.now();
    await seedLarge(url, { products, orders, progress: process.stderr.isTTY });
    console.error(
      `large seed: ${products} products, ${orders} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
});
