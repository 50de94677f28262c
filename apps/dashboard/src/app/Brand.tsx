import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useIntl } from 'react-intl';
import { BRAND, Logo } from './BrandMark';
import { messages } from './messages';

export { Logo };

export function Brand() {
  const intl = useIntl();
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label={intl.formatMessage(messages.brandHome, { brand: BRAND })}>
      <Group gap={10} wrap="nowrap">
        <Logo />
        <Text fw={750} fz="lg" lts={-0.2} aria-hidden>
          {BRAND}
        </Text>
      </Group>
    </Link>
  );
}
