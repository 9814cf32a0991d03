import {
  BulkArchiveProductsInput,
  CreateProductInput,
  ProductIdInput,
  ProductListInput,
  ProductSlugInput,
  UpdateProductInput,
} from "../schemas/catalog.ts";
import {
  AddVariantInput,
  ReorderVariantsInput,
  SetOptionsInput,
  UpdateVariantInput,
  UpdateVariantsInput,
  VariantSkuInput,
} from "../schemas/variant.ts";
import {
  cachedCatalogRead,
  cachedProduct,
  cachedProductPage,
  createProduct,
  getProduct,
  listCategories,
  listProducts,
  setProductActive,
  updateProduct,
} from "../services/catalog.ts";
import { setProductsArchived } from "../services/catalog-bulk.ts";
import { setProductOptions } from "../services/product-options.ts";
import {
  addVariant,
  reorderVariants,
  updateVariant,
  updateVariants,
  variantBySku,
} from "../services/variants.ts";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../trpc.ts";

const isStaff = (role: string | undefined) => role === "STAFF" || role === "ADMIN";

export const productRouter = createTRPCRouter({
  list: publicProcedure.input(ProductListInput).query(({ ctx, input }) => {
    // Archived products are for staff eyes only; the storefront's pages are cached.
    if (input.includeArchived && isStaff(ctx.user?.role)) return listProducts(ctx.db, input);
    const filter = { ...input, includeArchived: false };
    return cachedProductPage(ctx, `list:${JSON.stringify(filter)}`, (db) => listProducts(db, filter));
  }),

  byId: publicProcedure
    .input(ProductIdInput)
    .query(({ ctx, input }) =>
      isStaff(ctx.user?.role)
        ? getProduct(ctx.db, { id: input.id }, { includeArchived: true })
        : cachedProduct(ctx, `product:${input.id}`, (db) => getProduct(db, { id: input.id })),
    ),

  bySlug: publicProcedure
    .input(ProductSlugInput)
    .query(({ ctx, input }) =>
      isStaff(ctx.user?.role)
        ? getProduct(ctx.db, { slug: input.slug }, { includeArchived: true })
        : cachedProduct(ctx, `slug:${input.slug}`, (db) => getProduct(db, { slug: input.slug })),
    ),

  categories: publicProcedure.query(({ ctx }) => cachedCatalogRead(ctx, "categories", listCategories)),

  create: staffProcedure.input(CreateProductInput).mutation(async ({ ctx, input }) => {
    const product = await createProduct(ctx.db, input, ctx.user.id);
    ctx.audit.record({ action: "product.create", entity: "product", entityId: product.id, after: product });
    return product;
  }),

  update: staffProcedure.input(UpdateProductInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await updateProduct(ctx.db, input.id, input.patch);
    ctx.audit.record({ action: "product.update", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  archive: staffProcedure.input(ProductIdInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await setProductActive(ctx.db, input.id, false);
    ctx.audit.record({ action: "product.archive", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  unarchive: staffProcedure.input(ProductIdInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await setProductActive(ctx.db, input.id, true);
    ctx.audit.record({ action: "product.unarchive", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  /**
   * Archives or restores up to 100 products in one transaction, one audit row per product that
   * changed (the same actions as a single archive, so the audit log reads alike).
   */
  bulkSetArchived: staffProcedure.input(BulkArchiveProductsInput).mutation(async ({ ctx, input }) => {
    const result = await setProductsArchived(ctx.db, input);
    for (const { before, after } of result.changes) {
      ctx.audit.record({
        action: input.archived ? "product.archive" : "product.unarchive",
        entity: "product",
        entityId: after.id,
        before,
        after,
      });
    }
    return {
      products: result.products,
      changed: result.changes.length,
      /** What an Undo should put back: only what this call changed. */
      changedIds: result.changes.map(({ after }) => after.id),
    };
  }),

  /** Staff: a product's options, adding every missing combination as a variant when `generate`. */
  setOptions: staffProcedure.input(SetOptionsInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await setProductOptions(
      ctx.db,
      input.productId,
      input.options,
      input.generate,
      ctx.user.id,
    );
    ctx.audit.record({ action: "product.update", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  addVariant: staffProcedure.input(AddVariantInput).mutation(async ({ ctx, input }) => {
    const { product, variantId } = await addVariant(ctx.db, input.productId, input.variant, ctx.user.id);
    ctx.audit.record({
      action: "product.update",
      entity: "product",
      entityId: product.id,
      after: { addedVariant: product.variants.find((variant) => variant.id === variantId) },
    });
    return product;
  }),

  /** Staff: a variant's SKU, values, prices, barcode, weight, or `active: false` to stop selling it. */
  updateVariant: staffProcedure.input(UpdateVariantInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await updateVariant(ctx.db, input.id, input.patch);
    ctx.audit.record({ action: "product.update", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  /**
   * Staff: many variants of one product changed at once, all or nothing (the admin's variants grid);
   * SKUs may be swapped among them. One audit row for the product, as for a single variant.
   */
  updateVariants: staffProcedure.input(UpdateVariantsInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await updateVariants(ctx.db, input.productId, input.variants);
    ctx.audit.record({ action: "product.update", entity: "product", entityId: after.id, before, after });
    return after;
  }),

  reorderVariants: staffProcedure
    .input(ReorderVariantsInput)
    .mutation(({ ctx, input }) => reorderVariants(ctx.db, input.productId, input.variantIds)),

  variantBySku: staffProcedure
    .input(VariantSkuInput)
    .query(({ ctx, input }) => variantBySku(ctx.db, input.sku)),
});
