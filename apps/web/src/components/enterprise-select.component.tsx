import { useDeferredValue, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseApi } from '../api/enterprise.api';
import { queryKeys } from '../api/query-keys';
import { hasPermission } from '../app/access';
import { useSession } from '../app/use-session.hook';

interface EnterpriseSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** name of the current value (it may not be among the first search answers) */
  currentLabel?: string | null;
  placeholder?: string;
  id?: string;
}

/** Picks an enterprise (工作单位) by name or credit code from the user's visible registry; an antd Form control. */
export function EnterpriseSelect({ value, onChange, currentLabel, placeholder, id }: EnterpriseSelectProps) {
  const { user } = useSession();
  const allowed = hasPermission(user, 'enterprise:enterprise:list');
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search).trim();
  const query = { q: q || undefined, pageSize: 20 };
  const list = useQuery({
    queryKey: queryKeys.enterpriseList({ ...query, purpose: 'select' }),
    queryFn: () => enterpriseApi.list(query),
    enabled: allowed,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const found = (list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
    if (value && currentLabel && !found.some((o) => o.value === value)) found.unshift({ value, label: currentLabel });
    return found;
  }, [list.data, value, currentLabel]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      disabled={!allowed}
      placeholder={allowed ? (placeholder ?? '输入企业名称或信用代码查找') : '无权查看企业名录'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? '查找中…' : '没有匹配的企业'}
    />
  );
}
