/** The auditor's desk: incomplete procedures, refused attempts, chain verification and the annual report. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  annualReportControllerReport,
  auditVerifyControllerAll,
  auditViolationsControllerList,
  incompleteControllerList,
  orgUnitsControllerList,
  type AllVerificationDto,
  type AnnualReportDto,
} from '../../api/generated';
import { data, saveFile } from '../../api';
import { BarChart } from '../../components/BarChart';
import { heading, ListTable } from '../../components/ListTable';
import { beijingTime } from '../CasePage';
import { caseLink } from './shared';

const CATEGORY_OPTIONS = [
  { value: 'skip', label: '跳过法定环节' },
  { value: 'time_limit', label: '未给足法定期限' },
  { value: 'content', label: '缺少法定内容' },
  { value: 'form', label: '日期和格式' },
];

export function AuditorDesk() {
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
