/** The legal reviewer's desk: the review rounds, with their materials and opinions. */
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import {
  reviewsControllerList,
} from '../../api/generated';
import { data } from '../../api';
import { Light } from '../../components/Light';
import { heading } from '../../components/ListTable';
import { caseLink } from './shared';

export function ReviewDesk() {
  const [status, setStatus] = useState<'submitted' | 'in_review' | undefined>(undefined);
  const q = useQuery({ queryKey: ['reviews', status], queryFn: () => data(reviewsControllerList({ query: { pageSize: 100, ...(status ? { status } : {}) } })) });
  return (
    <Card
      title={heading('合法性审查台')}
      extra={
        <Select
          aria-label="审查状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'submitted', label: '已送审，待受理' },
            { value: 'in_review', label: '审查中' },
          ]}
        />
      }
    >
      <Table
        rowKey={(r) => `${r.decisionId}:${r.revision}:${r.round}`}
        loading={q.isPending}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
        columns={[
          { title: '决策事项', key: 'title', render: (_, r) => caseLink(r.decisionId, r.title) },
          { title: '承办单位', dataIndex: 'undertakingUnitName' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '送审日期', dataIndex: 'submittedOn' },
          {
            title: '审查期限',
            key: 'due',
            render: (_, r) => <Light light={r.workingDaysLeft !== null && r.workingDaysLeft < 0 ? 'red' : r.workingDaysLeft !== null && r.workingDaysLeft <= 3 ? 'yellow' : 'green'} dueOn={r.requestedDueOn} left={r.workingDaysLeft} />,
          },
          { title: '草案版本', dataIndex: 'draftVersion' },
        ]}
        expandable={{
          // What the undertaking unit sent: the materials, the draft's summary and the opinions given so far.
          expandedRowRender: (r) => (
            <Space direction="vertical" size={4}>
              <span>送审草案：{r.draft?.summary ?? r.materials.draftVersion}</span>
              <span>法律依据：{r.materials.legalBasis?.join('；') ?? '未提供'}</span>
              <span>履行法定程序的说明：{r.materials.procedureStatement ?? '未提供'}</span>
              {r.opinions.map((o) => (
                <span key={o.opinionId}>
                  法律意见（{o.givenOn}，{o.author}，{o.authorKindLabel}）：{o.text}
                </span>
              ))}
            </Space>
          ),
        }}
      />
    </Card>
  );
}
