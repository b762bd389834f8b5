import { useEffect, useState } from 'react';
import { Alert, Button, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SimilarProposal } from '@gonghui/contracts';
import { proposalKeys } from '../../api/proposal.api';

/** The text after the user stopped typing for `ms`. */
export function useDebounced(text: string, ms = 400): string {
  const [value, setValue] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setValue(text), ms);
    return () => clearTimeout(t);
  }, [text, ms]);
  return value;
}

/** 相似建议: up to 5 public proposals like the one being typed, so the proposer can support one instead of filing. */
export function SimilarProposals({ collectionId, text, fetch, onOpen }: { collectionId: string; text: string; fetch: (collectionId: string, text: string) => Promise<{ items: SimilarProposal[] }>; onOpen?: (id: string) => void }) {
  const debounced = useDebounced(text.trim());
  const similar = useQuery({ queryKey: proposalKeys.similar(collectionId, debounced), queryFn: () => fetch(collectionId, debounced), enabled: debounced.length >= 4, staleTime: 30_000 });
  const items = similar.data?.items ?? [];
  if (debounced.length < 4 || items.length === 0) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 12 }}
      data-testid="similar-proposals"
      title="已有相似的建议,可以直接附议"
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(p) => (
            <List.Item actions={onOpen ? [<Button key="open" size="small" type="link" onClick={() => onOpen(p.id)}>去附议</Button>] : []}>
              <Typography.Text>{p.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{p.category} · 附议 {p.supportCount} · 相似 {Math.round(p.similarity * 100)}%</Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
