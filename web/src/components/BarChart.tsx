/** A bar chart (ECharts, loaded when shown) of labelled counts, with the figures also as text for screen readers. */
import { useEffect, useRef } from 'react';

export function BarChart({ title, data }: { title: string; data: Array<{ label: string; count: number }> }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    let dispose: (() => void) | undefined;
    void import('echarts').then((echarts) => {
      if (!box.current) return;
      const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
      chart.setOption({
        title: { text: title, textStyle: { fontSize: 14 } },
        grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: data.map((d) => d.label) },
        series: [{ type: 'bar', data: data.map((d) => d.count), label: { show: true, position: 'right' } }],
      });
      dispose = () => chart.dispose();
    });
    return () => dispose?.();
  }, [title, data]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={box} style={{ height: Math.max(160, 48 + data.length * 32) }} aria-hidden="true" />
      <figcaption style={{ position: 'absolute', left: -10000 }}>
        {title}：{data.map((d) => `${d.label} ${d.count}`).join('，')}
      </figcaption>
    </figure>
  );
}
