import { Button } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { EmptyState, PageHeader } from '../app/ui';
import { ApprovalsView } from '../features/cycles/MyRaterLists';
import { MailOutbox } from '../features/notifications/MailOutbox';
import { MySurveys } from '../features/notifications/MySurveys';
import { MyReports } from '../features/report/MyReports';
import { ReportScreen } from '../features/report/ReportScreen';
import { TeamView } from '../features/team/TeamView';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReportPage() {
  const { cycleId = '', subjectId = '' } = useParams();
  // A mistyped or cut-off address is said so here, before asking the API.
  if (!UUID.test(cycleId) || !UUID.test(subjectId))
    return (
      <EmptyState
        title="This report address is not complete"
        action={
          <Button component={Link} to="/">
            Go to my start page
          </Button>
        }
      >
        The link may have been cut off when it was copied. Open the report again from your list of reports or cycles.
      </EmptyState>
    );
  return <ReportScreen key={`${cycleId}:${subjectId}`} cycleId={cycleId} subjectId={subjectId} />;
}

export function MyReportsPage() {
  return (
    <>
      <PageHeader eyebrow="Your development" title="My feedback" description="Your 360 reports, once HR has released them." />
      <MySurveys />
      <MyReports />
    </>
  );
}

export function TeamPage() {
  return (
    <>
      <PageHeader
        eyebrow="Manager"
        title="My leaders"
        description="How the leaders who report to you are seen, against the role’s targets."
      />
      <MySurveys />
      <TeamView />
    </>
  );
}

export function MailOutboxPage() {
  return (
    <>
      <PageHeader
        eyebrow="HR"
        title="Mail outbox"
        description="The mails Leaderscope would have sent. Opening one is recorded in the audit log."
      />
      <MailOutbox />
    </>
  );
}

export function ApprovalsPage() {
  return (
    <>
      <PageHeader
        eyebrow="Manager"
        title="Raters to approve"
        description="Check who will give feedback to the leaders who report to you, then approve each list."
      />
      <ApprovalsView />
    </>
  );
}
