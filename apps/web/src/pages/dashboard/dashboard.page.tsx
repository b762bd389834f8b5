import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { builtinRole } from '@gonghui/contracts';
import { visibleEntries } from '../../app/menu.config';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { dayjs, formatTime } from '../../app/time';

function greeting(): string {
  const hour = dayjs().tz('Asia/Shanghai').hour();
  if (hour < 6) return '凌晨好';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** 工作台: who you are, where you sit, and the modules you may use. */
export function DashboardPage() {
  const { user } = useSession();
  if (!user) return null;
  const entries = visibleEntries(user.permissions);

  return (
    <>
      <PageTitle title="工作台" />
      <Card style={{ marginBottom: 16 }} data-testid="welcome-card">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {greeting()},{user.name}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'username', label: '用户名', children: user.username },
            { key: 'org', label: '所属组织', children: user.orgName },
            {
              key: 'roles',
              label: '角色',
              children: (
                <Space size={[4, 4]} wrap>
                  {user.roles.length === 0 ? '—' : user.roles.map((code) => <Tag key={code}>{builtinRole(code)?.name ?? code}</Tag>)}
                </Space>
              ),
            },
            { key: 'today', label: '今天', children: formatTime(new Date().toISOString(), 'YYYY年M月D日 dddd') },
          ]}
        />
      </Card>
      <Typography.Title level={5}>快捷入口</Typography.Title>
      {entries.length === 0 ? (
        <Empty description="暂无可用功能,如需开通请联系本单位管理员" />
      ) : (
        <Row gutter={[16, 16]}>
          {entries.map((entry) => (
            <Col key={entry.key} xs={24} sm={12} lg={8} xl={6}>
              <Link to={entry.path} data-testid={`quick-${entry.key}`}>
                <Card hoverable size="small">
                  <Space align="start">
                    <span style={{ fontSize: 22, color: '#c8161d' }}>{entry.icon}</span>
                    <div>
                      <Typography.Text strong>{entry.label}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {entry.description}
                      </Typography.Text>
                    </div>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
