import { PageSkeleton } from "~/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton card rows={4} />;
}
