import { useState } from 'react';
import type { ModelWorkerFilter } from '../../api/model-worker.api';

/** The filters and page of a 劳模 list (registry or care list): a changed filter goes back to page 1. */
export function useModelWorkerFilters(initial: ModelWorkerFilter = {}) {
  const [filters, setFilters] = useState<ModelWorkerFilter>(initial);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const set = (next: ModelWorkerFilter) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return { filters, page, query: { ...filters, ...page }, set, setPage };
}
