import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { OpenSurveyUseCase } from '../surveys/open-survey.use-case';
import { RaterSurvey } from '../surveys/dto/survey.model';
import { DASHBOARD_DIR } from './dashboard-dir';

/** What the page is rendered from: the `RaterSurvey` query's answer, as GraphQL would send it, with no answers and no comments. */
export interface SurveyPageData {
  raterSurvey: Omit<RaterSurvey, 'closesAt' | 'closedAt' | 'submittedAt'> & {
    closesAt: string;
    closedAt: string | null;
    submittedAt: string | null;
  };
}

interface SurveyServerBundle {
  renderSurveyPage(data: SurveyPageData): string;
}

/** Where the dashboard's build puts the survey's page and its server renderer (never served: see DashboardAssetsMiddleware). */
export const SURVEY_HTML = 'survey.html';
export const SURVEY_RENDERER = join('ssr', 'survey-server.cjs');
const ROOT = '<div id="root"><!--survey-ssr--></div>';

/**
 * The rater survey's page for one link, rendered on the gateway: the dashboard's own survey
 * components (its build's `dist/ssr/survey-server.cjs`) render the survey the link opens into
 * survey.html, with the data they rendered it from, so a phone shows the first question with the
 * page itself — before the script and the GraphQL round trip — and the script hydrates it.
 *
 * Only what the rater's own `raterSurvey` query returns is used (the same use-case, so the same
 * rate limit and the same refusal of unknown, revoked and draft-cycle links), and without the
 * rater's saved answers and comments: the page fetches those. Everything is escaped (React
 * escapes the HTML; the JSON is escaped for a script element). A link that does not open a survey
 * gets the plain page, whose script then explains the problem.
 */
@Injectable()
export class SurveyPage implements OnApplicationBootstrap {
  private readonly logger = new Logger(SurveyPage.name);
  private template: { mtimeMs: number; html: string } | null = null;
  private bundle: SurveyServerBundle | null | undefined;

  constructor(
    @Inject(DASHBOARD_DIR) private readonly dir: string | null,
    private readonly openSurvey: OpenSurveyUseCase,
  ) {}

  /**
   * Loads the renderer and renders a made-up survey once, after start-up, so the first rater's
   * page does not wait for the bundle to be read and compiled (hundreds of milliseconds).
   */
  onApplicationBootstrap(): void {
    setImmediate(() => {
      try {
        this.renderer()?.renderSurveyPage(surveyPageData(WARM_UP));
      } catch (error) {
        this.logger.warn(`survey page renderer failed to warm up: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** The page as built (survey.html), or null when the dashboard is not built. */
  shell(): string | null {
    if (!this.dir) return null;
    const file = join(this.dir, SURVEY_HTML);
    if (!existsSync(file)) return null;
    const { mtimeMs } = statSync(file);
    if (this.template?.mtimeMs !== mtimeMs) this.template = { mtimeMs, html: readFileSync(file, 'utf8') };
    return this.template.html;
  }

  /**
   * The page with the survey behind `token` rendered into it; the plain page when the link opens
   * none (or rendering fails). `timing` gets the milliseconds spent opening the link and rendering.
   */
  async render(token: string, ip: string, timing: { open?: number; render?: number } = {}): Promise<string | null> {
    const shell = this.shell();
    if (!shell) return null;
    const renderer = this.renderer();
    if (!renderer || !shell.includes(ROOT) || !token) return shell;
    let survey: RaterSurvey;
    const opening = performance.now();
    try {
      survey = await this.openSurvey.execute(token, ip);
    } catch {
      return shell; // not a valid link (or rate-limited): the page's own request says why
    } finally {
      timing.open = performance.now() - opening;
    }
    try {
      const rendering = performance.now();
      const data = surveyPageData(survey);
      const body = renderer.renderSurveyPage(data);
      timing.render = performance.now() - rendering;
      return shell.replace(
        ROOT,
        () => `<div id="root">${body}</div><script type="application/json" id="survey-data">${jsonForScript(data)}</script>`,
      );
    } catch (error) {
      this.logger.warn(`survey page not rendered on the server: ${error instanceof Error ? error.message : String(error)}`);
      return shell;
    }
  }

  private renderer(): SurveyServerBundle | null {
    if (this.bundle !== undefined) return this.bundle;
    const file = this.dir ? resolve(this.dir, SURVEY_RENDERER) : null; // absolute: require() takes a relative path for a package name
    this.bundle = null;
    if (file && existsSync(file)) {
      try {
        this.bundle = createRequire(__filename)(file) as SurveyServerBundle;
      } catch (error) {
        this.logger.warn(`survey page renderer not loaded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return this.bundle;
  }
}

const WARM_UP: RaterSurvey = {
  cycleName: '',
  subjectName: '',
  relationship: 'peer',
  anonymityNote: '',
  anonymityThreshold: 3,
  identifiable: false,
  closesAt: new Date(0),
  closedAt: null,
  status: 'invited',
  submittedAt: null,
  scale: [{ value: 1, label: '' }],
  notAbleToRateLabel: '',
  dimensions: [{ id: 'd', name: '', description: '', items: [{ id: 'i', text: '' }] }],
  answers: [],
  comments: [],
};

/** The survey as the `RaterSurvey` query returns it, less the rater's saved answers and comments. */
export function surveyPageData(survey: RaterSurvey): SurveyPageData {
  return {
    raterSurvey: {
      cycleName: survey.cycleName,
      subjectName: survey.subjectName,
      relationship: survey.relationship,
      identifiable: survey.identifiable,
      anonymityThreshold: survey.anonymityThreshold,
      anonymityNote: survey.anonymityNote,
      closesAt: survey.closesAt.toISOString(),
      closedAt: survey.closedAt?.toISOString() ?? null,
      status: survey.status,
      submittedAt: survey.submittedAt?.toISOString() ?? null,
      notAbleToRateLabel: survey.notAbleToRateLabel,
      scale: survey.scale.map((p) => ({ value: p.value, label: p.label })),
      dimensions: survey.dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description,
        items: d.items.map((i) => ({ id: i.id, text: i.text })),
      })),
      answers: [],
      comments: [],
    },
  };
}

/** JSON that cannot end its script element nor start markup inside it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
