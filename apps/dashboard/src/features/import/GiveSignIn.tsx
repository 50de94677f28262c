import { Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState } from '../../app/ui';
import { signInMessages as messages } from './messages';
import { CREATE_ACCOUNT } from './operations';

/** HR gives a leader or manager a sign-in; the temporary password is shown once, to pass on. */
export function GiveSignIn({ person }: { person: { id: string; name: string; email?: string | null } }) {
  const intl = useIntl();
  const [opened, { open, close }] = useDisclosure(false);
  const [hrAdmin, setHrAdmin] = useState(false);
  const [create, { data, loading, error, reset }] = useMutation(CREATE_ACCOUNT);
  const done = data?.createAccount;
  const dismiss = () => {
    close();
    reset();
    setHrAdmin(false);
  };
  if (!person.email) return null;
  return (
    <>
      <Button
        size="compact-xs"
        variant="default"
        onClick={open}
        aria-label={intl.formatMessage(messages.buttonLabel, { name: person.name })}
      >
        {intl.formatMessage(messages.button)}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={
          done
            ? intl.formatMessage(messages.doneTitle, { name: person.name })
            : intl.formatMessage(messages.askTitle, { name: person.name })
        }
        centered
      >
        {done ? (
          <Stack gap="sm">
            <Text size="sm">
              {intl.formatMessage(messages.passOn, { name: person.name, email: done.email, b: (chunks) => <b>{chunks}</b> })}
            </Text>
            <Group gap="sm">
              <Code fz="md" data-testid="temporary-password">
                {done.temporaryPassword}
              </Code>
              <CopyButton value={done.temporaryPassword}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {intl.formatMessage(copied ? messages.copied : messages.copy)}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={dismiss}>{intl.formatMessage(messages.done)}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{intl.formatMessage(messages.explain, { name: person.name, email: person.email })}</Text>
            <Checkbox
              label={intl.formatMessage(messages.hrAdmin)}
              checked={hrAdmin}
              onChange={(e) => setHrAdmin(e.currentTarget.checked)}
            />
            {error && <ErrorState error={error} what={intl.formatMessage(messages.failed)} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {intl.formatMessage(messages.cancel)}
              </Button>
              <Button loading={loading} onClick={() => void create({ variables: { personId: person.id, hrAdmin } }).catch(() => undefined)}>
                {intl.formatMessage(messages.create)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
