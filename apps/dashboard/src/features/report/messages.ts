import { defineMessages } from 'react-intl';

/** The report screen's own words (around the report; the report's words are in packages/messages/src/report). */
export const messages = defineMessages({
  eyebrow: { id: 'reportScreen.eyebrow', defaultMessage: '360 report' },
  fallbackTitle: { id: 'reportScreen.fallbackTitle', defaultMessage: 'Report' },
  backToCycle: { id: 'reportScreen.backToCycle', defaultMessage: 'Back to cycle' },
  downloadPdf: { id: 'reportScreen.downloadPdf', defaultMessage: 'Download PDF' },
  pdfFailed: { id: 'reportScreen.pdfFailed', defaultMessage: 'The PDF could not be downloaded' },
  pdfNoAccess: { id: 'reportScreen.pdfNoAccess', defaultMessage: 'You do not have access to this report.' },
  pdfHttp: { id: 'reportScreen.pdfHttp', defaultMessage: 'The PDF could not be made (HTTP {status}). Try again in a moment.' },
  loadFailed: { id: 'reportScreen.loadFailed', defaultMessage: 'The report could not be shown' },
  loading: { id: 'reportScreen.loading', defaultMessage: 'Loading the report…' },
  live: { id: 'reportScreen.live', defaultMessage: 'Live — updates as answers arrive' },
  hrLive: { id: 'reportScreen.hrLive', defaultMessage: 'HR view: live figures' },
  resultSet: { id: 'reportScreen.resultSet', defaultMessage: 'Result set' },
  asScored: { id: 'reportScreen.asScored', defaultMessage: 'As scored in the cycle' },
  rescore: {
    id: 'reportScreen.rescore',
    defaultMessage: 'Rescore: instrument version {version}, role profile “{profile}”, scored {date}',
  },
  noAnswersTitle: { id: 'reportScreen.noAnswers.title', defaultMessage: 'No answers have been scored yet' },
  noAnswers: {
    id: 'reportScreen.noAnswers',
    defaultMessage:
      'The report appears as soon as the first answers about {name} have been scored.{live, select, yes { This page updates by itself.} other {}}',
  },
  notLaunched: { id: 'reportScreen.notLaunched', defaultMessage: 'The cycle has not been launched yet.' },

  myLoadFailed: { id: 'myReports.loadFailed', defaultMessage: 'Your cycles could not be loaded' },
  myLoading: { id: 'myReports.loading', defaultMessage: 'Loading your feedback…' },
  myEmptyTitle: { id: 'myReports.empty.title', defaultMessage: 'No feedback yet' },
  myEmpty: {
    id: 'myReports.empty',
    defaultMessage: 'When you are reviewed in a cycle and HR releases the results, your report appears here.',
  },
  reportReady: { id: 'myReports.ready', defaultMessage: 'Report ready' },
  released: { id: 'myReports.released', defaultMessage: 'Released {date}' },
  waiting: {
    id: 'myReports.waiting',
    defaultMessage: 'Your report appears here once HR releases the results (the survey closes {date}).',
  },
  openReport: { id: 'myReports.open', defaultMessage: 'Open my report' },
});

/** The report blocks' own words around the description's (`ReportBlocks.tsx`): accessible names of charts. */
export const blockMessages = defineMessages({
  itemBarsLabel: { id: 'report.itemBars.label', defaultMessage: '{title}: {items}' },
  itemBarsValue: { id: 'report.itemBars.value', defaultMessage: '{label} {value}' },
});
