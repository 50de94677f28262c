import { Injectable } from '@nestjs/common';
import { ConflictError, InputError } from '../common/errors';
import { LiveUpdates } from '../common/live-updates';
import { SurveyAnswersInput } from './dto/survey.input';
import { DraftSaved } from './dto/survey.model';
import { checkSurveyAnswers } from './survey-answers';
import { SurveyLinks } from './survey-link';
import { SurveysRepository } from './surveys.repository';

/** Autosave: keeps partial answers so the rater can resume. */
@Injectable()
export class SaveDraftUseCase {
  constructor(
    private readonly links: SurveyLinks,
    private readonly surveys: SurveysRepository,
    private readonly live: LiveUpdates,
  ) {}

  async execute(input: SurveyAnswersInput, ip: string): Promise<DraftSaved> {
    await this.links.countUse(ip); // before the transaction (see SurveyLinks.countUse)
    const { saved, firstSave, cycleId } = await this.surveys.transaction(async (manager) => {
      const { assignment, cycle, instrument } = await this.links.open(input.token, ip, { manager, forWrite: true });
      SurveyLinks.requireOpen(cycle);
      if (assignment.status === 'submitted')
        throw new ConflictError('This survey was submitted and is read-only', { reason: 'submittedAlready' });
      const { problems, answers, comments, total } = checkSurveyAnswers(input, instrument, assignment.raterGroup, false, cycle.askedItems);
      if (problems.length) throw new InputError(problems);
      const now = new Date();
      await this.surveys.saveDraft(manager, assignment.id, {
        draftAnswers: answers,
        draftComments: comments,
        startedAt: assignment.startedAt ?? now,
      });
      return {
        saved: { savedAt: now, answered: Object.keys(answers).length, total },
        firstSave: assignment.status === 'invited',
        cycleId: cycle.id,
      };
    });
    // Announced after the commit, so subscribers never read the progress from before it.
    if (firstSave) this.live.changed(cycleId);
    return saved;
  }
}
