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

export const PERSON_DATA_EXPORT = graphql(`
  query PersonDataExport($personId: ID!) {
    personDataExport(personId: $personId) {
      personId
      generatedAt
      json
    }
  }
`);

export const ERASE_PERSON = graphql(`
  mutation ErasePerson($personId: ID!) {
    erasePerson(personId: $personId) {
      personId
      erasedAt
      accountsDeleted
      linksRevoked
    }
  }
`);
