import { AppShell, Avatar, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartRadar,
  IconChecklist,
  IconMessages,
  IconLogout,
  IconMail,
  IconUsersGroup,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useAuth, type RoleName } from '../features/auth/AuthProvider';
import { Brand } from './Brand';
import { messages as m } from './messages';

interface NavItem {
  to: string;
  label: MessageDescriptor;
  icon: ReactNode;
  roles: RoleName[];
  description: MessageDescriptor;
}

const NAV: NavItem[] = [
  {
    to: '/cycles',
    label: m.navCycles,
    icon: <IconRefresh size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: m.navCyclesHint,
  },
  {
    to: '/mail-outbox',
    label: m.navOutbox,
    icon: <IconMail size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: m.navOutboxHint,
  },
  {
    to: '/people',
    label: m.navPeople,
    icon: <IconUpload size={18} aria-hidden />,
    roles: ['HR_ADMIN'],
    description: m.navPeopleHint,
  },
  {
    to: '/my-reports',
    label: m.navMyReports,
    icon: <IconChartRadar size={18} aria-hidden />,
    roles: ['LEADER'],
    description: m.navMyReportsHint,
  },
  {
    to: '/approvals',
    label: m.navApprovals,
    icon: <IconChecklist size={18} aria-hidden />,
    roles: ['MANAGER'],
    description: m.navApprovalsHint,
  },
  {
    to: '/team',
    label: m.navTeam,
    icon: <IconUsersGroup size={18} aria-hidden />,
    roles: ['MANAGER'],
    description: m.navTeamHint,
  },
  {
    to: '/coaching',
    label: m.navCoaching,
    icon: <IconMessages size={18} aria-hidden />,
    roles: ['COACH'],
    description: m.navCoachingHint,
  },
];

const ROLE_WORDS: Record<RoleName, MessageDescriptor> = {
  HR_ADMIN: m.roleHR_ADMIN,
  LEADER: m.roleLEADER,
  MANAGER: m.roleMANAGER,
  COACH: m.roleCOACH,
};

export function Layout() {
  const intl = useIntl();
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
        {intl.formatMessage(m.skip)}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={intl.formatMessage(opened ? m.closeNav : m.openNav)}
            />
            <Brand />
          </Group>
          <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
            {me?.organisation.name}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={intl.formatMessage(m.mainNav)}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                label={intl.formatMessage(item.label)}
                description={intl.formatMessage(item.description)}
                leftSection={item.icon}
                active={location.pathname.startsWith(item.to)}
                onClick={close}
                styles={{ root: { borderRadius: 10 } }}
              />
            ))}
            {items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {intl.formatMessage(m.nothingYet)}
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
                  {me?.roles.map((r) => intl.formatMessage(ROLE_WORDS[r])).join(' · ') || intl.formatMessage(m.signedIn)}
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
              {intl.formatMessage(m.signOut)}
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
