import type { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";
import { type AddressInput, MAX_ADDRESSES_PER_USER, type UpdateAddressInput } from "../schemas/address.ts";
import { isUniqueViolation, RetryableConflictError } from "./transaction-retry.ts";

// The shopper's address book. Every function takes the signed-in user's id and only ever reads or
// changes that user's rows: someone else's address id is "not found", exactly like a missing one.
// Placing an order adds its address too, from inside the order statement (order-placement-sql.ts).

export const addressSelect = {
  id: true,
  label: true,
  street: true,
  city: true,
  state: true,
  zip: true,
  country: true,
  isDefault: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerAddressSelect;

export type AddressView = Prisma.CustomerAddressGetPayload<{ select: typeof addressSelect }>;

const DUPLICATE_MESSAGE = "This address is already in your address book";

/** The default first, then the most recently used or changed. */
export function listAddresses(db: DbClient, userId: string): Promise<AddressView[]> {
  return db.customerAddress.findMany({
    where: { userId },
    select: addressSelect,
    orderBy: [{ isDefault: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
  });
}

/**
 * Serializes one user's address-book changes (the count against the limit, moving the default), so
 * two at once can neither pass the limit together nor both leave a default. Orders do not take it:
 * their insert skips on any conflict instead (see order-placement-sql.ts).
 */
async function lockBook(tx: DbClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`customer_address:${userId}`}, 0))`;
}

async function ownAddress(tx: DbClient, userId: string, id: string): Promise<{ isDefault: boolean }> {
  const found = await tx.customerAddress.findFirst({ where: { id, userId }, select: { isDefault: true } });
  if (!found) throw new NotFoundError("Address not found", { id });
  return found;
}

/** Clears the current default, so another row may take it (the partial unique index allows one). */
async function clearDefault(tx: DbClient, userId: string): Promise<void> {
  await tx.customerAddress.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
}

function addressData(input: AddressInput) {
  return {
    label: input.label ? input.label : null,
    street: input.street,
    city: input.city,
    state: input.state,
    zip: input.zip,
    country: input.country,
  };
}

/** The same address (as customer_address_hash() compares them) saved twice is a 409. */
async function refuseDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "addressHash")) throw new ConflictError(DUPLICATE_MESSAGE);
    // An order saved this user's first address (as default) between our read and write: the book
    // lock does not hold orders off, so run the whole change again on what is there now.
    if (isUniqueViolation(error, "isDefault"))
      throw new RetryableConflictError("The address book changed meanwhile. Please try again.");
    throw error;
  }
}

export async function createAddress(db: DbClient, userId: string, input: AddressInput): Promise<AddressView> {
  return inTransaction(db, async (tx) => {
    await lockBook(tx, userId);
    const saved = await tx.customerAddress.count({ where: { userId } });
    if (saved >= MAX_ADDRESSES_PER_USER)
      throw new InvalidInputError(
        `You can keep at most ${MAX_ADDRESSES_PER_USER} addresses. Delete one to add another.`,
        { limit: MAX_ADDRESSES_PER_USER },
      );
    const hasDefault = (await tx.customerAddress.count({ where: { userId, isDefault: true } })) > 0;
    const isDefault = input.isDefault === true || !hasDefault;
    if (isDefault && hasDefault) await clearDefault(tx, userId);
    return refuseDuplicate(() =>
      tx.customerAddress.create({
        data: { userId, ...addressData(input), isDefault },
        select: addressSelect,
      }),
    );
  });
}

/** Edits an address; `isDefault: true` also makes it the default (to move the default, pick another). */
export async function updateAddress(
  db: DbClient,
  userId: string,
  input: UpdateAddressInput,
): Promise<AddressView> {
  return inTransaction(db, async (tx) => {
    await lockBook(tx, userId);
    const current = await ownAddress(tx, userId, input.id);
    const makeDefault = input.isDefault === true && !current.isDefault;
    if (makeDefault) await clearDefault(tx, userId);
    return refuseDuplicate(() =>
      tx.customerAddress.update({
        where: { id: input.id },
        data: { ...addressData(input), ...(makeDefault ? { isDefault: true } : {}) },
        select: addressSelect,
      }),
    );
  });
}

export async function setDefaultAddress(db: DbClient, userId: string, id: string): Promise<AddressView> {
  return inTransaction(db, async (tx) => {
    await lockBook(tx, userId);
    const current = await ownAddress(tx, userId, id);
    if (!current.isDefault) await clearDefault(tx, userId);
    return tx.customerAddress.update({ where: { id }, data: { isDefault: true }, select: addressSelect });
  });
}

/**
 * Deletes an address. When it was the default, the most recently used or changed one left takes its
 * place, so a shopper with addresses always has a default to prefill.
 */
export async function deleteAddress(
  db: DbClient,
  userId: string,
  id: string,
): Promise<{ id: string; newDefaultId: string | null }> {
  return inTransaction(db, async (tx) => {
    await lockBook(tx, userId);
    const current = await ownAddress(tx, userId, id);
    await tx.customerAddress.delete({ where: { id } });
    if (!current.isDefault) return { id, newDefaultId: null };
    const next = await tx.customerAddress.findFirst({
      where: { userId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    if (next) await tx.customerAddress.update({ where: { id: next.id }, data: { isDefault: true } });
    return { id, newDefaultId: next?.id ?? null };
  });
}
