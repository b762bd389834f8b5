import type { FastifyInstance } from 'fastify';
import { spendingSchema, VOUCHER_MAX_FILES, VOUCHER_TYPES } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes } from '../../platform/files/attachment.routes.js';
import { conflict } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getSpending } from './spending.service.js';

export const VOUCHER_HOST: AttachmentHost = {
  table: 'union_spendings',
  column: 'vouchers',
  objectType: 'union_spending',
  purpose: 'spending_voucher',
  maxFiles: VOUCHER_MAX_FILES,
  label: '支出凭证',
  types: VOUCHER_TYPES,
  touch: true,
};

/** A spending the caller sees (else 404); its vouchers change while it is posted (a reversed one keeps them as they were). */
async function voucherAccess(db: Db, auth: AuthContext, id: string): Promise<AttachmentAccess> {
  const s = await getSpending(db, auth, id);
  const check = () => {
    if (!s.abilities.canEditVouchers) throw conflict('该笔支出已冲销,凭证不能再变更', 'ILLEGAL_TRANSITION');
  };
  return { orgId: s.orgId, list: s.vouchers, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
}

/** 支出凭证 of a spending: upload (multipart `type` + `file`), view, delete. */
export function spendingVoucherRoutes(app: FastifyInstance): void {
  registerAttachmentRoutes(app, {
    host: VOUCHER_HOST,
    base: '/api/finance/spendings',
    segment: 'vouchers',
    tags: ['预算与支出'],
    view: 'finance:budget:list',
    change: 'finance:budget:manage',
    who: '登记支出的工会',
    access: (req, id) => voucherAccess(app.ctx.db, authOf(req), id),
    result: (req, id) => getSpending(app.ctx.db, authOf(req), id),
    resultSchema: spendingSchema,
  });
}
