import { sql } from 'drizzle-orm';
import { MEMBER_GENDER_LABELS, MEMBER_STATUS_LABELS, type MemberProfile, type MemberStatus } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { AppError } from '../../platform/http/app-error.js';

interface ProfileRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  id_card_masked: string;
  phone_masked: string | null;
  card_no: string;
  org_name: string;
  status: MemberStatus;
  status_date: string | null;
  joined_at: string | null;
  migrant_worker: boolean;
  frontline: boolean;
  new_employment_form: boolean;
  model_worker: boolean;
  skill_level: string | null;
  education: string | null;
}

const noRecord = (): AppError => new AppError(404, '您的账号未关联会员档案,请联系所在基层工会登记或核对', 'NOT_FOUND');

/**
 * The logged-in member's own registry record (GET /api/m/profile). Reads the masked columns only:
 * nothing is decrypted for this route, whatever the caller's other roles.
 */
export async function memberProfile(ctx: AppContext, auth: AuthContext): Promise<MemberProfile> {
  const memberId = auth.user.memberId;
  if (!memberId) throw noRecord();
  const [row] = await queryRows<ProfileRow>(
    ctx.db,
    sql`SELECT m.id, m.name, m.gender, m.birth_date::text AS birth_date, m.id_card_masked, m.phone_masked, m.card_no, o.name AS org_name,
          m.status, m.status_date::text AS status_date, m.joined_at::text AS joined_at, m.migrant_worker, m.frontline,
          m.new_employment_form, m.model_worker, m.skill_level, m.education
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.id = ${memberId}::uuid`,
  );
  if (!row) throw noRecord();
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    genderLabel: MEMBER_GENDER_LABELS[row.gender],
    birthDate: row.birth_date,
    idCardMasked: row.id_card_masked,
    phoneMasked: row.phone_masked,
    cardNo: row.card_no,
    orgName: row.org_name,
    status: row.status,
    statusLabel: MEMBER_STATUS_LABELS[row.status],
    statusDate: row.status_date,
    joinedAt: row.joined_at,
    migrantWorker: row.migrant_worker,
    frontline: row.frontline,
    newEmploymentForm: row.new_employment_form,
    modelWorker: row.model_worker,
    skillLevel: row.skill_level,
    education: row.education,
  };
}
