import type {
  auditListQuerySchema,
  auditVerifyAnswerSchema,
  changePasswordBodySchema,
  createUserBodySchema,
  grantPlatformRoleBodySchema,
  mfaSetupAnswerSchema,
  moveOrgBodySchema,
  orgListQuerySchema,
  roleBodySchema,
  roleUpdateBodySchema,
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
