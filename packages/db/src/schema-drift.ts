import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import pg from "pg";

/**
 * Compares what schema.prisma declares with what the migrations actually built, in both directions:
 * tables, columns (type, nullability, presence of a default), enums, indexes and foreign keys.
 * Prisma's own `migrate diff` needs the schema engine binary, which cannot be downloaded here; the
 * DMMF comes from Prisma's WebAssembly schema parser instead.
 */
export const SCHEMA_PATH = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

export interface DatabaseShape {
  columns: { table: string; column: string; udt: string; nullable: boolean; hasDefault: boolean }[];
  enums: { name: string; values: string[] }[];
  indexes: {
    table: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    method: string;
    /** Has a WHERE clause (a partial index). */
    partial?: boolean;
  }[];
  foreignKeys: {
    table: string;
    columns: string[];
    refTable: string;
    refColumns: string[];
    onDelete: string;
  }[];
}

export function readDmmf(schema: string): Dmmf {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as Dmmf;
}

export async function readSchemaFile(path = SCHEMA_PATH): Promise<string> {
  return readFile(path, "utf8");
}

/** Columns declared as Unsupported(...) are absent from the DMMF; they may exist in SQL only. */
function unsupportedColumns(schema: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const block of schema.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const [, model = "", body = ""] = block;
    const mapped = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    const names = [...body.matchAll(/^\s*(\w+)\s+Unsupported\(/gm)].map((match) => match[1] ?? "");
    result.set(mapped, new Set(names));
  }
  return result;
}

/** The @@unique/@@index attributes with a `where:` (partial indexes), per table, as "unique:a,b" or "normal:a,b". */
function partialIndexFields(schema: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const block of schema.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const [, model = "", body = ""] = block;
    const mapped = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    const lists = [...body.matchAll(/^\s*@@(unique|index)\(\[([^\]]*)\][^\n]*\bwhere:/gm)].map(
      (match) =>
        `${match[1] === "unique" ? "unique" : "normal"}:${(match[2] ?? "")
          .split(",")
          .map((name) => name.trim())
          .join(",")}`,
    );
    result.set(mapped, new Set(lists));
  }
  return result;
}

const scalarUdt: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Float: "float8",
  Decimal: "numeric",
  Bytes: "bytea",
};
const nativeUdt: Record<string, string> = {
  Uuid: "uuid",
  Char: "bpchar",
  VarChar: "varchar",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Text: "text",
  Integer: "int4",
  SmallInt: "int2",
  JsonB: "jsonb",
  Date: "date",
};

const onDeleteCode: Record<string, string> = {
  Cascade: "c",
  SetNull: "n",
  Restrict: "r",
  NoAction: "a",
  SetDefault: "d",
};

export function expectedUdt(field: DmmfField, enumDbNames: Map<string, string>): string {
  if (field.kind === "enum") return enumDbNames.get(field.type) ?? field.type;
  const native = field.nativeType?.[0];
  const udt = (native && nativeUdt[native]) || scalarUdt[field.type] || field.type;
  return field.isList ? `_${udt}` : udt;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const fn = (field.default as { name?: string } | undefined)?.name;
  // uuid(), cuid() and nanoid() are filled in by the client, not the database.
  return !(fn === "uuid" || fn === "cuid" || fn === "nanoid" || fn === "ulid");
}

export function compareSchemaToDatabase(schema: string, db: DatabaseShape): string[] {
  const { datamodel } = readDmmf(schema);
  const problems: string[] = [];
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const unsupported = unsupportedColumns(schema);
  const partial = partialIndexFields(schema);

  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const found = db.enums.find((dbEnum) => dbEnum.name === name);
    const wanted = e.values.map((v) => v.dbName ?? v.name);
    if (!found) problems.push(`enum ${name} is missing in the database`);
    else if (found.values.join(",") !== wanted.join(","))
      problems.push(`enum ${name} has values [${found.values}] but the schema declares [${wanted}]`);
  }
  for (const dbEnum of db.enums) {
    if (![...enumDbNames.values()].includes(dbEnum.name))
      problems.push(`enum ${dbEnum.name} exists in the database but not in the schema`);
  }

  const tables = new Set(db.columns.map((c) => c.table));
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name) ?? model.name;
    if (!tables.has(table)) {
      problems.push(`table ${table} (model ${model.name}) is missing in the database`);
      continue;
    }
    const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    for (const field of scalarFields) {
      const column = field.dbName ?? field.name;
      const found = db.columns.find((c) => c.table === table && c.column === column);
      if (!found) {
        problems.push(`column ${table}.${column} is missing in the database`);
        continue;
      }
      const udt = expectedUdt(field, enumDbNames);
      if (found.udt !== udt)
        problems.push(`column ${table}.${column} is ${found.udt} but the schema declares ${udt}`);
      if (found.nullable === field.isRequired)
        problems.push(
          `column ${table}.${column} is ${found.nullable ? "nullable" : "NOT NULL"} but the schema says ${field.isRequired ? "required" : "optional"}`,
        );
      if (found.hasDefault !== hasDatabaseDefault(field))
        problems.push(
          `column ${table}.${column} ${found.hasDefault ? "has" : "lacks"} a database default, unlike the schema`,
        );
    }
    const declared = new Set(scalarFields.map((f) => f.dbName ?? f.name));
    for (const column of db.columns.filter((c) => c.table === table)) {
      if (!declared.has(column.column) && !unsupported.get(table)?.has(column.column))
        problems.push(`column ${table}.${column.column} exists in the database but not in the schema`);
    }

    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const columns = (field.relationFromFields ?? []).map((name) => columnOf(model, name));
      const target = datamodel.models.find((m) => m.name === field.type);
      const refTable = tableOf.get(field.type) ?? field.type;
      const refColumns = (field.relationToFields ?? []).map((name) =>
        target ? columnOf(target, name) : name,
      );
      const fk = db.foreignKeys.find((f) => f.table === table && f.columns.join(",") === columns.join(","));
      if (!fk) problems.push(`foreign key ${table}(${columns}) -> ${refTable}(${refColumns}) is missing`);
      else {
        if (fk.refTable !== refTable || fk.refColumns.join(",") !== refColumns.join(","))
          problems.push(
            `foreign key ${table}(${columns}) points at ${fk.refTable}(${fk.refColumns}), not ${refTable}(${refColumns})`,
          );
        const wantedOnDelete =
          onDeleteCode[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
        if (wantedOnDelete && fk.onDelete !== wantedOnDelete)
          problems.push(
            `foreign key ${table}(${columns}) has ON DELETE ${fk.onDelete}, the schema wants ${wantedOnDelete}`,
          );
      }
    }
  }
  const modelTables = new Set(tableOf.values());
  for (const table of tables) {
    if (!modelTables.has(table) && table !== "_prisma_migrations")
      problems.push(`table ${table} exists in the database but not in the schema`);
  }
  for (const fk of db.foreignKeys) {
    const model = datamodel.models.find((m) => (m.dbName ?? m.name) === fk.table);
    const declared = model?.fields.some(
      (f) =>
        f.kind === "object" &&
        (f.relationFromFields ?? []).map((n) => columnOf(model, n)).join(",") === fk.columns.join(","),
    );
    if (!declared)
      problems.push(`foreign key ${fk.table}(${fk.columns}) exists in the database but not in the schema`);
  }

  const btreeIndexes = db.indexes.filter((index) => index.method === "btree");
  // Each declared index is paired with one database index of its columns, kind and partialness (a
  // primary key and a partial index may share their columns); an index left unpaired is undeclared.
  const paired = new Set<DatabaseShape["indexes"][number]>();
  for (const index of datamodel.indexes.filter((i) => i.type !== "fulltext")) {
    const model = datamodel.models.find((m) => m.name === index.model);
    if (!model) continue;
    const table = tableOf.get(model.name) ?? model.name;
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const wantedPartial =
      index.type !== "id" &&
      (partial.get(table)?.has(`${index.type}:${index.fields.map((f) => f.name).join(",")}`) ?? false);
    const isKind = (found: DatabaseShape["indexes"][number]) =>
      index.type === "id"
        ? found.primary
        : index.type === "unique"
          ? found.unique && !found.primary
          : !found.unique;
    const candidates = btreeIndexes.filter(
      (i) => i.table === table && i.columns.join(",") === columns.join(",") && !paired.has(i),
    );
    const found =
      candidates.find((i) => isKind(i) && (i.partial ?? wantedPartial) === wantedPartial) ??
      candidates.find(isKind) ??
      candidates[0];
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    if (!found) {
      problems.push(`${kind} on ${table}(${columns}) is missing in the database`);
      continue;
    }
    paired.add(found);
    if (!isKind(found)) problems.push(`index on ${table}(${columns}) is not a ${kind} in the database`);
    else if (found.partial !== undefined && found.partial !== wantedPartial)
      problems.push(
        `index on ${table}(${columns}) is ${found.partial ? "partial" : "not partial"} in the database, unlike the schema`,
      );
  }
  for (const index of btreeIndexes) {
    if (!paired.has(index))
      problems.push(`index on ${index.table}(${index.columns}) exists in the database but not in the schema`);
  }
  return problems;
}

export async function readDatabaseShape(url: string): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{
      table: string;
      column: string;
      udt: string;
      nullable: boolean;
      has_default: boolean;
    }>(
      `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt, c.is_nullable = 'YES' AS nullable,
              (c.column_default IS NOT NULL OR c.is_generated = 'ALWAYS') AS has_default
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    );
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const indexes = await client.query<{
      table: string;
      columns: string[];
      unique: boolean;
      primary: boolean;
      method: string;
      partial: boolean;
    }>(
      `SELECT tc.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
              ix.indpred IS NOT NULL AS partial,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class tc ON tc.oid = ix.indrelid
       JOIN pg_class ic ON ic.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = ic.relam
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       WHERE n.nspname = 'public' AND tc.relname <> '_prisma_migrations'`,
    );
    const foreignKeys = await client.query<{
      table: string;
      columns: string[];
      ref_table: string;
      ref_columns: string[];
      on_delete: string;
    }>(
      `SELECT tc.relname AS table, rc.relname AS ref_table, con.confdeltype AS on_delete,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
              array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       WHERE con.contype = 'f' AND n.nspname = 'public'`,
    );
    return {
      columns: columns.rows.map((r) => ({
        table: r.table,
        column: r.column,
        udt: r.udt,
        nullable: r.nullable,
        hasDefault: r.has_default,
      })),
      enums: enums.rows,
      indexes: indexes.rows,
      foreignKeys: foreignKeys.rows.map((r) => ({
        table: r.table,
        columns: r.columns,
        refTable: r.ref_table,
        refColumns: r.ref_columns,
        onDelete: r.on_delete,
      })),
    };
  } finally {
    await client.end();
  }
}
