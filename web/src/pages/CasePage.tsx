/**
 * One case: where it stands, the checklist of steps with due days and lights, the record as a
 * timeline (who, when, what, the row's hash), and the next step as a form drawn from the event's
 * schema. The events the procedure takes now come first; the caller's other events can be tried,
 * and a refusal shows the service's sentence, its articles, the missing steps and the fields to mend.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Form, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  decisionsControllerDetail,
  decisionsControllerHistory,
  decisionsControllerSendEvent,
  definitionsControllerList,
  orgUnitsControllerList,
  type DecisionsControllerSendEventData,
} from '../api/generated';
import { data, ProblemError } from '../api';
import { EventForm, formPath, type JsonSchema } from '../components/EventForm';
import { Light } from '../components/Light';
import { heading } from '../components/ListTable';
import { Refusal, type Problem } from '../components/Refusal';
import { Statechart } from '../components/Statechart';
import { href } from '../router';

/** An instant as a person in the district reads it: `2026/2/3 09:01:45`, Beijing time. */
export const beijingTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

interface OpenApi {
  components: { schemas: Record<string, JsonSchema> };
}

/** The service's OpenAPI document: every event's schema per procedure version (`major-decision.v2.RECORD_DRAFT`). */
const useSchemas = () =>
  useQuery({
    queryKey: ['openapi'],
    queryFn: async () => ((await (await fetch('/docs-json')).json()) as OpenApi).components.schemas,
    staleTime: Infinity,
  });

export function CasePage({ id }: { id: string }) {
  const queries = useQueryClient();
  const detail = useQuery({ queryKey: ['decision', id], queryFn: () => data(decisionsControllerDetail({ path: { id } })) });
  const history = useQuery({ queryKey: ['history', id], queryFn: () => data(decisionsControllerHistory({ path: { id } })) });
  const workflows = useQuery({ queryKey: ['workflows'], queryFn: () => data(definitionsControllerList()), staleTime: Infinity });
  const units = useQuery({ queryKey: ['units'], queryFn: () => data(orgUnitsControllerList({ query: { pageSize: 200 } })).catch(() => []) });
  const schemas = useSchemas();
  const me = queries.getQueryData<{ roles: string[] }>(['me']);
  const [type, setType] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const d = detail.data;
  const workflow = workflows.data?.find((w) => d && w.id === d.definition.id && w.version === d.definition.version);
  const stepLabels = useMemo(() => Object.fromEntries((d?.progress ?? []).map((p) => [p.step, p.stepLabel])), [d]);
  const eventLabel = (t: string) => workflow?.labels.events?.[t] ?? t;
  /** The caller's own events of this procedure that the procedure does not take now (trying one is refused and recorded). */
  const others = (workflow?.events ?? []).filter((t) => !d?.allowedEvents.includes(t) && !workflow?.systemEvents.includes(t) && me?.roles.includes(workflow?.actors[t]?.role ?? ''));
  const schema = d && type ? schemas.data?.[`${d.definition.id}.v${d.definition.version}.${type}`]?.properties?.payload : undefined;

  if (detail.error instanceof ProblemError) return <Refusal problem={detail.error.problem} />;
  if (!d) return <Card loading />;

  const send = async (payload: unknown) => {
    if (!type) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await data(decisionsControllerSendEvent({ path: { id }, body: { type, payload, expectedVersion: d.version } as DecisionsControllerSendEventData['body'] }));
      setDone(`已办理：${eventLabel(type)}`);
      setType(undefined);
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ['decision', id] });
      await queries.invalidateQueries({ queryKey: ['history', id] });
      await queries.invalidateQueries({ queryKey: ['decisions'] });
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setProblem(e.problem);
      form.setFields((e.problem.errors ?? []).flatMap((f) => {
        const name = formPath(f.field);
        return name ? [{ name, errors: [f.message] }] : [];
      }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>
        <a href={href()}>← 返回工作台</a>
      </Typography.Paragraph>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{d.title}</h1>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'stage', label: '阶段', children: <Tag color="blue">{d.stageLabel}</Tag> },
            { key: 'organ', label: '决策机关', children: d.organName },
            { key: 'unit', label: '承办单位', children: d.undertakingUnitName },
            { key: 'impl', label: '执行单位', children: d.implementingUnitName ?? '—' },
            { key: 'category', label: '类别', children: d.categoryLabel },
            { key: 'version', label: '适用程序', children: `重大行政决策程序第 ${d.definition.version} 版` },
            { key: 'flags', label: '标记', children: d.flagLabels.join('、') || '—' },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={heading('程序环节', 16)}>
            <Table
              rowKey="step"
              size="small"
              pagination={false}
              dataSource={d.progress}
              columns={[
                { title: '环节', dataIndex: 'stepLabel' },
                { title: '状态', dataIndex: 'statusLabel' },
                { title: '期限', key: 'due', render: (_, p) => <Light light={p.light} dueOn={p.dueOn} left={p.workingDaysLeft} overdue={p.workingDaysOverdue} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={heading('办理', 16)}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <label htmlFor="event-type">选择要办理的事项</label>
              <Select
                id="event-type"
                style={{ width: '100%' }}
                placeholder={d.allowedEvents.length ? '选择事项' : '您现在没有可以办理的事项'}
                value={type}
                onChange={(t) => {
                  setType(t);
                  setProblem(null);
                  setDone(null);
                  form.resetFields();
                }}
                options={[
                  { label: '现在可以办理', options: d.allowedEvents.map((t, i) => ({ value: t, label: `${d.allowedEventLabels[i] ?? t}（${t}）` })) },
                  ...(others.length ? [{ label: '其他事项（程序尚不允许，办理将被拒绝并记录）', options: others.map((t) => ({ value: t, label: `${eventLabel(t)}（${t}）` })) }] : []),
                ]}
              />
              {done && <Alert type="success" title={done} showIcon />}
              {problem && <Refusal problem={problem} stepLabels={stepLabels} />}
              {type && schema && <EventForm key={type} form={form} schema={schema} units={units.data ?? []} onSubmit={(p) => void send(p)} busy={busy} />}
              {type && schemas.isPending && <Card loading />}
            </Space>
          </Card>
        </Col>
      </Row>
      {d.legalOpinions.length > 0 && (
        <Card title={heading('本轮合法性审查的法律意见', 16)}>
          <Table
            rowKey="opinionId"
            size="small"
            pagination={false}
            dataSource={d.legalOpinions}
            scroll={{ x: true }}
            columns={[
              { title: '日期', dataIndex: 'givenOn' },
              { title: '提出人', key: 'author', render: (_, o) => `${o.author}（${o.authorKindLabel}）` },
              { title: '意见', dataIndex: 'text' },
              { title: '意见编号（说明采纳情况时引用）', dataIndex: 'opinionId' },
            ]}
          />
        </Card>
      )}
      <Card title={heading('程序流程图（当前阶段以蓝色标出）', 16)}>
        <Statechart id={d.definition.id} version={d.definition.version} stage={d.stage} />
      </Card>
      <Card title={heading('决策过程记录', 16)}>
        <Timeline
          items={(history.data ?? []).map((r) => ({
            key: r.seq,
            children: (
              <div>
                <strong>
                  {r.seq}. {r.typeLabel}
                </strong>{' '}
                <Typography.Text type="secondary">
                  {beijingTime(r.recordedAt)} · {r.actorName ?? r.actor.username}（{r.actorUnitName ?? '—'}） · {r.fromStageLabel ?? '—'} → {r.toStageLabel}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    哈希 {r.hash.slice(0, 16)}…
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
