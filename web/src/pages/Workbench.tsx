/**
 * Each signed-in user's workbench opens on what they must do now, one section per role they hold:
 * departments and the office their cases with the open step and its due day, legal reviewers the
 * review desk, auditors the incomplete procedures, refused attempts and the annual report, the
 * administrator the units and accounts.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  annualReportControllerReport,
  auditViolationsControllerList,
  catalogsControllerList,
  decisionsControllerList,
  incompleteControllerList,
  orgUnitsControllerList,
  reviewsControllerList,
  usersControllerList,
  type DecisionSummaryDto,
  type UserDto,
} from '../api/generated';
import { data, ProblemError, saveFile } from '../api';
import { Light } from '../components/Light';
import { beijingTime } from './CasePage';
import { href } from '../router';

export function Workbench({ user }: { user: UserDto }) {
  const roles = new Set(user.roles);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {(roles.has('department') || roles.has('office')) && <MyCases office={roles.has('office')} />}
      {roles.has('office') && <Catalogs />}
      {roles.has('legal_reviewer') && <ReviewDesk />}
      {roles.has('auditor') && <AuditorDesk />}
      {roles.has('admin') && <Administration />}
    </Space>
  );
}

const caseLink = (id: string, title: string) => <a href={href('cases', id)}>{title}</a>;

/** The first step of a case still open, with its due day: what its undertaking unit must do next. */
const openStep = (d: DecisionSummaryDto) => d.progress.find((p) => p.status === 'pending' || p.status === 'in_progress');

function MyCases({ office }: { office: boolean }) {
  const q = useQuery({ queryKey: ['decisions'], queryFn: () => data(decisionsControllerList({ query: { pageSize: 100 } })) });
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{office ? '本机关的决策事项' : '本单位承办的决策事项'}</h2>}>
      {q.error instanceof ProblemError && <Alert type="error" title={q.error.problem.detail} />}
      <Table
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
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
          { title: '年度', dataIndex: 'year' },
        ]}
      />
    </Card>
  );
}

function Catalogs() {
  const q = useQuery({ queryKey: ['catalogs'], queryFn: () => data(catalogsControllerList({ query: { pageSize: 50 } })) });
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>年度决策事项目录</h2>}>
      <Table
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '决策机关', dataIndex: 'organName' },
          { title: '年度', dataIndex: 'year' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '事项数', dataIndex: 'itemCount' },
          { title: '公布次数', dataIndex: 'revision' },
        ]}
      />
    </Card>
  );
}

function ReviewDesk() {
  const [status, setStatus] = useState<'submitted' | 'in_review' | undefined>(undefined);
  const q = useQuery({ queryKey: ['reviews', status], queryFn: () => data(reviewsControllerList({ query: { pageSize: 100, ...(status ? { status } : {}) } })) });
  return (
    <Card
      title={<h2 style={{ fontSize: 18, margin: 0 }}>合法性审查台</h2>}
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
      />
    </Card>
  );
}

const CATEGORY_OPTIONS = [
  { value: 'skip', label: '跳过法定环节' },
  { value: 'time_limit', label: '未给足法定期限' },
  { value: 'content', label: '缺少法定内容' },
  { value: 'form', label: '日期和格式' },
];

function AuditorDesk() {
  const [kind, setKind] = useState<'all' | 'missing' | 'overdue' | 'late'>('all');
  const [category, setCategory] = useState<'skip' | 'time_limit' | 'content' | 'form' | undefined>(undefined);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const incomplete = useQuery({ queryKey: ['incomplete', kind], queryFn: () => data(incompleteControllerList({ query: { kind, pageSize: 100 } })) });
  const refused = useQuery({ queryKey: ['violations', category], queryFn: () => data(auditViolationsControllerList({ query: { pageSize: 100, ...(category ? { category } : {}) } })) });
  const [reportError, setReportError] = useState<string | null>(null);
  const download = async (format: 'md' | 'xlsx') => {
    setReportError(null);
    const r = await annualReportControllerReport({ query: { year: Number(year), format }, parseAs: 'blob' });
    if (!r.response.ok) {
      setReportError(((r.error as { detail?: string }) ?? {}).detail ?? '报告生成失败');
      return;
    }
    saveFile(r.data as unknown as Blob, `法治政府建设年度报告-重大行政决策-${year}.${format}`);
  };
  return (
    <>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>程序履行不到位的决策事项</h2>}
        extra={
          <Select
            aria-label="问题类型"
            style={{ width: 180 }}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: '全部未完成' },
              { value: 'missing', label: '缺少法定环节' },
              { value: 'overdue', label: '逾期未办' },
              { value: 'late', label: '逾期办理' },
            ]}
          />
        }
      >
        <Table
          rowKey="decisionId"
          loading={incomplete.isPending}
          dataSource={incomplete.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            { title: '决策事项', key: 'title', render: (_, d) => caseLink(d.decisionId, d.title) },
            { title: '决策机关', dataIndex: 'organName' },
            { title: '承办单位', dataIndex: 'undertakingUnitName' },
            { title: '阶段', dataIndex: 'stageLabel' },
            { title: '缺少的环节', key: 'missing', render: (_, d) => d.missing.map((m) => m.stepLabel).join('、') || '—' },
            {
              title: '逾期',
              key: 'overdue',
              render: (_, d) =>
                d.overdue.map((o) => (
                  <Tag color="red" key={o.step}>
                    {o.stepLabel}：{o.dueOn} 到期{o.workingDaysOverdue !== null ? `，逾期${o.workingDaysOverdue}个工作日` : ''}
                  </Tag>
                )),
            },
            { title: '标记', key: 'flags', render: (_, d) => d.flagLabels.join('、') || '—' },
          ]}
        />
      </Card>
      <Card
        title={<h2 style={{ fontSize: 18, margin: 0 }}>被拒绝的操作</h2>}
        extra={<Select aria-label="拒绝类别" allowClear placeholder="全部类别" style={{ width: 180 }} value={category} onChange={setCategory} options={CATEGORY_OPTIONS} />}
      >
        <Table
          rowKey="id"
          loading={refused.isPending}
          dataSource={refused.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            { title: '时间', key: 'at', render: (_, v) => beijingTime(v.attemptedAt) },
            { title: '决策事项', key: 'title', render: (_, v) => (v.decisionId ? caseLink(v.decisionId, v.decisionTitle ?? v.decisionId) : '—') },
            { title: '操作', dataIndex: 'eventLabel' },
            { title: '拒绝原因', dataIndex: 'codeLabel' },
            { title: '类别', dataIndex: 'categoryLabel' },
            { title: '操作人', key: 'actor', render: (_, v) => `${v.actor.displayName ?? v.actor.username}（${v.actor.orgUnitName ?? '—'}）` },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>年度法治政府建设报告（重大行政决策部分）</h2>}>
        <Space wrap>
          <label htmlFor="report-year">年度</label>
          <Input id="report-year" style={{ width: 100 }} value={year} onChange={(e) => setYear(e.target.value)} />
          <Button onClick={() => void download('md')}>下载文字稿（Markdown）</Button>
          <Button onClick={() => void download('xlsx')}>下载统计表（Excel）</Button>
        </Space>
        {reportError && <Alert style={{ marginTop: 12 }} type="error" title={reportError} />}
      </Card>
    </>
  );
}

function Administration() {
  const units = useQuery({ queryKey: ['units'], queryFn: () => data(orgUnitsControllerList({ query: { pageSize: 200 } })) });
  const users = useQuery({ queryKey: ['users'], queryFn: () => data(usersControllerList({ query: { pageSize: 200 } })) });
  return (
    <>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>单位</h2>}>
        <Table
          rowKey="id"
          loading={units.isPending}
          dataSource={units.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '上级', dataIndex: 'parentName' },
            { title: '状态', key: 'active', render: (_, u) => (u.active ? '启用' : '已停用') },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>用户</h2>}>
        <Table
          rowKey="id"
          loading={users.isPending}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '单位', dataIndex: 'orgUnitName' },
            { title: '角色', key: 'roles', render: (_, u) => u.roleLabels.join('、') },
            { title: '状态', key: 'disabled', render: (_, u) => (u.disabled ? '已停用' : '启用') },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary">单位和用户的新增、更名、停用和重置密码，目前通过接口或者命令行办理（README「Command line」）。</Typography.Paragraph>
    </>
  );
}
