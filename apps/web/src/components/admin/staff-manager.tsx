"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CreateStaffInput, PASSWORD_MIN_LENGTH, type RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { SelectField, TextField } from "../ui/form-field";

type Account = RouterOutputs["staff"]["list"][number];
type NewStaff = z.infer<typeof CreateStaffInput>;
const NEW_STAFF: NewStaff = { name: "", email: "", password: "", role: "STAFF" };

export function StaffManager({ staff, viewerId }: { staff: Account[]; viewerId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const create = useMutation(trpc.staff.create.mutationOptions());
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const setActive = useMutation(trpc.staff.setActive.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<NewStaff>({ resolver: zodResolver(CreateStaffInput), defaultValues: NEW_STAFF });
  const { errors } = form.formState;

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
        onSubmit={form.handleSubmit((account) =>
          run(async () => {
            await create.mutateAsync(account);
            form.reset(NEW_STAFF);
          }, `${account.email} can now sign in`),
        )}
      >
        <h2 className="text-lg font-medium">New staff account</h2>
        <TextField
          id="staff-name"
          label="Name"
          registration={form.register("name")}
          error={errors.name?.message}
        />
        <TextField
          id="staff-email"
          label="Email"
          type="email"
          registration={form.register("email")}
          error={errors.email?.message}
        />
        <TextField
          id="staff-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
          registration={form.register("password")}
          error={errors.password?.message}
        />
        <SelectField
          id="staff-role"
          label="Role"
          registration={form.register("role")}
          options={[
            { value: "STAFF", label: "Staff" },
            { value: "ADMIN", label: "Admin" },
          ]}
        />
        <Button type="submit" disabled={create.isPending} className="self-start">
          Create account
        </Button>
      </form>
    </div>
  );
}
