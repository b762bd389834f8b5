import type { Assessment, rateBodySchema, selfAssessmentBodySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { attachmentApi, type AttachmentApi } from './attachment.api';

type Input<S extends { _input: unknown }> = S['_input'];
export type SelfAssessmentBody = Input<typeof selfAssessmentBodySchema>;
export type RateBody = Input<typeof rateBodySchema>;
export type FlowAction = 'submit' | 'approve' | 'return' | 'withdraw' | 'confirm';

/** The generic assessment routes of one use of the mechanism (platform/assessment/assessment.routes) under `base`. */
export interface AssessmentApi {
  assessment: (id: string) => Promise<Assessment>;
  saveSelf: (id: string, body: SelfAssessmentBody) => Promise<Assessment>;
  rate: (id: string, body: RateBody) => Promise<Assessment>;
  act: (id: string, action: FlowAction, opinion?: string) => Promise<Assessment>;
  revoke: (id: string, reason: string) => Promise<Assessment>;
  evidence: AttachmentApi<Assessment>;
}

export function assessmentApiFor(base: string): AssessmentApi {
  const a = (id: string, rest = '') => `${base}/assessments/${encodeURIComponent(id)}${rest}`;
  return {
    assessment: (id) => api.get<Assessment>(a(id)),
    saveSelf: (id, body) => api.put<Assessment>(a(id, '/self'), body),
    rate: (id, body) => api.post<Assessment>(a(id, '/ratings'), body),
    act: (id, action, opinion) => api.post<Assessment>(a(id, `/${action}`), opinion ? { opinion } : {}),
    revoke: (id, reason) => api.post<Assessment>(a(id, '/revoke'), { reason }),
    evidence: attachmentApi<Assessment>(`${base}/assessment-items`, 'evidence'),
  };
}
