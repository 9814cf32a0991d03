import { DEFAULT_VARIANT_TITLE } from "@stockroom/api/schemas";

/** What the product page needs of a variant to choose one. */
export interface ChoosableVariant {
  id: string;
  title: string;
  options: Record<string, string>;
  active: boolean;
  stock: number;
}

export interface ChoosableOption {
  name: string;
  values: string[];
}

/** How one value of one option shows in the picker, given what is chosen for the other options. */
export interface OptionValueState {
  value: string;
  /** No active variant can be reached with this value (after what is chosen for earlier options). */
  disabled: boolean;
  /** Every variant this value leads to, with the current choice, has nothing on hand. */
  soldOut: boolean;
}

/** A product sold as one "Default" variant has nothing to choose: its page looks as it always did. */
export function hasChoice(product: { options: ChoosableOption[]; variants: ChoosableVariant[] }): boolean {
  return (
    product.options.length > 0 &&
    !(product.variants.length === 1 && product.variants[0]?.title === DEFAULT_VARIANT_TITLE)
  );
}

/**
 * The variant a product page opens on: the one the URL names when it is still sold (sold out or not,
 * a shared link shows what was shared), else the first that can be bought, else the first active one.
 */
export function initialVariant<V extends ChoosableVariant>(
  variants: readonly V[],
  requestedId: string | undefined,
): V | undefined {
  const active = variants.filter((variant) => variant.active);
  return (
    active.find((variant) => variant.id === requestedId) ??
    active.find((variant) => variant.stock > 0) ??
    active[0] ??
    variants[0]
  );
}

const matches = (variant: ChoosableVariant, names: readonly string[], chosen: Record<string, string>) =>
  names.every((name) => variant.options[name] === chosen[name]);

/**
 * The variant the shopper gets by picking `value` for option `index`: earlier choices stay; later
 * ones stay where that combination exists, else move to the nearest one that does (in stock first).
 */
export function variantForPick<V extends ChoosableVariant>(
  options: readonly ChoosableOption[],
  variants: readonly V[],
  chosen: Record<string, string>,
  index: number,
  value: string,
): V | undefined {
  const names = options.map((option) => option.name);
  const target = { ...chosen, [names[index] ?? ""]: value };
  const candidates = variants.filter(
    (variant) => variant.active && matches(variant, names.slice(0, index + 1), target),
  );
  const later = names.slice(index + 1);
  const score = (variant: V) =>
    later.reduce((sum, name, offset) => {
      // An earlier option kept counts more than a later one; being in stock only breaks ties.
      const weight = 2 ** (later.length - offset);
      return sum + (variant.options[name] === target[name] ? weight : 0);
    }, 0) + (variant.stock > 0 ? 1 : 0);
  return candidates.reduce<V | undefined>(
    (best, variant) => (best === undefined || score(variant) > score(best) ? variant : best),
    undefined,
  );
}

/** Each value of option `index`, disabled where no variant is sold and marked where all are sold out. */
export function optionValueStates(
  options: readonly ChoosableOption[],
  variants: readonly ChoosableVariant[],
  chosen: Record<string, string>,
  index: number,
): OptionValueState[] {
  const names = options.map((option) => option.name);
  const name = names[index] ?? "";
  return (options[index]?.values ?? []).map((value) => {
    const target = { ...chosen, [name]: value };
    const exact = variants.find((variant) => variant.active && matches(variant, names, target));
    if (exact) return { value, disabled: false, soldOut: exact.stock <= 0 };
    const reachable = variants.filter(
      (variant) => variant.active && matches(variant, names.slice(0, index + 1), target),
    );
    return {
      value,
      disabled: reachable.length === 0,
      soldOut: reachable.length > 0 && reachable.every((variant) => variant.stock <= 0),
    };
  });
}

/** "Everyday Tee (M / Black)", or just the name for a product's only, default variant. */
export function lineName(productName: string, variantTitle: string | undefined): string {
  return variantTitle && variantTitle !== DEFAULT_VARIANT_TITLE
    ? `${productName} (${variantTitle})`
    : productName;
}

/** The product's page, opened on the variant when it is one of several to choose from. */
export function productPageHref(slug: string, variant: { id: string; title: string } | undefined): string {
  return variant && variant.title !== DEFAULT_VARIANT_TITLE
    ? `/p/${slug}?variant=${variant.id}`
    : `/p/${slug}`;
}
