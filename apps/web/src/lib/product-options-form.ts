import { MAX_OPTIONS, type OptionData, OptionInput, variantProblems } from "@stockroom/api/schemas";
import { z } from "zod";

/** An option as typed: its name, and its values in order, separated by commas ("S, M, L"). */
export const OptionRowFields = z.object({ name: z.string(), values: z.string() });
export type OptionRowValues = z.infer<typeof OptionRowFields>;

export const optionValuesOf = (typed: string) =>
  typed
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");

export const optionRowsOf = (options: readonly { name: string; values: readonly string[] }[]) =>
  options.map((option) => ({ name: option.name, values: option.values.join(", ") }));

/**
 * Typed option rows checked by the API's OptionInput and its whole-product rules (no option or value
 * twice), each message on the row's name or values box. Undefined when they pass.
 */
export function optionRowProblems(rows: readonly OptionRowValues[]): {
  options: OptionData[];
  problems: { path: (string | number)[]; message: string }[];
} {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (rows.length > MAX_OPTIONS)
    problems.push({ path: ["options"], message: `At most ${MAX_OPTIONS} options` });
  const options: OptionData[] = [];
  rows.forEach((row, index) => {
    const parsed = OptionInput.safeParse({ name: row.name, values: optionValuesOf(row.values) });
    if (parsed.success) options.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          path: ["options", index, issue.path[0] === "name" ? "name" : "values"],
          message: issue.message,
        });
  });
  if (problems.length === 0)
    for (const problem of variantProblems(options, []))
      problems.push({ path: problem.path.slice(0, 3), message: problem.message });
  return { options, problems };
}

/** The options form of an existing product: its rows checked as the API's SetOptionsInput would. */
export const OptionsFormFields = z.object({ options: z.array(OptionRowFields) });
export type OptionsFormValues = z.infer<typeof OptionsFormFields>;

export const OptionsFormSchema = OptionsFormFields.transform((values, ctx) => {
  const { options, problems } = optionRowProblems(values.options);
  if (problems.length === 0) return options;
  for (const problem of problems) ctx.addIssue({ code: "custom", ...problem });
  return z.NEVER;
});
