import { Alert, Badge, Button, Group, Select, Text } from '@mantine/core';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, profileName } from '../../app/theme';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../app/ui';
import { useAuth } from '../auth/AuthProvider';
import { DevelopmentPlanSection } from '../development-plan/DevelopmentPlanSection';
import { CYCLE, CYCLES, RESULT_SETS } from '../cycles/operations';
import { SUBJECT_REPORT, SUBJECT_REPORT_CHANGED } from './operations';
import { downloadReportPdf } from './pdf';
import { ReportView } from './ReportView';

/**
 * Rescores named by what changed — the role profile read against and when it was scored — rather
 * than by their id. (The API does not yet say which instrument version a result set used.)
 */
function useRescoreLabels(cycleId: string, subjectId: string, sets: readonly string[]): Record<string, string> {
  const client = useApolloClient();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const key = sets.join(',');
  useEffect(() => {
    let stale = false;
    for (const resultSet of sets) {
      if (resultSet === 'live') continue;
      void client
        .query({ query: SUBJECT_REPORT, variables: { cycleId, subjectId, resultSet } })
        .then(({ data }) => {
          const r = data?.subjectReport;
          if (!stale && r)
            setLabels((prev) => ({
              ...prev,
              [resultSet]: `Rescore: ${profileName(r.roleProfileId)} profile, scored ${formatDate(r.scoredAt, true)}`,
            }));
        })
        .catch(() => undefined);
    }
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, cycleId, subjectId, key]);
  return labels;
}

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
  const setLabels = useRescoreLabels(cycleId, subjectId, sets.data?.resultSets ?? []);
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

  const [pdfState, setPdfState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const report = reportQuery.data?.subjectReport;
  const subjectName = report?.subject.name ?? cycle?.subjects.find((s) => s.id === subjectId)?.name ?? 'Report';

  const pdf = async () => {
    setPdfState({ loading: true, error: null });
    try {
      await downloadReportPdf(cycleId, subjectId, `${subjectName.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-360-report.pdf`);
      setPdfState({ loading: false, error: null });
    } catch (e) {
      setPdfState({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  if (reportQuery.error)
    return <ErrorState error={reportQuery.error} what="The report could not be shown" onRetry={() => void reportQuery.refetch()} />;
  if (!report && reportQuery.loading) return <Loading label="Loading the report…" />;

  const subject = report?.subject;
  return (
    <>
      <PageHeader
        eyebrow={cycle ? cycle.name : '360 report'}
        title={subjectName}
        description={
          report ? (
            <>
              {[subject?.title, subject?.department].filter(Boolean).join(' · ')}
              {subject?.title || subject?.department ? ' — ' : ''}
              {report.responseCount} responses, read against the {profileName(report.roleProfileId).toLowerCase()} profile. Updated{' '}
              {formatDate(report.scoredAt, true)}.
            </>
          ) : undefined
        }
        actions={
          <>
            {hr && cycle && (
              <Button component={Link} to={`/cycles/${cycle.id}?tab=results`} variant="default">
                Back to cycle
              </Button>
            )}
            {report && (
              <Button
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
                onClick={() => void pdf()}
                loading={pdfState.loading}
                variant="light"
              >
                Download PDF
              </Button>
            )}
          </>
        }
      />
      {pdfState.error && (
        <Alert color="red" variant="light" mb="md" role="alert" title="The PDF could not be downloaded">
          {pdfState.error}
        </Alert>
      )}
      {(hr || live) && report && (
        <Group gap="sm" mb="md" wrap="wrap">
          {live && (
            <Badge color="teal" variant="dot" size="lg">
              Live — updates as answers arrive
            </Badge>
          )}
          {report.visibility === 'live' && !live && (
            <Badge color="gray" variant="light" size="lg">
              HR view: live figures
            </Badge>
          )}
          {hr && (sets.data?.resultSets.length ?? 0) > 1 && (
            <Select
              aria-label="Result set"
              size="xs"
              w={260}
              value={resultSet}
              onChange={(v) => setResultSet(v ?? 'live')}
              data={sets.data!.resultSets.map((s) => ({
                value: s,
                label: s === 'live' ? 'As scored in the cycle' : (setLabels[s] ?? 'Rescore (being read…)'),
              }))}
              allowDeselect={false}
            />
          )}
        </Group>
      )}
      {!report ? (
        <EmptyState title="No answers have been scored yet">
          The report appears as soon as the first answers about {subjectName} have been scored.{live ? ' This page updates by itself.' : ''}
        </EmptyState>
      ) : (
        <ReportView
          report={report}
          threshold={cycle?.anonymityThreshold ?? 3}
          previous={
            previousCycle && previousReport.data?.subjectReport
              ? { report: previousReport.data.subjectReport, cycleName: previousCycle.name }
              : null
          }
        />
      )}
      {/* The leader and their manager (the published report) reach the plan; HR sees only who has one, on the cycle page. */}
      {report?.visibility === 'published' && (
        <DevelopmentPlanSection
          anchor
          cycleId={cycleId}
          subjectId={subjectId}
          subjectName={subjectName}
          isLeader={me?.person?.id === subjectId}
          choices={{ dimensions: report.dimensions, items: report.items }}
        />
      )}
      {!report && !live && hr && cycle?.status === 'DRAFT' && (
        <Text c="dimmed" size="sm" ta="center">
          The cycle has not been launched yet.
        </Text>
      )}
    </>
  );
}
