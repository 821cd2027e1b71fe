/**
 * The procedure manual of a definition version as Chinese Markdown (`docs/<id>-v<version>.md`,
 * written by `npm run docs`): its stages, steps, every event with its fields, sender, rules and
 * articles, the date rules, the deadlines with the local numbers of `config/deadlines.json`, the
 * articles cited, and the statechart. Everything comes from the definition (`ProcedureDefinition`
 * and its `docs`) and the deadline rules handed in; nothing is written here about one event.
 */
import type { DeadlineRules } from '../../workflows/deadlines';
import type { ProcedureDefinition } from '../../workflows/definition';
import { fieldsOf, fieldTypeName } from '../../workflows/json-schema';
import { CATEGORY_LABELS, CODE_LABELS } from '../../workflows/labels';
import { LEGAL_BASIS, legalBasis } from '../../workflows/legal-basis';
import { refusalCategory } from '../../workflows/refusal-categories';
import { articlesText, senderText } from './event-openapi';

/** The file name of a definition version's manual under `docs/`. */
export const manualFileName = (def: Pick<ProcedureDefinition, 'id' | 'version'>): string => `${def.id}-v${def.version}.md`;

const UNIT_WORDS: Readonly<Record<string, string>> = { working_days: '个工作日', calendar_days: '日（自然日）', fixed_date: '' };

/** A table cell: no line break, and a `|` that does not end the cell. */
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];
const code = (s: string): string => `\`${s}\``;

/** Every article id the definition cites: of its steps, events, step gaps and rules. */
function citedBasis(def: ProcedureDefinition): string[] {
  const d = def.docs;
  const ids = new Set<string>();
  const add = (list: readonly string[] | undefined) => list?.forEach((id) => ids.add(id));
  Object.values(d.stepBasis).forEach(add);
  Object.values(d.eventBasis).forEach(add);
  Object.values(d.stepGaps).forEach((g) => add(g.legalBasis));
  Object.values(d.eventRules()).forEach((rules) => rules.forEach((r) => add(r.legalBasis)));
  // In the order of the legal-basis table.
  return Object.keys(LEGAL_BASIS).filter((id) => ids.has(id));
}

export function renderManual(def: ProcedureDefinition, deadlineRules: DeadlineRules): string {
  const d = def.docs;
  const stage = (s: string) => `${def.labels.stages[s] ?? s}（${code(s)}）`;
  const step = (s: string) => `${def.labels.steps[s] ?? s}（${code(s)}）`;
  const rules = d.eventRules();
  const out: string[] = [];

  out.push(
    `# ${d.title}（${def.id} 第 ${def.version} 版）`,
    '',
    `> 本手册由 \`npm run docs\` 根据程序定义（\`workflows/\`）生成，请勿手工修改；程序定义改变后重新生成。测试会比较本文件与生成结果。`,
    '',
    `本程序依据${d.law}。一件重大行政决策事项（决策）从列入年度决策事项目录开始，经过下列阶段和环节；` +
      `每一步是一个事件，由规定的角色通过 \`POST /decisions/:id/events\` 发送 \`{ "type": 事件, "payload": 内容 }\`。` +
      `不符合程序的事件被拒绝（422），回答中写明拒绝代码、所依据的条文和尚未完成的环节，拒绝本身也被记录。` +
      `内容格式不对的（缺少字段、字段类型不对、条件必填的字段未填）回答 400，并指明字段。`,
    '',
    '目录：[阶段](#阶段) · [环节](#环节) · [事件一览](#事件一览) · [各事件](#各事件) · [日期规则](#日期规则) · [期限](#期限) · [法律依据](#法律依据) · [状态图](#状态图)',
    '',
  );

  out.push('## 阶段', '', '决策所处的阶段（`GET /decisions/:id` 的 `stage`）和各阶段接收的事件。', '');
  out.push(
    ...table(
      ['阶段', '名称', '接收的事件'],
      def.stages.map((s) => [code(s), def.labels.stages[s] ?? s, def.events.filter((t) => d.eventStages[t]?.includes(s)).map(code).join('、')]),
    ),
    '',
  );

  out.push('## 环节', '', '决策的程序环节（`progress[].step`），按先后排列；未完成而被跳过时的拒绝代码和依据。', '');
  out.push(
    ...table(
      ['环节', '名称', '依据', '未完成时的拒绝代码'],
      def.steps.map((s) => [code(s), def.labels.steps[s] ?? s, articlesText(d.stepBasis[s] ?? []), d.stepGaps[s] ? code(d.stepGaps[s].code) : '']),
    ),
    '',
  );

  out.push('## 事件一览', '');
  out.push(
    ...table(
      ['事件', '名称', '发送者', '所在阶段'],
      def.events.map((t) => [
        `[${code(t)}](#${t.toLowerCase()})`,
        def.labels.events[t] ?? t,
        def.systemEvents.includes(t) ? '系统（不能通过接口发送）' : senderText(def, t),
        (d.eventStages[t] ?? []).map(code).join('、'),
      ]),
    ),
    '',
  );

  out.push('## 各事件', '');
  for (const t of def.events) {
    const p = d.presupposes[t] ?? { steps: [], gates: [] };
    const claimed = def.claimedDates[t];
    out.push(`### ${t}`, '', `**${def.labels.events[t] ?? t}**。${d.eventNotes[t] ?? ''}`, '');
    out.push(`- 发送者：${def.systemEvents.includes(t) ? '系统（公布目录时），不能通过接口发送' : senderText(def, t)}`);
    out.push(`- 所在阶段：${(d.eventStages[t] ?? []).map(stage).join('、')}`);
    out.push(`- 依据：${articlesText(d.eventBasis[t] ?? [])}`);
    if (claimed) out.push(`- 记录的日期：${code(`payload.${claimed.field}`)}${claimed.step ? `，属于环节${step(claimed.step)}` : '，不属于任何环节'}`);
    if (p.steps.length) {
      out.push(`- 须先完成的环节：${p.steps.map(step).join('、')}`);
      if (p.gates.length) out.push(`- 在不接收它的阶段提前发送时，按第一个未完成的把关环节拒绝：${p.gates.map((g) => `${step(g)} → ${code(d.stepGaps[g]?.code ?? '')}`).join('；')}`);
    }
    out.push('', '内容（`payload`）：', '');
    out.push(
      ...table(
        ['字段', '类型', '必填', '说明'],
        fieldsOf(d.payloads[t]).map(({ path, field }) => [code(path), fieldTypeName(field), field.optional ? '否' : '是', d.fieldDocs[t]?.[path] ?? '']),
      ),
      '',
    );
    const refusals = rules[t] ?? [];
    if (refusals.length) {
      out.push('在接收它的阶段可能的拒绝（422），日期规则之外：', '');
      out.push(
        ...table(
          ['拒绝代码', '含义', '类别', '依据'],
          refusals.map((r) => [code(r.code), CODE_LABELS[r.code] ?? '', CATEGORY_LABELS[refusalCategory(r.code)], articlesText(r.legalBasis)]),
        ),
        '',
      );
    }
    out.push('示例：', '', '```json', JSON.stringify({ type: t, payload: d.examples[t] }, null, 2), '```', '');
  }

  out.push(
    '## 日期规则',
    '',
    `内容中以 \`On\` 结尾的日期记录已经发生的事项，不得晚于今天（北京时间），否则拒绝（${code('DATE_IN_FUTURE')}）；` +
      `${d.planningDateFields.map(code).join('、')} 是计划日期，可以是将来的日期。` +
      `日期也不得早于事件的前置环节完成的日期（${code('DATE_OUT_OF_ORDER')}）。两者依据${articlesText(['SC713-33'])}（决策过程记录）。`,
    '',
  );

  out.push(
    '## 期限',
    '',
    '尚未完成的环节在其起算日期已知时有到期日（`progress[].dueOn`）。国家规定没有设定的天数是本地规定，写在 `config/deadlines.json`，下表是当前的值。',
    '',
  );
  const rulesRecord = deadlineRules as unknown as Record<string, string | number>;
  out.push(
    ...table(
      ['环节', '到期日', '本地规定（config/deadlines.json）'],
      d.deadlines.map((x) => {
        const configured = Object.hasOwn(rulesRecord, x.rule);
        const value = configured ? `${rulesRecord[x.rule]}${UNIT_WORDS[x.unit] ?? ''}` : '';
        const due = x.unit === 'fixed_date' ? (configured ? `${x.from}（${value}）` : x.from) : `${x.from} ${value}`;
        return [step(x.step), due, configured ? `${code(x.rule)}：${rulesRecord[x.rule]}` : `—（${code(x.rule)}）`];
      }),
    ),
    '',
    `每个环节应当在它记录的日期之后 ${deadlineRules.recordedWithinWorkingDays} 个工作日内登记（${code('recordedWithinWorkingDays')}）；更晚登记的，审计中标记为事后补录（${code('BACKFILLED')}）。` +
      '工作日按国务院公布的节假日安排计算（含调休上班日）。',
    '',
  );

  out.push('## 法律依据', '', '本程序引用的条文（`legalBasis` 中的编号）。', '');
  out.push(...table(['编号', '法规', '条文', '要旨'], legalBasis(citedBasis(def)).map((b) => [code(b.id), `《${b.law}》`, b.article, b.summary])), '');

  out.push('## 状态图', '', '由状态机生成（`GET /workflows/:id/:version/diagram`）。', '', '```mermaid', def.toMermaid().trimEnd(), '```', '');
  return out.join('\n');
}

/** The index of the manuals (`docs/README.md`). */
export function renderManualIndex(definitions: readonly ProcedureDefinition[]): string {
  return [
    '# 文档',
    '',
    '> 本目录由 `npm run docs` 根据程序定义生成，请勿手工修改。',
    '',
    '每个程序定义的每个版本有一份程序手册：阶段、环节、每个事件的字段（名称、类型、是否必填、说明）、发送者、拒绝规则及其依据、期限和状态图。' +
      '服务运行时，`/docs`（Swagger UI）和 `/docs-json`（OpenAPI 文档）给出同样的事件字段和示例；使用方法见仓库根目录的 `README.md`。',
    '',
    ...table(
      ['程序', '版本', '手册'],
      definitions.map((def) => [`${def.docs.title}（${code(def.id)}）`, String(def.version), `[${manualFileName(def)}](${manualFileName(def)})`]),
    ),
    '',
  ].join('\n');
}
