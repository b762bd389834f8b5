import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/api-client';
import { memberProfileApi, memberProfileKeys } from '../api/member-profile.api';
import { MEMBER_FLAGS, MEMBER_STATUS_COLORS } from '../pages/members/member-labels';

const dash = (v: string | null | undefined): string => v || '—';

/** 我的会员信息 (H5): the member's own registry record, masked by the server; changes go through the union. */
export function MobileProfilePage() {
  const navigate = useNavigate();
  const profile = useQuery({ queryKey: memberProfileKeys.profile, queryFn: memberProfileApi.profile, staleTime: 0 });
  const title = (
    <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
      我的会员信息
    </Typography.Title>
  );
  const back = (
    <Button block onClick={() => void navigate('/m/me')}>
      返回我的
    </Button>
  );

  if (profile.isPending) return <>{title}<Skeleton active /></>;
  if (profile.isError) {
    return (
      <>
        {title}
        {profile.error instanceof ApiError && profile.error.status === 404 ? (
          <Empty description="您的账号尚未关联会员档案,请联系所在基层工会登记或核对" data-testid="profile-empty" style={{ marginBottom: 16 }} />
        ) : (
          <Alert type="error" showIcon title={errorMessage(profile.error)} style={{ marginBottom: 16 }} />
        )}
        {back}
      </>
    );
  }

  const p = profile.data;
  const flags = MEMBER_FLAGS.filter((f) => p[f.key]);
  return (
    <>
      {title}
      <Card size="small" style={{ marginBottom: 12 }} data-testid="profile-card">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'name', label: '姓名', children: <span data-testid="profile-name">{p.name}</span> },
            { key: 'gender', label: '性别', children: p.genderLabel },
            { key: 'birthDate', label: '出生日期', children: p.birthDate },
            { key: 'idCard', label: '身份证号', children: <span data-testid="profile-id-card">{p.idCardMasked}</span> },
            { key: 'phone', label: '手机号', children: <span data-testid="profile-phone">{dash(p.phoneMasked)}</span> },
            { key: 'cardNo', label: '会员卡号', children: <span data-testid="profile-card-no">{p.cardNo}</span> },
            { key: 'org', label: '所在工会', children: p.orgName },
            {
              key: 'status',
              label: '会籍状态',
              children: (
                <span data-testid="profile-status">
                  <Tag color={MEMBER_STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
                  {p.statusDate ? <Typography.Text type="secondary">{p.statusDate}</Typography.Text> : null}
                </span>
              ),
            },
            { key: 'joinedAt', label: '入会日期', children: dash(p.joinedAt) },
            {
              key: 'flags',
              label: '职工类别',
              children: flags.length ? (
                <Flex wrap gap={4} data-testid="profile-flags">
                  {flags.map((f) => (
                    <Tag key={f.key} color="red">
                      {f.label}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
            { key: 'skillLevel', label: '技能等级', children: dash(p.skillLevel) },
            { key: 'education', label: '学历', children: dash(p.education) },
          ]}
        />
      </Card>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="profile-note"
        title="身份证号、手机号等敏感信息已脱敏显示。如信息有误或需变更,请联系所在基层工会办理。"
      />
      {back}
    </>
  );
}
