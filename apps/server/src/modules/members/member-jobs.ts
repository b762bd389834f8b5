import { sql } from 'drizzle-orm';
import { maskPhone } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { runImport, type ImportPayload } from '../../platform/import-export/import-runner.js';
import { runExport } from '../../platform/import-export/export-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { memberImportDefinition } from './member-import.js';
import { iterateMemberRows, memberWhere } from './member.repository.js';
import { memberSearchPredicate } from './member-search.js';

export const MEMBER_IMPORT_JOB = 'members.import';
export const MEMBER_EXPORT_JOB = 'members.export';

export interface MemberExportPayload {
  userId: string;
  q?: string;
  orgId?: string;
  status: string;
  unmasked: boolean;
  reason?: string;
}

const GENDER = { male: '男', female: '女' } as const;
const STATUS: Record<string, string> = { active: '在册', transferred_out: '已转出', retired: '退休', withdrawn: '退会', deceased: '去世' };

/** The members' background jobs: import (acting with the importing user's current scope) and export. */
export function registerMemberJobs(jobs: JobRunner, deps: { crypto: FieldCrypto }): void {
  jobs.register(MEMBER_IMPORT_JOB, async (ctx) => {
    const payload = ctx.job.payload as ImportPayload & { userId: string };
    const access = await loadUserAccess(ctx.db, payload.userId);
    const actor = { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null };
    return runImport(ctx, memberImportDefinition({ crypto: deps.crypto, scope: access.scope, actor }), payload);
  });

  jobs.register(MEMBER_EXPORT_JOB, async (ctx) => {
    const p = ctx.job.payload as unknown as MemberExportPayload;
    const access = await loadUserAccess(ctx.db, p.userId);
    const unmasked = p.unmasked && access.permissions.has('member:member:export-unmasked');
    const where = memberWhere(access.scope, { search: p.q ? memberSearchPredicate(p.q, deps.crypto) : null, orgId: p.orgId, status: p.status });
    const result = await runExport(ctx, {
      name: unmasked ? '会员名单(明文)' : '会员名单',
      purpose: 'members.export',
      columns: [
        { header: '姓名', key: 'name', width: 12 },
        { header: '性别', key: 'gender', width: 6 },
        { header: '出生日期', key: 'birthDate', width: 12 },
        { header: '身份证号', key: 'idCard', width: 22 },
        { header: '手机号', key: 'phone', width: 15 },
        { header: '所在工会', key: 'org', width: 32 },
        { header: '会员卡号', key: 'cardNo', width: 18 },
        { header: '状态', key: 'status', width: 8 },
        { header: '入会日期', key: 'joinedAt', width: 12 },
        { header: '农民工', key: 'migrant', width: 8 },
        { header: '一线职工', key: 'frontline', width: 8 },
        { header: '新就业形态', key: 'newForm', width: 10 },
      ],
      count: async (db) => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members m WHERE ${where}`))[0]?.n ?? 0,
      rows: async function* (db) {
        for await (const m of iterateMemberRows(db, where)) {
          yield {
            name: m.name,
            gender: GENDER[m.gender],
            birthDate: m.birth_date,
            idCard: unmasked ? deps.crypto.decrypt(m.id_card_enc) : m.id_card_masked,
            phone: unmasked && m.phone_enc ? deps.crypto.decrypt(m.phone_enc) : (m.phone_masked ?? (m.phone_enc ? maskPhone(deps.crypto.decrypt(m.phone_enc)) : null)),
            org: m.org_name,
            cardNo: m.card_no,
            status: STATUS[m.status] ?? m.status,
            joinedAt: m.joined_at,
            migrant: m.migrant_worker ? '是' : '否',
            frontline: m.frontline ? '是' : '否',
            newForm: m.new_employment_form ? '是' : '否',
          };
        }
      },
    });
    await recordAudit(ctx.db, { userId: access.user.id, username: access.user.username, orgId: access.user.orgId, ip: null }, {
      action: 'data.export',
      objectType: 'member',
      objectId: result.fileId,
      detail: { rows: result.rows, unmasked, reason: p.reason ?? null, filter: { q: p.q ? '(已记录)' : null, orgId: p.orgId ?? null, status: p.status } },
    });
    return result;
  });
}
