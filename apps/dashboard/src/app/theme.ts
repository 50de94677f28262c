import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = ['#eef3ff', '#dce4f5', '#b5c6e8', '#8ba6db', '#688bd0', '#527ac9', '#4571c7', '#365fb0', '#2d549e', '#1f488c'];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: { light: 7, dark: 5 },
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
  },
});

/** Fit to target (others mean − target): a colour-blind-safe diverging scale with words, never colour alone. */
export function fitBand(fit: number | null | undefined): { label: string; color: string; text: string } {
  if (fit == null || Number.isNaN(fit)) return { label: 'Not enough data', color: '#eef0f3', text: '#4b5563' };
  if (fit <= -0.75) return { label: 'Well below target', color: '#b2182b', text: '#ffffff' };
  if (fit <= -0.25) return { label: 'Below target', color: '#f4a582', text: '#3b0a0a' };
  if (fit < 0.25) return { label: 'At target', color: '#f2efe6', text: '#1f2937' };
  if (fit < 0.75) return { label: 'Above target', color: '#92c5de', text: '#0b2a44' };
  return { label: 'Well above target', color: '#2166ac', text: '#ffffff' };
}

export function signed(value: number | null | undefined, digits = 2): string {
  if (value == null) return '—';
  const s = value.toFixed(digits);
  return value > 0 ? `+${s}` : s.replace('-', '−');
}

export const GROUP_LABELS: Record<string, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  skip_level: 'Skip-level',
  other: 'Others (partners)',
};

export const GROUP_ORDER = ['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'];

/** How a rater relates to the subject, in words for the survey's introduction. */
export const RELATIONSHIP: Record<string, string> = {
  self: 'yourself',
  manager: 'their manager',
  peer: 'a peer',
  direct_report: 'one of their direct reports',
  skip_level: 'someone in their wider team (a skip-level report)',
  other: 'a partner they work with',
};

/** The built-in role profiles and versions: shown until the `instruments` query answers. */
export const ROLE_PROFILES = [
  { value: 'leader-of-leaders', label: 'Leader of leaders' },
  { value: 'leader-of-others', label: 'Leader of others' },
  { value: 'function-head', label: 'Function head' },
];
export const INSTRUMENT_VERSIONS = [
  { value: '2', label: 'Leader of leaders — version 2 (latest)' },
  { value: '1', label: 'Leader of leaders — version 1' },
];

export function profileName(id: string | null | undefined): string {
  return ROLE_PROFILES.find((p) => p.value === id)?.label ?? id ?? '—';
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return withTime
    ? d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
