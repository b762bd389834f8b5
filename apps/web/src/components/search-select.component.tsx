import { useDeferredValue, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export interface SearchSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

interface SearchSource<T> {
  /** the query key of the list asked, given the typed text (trimmed, '' before typing) */
  queryKey: (q: string) => readonly unknown[];
  /** the first page of matches for the typed text */
  fetch: (q: string) => Promise<{ items: T[] }>;
  option: (item: T) => { value: string; label: string };
  placeholder: string;
  notFound: string;
}

/** An antd Form control that picks one record of a server list searched by what the user types (GET …?q=). */
export function SearchSelect<T>({ value, onChange, id, source }: SearchSelectProps & { source: SearchSource<T> }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search).trim();
  const list = useQuery({ queryKey: source.queryKey(q), queryFn: () => source.fetch(q), placeholderData: keepPreviousData, staleTime: 60_000 });
  const options = useMemo(() => (list.data?.items ?? []).map(source.option), [list.data, source]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      placeholder={source.placeholder}
      notFoundContent={list.isFetching ? '查找中…' : source.notFound}
    />
  );
}
