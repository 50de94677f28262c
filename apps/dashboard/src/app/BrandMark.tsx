import { Group, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { messages } from './messages';

/** The product's name: a name, not a sentence, so it is the same in every language. */
export const BRAND = 'Leaderscope';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" fill="#1f488c" />
      <circle cx="16" cy="16" r="9" fill="none" stroke="#92c5de" strokeWidth="2" />
      <circle cx="16" cy="16" r="4" fill="#f4a582" />
      <path d="M16 4v6M16 22v6M4 16h6M22 16h6" stroke="#ffffff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The brand as a plain link home, for pages outside the router (the rater survey). */
export function BrandMark() {
  const intl = useIntl();
  return (
    <a href="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label={intl.formatMessage(messages.brandHome, { brand: BRAND })}>
      <Group gap={10} wrap="nowrap">
        <Logo />
        <Text fw={750} fz="lg" lts={-0.2} aria-hidden>
          {BRAND}
        </Text>
      </Group>
    </a>
  );
}
