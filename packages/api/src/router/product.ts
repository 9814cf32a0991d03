import type { Prisma } from "@stockroom/db";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

const categorySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
} satisfies Prisma.CategorySelect;

export const productRouter = createTRPCRouter({
  categories: publicProcedure.query(({ ctx }) =>
    ctx.db.category.findMany({ select: categorySelect, orderBy: [{ position: "asc" }, { name: "asc" }] }),
  ),
});
