/** The department's and the office's cases, with their queues and what the caller may do on each now. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import {
  decisionsControllerList,
  type DecisionsControllerListData,
} from '../../api/generated';
import { data, ProblemError } from '../../api';
import { Light } from '../../components/Light';
import { heading, ListTable } from '../../components/ListTable';
import { caseLink, openStep } from './shared';

type Stage = NonNullable<NonNullable<DecisionsControllerListData['query']>['stage']>;

/** What each role finds waiting at a stage: the office's meetings, reports and publications, the department's drafts. */
const QUEUES: Record<'office' | 'department', Array<{ label: string; value: Stage | 'all' }>> = {
  office: [
    { label: '全部', value: 'all' },
    { label: '待集体讨论决定', value: 'awaiting_discussion' },
    { label: '待向党委请示报告', value: 'decided' },
    { label: '待公布', value: 'reported' },
    { label: '待启动', value: 'cataloged' },
  ],
  department: [
    { label: '全部', value: 'all' },
    { label: '已提出目录事项', value: 'proposed' },
    { label: '起草中', value: 'drafting' },
    { label: '按审查意见修改', value: 'revising' },
    { label: '审查中', value: 'legality_review' },
    { label: '执行中', value: 'published' },
  ],
};

export function MyCases({ office }: { office: boolean }) {
  const [stage, setStage] = useState<Stage | 'all'>('all');
  const q = useQuery({
    queryKey: ['decisions', stage],
    queryFn: () => data(decisionsControllerList({ query: { pageSize: 100, include: 'allowedEvents', ...(stage === 'all' ? {} : { stage }) } })),
  });
  return (
    <Card
      title={heading(office ? '本机关的决策事项' : '本单位承办的决策事项')}
      extra={<Segmented aria-label="按阶段筛选" value={stage} onChange={(v) => setStage(v as Stage | 'all')} options={QUEUES[office ? 'office' : 'department']} />}
    >
      {q.error instanceof ProblemError && <Alert type="error" title={q.error.problem.detail} />}
      <ListTable
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: '决策事项', key: 'title', render: (_, d) => caseLink(d.id, d.title) },
          { title: '承办单位', dataIndex: 'undertakingUnitName' },
          { title: '阶段', dataIndex: 'stageLabel' },
          {
            title: '下一环节',
            key: 'next',
            render: (_, d) => {
              const s = openStep(d);
              return s ? (
                <Space wrap>
                  {s.stepLabel}
                  <Light light={s.light} dueOn={s.dueOn} left={s.workingDaysLeft} overdue={s.workingDaysOverdue} />
                </Space>
              ) : (
                <Tag color="blue">{d.complete ? '已完成' : '—'}</Tag>
              );
            },
          },
          {
            title: '您现在可以办理',
            key: 'allowed',
            render: (_, d) =>
              d.allowedEventLabels?.length ? (
                <Space wrap size={4}>
                  {d.allowedEventLabels.map((label) => (
                    <Tag key={label}>{label}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '年度', dataIndex: 'year' },
        ]}
      />
    </Card>
  );
}
