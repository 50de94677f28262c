import { AppShell, Avatar, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartRadar, IconChecklist, IconLogout, IconMail, IconUsersGroup, IconRefresh, IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useAuth, type RoleName } from '../features/auth/AuthProvider';
import { Brand } from './Brand';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  roles: RoleName[];
  description: string;
}

const NAV: NavItem[] = [
  {
    to: '/cycles',
    label: 'Review cycles',
    icon: <IconRefresh size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: 'Set up, run and release',
  },
  {
    to: '/mail-outbox',
    label: 'Mail outbox',
    icon: <IconMail size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: 'Mails not sent (no mail server)',
  },
  {
    to: '/people',
    label: 'Organisation',
    icon: <IconUpload size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: 'Directory and import',
  },
  {
    to: '/my-reports',
    label: 'My feedback',
    icon: <IconChartRadar size={18} aria-hidden />,
    roles: ['LEADER'],
    description: 'Your 360 reports',
  },
  {
    to: '/approvals',
    label: 'Raters to approve',
    icon: <IconChecklist size={18} aria-hidden />,
    roles: ['MANAGER'],
    description: 'Approve rater lists',
  },
  {
    to: '/team',
    label: 'My leaders',
    icon: <IconUsersGroup size={18} aria-hidden />,
    roles: ['MANAGER'],
    description: 'Team heatmap and reports',
  },
];

const ROLE_WORDS: Record<RoleName, string> = { HR_ADMIN: 'HR administrator', LEADER: 'Leader', MANAGER: 'Manager' };

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { me, signOut } = useAuth();
  const location = useLocation();
  const items = NAV.filter((item) => item.roles.some((role) => me?.roles.includes(role)));
  const name = me?.person?.name ?? me?.email ?? '';

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Brand />
          </Group>
          <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
            {me?.organisation.name}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                label={item.label}
                description={item.description}
                leftSection={item.icon}
                active={location.pathname.startsWith(item.to)}
                onClick={close}
                styles={{ root: { borderRadius: 10 } }}
              />
            ))}
            {items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                Nothing to show yet: you will see your reports here once a cycle you are part of is released.
              </Text>
            )}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Box className="user-card" p="sm">
            <Group gap="sm" wrap="nowrap">
              <Avatar color="brand" radius="xl" size={36} aria-hidden>
                {initials(name)}
              </Avatar>
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {me?.roles.map((r) => ROLE_WORDS[r]).join(' · ') || 'Signed in'}
                </Text>
              </Box>
            </Group>
            <Button
              variant="subtle"
              color="gray"
              size="xs"
              mt="sm"
              fullWidth
              leftSection={<IconLogout size={14} aria-hidden />}
              onClick={signOut}
            >
              Sign out
            </Button>
          </Box>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        <Box maw={1280} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

export function initials(name: string): string {
  return name
    .split(/[\s.@]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0].toUpperCase())
    .join('');
}
