/**
 * A refused request as a civil servant reads it: the service's Chinese sentence, the articles it
 * rests on, the steps still missing and the fields to mend (problem+json of the API).
 */
import { Alert, List, Typography } from 'antd';

export interface Problem {
  status?: number;
  code?: string;
  detail?: string;
  legalBasis?: Array<{ id: string; law: string; article: string; summary: string }>;
  missing?: Array<{ step: string; code: string }>;
  errors?: Array<{ field: string; message: string }>;
}

export function Refusal({ problem, stepLabels = {} }: { problem: Problem; stepLabels?: Record<string, string> }) {
  const refused = problem.status === 422;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={refused ? '程序要求未满足，已拒绝办理（本次尝试已记录）' : '未能办理'}
      description={
        <div data-testid="refusal">
          <Typography.Paragraph>{problem.detail}</Typography.Paragraph>
          {problem.code && <Typography.Text type="secondary">代码：{problem.code}</Typography.Text>}
          {!!problem.legalBasis?.length && (
            <List
              size="small"
              header={<strong>依据</strong>}
              dataSource={problem.legalBasis}
              renderItem={(b) => (
                <List.Item>
                  《{b.law}》{b.article}：{b.summary}
                </List.Item>
              )}
            />
          )}
          {!!problem.missing?.length && (
            <List
              size="small"
              header={<strong>尚未完成的环节</strong>}
              dataSource={problem.missing}
              renderItem={(m) => (
                <List.Item>
                  {stepLabels[m.step] ?? m.step}（{m.step}）
                </List.Item>
              )}
            />
          )}
          {!!problem.errors?.length && (
            <List
              size="small"
              header={<strong>需要修改的内容</strong>}
              dataSource={problem.errors}
              renderItem={(e) => (
                <List.Item>
                  <Typography.Text code>{e.field}</Typography.Text>：{e.message}
                </List.Item>
              )}
            />
          )}
        </div>
      }
    />
  );
}
