import type { Dayjs } from 'dayjs';
import { EDUCATIONS, SKILL_LEVELS, type Member } from '@gonghui/contracts';
import type { CreateMemberInput, UpdateMemberBody } from '../../api/contract-types';
import { dayjs } from '../../app/time';
import { MEMBER_FLAGS, type MemberFlag } from './member-labels';

type SkillLevel = (typeof SKILL_LEVELS)[number];
type Education = (typeof EDUCATIONS)[number];

/** The member form's fields (dates as Dayjs, flags as a checkbox group). */
export interface MemberFormValues {
  name: string;
  idCard?: string;
  phone?: string;
  orgId?: string;
  joinedAt?: Dayjs | null;
  bankAccount?: string;
  clearBankAccount?: boolean;
  cardNo?: string;
  enterpriseId?: string | null;
  flags: MemberFlag[];
  skillLevel?: SkillLevel | null;
  education?: Education | null;
}

/** The fields a server `errors[]` entry may name. */
export const FIELDS = ['name', 'idCard', 'phone', 'orgId', 'joinedAt', 'bankAccount', 'cardNo', 'enterpriseId', 'skillLevel', 'education'];
const trimmed = (v: string | undefined | null): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);
const day = (v: Dayjs | null | undefined): string | null => (v ? v.format('YYYY-MM-DD') : null);
const hasFlag = (flags: MemberFlag[], key: MemberFlag) => flags.includes(key);

export function createBody(v: MemberFormValues): CreateMemberInput {
  return {
    name: v.name.trim(),
    idCard: (v.idCard ?? '').trim(),
    phone: (v.phone ?? '').trim(),
    orgId: v.orgId ?? '',
    joinedAt: day(v.joinedAt) ?? undefined,
    bankAccount: trimmed(v.bankAccount),
    cardNo: trimmed(v.cardNo),
    enterpriseId: v.enterpriseId ?? undefined,
    migrantWorker: hasFlag(v.flags, 'migrantWorker'),
    frontline: hasFlag(v.flags, 'frontline'),
    newEmploymentForm: hasFlag(v.flags, 'newEmploymentForm'),
    modelWorker: hasFlag(v.flags, 'modelWorker'),
    skillLevel: v.skillLevel ?? null,
    education: v.education ?? null,
  };
}

/** Only what changed, so the history records real changes; null when nothing did. */
export function updateBody(m: Member, v: MemberFormValues): UpdateMemberBody | null {
  const body: UpdateMemberBody = { version: m.version };
  if (v.name.trim() !== m.name) body.name = v.name.trim();
  if (trimmed(v.phone)) body.phone = trimmed(v.phone);
  if (v.clearBankAccount) body.bankAccount = null;
  else if (trimmed(v.bankAccount)) body.bankAccount = trimmed(v.bankAccount);
  if (day(v.joinedAt) !== m.joinedAt) body.joinedAt = day(v.joinedAt);
  if ((v.enterpriseId ?? null) !== m.enterpriseId) body.enterpriseId = v.enterpriseId ?? null;
  for (const f of MEMBER_FLAGS) if (hasFlag(v.flags, f.key) !== m[f.key]) body[f.key] = hasFlag(v.flags, f.key);
  if ((v.skillLevel ?? null) !== m.skillLevel) body.skillLevel = v.skillLevel ?? null;
  if ((v.education ?? null) !== m.education) body.education = v.education ?? null;
  return Object.keys(body).length > 1 ? body : null;
}

export function valuesOf(m: Member): MemberFormValues {
  return {
    name: m.name,
    joinedAt: m.joinedAt ? dayjs(m.joinedAt) : null,
    enterpriseId: m.enterpriseId,
    flags: MEMBER_FLAGS.filter((f) => m[f.key]).map((f) => f.key),
    skillLevel: (SKILL_LEVELS as readonly string[]).includes(m.skillLevel ?? '') ? (m.skillLevel as SkillLevel) : null,
    education: (EDUCATIONS as readonly string[]).includes(m.education ?? '') ? (m.education as Education) : null,
  };
}

