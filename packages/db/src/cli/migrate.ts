import { migrate } from "../migrate.ts";
import { withDatabase } from "./with-database.ts";

await withDatabase(async ({ url }) => {
  const { applied, alreadyApplied } = await migrate(url);
  for (const name of applied) console.error(`applied ${name}`);
  console.error(`migrations: ${applied.length} applied, ${alreadyApplied.length} already up to date`);
});
