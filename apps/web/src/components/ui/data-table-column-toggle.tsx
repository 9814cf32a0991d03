"use client";

import { Columns3 } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

const storageKey = (tableId: string) => `stockroom:table-columns:${tableId}`;

function readHidden(tableId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(tableId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The columns someone hid in this table, kept in localStorage per table. The server renders every
 * column; the saved choice applies once the page is in the browser.
 */
export function useHiddenColumns(tableId: string): [string[], (hidden: string[]) => void] {
  const [hidden, setHidden] = useState<string[]>([]);
  useEffect(() => setHidden(readHidden(tableId)), [tableId]);
  const save = useCallback(
    (next: string[]) => {
      setHidden(next);
      try {
        localStorage.setItem(storageKey(tableId), JSON.stringify(next));
      } catch {
        // Private mode or a full store: the choice lasts for this page only.
      }
    },
    [tableId],
  );
  return [hidden, save];
}

/** "Columns": a disclosure with one checkbox per column that may be hidden. */
export function ColumnToggle({
  tableId,
  columns,
  hidden,
  onChange,
}: {
  tableId: string;
  columns: { id: string; header: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  // Closes on a click outside, and on Escape (focus goes back to the button).
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      root.current?.querySelector("button")?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  if (columns.length === 0) return null;
  return (
    <div ref={root} className="relative">
      <Button
        variant="secondary"
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        <Columns3 aria-hidden="true" className="size-4" />
        Columns
      </Button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-56 rounded-control border border-line bg-surface p-3 shadow-lg"
      >
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">Show columns</legend>
          {columns.map((column) => (
            <label key={column.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name={`${tableId}-column`}
                value={column.id}
                checked={!hidden.includes(column.id)}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? hidden.filter((id) => id !== column.id) : [...hidden, column.id],
                  )
                }
                className="size-4 accent-stone-900"
              />
              {column.header}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
