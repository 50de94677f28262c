import { graphql } from '../../gql';

export const IMPORT_PEOPLE = graphql(`
  mutation ImportPeople($csv: String!, $dryRun: Boolean!, $importId: ID) {
    importPeople(csv: $csv, dryRun: $dryRun, importId: $importId) {
      applied
      dryRun
      rows
      created
      updated
      unchanged
      errors {
        line
        column
        reason
      }
      preview {
        line
        employeeId
        name
        email
        managerEmployeeId
        action
      }
    }
  }
`);

export const PEOPLE = graphql(`
  query People($search: String, $leadersOfLeadersOnly: Boolean, $limit: Int) {
    people(search: $search, leadersOfLeadersOnly: $leadersOfLeadersOnly, limit: $limit) {
      id
      employeeId
      name
      email
      title
      department
      managerId
      directReportCount
      isLeaderOfLeaders
    }
  }
`);

export const IMPORT_PROGRESS = graphql(`
  subscription ImportProgress($importId: ID!) {
    importProgress(importId: $importId) {
      phase
      done
      total
    }
  }
`);

export const CREATE_ACCOUNT = graphql(`
  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {
    createAccount(personId: $personId, hrAdmin: $hrAdmin) {
      accountId
      email
      temporaryPassword
    }
  }
`);

export const DIRECTORY = graphql(`
  query Directory($first: Int, $after: String, $filter: PeopleFilterInput, $sort: PeopleSort) {
    directory(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        employeeId
        name
        email
        title
        department
        managerId
        directReportCount
        isLeaderOfLeaders
      }
    }
  }
`);
