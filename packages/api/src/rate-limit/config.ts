export interface RateLimitConfig {
  /** RATE_LIMITS=off turns every limit off (benchmarks, load tests). */
  enabled: boolean;
  /**
   * Failed sign-ins for one email from one IP within 15 minutes before that pair is blocked (the
   * block doubles each time). Other IPs can still sign in to the account.
   */
  signInFailuresPerEmail: number;
  /** Failed sign-ins for one email from all IPs together within 15 minutes before the account is blocked. */
  signInFailuresPerAccount: number;
  /** Failed sign-ins per IP within 15 minutes before the IP is blocked. */
  signInFailuresPerIp: number;
  /** First block after too many failures; each further block within 24 hours doubles it. */
  signInBlockSeconds: number;
  /** Sign-ups per IP per hour. */
  signUpsPerIp: number;
  /** Orders per user per minute. */
  ordersPerUser: number;
  /** Requests per IP per minute across the whole API. */
  requestsPerIp: number;
}

export const defaultRateLimitConfig: RateLimitConfig = {
  enabled: true,
  signInFailuresPerEmail: 5,
  signInFailuresPerAccount: 100,
  signInFailuresPerIp: 30,
  signInBlockSeconds: 60,
  signUpsPerIp: 20,
  ordersPerUser: 30,
  requestsPerIp: 1200,
};
