import { useEffect, useRef } from 'react';
import { Alert, Flex, Progress, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Job } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { jobApi } from '../api/job.api';
import { queryKeys } from '../api/query-keys';

const STATUS_TEXT: Record<Job['status'], string> = {
  queued: '排队中',
  running: '处理中',
  succeeded: '已完成',
  failed: '失败',
};

interface JobProgressProps {
  jobId: string;
  /** Polling interval while the job is queued or running. */
  intervalMs?: number;
  /** Called once when the job has finished (succeeded or failed). */
  onFinished?: (job: Job) => void;
  title?: string;
}

function percentOf(job: Job): number {
  if (job.status === 'succeeded') return 100;
  const { done, total } = job.progress;
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((done / total) * 100));
}

export function isJobFinished(job: Job | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** Follows a background job (`GET /api/jobs/:id`) until it finishes, as a progress bar. */
export function JobProgress({ jobId, intervalMs = 1000, onFinished, title }: JobProgressProps) {
  const job = useQuery({
    queryKey: queryKeys.job(jobId),
    queryFn: () => jobApi.get(jobId),
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : intervalMs),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const reported = useRef<string | null>(null);

  useEffect(() => {
    const data = job.data;
    if (data && isJobFinished(data) && reported.current !== data.id) {
      reported.current = data.id;
      onFinished?.(data);
    }
  }, [job.data, onFinished]);

  if (job.isError) return <Alert type="error" showIcon title={`无法获取任务进度:${errorMessage(job.error)}`} />;
  const data = job.data;
  const status = data?.status === 'failed' ? 'exception' : data?.status === 'succeeded' ? 'success' : 'active';
  return (
    <div data-testid="job-progress">
      <Flex justify="space-between">
        <Typography.Text>{title ?? '任务进度'}</Typography.Text>
        <Typography.Text type="secondary">
          {data ? `${STATUS_TEXT[data.status]}${data.progress.total > 0 ? ` ${data.progress.done}/${data.progress.total}` : ''}` : '查询中…'}
        </Typography.Text>
      </Flex>
      <Progress percent={data ? percentOf(data) : 0} status={status} />
      {data?.status === 'failed' && data.error ? <Alert type="error" showIcon title={data.error} /> : null}
    </div>
  );
}
