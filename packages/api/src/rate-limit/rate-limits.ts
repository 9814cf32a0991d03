import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { RateLimitedError } from "../errors.ts";
import type { RateLimitConfig } from "./config.ts";

const FIFTEEN_MINUTES = 15 * 60;
const DAY = 24 * 60 * 60;

/**
 * Each limiter counts in Redis, shared by every API process. While Redis is unreachable its
 * in-memory insurance limiter takes over in each process: limits keep holding (per process),
 * requests never fail because of the limiter, and Redis takes over again when it is back.
 */
function createLimiter(
  redis: Redis | undefined,
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, insuranceLimiter: memory });
}

function retryAfter(res: RateLimiterRes | null): number {
  return Math.max(1, Math.ceil((res?.msBeforeNext ?? 1000) / 1000));
}

export class RateLimits {
  private readonly signInFailEmailIp: RateLimiterAbstract;
  private readonly signInFailAccount: RateLimiterAbstract;
  private readonly signInFailIp: RateLimiterAbstract;
  private readonly signInBlockLevel: RateLimiterAbstract;
  private readonly signUpIp: RateLimiterAbstract;
  private readonly orderUser: RateLimiterAbstract;
  private readonly requestIp: RateLimiterAbstract;

  constructor(
    private readonly config: RateLimitConfig,
    redis?: Redis,
    prefix = "rl",
  ) {
    this.signInFailEmailIp = createLimiter(
      redis,
      `${prefix}:signin-email-ip`,
      config.signInFailuresPerEmail,
      FIFTEEN_MINUTES,
    );
    this.signInFailAccount = createLimiter(
      redis,
      `${prefix}:signin-account`,
      config.signInFailuresPerAccount,
      FIFTEEN_MINUTES,
    );
    this.signInFailIp = createLimiter(
      redis,
      `${prefix}:signin-ip`,
      config.signInFailuresPerIp,
      FIFTEEN_MINUTES,
    );
    this.signInBlockLevel = createLimiter(redis, `${prefix}:signin-level`, 64, DAY);
    this.signUpIp = createLimiter(redis, `${prefix}:signup-ip`, config.signUpsPerIp, 60 * 60);
    this.orderUser = createLimiter(redis, `${prefix}:order-user`, config.ordersPerUser, 60);
    this.requestIp = createLimiter(redis, `${prefix}:request-ip`, config.requestsPerIp, 60);
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  /**
   * Refuses a sign-in attempt while this email is blocked for this IP, the IP is blocked, or the
   * account has reached its ceiling of failures from all IPs together. Guesses from one address
   * therefore lock only that address out of the account: the owner elsewhere still signs in.
   */
  async checkSignIn(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const [byEmailIp, byAccount, byIp] = await Promise.all([
      this.signInFailEmailIp.get(emailIpKey(email, ip)),
      this.signInFailAccount.get(normalize(email)),
      this.signInFailIp.get(ip),
    ]);
    const limited = [
      { res: byEmailIp, points: this.config.signInFailuresPerEmail },
      { res: byAccount, points: this.config.signInFailuresPerAccount },
      { res: byIp, points: this.config.signInFailuresPerIp },
    ].filter(({ res, points }) => res !== null && res.consumedPoints >= points);
    if (limited.length > 0)
      throw new RateLimitedError(Math.max(...limited.map(({ res }) => retryAfter(res))));
  }

  /**
   * Counts a failed sign-in. The failure that exhausts the (email, IP) budget starts a block of that
   * pair that doubles each time; the account's ceiling holds until its 15-minute window ends.
   */
  async recordSignInFailure(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    await Promise.all([
      this.consumeOrBlock(this.signInFailEmailIp, emailIpKey(email, ip), true),
      this.signInFailAccount.consume(normalize(email)).catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      }),
      this.consumeOrBlock(this.signInFailIp, ip, false),
    ]);
  }

  /** Clears this pair's failures; the account's count stays, so an owner's sign-in gives an attacker no new guesses. */
  async recordSignInSuccess(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.signInFailEmailIp.delete(emailIpKey(email, ip));
  }

  async consumeSignUp(ip: string): Promise<void> {
    await this.consume(this.signUpIp, ip);
  }

  async consumeOrder(userId: string): Promise<void> {
    await this.consume(this.orderUser, userId);
  }

  /** Spends `points` of the IP's request budget: one per call, so a tRPC batch of 20 spends 20. */
  async consumeRequest(ip: string, points = 1): Promise<void> {
    await this.consume(this.requestIp, ip, points);
  }

  private async consume(limiter: RateLimiterAbstract, key: string, points = 1): Promise<void> {
    if (!this.config.enabled) return;
    try {
      await limiter.consume(key, points);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new RateLimitedError(retryAfter(rejection));
      throw rejection;
    }
  }

  private async consumeOrBlock(limiter: RateLimiterAbstract, key: string, growing: boolean): Promise<void> {
    try {
      const res = await limiter.consume(key);
      if (res.remainingPoints > 0) return;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    }
    let seconds = this.config.signInBlockSeconds;
    if (growing) {
      const level = await this.signInBlockLevel.consume(key).catch((res: RateLimiterRes) => res);
      seconds = Math.min(DAY, this.config.signInBlockSeconds * 2 ** Math.max(0, level.consumedPoints - 1));
    }
    await limiter.block(key, seconds);
  }
}

function normalize(email: string): string {
  return email.trim().toLowerCase();
}

/** IP first: an address never contains a space, so no email can make two pairs share a key. */
function emailIpKey(email: string, ip: string): string {
  return `${ip} ${normalize(email)}`;
}
