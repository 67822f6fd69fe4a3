/** The operations the offline GraphiQL page opens with (checked against the schema by a test). */
export const GRAPHIQL_EXAMPLE = `# Customer portal GraphQL API: docs/graphql.md. Run "SignIn" first (the session is a
# cookie, kept by this page), or set the header "Authorization: Bearer <API token>" below.
# Each operation reports its cost under extensions.cost; the Docs panel lists every field.

mutation SignIn {
  login(email: "you@example.com", password: "your password") {
    customer { name email }
  }
}

query Dashboard {
  viewer {
    name
    amountDue { amount currency }
    orders(first: 5) {
      totalCount
      edges { node { number state date totalAmount { amount currency } } }
    }
  }
}

# Pages: pass pageInfo.endCursor as "after" to get the next one (first: 100 at most).
query OrdersPage($after: String) {
  viewer {
    orders(first: 20, after: $after, filter: { states: [CONFIRMED, PROCESSING] }) {
      pageInfo { hasNextPage endCursor }
      edges { node { id number date lines(first: 10) { description quantity amount { amount } } } }
    }
  }
}

query UnpaidInvoices {
  viewer {
    invoices(first: 20, filter: { unpaid: true }) {
      edges { node { number dueDate amountDue { amount currency } pdfUrl } }
    }
  }
}

mutation CreateApiToken {
  createApiToken(name: "My integration") { token apiToken { id name } }
}
`;
