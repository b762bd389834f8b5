import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PermissionCode } from '@gonghui/contracts';
import { EMPTY_SCOPE, type DataScope } from '../access/data-scope.js';
import { loadUserAccess } from '../access/user-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/db-connection.js';
import { actorOf, authOf } from '../http/request-helpers.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { runExport, type ExportResult } from './export-runner.js';
import type { CellValue, SheetColumn } from './xlsx-writer.js';

export type ExportRow = Record<string, CellValue | undefined>;

/**
 * A list exported as it is shown, with the list's filters, in the requester's scope as it is when
 * the job runs (a requester who lost the permission meanwhile exports nothing). The module says
 * what the file is called, its columns, and how to read one page of rows; the rest is here.
 */
export interface ListExport<F> {
  /** job type and stored file purpose, e.g. `wage-contracts.export` */
  job: string;
  permission: PermissionCode;
  /** file and sheet name, e.g. 集体合同台账 */
  name: string;
  /** the audit object type of the exported records */
  objectType: string;
  columns: SheetColumn[];
  /** one page of the list in the scope, as cells (never the whole list at once) */
  page: (db: Db, scope: DataScope, filter: F, page: number, pageSize: number) => Promise<ExportRow[]>;
}

const PAGE = 1000;

interface Payload<F> {
  userId: string;
  filter: F;
}

/** The job: reads the list page by page into an xlsx file and audits the export (who, how many, which filter). */
export function registerListExport<F>(jobs: JobRunner, def: ListExport<F>): void {
  jobs.register(def.job, async (ctx): Promise<ExportResult> => {
    const p = ctx.job.payload as unknown as Payload<F>;
    const access = await loadUserAccess(ctx.db, p.userId);
    const scope = access.permissions.has(def.permission) ? access.scope : EMPTY_SCOPE;
    const result = await runExport(ctx, {
      name: def.name,
      purpose: def.job,
      columns: def.columns,
      rows: async function* (db) {
        for (let page = 1; ; page++) {
          const rows = await def.page(db, scope, p.filter, page, PAGE);
          yield* rows;
          if (rows.length < PAGE) return;
        }
      },
    });
    const actor = { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null };
    await recordAudit(ctx.db, actor, { action: 'data.export', objectType: def.objectType, objectId: result.fileId, detail: { rows: result.rows, filter: p.filter } });
    return result;
  });
}

/** `POST url` with the list's filters → 202 `{ jobId }`; the request is audited too. */
export function listExportRoute<F>(app: FastifyInstance, def: ListExport<F>, route: { url: string; tags: string[]; summary: string; body: z.ZodType<F> }): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    route.url,
    { config: { permission: def.permission }, schema: { tags: route.tags, summary: route.summary, body: route.body, response: { 202: z.object({ jobId: z.string() }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      const payload: Payload<F> = { userId: auth.user.id, filter: req.body as F };
      const jobId = await app.ctx.jobs.enqueue(def.job, { ...payload }, { createdBy: auth.user.id, orgId: auth.user.orgId });
      await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: def.objectType, objectId: jobId, detail: { requested: true, filter: payload.filter } });
      return reply.code(202).send({ jobId });
    },
  );
}
