import { useParams } from 'react-router';
import { PageHeader } from '../app/ui';
import { MailOutbox } from '../features/notifications/MailOutbox';
import { MySurveys } from '../features/notifications/MySurveys';
import { MyReports } from '../features/report/MyReports';
import { ReportScreen } from '../features/report/ReportScreen';
import { TeamView } from '../features/team/TeamView';

export function ReportPage() {
  const { cycleId = '', subjectId = '' } = useParams();
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
      <PageHeader eyebrow="Manager" title="My leaders" description="How the leaders who report to you are seen, against the role’s targets." />
      <MySurveys />
      <TeamView />
    </>
  );
}


export function MailOutboxPage() {
  return (
    <>
      <PageHeader eyebrow="HR" title="Mail outbox" description="The mails Leaderscope would have sent. Opening one is recorded in the audit log." />
      <MailOutbox />
    </>
  );
}
