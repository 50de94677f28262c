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
    // A follow-up pulse asks only the slots of the leader's plan, each worded with its focus area.
    const focusAreas = cycle.kind === 'pulse' ? await this.surveys.pulseFocusAreas(cycle.id) : null;
    const asked = (item: { id: string }) => !cycle.askedItems || cycle.askedItems.includes(item.id);
    const wording = (item: { id: string; text: string }) => {
      const area = focusAreas?.find((a) => a.slot === item.id);
      return area ? pulseItemText(subject.name, area.label) : item.text;
    };
    const observes = (item: { id: string; observers: string[] }) => item.observers.includes(group) && asked(item);
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
                items: instrument.items.filter((i) => i.dimensionId === d.id && observes(i)).map((i) => ({ id: i.id, text: wording(i) })),
              }))
              .filter((d) => d.items.length > 0),
      // A submitted survey shows that it was submitted and when, never the answers (docs/anonymity.md).
      submittedAt: submitted ? assignment.submittedAt : null,
      answers: submitted ? [] : Object.entries(assignment.draftAnswers).map(([itemId, value]) => ({ itemId, value })),
      comments: submitted ? [] : Object.entries(assignment.draftComments).map(([dimensionId, text]) => ({ dimensionId, text })),
    };
  }
}

/** A pulse item as the rater reads it: the focus area's name (a dimension) or text (an item) and the question. */
export function pulseItemText(subjectName: string, focusArea: string): string {
  return `“${focusArea}” — since the last review, how much more or less effective has ${subjectName} become here?`;
}
