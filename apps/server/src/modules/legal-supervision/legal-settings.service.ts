import { eq, sql } from 'drizzle-orm';
import { LEGAL_DEFAULT_DAYS, type LegalNoticeKind, type LegalSettings, type legalSettingsBodySchema } from '@gonghui/contracts';
import type { z } from 'zod';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { defaultSerialPrefix } from './legal-notice-template.js';
import { legalSupervisionSettings } from './legal-notice.schema.js';

interface SettingsRow {
  org_id: string;
  org_name: string;
  org_kind: string;
  custom: boolean;
  reminder_days: number | null;
  opinion_days: number | null;
  recommendation_days: number | null;
  serial_prefix: string | null;
}

/** The jurisdiction of an org: its district (territorial ancestor), else the city federation. */
export async function jurisdictionOf(db: Db, orgId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT d.id FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id
        WHERE c.descendant_id = ${orgId} AND c.relation = 'territorial' AND d.kind IN ('district','city') ORDER BY (d.kind = 'district') DESC LIMIT 1`,
  );
  return row?.id ?? orgId;
}

/** The city and districts (in a scope) with their own settings, if any. */
async function settingsRows(db: Db, where: ReturnType<typeof sql>): Promise<SettingsRow[]> {
  return queryRows<SettingsRow>(
    db,
    sql`SELECT o.id AS org_id, o.name AS org_name, o.kind AS org_kind, s.org_id IS NOT NULL AS custom, s.reminder_days, s.opinion_days, s.recommendation_days, s.serial_prefix
        FROM orgs o LEFT JOIN legal_supervision_settings s ON s.org_id = o.id
        WHERE o.kind IN ('city','district') AND ${where} ORDER BY (o.kind = 'city') DESC, o.code, o.name`,
  );
}

export interface EffectiveSettings {
  days: Record<LegalNoticeKind, number>;
}

/** The reply periods that apply to an instrument issued by an org: its district's, else the city's, else the domain defaults. */
export async function effectiveSettings(db: Db, orgId: string): Promise<EffectiveSettings> {
  const district = await jurisdictionOf(db, orgId);
  const rows = await queryRows<{ kind: string; reminder_days: number; opinion_days: number; recommendation_days: number }>(
    db,
    sql`SELECT o.kind, s.reminder_days, s.opinion_days, s.recommendation_days FROM legal_supervision_settings s JOIN orgs o ON o.id = s.org_id
        WHERE s.org_id = ${district} OR o.kind = 'city' ORDER BY (o.kind = 'city') ASC LIMIT 1`,
  );
  const r = rows[0];
  return { days: r ? { reminder: r.reminder_days, opinion: r.opinion_days, recommendation: r.recommendation_days } : { ...LEGAL_DEFAULT_DAYS } };
}

/** The 文号 prefix of an issuing union: its own setting (city or district), else derived from its name. */
export async function serialPrefixOf(db: Db, org: { id: string; name: string; kind: string }): Promise<string> {
  const [row] = await queryRows<{ serial_prefix: string | null }>(db, sql`SELECT serial_prefix FROM legal_supervision_settings WHERE org_id = ${org.id}`);
  return row?.serial_prefix ?? defaultSerialPrefix(org);
}

function view(r: SettingsRow, fallback: Record<LegalNoticeKind, number>, canEdit: boolean): LegalSettings {
  return {
    orgId: r.org_id,
    orgName: r.org_name,
    level: r.org_kind === 'city' ? 'city' : 'district',
    custom: r.custom,
    reminderDays: r.reminder_days ?? fallback.reminder,
    opinionDays: r.opinion_days ?? fallback.opinion,
    recommendationDays: r.recommendation_days ?? fallback.recommendation,
    serialPrefix: r.serial_prefix ?? defaultSerialPrefix({ name: r.org_name, kind: r.org_kind }),
    canEdit,
  };
}

/** The city and the districts in scope; unset districts show what applies to them (the city's, else the defaults). */
export async function listSettings(db: Db, auth: AuthContext): Promise<LegalSettings[]> {
  const rows = await settingsRows(db, sql`(${scopePredicate(auth.scope, { org: sql`o.id` })} OR o.kind = 'city')`);
  const city = rows.find((r) => r.org_kind === 'city' && r.custom);
  const cityDays = city ? { reminder: city.reminder_days!, opinion: city.opinion_days!, recommendation: city.recommendation_days! } : LEGAL_DEFAULT_DAYS;
  const editable = auth.permissions.has('legal:settings:configure');
  const out: LegalSettings[] = [];
  for (const r of rows) {
    const inScope = await scopeIncludesOrg(db, auth.scope, r.org_id);
    if (!inScope && r.org_kind !== 'city') continue;
    out.push(view(r, r.org_kind === 'city' ? LEGAL_DEFAULT_DAYS : cityDays, editable && inScope));
  }
  return out;
}

/** Sets a jurisdiction's reply periods and 文号 prefix (the city or a district in scope; 404 otherwise). */
export async function saveSettings(db: Db, auth: AuthContext, actor: Actor, orgId: string, b: z.infer<typeof legalSettingsBodySchema>): Promise<LegalSettings[]> {
  const [org] = await queryRows<{ kind: string }>(db, sql`SELECT kind FROM orgs WHERE id = ${orgId} AND kind IN ('city','district')`);
  if (!org || !(await scopeIncludesOrg(db, auth.scope, orgId))) throw notFound('辖区');
  const values = { reminderDays: b.reminderDays, opinionDays: b.opinionDays, recommendationDays: b.recommendationDays, serialPrefix: b.serialPrefix ?? null, updatedBy: auth.user.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    const [old] = await tx.select().from(legalSupervisionSettings).where(eq(legalSupervisionSettings.orgId, orgId));
    await tx.insert(legalSupervisionSettings).values({ orgId, ...values }).onConflictDoUpdate({ target: legalSupervisionSettings.orgId, set: values });
    const { updatedBy: _by, updatedAt: _at, ...fields } = values;
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'legal_supervision_settings', objectId: orgId, detail: changeDetail(old ?? {}, fields) }, true);
  });
  return listSettings(db, auth);
}
