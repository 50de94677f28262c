import { graphql } from '../../gql';

export const RESPONSE_RETENTION = graphql(`
  query ResponseRetention {
    responseRetention {
      months
      cycles {
        cycleId
        name
        closedAt
        deleteOn
        deletedAt
      }
    }
  }
`);

export const SET_RESPONSE_RETENTION = graphql(`
  mutation SetResponseRetention($months: Int) {
    setResponseRetention(months: $months) {
      months
      cycles {
        cycleId
        name
        closedAt
        deleteOn
        deletedAt
      }
    }
  }
`);
