import { TRPCClientError } from "@trpc/client";

/** What the API said about a failed call: its message, HTTP status, field issues and domain details. */
export interface ApiFailure {
  message: string;
  status: number | undefined;
  /** zod's field issues, each path dotted ("patch.sku"). */
  issues: { path: string; message: string }[];
  details: Record<string, unknown> | undefined;
}

export function apiFailureOf(error: unknown, fallback: string): ApiFailure {
  if (!(error instanceof TRPCClientError))
    return { message: fallback, status: undefined, issues: [], details: undefined };
  const data = error.data as
    | { httpStatus?: number; issues?: { path: string; message: string }[]; details?: Record<string, unknown> }
    | undefined;
  return {
    message: error.message,
    status: data?.httpStatus,
    issues: data?.issues ?? [],
    details: data?.details,
  };
}

/** A domain error's problems ({ path: ["variants", 2, "sku"], message }), as variantProblems reports them. */
export function problemsOf(failure: ApiFailure): { path: (string | number)[]; message: string }[] {
  const problems = failure.details?.problems;
  return Array.isArray(problems) ? (problems as { path: (string | number)[]; message: string }[]) : [];
}
