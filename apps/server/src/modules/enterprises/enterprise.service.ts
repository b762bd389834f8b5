import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { parseCreditCode, type CreateEnterpriseBody, type Enterprise, type enterpriseListQuerySchema, type reviewCreditCodeBodySchema, type updateEnterpriseBodySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { enterprises } from './enterprise.schema.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { districtForDivision, findEnterpriseRow, listEnterpriseRows, type EnterpriseRow } from './enterprise.repository.js';

export function toEnterprise(r: EnterpriseRow, auth: AuthContext): Enterprise {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    creditCodeChecksumValid: r.credit_code_checksum_valid,
    creditCodeReviewStatus: r.credit_code_review_status,
    creditCodeReviewReason: r.credit_code_review_reason,
    divisionCode: r.division_code,
    address: r.address,
    industry: r.industry,
    ownership: r.ownership,
    employeeCount: r.employee_count,
    nonPublic: r.non_public,
    socialOrganisation: r.social_organisation,
    platformCompany: r.platform_company,
    orgId: r.org_id,
    orgName: r.org_name,
    unionOrgId: r.union_org_id,
    unionOrgName: r.union_org_name,
    status: r.status,
    createdAt: r.created_at,
    abilities: {
      canEdit: auth.permissions.has('enterprise:enterprise:update'),
      canReview: auth.permissions.has('enterprise:enterprise:review') && r.credit_code_review_status === 'pending',
    },
  };
}

/**
 * GB 32100 check. A code of the right shape whose check character fails can be accepted "on
 * review" with a reason (early pilot regions issued such codes); it is flagged and listed for review.
 */
export function checkCreditCode(code: string, accept: boolean | undefined, reason: string | undefined) {
  const parsed = parseCreditCode(code);
  if (parsed.ok) return { creditCode: parsed.value, creditCodeChecksumValid: true, creditCodeReviewStatus: null, creditCodeReviewReason: null };
  if (parsed.reason === 'format') throw invalidField('creditCode', parsed.message);
  if (!accept) throw invalidField('creditCode', `${parsed.message};如确属早期试点地区赋码,请勾选“核实后接受”并填写理由`);
  if (!reason) throw invalidField('reason', '接受校验位不符的信用代码时须填写理由');
  return { creditCode: parsed.value, creditCodeChecksumValid: false, creditCodeReviewStatus: 'pending' as const, creditCodeReviewReason: reason };
}

async function unionInScope(ctx: AppContext, auth: AuthContext, id: string) {
  const org = await findOrg(ctx.db, auth.scope, id);
  if (!org || org.kind !== 'grassroots') throw invalidField('unionOrgId', '覆盖该企业的工会须是您管理范围内的基层工会');
  return org;
}

async function responsibleOrg(ctx: AppContext, auth: AuthContext, body: { orgId?: string; unionOrgId?: string | null; divisionCode: string }): Promise<string> {
  const candidate = body.orgId ?? body.unionOrgId ?? (auth.scope.all ? await districtForDivision(ctx.db, body.divisionCode) : auth.user.orgId) ?? (await districtForDivision(ctx.db, body.divisionCode));
  if (!candidate || !(await findOrg(ctx.db, auth.scope, candidate))) throw invalidField('orgId', '请指定负责该企业组建工会的组织(须在您的管理范围内)');
  return candidate;
}

export async function getEnterprise(ctx: AppContext, auth: AuthContext, id: string): Promise<Enterprise> {
  const row = await findEnterpriseRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('企业');
  return toEnterprise(row, auth);
}

export async function listEnterprises(ctx: AppContext, auth: AuthContext, q: z.infer<typeof enterpriseListQuerySchema>) {
  const { rows, total } = await listEnterpriseRows(ctx.db, auth.scope, q, q.page, q.pageSize);
  return { items: rows.map((r) => toEnterprise(r, auth)), total, page: q.page, pageSize: q.pageSize };
}

export async function createEnterprise(ctx: AppContext, auth: AuthContext, actor: Actor, body: CreateEnterpriseBody): Promise<Enterprise> {
  const code = checkCreditCode(body.creditCode, body.acceptInvalidChecksum, body.reason);
  if (body.unionOrgId) await unionInScope(ctx, auth, body.unionOrgId);
  const orgId = await responsibleOrg(ctx, auth, body);
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(enterprises)
        .values({
          name: body.name,
          ...code,
          divisionCode: body.divisionCode,
          address: body.address ?? null,
          industry: body.industry ?? null,
          ownership: body.ownership ?? null,
          employeeCount: body.employeeCount,
          nonPublic: body.nonPublic ?? false,
          socialOrganisation: body.socialOrganisation ?? false,
          platformCompany: body.platformCompany ?? false,
          orgId,
          unionOrgId: body.unionOrgId ?? null,
          createdBy: auth.user.id,
        })
        .returning({ id: enterprises.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'enterprise', objectId: row!.id, detail: { after: { ...body, ...code } } }, true);
      return row!.id;
    });
    return getEnterprise(ctx, auth, id);
  } catch (e) {
    if (isUniqueViolation(e, 'enterprises_credit_code_unique')) throw conflict(`统一社会信用代码 ${code.creditCode} 已登记`, 'DUPLICATE');
    throw e;
  }
}

export async function updateEnterprise(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof updateEnterpriseBodySchema>): Promise<Enterprise> {
  const before = await findEnterpriseRow(ctx.db, auth.scope, id);
  if (!before) throw notFound('企业');
  if (body.unionOrgId) await unionInScope(ctx, auth, body.unionOrgId);
  if (body.orgId && !(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '负责组织须在您的管理范围内');
  const { unionOrgId, ...rest } = body;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(enterprises)
      .set({ ...rest, ...(unionOrgId !== undefined ? { unionOrgId, ...(unionOrgId && !body.orgId ? { orgId: unionOrgId } : {}) } : {}), updatedAt: sql`now()` })
      .where(eq(enterprises.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'enterprise', objectId: id, detail: { before: toEnterprise(before, auth), after: body } }, true);
  });
  return getEnterprise(ctx, auth, id);
}

export async function reviewCreditCode(ctx: AppContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof reviewCreditCodeBodySchema>): Promise<Enterprise> {
  const before = await findEnterpriseRow(ctx.db, auth.scope, id);
  if (!before) throw notFound('企业');
  if (before.credit_code_review_status !== 'pending') throw conflict('该企业的信用代码不在待核实状态', 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(enterprises)
      .set({ creditCodeReviewStatus: body.decision, creditCodeReviewReason: `${before.credit_code_review_reason ?? ''}|核实:${body.opinion}`, updatedAt: sql`now()` })
      .where(and(eq(enterprises.id, id), eq(enterprises.creditCodeReviewStatus, 'pending')));
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'enterprise', objectId: id, detail: { creditCodeReview: body.decision, opinion: body.opinion } }, true);
  });
  return getEnterprise(ctx, auth, id);
}
