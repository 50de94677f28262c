import { useIntl } from 'react-intl';
import { messages as m } from './messages';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  const intl = useIntl();
  return (
    <Center py={80}>
      <Stack align="center" gap="xs">
        <Title order={1}>{intl.formatMessage(m.notFoundTitle)}</Title>
        <Text c="dimmed">{intl.formatMessage(m.notFound)}</Text>
        <Button component={Link} to="/" mt="md">
          {intl.formatMessage(m.goToStart)}
        </Button>
      </Stack>
    </Center>
  );
}
