// The six rater groups and their order are the domain's (@leaderscope/vocabulary): read from its
// source, which imports nothing, so the bundle gets the list and none of the package's schemas.
import { RATER_GROUPS } from '@leaderscope/vocabulary/src/rater-groups';
import type { RaterGroup } from '../gql/graphql';
import { fitBandKey, type FitBandKey } from './format';
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#eef3ff',
  '#dce4f5',
  '#b5c6e8',
  '#8ba6db',
  '#688bd0',
  '#527ac9',
  '#4571c7',
  '#365fb0',
  '#2d549e',
  '#1f488c',
];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: { light: 7, dark: 5 },
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  // Animations are skipped for people who ask their system for reduced motion.
  respectReducedMotion: true,
  components: {
    // Scrollable regions take keyboard focus, so keyboard users can scroll them (WCAG 2.1.1).
    ScrollArea: { defaultProps: { viewportProps: { tabIndex: 0 } } },
    ScrollAreaAutosize: { defaultProps: { viewportProps: { tabIndex: 0 } } },
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
  },
});

const BANDS: Record<FitBandKey, { color: string; text: string }> = {
  none: { color: '#eef0f3', text: '#374151' },
  wellBelow: { color: '#b2182b', text: '#ffffff' },
  below: { color: '#f4a582', text: '#3b0a0a' },
  near: { color: '#f2efe6', text: '#1f2937' },
  above: { color: '#92c5de', text: '#0b2a44' },
  wellAbove: { color: '#2166ac', text: '#ffffff' },
};

/**
 * Fit to target (others mean − target): a colour-blind-safe diverging scale with words, never
 * colour alone. The band is read from the figure as shown (see `format.ts`).
 */
export function fitBand(fit: number | null | undefined): { key: FitBandKey; color: string; text: string } {
  const key = fitBandKey(fit);
  return { key, ...BANDS[key] };
}

/** The groups in display order: self, up, lateral, down, partners. */
export const GROUP_ORDER: readonly RaterGroup[] = RATER_GROUPS;

const isGroup = (g: string): g is RaterGroup => (GROUP_ORDER as readonly string[]).includes(g);

/** Sorts groups in display order; unknown ones last. */
export function byGroupOrder(a: string | null | undefined, b: string | null | undefined): number {
  const rank = (g: string | null | undefined) => (g && isGroup(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return rank(a) - rank(b);
}

export { formatDate, signed } from './format';
