import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { describeError } from '../../app/errors';
import { messages as m } from './messages';
import { LOGIN } from './operations';

export function LoginForm({ onSignedIn }: { onSignedIn: (token: string) => void | Promise<void> }) {
  const intl = useIntl();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);
  const problem = error ? describeError(error, intl) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { data } = await login({ variables: { email: email.trim(), password } });
      if (data) await onSignedIn(data.login.token);
    } catch {
      /* shown below */
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={intl.formatMessage(m.form)} noValidate>
      <Stack gap="md">
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage(problem.code === 'RATE_LIMITED' ? m.tooMany : m.failed)}
          >
            {problem.code === 'RATE_LIMITED'
              ? intl.formatMessage(m.tooManyBody)
              : problem.code === 'NETWORK'
                ? problem.message
                : intl.formatMessage(m.wrong)}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage(m.email)}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          size="md"
        />
        <PasswordInput
          label={intl.formatMessage(m.password)}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          size="md"
        />
        <Button type="submit" size="md" loading={loading} disabled={!email || !password} fullWidth>
          {intl.formatMessage(m.signIn)}
        </Button>
      </Stack>
    </form>
  );
}
