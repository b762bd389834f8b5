import { Card, Empty, List, Skeleton, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ratingApi, ratingKeys } from '../api/rating.api';
import { MobileRatingSheet } from './mobile-rating-sheet.component';

/** 满意度测评 for a logged-in member: the open campaigns they may rate (as the campaign's member group). */
export function MobileRatingListPage() {
  const mine = useQuery({ queryKey: ratingKeys.mine, queryFn: ratingApi.mine });
  if (mine.isLoading) return <Skeleton active />;
  if (!mine.data?.length) return <Empty description="目前没有需要您参加的测评。收到测评码短信的,请在“测评码入口”输入。" />;
  return (
    <List
      dataSource={mine.data}
      renderItem={(s) => (
        <Link to={`/m/ratings/${s.campaignId}`}>
          <Card size="small" style={{ marginBottom: 8 }} title={s.title} extra={s.submitted ? <Tag color="green">已参加</Tag> : <Tag color="red">待测评</Tag>}>
            以“{s.groupName}”身份评价 {s.units.length} 个单位,{s.endsOn} 截止
          </Card>
        </Link>
      )}
    />
  );
}

export function MobileRatingPage() {
  const { id = '' } = useParams();
  const sheet = useQuery({ queryKey: [...ratingKeys.mine, id], queryFn: () => ratingApi.mySheet(id) });
  if (!sheet.data) return <Skeleton active />;
  return <MobileRatingSheet sheet={sheet.data} submit={(answers) => ratingApi.submitMine(id, answers)} />;
}
