import { createTemplateDatabase, dropDatabase, TEMPLATE_DATABASE } from "@stockroom/db/testing";

/** Migrates the template database once per run; every test file clones it. */
export async function setup() {
  await createTemplateDatabase();
}

export async function teardown() {
  await dropDatabase(TEMPLATE_DATABASE);
}
