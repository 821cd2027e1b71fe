/** The annual catalogs: the office compiles and publishes them, a department proposes items. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  catalogsControllerAddItem,
  catalogsControllerCreate,
  catalogsControllerGet,
  catalogsControllerList,
  catalogsControllerPublish,
  catalogsControllerWithdrawItem,
  type AddCatalogItemDto,
  type CatalogDto,
  type UserDto,
} from '../../api/generated';
import { data } from '../../api';
import { Refusal } from '../../components/Refusal';
import { heading } from '../../components/ListTable';
import { caseLink, useProblem } from './shared';

export function Catalogs({ user }: { user: UserDto }) {
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
export function Proposals({ user }: { user: UserDto }) {
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
