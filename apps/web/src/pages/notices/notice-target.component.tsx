import { useEffect, useState } from 'react';
import { Alert, Checkbox, Flex, Radio, Typography } from 'antd';
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind, type OrgTarget } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { noticeApi } from '../../api/notice.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

const KIND_OPTIONS = ORG_KINDS.filter((k) => k !== 'city').map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));

interface Props {
  value?: OrgTarget;
  onChange?: (v: OrgTarget) => void;
}

type Preview = { count: number; names: string[] } | { error: string } | null;

/** 下发范围: everything (or some kinds) under one org, or orgs picked one by one; shows how many orgs would receive it now. */
export function NoticeTargetPicker({ value, onChange }: Props) {
  const target: OrgTarget = value ?? { mode: 'subtree', rootId: '', includeRoot: false };
  const [preview, setPreview] = useState<Preview>(null);
  const ready = target.mode === 'subtree' ? !!target.rootId : target.orgIds.length > 0;
  const key = JSON.stringify(target);
  useEffect(() => {
    if (!ready) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      noticeApi.preview(JSON.parse(key) as OrgTarget).then(
        (p) => live && setPreview({ count: p.count, names: p.sample.map((s) => s.name) }),
        (e: unknown) => live && setPreview({ error: errorMessage(e) }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, ready]);
  return (
    <Flex vertical gap={8} data-testid="notice-target">
      <Radio.Group
        value={target.mode}
        onChange={(e) => onChange?.(e.target.value === 'subtree' ? { mode: 'subtree', rootId: '', includeRoot: false } : { mode: 'list', orgIds: [] })}
        options={[{ value: 'subtree', label: '某组织以下(可按类型筛选)' }, { value: 'list', label: '逐个指定组织' }]}
      />
      {target.mode === 'subtree' ? (
        <>
          <OrgTreeSelect aria-label="下发范围的上级组织" placeholder="选择上级组织(一般为本单位)" value={target.rootId || undefined} onChange={(v) => onChange?.({ ...target, rootId: v ?? '' })} style={{ maxWidth: 420 }} />
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">组织类型(不选为全部):</Typography.Text>
            <Checkbox.Group options={KIND_OPTIONS} value={target.kinds ?? []} onChange={(v) => onChange?.({ ...target, kinds: v.length ? (v as OrgKind[]) : undefined })} data-testid="target-kinds" />
            <Checkbox checked={target.includeRoot} onChange={(e) => onChange?.({ ...target, includeRoot: e.target.checked })}>含上级组织本身</Checkbox>
          </Flex>
        </>
      ) : (
        <OrgTreeSelect multiple aria-label="收文组织" placeholder="选择收文组织(可多选)" value={target.orgIds} onChange={(v) => onChange?.({ mode: 'list', orgIds: v })} style={{ maxWidth: 600 }} />
      )}
      {preview && 'error' in preview ? <Alert type="error" showIcon title={preview.error} /> : null}
      {preview && 'count' in preview ? (
        <Alert
          type={preview.count ? 'info' : 'warning'}
          showIcon
          data-testid="target-preview"
          title={preview.count ? `按当前范围将下发给 ${preview.count} 个组织` : '当前范围内没有可接收的组织'}
          description={preview.count ? `${preview.names.join('、')}${preview.count > preview.names.length ? ' 等' : ''}` : undefined}
        />
      ) : null}
    </Flex>
  );
}
