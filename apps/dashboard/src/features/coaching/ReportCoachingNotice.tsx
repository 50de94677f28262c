import { useQuery } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { m } from './messages';
import { REPORT_COACHING } from './operations';

/**
 * On a report page of a coached cycle. While the debrief is not done, the leader (and their
 * manager) are refused the report: instead of the refusal they read who it waits for (`fallback`
 * otherwise). The coach reads whether their debrief is done.
 */
export function ReportCoachingNotice({
  cycleId,
  subjectId,
  isLeader,
  refused,
  fallback = null,
  header = null,
}: {
  cycleId: string;
  subjectId: string;
  isLeader: boolean;
  /** The report itself was refused (the leader or manager before the debrief). */
  refused: boolean;
  fallback?: ReactNode;
  /** Shown above the waiting notice (the page's header, when the report itself is refused). */
  header?: ReactNode;
}) {
  const intl = useIntl();
  const query = useQuery(REPORT_COACHING, { variables: { cycleId, subjectId }, fetchPolicy: 'cache-and-network' });
  const coaching = query.data?.reportCoaching;
  if (query.loading && !query.data) return null;
  if (!coaching) return <>{refused ? fallback : null}</>;
  if (coaching.viewerIsCoach)
    return (
      <Alert color={coaching.debriefDone ? 'teal' : 'orange'} variant="light" mb="md">
        {coaching.debriefDone && coaching.debriefDoneAt
          ? intl.formatMessage(m.coachBannerDone, { date: intl.formatDate(new Date(coaching.debriefDoneAt), { dateStyle: 'medium' }) })
          : intl.formatMessage(m.coachBanner)}
      </Alert>
    );
  if (!refused || coaching.debriefDone) return <>{refused ? fallback : null}</>;
  const text = isLeader
    ? coaching.coachName
      ? intl.formatMessage(m.pendingLeader, { coach: coaching.coachName })
      : intl.formatMessage(m.pendingLeaderNoCoach)
    : intl.formatMessage(m.pendingManager, { coach: coaching.coachName ?? '—' });
  return (
    <>
      {header}
      <Alert color="blue" variant="light" role="status" title={intl.formatMessage(m.pendingTitle)}>
        {text}
      </Alert>
    </>
  );
}
