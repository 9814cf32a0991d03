import { z } from "zod";
import { ShippingAddressSchema } from "./order.ts";
import { singleLineText } from "./text.ts";

// The shopper's address book. An entry is a shipping address (the same rules and messages as an
// order's, so checkout, the account page and the API refuse the same input alike) with an optional label.

/** Most addresses one shopper may keep; adding one more is a 400 naming the limit. */
export const MAX_ADDRESSES_PER_USER = 20;

export const AddressLabelSchema = singleLineText().trim().max(50, "Use at most 50 characters");

export const AddressInput = ShippingAddressSchema.extend({
  /** "Home", "Office"; empty means none. */
  label: AddressLabelSchema.optional(),
  /** Make this the default (the first address a shopper saves is the default anyway). */
  isDefault: z.boolean().optional(),
});
export type AddressInput = z.infer<typeof AddressInput>;

export const AddressIdInput = z.object({ id: z.uuid({ message: "Not an address id" }) });

export const UpdateAddressInput = AddressInput.extend({ id: z.uuid({ message: "Not an address id" }) });
export type UpdateAddressInput = z.infer<typeof UpdateAddressInput>;
