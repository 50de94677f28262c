import { Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorState } from '../../app/ui';
import { CREATE_ACCOUNT } from './operations';

/** HR gives a leader or manager a sign-in; the temporary password is shown once, to pass on. */
export function GiveSignIn({ person }: { person: { id: string; name: string; email?: string | null } }) {
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
      <Button size="compact-xs" variant="default" onClick={open} aria-label={`Give sign-in to ${person.name}`}>
        Give sign-in
      </Button>
      <Modal opened={opened} onClose={dismiss} title={done ? `${person.name} can now sign in` : `Give ${person.name} a sign-in?`} centered>
        {done ? (
          <Stack gap="sm">
            <Text size="sm">
              Pass this temporary password to {person.name} yourself, for example in person or by phone. It is shown only now; they sign in
              with <b>{done.email}</b>.
            </Text>
            <Group gap="sm">
              <Code fz="md" data-testid="temporary-password">
                {done.temporaryPassword}
              </Code>
              <CopyButton value={done.temporaryPassword}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={dismiss}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              {person.name} will sign in with {person.email} and see their own released reports, and those of the leaders who report to
              them.
            </Text>
            <Checkbox
              label="Also make them an HR administrator (can run cycles and see every report)"
              checked={hrAdmin}
              onChange={(e) => setHrAdmin(e.currentTarget.checked)}
            />
            {error && <ErrorState error={error} what="No sign-in was created" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                Cancel
              </Button>
              <Button loading={loading} onClick={() => void create({ variables: { personId: person.id, hrAdmin } }).catch(() => undefined)}>
                Create sign-in
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
