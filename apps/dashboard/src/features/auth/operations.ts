import { graphql } from '../../gql';

export const ME = graphql(`
  query Me {
    me {
      accountId
      email
      roles
      organisation {
        id
        name
      }
      person {
        id
        name
        title
        department
      }
    }
  }
`);

export const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
    }
  }
`);

export const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);
