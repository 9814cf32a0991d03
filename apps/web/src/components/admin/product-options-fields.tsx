"use client";

import { MAX_OPTIONS } from "@stockroom/api/schemas";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "../ui/button";
import { TextField } from "../ui/form-field";

export type OptionRowPath = `options.${number}.${"name" | "values"}`;

/** Up to three options, each a name and its values in order ("S, M, L"). */
export function ProductOptionsFields({
  rows,
  register,
  errorOf,
  onAdd,
  onRemove,
  listError,
}: {
  rows: { key: string }[];
  register: (path: OptionRowPath) => UseFormRegisterReturn;
  errorOf: (index: number, field: "name" | "values") => string | undefined;
  onAdd: () => void;
  onRemove: (index: number) => void;
  listError?: string | undefined;
}) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 font-medium">Options</legend>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">
          No options: the product is sold as one item with one price and stock. Add options such as Size or
          Colour to sell variants.
        </p>
      ) : null}
      {rows.map((row, index) => (
        <div
          key={row.key}
          className="grid gap-3 rounded-control border border-line p-3 sm:grid-cols-[12rem_1fr_auto]"
        >
          <TextField
            id={`option-${index}-name`}
            label={`Option ${index + 1} name`}
            registration={register(`options.${index}.name`)}
            error={errorOf(index, "name")}
          />
          <TextField
            id={`option-${index}-values`}
            label={`Option ${index + 1} values`}
            hint="Separated by commas, in the order shoppers see them"
            registration={register(`options.${index}.values`)}
            error={errorOf(index, "values")}
          />
          <Button variant="ghost" size="sm" className="self-start sm:mt-6" onClick={() => onRemove(index)}>
            Remove option {index + 1}
          </Button>
        </div>
      ))}
      {listError ? <p className="text-sm text-danger">{listError}</p> : null}
      {rows.length < MAX_OPTIONS ? (
        <Button variant="secondary" size="sm" className="self-start" onClick={onAdd}>
          Add option
        </Button>
      ) : null}
    </fieldset>
  );
}
