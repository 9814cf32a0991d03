import { ProductCsvInput } from "../schemas/product-csv.ts";
import { exportProductsCsv, importProducts, previewProductImport } from "../services/product-csv.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

export const productCsvRouter = createTRPCRouter({
  // The whole catalogue leaves the system: audited like a change (by the staff middleware).
  export: staffProcedure.query(async ({ ctx }) => {
    const { csv, rows } = await exportProductsCsv(ctx.db);
    ctx.audit.record({ action: "product.export", entity: "product", entityId: null, after: { rows } });
    return { csv };
  }),

  // A mutation so the file travels in a POST body. It changes nothing, but every staff mutation is
  // audited; recording a summary keeps the middleware from storing the whole preview as the entry.
  preview: staffProcedure.input(ProductCsvInput).mutation(async ({ ctx, input }) => {
    const preview = await previewProductImport(ctx.db, input.csv);
    ctx.audit.record({
      action: "product.importPreview",
      entity: "product",
      entityId: null,
      after: {
        products: preview.products,
        creates: preview.creates,
        adds: preview.adds,
        updates: preview.updates,
        unchanged: preview.unchanged,
        rowsWithErrors: preview.rows.filter((row) => row.errors.length > 0).length,
      },
    });
    return preview;
  }),

  import: staffProcedure.input(ProductCsvInput).mutation(async ({ ctx, input }) => {
    const result = await importProducts(ctx.db, input.csv, ctx.user.id);
    ctx.audit.record({ action: "product.import", entity: "product", entityId: null, after: result });
    return result;
  }),
});
