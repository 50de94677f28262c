import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OpenSurveyUseCase } from '../surveys/open-survey.use-case';
import type { RaterSurvey } from '../surveys/dto/survey.model';
import { SurveyLinkError } from '../surveys/survey-link';
import { jsonForScript, SURVEY_RENDERER, SurveyPage } from './survey-page';

/**
 * The survey page the gateway renders for a link, with the dashboard's real build (its survey
 * components, `dist/ssr/survey-server.cjs`). The survey comes from a stand-in for the use-case, so
 * the test can hand it hostile text and saved answers that must not reach the page.
 */
const DIST = join(__dirname, '..', '..', '..', 'dashboard', 'dist');

const hostile = '</script><script>alert(1)</script> & <b>bold</b>';
const survey = (overrides: Partial<RaterSurvey> = {}): RaterSurvey => ({
  cycleName: `Spring review ${hostile}`,
  subjectName: 'Łukasz Żółć',
  relationship: 'peer',
  anonymityNote: 'Your answers are combined with others in your group.',
  anonymityThreshold: 3,
  identifiable: false,
  closesAt: new Date('2026-12-12T10:00:00Z'),
  closedAt: null,
  status: 'started',
  submittedAt: null,
  scale: ['Almost never', 'Rarely', 'Sometimes', 'Often', 'Almost always'].map((label, i) => ({ value: i + 1, label })),
  notAbleToRateLabel: 'Not able to rate',
  dimensions: [
    {
      id: 'vision',
      name: 'Sets direction',
      description: 'Explains where the team is going.',
      items: [
        { id: 'i1', text: `Explains the strategy ${hostile}` },
        { id: 'i2', text: 'Makes priorities clear' },
      ],
    },
  ],
  answers: [{ itemId: 'i1', value: 4 }],
  comments: [{ dimensionId: 'vision', text: 'A saved draft comment that stays private' }],
  ...overrides,
});

function pageFor(result: RaterSurvey | Error): { page: SurveyPage; calls: { token: string; ip: string }[] } {
  const calls: { token: string; ip: string }[] = [];
  const openSurvey = {
    execute: async (token: string, ip: string) => {
      calls.push({ token, ip });
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as OpenSurveyUseCase;
  return { page: new SurveyPage(DIST, openSurvey), calls };
}

describe('the survey page rendered on the gateway', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, SURVEY_RENDERER)))
      throw new Error('The dashboard is not built (dist/ssr/survey-server.cjs): run `npm run build -w @leaderscope/dashboard` first');
  });

  it('renders the first questions into the page, as radio groups, with the data the browser hydrates from', async () => {
    const { page, calls } = pageFor(survey());
    const html = (await page.render('the-token', '10.0.0.1'))!;
    expect(calls).toEqual([{ token: 'the-token', ip: '10.0.0.1' }]);
    expect(html.match(/<fieldset[^>]*role="radiogroup"/g)).toHaveLength(2);
    expect(html).toContain('Feedback for Łukasz Żółć');
    expect(html).toContain('Makes priorities clear');
    expect(html).toContain('Almost always');
    expect(html).toContain('<script type="application/json" id="survey-data">');
    // The page's own script and style sheet (inlined) are still there.
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/survey-[^"]+\.js"><\/script>/);
    expect(html).toContain('<style>');
    expect(html).toContain('__surveyPrefetch');
    const data = JSON.parse(/<script type="application\/json" id="survey-data">([^<]*)<\/script>/.exec(html)![1]);
    expect(data.raterSurvey.dimensions[0].items[1]).toEqual({ id: 'i2', text: 'Makes priorities clear' });
    expect(data.raterSurvey.closesAt).toBe('2026-12-12T10:00:00.000Z');
  });

  it('renders the questions also when the dashboard directory is given relative to the working directory (DASHBOARD_DIR=apps/dashboard/dist)', async () => {
    const openSurvey = { execute: async () => survey() } as unknown as OpenSurveyUseCase;
    const html = (await new SurveyPage(relative(process.cwd(), DIST), openSurvey).render('the-token', '10.0.0.1'))!;
    expect(html.match(/<fieldset[^>]*role="radiogroup"/g)).toHaveLength(2);
  });

  it('escapes everything and leaves out the saved answers and comments', async () => {
    const { page } = pageFor(survey());
    const html = (await page.render('the-token', '10.0.0.1'))!;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('A saved draft comment');
    expect(html).not.toMatch(/<input[^>]*checked/);
    const data = JSON.parse(/<script type="application\/json" id="survey-data">([^<]*)<\/script>/.exec(html)![1]);
    expect(data.raterSurvey.answers).toEqual([]);
    expect(data.raterSurvey.comments).toEqual([]);
    expect(data.raterSurvey.dimensions[0].items[0].text).toContain(hostile); // the same text, escaped for the script element
  });

  it('renders a submitted or closed link as its notice', async () => {
    const submitted = await pageFor(
      survey({ status: 'submitted', submittedAt: new Date('2026-11-02T09:00:00Z'), dimensions: [] }),
    ).page.render('t', 'ip');
    expect(submitted).toContain('You have already submitted this survey — thank you');
    expect(submitted).toContain('November 2, 2026');
    const closed = await pageFor(survey({ closedAt: new Date('2026-11-30T17:00:00Z'), dimensions: [] })).page.render('t', 'ip');
    expect(closed).toContain('This survey closed on November 30, 2026');
  });

  it('sends the plain page for a link that opens no survey', async () => {
    const { page } = pageFor(new SurveyLinkError());
    const html = (await page.render('wrong', 'ip'))!;
    expect(html).toBe(page.shell());
    expect(html).toContain('<div id="root"><!--survey-ssr--></div>');
    expect(html).not.toContain('survey-data');
  });

  it('writes JSON that cannot close its script element', () => {
    expect(jsonForScript({ t: '</script><!-- & \u2028' })).toBe('{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
  });
});
