import { App, Button, Card, Descriptions, Empty, Popconfirm, Table, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Competition, CompetitionIndicator } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { competitionApi, competitionKeys } from '../../api/competition.api';
import { PageTitle } from '../../components/page-title.component';
import { CompetitionAwards } from './competition-awards.component';
import { CompetitionParticipants } from './competition-participants.component';
import { CompetitionRanking } from './competition-ranking.component';
import { CompetitionScores } from './competition-scores.component';
import { COMPETITION_STATUS_COLORS } from './competitions.page';

/** One competition: its indicators and weights, participants, scores, ranking and awards. */
export function CompetitionDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: competitionKeys.one(id), queryFn: () => competitionApi.get(id) });
  const changed = (next: Competition) => {
    qc.setQueryData(competitionKeys.one(id), next);
    void qc.invalidateQueries({ queryKey: competitionKeys.all });
  };
  const move = useMutation({ mutationFn: (action: 'start' | 'close') => competitionApi.move(id, action), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const c = q.data;
  if (!c) return <Card loading />;
  return (
    <>
      <PageTitle
        title={c.name}
        extra={
          <>
            {c.abilities.canStart ? (
              <Popconfirm title="启动竞赛?" description="启动后指标和权重不能再修改,参赛单位开始填报得分。" okText="启动" cancelText="取消" onConfirm={() => move.mutate('start')}>
                <Button type="primary" loading={move.isPending} data-testid="start-competition">启动竞赛</Button>
              </Popconfirm>
            ) : null}
            {c.abilities.canClose ? (
              <Popconfirm title="结束竞赛?" description="结束后不能再填报得分。" okText="结束" cancelText="取消" onConfirm={() => move.mutate('close')}>
                <Button loading={move.isPending}>结束竞赛</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="类别">{c.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="主办单位">{c.orgName}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag color={COMPETITION_STATUS_COLORS[c.status]} data-testid="competition-status">{c.statusLabel}</Tag></Descriptions.Item>
        <Descriptions.Item label="竞赛期间">{c.startDate} 至 {c.endDate}</Descriptions.Item>
        <Descriptions.Item label="评比阶段">{c.periods.map((p) => p.label).join('、')}</Descriptions.Item>
        <Descriptions.Item label="主题">{c.theme}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'ranking', label: '排名', children: <CompetitionRanking c={c} /> },
          { key: 'scores', label: '得分填报与核定', children: <CompetitionScores c={c} /> },
          { key: 'participants', label: `参赛对象(${c.participantList.length})`, children: <CompetitionParticipants c={c} onChanged={changed} /> },
          {
            key: 'indicators',
            label: '指标与权重',
            children: (
              <Table<CompetitionIndicator>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={c.indicators}
                columns={[{ title: '指标', dataIndex: 'title' }, { title: '权重', dataIndex: 'weight', width: 100 }, { title: '满分', dataIndex: 'maxPoints', width: 100 }]}
              />
            ),
          },
          { key: 'awards', label: `表彰(${c.awards.length})`, children: <CompetitionAwards c={c} onChanged={changed} /> },
        ]}
      />
    </>
  );
}
