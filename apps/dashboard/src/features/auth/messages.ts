import { defineMessages } from 'react-intl';

/** The sign-in form's words. */
export const messages = defineMessages({
  form: { id: 'auth.form', defaultMessage: 'Sign in' },
  tooMany: { id: 'auth.tooMany.title', defaultMessage: 'Too many attempts' },
  tooManyBody: { id: 'auth.tooMany.body', defaultMessage: 'Please wait a minute before trying again.' },
  failed: { id: 'auth.failed.title', defaultMessage: 'Could not sign you in' },
  wrong: { id: 'auth.failed.wrong', defaultMessage: 'The e-mail or password is not right. Check them and try again.' },
  email: { id: 'auth.email', defaultMessage: 'Work e-mail' },
  password: { id: 'auth.password', defaultMessage: 'Password' },
  signIn: { id: 'auth.signIn', defaultMessage: 'Sign in' },
});
