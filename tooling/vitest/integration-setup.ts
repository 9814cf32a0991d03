import { useTemplateDatabase } from "@stockroom/db/testing";
import { inject } from "vitest";

// Runs in every test worker before each integration file: clone from this run's template.
useTemplateDatabase(inject("templateDatabase"));
