import { useMemo } from 'react';
import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import type { CockpitView, OrgTreeNode } from '@gonghui/contracts';
import { useOrgTree } from '../../components/use-org-tree.hook';

interface Crumb {
  id: string;
  name: string;
}

/** id → parent node, over the (scoped) org tree. */
function parentsOf(roots: readonly OrgTreeNode[]): Map<string, OrgTreeNode> {
  const parents = new Map<string, OrgTreeNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    for (const child of node.children) {
      parents.set(child.id, node);
      stack.push(child);
    }
  }
  return parents;
}

/** From the caller's own org (never above it) down to the shown org. */
function trailOf(view: CockpitView, ownOrgId: string, roots: readonly OrgTreeNode[] | undefined): Crumb[] {
  const trail: Crumb[] = [{ id: view.org.id, name: view.org.name }];
  if (!view.abilities.canDrillUp || view.org.id === ownOrgId) return trail;
  const parents = parentsOf(roots ?? []);
  let parent = parents.get(view.org.id);
  while (parent) {
    trail.unshift({ id: parent.id, name: parent.name });
    if (parent.id === ownOrgId) return trail;
    parent = parents.get(parent.id);
  }
  // the tree did not answer: at least the way one level up
  return view.org.parentId && trail.length === 1 ? [{ id: view.org.parentId, name: '上一级' }, ...trail] : trail;
}

interface CockpitBreadcrumbProps {
  view: CockpitView;
  ownOrgId: string;
  /** the link of another org in the same year */
  hrefOf: (orgId: string) => string;
}

/** 组织层级: the shown org and its parents up to the caller's own org, each a link back up. */
export function CockpitBreadcrumb({ view, ownOrgId, hrefOf }: CockpitBreadcrumbProps) {
  const tree = useOrgTree();
  const trail = useMemo(() => trailOf(view, ownOrgId, tree.data), [view, ownOrgId, tree.data]);
  return (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      data-testid="cockpit-breadcrumb"
      items={trail.map((crumb, i) =>
        i === trail.length - 1 ? { key: crumb.id, title: <span data-testid="cockpit-org-name">{crumb.name}</span> } : { key: crumb.id, title: <Link to={hrefOf(crumb.id)}>{crumb.name}</Link> },
      )}
    />
  );
}
