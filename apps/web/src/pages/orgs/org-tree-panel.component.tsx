import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Input, Skeleton, Tree, Typography } from 'antd';
import type { OrgTreeNode } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { useOrgTree } from '../../components/use-org-tree.hook';
import { orgKindLabel } from './org-labels';

interface TreeItem {
  key: string;
  title: string;
  kind: OrgTreeNode['kind'];
  children: TreeItem[];
}

/** Keeps the nodes whose name contains `q`, with their ancestors. */
function filterTree(nodes: readonly OrgTreeNode[], q: string): OrgTreeNode[] {
  const out: OrgTreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, q);
    if (node.name.includes(q) || children.length > 0) out.push({ ...node, children });
  }
  return out;
}

function toItems(nodes: readonly OrgTreeNode[]): TreeItem[] {
  return nodes.map((n) => ({ key: n.id, title: n.name, kind: n.kind, children: toItems(n.children) }));
}

function collectKeys(nodes: readonly OrgTreeNode[], depth: number, limit: number, out: string[] = []): string[] {
  for (const node of nodes) {
    if (depth < limit && node.children.length > 0) {
      out.push(node.id);
      collectKeys(node.children, depth + 1, limit, out);
    }
  }
  return out;
}

interface OrgTreePanelProps {
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The visible org tree (server-scoped), searchable by name; virtual scrolling for large trees. */
export function OrgTreePanel({ selectedId, onSelect }: OrgTreePanelProps) {
  const tree = useOrgTree();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const q = useDeferredValue(search).trim();

  const filtered = useMemo(() => (q ? filterTree(tree.data ?? [], q) : (tree.data ?? [])), [tree.data, q]);
  const items = useMemo(() => toItems(filtered), [filtered]);
  const expandedKeys = useMemo(
    () => (q ? collectKeys(filtered, 0, Number.POSITIVE_INFINITY) : (expanded ?? collectKeys(filtered, 0, 2))),
    [q, filtered, expanded],
  );

  return (
    <Card size="small" title="组织树" styles={{ body: { padding: 8 } }}>
      <Input.Search
        allowClear
        placeholder="按名称查找"
        aria-label="按名称查找组织"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {tree.isPending ? <Skeleton active /> : null}
      {tree.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(tree.error)}
          action={
            <Button size="small" onClick={() => void tree.refetch()}>
              重试
            </Button>
          }
        />
      ) : null}
      {tree.isSuccess && items.length === 0 ? <Empty description={q ? '没有匹配的组织' : '暂无可见的组织'} /> : null}
      {items.length > 0 ? (
        <Tree<TreeItem>
          treeData={items}
          height={560}
          blockNode
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            if (!q) setExpanded(keys.map(String));
          }}
          onSelect={(keys) => {
            const [key] = keys;
            if (key !== undefined) onSelect(String(key));
          }}
          titleRender={(node) => (
            <span title={orgKindLabel(node.kind)}>
              {node.title}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {orgKindLabel(node.kind)}
              </Typography.Text>
            </span>
          )}
        />
      ) : null}
    </Card>
  );
}
