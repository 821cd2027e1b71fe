/**
 * The procedure's statechart (the service's Mermaid text of the case's definition version), drawn
 * with the case's stage highlighted. Mermaid is loaded only when a case page shows it.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { definitionsControllerDiagram } from '../api/generated';

let drawn = 0;

export function Statechart({ id, version, stage }: { id: string; version: number; stage: string }) {
  const text = useQuery({
    queryKey: ['diagram', id, version],
    queryFn: async () => {
      const r = await definitionsControllerDiagram({ path: { id, version: String(version) }, parseAs: 'text' });
      if (!r.response.ok) throw new Error('流程图暂时无法读取');
      return r.data as unknown as string;
    },
    staleTime: Infinity,
  });
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!text.data || !box.current) return;
    let cancelled = false;
    void (async () => {
      try {
        const { default: mermaid } = await import('mermaid');
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: '"Noto Sans CJK SC", sans-serif' });
        const source = `${text.data}\n  classDef current fill:#1677ff,color:#fff,stroke:#003eb3,stroke-width:3px\n  class ${stage} current\n`;
        const { svg } = await mermaid.render(`statechart-${(drawn += 1)}`, source);
        if (!cancelled && box.current) box.current.innerHTML = svg;
      } catch {
        if (!cancelled) setError('流程图暂时无法绘制');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [text.data, stage]);
  if (error || text.isError) return <Alert type="warning" title={error ?? '流程图暂时无法读取'} />;
  return (
    <div role="img" aria-label={`决策程序流程图，当前阶段：${stage}`} style={{ overflowX: 'auto' }}>
      {text.isPending && <Spin />}
      <div ref={box} data-testid="statechart" />
    </div>
  );
}
