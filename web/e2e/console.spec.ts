/**
 * Each role's main path through the console, in Debian's Chromium, against the built service on
 * the demo data: what a civil servant would click and read. Screenshots land in test-results/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const url = () => process.env.CONSOLE_URL as string;
const accounts = (): Record<string, string> => JSON.parse(process.env.CONSOLE_ACCOUNTS as string);
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(url());
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(accounts()[username]);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('button', { name: /退\s*出/ })).toBeVisible();
}

/** No serious or critical accessibility violation on the page as it stands. */
async function accessible(page: Page): Promise<void> {
  // Every list loaded and drawn first: the check reads the page a user reads.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  const result = await new AxeBuilder({ page }).analyze();
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(grave).toEqual([]);
}

/** The step was recorded (and not refused: a refusal's sentence would show here instead). */
async function expectDone(page: Page, words: string): Promise<void> {
  const outcome = page.getByText(words).or(page.getByTestId('refusal'));
  await expect(outcome).toBeVisible();
  expect(await outcome.textContent()).toContain(words);
}

/** Picks the value `code` (shown as `word（code）`), or the option showing `text`, in the select whose input has this id. */
async function pick(page: Page, id: string, code: string, text?: string): Promise<void> {
  await page.locator('.ant-select', { has: page.locator(`#${id}`) }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text ?? `（${code}）` }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const chooseEvent = (page: Page, type: string) => pick(page, 'event-type', type);

test('a department sees its cases with their next step, is refused a skipped step with the article, and records a draft', async ({ page }) => {
  await signIn(page, 'fgj');
  await expect(page.getByRole('heading', { name: '本单位承办的决策事项' })).toBeVisible();
  await expect(page.getByRole('link', { name: '区图书馆新馆建设项目' })).toBeVisible();
  // What the department may do now on each case: a case in drafting takes a draft.
  await expect(page.getByRole('row', { name: /区属国有企业改革方案/ })).toContainText('登记决策草案');
  await accessible(page);
  await shot(page, 'workbench-department');

  // A draft before the organ started the procedure: refused, with the article, and the attempt recorded.
  await page.getByRole('link', { name: '区图书馆新馆建设项目' }).click();
  await expect(page.getByRole('heading', { name: '区图书馆新馆建设项目' })).toBeVisible();
  await chooseEvent(page, 'RECORD_DRAFT');
  await page.locator('#draftedOn').fill('2026-11-20');
  await page.locator('#draftVersion').fill('v1');
  await page.locator('#summary').fill('区图书馆新馆建设方案（草案）');
  await page.locator('#lawsReviewed').fill('《中华人民共和国公共图书馆法》');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toContainText('DRAFTING_NOT_STARTED');
  await expect(refusal).toContainText('《重大行政决策程序暂行条例》');
  await shot(page, 'case-refused');

  // A case in drafting: a new draft is recorded and appears in the record.
  await page.goto(url());
  await page.getByRole('link', { name: '区属国有企业改革方案' }).click();
  await chooseEvent(page, 'RECORD_DRAFT');
  await page.locator('#draftedOn').fill('2026-11-27');
  await page.locator('#draftVersion').fill('v2');
  await page.locator('#summary').fill('区属国有企业改革方案（修改稿）');
  await page.locator('#lawsReviewed').fill('《中华人民共和国企业国有资产法》\n《企业国有资产监督管理暂行条例》');
  // The matter affects market activity: the fair competition review goes with the draft (FCR-14).
  await pick(page, 'fairCompetitionFindings_initialFinding', 'compliant');
  await page.locator('#fairCompetitionFindings_regulatorReviewedOn').fill('2026-11-26');
  await page.locator('#fairCompetitionFindings_regulatorRef').fill('区市场监管局审查意见〔2026〕21号');
  await pick(page, 'fairCompetitionFindings_regulatorFinding', 'compliant');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：登记决策草案');
  await expect(page.locator('.ant-timeline')).toContainText('区发改局 李华');
  // The statechart, drawn with the case's stage marked.
  await expect(page.getByTestId('statechart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('statechart')).toContainText('drafting');
  await shot(page, 'case-page');
});

/** Today in Beijing, and a day some calendar days on, as `YYYY-MM-DD`. */
const day = (plus = 0): string => new Date(Date.now() + plus * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('a department takes a case through its risk assessment to legality review', async ({ page }) => {
  await signIn(page, 'fgj');
  await page.getByRole('link', { name: '夜间经济发展扶持政策' }).click();
  await chooseEvent(page, 'RECORD_DRAFT');
  await page.locator('#draftedOn').fill(day());
  await page.locator('#draftVersion').fill('送审稿');
  await page.locator('#summary').fill('夜间经济发展扶持政策（送审稿）');
  await page.locator('#lawsReviewed').fill('《优化营商环境条例》');
  await pick(page, 'fairCompetitionFindings_initialFinding', 'compliant');
  await page.locator('#fairCompetitionFindings_regulatorReviewedOn').fill(day());
  await page.locator('#fairCompetitionFindings_regulatorRef').fill('区市场监管局审查意见〔2026〕30号');
  await pick(page, 'fairCompetitionFindings_regulatorFinding', 'compliant');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：登记决策草案');

  await chooseEvent(page, 'RECORD_RISK_ASSESSMENT');
  await page.locator('#assessedOn').fill(day());
  await pick(page, 'riskLevel', 'low');
  await page.locator('#controllable').getByText('是').click();
  await page.locator('#riskPoints').fill('夜间噪声扰民');
  await page.locator('#measures').fill('划定经营时段\n设置噪声监测点');
  await page.locator('#contingencyPlan').fill('投诉集中时暂停相关街区夜间经营');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：登记风险评估');

  await chooseEvent(page, 'SUBMIT_LEGALITY_REVIEW');
  await page.locator('#submittedOn').fill(day());
  await page.locator('#requestedDueOn').fill(day(21));
  await page.locator('#materials_draftVersion').fill('送审稿');
  await page.locator('#materials_legalBasis').fill('《优化营商环境条例》');
  await page.locator('#materials_procedureStatement').fill('已履行公众参与、公平竞争审查和风险评估程序');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：送请合法性审查');
  await expect(page.locator('.ant-descriptions')).toContainText('合法性审查中');
});

test('a legal reviewer works from the review desk and concludes a review', async ({ page }) => {
  await signIn(page, 'sfj');
  await expect(page.getByRole('heading', { name: '合法性审查台' })).toBeVisible();
  await expect(page.getByRole('link', { name: '中小学校周边交通整治方案' })).toBeVisible();
  // A round's materials and the opinions given so far, under its row.
  await page.getByRole('row', { name: /中小学校周边交通整治方案/ }).getByRole('button', { name: /展开|Expand/ }).click();
  await expect(page.getByText(/法律意见（.*周律师/)).toBeVisible();
  await accessible(page);
  await shot(page, 'workbench-reviewer');
  await page.getByRole('link', { name: '中小学校周边交通整治方案' }).click();
  await chooseEvent(page, 'CONCLUDE_REVIEW');
  await page.locator('#concludedOn').fill('2026-11-27');
  await pick(page, 'conclusion', 'lawful');
  await page.locator('#opinionText').fill('决策权限、程序和内容合法');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：作出合法性审查结论');
  await expect(page.locator('.ant-descriptions')).toContainText('待集体讨论决定');
});

test('the general office sees the organ\'s cases and its catalog, reports a decision to the party committee and publishes it', async ({ page }) => {
  await signIn(page, 'zfb');
  await expect(page.getByRole('heading', { name: '本机关的决策事项' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '年度决策事项目录' })).toBeVisible();
  await expect(page.getByText('已公布').first()).toBeVisible();
  await accessible(page);
  await shot(page, 'workbench-office');

  await page.getByRole('link', { name: '公共停车场建设规划' }).click();
  await chooseEvent(page, 'REPORT_TO_PARTY_COMMITTEE');
  await page.locator('#reportedOn').fill(day());
  await page.locator('#reference').fill('区政府党组请示〔2026〕31号');
  await pick(page, 'committeeReply', 'agreed');
  await page.locator('#repliedOn').fill(day());
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：向同级党委请示报告');

  await chooseEvent(page, 'PUBLISH');
  await page.locator('#publishedOn').fill(day());
  await pick(page, 'disclosure', 'public');
  await page.locator('#channels').fill('前进区人民政府网站\n前进区人民政府公报');
  await page.locator('#adoptionExplanation').fill('采纳增设充电车位等意见 12 条');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expectDone(page, '已办理：公布决策');
  await expect(page.locator('.ant-descriptions')).toContainText('已公布');
});

test('a catalog is compiled: the office opens next year\'s, a department proposes an item, the office publishes it', async ({ page }) => {
  const year = String(Number(day().slice(0, 4)) + 1);
  await signIn(page, 'zfb');
  await page.getByLabel('年度', { exact: true }).fill(year);
  await page.getByRole('button', { name: '编制新目录' }).click();
  await expect(page.getByRole('cell', { name: year, exact: true })).toBeVisible();
  await page.getByRole('button', { name: /退\s*出/ }).click();

  await signIn(page, 'fgj');
  await pick(page, 'catalogId', 'x', `${year}年度`);
  await page.locator('#title').fill('区级应急物资储备规划');
  await pick(page, 'category', 'x', '重要规划');
  await page.locator('#legalBasis').fill('《中华人民共和国突发事件应对法》');
  await page.locator('#plannedStartOn').fill(`${year}-03-02`);
  await page.locator('#plannedDecisionOn').fill(`${year}-09-30`);
  await page.locator('#req_hearing').uncheck();
  await page.locator('#reason_hearing').fill('不直接涉及公众切身利益');
  await page.getByRole('button', { name: /提\s*出/ }).click();
  await expect(page.getByText('已提出目录事项：区级应急物资储备规划')).toBeVisible();
  await page.getByRole('button', { name: /退\s*出/ }).click();

  await signIn(page, 'zfb');
  await page.getByRole('row', { name: new RegExp(`${year}`) }).getByRole('button', { name: '事项和公布' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('区级应急物资储备规划');
  await dialog.locator('#partyCommitteeApprovedOn').fill(day());
  await dialog.locator('#partyCommitteeRef').fill(`区委常委会纪要〔${year}〕1号`);
  await dialog.locator('#publishedOn').fill(day());
  await dialog.getByRole('button', { name: '公布目录' }).click();
  await expect(dialog.getByText('目录已公布')).toBeVisible();
  await expect(dialog).toContainText('已列入目录');
  await shot(page, 'catalog-published');
});

test('an auditor finds the overdue case and the refused skip, and downloads the annual report', async ({ page }) => {
  await signIn(page, 'yfzqb');
  await expect(page.getByRole('heading', { name: '程序履行不到位的决策事项' })).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: '逾期' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '被拒绝的操作' })).toBeVisible();
  await expect(page.getByText('跳过法定环节').first()).toBeVisible();
  // By undertaking unit: 港湾街道's cases only.
  await pick(page, 'audit-unit', 'x', '港湾街道');
  const incomplete = page.locator('.ant-card', { has: page.getByRole('heading', { name: '程序履行不到位的决策事项' }) });
  await expect(incomplete.getByRole('link', { name: '生活垃圾分类收运体系建设方案' })).toBeVisible();
  await expect(incomplete.getByRole('link', { name: '区图书馆新馆建设项目' })).toHaveCount(0);
  await page.locator('.ant-select', { has: page.locator('#audit-unit') }).hover();
  await page.locator('.ant-select', { has: page.locator('#audit-unit') }).locator('.ant-select-clear').click();
  await page.getByLabel('年度', { exact: true }).fill('2026');
  // The year's figures drawn as charts, and every chain verified.
  await expect(page.locator('figure svg').first()).toBeVisible();
  await page.getByRole('button', { name: '核验全部记录' }).click();
  await expect(page.getByText(/全部完整：\d+ 件决策事项/)).toBeVisible();
  await accessible(page);
  await shot(page, 'workbench-auditor');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 2026 年度文字稿（Markdown）' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('重大行政决策');
  expect(download.suggestedFilename()).toBe('法治政府建设年度报告-重大行政决策-2026.md');
});

test('the administrator keeps the units and the accounts: a new unit, a new account that signs in, then disabled', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: '单位', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '区司法局' }).first()).toBeVisible();
  await accessible(page);
  await shot(page, 'workbench-admin');

  await page.locator('#unit_name').fill('区应急管理局');
  await pick(page, 'unit_kind', 'x', '政府工作部门');
  await pick(page, 'unit_parentId', 'x', '前进区人民政府');
  await page.getByRole('button', { name: '建立单位' }).click();
  await expect(page.getByText('已建立单位：区应急管理局')).toBeVisible();

  await page.locator('#user_username').fill('yjj');
  await page.locator('#user_displayName').fill('区应急管理局 周敏');
  await pick(page, 'user_orgUnitId', 'x', '区应急管理局');
  await pick(page, 'user_role', 'x', '决策承办单位');
  await page.locator('#user_password').fill('Safe-Store-2026');
  await page.getByRole('button', { name: '建立用户' }).click();
  await expect(page.getByText('已建立用户：yjj')).toBeVisible();

  const other = await browser.newPage();
  process.env.CONSOLE_ACCOUNTS = JSON.stringify({ ...accounts(), yjj: 'Safe-Store-2026' });
  await signIn(other, 'yjj');
  await expect(other.getByRole('heading', { name: '本单位承办的决策事项' })).toBeVisible();

  await page.getByRole('row', { name: /yjj/ }).getByRole('button', { name: /停\s*用/ }).click();
  await expect(page.getByText('已停用：yjj')).toBeVisible();
  // The disabled account's session ends at once.
  await other.reload();
  await expect(other.getByRole('button', { name: /登\s*录/ })).toBeVisible();
});

test('the sign-in works from the keyboard alone', async ({ page }) => {
  await page.goto(url());
  await expect(page.locator('#username')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('#username')).toBeFocused();
  await page.keyboard.type('yfzqb');
  await page.keyboard.press('Tab');
  await page.keyboard.type(accounts().yfzqb);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '程序履行不到位的决策事项' })).toBeVisible();
});

test('anyone reads the published catalog and decisions without signing in, on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url());
  await page.getByRole('link', { name: /不登录/ }).click();
  await expect(page.getByRole('heading', { name: '年度重大行政决策事项目录' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '前进区人民政府' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '已公布的重大行政决策' })).toBeVisible();
  await accessible(page);
  await shot(page, 'public-phone');
});
