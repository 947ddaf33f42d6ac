import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { queryRows, sql, type Database } from '../db/database.js';

/**
 * The rate limit's counters in the database, so a limit holds across every instance behind the load
 * balancer (a per-process counter would multiply it by the number of instances). One upsert per
 * counted request; the key stored is a hash of the route and the client's address, never the address.
 * Expired counters are swept by the job runner.
 */
interface RouteSettings {
  routeInfo?: { method?: string | string[]; url?: string };
}

export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly route: string;

    constructor(options: RouteSettings = {}) {
      const info = options.routeInfo;
      this.route = info?.url ? `${String(info.method)} ${info.url}` : '*';
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const hashed = createHash('sha256').update(`${this.route}\n${key}`).digest('base64url');
      queryRows<{ hits: number; ttl: number }>(
        database.db,
        sql`INSERT INTO rate_limit_hits AS r (key, hits, window_ends_at)
            VALUES (${hashed}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
            ON CONFLICT (key) DO UPDATE SET
              hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
              window_ends_at = CASE WHEN r.window_ends_at <= now() THEN excluded.window_ends_at ELSE r.window_ends_at END
            RETURNING hits, greatest(0, ceil(extract(epoch FROM r.window_ends_at - now()) * 1000))::int AS ttl`,
      ).then(
        ([row]) => callback(null, { current: row!.hits, ttl: row!.ttl }),
        (error: unknown) => callback(error as Error),
      );
    }

    // Typed as route options; what the plugin passes at run time is its merged settings, with `routeInfo`.
    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions as RouteSettings);
    }
  };
}
