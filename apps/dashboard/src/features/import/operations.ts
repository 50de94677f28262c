import { graphql } from '../../gql';

export const IMPORT_PEOPLE = graphql(`
  mutation ImportPeople($csv: String!, $dryRun: Boolean!) {
    importPeople(csv: $csv, dryRun: $dryRun) {
      applied
      dryRun
      rows
      created
      updated
      unchanged
      errors { line column reason }
      preview { line employeeId name email managerEmployeeId action }
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

export const CREATE_ACCOUNT = graphql(`
  mutation CreateAccount($personId: ID!, $hrAdmin: Boolean!) {
    createAccount(personId: $personId, hrAdmin: $hrAdmin) {
      accountId
      email
      temporaryPassword
    }
  }
`);
