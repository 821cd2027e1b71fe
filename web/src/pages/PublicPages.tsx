/** What anyone may read without signing in: the published annual catalogs and the published decisions. */
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table } from 'antd';
import { publicCatalogsControllerList, publicDecisionsControllerList } from '../api/generated';
import { data } from '../api';
import { heading, ListTable } from '../components/ListTable';

export function PublicPages(_: { route: string[] }) {
  const catalogs = useQuery({ queryKey: ['public-catalogs'], queryFn: () => data(publicCatalogsControllerList({ query: { pageSize: 50 } })) });
  const decisions = useQuery({ queryKey: ['public-decisions'], queryFn: () => data(publicDecisionsControllerList({ query: { pageSize: 50 } })) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>年度重大行政决策事项目录</h1>}>
        <Table
          rowKey="id"
          loading={catalogs.isPending}
          dataSource={catalogs.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          expandable={{
            expandedRowRender: (c) => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.items}
                columns={[
                  { title: '决策事项', dataIndex: 'title' },
                  { title: '承办单位', dataIndex: 'undertakingUnitName' },
                  { title: '需履行的程序', key: 'steps', render: (_, i) => i.requiredStepLabels.join('、') },
                  { title: '计划完成', dataIndex: 'plannedDecisionOn' },
                  { title: '', key: 'w', render: (_, i) => (i.withdrawn ? '已撤回' : '') },
                ]}
              />
            ),
          }}
          columns={[
            { title: '决策机关', dataIndex: 'organName' },
            { title: '年度', dataIndex: 'year' },
            { title: '公布日期', dataIndex: 'publishedOn' },
            { title: '事项数', dataIndex: 'itemCount' },
          ]}
        />
      </Card>
      <Card title={heading('已公布的重大行政决策')}>
        <ListTable
          loading={decisions.isPending}
          dataSource={decisions.data ?? []}
          columns={[
            { title: '决策', dataIndex: 'title' },
            { title: '决策机关', dataIndex: 'organName' },
            { title: '类别', dataIndex: 'categoryLabel' },
            { title: '公布日期', dataIndex: 'publishedOn' },
          ]}
        />
      </Card>
    </Space>
  );
}
