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
  private readonly signInFailEmail: RateLimiterAbstract;
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
    this.signInFailEmail = createLimiter(
      redis,
      `${prefix}:signin-email`,
      config.signInFailuresPerEmail,
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

  /** Refuses a sign-in attempt while the email or the IP is blocked after too many failures. */
  async checkSignIn(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const [byEmail, byIp] = await Promise.all([
      this.signInFailEmail.get(normalize(email)),
      this.signInFailIp.get(ip),
    ]);
    const limited = [
      { res: byEmail, points: this.config.signInFailuresPerEmail },
      { res: byIp, points: this.config.signInFailuresPerIp },
    ].filter(({ res, points }) => res !== null && res.consumedPoints >= points);
    if (limited.length > 0)
      throw new RateLimitedError(Math.max(...limited.map(({ res }) => retryAfter(res))));
  }

  /** Counts a failed sign-in; the failure that exhausts the budget starts a block that doubles each time. */
  async recordSignInFailure(email: string, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const key = normalize(email);
    await Promise.all([
      this.consumeOrBlock(this.signInFailEmail, key, true),
      this.consumeOrBlock(this.signInFailIp, ip, false),
    ]);
  }

  async recordSignInSuccess(email: string): Promise<void> {
    if (!this.config.enabled) return;
    await this.signInFailEmail.delete(normalize(email));
  }

  async consumeSignUp(ip: string): Promise<void> {
    await this.consume(this.signUpIp, ip);
  }

  async consumeOrder(userId: string): Promise<void> {
    await this.consume(this.orderUser, userId);
  }

  async consumeRequest(ip: string): Promise<void> {
    await this.consume(this.requestIp, ip);
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    if (!this.config.enabled) return;
    try {
      await limiter.consume(key);
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
