import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { homePath, useAuth, type RoleName } from '../features/auth/AuthProvider';
import { Titled } from './DocumentTitle';
import { PlainError } from './errors';
import { messages as m, titleMessages as t } from './messages';
import { ErrorState } from './ui';

// Each area loads on first visit: a rater's survey never downloads the HR console or the charts.
const hr = () => import('../pages/HrPages');
const other = () => import('../pages/OtherPages');
const CyclesPage = lazy(() => hr().then((m) => ({ default: m.CyclesPage })));
const NewCyclePage = lazy(() => hr().then((m) => ({ default: m.NewCyclePage })));
const CycleDetailPage = lazy(() => hr().then((m) => ({ default: m.CycleDetailPage })));
const PeoplePage = lazy(() => hr().then((m) => ({ default: m.PeoplePage })));
const ReportPage = lazy(() => other().then((m) => ({ default: m.ReportPage })));
const MyReportsPage = lazy(() => other().then((m) => ({ default: m.MyReportsPage })));
const TeamPage = lazy(() => other().then((m) => ({ default: m.TeamPage })));
const MailOutboxPage = lazy(() => other().then((m) => ({ default: m.MailOutboxPage })));
const ApprovalsPage = lazy(() => other().then((m) => ({ default: m.ApprovalsPage })));
const CoachingPage = lazy(() => import('../features/coaching/CoachHome').then((m) => ({ default: m.CoachingPage })));
// The sign-in page, the signed-in shell and "not found" are lazy too, so the rater's survey (the
// page people open on phones from an e-mail) downloads only what it needs.
const LoginPage = lazy(() => import('../pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const Layout = lazy(() => import('./Layout').then((m) => ({ default: m.Layout })));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const RaterSurveyPage = lazy(() => import('../pages/SurveyRoute').then((m) => ({ default: m.RaterSurveyPage })));

function Page({ children }: { children: ReactNode }) {
  const intl = useIntl();
  return (
    <Suspense
      fallback={
        <Center h="50vh" role="status" aria-label={intl.formatMessage(m.loading)}>
          <Loader />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

function RequireAuth({ children, roles }: { children: ReactNode; roles?: RoleName[] }) {
  const intl = useIntl();
  const { token, me, loading, error } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (loading || (!me && !error))
    return (
      <Center h="60vh" role="status" aria-label={intl.formatMessage(m.loading)}>
        <Loader />
      </Center>
    );
  if (!me) return <ErrorState error={error} what={intl.formatMessage(m.accountFailed)} onRetry={() => window.location.reload()} />;
  if (roles && !roles.some((r) => me.roles.includes(r)))
    return <ErrorState error={new PlainError(intl.formatMessage(m.otherRole))} what={intl.formatMessage(m.noAccess)} />;
  return <Page>{children}</Page>;
}

function Home() {
  const { me } = useAuth();
  return <Navigate to={homePath(me)} replace />;
}

export const routes = [
  {
    path: '/login',
    element: (
      <Titled page={t.signIn}>
        <Page>
          <LoginPage />
        </Page>
      </Titled>
    ),
  },
  {
    path: '/survey/:token',
    element: (
      <Titled page={t.survey}>
        <Page>
          <RaterSurveyPage />
        </Page>
      </Titled>
    ),
  },
  {
    element: (
      <RequireAuth>
        <Page>
          <Layout />
        </Page>
      </RequireAuth>
    ),
    children: [
      {
        index: true,
        element: (
          <Titled page={t.home}>
            <Home />
          </Titled>
        ),
      },
      {
        path: 'cycles',
        element: (
          <Titled page={t.cycles}>
            <RequireAuth roles={['HR_ADMIN']}>
              <CyclesPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'cycles/new',
        element: (
          <Titled page={t.newCycle}>
            <RequireAuth roles={['HR_ADMIN']}>
              <NewCyclePage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'cycles/:cycleId',
        element: (
          <Titled page={t.cycle}>
            <RequireAuth roles={['HR_ADMIN']}>
              <CycleDetailPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'cycles/:cycleId/reports/:subjectId',
        element: (
          <Titled page={t.report}>
            <ReportPage />
          </Titled>
        ),
      },
      {
        path: 'people',
        element: (
          <Titled page={t.people}>
            <RequireAuth roles={['HR_ADMIN']}>
              <PeoplePage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'mail-outbox',
        element: (
          <Titled page={t.outbox}>
            <RequireAuth roles={['HR_ADMIN']}>
              <MailOutboxPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'my-reports',
        element: (
          <Titled page={t.myReports}>
            <MyReportsPage />
          </Titled>
        ),
      },
      {
        path: 'approvals',
        element: (
          <Titled page={t.approvals}>
            <RequireAuth roles={['MANAGER']}>
              <ApprovalsPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'team',
        element: (
          <Titled page={t.team}>
            <RequireAuth roles={['MANAGER']}>
              <TeamPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: 'coaching',
        element: (
          <Titled page={t.coaching}>
            <RequireAuth roles={['COACH']}>
              <CoachingPage />
            </RequireAuth>
          </Titled>
        ),
      },
      {
        path: '*',
        element: (
          <Titled page={t.notFound}>
            <NotFoundPage />
          </Titled>
        ),
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
