import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { OrgKind, OrgTreeNode } from '@gonghui/contracts';
import { useOrgTree } from './use-org-tree.hook';

interface OrgOption {
  value: string;
  title: string;
  key: string;
  selectable?: boolean;
  disabled?: boolean;
  children: OrgOption[];
}

interface OrgTreeSelectBaseProps {
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** Only orgs of these kinds may be chosen (others stay visible to navigate). */
  selectableKinds?: readonly OrgKind[];
  /** This org and everything below it cannot be chosen (e.g. moving an org under itself). */
  excludeSubtreeOf?: string;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

interface SingleProps extends OrgTreeSelectBaseProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends OrgTreeSelectBaseProps {
  multiple: true;
  value?: string[];
  onChange?: (value: string[]) => void;
}

export type OrgTreeSelectProps = SingleProps | MultipleProps;

function toOptions(nodes: readonly OrgTreeNode[], props: OrgTreeSelectBaseProps, insideExcluded: boolean): OrgOption[] {
  return nodes.map((node) => {
    const excluded = insideExcluded || node.id === props.excludeSubtreeOf;
    const kindAllowed = !props.selectableKinds || props.selectableKinds.includes(node.kind);
    return {
      value: node.id,
      key: node.id,
      title: node.name,
      disabled: excluded || undefined,
      selectable: kindAllowed,
      children: toOptions(node.children, props, excluded),
    };
  });
}

/**
 * Picks one org (or several with `multiple`) from the user's visible org tree, searchable by name.
 * Works as an antd Form control (value / onChange).
 */
export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const tree = useOrgTree();
  const { selectableKinds, excludeSubtreeOf } = props;
  const options = useMemo(
    () => toOptions(tree.data ?? [], { selectableKinds, excludeSubtreeOf }, false),
    [tree.data, selectableKinds, excludeSubtreeOf],
  );
  const firstLevel = useMemo(() => options.map((o) => o.value), [options]);

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    treeData: options,
    placeholder: tree.allowed ? (props.placeholder ?? '请选择组织') : '无权查看组织树',
    disabled: props.disabled || !tree.allowed,
    allowClear: props.allowClear ?? true,
    loading: tree.allowed && tree.isPending,
    showSearch: { treeNodeFilterProp: 'title' },
    treeDefaultExpandedKeys: firstLevel,
    notFoundContent: tree.isError ? '组织树加载失败' : '没有匹配的组织',
    style: { width: '100%', ...props.style },
    popupMatchSelectWidth: false as const,
    listHeight: 360,
  };

  if (props.multiple) {
    const { onChange } = props;
    return (
      <TreeSelect<string[], OrgOption>
        {...common}
        multiple
        treeCheckable
        treeCheckStrictly={false}
        showCheckedStrategy={TreeSelect.SHOW_PARENT}
        maxTagCount="responsive"
        value={props.value}
        onChange={(value) => onChange?.(value)}
      />
    );
  }
  const { onChange } = props;
  return (
    <TreeSelect<string | undefined, OrgOption>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => onChange?.(value ?? undefined)}
    />
  );
}
