import { OWNERSHIPS, parseCreditCode, type Enterprise } from '@gonghui/contracts';
import type { CreateEnterpriseInput, UpdateEnterpriseBody } from '../../api/contract-types';
import { ENTERPRISE_FLAGS, type EnterpriseKindFlag } from './enterprise-labels';

type Ownership = (typeof OWNERSHIPS)[number];

/** The enterprise form's fields (kind flags as a checkbox group). */
export interface EnterpriseFormValues {
  name: string;
  creditCode?: string;
  divisionCode: string;
  employeeCount: number;
  orgId?: string;
  unionOrgId?: string | null;
  address?: string;
  industry?: string;
  ownership?: Ownership;
  flags: EnterpriseKindFlag[];
  status?: 'active' | 'closed';
  acceptInvalidChecksum?: boolean;
  reason?: string;
}

/** The fields a server `errors[]` entry may name. */
export const FIELDS = ['name', 'creditCode', 'divisionCode', 'employeeCount', 'orgId', 'unionOrgId', 'address', 'industry', 'ownership', 'status', 'reason'];

const text = (v: string | undefined | null): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);
const flag = (v: EnterpriseFormValues, key: EnterpriseKindFlag) => v.flags.includes(key);

export function createBody(v: EnterpriseFormValues): CreateEnterpriseInput {
  return {
    name: v.name.trim(),
    creditCode: (v.creditCode ?? '').trim().toUpperCase(),
    divisionCode: v.divisionCode.trim(),
    employeeCount: v.employeeCount,
    orgId: v.orgId || undefined,
    unionOrgId: v.unionOrgId || undefined,
    address: text(v.address),
    industry: text(v.industry),
    ownership: v.ownership,
    nonPublic: flag(v, 'nonPublic'),
    socialOrganisation: flag(v, 'socialOrganisation'),
    platformCompany: flag(v, 'platformCompany'),
    ...(v.acceptInvalidChecksum ? { acceptInvalidChecksum: true, reason: text(v.reason) } : {}),
  };
}

/** `orgId` only when the user changed it: otherwise the server lets it follow a newly set union. */
export function updateBody(e: Enterprise, v: EnterpriseFormValues): UpdateEnterpriseBody {
  return {
    name: v.name.trim(),
    divisionCode: v.divisionCode.trim(),
    employeeCount: v.employeeCount,
    orgId: v.orgId && v.orgId !== e.orgId ? v.orgId : undefined,
    unionOrgId: v.unionOrgId || null,
    address: text(v.address),
    industry: text(v.industry),
    ownership: v.ownership,
    nonPublic: flag(v, 'nonPublic'),
    socialOrganisation: flag(v, 'socialOrganisation'),
    platformCompany: flag(v, 'platformCompany'),
    status: v.status,
  };
}

export function valuesOf(e: Enterprise): EnterpriseFormValues {
  return {
    name: e.name,
    creditCode: e.creditCode,
    divisionCode: e.divisionCode,
    employeeCount: e.employeeCount,
    orgId: e.orgId,
    unionOrgId: e.unionOrgId,
    address: e.address ?? undefined,
    industry: e.industry ?? undefined,
    ownership: (OWNERSHIPS as readonly string[]).includes(e.ownership ?? '') ? (e.ownership as Ownership) : undefined,
    flags: ENTERPRISE_FLAGS.filter((f) => e[f.key]).map((f) => f.key),
    status: e.status === 'closed' ? 'closed' : 'active',
  };
}

/** True when the code has the right shape and only its check character fails (early pilot-region codes). */
export function onlyChecksumFails(code: string | undefined): boolean {
  if (!code) return false;
  const parsed = parseCreditCode(code);
  return !parsed.ok && parsed.reason === 'checksum';
}
