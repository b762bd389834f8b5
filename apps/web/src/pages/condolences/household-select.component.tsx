import { useDeferredValue, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { householdApi, householdKeys } from '../../api/household.api';

interface HouseholdSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

/** Picks an open 困难职工 household of the user's scope by the head's name, 拼音 or 身份证号; an antd Form control. */
export function HouseholdSelect({ value, onChange, id }: HouseholdSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search).trim();
  const query = { q: q || undefined, status: 'current' as const, pageSize: 20 };
  const list = useQuery({ queryKey: householdKeys.list({ ...query, purpose: 'select' }), queryFn: () => householdApi.list(query), placeholderData: keepPreviousData, staleTime: 60_000 });
  const options = useMemo(() => (list.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.headName}(${h.orgName})` })), [list.data]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      placeholder="输入户主姓名查找困难职工档案"
      notFoundContent={list.isFetching ? '查找中…' : '没有找到困难职工档案'}
    />
  );
}
