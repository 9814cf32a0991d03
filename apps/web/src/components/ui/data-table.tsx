"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  useReactTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useMemo, useState } from "react";
import { Button } from "./button";
import { ColumnToggle, useHiddenColumns } from "./data-table-column-toggle";
import { SelectCheckbox } from "./data-table-select";

/**
 * A column of a server-rendered list. Sorting is the server's (the list is paged by a keyset cursor,
 * so sorting one page in the browser would lie): `sort` says how the rows are sorted now and where a
 * click on the header goes; a column the API cannot sort by has no `sort`.
 */
export interface DataTableColumn {
  id: string;
  header: string;
  /** The header is read by screen readers only (a column of images or actions). */
  headerHidden?: boolean;
  align?: "left" | "right";
  /** Whether people may hide it from the Columns menu (default true). */
  hideable?: boolean;
  sort?: {
    /** How the rows are sorted by this column now, or null when another column sorts them. */
    direction: "ascending" | "descending" | null;
    /** The list sorted the next way by this column, with its label ("Sort low to high"); none when there is no other way. */
    next?: { href: string; label: string };
  };
}

/** A row the server rendered: one cell per column id. */
export interface DataTableRow {
  id: string;
  cells: Record<string, ReactNode>;
  /** The row checkbox's label, such as "Select order #100008"; rows without it cannot be selected. */
  selectLabel?: string;
}

export interface DataTableProps {
  /** Names the table (its caption, for screen readers) and keys the saved column choice. */
  tableId: string;
  caption: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /**
   * With this, rows get checkboxes, and a bar with these actions appears once some are selected.
   * `clear` empties the selection (after the action, say).
   */
  bulkActions?: (selectedIds: string[], clear: () => void) => ReactNode;
}

const SELECT_COLUMN = "__select";

/** The admin lists' table: sticky header, server-side sorting, column choice, optional bulk selection. */
export function DataTable({ tableId, caption, columns, rows, bulkActions }: DataTableProps) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [hidden, setHidden] = useHiddenColumns(tableId);
  const selectable = bulkActions !== undefined;

  const columnDefs = useMemo<ColumnDef<DataTableRow>[]>(() => {
    const defs: ColumnDef<DataTableRow>[] = columns.map((column) => ({
      id: column.id,
      header: column.header,
      enableHiding: column.hideable !== false,
      meta: column,
      cell: ({ row }) => row.original.cells[column.id] ?? null,
    }));
    if (!selectable) return defs;
    return [
      {
        id: SELECT_COLUMN,
        enableHiding: false,
        header: ({ table }) => (
          <SelectCheckbox
            label="Select all rows on this page"
            checked={table.getIsAllPageRowsSelected()}
            indeterminate={table.getIsSomePageRowsSelected()}
            disabled={!table.getRowModel().rows.some((row) => row.getCanSelect())}
            onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
          />
        ),
        cell: ({ row }) =>
          row.original.selectLabel ? (
            <SelectCheckbox
              label={row.original.selectLabel}
              checked={row.getIsSelected()}
              onChange={(checked) => row.toggleSelected(checked)}
            />
          ) : null,
      },
      ...defs,
    ];
  }, [columns, selectable]);

  const columnVisibility = useMemo(() => Object.fromEntries(hidden.map((id) => [id, false])), [hidden]);
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: (row) => Boolean(row.original.selectLabel),
    state: { rowSelection, columnVisibility },
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    manualPagination: true,
  });
  // Only rows still on the page count: a refresh or the next page may have taken others away.
  const selectedIds = table.getSelectedRowModel().rows.map((row) => row.id);
  const clear = () => setRowSelection({});

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {selectable && selectedIds.length > 0 ? (
          <div
            role="toolbar"
            aria-label="Bulk actions"
            className="flex flex-wrap items-center gap-2 rounded-control border border-line bg-surface px-3 py-2 text-sm"
          >
            <span className="font-medium">{selectedIds.length} selected</span>
            {bulkActions(selectedIds, clear)}
            <Button variant="ghost" size="sm" onClick={clear}>
              Clear selection
            </Button>
          </div>
        ) : null}
        <div className="ml-auto">
          <ColumnToggle
            tableId={tableId}
            columns={columns.filter((column) => column.hideable !== false)}
            hidden={hidden}
            onChange={setHidden}
          />
        </div>
      </div>
      {/* Below lg the table may scroll sideways in its box; from lg it sits in the page, so its header can stick to the window. */}
      <div className="overflow-x-auto lg:overflow-x-visible">
        <table className="w-full border-separate border-spacing-0 rounded-card border border-line bg-surface text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column.columnDef.meta as DataTableColumn | undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={column?.sort ? (column.sort.direction ?? "none") : undefined}
                      className={`sticky top-0 z-10 border-b border-line bg-stone-100 p-2 font-semibold first:rounded-tl-card last:rounded-tr-card ${
                        column?.align === "right" ? "text-right" : ""
                      } ${header.id === SELECT_COLUMN ? "w-10" : ""}`}
                    >
                      {column ? (
                        <HeaderLabel column={column} />
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-selected={row.getIsSelected() || undefined}
                className="data-selected:bg-sky-50"
              >
                {row.getVisibleCells().map((cell) => {
                  const column = cell.column.columnDef.meta as DataTableColumn | undefined;
                  return (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      className={`border-b border-line p-2 align-middle ${
                        column?.align === "right" ? "text-right" : ""
                      }`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function HeaderLabel({ column }: { column: DataTableColumn }) {
  if (column.headerHidden) return <span className="sr-only">{column.header}</span>;
  const sort = column.sort;
  if (!sort) return <>{column.header}</>;
  const Icon =
    sort.direction === "ascending" ? ArrowUp : sort.direction === "descending" ? ArrowDown : ArrowUpDown;
  const icon = (
    <Icon
      aria-hidden="true"
      className={`size-3.5 ${sort.direction ? "text-ink" : "text-muted"}`}
      strokeWidth={2.25}
    />
  );
  const justify = column.align === "right" ? "flex-row-reverse" : "";
  if (!sort.next) {
    return (
      <span className={`inline-flex items-center gap-1 ${justify}`}>
        {column.header}
        {icon}
      </span>
    );
  }
  return (
    <Link
      href={sort.next.href}
      scroll={false}
      className={`-mx-1 inline-flex items-center gap-1 rounded px-1 hover:bg-stone-200 ${justify}`}
    >
      {column.header}
      <span className="sr-only">: {sort.next.label}</span>
      {icon}
    </Link>
  );
}
