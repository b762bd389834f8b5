import { sql } from 'drizzle-orm';
import {
  EDUCATION_LEVEL_LABELS,
  SIGNUP_DETAILS_SCHEMAS,
  maskIdCard,
  parseIdCard,
  type EducationLevel,
  type educationSignupSchema,
  type groupWeddingSignupSchema,
  type summerClassSignupSchema,
} from '@gonghui/contracts';
import type { z } from 'zod';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalid, invalidField } from '../../platform/http/app-error.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { wholeYears } from '../../platform/enrolment/enrolment-eligibility.js';
import { hmacIdCard } from '../members/member-search.js';
import type { ActivityRow } from './activity.repository.js';

/** Education a level may not be funded again for: the level or above is already held. */
const HOLDS_ASSOCIATE = new Set(['大专', '本科', '硕士', '博士']);
const HOLDS_BACHELOR = new Set(['本科', '硕士', '博士']);

const notEligible = (reason: string) => conflict(`不符合报名条件:${reason}`, 'NOT_ELIGIBLE');

type ActivityFacts = Pick<ActivityRow, 'type' | 'starts_at'> & { details: Record<string, unknown> };

/**
 * Checks what a sign-up for this type of activity carries and returns what is stored with the
 * enrolment: a 小候鸟 child only with the guardian's consent (version and time recorded), a
 * 集体婚礼 partner's 身份证 encrypted with its keyed hash and masked form, a 圆梦计划 applicant's
 * declarations checked against domain.md. Malformed input is a 422 per field; a rule not met is a
 * 409 NOT_ELIGIBLE with the reason; nothing is saved either way.
 */
export async function signupDetails(db: Db, crypto: FieldCrypto, activity: ActivityFacts, memberId: string, raw: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
  const schema = SIGNUP_DETAILS_SCHEMAS[activity.type];
  if (!schema) {
    if (raw && Object.keys(raw).length > 0) throw invalidField('details', '该活动报名不需要填写附加信息');
    return {};
  }
  if (!raw) throw invalidField('details', '请填写报名信息');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ['details', ...i.path.map(String)].join('.'), message: i.message })));
  if (activity.type === 'summer_class') return childDetails(activity, parsed.data as z.infer<typeof summerClassSignupSchema>);
  if (activity.type === 'group_wedding') return coupleDetails(db, crypto, memberId, parsed.data as z.infer<typeof groupWeddingSignupSchema>);
  return educationDetails(db, memberId, parsed.data as z.infer<typeof educationSignupSchema>);
}

function childDetails(activity: ActivityFacts, d: z.infer<typeof summerClassSignupSchema>): Record<string, unknown> {
  const min = Number(activity.details.childAgeMin ?? 6);
  const max = Number(activity.details.childAgeMax ?? 14);
  const on = activity.starts_at ? shanghaiDate(activity.starts_at) : shanghaiDate(new Date());
  const age = wholeYears(d.child.birthDate, on);
  if (age < min || age > max) throw notEligible(`孩子年龄须在${min}至${max}周岁之间(开班时${Math.max(0, age)}周岁)`);
  return { child: d.child, guardianConsent: { version: d.guardianConsent.version, at: new Date().toISOString() } };
}

async function coupleDetails(db: Db, crypto: FieldCrypto, memberId: string, d: z.infer<typeof groupWeddingSignupSchema>): Promise<Record<string, unknown>> {
  const id = parseIdCard(d.partner.idCard);
  if (!id.ok) throw invalidField('details.partner.idCard', id.message);
  const hmac = hmacIdCard(crypto, id.id.value);
  const [self] = await queryRows<{ same: boolean }>(db, sql`SELECT id_card_hmac = ${hmac} AS same FROM members WHERE id = ${memberId}::uuid`);
  if (self?.same) throw invalidField('details.partner.idCard', '配偶身份证号不能与本人相同');
  if (d.marriageRegisteredOn > shanghaiDate(new Date())) throw invalidField('details.marriageRegisteredOn', '结婚登记日期不能晚于今天');
  return { partner: { name: d.partner.name, idCardEnc: crypto.encrypt(id.id.value), idCardHmac: hmac, idCardMasked: maskIdCard(id.id.value) }, marriageRegisteredOn: d.marriageRegisteredOn };
}

async function educationDetails(db: Db, memberId: string, d: z.infer<typeof educationSignupSchema>): Promise<Record<string, unknown>> {
  const reasons: string[] = [];
  if (!d.hasContract) reasons.push('须与在杭单位签订劳动合同');
  if (d.socialInsuranceMonths < 6) reasons.push(`须在杭连续缴纳社保满6个月(您填写的是${d.socialInsuranceMonths}个月)`);
  if (d.level === 'bachelor' && d.currentEducation !== '大专' && !HOLDS_BACHELOR.has(d.currentEducation)) reasons.push('报读本科须已取得大专学历');
  const held = d.level === 'bachelor' ? HOLDS_BACHELOR : HOLDS_ASSOCIATE;
  if (held.has(d.currentEducation)) reasons.push(`已取得${EDUCATION_LEVEL_LABELS[d.level]}或以上学历,不能重复资助`);
  const [m] = await queryRows<{ education: string | null }>(db, sql`SELECT education FROM members WHERE id = ${memberId}::uuid`);
  if (m?.education && held.has(m.education) && !held.has(d.currentEducation)) reasons.push(`会员档案记载的学历为${m.education},与填写的不一致`);
  if (reasons.length > 0) throw notEligible(reasons.join(';'));
  return { level: d.level, currentEducation: d.currentEducation, socialInsuranceMonths: d.socialInsuranceMonths, hasContract: d.hasContract };
}

/** A sign-up's details as lines for staff (never a 身份证 in clear). */
export function describeSignupDetails(type: string, details: Record<string, unknown>): string[] {
  if (type === 'summer_class' && details.child) {
    const c = details.child as { name: string; gender: string; birthDate: string; school?: string };
    const consent = details.guardianConsent as { version: string; at: string } | undefined;
    return [`孩子:${c.name}(${c.gender === 'male' ? '男' : '女'},${c.birthDate} 出生${c.school ? `,${c.school}` : ''})`, consent ? `监护人已同意(${consent.version},${consent.at.slice(0, 10)})` : '无监护人同意记录'];
  }
  if (type === 'group_wedding' && details.partner) {
    const p = details.partner as { name: string; idCardMasked: string };
    return [`配偶:${p.name}(${p.idCardMasked})`, `结婚登记:${String(details.marriageRegisteredOn)}`];
  }
  if (type === 'education' && details.level) {
    return [`报读${EDUCATION_LEVEL_LABELS[details.level as EducationLevel]};现有学历${String(details.currentEducation)};连续社保${String(details.socialInsuranceMonths)}个月`];
  }
  return [];
}
