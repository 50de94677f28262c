import { Button } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { EmptyState, PageHeader } from '../app/ui';
import { ApprovalsView } from '../features/cycles/MyRaterLists';
import { MailOutbox } from '../features/notifications/MailOutbox';
import { MySurveys } from '../features/notifications/MySurveys';
import { MyReports } from '../features/report/MyReports';
import { ReportScreen } from '../features/report/ReportScreen';
import { TeamView } from '../features/team/TeamView';
import { messages as m } from './messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReportPage() {
  const intl = useIntl();
  const { cycleId = '', subjectId = '' } = useParams();
  // A mistyped or cut-off address is said so here, before asking the API.
  if (!UUID.test(cycleId) || !UUID.test(subjectId))
    return (
      <EmptyState
        title={intl.formatMessage(m.addressTitle)}
        action={
          <Button component={Link} to="/">
            {intl.formatMessage(m.addressAction)}
          </Button>
        }
      >
        {intl.formatMessage(m.address)}
      </EmptyState>
    );
  return <ReportScreen key={`${cycleId}:${subjectId}`} cycleId={cycleId} subjectId={subjectId} />;
}

export function MyReportsPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.myEyebrow)}
        title={intl.formatMessage(m.myTitle)}
        description={intl.formatMessage(m.myDescription)}
      />
      <MySurveys />
      <MyReports />
    </>
  );
}

export function TeamPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.managerEyebrow)}
        title={intl.formatMessage(m.teamTitle)}
        description={intl.formatMessage(m.teamDescription)}
      />
      <MySurveys />
      <TeamView />
    </>
  );
}

export function MailOutboxPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.hrEyebrow)}
        title={intl.formatMessage(m.outboxTitle)}
        description={intl.formatMessage(m.outboxDescription)}
      />
      <MailOutbox />
    </>
  );
}

export function ApprovalsPage() {
  const intl = useIntl();
  return (
    <>
      <PageHeader
        eyebrow={intl.formatMessage(m.managerEyebrow)}
        title={intl.formatMessage(m.approvalsTitle)}
        description={intl.formatMessage(m.approvalsDescription)}
      />
      <ApprovalsView />
    </>
  );
}
