import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../app/errors';
import { LOGIN } from './operations';

export function LoginForm({ onSignedIn }: { onSignedIn: (token: string) => void | Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);
  const problem = error ? describeError(error) : null;

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
    <form onSubmit={(event) => void submit(event)} aria-label="Sign in" noValidate>
      <Stack gap="md">
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={problem.code === 'RATE_LIMITED' ? 'Too many attempts' : 'Could not sign you in'}
          >
            {problem.code === 'RATE_LIMITED'
              ? 'Please wait a minute before trying again.'
              : problem.code === 'NETWORK'
                ? problem.message
                : 'The e-mail or password is not right. Check them and try again.'}
          </Alert>
        )}
        <TextInput
          label="Work e-mail"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          size="md"
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          size="md"
        />
        <Button type="submit" size="md" loading={loading} disabled={!email || !password} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
