import { useIntl } from 'react-intl';
import { messages as m } from './messages';
import { Box, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartRadar, IconLock, IconUsersGroup } from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Logo } from '../app/Brand';
import { BRAND } from '../app/BrandMark';
import { homePath, useAuth } from '../features/auth/AuthProvider';
import { LoginForm } from '../features/auth/LoginForm';

export function LoginPage() {
  const intl = useIntl();
  const { me, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (me) return <Navigate to={from ?? homePath(me)} replace />;
  return (
    <Box className="login-page">
      <Box className="login-brand" component="aside" aria-label={intl.formatMessage(m.aboutLeaderscope)}>
        <Stack gap="lg" maw={440}>
          <Box className="login-logo">
            <Logo size={40} />
            <Text fw={750} fz={26} c="white">
              {BRAND}
            </Text>
          </Box>
          <Title order={2} c="white" fz={{ base: 24, md: 32 }} lh={1.2}>
            {intl.formatMessage(m.tagline)}
          </Title>
          <List spacing="md" c="white" center>
            <List.Item
              icon={
                <ThemeIcon color="rgba(255,255,255,0.15)" radius="xl" size={32}>
                  <IconChartRadar size={18} aria-hidden />
                </ThemeIcon>
              }
            >
              {intl.formatMessage(m.pointRole)}
            </List.Item>
            <List.Item
              icon={
                <ThemeIcon color="rgba(255,255,255,0.15)" radius="xl" size={32}>
                  <IconUsersGroup size={18} aria-hidden />
                </ThemeIcon>
              }
            >
              {intl.formatMessage(m.pointViews)}
            </List.Item>
            <List.Item
              icon={
                <ThemeIcon color="rgba(255,255,255,0.15)" radius="xl" size={32}>
                  <IconLock size={18} aria-hidden />
                </ThemeIcon>
              }
            >
              {intl.formatMessage(m.pointAnonymity)}
            </List.Item>
          </List>
        </Stack>
      </Box>
      <Box className="login-form-side" component="main" id="main">
        <Card padding="xl" w="100%" maw={420} shadow="sm">
          <Title order={1} fz={26}>
            {intl.formatMessage(m.signIn)}
          </Title>
          <Text c="dimmed" size="sm" mt={4} mb="lg">
            {intl.formatMessage(m.signInHint)}
          </Text>
          <LoginForm
            onSignedIn={async (token) => {
              await signIn(token);
              await navigate(from ?? '/', { replace: true });
            }}
          />
        </Card>
      </Box>
    </Box>
  );
}
