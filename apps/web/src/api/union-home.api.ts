import type { AssessmentTemplate, GradesByDistrict, TemplateVersionBody, HomeProfileBody, Page, UnionHome, UnionHomeListItem, unionHomeListQuerySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { assessmentApiFor } from './assessment.api';
import type { JobStarted } from './contract-types';

type Input<S extends { _input: unknown }> = S['_input'];

export type UnionHomeListQuery = Partial<Omit<Input<typeof unionHomeListQuerySchema>, 'due' | 'page' | 'pageSize'>> & { due?: 'true'; page?: number; pageSize?: number };
export type { FlowAction, RateBody, SelfAssessmentBody } from './assessment.api';

/** Query keys under one prefix: any change refreshes every 职工之家 answer. */
export const unionHomeKeys = {
  all: ['union-homes'] as const,
  list: (query: object) => ['union-homes', 'list', query] as const,
  grades: ['union-homes', 'grades'] as const,
  home: (orgId: string) => ['union-homes', 'home', orgId] as const,
  assessment: (id: string) => ['union-homes', 'assessment', id] as const,
  template: ['union-homes', 'template'] as const,
};

const home = (orgId: string, rest = '') => `/union-homes/orgs/${encodeURIComponent(orgId)}${rest}`;

/** 职工之家: homes and their assessments on the shared assessment mechanism. */
export const unionHomeApi = {
  list: (query: UnionHomeListQuery): Promise<Page<UnionHomeListItem>> => api.get<Page<UnionHomeListItem>>('/union-homes', { ...query }),
  export: ({ due, ...f }: UnionHomeListQuery): Promise<JobStarted> => api.post<JobStarted>('/union-homes/export', { districtId: f.districtId, grade: f.grade, status: f.status, q: f.q, due: due === 'true' }),
  grades: (): Promise<GradesByDistrict> => api.get<GradesByDistrict>('/union-homes/grades-by-district'),
  home: (orgId: string): Promise<UnionHome> => api.get<UnionHome>(home(orgId)),
  saveHome: (orgId: string, body: HomeProfileBody): Promise<UnionHome> => api.put<UnionHome>(home(orgId), body),
  start: (orgId: string, cycleYear?: number): Promise<{ id: string }> => api.post<{ id: string }>(home(orgId, '/assessments'), cycleYear ? { cycleYear } : {}),
  template: (): Promise<AssessmentTemplate> => api.get<AssessmentTemplate>('/union-homes/template'),
  revise: (body: TemplateVersionBody): Promise<AssessmentTemplate> => api.post<AssessmentTemplate>('/union-homes/template/versions', body),
  ...assessmentApiFor('/union-homes'),
};
