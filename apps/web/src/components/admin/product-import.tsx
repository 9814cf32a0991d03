"use client";

import { PRODUCT_CSV_COLUMNS, PRODUCT_CSV_MAX_BYTES, type RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useTRPC, useTRPCClient } from "~/lib/trpc-client";

type Preview = RouterOutputs["productCsv"]["preview"];
type Counts = Pick<Preview, "products" | "creates" | "adds" | "updates" | "unchanged">;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
/** "line 4", "lines 4, 9 and 12", "lines 4, 9, 12 … and 40 more". */
function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 10);
  const rest = lines.length - shown.length;
  return rest > 0
    ? `lines ${shown.join(", ")} and ${rest} more`
    : `lines ${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** "1 product to create (6 variants), 1 variant to add, 2 to update, 9 unchanged" or, done, "… created …". */
function describeCounts(counts: Counts, done: boolean): string {
  const parts = [
    `${plural(counts.products, "product", "products")} ${done ? "created" : "to create"} (${plural(counts.creates, "variant", "variants")})`,
    `${plural(counts.adds, "variant", "variants")} ${done ? "added" : "to add"}`,
    `${counts.updates} ${done ? "updated" : "to update"}`,
    `${counts.unchanged} unchanged`,
  ];
  return parts.join(", ");
}

const ACTION_LABELS: Record<Preview["rows"][number]["action"], string> = {
  "create product": "Create product",
  "add variant": "Add variant",
  update: "Update",
  unchanged: "Unchanged",
};

const EXAMPLE = [
  PRODUCT_CSV_COLUMNS.join(","),
  "organic-tee,Organic Tee,Heavy cotton,apparel,USD,3,true,Size,S,Colour,White,,,TEE-S-WHT,25.00,,,180,12,true",
  "organic-tee,,,,,,,,S,,Black,,,TEE-S-BLK,25.00,,,180,4,true",
  "organic-tee,,,,,,,,M,,White,,,TEE-M-WHT,25.00,30.00,,190,0,true",
].join("\n");

const TOO_LARGE = "The file is larger than 1 MB; split it and import the parts one by one";

/** The API's message for a refused call: a field issue (size) or the domain error's own words. */
function messageOf(error: unknown, fallback: string): string {
  if (!(error instanceof TRPCClientError)) return fallback;
  // The API server's own body limit answers before tRPC does (JSON escaping makes the body bigger than the file).
  if ((error.meta?.response as Response | undefined)?.status === 413) return TOO_LARGE;
  const issues = (error.data as { issues?: { message: string }[] } | undefined)?.issues;
  return issues?.[0]?.message ?? error.message;
}

/**
 * Export the catalogue as CSV, and import a CSV in two steps: a preview that checks every row and
 * writes nothing, then the import, offered only once the previewed text has no row errors.
 */
export function ProductImport() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const preview = useMutation(trpc.productCsv.preview.mutationOptions());
  const importCsv = useMutation(trpc.productCsv.import.mutationOptions());
  const [text, setText] = useState("");
  /** The text the shown preview is of: editing the text makes the preview stale. */
  const [previewed, setPreviewed] = useState<{ text: string; result: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      const { csv } = await client.productCsv.export.query();
      // A byte-order mark so spreadsheets read the file as UTF-8; the import ignores it.
      const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = "products.csv";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (failure) {
      setExportError(messageOf(failure, "Could not export the products"));
    } finally {
      setExporting(false);
    }
  }

  async function chooseFile(file: File | undefined) {
    setDone(null);
    setPreviewed(null);
    if (!file) return;
    if (file.size > PRODUCT_CSV_MAX_BYTES) {
      setError(TOO_LARGE);
      return;
    }
    setError(null);
    setText(await file.text());
  }

  async function runPreview() {
    setDone(null);
    if (text.trim() === "") {
      setError("Choose a CSV file or paste CSV text first");
      return;
    }
    if (new TextEncoder().encode(text).length > PRODUCT_CSV_MAX_BYTES) {
      setError(TOO_LARGE);
      return;
    }
    setError(null);
    try {
      setPreviewed({ text, result: await preview.mutateAsync({ csv: text }) });
    } catch (failure) {
      setPreviewed(null);
      setError(messageOf(failure, "Could not read the file"));
    }
  }

  async function runImport() {
    if (!previewed?.result.valid) return;
    setError(null);
    try {
      const result = await importCsv.mutateAsync({ csv: previewed.text });
      setPreviewed(null);
      setDone(`Import complete: ${describeCounts(result, true)}.`);
    } catch (failure) {
      setError(messageOf(failure, "Could not import the file"));
      // Rows may have become invalid since the preview (a slug taken meanwhile): show them again.
      await preview
        .mutateAsync({ csv: previewed.text })
        .then((result) => setPreviewed({ text: previewed.text, result }))
        .catch(() => setPreviewed(null));
    }
  }

  // The last preview stays on screen while rows are fixed, but only an up-to-date one can be imported.
  const current = previewed?.result ?? null;
  const stale = previewed !== null && previewed.text !== text;
  const errorLines = current
    ? current.rows.filter((row) => row.errors.length > 0).map((row) => row.line)
    : [];
  const rowsWithErrors = errorLines.length;
  const canImport = Boolean(current?.valid) && !stale && !importCsv.isPending && !preview.isPending;
  const importHint =
    !current || stale
      ? "Preview the file first."
      : current.valid
        ? "Writes every row below in one transaction."
        : "Fix the rows with errors, then preview again.";

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="export-heading" className="flex flex-col gap-2">
        <h2 id="export-heading" className="text-lg font-medium">
          Export
        </h2>
        <p className="text-sm text-stone-700">
          Every product, archived ones too, one row per variant, with the columns the import reads.
        </p>
        <Button
          type="button"
          onClick={() => void download()}
          disabled={exporting}
          variant="secondary"
          className="self-start"
        >
          Download CSV
        </Button>
        {exportError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {exportError}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="import-heading" className="flex flex-col gap-4">
        <h2 id="import-heading" className="text-lg font-medium">
          Import
        </h2>
        <form
          noValidate
          aria-labelledby="import-heading"
          className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4"
          onSubmit={(event) => {
            event.preventDefault();
            void runPreview();
          }}
        >
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="product-csv-file" className="font-medium">
              CSV file
            </label>
            <input
              id="product-csv-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="product-csv-file-hint"
              onChange={(event) => void chooseFile(event.currentTarget.files?.[0])}
              className="text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5"
            />
            <span id="product-csv-file-hint" className="text-stone-600">
              Up to 1 MB and 5,000 rows. Its text appears below, where you can fix rows before previewing.
            </span>
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="product-csv-text" className="font-medium">
              CSV text
            </label>
            <textarea
              id="product-csv-text"
              rows={10}
              spellCheck={false}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setDone(null);
              }}
              aria-describedby="product-csv-text-hint"
              className="rounded-md border border-stone-300 px-3 py-2 font-mono text-xs"
            />
            <span id="product-csv-text-hint" className="text-stone-600">
              One row per variant; a product&apos;s rows together, its fields and option names on its first
              row (later rows may leave them empty). Variants are matched by SKU, or by their option values
              when the SKU is empty; variants not in the file are left as they are. First line:{" "}
              <code className="break-all text-ink">{PRODUCT_CSV_COLUMNS.join(",")}</code>
            </span>
            <details className="text-stone-700">
              <summary className="cursor-pointer underline underline-offset-4">
                Example: a tee in sizes and colours
              </summary>
              <section
                // biome-ignore lint/a11y/noNoninteractiveTabindex: the example scrolls sideways, and a keyboard must be able to scroll it
                tabIndex={0}
                aria-label="Example CSV"
                className="mt-2 overflow-x-auto rounded-md bg-stone-100 p-2"
              >
                <pre className="text-xs">{EXAMPLE}</pre>
              </section>
            </details>
          </div>
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={preview.isPending} variant="secondary">
              Preview
            </Button>
            <Button
              type="button"
              onClick={() => void runImport()}
              disabled={!canImport}
              aria-describedby="product-csv-import-hint"
            >
              Import
            </Button>
            <span id="product-csv-import-hint" className="text-sm text-stone-600">
              {importHint}
            </span>
          </div>
        </form>
        {done ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {done}
          </p>
        ) : null}
      </section>

      {current ? (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
          <h2 id="preview-heading" className="text-lg font-medium">
            Preview
          </h2>
          {stale ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              The text has changed since this preview. Preview again to check it.
            </p>
          ) : null}
          <p role="status" className="text-sm">
            {describeCounts(current, false)}, {plural(rowsWithErrors, "row with errors", "rows with errors")}
          </p>
          {rowsWithErrors > 0 ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              Nothing can be imported until every row is valid. Fix {describeLines(errorLines)}, then preview
              again.
            </p>
          ) : null}
          <section
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls sideways on a narrow screen, and a keyboard must be able to scroll it
            tabIndex={0}
            aria-label="Preview rows"
            className="overflow-x-auto"
          >
            <table
              aria-labelledby="preview-heading"
              className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm"
            >
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">Line</th>
                  <th className="p-2">Handle</th>
                  <th className="p-2">Product</th>
                  <th className="p-2">Variant</th>
                  <th className="p-2">SKU</th>
                  <th className="p-2">Action</th>
                  <th className="p-2">Errors</th>
                </tr>
              </thead>
              <tbody>
                {current.rows.map((row) => (
                  <tr
                    key={row.line}
                    className={`border-t border-stone-200 align-top ${row.errors.length > 0 ? "bg-red-50" : ""}`}
                  >
                    <td className="p-2 tabular-nums">{row.line}</td>
                    <td className="p-2 font-mono text-xs">{row.handle}</td>
                    <td className="p-2">{row.name}</td>
                    <td className="p-2">{row.title}</td>
                    <td className="p-2 font-mono text-xs">{row.sku}</td>
                    <td className="p-2">{ACTION_LABELS[row.action]}</td>
                    <td className="p-2">
                      {row.errors.length === 0 ? (
                        <span className="text-stone-500">None</span>
                      ) : (
                        <ul className="list-disc pl-4 font-medium text-red-800">
                          {row.errors.map((message) => (
                            <li key={message}>{message}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
    </div>
  );
}
