import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "../ui/form-field";

/** The five fields of a shipping address, as the checkout and the address book both edit them. */
export interface AddressFieldValues {
  street: string;
  city: string;
  state: string;
  zip: string;
  country?: string;
}

export const EMPTY_ADDRESS: AddressFieldValues = { street: "", city: "", state: "", zip: "", country: "US" };

/** One line naming an address: "12 Harbour Lane, Portland, ME 04101, US". */
export function addressLine(address: AddressFieldValues): string {
  return `${address.street}, ${address.city}, ${address.state} ${address.zip}, ${address.country ?? "US"}`;
}

const FIELDS = [
  { name: "street", label: "Street", autoComplete: "street-address", wide: true },
  { name: "city", label: "City", autoComplete: "address-level2", wide: false },
  { name: "state", label: "State or region", autoComplete: "address-level1", wide: false },
  { name: "zip", label: "Postal code", autoComplete: "postal-code", wide: false },
  { name: "country", label: "Country code", autoComplete: "country", wide: false },
] as const;

/**
 * Labelled inputs registered on a react-hook-form form whose resolver is the API's own zod schema, so
 * each error shown here is the message the API would answer with. `idPrefix` keeps ids unique when
 * several forms are on one page.
 */
export function AddressFields<T extends AddressFieldValues>({
  register,
  errors,
  idPrefix,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  idPrefix: string;
}) {
  // The fields are the same five in every form that uses this; the casts only narrow T to them.
  const registerField = register as unknown as UseFormRegister<AddressFieldValues>;
  const fieldErrors = errors as FieldErrors<AddressFieldValues>;
  return (
    <div className="grid grid-cols-2 gap-3">
      {FIELDS.map((field) => (
        <div key={field.name} className={field.wide ? "col-span-2" : undefined}>
          <TextField
            id={`${idPrefix}-${field.name}`}
            label={field.label}
            autoComplete={field.autoComplete}
            registration={registerField(field.name)}
            error={fieldErrors[field.name]?.message}
          />
        </div>
      ))}
    </div>
  );
}
