import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { homePath, useAuth, type RoleName } from '../features/auth/AuthProvider';
import { messages as m } from './messages';
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
    return <ErrorState error={new Error(intl.formatMessage(m.otherRole))} what={intl.formatMessage(m.noAccess)} />;
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
      <Page>
        <LoginPage />
      </Page>
    ),
  },
  {
    path: '/survey/:token',
    element: (
      <Page>
        <RaterSurveyPage />
      </Page>
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
      { index: true, element: <Home /> },
      {
        path: 'cycles',
        element: (
          <RequireAuth roles={['HR_ADMIN']}>
            <CyclesPage />
          </RequireAuth>
        ),
      },
      {
        path: 'cycles/new',
        element: (
          <RequireAuth roles={['HR_ADMIN']}>
            <NewCyclePage />
          </RequireAuth>
        ),
      },
      {
        path: 'cycles/:cycleId',
        element: (
          <RequireAuth roles={['HR_ADMIN']}>
            <CycleDetailPage />
          </RequireAuth>
        ),
      },
      { path: 'cycles/:cycleId/reports/:subjectId', element: <ReportPage /> },
      {
        path: 'people',
        element: (
          <RequireAuth roles={['HR_ADMIN']}>
            <PeoplePage />
          </RequireAuth>
        ),
      },
      {
        path: 'mail-outbox',
        element: (
          <RequireAuth roles={['HR_ADMIN']}>
            <MailOutboxPage />
          </RequireAuth>
        ),
      },
      { path: 'my-reports', element: <MyReportsPage /> },
      {
        path: 'approvals',
        element: (
          <RequireAuth roles={['MANAGER']}>
            <ApprovalsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'team',
        element: (
          <RequireAuth roles={['MANAGER']}>
            <TeamPage />
          </RequireAuth>
        ),
      },
      {
        path: 'coaching',
        element: (
          <RequireAuth roles={['COACH']}>
            <CoachingPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
