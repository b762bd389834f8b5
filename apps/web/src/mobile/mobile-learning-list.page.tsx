import { Progress, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LEARNING_CATEGORY_LABELS, STUDY_STATE_LABELS, type MyCourse } from '@gonghui/contracts';
import { learningKeys, myLearningApi } from '../api/learning.api';
import { minutesText } from '../pages/learning/learning-labels';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

const STATE_COLOURS: Record<MyCourse['state'], string> = { not_started: 'default', in_progress: 'blue', finished: 'green' };

/** 我的学习 (H5): the courses assigned to me (with deadline) and those open to my union, with my progress. */
export function MobileLearningListPage() {
  const mine = useQuery({ queryKey: learningKeys.mine, queryFn: myLearningApi.mine, staleTime: 0 });
  return (
    <>
      <MobilePageTitle>我的学习</MobilePageTitle>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 4px 8px' }}>
        笃学深悟,知行合一。学完全部资料并通过测验(如有)即完成课程;请在截止日期前完成指派的学习。
      </Typography.Paragraph>
      <MobileItemList
        load={mine}
        empty="暂时没有学习任务"
        testId="learning-course"
        items={mine.data?.map((c) => ({
          id: c.id,
          to: `/m/learning/${c.id}`,
          title: c.title,
          description: <Progress percent={c.materialCount ? Math.round((c.finishedMaterials / c.materialCount) * 100) : 0} size="small" status={c.state === 'finished' ? 'success' : 'active'} />,
          tags: (
            <>
              <Tag color={STATE_COLOURS[c.state]}>{STUDY_STATE_LABELS[c.state]}</Tag>
              <Tag>{LEARNING_CATEGORY_LABELS[c.category]}</Tag>
              {c.hasQuiz && c.passed ? <Tag color="green">测验通过</Tag> : null}
            </>
          ),
          meta: `${c.deadline ? `截止 ${c.deadline}` : '公开课程'} · ${c.finishedMaterials}/${c.materialCount}份资料 · ${minutesText(c.totalMinutes)}`,
        }))}
      />
    </>
  );
}
