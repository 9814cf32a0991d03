"use client";

import { type ChoosableOption, type ChoosableVariant, optionValueStates } from "~/lib/variant-choice";

/**
 * One group of radio buttons per option. A value no variant on sale has (with the earlier choices)
 * is disabled; one whose variants are all sold out says so, and can still be chosen to see it.
 */
export function VariantPicker({
  options,
  variants,
  chosen,
  onPick,
}: {
  options: ChoosableOption[];
  variants: ChoosableVariant[];
  chosen: Record<string, string>;
  onPick: (index: number, value: string) => void;
}) {
  return (
    <div className="flex flex-col gap-4">
      {options.map((option, index) => (
        <fieldset key={option.name} className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">
            {option.name}: <span className="font-normal">{chosen[option.name]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {optionValueStates(options, variants, chosen, index).map((state) => (
              <label key={state.value} className="relative">
                <input
                  type="radio"
                  name={`option-${index}`}
                  value={state.value}
                  checked={chosen[option.name] === state.value}
                  disabled={state.disabled}
                  onChange={() => onPick(index, state.value)}
                  className="peer absolute inset-0 size-full cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
                />
                <span
                  className={`block min-w-12 rounded-md border px-3 py-2 text-center text-sm peer-checked:border-emerald-800 peer-checked:bg-emerald-50 peer-checked:font-medium peer-checked:ring-1 peer-checked:ring-emerald-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-emerald-700 peer-disabled:border-dashed peer-disabled:text-stone-500 peer-disabled:line-through ${
                    state.soldOut
                      ? "border-stone-300 bg-stone-50 text-stone-700"
                      : "border-stone-400 bg-white"
                  }`}
                >
                  {state.value}
                  {state.soldOut ? <span className="text-xs"> (sold out)</span> : null}
                  {state.disabled ? <span className="sr-only"> (unavailable)</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
