/**
 * The dashboard, end to end, in real Chromium (Debian's /usr/bin/chromium driven by playwright-core)
 * against the whole platform in one process and a real PostgreSQL:
 * HR signs in, imports an organisation from CSV, creates a cycle in the wizard, proposes raters;
 * the leader proposes a peer she finds with the colleague search, her manager approves the list; HR launches, and reads the survey links tab (no links: everyone has an e-mail address); every rater (at least three per group)
 * answers through the link HR takes from their invitation in the mail outbox (no mail server on one
 * machine), without signing in; HR closes and releases; the leader signs in and
 * sees her report with its radar chart; her manager sees the team heatmap and opens two leaders'
 * reports. A screenshot of each page, desktop and phone, goes to test-artifacts/screenshots/, and
 * axe-core checks each, at both sizes, against WCAG 2.1 AA.
 *
 * Chromium missing is a failure, never a skip: `.ci/run` installs it.
 */
import { addAccount, provisionOrganisation } from '@leaderscope/gateway';
import {
  createTestDatabase,
  eventually,
  NO_THROTTLING,
  NOTE_FIRST_QUESTION,
  pdfText,
  PHONE_CPU_SLOWDOWN,
  SLOW_4G,
  TestDatabase,
} from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';

const root = join(__dirname, '..', '..', '..');
const artifacts = join(root, 'test-artifacts', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HR = { email: 'people.team@lumen.example', password: 'hr-password-0123' };
const LEADER_PASSWORD = 'leader-password-0123';

/**
 * Lumen Ltd: Mira (CEO) manages Nadia and three peers; Nadia leads three team leads with two people
 * each; Tomas, one of her peers, leads a product team of three (he is reviewed in the follow-up).
 */
function organisationCsv(): string {
  const rows = ['employee_id,name,email,manager_id,title,department'];
  const add = (id: string, name: string, manager: string, title: string, department: string) =>
    rows.push(`${id},${name},${name.toLowerCase().replace(/[^a-z]+/g, '.')}@lumen.example,${manager},${title},${department}`);
  add('L1', 'Mira Castellanos', '', 'Chief Executive', 'Executive');
  add('L10', 'Nadia Okafor', 'L1', 'Director of Operations', 'Operations');
  add('L11', 'Tomas Lindqvist', 'L1', 'Director of Product', 'Product');
  add('L12', 'Priya Raman', 'L1', 'Director of Sales', 'Sales');
  add('L13', 'Samuel Achebe', 'L1', 'Director of Finance', 'Finance');
  add('L110', 'Lars Petersen', 'L11', 'Product manager', 'Product');
  add('L111', 'Amara Nwosu', 'L11', 'Product designer', 'Product');
  add('L112', 'Jonas Weber', 'L11', 'Engineering lead', 'Product');
  [
    ['L100', 'Ines Duarte'],
    ['L101', 'Kwame Mensah'],
    ['L102', 'Yuki Tanaka'],
  ].forEach(([id, name]) => {
    add(id, name, 'L10', 'Team lead', 'Operations');
    add(`${id}1`, `${name.split(' ')[0]} Analyst`, id, 'Analyst', 'Operations');
    add(`${id}2`, `${name.split(' ')[0]} Specialist`, id, 'Specialist', 'Operations');
  });
  return rows.join('\n') + '\n';
}

describe('dashboard: the whole journey in real Chromium', () => {
  let db: TestDatabase;
  let platform: Platform;
  let browser: Browser;
  let dataSource: DataSource;
  let organisationId: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(viewport = { width: 1360, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: platform.url, reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(45000); // generous: CI machines are shared
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function api<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data!;
  }

  /** Every rater's link of a cycle, from their invitation in the mail outbox (no mail server; each opening audited). */
  async function linksFromOutbox(hrToken: string, cycleId: string): Promise<{ token: string; group: string; subject: string }[]> {
    type Row = { group: string; subjectName: string; invitation: { mailId: string; status: string } | null };
    const rows = await eventually(
      'every invitation in the mail outbox',
      async () => {
        const { cycleMailDeliveries } = await api<{ cycleMailDeliveries: Row[] }>(
          hrToken,
          `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { group subjectName invitation { mailId status } } }`,
          { c: cycleId },
        );
        return (
          cycleMailDeliveries.length > 0 && cycleMailDeliveries.every((r) => r.invitation?.status === 'recorded') && cycleMailDeliveries
        );
      },
      60000,
    );
    const out: { token: string; group: string; subject: string }[] = [];
    for (const r of rows) {
      const { mailOutboxMessage } = await api<{ mailOutboxMessage: { link: string } }>(
        hrToken,
        `query($m: ID!) { mailOutboxMessage(mailId: $m) { link } }`,
        { m: r.invitation!.mailId },
      );
      out.push({ token: decodeURIComponent(mailOutboxMessage.link.split('/survey/')[1]), group: r.group, subject: r.subjectName });
    }
    return out;
  }

  /** Risk id → status as the screen shows them. */
  async function risksOnScreen(page: Page): Promise<Record<string, string>> {
    await page.locator('[data-risk-id]').first().waitFor();
    const rows = await page
      .locator('[data-risk-id]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-risk-id')!, e.getAttribute('data-risk-status')!]));
    return Object.fromEntries(rows);
  }

  let shots = 0;
  let images = 0;
  const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const accessibility: { page: string; id: string; impact: string; help: string; targets: string[] }[] = [];

  /** axe-core on the page as it is now (WCAG 2.1 A and AA rules); serious and critical findings fail the test at the end. */
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run(
              c: Document,
              o: object,
            ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      accessibility.push({ page: name, ...v });
      process.stdout.write(`dashboard e2e: axe on ${name}: ${v.impact} ${v.id} — ${v.help} (${v.targets.join(', ')})\n`);
    }
  }

  /**
   * Every page is photographed on a desktop and on a phone (390 × 844) into
   * test-artifacts/screenshots/, and checked with axe-core at both sizes (the raters' survey, used
   * on the phone, at the phone's size only).
   */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(250);
    const n = String(++shots).padStart(2, '0');
    const viewport = page.viewportSize()!;
    const phone = viewport.width <= 480;
    // The whole page drawn for the photograph and axe: the survey draws its sections below the fold
    // only near the viewport (content-visibility), which would leave them blank in a full-page
    // picture and unchecked for contrast.
    const whole = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
    try {
      await page.screenshot({ path: join(artifacts, `${n}-${name}-${phone ? 'phone' : 'desktop'}.png`), fullPage: true });
      images++;
      await checkAccessibility(page, `${name} (${phone ? 'phone' : 'desktop'})`);
      if (phone) return;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(artifacts, `${n}-${name}-phone.png`), fullPage: true });
      images++;
      await checkAccessibility(page, `${name} (phone)`);
      await page.setViewportSize(viewport);
    } finally {
      await whole.evaluate((style) => style.parentNode?.removeChild(style));
    }
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('Work e-mail').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (.ci/run does) — this test never skips`);
    if (!existsSync(join(root, 'apps', 'dashboard', 'dist', 'index.html')))
      throw new Error('The dashboard is not built: run `npx turbo run build` first');
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    db = await createTestDatabase();
    platform = await startPlatform({ databaseUrl: db.url, port: 0, seedDemo: false, secret: 'test-secret-0123456789', log: () => {} });
    dataSource = platform.gateway.get(DataSource);
    ({ organisationId } = await provisionOrganisation(dataSource, { name: 'Lumen Ltd', hrEmail: HR.email, hrPassword: HR.password }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  }, 180000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  }, 60000);

  it('HR runs a cycle, raters answer by link, the leader reads her report', async () => {
    const started = Date.now();
    const mark = (what: string) => process.stdout.write(`dashboard e2e: ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    mark('HR signs in and imports the organisation');
    // --- HR signs in and imports the organisation ---
    const hr = await newPage();
    await hr.goto('/login');
    await screenshot(hr, 'sign-in');
    await signIn(hr, HR.email, HR.password);
    await hr.getByRole('heading', { name: 'Review cycles' }).waitFor();
    await hr.getByText('No review cycles yet').waitFor();
    await screenshot(hr, 'hr-no-cycles');

    await hr.getByRole('link', { name: /Organisation/ }).click();
    const csvFile = join(tmpdir(), `lumen-${Date.now()}.csv`);
    writeFileSync(csvFile, organisationCsv());
    await hr.locator('input[type=file]').setInputFiles(csvFile);
    await hr.getByText(/lumen-\d+\.csv · 17 rows/).waitFor();
    await hr.getByRole('button', { name: 'Preview import' }).click();
    await hr.getByRole('button', { name: 'Import 17 people' }).waitFor();
    expect(await hr.getByRole('table', { name: 'Rows to import' }).getByText('New').count()).toBe(17);
    await screenshot(hr, 'hr-import-preview');
    await hr.getByRole('button', { name: 'Import 17 people' }).click();
    await hr.getByText('Organisation imported').waitFor();
    await hr.getByText('17 people added, 0 updated, 0 unchanged.').waitFor();
    await hr.getByText('17 people · leaders of leaders are marked').waitFor();
    await screenshot(hr, 'hr-organisation');
    // HR gives Nadia's manager a sign-in; the temporary password is shown once.
    await hr.getByRole('button', { name: 'Give sign-in to Mira Castellanos' }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Create sign-in' }).click();
    const temporaryPassword = (await hr.getByTestId('temporary-password').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(hr, 'hr-sign-in-created');
    await hr.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    mark('the cycle wizard');
    // --- the cycle wizard ---
    await hr.getByRole('link', { name: /Review cycles/ }).click();
    await hr.getByRole('link', { name: 'Create your first cycle' }).click();
    await hr.getByRole('heading', { name: 'New review cycle' }).waitFor();
    await hr.getByLabel('Cycle name').fill('Leadership 360 — Lumen pilot');
    await screenshot(hr, 'hr-wizard-basics');
    await hr.getByRole('button', { name: 'Next' }).click();
    // Nadia (a leader of leaders with a manager) is suggested and pre-selected; the CEO is not selected.
    await hr.getByRole('checkbox', { name: 'Review Nadia Okafor' }).waitFor();
    expect(await hr.getByRole('checkbox', { name: 'Review Nadia Okafor' }).isChecked()).toBe(true);
    expect(await hr.getByRole('checkbox', { name: 'Review Mira Castellanos' }).isChecked()).toBe(false);
    await screenshot(hr, 'hr-wizard-leaders');
    await hr.getByRole('button', { name: 'Next' }).click();
    await hr.getByText('1: Nadia Okafor').waitFor();
    await screenshot(hr, 'hr-wizard-review');
    await hr.getByRole('button', { name: 'Create cycle' }).click();

    mark('raters: propose, approve, launch');
    // --- raters: propose, approve, launch ---
    await hr.waitForURL(/\/cycles\/[0-9a-f-]{36}\?tab=raters/);
    const cycleId = /\/cycles\/([0-9a-f-]{36})/.exec(hr.url())![1];
    await hr.getByRole('button', { name: 'Propose raters for everyone' }).click();
    // Before approval, launching is not the main action, and trying it says what to do in plain words.
    await hr.getByText(/Not ready to launch: 1 leader’s rater list is waiting for approval/).waitFor();
    await hr.getByRole('button', { name: 'Launch cycle' }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Launch cycle' }).click();
    const refused = hr.getByRole('alert').filter({ hasText: 'The cycle was not launched' });
    await refused.waitFor();
    const refusal = await refused.innerText();
    expect(refusal).toMatch(/Nadia Okafor has no approved direct reports; at least 3 are needed/);
    expect(refusal).not.toMatch(/subjects\.|L10\.|rater\(s\)|_/);
    expect(refusal.match(/Nadia Okafor has no approved direct reports/g)).toHaveLength(1); // said once
    await screenshot(hr, 'hr-launch-refused');
    const { login: hrLogin } = await api<{ login: { token: string } }>(
      null,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: HR.email, p: HR.password },
    );
    const hrToken = hrLogin.token;
    const personId = async (name: string) =>
      (
        await api<{ people: { id: string; name: string }[] }>(hrToken, `query($q: String!) { people(search: $q) { id name } }`, { q: name })
      ).people.find((p) => p.name === name)!.id;
    const nadiaId = await personId('Nadia Okafor');
    const nominationOf = async (rater: string) =>
      (
        await api<{ nominations: { rater: { name: string }; group: string; source: string; status: string }[] }>(
          hrToken,
          `query($c: ID!, $s: ID) { nominations(cycleId: $c, subjectId: $s) { rater { name } group source status } }`,
          { c: cycleId, s: nadiaId },
        )
      ).nominations.find((n) => n.rater.name === rater);

    mark('the leader proposes a peer she finds by name');
    // --- while the cycle is set up, the leader proposes a peer from another department, found with
    // the colleague search (leaders have no directory): her manager approves it with the rest ---
    await addAccount(dataSource, { organisationId, personEmail: 'nadia.okafor@lumen.example', password: LEADER_PASSWORD });
    const leader = await newPage();
    await signIn(leader, 'nadia.okafor@lumen.example', LEADER_PASSWORD);
    await leader.getByRole('heading', { name: 'My feedback' }).waitFor();
    const myRaters = leader.getByLabel('Raters for Nadia Okafor');
    await myRaters.getByText('Tomas Lindqvist', { exact: true }).waitFor(); // proposed from the reporting lines
    expect(await myRaters.getByText('Lars Petersen', { exact: true }).count()).toBe(0);
    await myRaters.getByRole('button', { name: 'Propose a peer or partner' }).click();
    await myRaters.getByRole('combobox', { name: 'Person' }).pressSequentially('peters', { delay: 60 });
    await leader.getByRole('option', { name: 'Lars Petersen (Product)' }).click();
    await myRaters.getByRole('button', { name: 'Add', exact: true }).click();
    await myRaters.getByText('Lars Petersen', { exact: true }).waitFor();
    await myRaters.getByText(/^\d+ to approve$/).waitFor();
    await screenshot(leader, 'leader-proposes-a-peer');
    expect(await nominationOf('Lars Petersen')).toEqual({
      rater: { name: 'Lars Petersen' },
      group: 'peer',
      source: 'subject',
      status: 'proposed',
    });
    // Her manager approves the list in her own view, her proposal with it.
    const manager = await newPage();
    await signIn(manager, 'mira.castellanos@lumen.example', temporaryPassword);
    await manager.getByRole('link', { name: /Raters to approve/ }).click();
    await manager.getByRole('heading', { name: 'Raters to approve' }).waitFor();
    await manager.getByLabel('Raters for Nadia Okafor').getByText('Lars Petersen', { exact: true }).waitFor();
    await screenshot(manager, 'manager-raters-to-approve');
    await manager.getByRole('button', { name: 'Approve raters for Nadia Okafor' }).click();
    await manager.getByLabel('Raters for Nadia Okafor').getByText('Approved', { exact: true }).waitFor();
    await hr.reload();
    const raters = hr.getByLabel('Raters for Nadia Okafor');
    await raters.getByText('Approved', { exact: true }).waitFor();
    for (const name of [
      'Mira Castellanos',
      'Tomas Lindqvist',
      'Priya Raman',
      'Samuel Achebe',
      'Ines Duarte',
      'Kwame Mensah',
      'Yuki Tanaka',
      'Ines Analyst',
      'Lars Petersen',
    ]) {
      await raters.getByText(name, { exact: true }).waitFor();
    }
    await screenshot(hr, 'hr-raters-approved');
    // The leader's proposal ends approved, as she sees it too.
    expect(await nominationOf('Lars Petersen')).toEqual({
      rater: { name: 'Lars Petersen' },
      group: 'peer',
      source: 'subject',
      status: 'approved',
    });
    await leader.reload();
    await myRaters.getByText('Approved', { exact: true }).waitFor();
    await myRaters.getByText('Lars Petersen', { exact: true }).waitFor();
    // before launch: the projected reliability of who is invited, per group
    await hr.getByRole('tab', { name: 'Reliability' }).click();
    await hr.getByRole('heading', { name: 'Projected reliability of who is invited' }).waitFor();
    // One row per leader, each invited group on its own line (a page at a time: 10,000 leaders in a large cycle).
    const projected = hr
      .getByRole('table', { name: 'Projected reliability per leader and rater group' })
      .getByRole('row')
      .filter({ hasText: 'Nadia Okafor' });
    await projected.waitFor();
    expect(await projected.count()).toBe(1);
    expect((await projected.innerText()).toLowerCase()).toMatch(/peers[\s\S]*direct reports|direct reports[\s\S]*peers/);
    await hr.getByText('Measured once the cycle is closed and scored.').waitFor();
    await screenshot(hr, 'hr-reliability-projection');
    await hr.getByRole('button', { name: 'Launch cycle' }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Launch cycle' }).click();
    await hr.getByText('Collecting feedback').first().waitFor();

    await hr.getByRole('tab', { name: 'Progress' }).click();
    await hr.getByRole('table', { name: 'Progress by leader and rater group' }).waitFor();
    await screenshot(hr, 'hr-progress-launched');

    mark('HR reads the survey links in the UI');
    // --- HR reads the survey links in the UI: everyone here has an e-mail address, so no link is
    // listed; the tab says the links go by mail and where to follow them ---
    await hr.getByRole('tab', { name: 'Survey links' }).click();
    await hr.getByText(/Raters with an e-mail address get their personal link in their invitation mail/).waitFor();
    await hr.getByRole('button', { name: 'Show survey links' }).click();
    await hr.getByText(/No links to hand out: every rater who has not answered yet has an e-mail address/).waitFor();
    expect(await hr.locator('table[aria-label="Survey links"]').count()).toBe(0);
    await screenshot(hr, 'hr-survey-links');
    const { cycleMailDeliveries: invited } = await api<{ cycleMailDeliveries: { raterEmail: string; group: string }[] }>(
      hrToken,
      `query($c: ID!) { cycleMailDeliveries(cycleId: $c) { raterEmail group } }`,
      { c: cycleId },
    );
    const perGroup = (group: string) => invited.filter((l) => l.group === group).length;
    expect(perGroup('self')).toBe(1);
    expect(perGroup('manager')).toBe(1);
    expect(perGroup('peer')).toBeGreaterThanOrEqual(3);
    expect(perGroup('direct_report')).toBeGreaterThanOrEqual(3);
    expect(perGroup('skip_level')).toBeGreaterThanOrEqual(3);
    const groupOf = new Map(invited.map((l) => [l.raterEmail, l.group]));

    // --- no mail server: HR opens each invitation in the mail outbox and takes its link from the mail --
    const cycleUrl = hr.url();
    await hr.getByRole('link', { name: 'Open the mail outbox' }).click();
    await hr.getByRole('heading', { name: 'Mail outbox' }).waitFor();
    // A page at a time, virtualised (a large cycle records 300,000 mails): the invitations only, asked
    // of the server; every one of them loaded once the table's row count (the header, and each mail)
    // is known, since no page follows.
    const outboxTable = hr.locator('table[aria-label="Mail outbox"]');
    await eventually(
      'every invitation in the mail outbox',
      async () => {
        await hr.reload();
        await hr.getByRole('heading', { name: 'Mail outbox' }).waitFor();
        await hr.getByRole('combobox', { name: 'Which mails' }).click();
        await hr.getByRole('option', { name: 'Invitation', exact: true }).click();
        await outboxTable.locator('tbody tr[data-index]').first().waitFor();
        return (await outboxTable.getAttribute('aria-rowcount')) === String(invited.length + 1);
      },
      30000,
    );
    const outboxScroller = hr.getByRole('region', { name: 'Mail outbox, scrollable' });
    /** The row of the i-th mail, scrolled into the rendered window first. */
    const outboxRow = async (i: number) => {
      const row = outboxTable.locator(`tbody tr[data-index="${i}"]`);
      for (let tries = 0; (await row.count()) === 0 && tries < 100; tries++) await outboxScroller.evaluate((el) => el.scrollBy(0, 200));
      await row.scrollIntoViewIfNeeded();
      return row;
    };
    const fromOutbox: { href: string; group: string }[] = [];
    for (let i = 0; i < invited.length; i++) {
      const row = await outboxRow(i);
      const to = (await row.getAttribute('data-to'))!;
      await row.locator('button.outbox-mail').click();
      const dialog = hr.getByRole('dialog');
      await dialog.getByText(`To: ${to}`).waitFor();
      fromOutbox.push({ href: (await dialog.locator('a.outbox-mail-link').getAttribute('href'))!, group: groupOf.get(to)! });
      if (i === 0) await screenshot(hr, 'hr-mail-outbox-invitation');
      await hr.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    const mailPaths = fromOutbox.map((l) => new URL(l.href).pathname);
    for (const path of mailPaths) expect(path).toMatch(/^\/survey\/[^/]+$/);
    expect(new Set(mailPaths).size).toBe(invited.length);
    expect(fromOutbox.every((l) => l.group)).toBe(true);
    await hr.goto(cycleUrl);

    mark('every rater answers through their link, without signing in');
    // --- every rater answers through their link, without signing in ---
    const level: Record<string, number> = { self: 5, manager: 4, peer: 4, direct_report: 3, skip_level: 3, other: 4 };
    // Two raters answer in the browser (the first on a phone); the rest through the same API the
    // survey page uses, which keeps the journey fast.
    const SCALE = ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always'];
    const valueFor = (group: string, i: number, index: number) =>
      i % 7 === 6 ? null : Math.max(1, Math.min(5, level[group] + ((i + index) % 3) - 1));
    for (const [index, link] of fromOutbox.entries()) {
      if (index < 2) continue;
      const token = decodeURIComponent(link.href.split('/').pop()!);
      const { raterSurvey } = await api<{ raterSurvey: { dimensions: { id: string; items: { id: string }[] }[] } }>(
        null,
        `query($t: String!) { raterSurvey(token: $t) { dimensions { id items { id } } } }`,
        { t: token },
      );
      const answers = raterSurvey.dimensions
        .flatMap((d) => d.items)
        .map((item, i) => ({ itemId: item.id, value: valueFor(link.group, i, index) }));
      const comments =
        index % 2 === 0 ? [{ dimensionId: raterSurvey.dimensions[0].id, text: 'Makes time to coach each of her team leads.' }] : [];
      await api(null, `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
        input: { token, idempotencyKey: randomUUID(), answers, comments },
      });
    }
    for (const [index, link] of fromOutbox.slice(0, 2).entries()) {
      const first = index === 0;
      const rater = await newPage(first ? { width: 390, height: 844 } : undefined); // the first on a phone-width screen
      if (first) {
        // A phone on a slow network: Chromium's "Slow 4G" profile and a 4× slower CPU, nothing
        // cached. The page notes when the first question was drawn (the frame after it appeared),
        // in ms since the navigation started.
        const throttled = async (page: Page) => {
          await page.addInitScript(NOTE_FIRST_QUESTION);
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
          return cdp;
        };
        const firstQuestionDrawn = async (page: Page) => {
          await page.getByRole('radiogroup').first().waitFor({ timeout: 90000 });
          await page.waitForFunction(() => (window as unknown as { firstQuestionAt?: number }).firstQuestionAt !== undefined);
          return page.evaluate(() => (window as unknown as { firstQuestionAt: number }).firstQuestionAt);
        };
        const cdp = await throttled(rater);
        // React reports a page that does not hydrate as it was rendered on the console.
        const consoleErrors: string[] = [];
        rater.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        const navigation = (await rater.goto(link.href))!;
        // The first survey page the gateway serves: its renderer is loaded and warmed at start-up, but
        // this is still the first time through for the database statements and the code paths.
        const coldMs = await firstQuestionDrawn(rater);
        const { htmlMs, server } = await rater.evaluate(() => {
          const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {
            htmlMs: navigation.responseEnd,
            server: navigation.serverTiming.map((t) => `${t.name} ${Math.round(t.duration)} ms`).join(', '),
          };
        });
        // The gateway rendered the survey into the page (the questions come with the HTML, before the
        // script and the GraphQL answer); never stored, and the token in the address is never sent on.
        expect(navigation.headers()['cache-control']).toBe('no-store');
        expect(navigation.headers()['referrer-policy']).toBe('no-referrer');
        const served = await navigation.text();
        expect(served).toMatch(/<fieldset[^>]*role="radiogroup"/);
        expect(served).toContain('id="survey-data"');
        expect(served).not.toMatch(/<link rel="stylesheet"/); // the survey's styles are in the page
        // An answer given at once, most likely before the script has run (the page is the gateway's
        // HTML then), is taken over by the page when it hydrates, and counted.
        const hydratedBeforeClick = await rater.evaluate(() =>
          Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')),
        );
        const firstValue = valueFor(link.group, 0, index);
        await rater
          .getByRole('radiogroup')
          .first()
          .getByRole('radio', { name: firstValue == null ? 'Not able to rate' : SCALE[firstValue - 1], exact: true })
          .check();
        const sizes = JSON.parse(readFileSync(join(root, 'apps', 'dashboard', 'dist', 'route-sizes.json'), 'utf8')) as {
          route: string;
          brotli: number;
          gzip: number;
        }[];
        // The survey is its own page (survey.html): no Apollo Client, no router, no HR screens.
        const survey = sizes.find((r) => r.route === 'SurveyPage (survey.html)')!;
        // The time is printed, never asserted: a wall-clock figure on a shared machine says more about
        // the machine's load than about the page (a CI run at load average 11 drew it in 3.6 s, a quiet
        // one in 0.9 s). The 2.5 s target is measured by `npm run bench` (measure 8). What the time
        // depends on is asserted below instead: the question is on the page without any script.
        process.stdout.write(
          `dashboard e2e: survey on a throttled phone (Slow 4G, 4× CPU, nothing cached): first question drawn after ${Math.round(coldMs)} ms (the page's HTML in after ${Math.round(htmlMs)} ms, on the gateway: ${server}; ` +
            `load average ${loadavg()
              .map((l) => l.toFixed(2))
              .join(' ')}; first answer given ${hydratedBeforeClick ? 'after' : 'before'} the script ran); ` +
            `survey route JavaScript ${(survey.brotli / 1024).toFixed(1)} KB brotli, ${(survey.gzip / 1024).toFixed(1)} KB gzip (target 150 KB)\n`,
        );
        // With JavaScript switched off the rater still sees the questions and the answer scale: the
        // gateway drew them. Losing the server rendering (or rendering an empty shell) fails here.
        const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
        try {
          const bare = await noScript.newPage();
          await bare.goto(link.href);
          const firstGroup = bare.getByRole('radiogroup').first();
          await expect(firstGroup.isVisible()).resolves.toBe(true);
          await expect(firstGroup.getByRole('radio').count()).resolves.toBe(SCALE.length + 1); // the scale and "Not able to rate"
          await expect(firstGroup.getByRole('radio', { name: SCALE[4], exact: true }).isVisible()).resolves.toBe(true);
          const drawn = await bare.evaluate(() => document.querySelectorAll('[role=radiogroup]').length);
          expect(drawn).toBeGreaterThan(1);
        } finally {
          await noScript.close();
        }
        expect(survey.brotli).toBeLessThan(150 * 1024);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await cdp.send('Network.emulateNetworkConditions', NO_THROTTLING);
        // The first question is above the fold, and nothing sticky ever covers the question being read.
        // Each question is looked at as a person scrolling sees it: in the frames drawn after the
        // scroll (sections below the first are rendered only near the viewport: content-visibility).
        const layout = await rater.evaluate(async () => {
          const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const sets = [...document.querySelectorAll('fieldset[role=radiogroup]')] as HTMLElement[];
          const firstLegendBottom = sets[0].querySelector('legend')!.getBoundingClientRect().bottom;
          const covered: number[] = [];
          for (const [i, set] of sets.entries()) {
            const legend = set.querySelector('legend')!;
            window.scrollTo(0, window.scrollY + legend.getBoundingClientRect().top - 6);
            await frame();
            const box = legend.getBoundingClientRect();
            for (const y of [box.top + 4, box.top + box.height / 2]) {
              for (const x of [box.left + 8, box.left + box.width / 2, box.right - 8]) {
                const hit = document.elementFromPoint(x, y);
                if (!hit || !set.contains(hit)) covered.push(i + 1);
              }
            }
          }
          window.scrollTo(0, 0);
          return { firstLegendBottom, viewport: window.innerHeight, covered: [...new Set(covered)] };
        });
        expect(layout.firstLegendBottom).toBeLessThanOrEqual(layout.viewport);
        expect(layout.covered).toEqual([]);
        await rater.getByText(/^1 of \d+ answered$/).waitFor();
        expect(consoleErrors.filter((e) => /hydrat|did not match/i.test(e))).toEqual([]);
      } else {
        await rater.goto(link.href);
      }
      await rater.getByRole('heading', { name: /Feedback for Nadia Okafor|Your self-assessment/ }).waitFor();
      await rater
        .getByText(/answers are combined|self-ratings are shown|answers are shown on their own/)
        .first()
        .waitFor();
      if (first) await screenshot(rater, `survey-intro-${link.group}`);

      const groups = rater.getByRole('radiogroup');
      const count = await groups.count();
      expect(count).toBeGreaterThan(5);
      if (first) {
        // Validation names what is missing and submits nothing.
        await rater.getByRole('button', { name: 'Submit feedback' }).click();
        await rater
          .getByRole('alert')
          .getByText(`Please answer ${count - 1} more statements before you submit`)
          .waitFor();
        await screenshot(rater, 'survey-validation');
      }
      for (let i = 0; i < count; i++) {
        const v = valueFor(link.group, i, index);
        const value = v == null ? 'Not able to rate' : SCALE[v - 1];
        await groups.nth(i).getByRole('radio', { name: value, exact: true }).check();
      }
      await rater.getByText(`${count} of ${count} answered`).waitFor();
      if (index % 2 === 0)
        await rater
          .getByLabel(/^Comment on /)
          .first()
          .fill('Makes time to coach each of her team leads.');
      await rater.getByText(/Saved \d|Not saved yet/).waitFor(); // autosaved
      expect(await rater.getByText(/Not saved yet/).count()).toBe(0);
      if (first) await screenshot(rater, 'survey-answered');
      await rater.getByRole('button', { name: 'Submit feedback' }).click();
      await rater.getByRole('heading', { name: 'Thank you — your feedback is in' }).waitFor();
      if (first || index === 1) await screenshot(rater, `survey-confirmation-${link.group}`);
      await rater.context().close();
    }

    mark('HR follows progress live, then closes and releases');
    // --- HR follows progress live, then closes and releases ---
    await hr.getByRole('tab', { name: 'Progress' }).click();
    await hr.getByText('100%').first().waitFor({ timeout: 60000 });
    await screenshot(hr, 'hr-progress-complete');
    // Every answer stored by the scoring service, and everything it announced read by the gateway:
    // what HR sees is the snapshot the disclosure rule allowed (docs/anonymity.md).
    await eventually(
      'every answer to be scored',
      async () => {
        const [row] = await dataSource.query(
          `SELECT count(DISTINCT "rater_id")::int AS "stored" FROM "scoring"."rater_response" WHERE "cycle_id" = $1`,
          [cycleId],
        );
        const [unsent] = await dataSource.query(`SELECT count(*)::int AS "n" FROM "scoring"."outbox_event" WHERE "published_at" IS NULL`);
        const [live] = await dataSource.query(
          `SELECT count(*)::int AS "n" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
          [cycleId],
        );
        return row.stored >= invited.length && unsent.n === 0 && live.n > 0;
      },
      60000,
    );
    await hr.getByRole('tab', { name: 'Results' }).click();
    await hr.locator('.heatmap').waitFor();
    await screenshot(hr, 'hr-heatmap-live');

    await hr.getByRole('button', { name: 'Close cycle' }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Close cycle' }).click();
    await hr.getByRole('button', { name: 'Release results' }).click();
    await hr.getByRole('dialog').getByRole('button', { name: 'Release results' }).click();
    await hr.getByText('Released', { exact: true }).first().waitFor();
    await hr.getByRole('link', { name: 'Nadia Okafor' }).waitFor();
    await screenshot(hr, 'hr-released-heatmap');
    // Who has a development plan (a page at a time): nobody yet, right after the release.
    await hr
      .getByRole('table', { name: 'Leaders and their development plans' })
      .getByRole('row')
      .filter({ hasText: 'Nadia Okafor' })
      .getByText('No plan yet')
      .waitFor();
    // The cycle's figures as CSV: the gateway streams it, the dashboard hands it over as a file.
    const resultsDownload = hr.waitForEvent('download');
    await hr.getByRole('button', { name: 'Export CSV' }).click();
    const resultsFile = await resultsDownload;
    expect(resultsFile.suggestedFilename()).toBe('leadership-360-lumen-pilot-results.csv');
    const resultsLines = readFileSync(await resultsFile.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(resultsLines[0]).toBe(
      'employee_id,name,dimension_id,dimension,group,n,mean,ci_low,ci_high,suppressed,fit_to_target,item_id,item',
    );
    expect(resultsLines.filter((line) => line.split(',')[1] === 'Nadia Okafor').length).toBeGreaterThan(10);
    await hr.getByRole('tab', { name: 'Survey links' }).click();
    await hr.getByText(/no longer open a survey and there is nothing left to share/).waitFor();
    expect(await hr.getByText(/changed in the meantime/).count()).toBe(0);

    mark('the leader signs in and reads her report');
    // --- the leader signs in and reads her report ---
    await leader.goto('/'); // signed in since she proposed a peer
    await leader.getByRole('heading', { name: 'My feedback' }).waitFor();
    await screenshot(leader, 'leader-my-feedback');
    await leader.getByRole('link', { name: /Leadership 360 — Lumen pilot/ }).click();
    await leader.getByRole('heading', { name: 'Nadia Okafor', level: 1 }).waitFor();
    const radar = leader.getByTestId('radar-chart');
    await radar.locator('svg.recharts-surface:has(.recharts-radar)').waitFor();
    expect(await radar.locator('.recharts-radar').count()).toBe(3);
    const legend = await radar.locator('.recharts-legend-wrapper').innerText();
    expect(legend).toContain('Others');
    expect(legend).toContain('Self');
    expect(legend).toContain('Target');
    expect(await radar.locator('.recharts-radar-polygon path').count()).toBe(3);
    // bars per rater group with intervals; the report's other parts are there
    expect(await leader.locator('.ci-whisker').count()).toBeGreaterThan(0);
    for (const heading of [
      'Strengths and development areas',
      'How you see yourself',
      'Transition risks',
      'By rater group',
      'Readiness for other roles',
      'Comments',
      'Highest and lowest rated items',
      'Every item',
    ]) {
      await leader.getByRole('heading', { name: heading }).waitFor();
    }
    // item-level results: the highest items drawn as bars, every item in the table
    await leader
      .getByRole('img', { name: /^Highest rated: / })
      .locator('.recharts-bar-rectangle')
      .first()
      .waitFor();
    expect(await leader.locator('section[aria-labelledby="sec-all-items"] tbody tr').count()).toBeGreaterThan(10);
    await leader.getByText('Makes time to coach each of her team leads.').first().waitFor();
    await screenshot(leader, 'leader-report');

    mark('the leader writes a development plan from her report');
    // --- the leader writes a development plan from her report ---
    const reviewDate = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10);
    await leader.getByRole('button', { name: 'Write my plan' }).click();
    await leader.getByLabel('Focus area 1').and(leader.locator('input')).click(); // the label also names its option list
    const firstChoice = (await leader.getByRole('option').first().innerText()).trim();
    await leader.getByRole('option').first().click();
    await leader.getByLabel('What you will do').fill('Hand one decision a month to a team lead and talk it through afterwards.');
    await leader.getByLabel('Review date').fill(reviewDate);
    await leader.getByRole('button', { name: 'Save and share with my manager' }).click();
    await leader.getByText('Version 1 saved. Your manager has been told.').waitFor();
    await leader.locator('#development-plan').getByText(firstChoice, { exact: true }).waitFor();
    await screenshot(leader, 'leader-development-plan');
    const download = leader.waitForEvent('download');
    await leader.getByRole('button', { name: 'Download PDF' }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toBe('nadia-okafor-360-report.pdf');
    // The PDF is the report on the screen: the same sections in the same order, every figure the
    // page shows (the chart's figures included), the reading guide, no internal words, nothing clipped.
    const pdfPages = await pdfText(readFileSync(await pdf.path()));
    const pdfLines = pdfPages.flatMap((p) => p.lines);
    const onScreen = await leader.evaluate(() => ({
      titles: [...document.querySelectorAll('section[data-section] > h2')].map((h) => h.textContent ?? ''),
      // The page's words and figures, a text node at a time (so "n=9" and "4.60" stay apart);
      // Mantine's inline <style> rules are not words.
      text: (() => {
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        const parts: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (!node.parentElement?.closest('style, script')) parts.push(node.textContent ?? '');
        return parts.join('\n');
      })(),
      stats: [...document.querySelectorAll('[data-stat] .stat-value')].map((v) => v.textContent ?? ''),
    }));
    expect(onScreen.titles.length).toBeGreaterThanOrEqual(9);
    const titleLines = onScreen.titles.map((t) => pdfLines.indexOf(t));
    expect(titleLines.filter((i) => i < 0)).toEqual([]);
    expect([...titleLines].sort((a, b) => a - b)).toEqual(titleLines);
    const figures = (text: string) =>
      (text.match(/[−+]?\d+\.\d{2}/g) ?? []).reduce((m, f) => m.set(f, (m.get(f) ?? 0) + 1), new Map<string, number>());
    const inPdf = figures(pdfLines.join('\n'));
    const shortInPdf = [...figures(onScreen.text)].filter(([f, n]) => (inPdf.get(f) ?? 0) < n);
    expect(shortInPdf).toEqual([]);
    const pdfAll = pdfLines.join(' ');
    for (const stat of onScreen.stats) expect(pdfAll).toContain(stat);
    expect(pdfAll).toContain('How to read this report');
    expect(pdfAll).toContain('Makes time to coach each of her team leads.');
    for (const word of ['not-yet', 'insufficient-data', 'report version', 'direct_report', 'skip_level', 'undefined', 'NaN'])
      expect(pdfAll).not.toContain(word);
    for (const page of pdfPages) expect(page.right).toBeLessThanOrEqual(page.width - 48 + 0.5);
    process.stdout.write(
      `dashboard e2e: report PDF ${pdfPages.length} pages; ${onScreen.titles.length} sections in the screen's order; ${[...figures(onScreen.text).values()].reduce((a, b) => a + b, 0)} figures of the page all in the PDF\n`,
    );
    // The follow-up pulse section: the leader opens its form (and leaves it).
    await leader.getByRole('button', { name: 'Start a follow-up pulse' }).click();
    await leader.getByRole('button', { name: 'Send to the raters' }).waitFor();
    await screenshot(leader, 'leader-pulse-form');
    await leader.getByRole('button', { name: 'Cancel' }).click();
    await leader.setViewportSize({ width: 390, height: 844 });
    await screenshot(leader, 'leader-report-phone');
    await leader.setViewportSize({ width: 1360, height: 900 });
    // A cut-off report address is explained, not an internal error.
    await leader.goto('/cycles/not-a-cycle/reports/42');
    await leader.getByText('This report address is not complete').waitFor();
    expect(await leader.getByText(/went wrong on our side/).count()).toBe(0);
    await screenshot(leader, 'report-address-incomplete');
    // An address that is no page at all.
    await leader.goto('/no-such-page');
    await leader.getByRole('heading', { name: 'Page not found' }).waitFor();
    await screenshot(leader, 'not-found');

    mark('a second cycle (answered through the API) with other transition risks');
    // --- a second cycle (answered through the API) with other transition risks, for Nadia and Tomas ---
    // The client cache once merged risks of different reports by their id: open two reports in one
    // session and check each shows its own risks, as the API says (the leader her two reports; her
    // manager two leaders' reports).
    const tomasId = await personId('Tomas Lindqvist');
    const { createCycle } = await api<{ createCycle: { id: string } }>(
      hrToken,
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id } }`,
      {
        input: {
          name: 'Leadership 360 — Lumen follow-up',
          opensAt: new Date(Date.now() + 60000).toISOString(),
          closesAt: new Date(Date.now() + 14 * 86400000).toISOString(),
        },
      },
    );
    const secondCycleId = createCycle.id;
    await api(hrToken, `mutation($c: ID!, $p: [ID!]!) { addSubjects(cycleId: $c, personIds: $p) { id } }`, {
      c: secondCycleId,
      p: [nadiaId, tomasId],
    });
    await api(hrToken, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: secondCycleId });
    await api(hrToken, `mutation($c: ID!) { approveNominations(cycleId: $c) { changed } }`, { c: secondCycleId });
    await api(hrToken, `mutation($c: ID!) { launchCycle(cycleId: $c) { id } }`, { c: secondCycleId });
    // HR lists no links (everyone has an address): each one is in the rater's invitation in the outbox.
    const raterInvitations = await linksFromOutbox(hrToken, secondCycleId);
    for (const invitation of raterInvitations) {
      const { raterSurvey } = await api<{ raterSurvey: { dimensions: { items: { id: string }[] }[] } }>(
        null,
        `query($t: String!) { raterSurvey(token: $t) { dimensions { items { id } } } }`,
        { t: invitation.token },
      );
      // This time everyone but Nadia herself sees little of her leadership work; Tomas is seen at his
      // best by everyone but himself.
      const self = invitation.group === 'self';
      const value = invitation.subject === 'Tomas Lindqvist' ? (self ? 2 : 5) : self ? 5 : 1;
      const answers = raterSurvey.dimensions.flatMap((d) => d.items.map((item) => ({ itemId: item.id, value })));
      await api(null, `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
        input: { token: invitation.token, idempotencyKey: randomUUID(), answers },
      });
    }
    // Every answer reaches the scoring service; the report shows what the disclosure rule lets through
    // (docs/anonymity.md), so the wait is for the scoring service, then for a published snapshot.
    await eventually(
      'the second cycle to be scored',
      async () => {
        const [stored] = await dataSource.query<{ n: number }[]>(
          `SELECT count(DISTINCT "rater_id")::int AS "n" FROM "scoring"."rater_response" WHERE "cycle_id" = $1`,
          [secondCycleId],
        );
        const [shown] = await dataSource.query<{ n: number }[]>(
          `SELECT coalesce(sum("response_count"), 0)::int AS "n" FROM "gateway"."subject_report" WHERE "cycle_id" = $1 AND "result_set" = 'live'`,
          [secondCycleId],
        );
        return stored.n >= raterInvitations.length && shown.n > 0;
      },
      60000,
    );
    await api(hrToken, `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`, { c: secondCycleId });
    await api(hrToken, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: secondCycleId });
    const risksFromApi = async (c: string, subject = nadiaId) => {
      const { subjectReport } = await api<{ subjectReport: { transitionRisks: { id: string; status: string }[] } }>(
        hrToken,
        `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { transitionRisks { id status } } }`,
        { c, s: subject },
      );
      // The screen marks a risk the data cannot call "insufficient" (the API's "insufficient-data"):
      // which risks are callable depends on the raters the disclosure rule let into the snapshot.
      return Object.fromEntries(
        subjectReport.transitionRisks.map((r) => [r.id, r.status === 'insufficient-data' ? 'insufficient' : r.status]),
      );
    };
    const firstRisks = await risksFromApi(cycleId);
    const secondRisks = await risksFromApi(secondCycleId);
    expect(secondRisks).not.toEqual(firstRisks); // the two reports really differ
    const tomasRisks = await risksFromApi(secondCycleId, tomasId);
    expect(tomasRisks).not.toEqual(secondRisks); // and so do the two leaders' follow-up reports

    await leader.setViewportSize({ width: 1360, height: 900 });
    for (const [name, id, expected] of [
      ['Leadership 360 — Lumen follow-up', secondCycleId, secondRisks],
      ['Leadership 360 — Lumen pilot', cycleId, firstRisks],
      ['Leadership 360 — Lumen follow-up', secondCycleId, secondRisks],
    ] as const) {
      await leader.getByRole('link', { name: /My feedback/ }).click(); // in-app navigation: one Apollo cache throughout
      await leader.getByRole('link', { name: new RegExp(name) }).click();
      await leader.waitForURL(new RegExp(`/cycles/${id}/reports/`));
      await leader.getByRole('heading', { name: 'Transition risks' }).waitFor();
      await eventually(
        `the risks of ${name} on screen`,
        async () => {
          const seen = await risksOnScreen(leader);
          // Thrown, so a timeout says what the screen showed instead.
          if (JSON.stringify(seen) !== JSON.stringify(expected))
            throw new Error(`on screen ${JSON.stringify(seen)}, from the API ${JSON.stringify(expected)}`);
          return true;
        },
        20000,
      );
    }

    mark('her manager sees the team heatmap and opens two leaders’ reports');
    // --- her manager sees the team heatmap (the follow-up: the newest cycle) and opens Nadia's and
    // Tomas's reports in turn, in one session: each shows its own transition risks ---
    await manager.goto('/');
    await manager.getByRole('link', { name: /My leaders/ }).click();
    await manager.getByRole('link', { name: 'Nadia Okafor' }).waitFor();
    await manager.getByRole('link', { name: 'Tomas Lindqvist' }).waitFor();
    await screenshot(manager, 'manager-team-heatmap');
    for (const [name, id, expected] of [
      ['Nadia Okafor', nadiaId, secondRisks],
      ['Tomas Lindqvist', tomasId, tomasRisks],
      ['Nadia Okafor', nadiaId, secondRisks],
    ] as const) {
      await manager.getByRole('link', { name: /My leaders/ }).click(); // in-app navigation: one Apollo cache throughout
      await manager.getByRole('link', { name, exact: true }).click();
      await manager.waitForURL(new RegExp(`/cycles/${secondCycleId}/reports/${id}`));
      await manager.getByRole('heading', { name, level: 1 }).waitFor();
      await manager.getByRole('heading', { name: 'Transition risks' }).waitFor();
      await eventually(
        `the risks of ${name}'s follow-up on her manager's screen`,
        async () => {
          const seen = await risksOnScreen(manager);
          if (JSON.stringify(seen) !== JSON.stringify(expected))
            throw new Error(`on screen ${JSON.stringify(seen)}, from the API ${JSON.stringify(expected)}`);
          return true;
        },
        20000,
      );
    }
    await screenshot(manager, 'manager-reads-a-report');

    mark('her manager reads the plan and comments');
    // --- her manager reads the plan (on the pilot's report) and comments ---
    await manager.goto(`/cycles/${cycleId}/reports/${nadiaId}#development-plan`);
    await manager.getByText('Hand one decision a month to a team lead and talk it through afterwards.').waitFor();
    await manager.getByLabel('Your comment for Nadia Okafor').fill('Start with the hiring plan for the new depot.');
    await manager.getByRole('button', { name: 'Add comment' }).click();
    // the comment as posted (the text box may still hold the words for a moment)
    await manager.getByRole('paragraph').filter({ hasText: 'Start with the hiring plan for the new depot.' }).waitFor();
    expect(await manager.getByRole('button', { name: 'Change my plan' }).count()).toBe(0);
    await screenshot(manager, 'manager-development-plan');
    // HR sees that Nadia has a plan in the pilot, not what it says.
    await hr.goto(`/cycles/${cycleId}?tab=results`);
    await hr.getByText(/^Plans: 1 of \d+ leaders?$/).waitFor();
    expect(await hr.getByText('Hand one decision a month').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    if (accessibility.length)
      process.stdout.write(
        `dashboard e2e: accessibility findings\n${accessibility.map((v) => `  ${v.page}: ${v.impact} ${v.id} — ${v.help} (${v.targets.join(', ')})`).join('\n')}\n`,
      );
    expect(accessibility).toEqual([]);
    const files = readdirSync(artifacts).filter((f) => f.endsWith('.png'));
    expect(files.length).toBe(images); // desktop and phone of each page (the phone rater's pages on the phone only)
    for (const f of files) expect(statSync(join(artifacts, f)).size).toBeGreaterThan(5000);
  }, 900000); // about 3 minutes on a quiet machine; generous for busy shared runners
});
