import type { DbClient } from "../db-client.ts";
import { DomainError } from "../errors.ts";
import { MAX_CART_QUANTITY } from "../schemas/cart.ts";
import { type ProductDetail, productViewSelect, toProductView, type VariantView } from "./product-view.ts";
import { loadRefVariants, resolveVariant, resolveVariantRef, type VariantRef } from "./variant-refs.ts";

export interface CartLine {
  variantId: string;
  productId: string;
  quantity: number;
  product: ProductDetail;
  variant: VariantView;
  lineTotalCents: number;
}

export interface CartView {
  items: CartLine[];
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

/**
 * The signed-in shopper's cart, each line priced at its variant's price; lines whose product was
 * archived or whose variant stopped being sold since are dropped from the view.
 */
export async function getCart(db: DbClient, userId: string): Promise<CartView> {
  const cart = await db.cart.findUnique({
    where: { userId },
    select: {
      items: {
        select: { variantId: true, productId: true, quantity: true, product: { select: productViewSelect } },
        orderBy: { addedAt: "asc" },
      },
    },
  });
  const items: CartLine[] = [];
  for (const item of cart?.items ?? []) {
    const product = toProductView(item.product);
    const variant = product.variants.find((candidate) => candidate.id === item.variantId);
    if (!product.active || !variant?.active) continue;
    items.push({
      variantId: item.variantId,
      productId: item.productId,
      quantity: item.quantity,
      product,
      variant,
      lineTotalCents: variant.priceCents * item.quantity,
    });
  }
  return {
    items,
    subtotalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
  };
}

/** Adds to the variant's line (capped at the per-line maximum). */
export async function addToCart(
  db: DbClient,
  userId: string,
  ref: VariantRef,
  quantity: number,
): Promise<CartView> {
  const variant = await resolveVariant(db, ref);
  const cartId = await cartIdOf(db, userId);
  await db.$executeRaw`
    INSERT INTO cart_item ("cartId", "productId", "variantId", quantity)
    VALUES (${cartId}::uuid, ${variant.productId}::uuid, ${variant.id}::uuid, ${Math.min(quantity, MAX_CART_QUANTITY)})
    ON CONFLICT ("cartId", "variantId") DO UPDATE SET quantity = least(cart_item.quantity + excluded.quantity, ${MAX_CART_QUANTITY})`;
  return getCart(db, userId);
}

/** Sets a line's quantity; zero removes it. */
export async function setCartQuantity(
  db: DbClient,
  userId: string,
  ref: VariantRef,
  quantity: number,
): Promise<CartView> {
  if (quantity === 0) return removeFromCart(db, userId, ref);
  const variant = await resolveVariant(db, ref);
  const cartId = await cartIdOf(db, userId);
  await db.cartItem.upsert({
    where: { cartId_variantId: { cartId, variantId: variant.id } },
    create: { cartId, productId: variant.productId, variantId: variant.id, quantity },
    update: { quantity },
  });
  return getCart(db, userId);
}

/** Removes the variant's line, or (given only a product) every line of that product. */
export async function removeFromCart(db: DbClient, userId: string, ref: VariantRef): Promise<CartView> {
  await db.cartItem.deleteMany({
    where: {
      cart: { userId },
      ...(ref.variantId !== undefined ? { variantId: ref.variantId } : { productId: ref.productId }),
    },
  });
  return getCart(db, userId);
}

export async function clearCart(db: DbClient, userId: string): Promise<CartView> {
  await db.cartItem.deleteMany({ where: { cart: { userId } } });
  return getCart(db, userId);
}

/**
 * Merges a guest cart at sign-in: quantities of the same variant add up; lines that no longer name
 * something to buy (an unknown or archived product, a retired variant, a product now with several
 * variants) are skipped.
 */
export async function mergeCart(
  db: DbClient,
  userId: string,
  items: (VariantRef & { quantity: number })[],
): Promise<CartView> {
  const rows = await loadRefVariants(db, items);
  for (const item of items) {
    let variantId: string;
    try {
      variantId = resolveVariantRef(item, rows).id;
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    await addToCart(db, userId, { variantId }, item.quantity);
  }
  return getCart(db, userId);
}
