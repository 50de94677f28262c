import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useIntl } from 'react-intl';
import { messages } from './messages';
import { BUILT_IN_INSTRUMENT, ROLE_PROFILES } from './theme';

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
  const intl = useIntl();
  const served = data?.instruments[0];
  const instrument = served ?? BUILT_IN_INSTRUMENT;
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
    profiles: served ? served.roleProfiles.map((p) => ({ value: p.id, label: p.name })) : ROLE_PROFILES,
  };
}
