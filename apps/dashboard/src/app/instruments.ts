import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { INSTRUMENT_VERSIONS, ROLE_PROFILES } from './theme';

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

/**
 * The instrument versions and role profiles a cycle can use, from the API; the built-in list
 * stands in only while the answer is on its way.
 */
export function useInstrumentOptions(): { versions: { value: string; label: string }[]; profiles: { value: string; label: string }[] } {
  const { data } = useQuery(INSTRUMENTS);
  const instrument = data?.instruments[0];
  if (!instrument) return { versions: INSTRUMENT_VERSIONS, profiles: ROLE_PROFILES };
  return {
    versions: [...instrument.versions]
      .sort((a, b) => b - a)
      .map((v) => ({ value: String(v), label: `${instrument.name} — version ${v}${v === instrument.latestVersion ? ' (latest)' : ''}` })),
    profiles: instrument.roleProfiles.map((p) => ({ value: p.id, label: p.name })),
  };
}
