import { useMemo } from 'react';
import { Alert, Card, Checkbox, Col, Empty, Row, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-client';
import type { PermissionItem } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { roleApi } from '../../api/role.api';

/** Names of the module prefixes of permission codes (`module:resource:action`). */
const MODULE_LABELS: Record<string, string> = {
  dashboard: '工作台',
  org: '组织机构',
  system: '系统管理',
  audit: '审计日志',
  job: '后台任务',
};

interface PermissionGroup {
  module: string;
  label: string;
  items: PermissionItem[];
}

export function groupPermissions(items: readonly PermissionItem[]): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const item of items) {
    const module = item.code.split(':')[0] ?? item.code;
    const group = groups.get(module) ?? { module, label: MODULE_LABELS[module] ?? module, items: [] };
    group.items.push(item);
    groups.set(module, group);
  }
  return [...groups.values()];
}

interface PermissionGroupsProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Permission codes as checkboxes grouped by module, each group with 全选. An antd Form control. */
export function PermissionGroups({ value = [], onChange, disabled }: PermissionGroupsProps) {
  const permissions = useQuery({ queryKey: queryKeys.permissions, queryFn: roleApi.permissions, staleTime: 10 * 60_000 });
  const groups = useMemo(() => groupPermissions(permissions.data ?? []), [permissions.data]);
  const selected = new Set(value);

  if (permissions.isPending) return <Skeleton active />;
  if (permissions.isError) return <Alert type="error" showIcon title={errorMessage(permissions.error)} />;
  if (groups.length === 0) return <Empty description="暂无可分配的权限" />;

  const setGroup = (group: PermissionGroup, on: boolean) => {
    const codes = new Set(value);
    for (const item of group.items) {
      if (on) codes.add(item.code);
      else codes.delete(item.code);
    }
    onChange?.([...codes]);
  };
  const toggle = (code: string, on: boolean) => {
    onChange?.(on ? [...value, code] : value.filter((c) => c !== code));
  };

  return (
    <div style={{ display: 'grid', gap: 8 }}>
      {groups.map((group) => {
        const count = group.items.filter((i) => selected.has(i.code)).length;
        return (
          <Card
            key={group.module}
            size="small"
            title={
              <Checkbox
                checked={count === group.items.length}
                indeterminate={count > 0 && count < group.items.length}
                disabled={disabled}
                onChange={(e) => setGroup(group, e.target.checked)}
              >
                {group.label}
              </Checkbox>
            }
          >
            <Row gutter={[8, 4]}>
              {group.items.map((item) => (
                <Col key={item.code} xs={24} sm={12}>
                  <Checkbox checked={selected.has(item.code)} disabled={disabled} onChange={(e) => toggle(item.code, e.target.checked)}>
                    <span title={item.code}>{item.label}</span>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
    </div>
  );
}
