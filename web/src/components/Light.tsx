/** A step's traffic light: green (time left), yellow (3 working days or fewer), red (overdue). */
import { Tag } from 'antd';

/** Text, background and border of each light, dark enough to read at 4.5:1. */
const COLORS: Record<string, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  yellow: { color: '#613400', background: '#fffbe6', borderColor: '#ffd666' },
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ff7875' },
};

export function Light({ light, dueOn, left, overdue }: { light?: string; dueOn?: string; left?: number | null; overdue?: number | null }) {
  if (!dueOn) return null;
  const words =
    light === 'red' ? `已逾期${overdue ?? ''}个工作日` : left === 0 ? '今日到期' : left !== undefined && left !== null ? `剩余${left}个工作日` : '';
  return (
    <Tag className={`light-${light ?? 'none'}`} style={COLORS[light ?? '']}>
      {dueOn} 到期{words ? `，${words}` : ''}
    </Tag>
  );
}
