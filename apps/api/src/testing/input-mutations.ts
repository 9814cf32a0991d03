import fc from "fast-check";
import {
  controlString,
  hostileNumber,
  hostileString,
  hostileValue,
  LONG_LENGTHS,
  nested,
  UNICODE_STRINGS,
} from "./hostile-values.ts";
import { type ArbitraryOptions, type JsonSchema, type ValuePath, validValue } from "./schema-arbitrary.ts";

// Mutations of valid inputs: each picks a place in the value (a leaf for in-place kinds) and breaks
// it in one way. A mutation is plain data, so fast-check shrinks it (fewer mutations, simpler values).

export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
] as const;

export type Mutation =
  /** A hostile value of the same JSON type at a leaf: a string for a string, a number for a number. */
  | { kind: "sameType"; at: number; text: string; number: number }
  /** Any hostile value (a wrong type, most often) at the chosen place. */
  | { kind: "replace"; at: number; value: unknown }
  /** Drop the chosen key or element. */
  | { kind: "remove"; at: number }
  /** Add an unknown or prototype key to the chosen object (or its nearest object ancestor). */
  | { kind: "addKey"; at: number; key: string; value: unknown }
  /** An array where an object goes, or an object where an array goes. */
  | { kind: "flipShape"; at: number }
  /** The value wrapped in an array. */
  | { kind: "wrap"; at: number }
  /** The value buried under many levels of arrays or objects. */
  | { kind: "nest"; at: number; depth: number; container: "array" | "object" }
  /** A number or boolean as a string ("2", "true"): coercion must not accept it silently. */
  | { kind: "stringify"; at: number }
  /** A string with something spliced in (NUL, control characters, unicode) or grown very long. */
  | { kind: "splice"; at: number; insert: string; position: number }
  | { kind: "grow"; at: number; length: number };

/** Kinds that change a value in place pick a leaf; the others pick any place, the root included. */
const LEAF_KINDS: ReadonlySet<Mutation["kind"]> = new Set(["sameType", "stringify", "splice", "grow"]);

const at = fc.nat({ max: 1_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("sameType" as const),
      at,
      text: hostileString,
      number: hostileNumber,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("replace" as const), at, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("addKey" as const),
      at,
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flipShape" as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrap" as const), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("nest" as const),
      at,
      // JSON.stringify recurses: a few thousand levels is as deep as a client can send.
      depth: fc.constantFrom(8, 100, 500),
      container: fc.constantFrom("array" as const, "object" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("stringify" as const), at }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("splice" as const),
      at,
      insert: fc.oneof({ weight: 2, arbitrary: controlString }, fc.constantFrom(...UNICODE_STRINGS)),
      position: fc.nat({ max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("grow" as const),
      at,
      length: fc.constantFrom(...LONG_LENGTHS),
    }),
  },
);

/**
 * Every place in a JSON-like value, the root ([]) first, breadth first. Bounded (depth and count), so a
 * deeply nested or huge value from an earlier mutation costs nothing to walk.
 */
export function pathsOf(value: unknown, limits = { depth: 12, count: 300 }): ValuePath[] {
  const paths: ValuePath[] = [];
  const queue: { node: unknown; path: ValuePath }[] = [{ node: value, path: [] }];
  for (let i = 0; i < queue.length && paths.length < limits.count; i += 1) {
    const { node, path } = queue[i]!;
    paths.push(path);
    if (path.length >= limits.depth) continue;
    const children: [string | number, unknown][] = Array.isArray(node)
      ? node.slice(0, limits.count).map((item, index) => [index, item])
      : isPlainObject(node)
        ? Object.entries(node)
        : [];
    for (const [key, child] of children) queue.push({ node: child, path: [...path, key] });
  }
  return paths;
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own, enumerable property, even "__proto__" (so JSON.stringify sends it as a key). */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function getAt(root: unknown, path: ValuePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
}

function transformAt(root: unknown, path: ValuePath, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const parent = getAt(root, path.slice(0, -1)) as Record<string, unknown> | unknown[];
  const key = path[path.length - 1]!;
  setOwn(parent, key, change((parent as Record<string | number, unknown>)[key]));
  return root;
}

/** Any value as text; objects as JSON (String() throws on an object whose own toString is not a function). */
function textOf(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * Mutations edit in place, so everything they insert is a copy: the pools' shared constants and
 * fast-check's own values must never change (or one run would leak into the next, even make cycles).
 */
function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Applies mutations in order to a copy of `valid`; each one picks its place among the current paths. */
export function applyMutations(valid: unknown, mutations: readonly Mutation[]): unknown {
  let root = clone(valid);
  for (const change of mutations) {
    const paths = pathsOf(root);
    const leaves = paths.filter((path) => !isContainer(getAt(root, path)));
    const candidates = LEAF_KINDS.has(change.kind) && leaves.length > 0 ? leaves : paths;
    root = applyMutation(root, candidates[change.at % candidates.length]!, change);
  }
  return root;
}

function applyMutation(root: unknown, path: ValuePath, change: Mutation): unknown {
  switch (change.kind) {
    case "sameType":
      return transformAt(root, path, (value) => (typeof value === "number" ? change.number : change.text));
    case "replace":
      return transformAt(root, path, () => clone(change.value));
    case "remove": {
      if (path.length === 0) return undefined;
      const parent = getAt(root, path.slice(0, -1));
      const key = path[path.length - 1]!;
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else if (isPlainObject(parent)) delete parent[key];
      return root;
    }
    case "addKey": {
      let objectPath = path;
      while (objectPath.length > 0 && !isPlainObject(getAt(root, objectPath)))
        objectPath = objectPath.slice(0, -1);
      if (!isPlainObject(getAt(root, objectPath))) root = {};
      setOwn(getAt(root, objectPath) as Record<string, unknown>, change.key, clone(change.value));
      return root;
    }
    case "flipShape":
      return transformAt(root, path, (value) =>
        Array.isArray(value) ? { ...value } : isPlainObject(value) ? Object.values(value) : [value],
      );
    case "wrap":
      return transformAt(root, path, (value) => [value]);
    case "nest":
      return transformAt(root, path, (value) => nested(change.depth, value ?? null, change.container));
    case "stringify":
      return transformAt(root, path, textOf);
    case "splice":
      return transformAt(root, path, (value) => {
        const text = typeof value === "string" ? value : textOf(value);
        const position = Math.min(change.position, text.length);
        return text.slice(0, position) + change.insert + text.slice(position);
      });
    case "grow":
      return transformAt(root, path, (value) => {
        const text = typeof value === "string" && value.length > 0 ? value : "x";
        return text.repeat(Math.ceil(change.length / text.length)).slice(0, change.length);
      });
  }
}

/** A valid value with one to three mutations applied. */
export function mutatedValue(
  schema: JsonSchema | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(schema, options), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([valid, mutations]) => applyMutations(valid, mutations));
}

/** What the fuzz test sends: mostly mutations of valid inputs, some valid ones (to reach deeper code). */
export function fuzzInput(
  schema: JsonSchema | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: validValue(schema, options) },
    { weight: 3, arbitrary: mutatedValue(schema, options) },
  );
}
