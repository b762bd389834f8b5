import type { AuditRow, Page } from '@gonghui/contracts';
import { api } from './api-client';
import type { AuditListQuery, AuditVerifyAnswer } from './contract-types';

export const auditApi = {
  list: (query: AuditListQuery): Promise<Page<AuditRow>> => api.get<Page<AuditRow>>('/audit', { ...query }),
  verify: (): Promise<AuditVerifyAnswer> => api.post<AuditVerifyAnswer>('/audit/verify'),
};
