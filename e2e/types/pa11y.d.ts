// pa11y ships no types; this is the part of its API the accessibility test uses.
declare module "pa11y" {
  import type { Browser, Page } from "puppeteer";

  interface Pa11yIssue {
    code: string;
    type: "error" | "warning" | "notice";
    message: string;
    selector: string;
    runner: string;
  }
  interface Pa11yOptions {
    runners?: string[];
    standard?: "WCAG2A" | "WCAG2AA" | "WCAG2AAA";
    /** A browser and page of the caller's, which pa11y uses instead of launching its own. */
    browser?: Browser;
    page?: Page;
    timeout?: number;
    wait?: number;
    /** A CSS selector list of elements pa11y leaves out. */
    hideElements?: string;
    viewport?: { width: number; height: number; isMobile?: boolean };
  }
  export default function pa11y(
    url: string,
    options?: Pa11yOptions,
  ): Promise<{ documentTitle: string; pageUrl: string; issues: Pa11yIssue[] }>;
}
