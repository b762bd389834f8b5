import type {
  DuesArrearsRow,
  DuesBaseRow,
  DuesBatch,
  DuesBatchListItem,
  DuesReport,
  DuesUnionArrears,
  MyDues,
  Page,
  duesArrearsQuerySchema,
  duesBaseBodySchema,
  duesBaseListQuerySchema,
  duesBatchBodySchema,
  duesBatchListQuerySchema,
  duesExemptionBodySchema,
  duesReportQuerySchema,
  updateDuesBaseBodySchema,
  updateDuesBatchBodySchema,
} from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type DuesBaseQuery = Partial<Output<typeof duesBaseListQuerySchema>>;
export type DuesBaseBody = Input<typeof duesBaseBodySchema>;
export type UpdateDuesBaseBody = Input<typeof updateDuesBaseBodySchema>;
export type DuesExemptionBody = Input<typeof duesExemptionBodySchema>;
export type DuesBatchQuery = Partial<Output<typeof duesBatchListQuerySchema>>;
export type DuesBatchBody = Input<typeof duesBatchBodySchema>;
export type UpdateDuesBatchBody = Input<typeof updateDuesBatchBodySchema>;
export type DuesArrearsQuery = Partial<Output<typeof duesArrearsQuerySchema>>;
export type DuesReportQuery = Partial<Output<typeof duesReportQuerySchema>>;

/** One prefix: any dues change refreshes bases, batches, arrears, the report and the member's history. */
export const duesKeys = {
  all: ['dues'] as const,
  bases: (q: object) => ['dues', 'bases', q] as const,
  batches: (q: object) => ['dues', 'batches', q] as const,
  batch: (id: string) => ['dues', 'batch', id] as const,
  arrears: (q: object) => ['dues', 'arrears', q] as const,
  unionArrears: (q: object) => ['dues', 'union-arrears', q] as const,
  report: (q: object) => ['dues', 'report', q] as const,
  mine: (year: number) => ['dues', 'mine', year] as const,
};

const BASE = '/finance/dues';
const id = (s: string) => encodeURIComponent(s);

export const duesApi = {
  bases: (q: DuesBaseQuery): Promise<Page<DuesBaseRow>> => api.get<Page<DuesBaseRow>>(`${BASE}/bases`, { ...q }),
  createBase: (body: DuesBaseBody): Promise<DuesBaseRow> => api.post<DuesBaseRow>(`${BASE}/bases`, body),
  updateBase: (baseId: string, body: UpdateDuesBaseBody): Promise<DuesBaseRow> => api.put<DuesBaseRow>(`${BASE}/bases/${id(baseId)}`, body),
  exempt: (body: DuesExemptionBody): Promise<{ id: string }> => api.post<{ id: string }>(`${BASE}/exemptions`, body),
  revokeExemption: (exemptionId: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(`${BASE}/exemptions/${id(exemptionId)}`),
  batches: (q: DuesBatchQuery): Promise<Page<DuesBatchListItem>> => api.get<Page<DuesBatchListItem>>(`${BASE}/batches`, { ...q }),
  batch: (batchId: string): Promise<DuesBatch> => api.get<DuesBatch>(`${BASE}/batches/${id(batchId)}`),
  createBatch: (body: DuesBatchBody): Promise<DuesBatch> => api.post<DuesBatch>(`${BASE}/batches`, body),
  updateBatch: (batchId: string, body: UpdateDuesBatchBody): Promise<DuesBatch> => api.put<DuesBatch>(`${BASE}/batches/${id(batchId)}`, body),
  confirmBatch: (batchId: string, version: number): Promise<DuesBatch> => api.post<DuesBatch>(`${BASE}/batches/${id(batchId)}/confirm`, { version }),
  deleteBatch: (batchId: string): Promise<{ ok: true }> => api.delete<{ ok: true }>(`${BASE}/batches/${id(batchId)}`),
  arrears: (q: DuesArrearsQuery): Promise<Page<DuesArrearsRow>> => api.get<Page<DuesArrearsRow>>(`${BASE}/arrears`, { ...q }),
  unionArrears: (q: { year: number; orgId?: string }): Promise<DuesUnionArrears[]> => api.get<DuesUnionArrears[]>(`${BASE}/arrears/unions`, { ...q }),
  exportArrears: (q: Omit<DuesArrearsQuery, 'page' | 'pageSize'>): Promise<void> => fileApi.download(`${BASE}/arrears/export.xlsx${buildQuery({ ...q })}`, '会费欠缴名单.xlsx'),
  report: (q: DuesReportQuery): Promise<DuesReport> => api.get<DuesReport>(`${BASE}/report`, { ...q }),
  exportReport: (q: DuesReportQuery): Promise<void> => fileApi.download(`${BASE}/report/export.xlsx${buildQuery({ ...q })}`, '会费收缴报表.xlsx'),
  mine: (year: number): Promise<MyDues> => api.get<MyDues>(`${BASE}/mine`, { year }),
};

/** The wage base import (xlsx/csv by 会员卡号): upload, template and error report paths for the import dialog. */
export const DUES_BASE_IMPORT = {
  endpoint: `${BASE}/bases/import`,
  templatePath: `${BASE}/bases/import-template.xlsx`,
  errorReportPath: (jobId: string) => `${BASE}/bases/import/${encodeURIComponent(jobId)}/errors.xlsx`,
} as const;
