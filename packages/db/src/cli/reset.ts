import { createDb } from "../client.ts";
import { readDbEnv } from "../env.ts";
import { migrate } from "../migrate.ts";
import { resetSchema } from "../reset.ts";
import { seedDemo } from "../seed/demo.ts";
import { withDatabase } from "./with-database.ts";

await withDatabase(async ({ url }) => {
  await resetSchema(url);
  await migrate(url);
  const db = createDb(url, { poolSize: 2 });
  try {
    await seedDemo(db, { password: readDbEnv().SEED_PASSWORD });
  } finally {
    await db.$disconnect();
  }
  console.error("database reset: schema dropped, migrations applied, demo data seeded");
});
