/**
 * The case file as the archive office files it: `index.html`, ready to print (a cover page, the
 * steps and their status, the record as a timeline with who acted, the day, the material filed,
 * the legal basis and each row's hash, the refused attempts), `materials.csv` (the list of
 * materials) and `record.json` (everything, with the hashes and the chain's verification), in one
 * zip. Every word a person reads is Chinese, from the labels of the procedure.
 */
import JSZip from 'jszip';
import { categoryLabel, codeLabel, flagLabel, roleLabel } from '../../workflows/labels';
import { decisionCategoryLabel, eventLabel, stageLabel, stepLabel, stepStatusLabel } from '../../workflows/major-decision/v1/labels';
import { LEGAL_BASIS, type LegalBasis } from '../../workflows/legal-basis';
import type { CaseFile, CaseRecordEntry } from './case-file';

export const ZIP_CONTENT_TYPE = 'application/zip';
export const CASE_FILE_ENTRIES = ['index.html', 'materials.csv', 'record.json'] as const;

const escape = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** An instant as a person in the business time zone reads it: 2026-03-02 14:05:09. */
export function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The articles, those of one law together: 《重大行政决策程序暂行条例》第十四条、第十五条；《…》第三条. */
function basisText(b: LegalBasis[]): string {
  const byLaw = new Map<string, string[]>();
  for (const x of b) byLaw.set(x.law, [...(byLaw.get(x.law) ?? []), x.article]);
  return [...byLaw].map(([law, articles]) => `《${law}》${articles.join('、')}`).join('；');
}
const who = (r: CaseRecordEntry): string => {
  const name = r.actorName ?? r.actor.username ?? '';
  const role = r.actor.role ? roleLabel(r.actor.role) : '';
  return role && name ? `${name}（${role}）` : name || role;
};

/** The day a row stands for: the day it claims, or the day it was recorded. */
const dayOf = (r: CaseRecordEntry, timeZone: string): string => r.claimedOn ?? localTime(r.recordedAt, timeZone).slice(0, 10);

export function renderHtml(f: CaseFile & { violationCount: number }, timeZone: string): string {
  const d = f.decision;
  const v = f.verification;
  const chain = v.ok ? `完整：${v.events} 条记录的哈希值逐条相接，与决策事项登记的最后一条一致` : `不完整：自第 ${v.brokenAtSeq} 条起不符（${v.reason ?? v.problem}）`;
  const fact = (label: string, value: string, cls = '') => `<tr><th>${escape(label)}</th><td${cls ? ` class="${cls}"` : ''}>${escape(value)}</td></tr>`;

  const cover = `
<section class="cover">
  <p class="kicker">重大行政决策事项档案 · 一事一档</p>
  <h1>${escape(d.title)}</h1>
  <table class="facts">
    ${fact('决策机关', d.organ.name ?? d.organ.id)}
    ${fact('承办单位', d.undertakingUnit.name ?? d.undertakingUnit.id)}
    ${d.implementingUnit ? fact('执行单位', d.implementingUnit.name ?? d.implementingUnit.id) : ''}
    ${fact('年度', `${d.year} 年度`)}
    ${fact('事项类别', decisionCategoryLabel(d.category))}
    ${fact('当前阶段', stageLabel(d.stage))}
    ${fact('是否办结', d.complete ? '已办结（全部法定环节已完成并归档）' : '未办结')}
    ${d.flags.length ? fact('标记', d.flags.map(flagLabel).join('；')) : ''}
    ${fact('决策程序', `重大行政决策程序（${d.definition.id}）第 ${d.definition.version} 版，第 ${d.revision} 轮`)}
    ${fact('记录', `${f.record.length} 条`)}
    ${fact('记录校验', chain, v.ok ? 'ok' : 'broken')}
    ${fact('最后一条记录的哈希值', d.lastHash, 'hash')}
    ${fact('决策事项编号', d.id, 'hash')}
    ${fact('档案生成时间', localTime(f.generatedAt, timeZone))}
  </table>
  <p class="basis">依据《重大行政决策程序暂行条例》第三十三条：决策机关应当建立重大行政决策过程记录和材料归档制度，由有关单位将履行决策程序形成的记录、材料及时完整归档。</p>
</section>`;

  const progress = `
<section>
  <h2>一、程序环节</h2>
  <table class="grid">
    <thead><tr><th>环节</th><th>状态</th><th>期限</th><th>法律依据</th></tr></thead>
    <tbody>
      ${d.progress
        .map(
          (p) =>
            `<tr><td>${escape(stepLabel(p.step))}</td><td>${escape(stepStatusLabel(p.status))}</td><td>${escape(p.dueOn ? `${p.dueOn}${p.light === 'red' ? '（已超期）' : ''}` : '')}</td><td>${escape(
              basisText(p.legalBasis.map((id) => LEGAL_BASIS[id] ?? { id, law: id, article: '', summary: '' })),
            )}</td></tr>`,
        )
        .join('\n      ')}
    </tbody>
  </table>
</section>`;

  const timeline = `
<section>
  <h2>二、办理记录</h2>
  <table class="grid timeline">
    <thead><tr><th>序号</th><th>日期</th><th>环节</th><th>办理事项</th><th>经办人</th><th>材料</th><th>法律依据</th><th>记录时间与哈希值</th></tr></thead>
    <tbody>
      ${f.record
        .map(
          (r) => `<tr>
        <td class="num">${r.seq}</td>
        <td class="day">${escape(dayOf(r, timeZone))}</td>
        <td>${escape(r.step ? stepLabel(r.step) : '')}</td>
        <td>${escape(eventLabel(r.type))}${r.fromStage && r.fromStage !== r.toStage ? `<div class="note">${escape(stageLabel(r.fromStage))} → ${escape(stageLabel(r.toStage))}</div>` : ''}</td>
        <td>${escape(who(r))}${r.actorUnitName ? `<div class="note">${escape(r.actorUnitName)}</div>` : ''}</td>
        <td>${r.material ? `${escape(r.material.name)}${r.material.ref ? `<div class="note">${escape(r.material.ref)}</div>` : ''}` : ''}</td>
        <td class="small">${escape(basisText(r.legalBasis))}</td>
        <td class="small">${escape(localTime(r.recordedAt, timeZone))}<div class="hash">${escape(r.hash)}</div></td>
      </tr>`,
        )
        .join('\n      ')}
    </tbody>
  </table>
</section>`;

  const refused = `
<section>
  <h2>三、被拒绝的办理请求</h2>
  ${
    f.violations.length
      ? `<table class="grid">
    <thead><tr><th>时间</th><th>办理事项</th><th>拒绝原因</th><th>类别</th><th>经办人</th></tr></thead>
    <tbody>
      ${f.violations
        .map(
          (x) =>
            `<tr><td class="day">${escape(localTime(x.attemptedAt, timeZone))}</td><td>${escape(eventLabel(x.event))}</td><td>${escape(codeLabel(x.code))}</td><td>${escape(categoryLabel(x.category))}</td><td>${escape(
              `${x.actor.displayName ?? x.actor.username}${x.actor.role ? `（${roleLabel(x.actor.role)}）` : ''}`,
            )}</td></tr>`,
        )
        .join('\n      ')}
    </tbody>
  </table>${f.violationCount > f.violations.length ? `<p class="note">共 ${f.violationCount} 次，此处列出最近的 ${f.violations.length} 次。</p>` : ''}`
      : '<p>无。</p>'
  }
</section>`;

  const howTo = `
<section class="howto">
  <h2>四、核验方法</h2>
  <p>每条记录的哈希值是对其内容（决策事项编号、序号、轮次、办理事项、内容、事实、经办人、记录时间、前后阶段、上一条记录的哈希值）按 RFC 8785 规范化为 JSON 后计算的 SHA-256 值；第一条记录的“上一条哈希值”为 64 个 0。同一档案中的 record.json 载有每条记录的全部内容和哈希值，可据以逐条重算核对；系统中的核验以数据库中现存的记录为准（依法治区办：GET /audit/decisions/${escape(d.id)}/verify）。</p>
</section>`;

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(d.title)}——决策档案</title>
<style>
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 2em; line-height: 1.5; }
  h1 { font-size: 22pt; text-align: center; margin: 1.5em 0 1em; }
  h2 { font-size: 14pt; border-bottom: 1px solid #000; margin-top: 1.5em; }
  .kicker { text-align: center; letter-spacing: 0.3em; }
  table { border-collapse: collapse; width: 100%; }
  .facts th { width: 11em; text-align: left; vertical-align: top; padding: 4pt 8pt; }
  .facts td { padding: 4pt 8pt; border-bottom: 1px solid #999; }
  .grid th, .grid td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
  .grid thead th { background: #eee; }
  .num, .day { white-space: nowrap; }
  .note { font-size: 9pt; color: #333; }
  .small { font-size: 9pt; }
  .hash { font-family: "Courier New", monospace; font-size: 7.5pt; word-break: break-all; }
  td.hash { font-size: 9pt; }
  .ok { font-weight: bold; }
  .broken { font-weight: bold; color: #b00; }
  .basis { margin-top: 2em; font-size: 10pt; }
  @page { size: A4; margin: 18mm 15mm; }
  @media print {
    body { margin: 0; }
    .cover { page-break-after: always; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; }
    h2 { page-break-after: avoid; }
  }
</style>
</head>
<body>
${cover}
${progress}
${timeline}
${refused}
${howTo}
</body>
</html>
`;
}

/** The list of materials: one line per record row that files a document. */
export function renderMaterialsCsv(f: CaseFile, timeZone: string): string {
  const head = ['序号', '记录序号', '日期', '环节', '办理事项', '材料', '文号或说明', '经办人', '经办单位', '记录时间', '记录哈希值'];
  const rows = f.record
    .filter((r) => r.material)
    .map((r, i) => [
      String(i + 1),
      String(r.seq),
      dayOf(r, timeZone),
      r.step ? stepLabel(r.step) : '',
      eventLabel(r.type),
      r.material?.name ?? '',
      r.material?.ref ?? '',
      r.actorName ?? r.actor.username ?? '',
      r.actorUnitName ?? '',
      localTime(r.recordedAt, timeZone),
      r.hash,
    ]);
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\ufeff${[head, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The zip: index.html, materials.csv and record.json, each dated when the file was made. */
export async function renderZip(f: CaseFile & { violationCount: number }, timeZone: string): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(f.generatedAt);
  zip.file('index.html', renderHtml(f, timeZone), { date });
  zip.file('materials.csv', renderMaterialsCsv(f, timeZone), { date });
  zip.file('record.json', `${JSON.stringify(f, null, 2)}\n`, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The zip's name: the decision's title (and an ASCII one for old clients). */
export function caseFileName(f: CaseFile): { ascii: string; name: string } {
  const safe = f.decision.title.replace(/[\\/:*?"<>|\r\n]/g, '_');
  return { ascii: `decision-${f.decision.id}.zip`, name: `${safe}-决策档案.zip` };
}
