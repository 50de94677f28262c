import { Alert, Box, Button, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { describeError } from './errors';
import { messages as m } from './messages';

export function PageHeader({
  title,
  eyebrow,
  description,
  actions,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      <Box maw={760}>
        {eyebrow && (
          <Text size="xs" tt="uppercase" fw={700} c="brand.7" lts={0.6} mb={4}>
            {eyebrow}
          </Text>
        )}
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" mt={6}>
            {description}
          </Text>
        )}
      </Box>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

/** Says what happened and what to do; lists the fields at fault for bad input. */
export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const intl = useIntl();
  const problem = describeError(error, intl);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={intl.formatMessage(m.errorTitle, { what, problem: problem.title })}
      role="alert"
    >
      <Text size="sm">{problem.message}</Text>
      {problem.fields.length > 0 && (
        <List size="sm" mt="xs">
          {problem.fields.map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>
              {f.field && <b>{f.field}: </b>}
              {f.message}
            </List.Item>
          ))}
        </List>
      )}
      {problem.code === 'UNAUTHENTICATED' && (
        <Text size="sm" mt="xs">
          <a href="/login">{intl.formatMessage(m.signInAgain)}</a>
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
          {intl.formatMessage(m.tryAgain)}
        </Button>
      )}
    </Alert>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Center py={48}>
      <Stack align="center" gap={6} maw={440} ta="center">
        <IconInbox size={36} stroke={1.4} color="var(--mantine-color-gray-5)" aria-hidden />
        <Text fw={600}>{title}</Text>
        {children && (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        )}
        {action && <Box mt="sm">{action}</Box>}
      </Stack>
    </Center>
  );
}
