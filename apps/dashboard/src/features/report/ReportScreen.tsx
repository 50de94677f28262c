import { Alert, Badge, Button, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { IconFileTypePdf } from '@tabler/icons-react';
import { describeReport } from '@leaderscope/messages/src/report';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useProfileName } from '../../app/instruments';
import { DownloadError, downloadFile, fileNameOf } from '../../app/download';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../app/ui';
import { errorCode } from '../../app/errors';
import { useAuth } from '../auth/AuthProvider';
import { REPORT_COACHING } from '../coaching/operations';
import { ReportCoachingNotice } from '../coaching/ReportCoachingNotice';
import { DevelopmentPlanSection } from '../development-plan/DevelopmentPlanSection';
import { PulseSection } from '../pulse/PulseSection';
import { CYCLE, CYCLES, RESULT_SETS } from '../cycles/operations';
import { SUBJECT_REPORT, SUBJECT_REPORT_CHANGED } from './operations';
import { messages } from './messages';
import { ReportView } from './ReportView';

/** A subject's report with everything around it: result set, live updates (HR), previous cycle, PDF. */
export function ReportScreen({ cycleId, subjectId }: { cycleId: string; subjectId: string }) {
  const { hasRole, me } = useAuth();
  const hr = hasRole('HR_ADMIN');
  const [resultSet, setResultSet] = useState('live');
  const cycleQuery = useQuery(CYCLE, { variables: { id: cycleId } });
  const cycle = cycleQuery.data?.cycle;
  const reportQuery = useQuery(SUBJECT_REPORT, {
    variables: { cycleId, subjectId, resultSet: hr && resultSet !== 'live' ? resultSet : null },
    fetchPolicy: 'cache-and-network',
  });
  const sets = useQuery(RESULT_SETS, { variables: { cycleId }, skip: !hr });
  // A coached cycle: whether the viewer is the leader's coach (the same query as the coaching notice).
  const coaching = useQuery(REPORT_COACHING, { variables: { cycleId, subjectId }, skip: hr });
  const live = hr && resultSet === 'live' && (cycle?.status === 'LAUNCHED' || cycle?.status === 'CLOSED');
  const { subscribeToMore } = reportQuery;

  useEffect(() => {
    if (!live) return;
    return subscribeToMore({
      document: SUBJECT_REPORT_CHANGED,
      variables: { cycleId, subjectId },
      updateQuery: (_prev, { subscriptionData }) =>
        subscriptionData.data?.subjectReportChanged ? { subjectReport: subscriptionData.data.subjectReportChanged } : undefined,
    });
  }, [live, subscribeToMore, cycleId, subjectId]);

  // The change since the previous cycle: the latest earlier released cycle this person was a subject in.
  const cycles = useQuery(CYCLES, { skip: !cycle });
  const previousCycle = useMemo(() => {
    if (!cycle) return null;
    return (
      (cycles.data?.cycles ?? [])
        .filter(
          (c) =>
            c.id !== cycle.id &&
            c.status === 'RELEASED' &&
            c.subjects.some((s) => s.id === subjectId) &&
            new Date(c.opensAt) < new Date(cycle.opensAt),
        )
        .sort((a, b) => +new Date(b.opensAt) - +new Date(a.opensAt))[0] ?? null
    );
  }, [cycles.data, cycle, subjectId]);
  const previousReport = useQuery(SUBJECT_REPORT, { variables: { cycleId: previousCycle?.id ?? '', subjectId }, skip: !previousCycle });

  const intl = useIntl();
  const profileName = useProfileName();
  // Rescores named by what changed: instrument version, role profile and date, never by their id.
  const resultSetOptions = (sets.data?.resultSetDetails ?? []).map((s) => ({
    value: s.id,
    label: s.live
      ? intl.formatMessage(messages.asScored)
      : intl.formatMessage(messages.rescore, {
          version: s.instrumentVersion,
          profile: s.roleProfileName ?? profileName(s.roleProfileId),
          date: formatDate(s.scoredAt, true),
        }),
  }));
  const [pdfState, setPdfState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const report = reportQuery.data?.subjectReport;
  const subjectName =
    report?.subject.name ?? cycle?.subjects.find((s) => s.id === subjectId)?.name ?? intl.formatMessage(messages.fallbackTitle);
  const threshold = cycle?.anonymityThreshold ?? 3;
  const previousData = previousReport.data?.subjectReport;
  const previous = useMemo(
    () => (previousCycle && previousData ? { report: previousData, cycleName: previousCycle.name } : null),
    [previousCycle, previousData],
  );
  // The one description of the report: the PDF is drawn from the same (apps/gateway/src/exports).
  const profile = profileName(report?.roleProfileId);
  const document = useMemo(
    () => (report ? describeReport(report, { threshold, profileName: profile, previous }, intl) : null),
    [report, threshold, profile, previous, intl],
  );

  const pdf = async () => {
    setPdfState({ loading: true, error: null });
    try {
      await downloadFile(
        `/reports/${encodeURIComponent(cycleId)}/${encodeURIComponent(subjectId)}.pdf`,
        fileNameOf(subjectName, '360-report.pdf'),
      );
      setPdfState({ loading: false, error: null });
    } catch (e) {
      const status = e instanceof DownloadError ? e.status : 0;
      setPdfState({
        loading: false,
        error: intl.formatMessage(status === 401 || status === 403 ? messages.pdfNoAccess : messages.pdfHttp, { status }),
      });
    }
  };

  if (reportQuery.error) {
    const failed = (
      <ErrorState error={reportQuery.error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void reportQuery.refetch()} />
    );
    // A coached cycle before the debrief: the leader and manager read who the report waits for.
    return errorCode(reportQuery.error) === 'FORBIDDEN' ? (
      <ReportCoachingNotice
        cycleId={cycleId}
        subjectId={subjectId}
        isLeader={me?.person?.id === subjectId}
        refused
        fallback={failed}
        header={<PageHeader eyebrow={cycle ? cycle.name : intl.formatMessage(messages.eyebrow)} title={subjectName} />}
      />
    ) : (
      failed
    );
  }
  if (!report && reportQuery.loading) return <Loading label={intl.formatMessage(messages.loading)} />;

  return (
    <>
      <PageHeader
        eyebrow={cycle ? cycle.name : intl.formatMessage(messages.eyebrow)}
        title={subjectName}
        description={document?.subtitle}
        actions={
          <>
            {hr && cycle && (
              <Button component={Link} to={`/cycles/${cycle.id}?tab=results`} variant="default">
                {intl.formatMessage(messages.backToCycle)}
              </Button>
            )}
            {report && (
              <Button
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
                onClick={() => void pdf()}
                loading={pdfState.loading}
                variant="light"
              >
                {intl.formatMessage(messages.downloadPdf)}
              </Button>
            )}
          </>
        }
      />
      {!hr && <ReportCoachingNotice cycleId={cycleId} subjectId={subjectId} isLeader={me?.person?.id === subjectId} refused={false} />}
      {pdfState.error && (
        <Alert color="red" variant="light" mb="md" role="alert" title={intl.formatMessage(messages.pdfFailed)}>
          {pdfState.error}
        </Alert>
      )}
      {(hr || live) && report && (
        <Group gap="sm" mb="md" wrap="wrap">
          {live && (
            <Badge color="teal" variant="dot" size="lg">
              {intl.formatMessage(messages.live)}
            </Badge>
          )}
          {report.visibility === 'live' && !live && (
            <Badge color="gray" variant="light" size="lg">
              {intl.formatMessage(messages.hrLive)}
            </Badge>
          )}
          {hr && resultSetOptions.length > 1 && (
            <Select
              aria-label={intl.formatMessage(messages.resultSet)}
              size="xs"
              w={320}
              value={resultSet}
              onChange={(v) => setResultSet(v ?? 'live')}
              data={resultSetOptions}
              allowDeselect={false}
            />
          )}
        </Group>
      )}
      {!document ? (
        <EmptyState title={intl.formatMessage(messages.noAnswersTitle)}>
          {intl.formatMessage(messages.noAnswers, { name: subjectName, live: live ? 'yes' : 'no' })}
        </EmptyState>
      ) : (
        <ReportView document={document} />
      )}
      {/* The leader and their manager (the published report) reach the plan; HR sees only who has one, on the cycle page. */}
      {report?.visibility === 'published' && (
        <DevelopmentPlanSection
          anchor
          cycleId={cycleId}
          subjectId={subjectId}
          subjectName={subjectName}
          isLeader={me?.person?.id === subjectId}
          isCoach={Boolean(coaching.data?.reportCoaching?.viewerIsCoach)}
          choices={{ dimensions: report.dimensions, items: report.items }}
        />
      )}
      {/* The follow-up pulse: the leader and their manager (focus areas and result), HR (starts it, sees counts). */}
      {(report?.visibility === 'published' || (hr && cycle?.status === 'RELEASED')) && (
        <PulseSection
          cycleId={cycleId}
          subjectId={subjectId}
          subjectName={subjectName}
          canStart={me?.person?.id === subjectId || hr}
          isHr={hr && report?.visibility !== 'published'}
          candidates={me?.person?.id === subjectId && !hr ? cycle?.subjects.filter((s) => s.id !== subjectId) : undefined}
        />
      )}
      {!report && !live && hr && cycle?.status === 'DRAFT' && (
        <Text c="dimmed" size="sm" ta="center">
          {intl.formatMessage(messages.notLaunched)}
        </Text>
      )}
    </>
  );
}
