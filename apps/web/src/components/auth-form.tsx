"use client";

import { EmailSchema, PASSWORD_MIN_LENGTH, PasswordSchema, PersonNameSchema } from "@stockroom/api/schemas";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useMergeGuestCart } from "~/lib/cart";
import { useToast } from "./toaster";

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
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function submit(form: FormData) {
    const values = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    const errors: Record<string, string> = {};
    if (mode === "sign-up") {
      const name = PersonNameSchema.safeParse(values.name);
      if (!name.success) errors.name = name.error.issues[0]?.message ?? "Enter a name";
      const password = PasswordSchema.safeParse(values.password);
      if (!password.success)
        errors.password = password.error.issues[0]?.message ?? "Choose a longer password";
    }
    if (!EmailSchema.safeParse(values.email).success) errors.email = "Enter a valid email address";
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setPending(true);
    setError(null);
    const response = await fetch(`/api/auth/${mode}/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(mode === "sign-up" ? values : { email: values.email, password: values.password }),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: string };
      setPending(false);
      setError(
        response.status === 401
          ? "Wrong email or password."
          : response.status === 429
            ? (body.error ?? "Too many attempts. Try again later.")
            : (body.message ?? body.error ?? "Something went wrong. Please try again."),
      );
      return;
    }
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
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      {mode === "sign-up" ? (
        <Field id={id("name")} name="name" label="Name" autoComplete="name" error={fieldErrors.name} />
      ) : null}
      <Field
        id={id("email")}
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        error={fieldErrors.email}
      />
      <Field
        id={id("password")}
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        hint={mode === "sign-up" ? `At least ${PASSWORD_MIN_LENGTH} characters` : undefined}
        error={fieldErrors.password}
      />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} variant="primary" className="py-2.5">
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </Button>
    </form>
  );
}

export function Field(props: {
  id: string;
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
}) {
  const describedBy =
    [props.error ? `${props.id}-error` : null, props.hint ? `${props.id}-hint` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={props.id} className="font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-stone-300 px-3 py-2 aria-invalid:border-red-700"
      />
      {props.hint ? (
        <span id={`${props.id}-hint`} className="text-stone-600">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} className="text-red-800">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
