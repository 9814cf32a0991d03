import { Forbidden } from "~/components/admin/forbidden";
import { StaffManager } from "~/components/admin/staff-manager";
import { apiForRequest } from "~/lib/api-server";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Staff" };

export default async function StaffPage() {
  const viewer = await getViewer();
  if (viewer?.role !== "ADMIN") return <Forbidden what="staff management" />;
  const staff = await (await apiForRequest()).staff.list.query();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Staff</h1>
      <StaffManager staff={staff} viewerId={viewer.id} />
    </div>
  );
}
