import { graphql } from '../../gql';

export const PULSE_FIELDS = graphql(`
  fragment PulseFields on Pulse {
    id
    status
    planVersion
    startedBy
    closesAt
    invited
    answered
    anonymityThreshold
    focusAreas {
      slot
      kind
      id
      label
      result {
        n
        shown
        mean
        ci95Low
        ci95High
        call
      }
    }
    comments
  }
`);

export const PULSES = graphql(`
  query Pulses($cycleId: ID!, $subjectId: ID!) {
    pulses(cycleId: $cycleId, subjectId: $subjectId) {
      ...PulseFields
    }
  }
`);

export const START_PULSE = graphql(`
  mutation StartPulse($input: StartPulseInput!) {
    startPulse(input: $input) {
      ...PulseFields
    }
  }
`);

export const CLOSE_PULSE = graphql(`
  mutation ClosePulse($pulseId: ID!) {
    closePulse(pulseId: $pulseId) {
      ...PulseFields
    }
  }
`);
