import type { TestClient } from './test-client.js';

interface TreeNode {
  id: string;
  children: TreeNode[];
}

/** Every org id a caller can see through GET /api/orgs, all pages. */
export async function listAllOrgIds(c: TestClient, query = ''): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 1000; page++) {
    const r = await c.get<{ items: { id: string }[]; total: number }>(`/orgs?pageSize=200&page=${page}${query ? `&${query}` : ''}`);
    if (r.status !== 200) throw new Error(`GET /orgs page ${page}: ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(...r.body.items.map((o) => o.id));
    if (r.body.items.length === 0 || ids.length >= r.body.total) break;
  }
  return ids;
}

/** Every org id in the caller's GET /api/orgs/tree, depth first. */
export async function treeOrgIds(c: TestClient): Promise<string[]> {
  const r = await c.get<TreeNode[]>('/orgs/tree');
  if (r.status !== 200) throw new Error(`GET /orgs/tree: ${r.status} ${JSON.stringify(r.body)}`);
  const out: string[] = [];
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      out.push(n.id);
      walk(n.children);
    }
  };
  walk(r.body);
  return out;
}
