import { useState } from 'react';
import { Col, Row, Tabs } from 'antd';
import { PageTitle } from '../../components/page-title.component';
import { useOrgTree } from '../../components/use-org-tree.hook';
import { OrgDetail } from './org-detail.component';
import { OrgListTab } from './org-list-tab.component';
import { OrgTreePanel } from './org-tree-panel.component';

/** 组织机构: the org tree with the selected org's detail, and a searchable list. */
export function OrgsPage() {
  const [tab, setTab] = useState('tree');
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const tree = useOrgTree();
  // Until the user picks one, show the top of their visible tree.
  const selectedId = chosenId ?? tree.data?.[0]?.id ?? null;

  const open = (id: string) => {
    setSelectedId(id);
    setTab('tree');
  };

  return (
    <>
      <PageTitle title="组织机构" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tree',
            label: '组织树',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={9} xl={8}>
                  <OrgTreePanel selectedId={selectedId} onSelect={setSelectedId} />
                </Col>
                <Col xs={24} lg={15} xl={16}>
                  <OrgDetail orgId={selectedId} onSelect={setSelectedId} />
                </Col>
              </Row>
            ),
          },
          { key: 'list', label: '组织列表', children: <OrgListTab onOpen={open} /> },
        ]}
      />
    </>
  );
}
