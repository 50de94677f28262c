import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Logo } from './BrandMark';

export { Logo };

export function Brand() {
  return (
    <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Leaderscope home">
      <Group gap={10} wrap="nowrap">
        <Logo />
        <Text fw={750} fz="lg" lts={-0.2} aria-hidden>
          Leaderscope
        </Text>
      </Group>
    </Link>
  );
}
