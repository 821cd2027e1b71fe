/** A step's traffic light: green (time left), yellow (3 working days or fewer), red (overdue). */
import { Tag } from 'antd';

const COLORS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

export function Light({ light, dueOn, left, overdue }: { light?: string; dueOn?: string; left?: number | null; overdue?: number | null }) {
  if (!dueOn) return null;
  const words =
    light === 'red' ? `已逾期${overdue ?? ''}个工作日` : left === 0 ? '今日到期' : left !== undefined && left !== null ? `剩余${left}个工作日` : '';
  return (
    <Tag color={COLORS[light ?? ''] ?? 'default'}>
      {dueOn} 到期{words ? `，${words}` : ''}
    </Tag>
  );
}
