import { IDENTIFIABLE_GROUPS } from '@leaderscope/vocabulary';
import { Injectable } from '@nestjs/common';
import { RaterSurvey } from './dto/survey.model';
import { SurveyLinkError, SurveyLinks } from './survey-link';
import { SurveysRepository } from './surveys.repository';

/** The survey behind a link: subject, relationship, anonymity promise and the items the rater's group observes. */
@Injectable()
export class OpenSurveyUseCase {
  constructor(
    private readonly links: SurveyLinks,
    private readonly surveys: SurveysRepository,
  ) {}

  async execute(token: string, ip: string): Promise<RaterSurvey> {
    const { assignment, cycle, instrument } = await this.links.open(token, ip);
    if (cycle.status === 'draft') throw new SurveyLinkError();
    const subject = await this.surveys.subject(assignment.subjectId);
    const group = assignment.raterGroup;
    const observes = (item: { observers: string[] }) => item.observers.includes(group);
    const identifiable = IDENTIFIABLE_GROUPS.includes(group);
    const submitted = assignment.status === 'submitted';
    // A closed cycle's link is a notice ("this survey closed on …"), not a form.
    const closedAt =
      cycle.status === 'closed' || cycle.status === 'released'
        ? (cycle.closedAt ?? cycle.closesAt)
        : cycle.closesAt.getTime() <= Date.now()
          ? cycle.closesAt
          : null;
    return {
      cycleName: cycle.name,
      subjectName: subject.name,
      relationship: group,
      anonymityThreshold: cycle.anonymityThreshold,
      identifiable,
      anonymityNote: identifiable
        ? group === 'self'
          ? 'This is your self-assessment: it is shown to you and compared with how others see you.'
          : `As ${subject.name}'s manager, your answers are shown as the manager's view and can be recognised as yours. Comments are shown without your name.`
        : `Your answers are combined with others in your group and shown only when at least ${cycle.anonymityThreshold} people in the group have answered. Nobody sees who gave which answer, and comments are shown without names.`,
      closesAt: cycle.closesAt,
      closedAt,
      status: assignment.status,
      scale: instrument.scale.labels.map((label, i) => ({ value: instrument.scale.min + i, label })),
      notAbleToRateLabel: instrument.scale.notAbleToRate,
      dimensions:
        closedAt || submitted
          ? []
          : instrument.dimensions
              .map((d) => ({
                id: d.id,
                name: d.name,
                description: d.description,
                items: instrument.items.filter((i) => i.dimensionId === d.id && observes(i)).map((i) => ({ id: i.id, text: i.text })),
              }))
              .filter((d) => d.items.length > 0),
      // A submitted survey shows that it was submitted and when, never the answers (docs/anonymity.md).
      submittedAt: submitted ? assignment.submittedAt : null,
      answers: submitted ? [] : Object.entries(assignment.draftAnswers).map(([itemId, value]) => ({ itemId, value })),
      comments: submitted ? [] : Object.entries(assignment.draftComments).map(([dimensionId, text]) => ({ dimensionId, text })),
    };
  }
}
