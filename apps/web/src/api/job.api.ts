import type { Job } from '@gonghui/contracts';
import { api } from './api-client';

export const jobApi = {
  get: (id: string): Promise<Job> => api.get<Job>(`/jobs/${encodeURIComponent(id)}`),
};
