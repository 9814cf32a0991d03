"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { VariantRowField } from "~/lib/variant-grid-form";
import { Button } from "../ui/button";

/** The name of a field of row `index`, as react-hook-form registers it. */
export type VariantRowPath = `variants.${number}.${"sku" | "price" | "compareAtPrice" | "stock" | "active"}`;

export interface VariantGridProps {
  /** The rows in their order: react-hook-form's field-array key and the variant's title. */
  rows: { key: string; title: string }[];
  register: (path: VariantRowPath) => UseFormRegisterReturn;
  errorOf: (index: number, field: VariantRowField) => string | undefined;
  onMove: (from: number, to: number) => void;
  /** Rows can be removed only before they are saved (a new product's). */
  onRemove?: (index: number) => void;
  /** What a blank SKU becomes, for the column's header. */
  skuHint: string;
}

const inputClass =
  "w-full min-w-0 rounded-control border border-line-strong bg-surface px-2 py-1.5 aria-invalid:border-danger";

function Cell({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  return (
    <td className="p-2 align-top">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {children(error ? `${id}-error` : undefined)}
      {error ? (
        <span id={`${id}-error`} className="mt-1 block text-xs text-danger">
          {error}
        </span>
      ) : null}
    </td>
  );
}

/**
 * Many variants edited at once: one row each, with its SKU, prices, stock and whether it is sold, and
 * arrows to reorder. On a narrow screen the table scrolls sideways in its keyboard-reachable box.
 */
export function VariantGrid({ rows, register, errorOf, onMove, onRemove, skuHint }: VariantGridProps) {
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the grid scrolls sideways in its box, and a keyboard must be able to scroll it
      tabIndex={0}
      aria-label="Variants grid"
      className="relative overflow-x-auto rounded-lg border border-line bg-surface"
    >
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">
          Variants: SKU, price, compare-at price, stock and whether each is sold
        </caption>
        <thead className="bg-stone-100">
          <tr>
            <th scope="col" className="p-2">
              Order
            </th>
            <th scope="col" className="p-2">
              Variant
            </th>
            <th scope="col" className="p-2">
              SKU <span className="font-normal text-muted">({skuHint})</span>
            </th>
            <th scope="col" className="p-2">
              Price
            </th>
            <th scope="col" className="p-2">
              Compare-at price
            </th>
            <th scope="col" className="p-2">
              Stock
            </th>
            <th scope="col" className="p-2">
              Sold
            </th>
            {onRemove ? (
              <th scope="col" className="p-2">
                <span className="sr-only">Remove</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const rowError = errorOf(index, "title");
            const id = (field: string) => `variant-${index}-${field}`;
            return (
              <tr key={row.key} className="border-t border-line" data-testid="variant-row">
                <td className="p-2 align-top">
                  <span className="flex gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${row.title} up`}
                      disabled={index === 0}
                      onClick={() => onMove(index, index - 1)}
                    >
                      <ArrowUp aria-hidden className="size-4" />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${row.title} down`}
                      disabled={index === rows.length - 1}
                      onClick={() => onMove(index, index + 1)}
                    >
                      <ArrowDown aria-hidden className="size-4" />
                    </Button>
                  </span>
                </td>
                <th scope="row" className="p-2 align-top font-medium">
                  {row.title}{" "}
                  {rowError ? (
                    <span role="alert" className="mt-1 block text-xs font-normal text-danger">
                      {rowError}
                    </span>
                  ) : null}
                </th>
                <Cell id={id("sku")} label={`SKU of ${row.title}`} error={errorOf(index, "sku")}>
                  {(describedBy) => (
                    <input
                      id={id("sku")}
                      aria-invalid={describedBy ? true : undefined}
                      aria-describedby={describedBy}
                      className={`${inputClass} font-mono`}
                      {...register(`variants.${index}.sku`)}
                    />
                  )}
                </Cell>
                <Cell id={id("price")} label={`Price of ${row.title}`} error={errorOf(index, "price")}>
                  {(describedBy) => (
                    <input
                      id={id("price")}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      aria-invalid={describedBy ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                      {...register(`variants.${index}.price`)}
                    />
                  )}
                </Cell>
                <Cell
                  id={id("compare")}
                  label={`Compare-at price of ${row.title}`}
                  error={errorOf(index, "compareAtPrice")}
                >
                  {(describedBy) => (
                    <input
                      id={id("compare")}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      aria-invalid={describedBy ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                      {...register(`variants.${index}.compareAtPrice`)}
                    />
                  )}
                </Cell>
                <Cell id={id("stock")} label={`Stock of ${row.title}`} error={errorOf(index, "stock")}>
                  {(describedBy) => (
                    <input
                      id={id("stock")}
                      type="number"
                      inputMode="numeric"
                      aria-invalid={describedBy ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputClass}
                      {...register(`variants.${index}.stock`)}
                    />
                  )}
                </Cell>
                <td className="p-2 align-top">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" {...register(`variants.${index}.active`)} />
                    <span className="sr-only">Sell {row.title}</span>
                  </label>
                  {errorOf(index, "active") ? (
                    <span className="mt-1 block text-xs text-danger">{errorOf(index, "active")}</span>
                  ) : null}
                </td>
                {onRemove ? (
                  <td className="p-2 align-top">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${row.title}`}
                      onClick={() => onRemove(index)}
                    >
                      <Trash2 aria-hidden className="size-4" />
                    </Button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
