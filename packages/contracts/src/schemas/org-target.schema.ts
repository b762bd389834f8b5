import { z } from 'zod';
import { ORG_KINDS } from './org.schema.js';

/**
 * Which orgs something is sent to (a notice, a learning assignment ...):
 * - subtree: every org under a root (optionally only some kinds, optionally the root itself);
 * - list: the orgs named.
 * The server resolves it within the sender's data scope (platform/org/org-target.ts).
 */
export const orgTargetSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('subtree'),
    rootId: z.uuid({ error: '请选择下发范围的上级组织' }),
    kinds: z.array(z.enum(ORG_KINDS, { error: '组织类型不正确' })).max(ORG_KINDS.length).optional(),
    includeRoot: z.boolean().default(false),
  }),
  z.object({
    mode: z.literal('list'),
    orgIds: z.array(z.uuid({ error: '组织编号不正确' })).min(1, { error: '请至少选择一个组织' }).max(5000, { error: '一次最多选择5000个组织' }),
  }),
]);
export type OrgTarget = z.infer<typeof orgTargetSchema>;
export type OrgTargetInput = z.input<typeof orgTargetSchema>;

export const ORG_TARGET_MODE_LABELS: Record<OrgTarget['mode'], string> = {
  subtree: '下级组织(可按类型筛选)',
  list: '指定组织',
};
