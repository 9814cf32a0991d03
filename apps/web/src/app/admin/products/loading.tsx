import { DataTableSkeleton } from "~/components/ui/data-table-skeleton";

export default function Loading() {
  return <DataTableSkeleton columns={7} filters={4} />;
}
