import type {
  Transfer,
  aidActionBodySchema,
  aidApplicationListItemSchema,
  aidListQuerySchema,
  aidSettingsSchema,
  applyAidBodySchema,
  auditListQuerySchema,
  auditVerifyAnswerSchema,
  changePasswordBodySchema,
  coverageChildrenSchema,
  createAidApplicationBodySchema,
  createEnterpriseBodySchema,
  createMemberBodySchema,
  createTransferBodySchema,
  createUserBodySchema,
  enterpriseListQuerySchema,
  grantPlatformRoleBodySchema,
  homeVisitBodySchema,
  memberExportBodySchema,
  memberHistoryItemSchema,
  memberListQuerySchema,
  memberStatusBodySchema,
  mfaSetupAnswerSchema,
  moveOrgBodySchema,
  notificationListSchema,
  objectionBodySchema,
  orgListQuerySchema,
  revealBodySchema,
  reviewCreditCodeBodySchema,
  roleBodySchema,
  roleUpdateBodySchema,
  transferActionBodySchema,
  transferListQuerySchema,
  updateAidApplicationBodySchema,
  updateEnterpriseBodySchema,
  updateMemberBodySchema,
  updateOrgBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
} from '@gonghui/contracts';

/**
 * Request and answer types derived from the contracts' zod schemas (type-only: no zod in the
 * bundle from here). `Input` is what a client sends (defaults still optional).
 */
type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type UpdateOrgBody = Input<typeof updateOrgBodySchema>;
export type MoveOrgBody = Input<typeof moveOrgBodySchema>;
export type OrgListQuery = Partial<Output<typeof orgListQuerySchema>>;
export type CreateUserInput = Input<typeof createUserBodySchema>;
export type UpdateUserBody = Input<typeof updateUserBodySchema>;
export type UserListQuery = Partial<Output<typeof userListQuerySchema>>;
export type GrantPlatformRoleBody = Input<typeof grantPlatformRoleBodySchema>;
export type RoleBody = Input<typeof roleBodySchema>;
export type RoleUpdateBody = Input<typeof roleUpdateBodySchema>;
export type AuditListQuery = Partial<Output<typeof auditListQuerySchema>>;
export type AuditVerifyAnswer = Output<typeof auditVerifyAnswerSchema>;
export type MfaSetupAnswer = Output<typeof mfaSetupAnswerSchema>;
export type ChangePasswordBody = Input<typeof changePasswordBodySchema>;

export interface PermissionItem {
  code: string;
  label: string;
}

// 会员实名制
export type MemberListQuery = Partial<Output<typeof memberListQuerySchema>>;
export type MemberStatusFilter = NonNullable<MemberListQuery['status']>;
export type CreateMemberInput = Input<typeof createMemberBodySchema>;
export type UpdateMemberBody = Input<typeof updateMemberBodySchema>;
export type MemberStatusBody = Input<typeof memberStatusBodySchema>;
export type RevealBody = Input<typeof revealBodySchema>;
export type RevealField = RevealBody['field'];
export type MemberHistoryItem = Output<typeof memberHistoryItemSchema>;
export type MemberExportBody = Input<typeof memberExportBodySchema>;

// 会员关系接转
export type TransferListQuery = Partial<Output<typeof transferListQuerySchema>>;
export type TransferBox = NonNullable<TransferListQuery['box']>;
export type TransferStatus = Transfer['status'];
export type CreateTransferBody = Input<typeof createTransferBodySchema>;
export type TransferActionBody = Input<typeof transferActionBodySchema>;
export type TransferAction = TransferActionBody['action'];

// 企业与建会
export type EnterpriseListQuery = Partial<Output<typeof enterpriseListQuerySchema>>;
/** The list's filters without paging, as the screens hold them (flags as booleans). */
export type EnterpriseFilterQuery = Omit<EnterpriseListQuery, 'page' | 'pageSize'>;
/**
 * `POST /enterprises/export` validates its JSON body with the list's query schema, so the flags
 * travel as the strings `'true'` / `'false'` (z.stringbool), exactly as in the query string.
 */
export type EnterpriseExportBody = Omit<Input<typeof enterpriseListQuerySchema>, 'page' | 'pageSize'>;
export type CreateEnterpriseInput = Input<typeof createEnterpriseBodySchema>;
export type UpdateEnterpriseBody = Input<typeof updateEnterpriseBodySchema>;
export type ReviewCreditCodeBody = Input<typeof reviewCreditCodeBodySchema>;

// 组织覆盖
export type CoverageChildren = Output<typeof coverageChildrenSchema>;
export type CoverageChild = CoverageChildren['children'][number];

// 春风行动·帮扶申请, 公示, 消息
export type AidListQuery = Partial<Output<typeof aidListQuerySchema>>;
export type AidBox = NonNullable<AidListQuery['box']>;
export type AidApplicationListItem = Output<typeof aidApplicationListItemSchema>;
export type CreateAidApplicationBody = Input<typeof createAidApplicationBodySchema>;
export type UpdateAidApplicationBody = Input<typeof updateAidApplicationBodySchema>;
export type ApplyAidBody = Input<typeof applyAidBodySchema>;
export type AidActionBody = Input<typeof aidActionBodySchema>;
export type AidAction = AidActionBody['action'];
export type HomeVisitBody = Input<typeof homeVisitBodySchema>;
export type AidSettings = Output<typeof aidSettingsSchema>;
export type ObjectionBody = Input<typeof objectionBodySchema>;
export type NotificationList = Output<typeof notificationListSchema>;
export type NotificationItem = NotificationList['items'][number];

// 导入导出 (background jobs; the answers are not in the contracts yet)
export interface JobStarted {
  jobId: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** A finished import job's `result` (`imported` and `updated` are 0 on a dry run). */
export interface ImportResult {
  total: number;
  valid: number;
  failed: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
}

/** A finished export job's `result`: the file to download from `/files/:fileId/download`. */
export interface ExportResult {
  fileId: string;
  rows: number;
}
