/**
 * Each signed-in user's workbench opens on what they must do now, one section per role they hold:
 * departments and the office their cases with the open step and its due day, legal reviewers the
 * review desk, auditors the incomplete procedures, refused attempts and the annual report, the
 * administrator the units and accounts.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  annualReportControllerReport,
  auditVerifyControllerAll,
  auditViolationsControllerList,
  catalogsControllerAddItem,
  catalogsControllerCreate,
  catalogsControllerGet,
  catalogsControllerList,
  catalogsControllerPublish,
  catalogsControllerWithdrawItem,
  decisionsControllerList,
  incompleteControllerList,
  orgUnitsControllerCreate,
  orgUnitsControllerList,
  orgUnitsControllerUpdate,
  reviewsControllerList,
  usersControllerCreate,
  usersControllerList,
  usersControllerResetPassword,
  usersControllerUpdate,
  type AddCatalogItemDto,
  type AllVerificationDto,
  type AnnualReportDto,
  type CatalogDto,
  type DecisionListItemDto,
  type DecisionsControllerListData,
  type UserDto,
} from '../api/generated';
import { data, ProblemError, saveFile } from '../api';
import { BarChart } from '../components/BarChart';
import { Refusal, type Problem } from '../components/Refusal';
import { Light } from '../components/Light';
import { heading, ListTable } from '../components/ListTable';
import { beijingTime } from './CasePage';
import { href } from '../router';

export function Workbench({ user }: { user: UserDto }) {
  const roles = new Set(user.roles);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {(roles.has('department') || roles.has('office')) && <MyCases office={roles.has('office')} />}
      {roles.has('department') && <Proposals user={user} />}
      {roles.has('office') && <Catalogs user={user} />}
      {roles.has('legal_reviewer') && <ReviewDesk />}
      {roles.has('auditor') && <AuditorDesk />}
      {roles.has('admin') && <Administration />}
    </Space>
  );
}

const caseLink = (id: string, title: string) => <a href={href('cases', id)}>{title}</a>;

/** The first step of a case still open, with its due day: what its undertaking unit must do next. */
const openStep = (d: DecisionListItemDto) => d.progress.find((p) => p.status === 'pending' || p.status === 'in_progress');

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

function MyCases({ office }: { office: boolean }) {
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

/** A refused request shown where it was made. */
function useProblem(): [Problem | null, (e: unknown) => void, () => void] {
  const [problem, setProblem] = useState<Problem | null>(null);
  return [problem, (e) => setProblem(e instanceof ProblemError ? e.problem : { detail: String(e) }), () => setProblem(null)];
}

function Catalogs({ user }: { user: UserDto }) {
  const queries = useQueryClient();
  const q = useQuery({ queryKey: ['catalogs'], queryFn: () => data(catalogsControllerList({ query: { pageSize: 50 } })) });
  const [open, setOpen] = useState<CatalogDto | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [problem, fail, clear] = useProblem();
  const create = async () => {
    clear();
    try {
      await data(catalogsControllerCreate({ body: { organId: user.orgUnitId as string, year: Number(year) } }));
      await queries.invalidateQueries({ queryKey: ['catalogs'] });
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card
      title={heading('年度决策事项目录')}
      extra={
        <Space wrap>
          <label htmlFor="catalog-year">年度</label>
          <Input id="catalog-year" style={{ width: 90 }} value={year} onChange={(e) => setYear(e.target.value)} />
          <Button onClick={() => void create()}>编制新目录</Button>
        </Space>
      }
    >
      {problem && <Refusal problem={problem} />}
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
          { title: '', key: 'open', render: (_, c) => <Button onClick={() => setOpen(c)}>事项和公布</Button> },
        ]}
      />
      {open && <CatalogDetail catalog={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** A catalog's items, taking one out (the organ's decision named), and publishing the catalog with the party committee's approval. */
function CatalogDetail({ catalog, onClose }: { catalog: CatalogDto; onClose: () => void }) {
  const queries = useQueryClient();
  const q = useQuery({ queryKey: ['catalog', catalog.id], queryFn: () => data(catalogsControllerGet({ path: { id: catalog.id }, query: { pageSize: 200 } })) });
  const [problem, fail, clear] = useProblem();
  const [done, setDone] = useState<string | null>(null);
  const refresh = async () => {
    await queries.invalidateQueries({ queryKey: ['catalog', catalog.id] });
    await queries.invalidateQueries({ queryKey: ['catalogs'] });
    await queries.invalidateQueries({ queryKey: ['decisions'] });
  };
  const publish = async (v: { partyCommitteeApprovedOn: string; partyCommitteeRef: string; publishedOn: string }) => {
    clear();
    setDone(null);
    try {
      await data(catalogsControllerPublish({ path: { id: catalog.id }, body: v }));
      setDone('目录已公布');
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const withdraw = async (decisionId: string, v: { reason: string; organDecisionRef?: string }) => {
    clear();
    setDone(null);
    try {
      await data(catalogsControllerWithdrawItem({ path: { id: catalog.id, decisionId }, body: v }));
      setDone('事项已撤回');
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const items = (q.data?.items ?? []) as Array<{ id: string; title: string; stageLabel?: string; undertakingUnitName?: string | null; restricted?: boolean }>;
  return (
    <Modal open title={`${catalog.organName ?? ''}${catalog.year}年度重大行政决策事项目录`} onCancel={onClose} footer={null} width={960}>
      {done && <Alert type="success" title={done} showIcon style={{ marginBottom: 12 }} />}
      {problem && <Refusal problem={problem} />}
      <Table
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '决策事项', key: 'title', render: (_, i) => caseLink(i.id, i.title) },
          { title: '承办单位', dataIndex: 'undertakingUnitName' },
          { title: '阶段', dataIndex: 'stageLabel' },
          { title: '', key: 'withdraw', render: (_, i) => <WithdrawButton onWithdraw={(v) => void withdraw(i.id, v)} /> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        经同级党委同意后公布
      </Typography.Title>
      <Form layout="vertical" onFinish={(v) => void publish(v)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="党委同意的日期" name="partyCommitteeApprovedOn" rules={[{ required: true, message: '请填写党委同意的日期' }]}>
              <Input id="partyCommitteeApprovedOn" type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="党委同意的文件或纪要文号" name="partyCommitteeRef" rules={[{ required: true, message: '请填写文号' }]}>
              <Input id="partyCommitteeRef" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="公布日期" name="publishedOn" rules={[{ required: true, message: '请填写公布日期' }]}>
              <Input id="publishedOn" type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit">
          公布目录
        </Button>
      </Form>
    </Modal>
  );
}

function WithdrawButton({ onWithdraw }: { onWithdraw: (v: { reason: string; organDecisionRef?: string }) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        撤回
      </Button>
      <Modal open={open} title="从目录中撤回事项" onCancel={() => setOpen(false)} footer={null}>
        <Form
          layout="vertical"
          onFinish={(v: { reason: string; organDecisionRef?: string }) => {
            setOpen(false);
            onWithdraw(v);
          }}
        >
          <Form.Item label="撤回的理由" name="reason" rules={[{ required: true, message: '请填写撤回的理由' }]}>
            <Input id="withdraw-reason" />
          </Form.Item>
          <Form.Item label="决策机关调整目录的决定（文件或纪要文号）" name="organDecisionRef" extra="事项按重大行政决策程序第 2 版办理的必填（《重大行政决策程序暂行条例》第三条第三款）">
            <Input id="withdraw-organDecisionRef" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            撤回
          </Button>
        </Form>
      </Modal>
    </>
  );
}

const CATEGORIES: Array<{ value: AddCatalogItemDto['category']; label: string }> = [
  { value: 'public_policy', label: '重大公共政策和措施' },
  { value: 'development_plan', label: '经济和社会发展等方面的重要规划' },
  { value: 'resource_policy', label: '开发利用、保护重要自然资源和文化资源的重大公共政策和措施' },
  { value: 'public_project', label: '重大公共建设项目' },
  { value: 'other_major', label: '其他重大事项' },
];
const REQUIREMENTS: Array<{ key: keyof AddCatalogItemDto['requirements']; label: string }> = [
  { key: 'publicParticipation', label: '公众参与' },
  { key: 'hearing', label: '听证会' },
  { key: 'expertArgumentation', label: '专家论证' },
  { key: 'riskAssessment', label: '风险评估' },
  { key: 'partyCommitteeReport', label: '向同级党委请示报告' },
];

/** A department proposes an item for a catalog being compiled; its unit undertakes it. */
function Proposals({ user }: { user: UserDto }) {
  const queries = useQueryClient();
  const catalogs = useQuery({ queryKey: ['catalogs'], queryFn: () => data(catalogsControllerList({ query: { pageSize: 50 } })) });
  const [problem, fail, clear] = useProblem();
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm();
  const propose = async (v: Record<string, unknown>) => {
    clear();
    setDone(null);
    const requirements = Object.fromEntries(
      REQUIREMENTS.map((r) => [r.key, v[`req_${r.key}`] === false ? { required: false, reason: (v[`reason_${r.key}`] as string) || undefined } : { required: true }]),
    ) as unknown as AddCatalogItemDto['requirements'];
    const body: AddCatalogItemDto = {
      title: v.title as string,
      category: v.category as AddCatalogItemDto['category'],
      undertakingUnitId: user.orgUnitId as string,
      legalBasis: String(v.legalBasis ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
      affectsMarket: v.affectsMarket === true,
      ...(v.plannedStartOn ? { plannedStartOn: v.plannedStartOn as string } : {}),
      ...(v.plannedDecisionOn ? { plannedDecisionOn: v.plannedDecisionOn as string } : {}),
      requirements,
    };
    try {
      await data(catalogsControllerAddItem({ path: { id: v.catalogId as string }, body }));
      setDone(`已提出目录事项：${body.title}`);
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ['decisions'] });
    } catch (e) {
      fail(e);
    }
  };
  const open = (catalogs.data ?? []).filter((c) => c.status === 'draft' || c.status === 'published');
  return (
    <Card title={heading('提出年度目录事项')}>
      {done && <Alert type="success" title={done} showIcon style={{ marginBottom: 12 }} />}
      {problem && <Refusal problem={problem} />}
      <Form form={form} layout="vertical" onFinish={(v) => void propose(v)} initialValues={Object.fromEntries(REQUIREMENTS.map((r) => [`req_${r.key}`, true]))}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label="目录" name="catalogId" rules={[{ required: true, message: '请选择目录' }]}>
              <Select id="catalogId" options={open.map((c) => ({ value: c.id, label: `${c.organName ?? ''}${c.year}年度（${c.statusLabel}）` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="决策事项名称" name="title" rules={[{ required: true, message: '请填写决策事项名称' }]}>
              <Input id="title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="事项类别" name="category" rules={[{ required: true, message: '请选择事项类别' }]}>
              <Select id="category" options={CATEGORIES} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="计划启动日期" name="plannedStartOn">
              <Input id="plannedStartOn" type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="计划完成日期" name="plannedDecisionOn">
              <Input id="plannedDecisionOn" type="date" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="决策依据" name="legalBasis" extra="每行一项" rules={[{ required: true, message: '请填写决策依据' }]}>
              <Input.TextArea id="legalBasis" autoSize={{ minRows: 2 }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="affectsMarket" valuePropName="checked">
              <Checkbox id="affectsMarket">涉及市场主体经济活动（决策草案须经公平竞争审查）</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>需履行的程序（不履行的，须写明理由）</Typography.Text>
        {REQUIREMENTS.map((r) => (
          <Row gutter={12} key={r.key} align="middle">
            <Col xs={24} md={8}>
              <Form.Item name={`req_${r.key}`} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox id={`req_${r.key}`}>{r.label}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name={`reason_${r.key}`} style={{ marginBottom: 8 }}>
                <Input id={`reason_${r.key}`} aria-label={`不履行${r.label}的理由`} placeholder={`不履行${r.label}的理由`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Button type="primary" htmlType="submit">
          提出
        </Button>
      </Form>
    </Card>
  );
}

function ReviewDesk() {
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
  const [organId, setOrganId] = useState<string | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const units = useQuery({ queryKey: ['units'], queryFn: () => data(orgUnitsControllerList({ query: { pageSize: 200 } })) });
  const scope = { ...(organId ? { organId } : {}) };
  const yearNumber = /^\d{4}$/.test(year) ? Number(year) : undefined;
  const incomplete = useQuery({
    queryKey: ['incomplete', kind, yearNumber, organId],
    queryFn: () => data(incompleteControllerList({ query: { kind, pageSize: 100, ...scope, ...(yearNumber ? { year: yearNumber } : {}) } })),
  });
  const refused = useQuery({ queryKey: ['violations', category, organId], queryFn: () => data(auditViolationsControllerList({ query: { pageSize: 100, ...scope, ...(category ? { category } : {}) } })) });
  const report = useQuery({
    queryKey: ['report', yearNumber, organId],
    enabled: yearNumber !== undefined,
    queryFn: () => data(annualReportControllerReport({ query: { year: yearNumber as number, format: 'json', ...scope } })) as Promise<AnnualReportDto>,
  });
  const [verification, setVerification] = useState<AllVerificationDto | null>(null);
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await data(auditVerifyControllerAll()));
    } finally {
      setVerifying(false);
    }
  };
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
      <Card size="small">
        <Space wrap>
          <label htmlFor="audit-year">年度</label>
          <Input id="audit-year" style={{ width: 90 }} value={year} onChange={(e) => setYear(e.target.value)} />
          <label htmlFor="audit-organ">决策机关</label>
          <Select
            id="audit-organ"
            allowClear
            placeholder="全部"
            style={{ width: 220 }}
            value={organId}
            onChange={setOrganId}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <label htmlFor="audit-unit">承办单位</label>
          <Select
            id="audit-unit"
            allowClear
            placeholder="全部"
            style={{ width: 180 }}
            value={unitId}
            onChange={setUnitId}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Space>
      </Card>
      <Card
        title={heading('程序履行不到位的决策事项')}
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
          dataSource={(incomplete.data ?? []).filter((d) => !unitId || d.undertakingUnitId === unitId)}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            { title: '决策事项', key: 'title', width: 200, render: (_, d) => caseLink(d.decisionId, d.title) },
            { title: '决策机关', dataIndex: 'organName', width: 130 },
            { title: '承办单位', dataIndex: 'undertakingUnitName', width: 110 },
            { title: '阶段', dataIndex: 'stageLabel', width: 120 },
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
        title={heading('被拒绝的操作')}
        extra={<Select aria-label="拒绝类别" allowClear placeholder="全部类别" style={{ width: 180 }} value={category} onChange={setCategory} options={CATEGORY_OPTIONS} />}
      >
        <ListTable
          loading={refused.isPending}
          dataSource={refused.data ?? []}
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
      <Card title={heading('决策过程记录核验')}>
        <Space direction="vertical">
          <Typography.Paragraph>按数据库中现存的记录逐条重新计算哈希值，核对每件决策事项的记录是否完整、未被改动。</Typography.Paragraph>
          <Button onClick={() => void verify()} loading={verifying}>
            核验全部记录
          </Button>
          {verification && (
            <Alert
              type={verification.ok ? 'success' : 'error'}
              showIcon
              title={verification.ok ? `全部完整：${verification.decisions} 件决策事项，${verification.events} 条记录` : `发现 ${verification.broken.length} 件决策事项的记录不完整`}
              description={verification.broken.map((b) => `${b.decisionId} 第 ${b.seq} 条：${b.reason}`).join('；') || undefined}
            />
          )}
        </Space>
      </Card>
      <Card title={heading('年度法治政府建设报告（重大行政决策部分）')}>
        <Space wrap>
          <Button onClick={() => void download('md')}>下载 {year} 年度文字稿（Markdown）</Button>
          <Button onClick={() => void download('xlsx')}>下载 {year} 年度统计表（Excel）</Button>
        </Space>
        {reportError && <Alert style={{ marginTop: 12 }} type="error" title={reportError} />}
        {report.data && (
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} md={12}>
              <BarChart title="决策事项所处阶段" data={report.data.decisions.byStage.map((x) => ({ label: x.label, count: x.count }))} />
            </Col>
            <Col xs={24} md={12}>
              <BarChart title="合法性审查结论" data={report.data.legalityReview.byConclusion.map((x) => ({ label: x.label, count: x.count }))} />
            </Col>
            <Col xs={24} md={12}>
              <BarChart title="被拒绝的操作（按类别）" data={report.data.refusals.byCategory.map((x) => ({ label: x.label, count: x.count }))} />
            </Col>
            <Col xs={24} md={12}>
              <BarChart title="目录覆盖率（已公布目录的机关数）" data={report.data.catalogs.coverage.map((x) => ({ label: `${x.label}（共${x.organs}个）`, count: x.published }))} />
            </Col>
          </Row>
        )}
      </Card>
    </>
  );
}

function Administration() {
  const queries = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: () => data(orgUnitsControllerList({ query: { pageSize: 200 } })) });
  const users = useQuery({ queryKey: ['users'], queryFn: () => data(usersControllerList({ query: { pageSize: 200 } })) });
  const [problem, fail, clear] = useProblem();
  const [done, setDone] = useState<string | null>(null);
  const run = async (what: string, call: () => Promise<unknown>) => {
    clear();
    setDone(null);
    try {
      await call();
      setDone(what);
      await queries.invalidateQueries({ queryKey: ['units'] });
      await queries.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      fail(e);
    }
  };
  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      {done && <Alert type="success" title={done} showIcon />}
      {problem && <Refusal problem={problem} />}
      <Card title={heading('单位')}>
        <ListTable
          loading={units.isPending}
          dataSource={units.data ?? []}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '上级', dataIndex: 'parentName' },
            { title: '状态', key: 'active', render: (_, u) => (u.active ? '启用' : '已停用') },
            {
              title: '',
              key: 'act',
              render: (_, u) => (
                <Button size="small" onClick={() => void run(u.active ? `已停用：${u.name}` : `已启用：${u.name}`, () => data(orgUnitsControllerUpdate({ path: { id: u.id }, body: { active: !u.active } })))}>
                  {u.active ? '停用' : '启用'}
                </Button>
              ),
            },
          ]}
        />
        <Form
          name="unit"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v: { name: string; kind: 'government' | 'department' | 'street'; parentId?: string }) => void run(`已建立单位：${v.name}`, () => data(orgUnitsControllerCreate({ body: v })))}
        >
          <Form.Item label="新单位名称" name="name" rules={[{ required: true, message: '请填写名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'government', label: '人民政府' },
                { value: 'department', label: '政府工作部门' },
                { value: 'street', label: '街道办事处' },
              ]}
            />
          </Form.Item>
          <Form.Item label="上级" name="parentId">
            <Select allowClear style={{ width: 200 }} options={unitOptions} />
          </Form.Item>
          <Button htmlType="submit">建立单位</Button>
        </Form>
      </Card>
      <Card title={heading('用户')}>
        <ListTable
          loading={users.isPending}
          dataSource={users.data ?? []}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '单位', dataIndex: 'orgUnitName' },
            { title: '角色', key: 'roles', render: (_, u) => u.roleLabels.join('、') },
            { title: '状态', key: 'disabled', render: (_, u) => (u.disabled ? '已停用' : '启用') },
            {
              title: '',
              key: 'act',
              render: (_, u) => (
                <Space>
                  <Button size="small" onClick={() => void run(u.disabled ? `已启用：${u.username}` : `已停用：${u.username}`, () => data(usersControllerUpdate({ path: { id: u.id }, body: { disabled: !u.disabled } })))}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                  <ResetPassword onReset={(password) => void run(`已重置密码：${u.username}`, () => data(usersControllerResetPassword({ path: { id: u.id }, body: { password } })))} />
                </Space>
              ),
            },
          ]}
        />
        <Form
          name="user"
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(v: { username: string; displayName: string; orgUnitId: string; role: UserDto['roles'][number]; password: string }) =>
            void run(`已建立用户：${v.username}`, () => data(usersControllerCreate({ body: { username: v.username, displayName: v.displayName, orgUnitId: v.orgUnitId, roles: [v.role], password: v.password } })))
          }
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="单位" name="orgUnitId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select style={{ width: 180 }} options={unitOptions} />
          </Form.Item>
          <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'department', label: '决策承办单位' },
                { value: 'office', label: '决策机关办公室' },
                { value: 'legal_reviewer', label: '合法性审查机构' },
                { value: 'auditor', label: '依法治区办' },
                { value: 'admin', label: '系统管理员' },
              ]}
            />
          </Form.Item>
          <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请填写初始密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">建立用户</Button>
        </Form>
      </Card>
    </>
  );
}

function ResetPassword({ onReset }: { onReset: (password: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        重置密码
      </Button>
      <Modal open={open} title="重置密码" onCancel={() => setOpen(false)} footer={null}>
        <Form
          layout="vertical"
          onFinish={(v: { password: string }) => {
            setOpen(false);
            onReset(v.password);
          }}
        >
          <Form.Item label="新密码" name="password" extra="至少10个字符，含大写字母、小写字母、数字、其他字符中的三类，不含用户名" rules={[{ required: true, message: '请填写新密码' }]}>
            <Input.Password id="reset-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            重置
          </Button>
        </Form>
      </Modal>
    </>
  );
}
