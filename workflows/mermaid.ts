import type { AnyStateMachine, AnyStateNode } from 'xstate';

const nodeName = (n: AnyStateNode) => n.path.join('_') || n.machine.id.replace(/-/g, '_');

/** The statechart as Mermaid `stateDiagram-v2` text, derived from the machine itself. */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const walk = (node: AnyStateNode, indent: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (node.initial && node.initial.target.length) lines.push(`${indent}[*] --> ${nodeName(node.initial.target[0])}`);
    children.forEach((child, i) => {
      if (Object.keys(child.states).length) {
        lines.push(`${indent}state ${nodeName(child)} {`);
        walk(child, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (node.type === 'parallel' && i < children.length - 1) lines.push(`${indent}--`);
    });
    for (const child of children) {
      for (const [event, transitions] of child.transitions) {
        const targets = new Set<string>();
        for (const t of transitions) for (const target of t.target ?? [child]) targets.add(nodeName(target));
        for (const target of targets) lines.push(`${indent}${nodeName(child)} --> ${target}: ${event}`);
      }
    }
  };
  walk(machine.root, '  ');
  return `${lines.join('\n')}\n`;
}
