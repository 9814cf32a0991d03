const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestOrigin {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  hasCookie: boolean;
}

/**
 * True for a state-changing request that carries the session cookie but comes from a page that is
 * not ours. Browsers always send Origin (or at least Sec-Fetch-Site) on such requests; a request
 * with neither is not from a browser, so there is no ambient cookie to abuse.
 */
export function isCrossSiteRequest(request: RequestOrigin, trustedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || !request.hasCookie) return false;
  if (request.origin !== undefined) return !trustedOrigins.includes(request.origin);
  if (request.secFetchSite !== undefined)
    return request.secFetchSite !== "same-origin" && request.secFetchSite !== "none";
  return false;
}
