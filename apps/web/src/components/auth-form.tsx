"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_MIN_LENGTH, SignInInput, SignUpInput } from "@stockroom/api/schemas";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form-field";
import { useMergeGuestCart } from "~/lib/cart";
import { useToast } from "./toaster";

type AuthValues = z.infer<typeof SignUpInput>;
// A sign-in form has no name box; the name it holds is empty and never sent.
const SignInForm = SignInInput.extend({ name: z.string() });

/** Sign in or sign up through the API's /api/auth routes; then the guest cart joins the account. */
export function AuthForm({
  mode,
  next,
  onDone,
}: {
  mode: "sign-in" | "sign-up";
  next?: string;
  onDone?: () => void;
}) {
  const router = useRouter();
  const notify = useToast();
  const mergeGuestCart = useMergeGuestCart();
  const [error, setError] = useState<string | null>(null);
  // Stays true after a success, so the button cannot send it again while the next page loads.
  const [done, setDone] = useState(false);
  const form = useForm<AuthValues>({
    resolver: zodResolver(mode === "sign-up" ? SignUpInput : SignInForm),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: AuthValues) {
    setError(null);
    const response = await fetch(`/api/auth/${mode}/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(mode === "sign-up" ? values : { email: values.email, password: values.password }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
      setError(
        response.status === 401
          ? "Wrong email or password."
          : response.status === 429
            ? (body.error ?? "Too many attempts. Try again later.")
            : (body.message ?? body.error ?? "Something went wrong. Please try again."),
      );
      return;
    }
    setDone(true);
    await mergeGuestCart().catch(() => notify("Your saved cart could not be merged.", "error"));
    notify(mode === "sign-up" ? "Welcome! Your account is ready." : "Signed in");
    onDone?.();
    if (next) router.push(next);
    router.refresh();
  }

  const id = (field: string) => `${mode}-${field}`;
  return (
    <form
      noValidate
      aria-label={mode === "sign-up" ? "Create account" : "Sign in"}
      className="flex flex-col gap-4"
      onSubmit={form.handleSubmit(submit)}
    >
      {mode === "sign-up" ? (
        <TextField
          id={id("name")}
          label="Name"
          autoComplete="name"
          registration={form.register("name")}
          error={errors.name?.message}
        />
      ) : null}
      <TextField
        id={id("email")}
        label="Email"
        type="email"
        autoComplete="email"
        registration={form.register("email")}
        error={errors.email?.message}
      />
      <TextField
        id={id("password")}
        label="Password"
        type="password"
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        hint={mode === "sign-up" ? `At least ${PASSWORD_MIN_LENGTH} characters` : undefined}
        registration={form.register("password")}
        error={errors.password?.message}
      />
      {error ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting || done} variant="primary" className="py-2.5">
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </Button>
    </form>
  );
}
