"use client";

import { CreateStaffInput, type RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/lib/trpc-client";
import { Field } from "../auth-form";
import { useToast } from "../toaster";

type Account = RouterOutputs["staff"]["list"][number];

export function StaffManager({ staff, viewerId }: { staff: Account[]; viewerId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const create = useMutation(trpc.staff.create.mutationOptions());
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const setActive = useMutation(trpc.staff.setActive.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setFailure(null);
    try {
      await action();
      notify(done);
      router.refresh();
    } catch (error) {
      setFailure(error instanceof TRPCClientError ? error.message : "Could not save the change");
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">Name</th>
            <th className="p-2">Email</th>
            <th className="p-2">Role</th>
            <th className="p-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((account) => (
            <tr key={account.id} className="border-t border-stone-200">
              <td className="p-2">
                {account.name}
                {account.id === viewerId ? " (you)" : ""}
              </td>
              <td className="p-2">{account.email}</td>
              <td className="p-2">
                <label className="sr-only" htmlFor={`role-${account.id}`}>
                  Role of {account.email}
                </label>
                <select
                  id={`role-${account.id}`}
                  value={account.role}
                  // Another admin changes an admin's own role (the API refuses it too).
                  disabled={account.id === viewerId}
                  title={account.id === viewerId ? "Another admin has to change your role" : undefined}
                  onChange={(event) =>
                    run(
                      () =>
                        setRole.mutateAsync({
                          userId: account.id,
                          role: event.target.value as Account["role"],
                        }),
                      `Role of ${account.email} changed`,
                    )
                  }
                  className="rounded-md border border-stone-300 px-2 py-1"
                >
                  <option value="STAFF">Staff</option>
                  <option value="ADMIN">Admin</option>
                  <option value="CUSTOMER">Customer (remove from staff)</option>
                </select>
              </td>
              <td className="p-2">
                {account.id === viewerId ? (
                  <span className="text-stone-600">Your account</span>
                ) : (
                  <button
                    type="button"
                    className="underline underline-offset-4"
                    onClick={() =>
                      run(
                        () => setActive.mutateAsync({ userId: account.id, active: !account.active }),
                        account.active ? `${account.email} deactivated` : `${account.email} reactivated`,
                      )
                    }
                  >
                    {account.active ? "Deactivate" : "Reactivate"}
                    <span className="sr-only"> {account.email}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        noValidate
        aria-label="New staff account"
        className="flex max-w-md flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const parsed = CreateStaffInput.safeParse(Object.fromEntries(form));
          if (!parsed.success) {
            setErrors(
              Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
            );
            return;
          }
          setErrors({});
          const target = event.currentTarget;
          void run(async () => {
            await create.mutateAsync(parsed.data);
            target.reset();
          }, `${parsed.data.email} can now sign in`);
        }}
      >
        <h2 className="text-lg font-medium">New staff account</h2>
        <Field id="staff-name" name="name" label="Name" error={errors.name} />
        <Field id="staff-email" name="email" label="Email" type="email" error={errors.email} />
        <Field
          id="staff-password"
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          error={errors.password}
          hint="At least 10 characters"
        />
        <label className="flex flex-col gap-1 text-sm">
          Role
          <select name="role" defaultValue="STAFF" className="rounded-md border border-stone-300 px-2 py-1.5">
            <option value="STAFF">Staff</option>
            <option value="ADMIN">Admin</option>
          </select>
        </label>
        <Button type="submit" disabled={create.isPending} className="self-start">
          Create account
        </Button>
      </form>
    </div>
  );
}
