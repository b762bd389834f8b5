import { useDeferredValue, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memberApi } from '../api/member.api';
import { queryKeys } from '../api/query-keys';

interface MemberSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
}

/**
 * Picks an active member of the user's scope by name, 拼音, 首字母 or 身份证号 (POST /api/members/search: the term stays out of URLs);
 * an antd Form control. Options show the masked 身份证号 and the union, to tell namesakes apart.
 */
export function MemberSelect({ value, onChange, placeholder, id }: MemberSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search).trim();
  const query = { q, status: 'active' as const, pageSize: 20 };
  const list = useQuery({
    queryKey: queryKeys.memberList({ ...query, purpose: 'select' }),
    queryFn: () => memberApi.list(query),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = useMemo(
    () => (q.length > 0 ? (list.data?.items ?? []) : []).map((m) => ({ value: m.id, label: `${m.name}(${m.idCard},${m.orgName})` })),
    [list.data, q],
  );

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear
      placeholder={placeholder ?? '输入姓名、拼音首字母或身份证号查找会员'}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      notFoundContent={q.length === 0 ? '请输入姓名或身份证号' : list.isFetching ? '查找中…' : '没有匹配的在册会员'}
    />
  );
}
