import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RatingCampaign, RatingCodeBatch } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ratingApi, ratingKeys } from '../../api/rating.api';
import { formatTime } from '../../app/time';
import { JobProgress } from '../../components/job-progress.component';

interface FormValues {
  groupId: string;
  source: 'phones' | 'members';
  phonesText?: string;
  count?: number;
}

/** 邀请码: a batch per group, made by a background job that queues one SMS per code (progress shown). */
export function RatingInvitations({ campaign }: { campaign: RatingCampaign }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const batches = useQuery({ queryKey: ratingKeys.batches(campaign.id), queryFn: () => ratingApi.batches(campaign.id) });
  const source = Form.useWatch('source', form);
  const start = useMutation({
    mutationFn: (v: FormValues) => ratingApi.startBatch(campaign.id, { groupId: v.groupId, source: v.source, phones: v.source === 'phones' ? (v.phonesText ?? '').split(/[\s,,;;]+/).filter(Boolean) : undefined, count: v.source === 'members' ? v.count : undefined }),
    onSuccess: (r) => {
      setJobId(r.jobId);
      form.resetFields(['phonesText', 'count']);
      void qc.invalidateQueries({ queryKey: ratingKeys.batches(campaign.id) });
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['groupId', 'source', 'count']);
      const phones = (e as { fieldErrors?: { path: string; message: string }[] }).fieldErrors?.find((x) => x.path.startsWith('phones'));
      form.setFields([{ name: 'phonesText', errors: phones ? [phones.message] : rest ? [rest] : [] }]);
    },
  });
  const columns = [
    { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    { title: '群体', dataIndex: 'groupName' },
    { title: '号码来源', dataIndex: 'source', render: (v: string) => (v === 'phones' ? '手机号名单' : '随机抽取会员') },
    { title: '已生成/计划', render: (_: unknown, r: RatingCodeBatch) => `${r.generated} / ${r.requested}` },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">测评码为10位随机码,只保存加密摘要;生成后逐条加入短信发送队列(号码加密保存)。测评码一次有效,测评结束后失效。大批量(如20万条)在后台分批生成,可离开本页。</Typography.Paragraph>
      {campaign.abilities.canInvite ? (
        <Form form={form} layout="inline" initialValues={{ source: 'phones' }} onFinish={(v) => start.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="groupId" rules={[{ required: true, message: '请选择群体' }]}><Select placeholder="测评群体" style={{ width: 160 }} options={campaign.groups.map((g) => ({ value: g.id, label: g.name }))} /></Form.Item>
          <Form.Item name="source"><Radio.Group options={[{ value: 'phones', label: '手机号名单' }, { value: 'members', label: '随机抽取会员' }]} /></Form.Item>
          {source === 'members' ? (
            <Form.Item name="count" rules={[{ required: true, message: '请填写数量' }]}><InputNumber min={1} max={300000} placeholder="抽取人数" style={{ width: 140 }} /></Form.Item>
          ) : (
            <Form.Item name="phonesText" rules={[{ required: true, message: '请填写手机号' }]}><Input.TextArea rows={2} placeholder="手机号,每行一个或用逗号分隔" style={{ width: 320 }} /></Form.Item>
          )}
          <Form.Item><Button type="primary" htmlType="submit" loading={start.isPending} data-testid="rating-generate">生成并发送</Button></Form.Item>
        </Form>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="测评已结束或您没有生成测评码的权限。" />
      )}
      {jobId ? <JobProgress jobId={jobId} title="生成测评码" onFinished={() => void qc.invalidateQueries({ queryKey: ratingKeys.all })} /> : null}
      <Table<RatingCodeBatch> rowKey="id" size="small" loading={batches.isFetching} columns={columns} dataSource={batches.data ?? []} pagination={false} locale={{ emptyText: '尚未生成测评码' }} />
    </>
  );
}
