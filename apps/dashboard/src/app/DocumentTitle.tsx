import { useEffect, type ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { titleMessages } from './messages';

/**
 * The page's `<title>` ("Review cycles — Leaderscope"), so each page is told apart in tabs, history
 * and screen readers (WCAG 2.4.2); from a message, so it is translated with the rest.
 */
export function useDocumentTitle(page: MessageDescriptor): void {
  const intl = useIntl();
  const title = intl.formatMessage(titleMessages.title, { page: intl.formatMessage(page) });
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** A route's element with its page title. */
export function Titled({ page, children }: { page: MessageDescriptor; children: ReactNode }) {
  useDocumentTitle(page);
  return children;
}
