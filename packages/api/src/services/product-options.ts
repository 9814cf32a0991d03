import { type DbClient, inTransaction } from "../db-client.ts";
import {
  allCombinations,
  combinationKey,
  MAX_VARIANTS,
  optionColumns,
  variantProblems,
} from "../domain/variants.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import type { OptionData } from "../schemas/variant.ts";
import { catalogChanged } from "./catalog-changes.ts";
import { type ProductDetail, productViewSelect, toProductView } from "./product-view.ts";
import { insertOptions, insertVariants, lockProductVariants } from "./variants.ts";

/**
 * Sets a product's options (the admin's "define options, generate variants"). Existing variants keep
 * their values and gain the first value of an option added (so a product's one default variant
 * becomes its first combination, as in Shopify); with `generate`, every missing combination is added
 * with no stock at the product's lowest price. An option or value a variant still uses is refused.
 */
export async function setProductOptions(
  db: DbClient,
  productId: string,
  options: readonly OptionData[],
  generate: boolean,
  actorId: string | null,
): Promise<{ before: ProductDetail; after: ProductDetail }> {
  return inTransaction(db, async (tx) => {
    await lockProductVariants(tx, productId);
    const found = await tx.product.findUnique({ where: { id: productId }, select: productViewSelect });
    if (!found) throw new NotFoundError("Product not found", { productId });
    const before = toProductView(found);
    const names = options.map((option) => option.name);

    // Each variant's values under the new options: kept where the option stays, the first value where it is new.
    const kept = before.variants.map((variant) =>
      Object.fromEntries(
        options.map((option) => [option.name, variant.options[option.name] ?? option.values[0]!]),
      ),
    );
    const problems = variantProblems(
      options,
      kept.map((values, index) => ({ sku: before.variants[index]!.sku, options: values })),
    );
    const dropped = before.options.filter((option) => !names.includes(option.name));
    if (dropped.length > 0 && before.variants.length > 1)
      problems.push({
        path: ["options"],
        message: `Variants use ${dropped.map((option) => option.name).join(", ")}: remove those variants' values first`,
      });
    // A dropped option explains any twins it makes, so it is said first.
    problems.sort((a, b) => a.path.length - b.path.length);
    if (problems.length > 0) throw new InvalidInputError(problems[0]!.message, { problems });

    const missing = generate
      ? allCombinations(options).filter(
          (combination) =>
            !kept.some(
              (values) =>
                combinationKey(optionColumns(names, values)) ===
                combinationKey(optionColumns(names, combination)),
            ),
        )
      : [];
    if (before.variants.length + missing.length > MAX_VARIANTS)
      throw new InvalidInputError(
        `That makes ${before.variants.length + missing.length} variants; a product has at most ${MAX_VARIANTS}`,
      );

    await tx.productOption.deleteMany({ where: { productId } });
    await insertOptions(tx, productId, options);
    for (const [index, variant] of before.variants.entries()) {
      const [option1, option2, option3] = optionColumns(names, kept[index]!);
      await tx.productVariant.update({ where: { id: variant.id }, data: { option1, option2, option3 } });
    }
    const price = before.priceCents;
    const last = Math.max(-1, ...before.variants.map((variant) => variant.position));
    await insertVariants(
      tx,
      before,
      names,
      missing.map((combination) => ({ options: combination, priceCents: price, stock: 0, active: true })),
      actorId,
      last + 1,
    );
    await catalogChanged(tx);
    const after = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: productViewSelect });
    return { before, after: toProductView(after) };
  });
}
