import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

interface FieldFrame {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

const controlClass =
  "rounded-control border border-line-strong bg-surface px-3 py-2 aria-invalid:border-danger";

/** Label above, hint and error below, wired to the control with aria-describedby. */
function Frame({ id, label, error, hint, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="text-muted">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function describedBy({ id, error, hint }: FieldFrame) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A text input registered with react-hook-form. */
export function TextField(
  props: FieldFrame & {
    registration: UseFormRegisterReturn;
    type?: "text" | "number" | "email" | "url" | "password";
    inputMode?: "decimal" | "numeric";
    autoComplete?: string;
  },
) {
  return (
    <Frame {...props}>
      <input
        id={props.id}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={controlClass}
        {...props.registration}
      />
    </Frame>
  );
}

export function TextAreaField(props: FieldFrame & { registration: UseFormRegisterReturn; rows?: number }) {
  return (
    <Frame {...props}>
      <textarea
        id={props.id}
        rows={props.rows ?? 4}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={controlClass}
        {...props.registration}
      />
    </Frame>
  );
}

export function SelectField(
  props: FieldFrame & { registration: UseFormRegisterReturn; options: { value: string; label: string }[] },
) {
  return (
    <Frame {...props}>
      <select
        id={props.id}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={controlClass}
        {...props.registration}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
