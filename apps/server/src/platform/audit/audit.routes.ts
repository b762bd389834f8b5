import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { auditListQuerySchema, auditRowSchema, auditVerifyAnswerSchema, pageOf } from '@gonghui/contracts';
import { auditLog } from './audit.schema.js';
import { verifyAuditChain } from './audit-verify.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['审计'];
  r.get('/api/audit', { config: { permission: 'audit:log:list' }, schema: { tags, summary: '审计日志(仅审计管理员)', querystring: auditListQuerySchema, response: { 200: pageOf(auditRowSchema) } } }, async (req) => {
    const q = req.query;
    const conds: SQL[] = [];
    if (q.action) conds.push(eq(auditLog.action, q.action));
    if (q.username) conds.push(eq(auditLog.username, q.username));
    if (q.result) conds.push(eq(auditLog.result, q.result));
    if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
    if (q.objectId) conds.push(eq(auditLog.objectId, q.objectId));
    if (q.from) conds.push(gte(auditLog.at, new Date(q.from)));
    if (q.to) conds.push(lte(auditLog.at, new Date(q.to)));
    const where = conds.length ? and(...conds) : undefined;
    const [rows, [total]] = await Promise.all([
      app.ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      app.ctx.db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return {
      items: rows.map((row) => ({ ...row, id: String(row.id), at: row.at.toISOString(), detail: JSON.parse(row.detail) as unknown })),
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
  r.post('/api/audit/verify', { config: { permission: 'audit:log:verify' }, schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifyAnswerSchema } } }, () => verifyAuditChain(app.ctx.db));
}
