/** The title of a variant of a product without options (Shopify calls it "Default Title"). */
export const DEFAULT_VARIANT_TITLE = "Default";
/** A product has at most this many options and this many variants. */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 100;

/** A variant's option values in the order of its product's options ("" where it has fewer). */
export type OptionValues = readonly [string, string, string];

/** "M / Black": the variant's values in option order, or "Default" for a product without options. */
export function variantTitle(values: readonly string[]): string {
  const named = values.filter((value) => value !== "");
  return named.length > 0 ? named.join(" / ") : DEFAULT_VARIANT_TITLE;
}

/** The variant's values by option name ({ Size: "M", Colour: "Black" }). */
export function optionsByName(optionNames: readonly string[], values: OptionValues): Record<string, string> {
  return Object.fromEntries(optionNames.map((name, index) => [name, values[index] ?? ""]));
}

/** A variant's `{ Size: "M" }` as its three column values, in the product's option order. */
export function optionColumns(optionNames: readonly string[], options: Record<string, string>): OptionValues {
  const [a = "", b = "", c = ""] = optionNames.map((name) => options[name] ?? "");
  return [a, b, c];
}

/** The key two variants of one product share exactly when they are the same combination. */
export function combinationKey(values: OptionValues): string {
  return JSON.stringify(values);
}

export interface OptionDefinition {
  name: string;
  values: readonly string[];
}
export interface VariantDefinition {
  sku?: string | undefined;
  options: Record<string, string>;
}

/**
 * What is wrong with a product's options and variants as a whole (each field's own rules are the
 * schema's): every variant has one listed value per option and nothing else, no two variants are
 * the same combination or share a SKU. Each problem has the path of the field it is about.
 */
export function variantProblems(
  options: readonly OptionDefinition[],
  variants: readonly VariantDefinition[],
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const names = options.map((option) => option.name);
  options.forEach((option, index) => {
    if (names.indexOf(option.name) !== index)
      problems.push({ path: ["options", index, "name"], message: `Option "${option.name}" is listed twice` });
    const seen = new Set<string>();
    option.values.forEach((value, valueIndex) => {
      if (seen.has(value))
        problems.push({
          path: ["options", index, "values", valueIndex],
          message: `Value "${value}" is listed twice`,
        });
      seen.add(value);
    });
  });
  const combinations = new Map<string, number>();
  const skus = new Map<string, number>();
  variants.forEach((variant, index) => {
    for (const name of Object.keys(variant.options)) {
      if (!names.includes(name))
        problems.push({
          path: ["variants", index, "options", name],
          message: `The product has no option "${name}"`,
        });
    }
    for (const option of options) {
      const value = variant.options[option.name];
      if (value === undefined)
        problems.push({
          path: ["variants", index, "options", option.name],
          message: `Choose a ${option.name}`,
        });
      else if (!option.values.includes(value))
        problems.push({
          path: ["variants", index, "options", option.name],
          message: `"${value}" is not a value of ${option.name}`,
        });
    }
    const key = combinationKey(optionColumns(names, variant.options));
    const twin = combinations.get(key);
    if (twin !== undefined)
      problems.push({
        path: ["variants", index, "options"],
        message: `Variant ${index + 1} is the same combination as variant ${twin + 1}`,
      });
    else combinations.set(key, index);
    if (variant.sku !== undefined) {
      const sameSku = skus.get(variant.sku);
      if (sameSku !== undefined)
        problems.push({
          path: ["variants", index, "sku"],
          message: `SKU ${variant.sku} is also variant ${sameSku + 1}'s`,
        });
      else skus.set(variant.sku, index);
    }
  });
  return problems;
}

/** Every combination of the options' values, in option order (the admin's "generate variants"). */
export function allCombinations(options: readonly OptionDefinition[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (combinations, option) =>
      combinations.flatMap((partial) => option.values.map((value) => ({ ...partial, [option.name]: value }))),
    [{}],
  );
}
