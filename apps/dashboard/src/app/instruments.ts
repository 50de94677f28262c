import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { messages } from './messages';

export const INSTRUMENTS = graphql(`
  query Instruments {
    instruments {
      id
      name
      versions
      latestVersion
      roleProfiles {
        id
        name
      }
    }
  }
`);

/** The built-in instrument's role profiles, named while the `instruments` query is on its way. */
const BUILT_IN_PROFILES: { value: string; label: MessageDescriptor }[] = [
  { value: 'leader-of-leaders', label: messages.profileLeaderOfLeaders },
  { value: 'leader-of-others', label: messages.profileLeaderOfOthers },
  { value: 'function-head', label: messages.profileFunctionHead },
];
/** The built-in instrument's versions, while the `instruments` query answers. */
const BUILT_IN_INSTRUMENT = { versions: [2, 1], latestVersion: 2 };

const builtInProfiles = (intl: IntlShape) => BUILT_IN_PROFILES.map((p) => ({ value: p.value, label: intl.formatMessage(p.label) }));

/**
 * A role profile's name as the API serves it (the instrument's role profiles); the built-in names
 * while the answer is on its way; "—" for none, and never the profile's id.
 */
export function useProfileName(): (id: string | null | undefined) => string {
  const { data } = useQuery(INSTRUMENTS);
  const intl = useIntl();
  const served = data?.instruments.flatMap((i) => i.roleProfiles) ?? [];
  return (id) => {
    if (!id) return '—';
    const name = served.find((p) => p.id === id)?.name ?? builtInProfiles(intl).find((p) => p.value === id)?.label;
    return name ?? intl.formatMessage(messages.profileUnknown);
  };
}

/**
 * The instrument versions and role profiles a cycle can use, from the API; the built-in list
 * stands in only while the answer is on its way.
 */
export function useInstrumentOptions(): { versions: { value: string; label: string }[]; profiles: { value: string; label: string }[] } {
  const { data } = useQuery(INSTRUMENTS);
  const intl = useIntl();
  const served = data?.instruments[0];
  const instrument = served ?? { ...BUILT_IN_INSTRUMENT, name: intl.formatMessage(messages.builtInInstrument) };
  return {
    versions: [...instrument.versions]
      .sort((a, b) => b - a)
      .map((v) => ({
        value: String(v),
        label: intl.formatMessage(messages.instrumentVersion, {
          name: instrument.name,
          version: v,
          latest: v === instrument.latestVersion ? 'yes' : 'no',
        }),
      })),
    profiles: served ? served.roleProfiles.map((p) => ({ value: p.id, label: p.name })) : builtInProfiles(intl),
  };
}
