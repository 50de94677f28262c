import { defineMessages } from 'react-intl';

/** The directory: HR's list of everyone imported. */
export const directoryMessages = defineMessages({
  title: { id: 'import.directory.title', defaultMessage: 'Directory' },
  count: {
    id: 'import.directory.count',
    defaultMessage: '{count, plural, one {# person} other {# people}} · leaders of leaders are marked',
  },
  countMatching: {
    id: 'import.directory.countMatching',
    defaultMessage: '{count, plural, one {# person} other {# people}} matching “{search}” · leaders of leaders are marked',
  },
  searchLabel: { id: 'import.directory.searchLabel', defaultMessage: 'Search people' },
  searchPlaceholder: { id: 'import.directory.searchPlaceholder', defaultMessage: 'Search by name or e-mail' },
  loadFailed: { id: 'import.directory.loadFailed', defaultMessage: 'The directory could not be loaded' },
  loading: { id: 'import.directory.loading', defaultMessage: 'Loading the directory…' },
  emptyTitle: { id: 'import.directory.empty.title', defaultMessage: 'Nobody here yet' },
  emptyBody: { id: 'import.directory.empty.body', defaultMessage: 'Import your organisation from a CSV file above.' },
  sortLabel: { id: 'import.directory.sortLabel', defaultMessage: 'Sort the directory' },
  sortName: { id: 'import.directory.sortName', defaultMessage: 'By name' },
  sortEmployeeId: { id: 'import.directory.sortEmployeeId', defaultMessage: 'By employee id' },
  leadersOnly: { id: 'import.directory.leadersOnly', defaultMessage: 'Leaders of leaders only' },
  table: { id: 'import.directory.table', defaultMessage: 'Directory' },
  name: { id: 'import.directory.column.name', defaultMessage: 'Name' },
  jobTitle: { id: 'import.directory.column.title', defaultMessage: 'Title' },
  department: { id: 'import.directory.column.department', defaultMessage: 'Department' },
  directReports: { id: 'import.directory.column.directReports', defaultMessage: 'Direct reports' },
  signIn: { id: 'import.directory.column.signIn', defaultMessage: 'Sign-in' },
  leaderOfLeaders: { id: 'import.directory.leaderOfLeaders', defaultMessage: 'Leader of leaders' },
});

/** HR gives a leader or manager a sign-in. */
export const signInMessages = defineMessages({
  buttonLabel: { id: 'import.signIn.buttonLabel', defaultMessage: 'Give sign-in to {name}' },
  button: { id: 'import.signIn.button', defaultMessage: 'Give sign-in' },
  doneTitle: { id: 'import.signIn.doneTitle', defaultMessage: '{name} can now sign in' },
  askTitle: { id: 'import.signIn.askTitle', defaultMessage: 'Give {name} a sign-in?' },
  passOn: {
    id: 'import.signIn.passOn',
    defaultMessage:
      'Pass this temporary password to {name} yourself, for example in person or by phone. It is shown only now; they sign in with <b>{email}</b>.',
  },
  copied: { id: 'import.signIn.copied', defaultMessage: 'Copied' },
  copy: { id: 'import.signIn.copy', defaultMessage: 'Copy' },
  done: { id: 'import.signIn.done', defaultMessage: 'Done' },
  explain: {
    id: 'import.signIn.explain',
    defaultMessage: '{name} will sign in with {email} and see their own released reports, and those of the leaders who report to them.',
  },
  hrAdmin: {
    id: 'import.signIn.hrAdmin',
    defaultMessage: 'Also make them an HR administrator (can run cycles and see every report)',
  },
  failed: { id: 'import.signIn.failed', defaultMessage: 'No sign-in was created' },
  cancel: { id: 'import.signIn.cancel', defaultMessage: 'Cancel' },
  create: { id: 'import.signIn.create', defaultMessage: 'Create sign-in' },
});

/** The progress bar of a large import. */
export const progressMessages = defineMessages({
  reading: { id: 'import.progress.reading', defaultMessage: 'Reading the file' },
  checking: { id: 'import.progress.checking', defaultMessage: 'Checking every row' },
  applying: { id: 'import.progress.applying', defaultMessage: 'Writing the directory' },
  done: { id: 'import.progress.done', defaultMessage: 'Finished' },
  failed: { id: 'import.progress.failed', defaultMessage: 'Stopped: see the problems below' },
  rows: { id: 'import.progress.rows', defaultMessage: '{phase}: {done, number} of {total, plural, one {# row} other {# rows}}' },
  sending: { id: 'import.progress.sending', defaultMessage: 'Sending the file' },
});

/** The organisation import: choose or paste a CSV, preview, apply. */
export const messages = defineMessages({
  title: { id: 'import.title', defaultMessage: 'Import the organisation' },
  intro: {
    id: 'import.intro',
    defaultMessage:
      'A CSV export from your HR system with the columns <code>employee_id, name, email, manager_id, title, department</code>. You see a preview first; nothing changes until you confirm.',
  },
  chooseFile: { id: 'import.chooseFile', defaultMessage: 'Choose a CSV file' },
  fileRows: { id: 'import.fileRows', defaultMessage: '{fileName} · {rows, plural, one {# row} other {# rows}}' },
  paste: { id: 'import.paste', defaultMessage: 'Or paste the CSV' },
  pastePlaceholder: {
    id: 'import.paste.placeholder',
    defaultMessage: 'employee_id,name,email,manager_id,title,department\nE1,Grace Hopper,grace@example.com,,Chief Executive,Executive',
    description: 'The CSV column names stay in English (the import reads them); the example person and address may be local.',
  },
  preview: { id: 'import.previewButton', defaultMessage: 'Preview import' },
  readFailed: { id: 'import.readFailed', defaultMessage: 'The file could not be read' },
  importedTitle: { id: 'import.imported.title', defaultMessage: 'Organisation imported' },
  importedBody: {
    id: 'import.imported.body',
    defaultMessage: '{created, plural, one {# person} other {# people}} added, {updated, number} updated, {unchanged, number} unchanged.',
  },
  previewLabel: { id: 'import.preview.label', defaultMessage: 'Import preview' },
  rows: { id: 'import.preview.rows', defaultMessage: 'Rows' },
  actionCreate: { id: 'import.action.create', defaultMessage: 'New' },
  actionUpdate: { id: 'import.action.update', defaultMessage: 'Changed' },
  actionUnchanged: { id: 'import.action.unchanged', defaultMessage: 'Unchanged' },
  problems: {
    id: 'import.preview.problems',
    defaultMessage: '{count, plural, one {# problem} other {# problems}} to fix before importing',
  },
  line: { id: 'import.column.line', defaultMessage: 'Line' },
  column: { id: 'import.column.column', defaultMessage: 'Column' },
  problem: { id: 'import.column.problem', defaultMessage: 'Problem' },
  noProblems: { id: 'import.preview.noProblems', defaultMessage: 'No problems found. Check the rows below, then import.' },
  apply: { id: 'import.preview.apply', defaultMessage: '{rows, plural, one {Import # person} other {Import # people}}' },
  rowsLabel: { id: 'import.preview.rowsLabel', defaultMessage: 'Rows to import' },
  employee: { id: 'import.column.employee', defaultMessage: 'Employee' },
  name: { id: 'import.column.name', defaultMessage: 'Name' },
  email: { id: 'import.column.email', defaultMessage: 'E-mail' },
  manager: { id: 'import.column.manager', defaultMessage: 'Manager' },
  change: { id: 'import.column.change', defaultMessage: 'Change' },
  error: { id: 'import.preview.error', defaultMessage: 'Error' },
});
