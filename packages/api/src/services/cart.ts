import type { DbClient } from "../db-client.ts";
import { NotFoundError } from "../errors.ts";
import { MAX_CART_QUANTITY } from "../schemas/cart.ts";
import { type ProductView, productViewSelect, toProductView } from "./product-view.ts";

export interface CartView {
  items: { productId: string; quantity: number; product: ProductView; lineTotalCents: number }[];
  subtotalCents: number;
  itemCount: number;
}

/**
 * The shopper's cart id, creating the row on first use. One INSERT ... ON CONFLICT rather than
 * Prisma's upsert: with an empty update Prisma reads, then inserts, so concurrent first adds for a
 * new account raced on cart_userId_key. The no-op update makes RETURNING give the existing row.
 */
async function cartIdOf(db: DbClient, userId: string): Promise<string> {
  const [cart] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO cart ("userId") VALUES (${userId})
    ON CONFLICT ("userId") DO UPDATE SET "userId" = excluded."userId"
    RETURNING id::text AS id`;
  return cart!.id;
}

async function assertBuyable(db: DbClient, productId: string) {
  const product = await db.product.findUnique({ where: { id: productId }, select: { active: true } });
  if (!product?.active) throw new NotFoundError("Product not found", { productId });
}

/** The signed-in shopper's cart; lines whose product was archived since are dropped from the view. */
export async function getCart(db: DbClient, userId: string): Promise<CartView> {
  const cart = await db.cart.findUnique({
    where: { userId },
    select: {
      items: {
        select: { productId: true, quantity: true, product: { select: productViewSelect } },
        orderBy: { addedAt: "asc" },
      },
    },
  });
  const items = (cart?.items ?? [])
    .filter((item) => item.product.active)
    .map((item) => {
      const product = toProductView(item.product);
      return {
        productId: item.productId,
        quantity: item.quantity,
        product,
        lineTotalCents: product.priceCents * item.quantity,
      };
    });
  return {
    items,
    subtotalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
  };
}

/** Adds to the line's quantity (capped at the per-line maximum). */
export async function addToCart(
  db: DbClient,
  userId: string,
  productId: string,
  quantity: number,
): Promise<CartView> {
  await assertBuyable(db, productId);
  const cartId = await cartIdOf(db, userId);
  await db.$executeRaw`
    INSERT INTO cart_item ("cartId", "productId", quantity) VALUES (${cartId}::uuid, ${productId}::uuid, ${Math.min(quantity, MAX_CART_QUANTITY)})
    ON CONFLICT ("cartId", "productId") DO UPDATE SET quantity = least(cart_item.quantity + excluded.quantity, ${MAX_CART_QUANTITY})`;
  return getCart(db, userId);
}

/** Sets a line's quantity; zero removes it. */
export async function setCartQuantity(
  db: DbClient,
  userId: string,
  productId: string,
  quantity: number,
): Promise<CartView> {
  const cartId = await cartIdOf(db, userId);
  if (quantity === 0) {
    await db.cartItem.deleteMany({ where: { cartId, productId } });
  } else {
    await assertBuyable(db, productId);
    await db.cartItem.upsert({
      where: { cartId_productId: { cartId, productId } },
      create: { cartId, productId, quantity },
      update: { quantity },
    });
  }
  return getCart(db, userId);
}

export async function clearCart(db: DbClient, userId: string): Promise<CartView> {
  await db.cartItem.deleteMany({ where: { cart: { userId } } });
  return getCart(db, userId);
}

/** Merges a guest cart at sign-in: quantities of the same product add up; unknown or archived products are skipped. */
export async function mergeCart(
  db: DbClient,
  userId: string,
  items: { productId: string; quantity: number }[],
): Promise<CartView> {
  const active = await db.product.findMany({
    where: { id: { in: items.map((i) => i.productId) }, active: true },
    select: { id: true },
  });
  const buyable = new Set(active.map((product) => product.id));
  for (const item of items) {
    if (buyable.has(item.productId)) await addToCart(db, userId, item.productId, item.quantity);
  }
  return getCart(db, userId);
}
