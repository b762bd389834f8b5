import { useState } from 'react';

/** The filters and page of a list: a changed filter goes back to page 1. */
export function useListFilters<F extends object>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const set = (next: Partial<F>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  return { filters, page, query: { ...filters, ...page }, set, setPage };
}
