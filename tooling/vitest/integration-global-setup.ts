import { installJobQueue } from "@stockroom/api/job-queue";
import {
  createTemplateDatabase,
  databaseUrl,
  dropDatabase,
  newTemplateDatabaseName,
} from "@stockroom/db/testing";
import type { TestProject } from "vitest/node";

const template = newTemplateDatabaseName();

/** Migrates this run's template database once (with the job queue's schema); every test file clones it. */
export async function setup(project: TestProject) {
  await createTemplateDatabase(template);
  await installJobQueue(databaseUrl(template));
  project.provide("templateDatabase", template);
}

export async function teardown() {
  await dropDatabase(template);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
