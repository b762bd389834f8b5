import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Org } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { orgApi } from '../../api/org.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { indexOrgTree, useOrgTree } from '../../components/use-org-tree.hook';
import { KIND_COLORS, ORG_STATUS_LABELS, orgKindLabel, unionTypeLabel } from './org-labels';
import { OrgFormModal, type OrgFormMode } from './org-form-modal.component';
import { OrgMoveModal } from './org-move-modal.component';
import { OrgCoverage } from './org-coverage.component';

interface OrgDetailProps {
  orgId: string | null;
  onSelect: (id: string) => void;
}

const dash = (v: string | null | undefined) => (v ? v : '—');

/** The selected org: breadcrumb, fields, and the actions its abilities and the user's codes allow. */
export function OrgDetail({ orgId, onSelect }: OrgDetailProps) {
  const { user } = useSession();
  const tree = useOrgTree();
  const [formTarget, setFormTarget] = useState<OrgFormMode | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);
  const detail = useQuery({
    queryKey: queryKeys.org(orgId ?? ''),
    queryFn: () => orgApi.get(orgId ?? ''),
    enabled: !!orgId,
  });

  if (!orgId) return <Empty description="请在左侧选择一个组织" style={{ marginTop: 80 }} />;
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) {
    const gone = detail.error instanceof ApiError && detail.error.status === 404;
    return gone ? <Empty description="组织不存在或无权查看" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  }

  const org = detail.data;
  const abilities = org.abilities ?? { canEdit: false, canCreateChild: false, canMove: false };
  const canCreate = abilities.canCreateChild && hasPermission(user, 'org:unit:create');
  const canEdit = abilities.canEdit && hasPermission(user, 'org:unit:update');
  const canMove = abilities.canMove && hasPermission(user, 'org:unit:update');
  const industryParent = org.industryParentId ? indexOrgTree(tree.data).get(org.industryParentId) : undefined;

  return (
    <Card
      title={
        <Space>
          {org.name}
          <Tag color={KIND_COLORS[org.kind]}>{orgKindLabel(org.kind)}</Tag>
          {org.status === 'dissolved' ? <Tag>已撤销</Tag> : null}
        </Space>
      }
      extra={
        <Space wrap>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: org })}>
              新建下级
            </Button>
          ) : null}
          {canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', org })}>
              编辑
            </Button>
          ) : null}
          {canMove ? (
            <Button icon={<NodeIndexOutlined />} onClick={() => setMoving(org)}>
              调整上级
            </Button>
          ) : null}
        </Space>
      }
      data-testid="org-detail"
    >
      {org.path && org.path.length > 0 ? (
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={org.path.map((p) =>
            p.id === org.id
              ? { key: p.id, title: p.name }
              : {
                  key: p.id,
                  title: (
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onSelect(p.id)}>
                      {p.name}
                    </Button>
                  ),
                },
          )}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: '组织名称', children: org.name, span: 'filled' },
          { key: 'code', label: '组织编码', children: org.code },
          { key: 'kind', label: '组织类型', children: orgKindLabel(org.kind) },
          { key: 'unionType', label: '工会类型', children: unionTypeLabel(org.unionType) },
          { key: 'creditCode', label: '统一社会信用代码', children: dash(org.creditCode) },
          { key: 'divisionCode', label: '行政区划代码', children: dash(org.divisionCode) },
          { key: 'industry', label: '所属产业工会', children: industryParent?.name ?? (org.industryParentId ? '(不在可见范围内)' : '—') },
          { key: 'address', label: '地址', children: dash(org.address), span: 'filled' },
          { key: 'contactName', label: '联系人', children: dash(org.contactName) },
          { key: 'contactPhone', label: '联系电话', children: dash(org.contactPhone) },
          { key: 'status', label: '状态', children: ORG_STATUS_LABELS[org.status] ?? org.status, span: 'filled' },
        ]}
      />
      {org.status === 'active' ? <OrgCoverage orgId={org.id} /> : null}
      <OrgFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          onSelect(saved.id);
        }}
      />
      <OrgMoveModal
        org={moving}
        onClose={() => setMoving(null)}
        onMoved={(moved) => {
          setMoving(null);
          onSelect(moved.id);
        }}
      />
    </Card>
  );
}
