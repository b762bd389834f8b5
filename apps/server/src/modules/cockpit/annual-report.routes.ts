import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpitQuerySchema, type CockpitQuery } from '@gonghui/contracts';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { attachmentHeader } from '../../platform/files/file.routes.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { annualReportPdf } from './annual-report-pdf.js';
import { writeAnnualReportXlsx } from './annual-report-xlsx.js';
import { annualReport, reportFileName, type AnnualReport } from './annual-report.service.js';

const config = { permission: 'dashboard:report:export' } as const;
const tags = ['工作驾驶舱'];

/** The report of the org and year asked for (404 outside the caller's scope), its export audited. */
async function auditedReport(app: FastifyInstance, req: FastifyRequest, q: CockpitQuery, format: 'xlsx' | 'pdf'): Promise<AnnualReport> {
  const report = await annualReport(app.ctx, authOf(req), q);
  await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'cockpit_report', objectId: report.view.org.id, detail: { year: report.view.year, format, orgName: report.view.org.name } });
  return report;
}

/** 年度工作统计: the cockpit's figures of an org and year as an xlsx and as a printable PDF. */
export async function annualReportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/cockpit/report.xlsx', { config, schema: { tags, summary: '年度工作统计(Excel):各项指标、同比、目标完成与下级组织', querystring: cockpitQuerySchema } }, async (req, reply) => {
    const report = await auditedReport(app, req, req.query, 'xlsx');
    return sendXlsx(reply, reportFileName(report, 'xlsx'), (out) => writeAnnualReportXlsx(out, report));
  });
  r.get('/api/cockpit/report.pdf', { config, schema: { tags, summary: '年度工作统计(PDF,A4 可打印)', querystring: cockpitQuerySchema } }, async (req, reply) => {
    const report = await auditedReport(app, req, req.query, 'pdf');
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentHeader(reportFileName(report, 'pdf'))).send(annualReportPdf(report));
  });
}
