import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewaySchemaSdl } from './schema';

describe('schema.graphql', () => {
  it('matches the resolvers (run `npm run schema -w @leaderscope/gateway` after changing the API)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(await gatewaySchemaSdl()).toBe(committed);
  });

  it('has every operation clients rely on', async () => {
    const sdl = await gatewaySchemaSdl();
    const names = [
      'me',
      'people',
      'cycles',
      'cycle',
      'cycleProgress',
      'raterSurvey',
      'subjectReport',
      'cycleHeatmap',
      'teamReport',
      'raterInvitations',
      'login',
      'importPeople',
      'createCycle',
      'addSubjects',
      'proposeRaters',
      'nominateRater',
      'approveNominations',
      'launchCycle',
      'saveSurveyDraft',
      'submitSurvey',
      'sendReminders',
      'closeCycle',
      'releaseResults',
      'rescoreCycle',
      'cycleProgressChanged',
      'subjectReportChanged',
      'cycleReliability',
    ];
    for (const name of names) expect(sdl).toMatch(new RegExp(`\\n  ${name}[(:]`));
  });
});
