import { CSR_ROUTE_SEGMENTS, type CsrKind, type CsrListItem, type CsrPublished, type Page, type csrListQuerySchema } from '@gonghui/contracts';
import { api } from './api-client';
import { assessmentApiFor, type AssessmentApi } from './assessment.api';

type Input<S extends { _input: unknown }> = S['_input'];
export type CsrListQuery = Partial<Omit<Input<typeof csrListQuerySchema>, 'page' | 'pageSize' | 'cycleYear'>> & { page?: number; pageSize?: number; cycleYear?: number };

export const csrKeys = {
  all: ['csr'] as const,
  list: (q: object) => ['csr', 'list', q] as const,
  published: (kind: CsrKind, year: number) => ['csr', 'published', kind, year] as const,
  assessment: (id: string) => ['csr', 'assessment', id] as const,
};

/** The kind whose routes live under `/csr/<segment>` (from the page address). */
export const csrKindOf = (segment: string): CsrKind | undefined => (Object.keys(CSR_ROUTE_SEGMENTS) as CsrKind[]).find((k) => CSR_ROUTE_SEGMENTS[k] === segment);

const perKind = new Map<CsrKind, AssessmentApi>();
/** The generic assessment routes of one kind. */
export const csrAssessmentApi = (kind: CsrKind): AssessmentApi => {
  if (!perKind.has(kind)) perKind.set(kind, assessmentApiFor(`/csr/${CSR_ROUTE_SEGMENTS[kind]}`));
  return perKind.get(kind)!;
};

/** 企业社会责任 and 和谐劳动关系企业. */
export const csrApi = {
  list: (q: CsrListQuery): Promise<Page<CsrListItem>> => api.get<Page<CsrListItem>>('/csr/assessments', { ...q }),
  start: (body: { kind: CsrKind; enterpriseId: string; cycleYear?: number }): Promise<{ id: string }> => api.post<{ id: string }>('/csr/assessments', body),
  published: (kind: CsrKind, cycleYear: number): Promise<CsrPublished> => api.get<CsrPublished>('/csr/published', { kind, cycleYear }),
  exportHref: (kind: CsrKind, cycleYear: number): string => `/api/csr/published/export.xlsx?kind=${kind}&cycleYear=${cycleYear}`,
};
