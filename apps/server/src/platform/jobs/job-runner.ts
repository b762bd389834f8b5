import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { queryRows, type Db } from '../db/db-connection.js';
import { jobs } from './job.schema.js';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  job: JobRow;
  db: Db;
  /** records progress; visible at GET /api/jobs/:id */
  progress(done: number, total?: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface EnqueueOptions {
  createdBy?: string | null;
  orgId?: string | null;
  maxAttempts?: number;
  runAt?: Date;
}

const STALE_SECONDS = 120;
const HEARTBEAT_MS = 15_000;

/**
 * Database-backed jobs: claimed with FOR UPDATE SKIP LOCKED so several server processes share the
 * load; a job whose process died (no heartbeat for two minutes) is queued again; failures retry
 * with back-off up to max_attempts; progress and results survive a restart.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  /** periodic jobs: type → interval in ms */
  private readonly recurring = new Map<string, number>();
  private readonly worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  private stopped = true;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly concurrency = 1,
    private readonly pollMs = 500,
  ) {}

  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /**
   * A periodic job (reminders, 公示 expiry, escalation): at most one queued or running per type
   * across all processes (a partial unique index), the next one queued when it finishes.
   */
  registerRecurring(type: string, everyMs: number, handler: JobHandler): void {
    this.handlers.set(type, handler);
    this.recurring.set(type, everyMs);
  }

  private async scheduleRecurring(type: string, inMs: number): Promise<void> {
    await this.db.execute(sql`INSERT INTO jobs (type, payload, max_attempts, run_at)
      VALUES (${type}, '{"recurring":true}'::jsonb, 1, now() + make_interval(secs => ${inMs / 1000}))
      ON CONFLICT DO NOTHING`);
  }

  async enqueue(type: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}, db: Db = this.db): Promise<string> {
    const [row] = await db
      .insert(jobs)
      .values({ type, payload, createdBy: opts.createdBy ?? null, orgId: opts.orgId ?? null, maxAttempts: opts.maxAttempts ?? 3, runAt: opts.runAt ?? new Date() })
      .returning({ id: jobs.id });
    this.wake?.();
    return row!.id;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void (async () => {
      for (const type of this.recurring.keys()) await this.scheduleRecurring(type, 0).catch((e: unknown) => this.log.error({ err: e, type }, 'cannot schedule recurring job'));
      await this.loop();
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.timer) clearTimeout(this.timer);
    while (this.running > 0) await new Promise((r) => setTimeout(r, 50));
  }

  /** Claims and runs jobs until none is due; returns how many ran (tests call this directly). */
  async drain(): Promise<number> {
    await this.requeueStale();
    let n = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return n;
      await this.run(job);
      n++;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.requeueStale();
        while (!this.stopped && this.running < this.concurrency) {
          const job = await this.claim();
          if (!job) break;
          this.running++;
          void this.run(job).finally(() => {
            this.running--;
            this.wake?.();
          });
        }
      } catch (e) {
        this.log.error({ err: e }, 'job loop error');
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
      });
      this.wake = null;
    }
  }

  private async requeueStale(): Promise<void> {
    await this.db.execute(sql`UPDATE jobs SET status = 'queued', locked_by = NULL, locked_at = NULL
      WHERE status = 'running' AND locked_at < now() - make_interval(secs => ${STALE_SECONDS})`);
  }

  private async claim(): Promise<JobRow | null> {
    const types = [...this.handlers.keys()];
    if (types.length === 0) return null;
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`UPDATE jobs SET status = 'running', locked_by = ${this.worker}, locked_at = now(), attempts = attempts + 1
          WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now()
                        AND type IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})
                      ORDER BY run_at, created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id`,
    );
    const id = rows[0]?.id;
    if (!id) return null;
    const [job] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return job ?? null;
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.type);
    const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.worker));
    const heartbeat = setInterval(() => {
      void this.db.update(jobs).set({ lockedAt: sql`now()` }).where(mine).catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      if (!handler) throw new Error(`没有处理 ${job.type} 类型任务的程序`);
      const result = await handler({
        job,
        db: this.db,
        progress: async (done, total) => {
          await this.db
            .update(jobs)
            .set({ progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}), lockedAt: sql`now()` })
            .where(mine);
        },
      });
      await this.db
        .update(jobs)
        .set({ status: 'succeeded', result: (result ?? null) as object | null, finishedAt: sql`now()`, lockedBy: null, error: null })
        .where(mine);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const retry = job.attempts < job.maxAttempts;
      this.log.warn({ jobId: job.id, type: job.type, attempt: job.attempts, err: message }, 'job failed');
      await this.db
        .update(jobs)
        .set(
          retry
            ? { status: 'queued', error: message, lockedBy: null, lockedAt: null, runAt: sql`now() + make_interval(secs => ${5 * job.attempts})` }
            : { status: 'failed', error: message, lockedBy: null, finishedAt: sql`now()` },
        )
        .where(mine);
    } finally {
      clearInterval(heartbeat);
      const every = this.recurring.get(job.type);
      if (every !== undefined) await this.scheduleRecurring(job.type, every).catch((e: unknown) => this.log.error({ err: e, type: job.type }, 'cannot schedule recurring job'));
    }
  }
}
