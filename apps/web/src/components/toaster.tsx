"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";

type Tone = "success" | "error" | "info";
/** A button in the toast, such as "Undo": it runs once and closes the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}
interface Toast {
  id: number;
  message: string;
  tone: Tone;
  action?: ToastAction;
}
type Notify = (message: string, tone?: Tone, action?: ToastAction) => void;

const ToastContext = createContext<Notify>(() => {});
// Long enough to read the notice and reach its Undo button.
const TOAST_MS = 5_000;
const TOAST_WITH_ACTION_MS = 10_000;

/** Short notices after actions, announced to screen readers through a polite live region. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const notify = useCallback<Notify>(
    (message, tone = "success", action) => {
      const id = Date.now() + Math.random();
      setToasts((current) => [...current, { id, message, tone, action }]);
      setTimeout(() => dismiss(id), action ? TOAST_WITH_ACTION_MS : TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role="status"
            className={`pointer-events-auto flex items-center justify-between gap-3 rounded-md px-4 py-3 text-sm shadow-lg ${
              toast.tone === "error"
                ? "bg-red-700 text-white"
                : toast.tone === "info"
                  ? "bg-stone-800 text-white"
                  : "bg-emerald-700 text-white"
            }`}
          >
            <span>{toast.message}</span>
            {toast.action ? (
              <button
                type="button"
                className="rounded px-2 py-1 font-semibold underline underline-offset-4 hover:bg-white/10"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
