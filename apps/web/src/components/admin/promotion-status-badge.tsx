import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { PromotionStatus } from "~/lib/promotion-form";

const LOOK: Record<PromotionStatus, { tone: BadgeTone; label: string }> = {
  active: { tone: "success", label: "Active" },
  scheduled: { tone: "info", label: "Scheduled" },
  expired: { tone: "warning", label: "Expired" },
  inactive: { tone: "neutral", label: "Inactive" },
};

export function PromotionStatusBadge({ status }: { status: PromotionStatus }) {
  const { tone, label } = LOOK[status];
  return <Badge tone={tone}>{label}</Badge>;
}
