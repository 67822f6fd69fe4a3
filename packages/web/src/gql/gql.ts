/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AddressBlock_address on Address {\n    id\n    name\n    fullAddress\n  }\n": typeof types.AddressBlock_AddressFragmentDoc,
    "\n  mutation CreateAddress($input: CreateAddressInput!) {\n    createAddress(input: $input) {\n      replayed\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n": typeof types.CreateAddressDocument,
    "\n  mutation UpdateAddress($input: UpdateAddressInput!) {\n    updateAddress(input: $input) {\n      replayed\n      replacedAddressId\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n": typeof types.UpdateAddressDocument,
    "\n  mutation ArchiveAddress($input: ArchiveAddressInput!) {\n    archiveAddress(input: $input) {\n      replayed\n    }\n  }\n": typeof types.ArchiveAddressDocument,
    "\n  mutation SetDefaultAddress($input: SetDefaultAddressInput!) {\n    setDefaultAddress(input: $input) {\n      replayed\n    }\n  }\n": typeof types.SetDefaultAddressDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n": typeof types.CreateContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n": typeof types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      replayed\n    }\n  }\n": typeof types.RemoveContactDocument,
    "\n  mutation ChangePassword(\n    $currentPassword: String!\n    $newPassword: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    changePassword(\n      currentPassword: $currentPassword\n      newPassword: $newPassword\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [Scope!]) {\n    createApiToken(name: $name, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      pendingEmail\n      expiresAt\n    }\n  }\n": typeof types.RequestEmailChangeDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment AddressItem_address on Address {\n    id\n    name\n    street\n    postalCode\n    city\n    countryCode\n    subdivisionCode\n    version\n    changedBy {\n      email\n    }\n    ...AddressBlock_address\n  }\n": typeof types.AddressItem_AddressFragmentDoc,
    "\n  fragment ApiTokenItem_token on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n  }\n": typeof types.ApiTokenItem_TokenFragmentDoc,
    "\n  fragment ContactItem_contact on ContactMechanism {\n    id\n    type\n    value\n    name\n    version\n    changedBy {\n      email\n    }\n  }\n": typeof types.ContactItem_ContactFragmentDoc,
    "\n  query Account {\n    viewer {\n      id\n      name\n      email\n      emailValidated\n      scopes\n      addresses {\n        ...AddressItem_address\n      }\n      defaultDeliveryAddress {\n        id\n      }\n      defaultInvoiceAddress {\n        id\n      }\n      contactMechanisms {\n        ...ContactItem_contact\n      }\n      apiTokens {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query Session {\n    viewer {\n      id\n      name\n      email\n      language\n      role\n      scopes\n    }\n  }\n": typeof types.SessionDocument,
    "\n  mutation AcceptInvitation($email: String!, $token: String!, $password: String!) {\n    acceptInvitation(email: $email, token: $token, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword(\n    $email: String!\n    $token: String!\n    $password: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    resetPassword(\n      email: $email\n      token: $token\n      password: $password\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation ValidateEmail($token: String!) {\n    validateEmail(token: $token)\n  }\n": typeof types.ValidateEmailDocument,
    "\n  fragment OpenOrders_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": typeof types.OpenOrders_OrderFragmentDoc,
    "\n  fragment UnpaidInvoices_invoice on Invoice {\n    id\n    number\n    state\n    dueDate\n    overdue\n    amountDue {\n      amount\n      currency\n    }\n  }\n": typeof types.UnpaidInvoices_InvoiceFragmentDoc,
    "\n  fragment LatestDocuments_document on Document {\n    id\n    name\n    date\n    size\n    url\n  }\n": typeof types.LatestDocuments_DocumentFragmentDoc,
    "\n  fragment InvoicedChart_month on MonthlyAmount {\n    month\n    amount {\n      amount\n      currency\n    }\n  }\n": typeof types.InvoicedChart_MonthFragmentDoc,
    "\n  query Dashboard($orders: Boolean!, $invoices: Boolean!, $documents: Boolean!) {\n    viewer {\n      id\n      name\n      amountDue @include(if: $invoices) {\n        amount\n        currency\n      }\n      openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] })\n        @include(if: $orders) {\n        totalCount\n        edges {\n          node {\n            ...OpenOrders_order\n          }\n        }\n      }\n      unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) @include(if: $invoices) {\n        totalCount\n        edges {\n          node {\n            ...UnpaidInvoices_invoice\n          }\n        }\n      }\n      overdueInvoices: invoices(first: 1, filter: { overdue: true }) @include(if: $invoices) {\n        totalCount\n      }\n      documents(first: 5) @include(if: $documents) {\n        edges {\n          node {\n            ...LatestDocuments_document\n          }\n        }\n      }\n      invoicedByMonth(months: 12) @include(if: $invoices) {\n        ...InvoicedChart_month\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment DocumentRow_document on Document {\n    id\n    name\n    kind\n    date\n    size\n    url\n    related {\n      kind\n      number\n    }\n  }\n": typeof types.DocumentRow_DocumentFragmentDoc,
    "\n  query Documents($first: Int!, $after: String) {\n    viewer {\n      id\n      documents(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DocumentRow_document\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DocumentsDocument,
    "\n  mutation PayInvoice($input: PayInvoiceInput!) {\n    payInvoice(input: $input) {\n      checkoutUrl\n      replayed\n    }\n  }\n": typeof types.PayInvoiceDocument,
    "\n  fragment InvoiceDocuments_invoice on Invoice {\n    documents(first: 20) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n": typeof types.InvoiceDocuments_InvoiceFragmentDoc,
    "\n  fragment InvoiceLines_invoice on Invoice {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    taxes(first: 20) {\n      description\n      base {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n    state\n  }\n": typeof types.InvoiceLines_InvoiceFragmentDoc,
    "\n  fragment InvoicePayment_invoice on Invoice {\n    number\n    state\n    amountDue {\n      amount\n      currency\n    }\n    transfer {\n      holder\n      iban\n      bic\n      reference\n      creditorReference\n      amount {\n        amount\n        currency\n      }\n      qrSvg\n    }\n    payments(first: 20) {\n      date\n      amount {\n        amount\n        currency\n      }\n      method\n      description\n    }\n  }\n": typeof types.InvoicePayment_InvoiceFragmentDoc,
    "\n  fragment InvoiceRow_invoice on Invoice {\n    id\n    number\n    reference\n    date\n    dueDate\n    state\n    overdue\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n  }\n": typeof types.InvoiceRow_InvoiceFragmentDoc,
    "\n  fragment PayOnline_invoice on Invoice {\n    id\n    canPayOnline\n    amountDue {\n      amount\n      currency\n    }\n    onlinePayments {\n      amount {\n        amount\n        currency\n      }\n      state\n      date\n      paidBy {\n        email\n      }\n    }\n  }\n": typeof types.PayOnline_InvoiceFragmentDoc,
    "\n  query Invoice($number: String!, $withOrders: Boolean! = true) {\n    viewer {\n      id\n      invoice(number: $number) {\n        id\n        number\n        reference\n        date\n        dueDate\n        state\n        overdue\n        pdfUrl\n        orders(first: 20) @include(if: $withOrders) {\n          id\n          number\n          state\n          totalAmount {\n            amount\n            currency\n          }\n        }\n        ...InvoiceLines_invoice\n        ...InvoiceDocuments_invoice\n        ...InvoicePayment_invoice\n        ...PayOnline_invoice\n      }\n    }\n  }\n": typeof types.InvoiceDocument,
    "\n  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter, $sort: ListSort) {\n    viewer {\n      id\n      exportLimits {\n        invoicesPerZip\n        rowsPerCsv\n      }\n      invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...InvoiceRow_invoice\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  mutation AcceptQuotation($input: AcceptQuotationInput!) {\n    acceptQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n": typeof types.AcceptQuotationDocument,
    "\n  mutation DeclineQuotation($input: DeclineQuotationInput!) {\n    declineQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n": typeof types.DeclineQuotationDocument,
    "\n  mutation Reorder($input: ReorderInput!) {\n    reorder(input: $input) {\n      replayed\n      order {\n        id\n        number\n        state\n      }\n      leftOut {\n        name\n        quantity\n      }\n    }\n  }\n": typeof types.ReorderDocument,
    "\n  mutation FileComplaint($input: FileComplaintInput!, $withDocuments: Boolean! = true) {\n    fileComplaint(input: $input) {\n      replayed\n      order {\n        id\n        ...OrderComplaints_order\n      }\n    }\n  }\n": typeof types.FileComplaintDocument,
    "\n  query ComplaintTypes {\n    complaintTypes {\n      id\n      name\n      target\n    }\n  }\n": typeof types.ComplaintTypesDocument,
    "\n  fragment OrderAuthors_order on Order {\n    requestedBy {\n      email\n    }\n    acceptedBy {\n      email\n    }\n    declinedBy {\n      email\n    }\n  }\n": typeof types.OrderAuthors_OrderFragmentDoc,
    "\n  fragment OrderComplaints_order on Order {\n    id\n    state\n    version\n    lines(first: 100) {\n      id\n      description\n    }\n    complaints(first: 20) {\n      id\n      number\n      state\n      typeName\n      description\n      answer\n      date\n      line {\n        id\n        description\n      }\n      files @include(if: $withDocuments) {\n        id\n        name\n        url\n      }\n    }\n  }\n": typeof types.OrderComplaints_OrderFragmentDoc,
    "\n  fragment OrderLines_order on Order {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": typeof types.OrderLines_OrderFragmentDoc,
    "\n  fragment OrderRelated_order on Order {\n    shipments(first: 20) {\n      id\n      number\n      state\n      plannedDate\n      effectiveDate\n    }\n    invoices(first: 20) @include(if: $withInvoices) {\n      id\n      number\n      state\n      overdue\n      date\n      totalAmount {\n        amount\n        currency\n      }\n    }\n    documents(first: 20) @include(if: $withDocuments) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n": typeof types.OrderRelated_OrderFragmentDoc,
    "\n  fragment OrderRow_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    shipmentState\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": typeof types.OrderRow_OrderFragmentDoc,
    "\n  query Order($number: String!, $withInvoices: Boolean! = true, $withDocuments: Boolean! = true) {\n    viewer {\n      id\n      order(number: $number) {\n        id\n        number\n        reference\n        description\n        date\n        state\n        version\n        invoiceState\n        shipmentState\n        invoiceAddress {\n          ...AddressBlock_address\n        }\n        shipmentAddress {\n          ...AddressBlock_address\n        }\n        ...OrderLines_order\n        ...OrderRelated_order\n        ...OrderComplaints_order\n        ...OrderAuthors_order\n      }\n    }\n  }\n": typeof types.OrderDocument,
    "\n  query Orders($first: Int!, $after: String, $filter: OrderFilter, $sort: ListSort) {\n    viewer {\n      id\n      orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...OrderRow_order\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  fragment MemberItem_member on Member {\n    id\n    email\n    role\n    state\n    invitedBy\n    roleChangedBy {\n      email\n    }\n    invitationExpiresAt\n  }\n": typeof types.MemberItem_MemberFragmentDoc,
    "\n  query Members {\n    viewer {\n      id\n      email\n      name\n      members {\n        ...MemberItem_member\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      replayed\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Scopes {\n    viewer {\n      id\n      role\n      scopes\n    }\n  }\n": typeof types.ScopesDocument,
};
const documents: Documents = {
    "\n  fragment AddressBlock_address on Address {\n    id\n    name\n    fullAddress\n  }\n": types.AddressBlock_AddressFragmentDoc,
    "\n  mutation CreateAddress($input: CreateAddressInput!) {\n    createAddress(input: $input) {\n      replayed\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n": types.CreateAddressDocument,
    "\n  mutation UpdateAddress($input: UpdateAddressInput!) {\n    updateAddress(input: $input) {\n      replayed\n      replacedAddressId\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n": types.UpdateAddressDocument,
    "\n  mutation ArchiveAddress($input: ArchiveAddressInput!) {\n    archiveAddress(input: $input) {\n      replayed\n    }\n  }\n": types.ArchiveAddressDocument,
    "\n  mutation SetDefaultAddress($input: SetDefaultAddressInput!) {\n    setDefaultAddress(input: $input) {\n      replayed\n    }\n  }\n": types.SetDefaultAddressDocument,
    "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n": types.CreateContactDocument,
    "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n": types.UpdateContactDocument,
    "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      replayed\n    }\n  }\n": types.RemoveContactDocument,
    "\n  mutation ChangePassword(\n    $currentPassword: String!\n    $newPassword: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    changePassword(\n      currentPassword: $currentPassword\n      newPassword: $newPassword\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [Scope!]) {\n    createApiToken(name: $name, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      pendingEmail\n      expiresAt\n    }\n  }\n": types.RequestEmailChangeDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment AddressItem_address on Address {\n    id\n    name\n    street\n    postalCode\n    city\n    countryCode\n    subdivisionCode\n    version\n    changedBy {\n      email\n    }\n    ...AddressBlock_address\n  }\n": types.AddressItem_AddressFragmentDoc,
    "\n  fragment ApiTokenItem_token on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n  }\n": types.ApiTokenItem_TokenFragmentDoc,
    "\n  fragment ContactItem_contact on ContactMechanism {\n    id\n    type\n    value\n    name\n    version\n    changedBy {\n      email\n    }\n  }\n": types.ContactItem_ContactFragmentDoc,
    "\n  query Account {\n    viewer {\n      id\n      name\n      email\n      emailValidated\n      scopes\n      addresses {\n        ...AddressItem_address\n      }\n      defaultDeliveryAddress {\n        id\n      }\n      defaultInvoiceAddress {\n        id\n      }\n      contactMechanisms {\n        ...ContactItem_contact\n      }\n      apiTokens {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n": types.AccountDocument,
    "\n  query Session {\n    viewer {\n      id\n      name\n      email\n      language\n      role\n      scopes\n    }\n  }\n": types.SessionDocument,
    "\n  mutation AcceptInvitation($email: String!, $token: String!, $password: String!) {\n    acceptInvitation(email: $email, token: $token, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword(\n    $email: String!\n    $token: String!\n    $password: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    resetPassword(\n      email: $email\n      token: $token\n      password: $password\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation ValidateEmail($token: String!) {\n    validateEmail(token: $token)\n  }\n": types.ValidateEmailDocument,
    "\n  fragment OpenOrders_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": types.OpenOrders_OrderFragmentDoc,
    "\n  fragment UnpaidInvoices_invoice on Invoice {\n    id\n    number\n    state\n    dueDate\n    overdue\n    amountDue {\n      amount\n      currency\n    }\n  }\n": types.UnpaidInvoices_InvoiceFragmentDoc,
    "\n  fragment LatestDocuments_document on Document {\n    id\n    name\n    date\n    size\n    url\n  }\n": types.LatestDocuments_DocumentFragmentDoc,
    "\n  fragment InvoicedChart_month on MonthlyAmount {\n    month\n    amount {\n      amount\n      currency\n    }\n  }\n": types.InvoicedChart_MonthFragmentDoc,
    "\n  query Dashboard($orders: Boolean!, $invoices: Boolean!, $documents: Boolean!) {\n    viewer {\n      id\n      name\n      amountDue @include(if: $invoices) {\n        amount\n        currency\n      }\n      openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] })\n        @include(if: $orders) {\n        totalCount\n        edges {\n          node {\n            ...OpenOrders_order\n          }\n        }\n      }\n      unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) @include(if: $invoices) {\n        totalCount\n        edges {\n          node {\n            ...UnpaidInvoices_invoice\n          }\n        }\n      }\n      overdueInvoices: invoices(first: 1, filter: { overdue: true }) @include(if: $invoices) {\n        totalCount\n      }\n      documents(first: 5) @include(if: $documents) {\n        edges {\n          node {\n            ...LatestDocuments_document\n          }\n        }\n      }\n      invoicedByMonth(months: 12) @include(if: $invoices) {\n        ...InvoicedChart_month\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment DocumentRow_document on Document {\n    id\n    name\n    kind\n    date\n    size\n    url\n    related {\n      kind\n      number\n    }\n  }\n": types.DocumentRow_DocumentFragmentDoc,
    "\n  query Documents($first: Int!, $after: String) {\n    viewer {\n      id\n      documents(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DocumentRow_document\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DocumentsDocument,
    "\n  mutation PayInvoice($input: PayInvoiceInput!) {\n    payInvoice(input: $input) {\n      checkoutUrl\n      replayed\n    }\n  }\n": types.PayInvoiceDocument,
    "\n  fragment InvoiceDocuments_invoice on Invoice {\n    documents(first: 20) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n": types.InvoiceDocuments_InvoiceFragmentDoc,
    "\n  fragment InvoiceLines_invoice on Invoice {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    taxes(first: 20) {\n      description\n      base {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n    state\n  }\n": types.InvoiceLines_InvoiceFragmentDoc,
    "\n  fragment InvoicePayment_invoice on Invoice {\n    number\n    state\n    amountDue {\n      amount\n      currency\n    }\n    transfer {\n      holder\n      iban\n      bic\n      reference\n      creditorReference\n      amount {\n        amount\n        currency\n      }\n      qrSvg\n    }\n    payments(first: 20) {\n      date\n      amount {\n        amount\n        currency\n      }\n      method\n      description\n    }\n  }\n": types.InvoicePayment_InvoiceFragmentDoc,
    "\n  fragment InvoiceRow_invoice on Invoice {\n    id\n    number\n    reference\n    date\n    dueDate\n    state\n    overdue\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n  }\n": types.InvoiceRow_InvoiceFragmentDoc,
    "\n  fragment PayOnline_invoice on Invoice {\n    id\n    canPayOnline\n    amountDue {\n      amount\n      currency\n    }\n    onlinePayments {\n      amount {\n        amount\n        currency\n      }\n      state\n      date\n      paidBy {\n        email\n      }\n    }\n  }\n": types.PayOnline_InvoiceFragmentDoc,
    "\n  query Invoice($number: String!, $withOrders: Boolean! = true) {\n    viewer {\n      id\n      invoice(number: $number) {\n        id\n        number\n        reference\n        date\n        dueDate\n        state\n        overdue\n        pdfUrl\n        orders(first: 20) @include(if: $withOrders) {\n          id\n          number\n          state\n          totalAmount {\n            amount\n            currency\n          }\n        }\n        ...InvoiceLines_invoice\n        ...InvoiceDocuments_invoice\n        ...InvoicePayment_invoice\n        ...PayOnline_invoice\n      }\n    }\n  }\n": types.InvoiceDocument,
    "\n  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter, $sort: ListSort) {\n    viewer {\n      id\n      exportLimits {\n        invoicesPerZip\n        rowsPerCsv\n      }\n      invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...InvoiceRow_invoice\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.InvoicesDocument,
    "\n  mutation AcceptQuotation($input: AcceptQuotationInput!) {\n    acceptQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n": types.AcceptQuotationDocument,
    "\n  mutation DeclineQuotation($input: DeclineQuotationInput!) {\n    declineQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n": types.DeclineQuotationDocument,
    "\n  mutation Reorder($input: ReorderInput!) {\n    reorder(input: $input) {\n      replayed\n      order {\n        id\n        number\n        state\n      }\n      leftOut {\n        name\n        quantity\n      }\n    }\n  }\n": types.ReorderDocument,
    "\n  mutation FileComplaint($input: FileComplaintInput!, $withDocuments: Boolean! = true) {\n    fileComplaint(input: $input) {\n      replayed\n      order {\n        id\n        ...OrderComplaints_order\n      }\n    }\n  }\n": types.FileComplaintDocument,
    "\n  query ComplaintTypes {\n    complaintTypes {\n      id\n      name\n      target\n    }\n  }\n": types.ComplaintTypesDocument,
    "\n  fragment OrderAuthors_order on Order {\n    requestedBy {\n      email\n    }\n    acceptedBy {\n      email\n    }\n    declinedBy {\n      email\n    }\n  }\n": types.OrderAuthors_OrderFragmentDoc,
    "\n  fragment OrderComplaints_order on Order {\n    id\n    state\n    version\n    lines(first: 100) {\n      id\n      description\n    }\n    complaints(first: 20) {\n      id\n      number\n      state\n      typeName\n      description\n      answer\n      date\n      line {\n        id\n        description\n      }\n      files @include(if: $withDocuments) {\n        id\n        name\n        url\n      }\n    }\n  }\n": types.OrderComplaints_OrderFragmentDoc,
    "\n  fragment OrderLines_order on Order {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": types.OrderLines_OrderFragmentDoc,
    "\n  fragment OrderRelated_order on Order {\n    shipments(first: 20) {\n      id\n      number\n      state\n      plannedDate\n      effectiveDate\n    }\n    invoices(first: 20) @include(if: $withInvoices) {\n      id\n      number\n      state\n      overdue\n      date\n      totalAmount {\n        amount\n        currency\n      }\n    }\n    documents(first: 20) @include(if: $withDocuments) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n": types.OrderRelated_OrderFragmentDoc,
    "\n  fragment OrderRow_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    shipmentState\n    totalAmount {\n      amount\n      currency\n    }\n  }\n": types.OrderRow_OrderFragmentDoc,
    "\n  query Order($number: String!, $withInvoices: Boolean! = true, $withDocuments: Boolean! = true) {\n    viewer {\n      id\n      order(number: $number) {\n        id\n        number\n        reference\n        description\n        date\n        state\n        version\n        invoiceState\n        shipmentState\n        invoiceAddress {\n          ...AddressBlock_address\n        }\n        shipmentAddress {\n          ...AddressBlock_address\n        }\n        ...OrderLines_order\n        ...OrderRelated_order\n        ...OrderComplaints_order\n        ...OrderAuthors_order\n      }\n    }\n  }\n": types.OrderDocument,
    "\n  query Orders($first: Int!, $after: String, $filter: OrderFilter, $sort: ListSort) {\n    viewer {\n      id\n      orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...OrderRow_order\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.OrdersDocument,
    "\n  fragment MemberItem_member on Member {\n    id\n    email\n    role\n    state\n    invitedBy\n    roleChangedBy {\n      email\n    }\n    invitationExpiresAt\n  }\n": types.MemberItem_MemberFragmentDoc,
    "\n  query Members {\n    viewer {\n      id\n      email\n      name\n      members {\n        ...MemberItem_member\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      replayed\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query Scopes {\n    viewer {\n      id\n      role\n      scopes\n    }\n  }\n": types.ScopesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddressBlock_address on Address {\n    id\n    name\n    fullAddress\n  }\n"): (typeof documents)["\n  fragment AddressBlock_address on Address {\n    id\n    name\n    fullAddress\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAddress($input: CreateAddressInput!) {\n    createAddress(input: $input) {\n      replayed\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAddress($input: CreateAddressInput!) {\n    createAddress(input: $input) {\n      replayed\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAddress($input: UpdateAddressInput!) {\n    updateAddress(input: $input) {\n      replayed\n      replacedAddressId\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAddress($input: UpdateAddressInput!) {\n    updateAddress(input: $input) {\n      replayed\n      replacedAddressId\n      address {\n        id\n        ...AddressItem_address\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveAddress($input: ArchiveAddressInput!) {\n    archiveAddress(input: $input) {\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveAddress($input: ArchiveAddressInput!) {\n    archiveAddress(input: $input) {\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultAddress($input: SetDefaultAddressInput!) {\n    setDefaultAddress(input: $input) {\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation SetDefaultAddress($input: SetDefaultAddressInput!) {\n    setDefaultAddress(input: $input) {\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      replayed\n      contact {\n        id\n        ...ContactItem_contact\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveContact($input: RemoveContactInput!) {\n    removeContact(input: $input) {\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword(\n    $currentPassword: String!\n    $newPassword: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    changePassword(\n      currentPassword: $currentPassword\n      newPassword: $newPassword\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword(\n    $currentPassword: String!\n    $newPassword: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    changePassword(\n      currentPassword: $currentPassword\n      newPassword: $newPassword\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $scopes: [Scope!]) {\n    createApiToken(name: $name, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $scopes: [Scope!]) {\n    createApiToken(name: $name, scopes: $scopes) {\n      token\n      apiToken {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      pendingEmail\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {\n    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) {\n      pendingEmail\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AddressItem_address on Address {\n    id\n    name\n    street\n    postalCode\n    city\n    countryCode\n    subdivisionCode\n    version\n    changedBy {\n      email\n    }\n    ...AddressBlock_address\n  }\n"): (typeof documents)["\n  fragment AddressItem_address on Address {\n    id\n    name\n    street\n    postalCode\n    city\n    countryCode\n    subdivisionCode\n    version\n    changedBy {\n      email\n    }\n    ...AddressBlock_address\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenItem_token on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenItem_token on ApiToken {\n    id\n    name\n    scopes\n    createdAt\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactItem_contact on ContactMechanism {\n    id\n    type\n    value\n    name\n    version\n    changedBy {\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment ContactItem_contact on ContactMechanism {\n    id\n    type\n    value\n    name\n    version\n    changedBy {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    viewer {\n      id\n      name\n      email\n      emailValidated\n      scopes\n      addresses {\n        ...AddressItem_address\n      }\n      defaultDeliveryAddress {\n        id\n      }\n      defaultInvoiceAddress {\n        id\n      }\n      contactMechanisms {\n        ...ContactItem_contact\n      }\n      apiTokens {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    viewer {\n      id\n      name\n      email\n      emailValidated\n      scopes\n      addresses {\n        ...AddressItem_address\n      }\n      defaultDeliveryAddress {\n        id\n      }\n      defaultInvoiceAddress {\n        id\n      }\n      contactMechanisms {\n        ...ContactItem_contact\n      }\n      apiTokens {\n        ...ApiTokenItem_token\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session {\n    viewer {\n      id\n      name\n      email\n      language\n      role\n      scopes\n    }\n  }\n"): (typeof documents)["\n  query Session {\n    viewer {\n      id\n      name\n      email\n      language\n      role\n      scopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($email: String!, $token: String!, $password: String!) {\n    acceptInvitation(email: $email, token: $token, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($email: String!, $token: String!, $password: String!) {\n    acceptInvitation(email: $email, token: $token, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      customer {\n        id\n        name\n        email\n        language\n        role\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword(\n    $email: String!\n    $token: String!\n    $password: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    resetPassword(\n      email: $email\n      token: $token\n      password: $password\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword(\n    $email: String!\n    $token: String!\n    $password: String!\n    $revokeApiTokens: Boolean = false\n  ) {\n    resetPassword(\n      email: $email\n      token: $token\n      password: $password\n      revokeApiTokens: $revokeApiTokens\n    ) {\n      otherSessionsEnded\n      apiTokensRevoked\n      apiTokensKept\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateEmail($token: String!) {\n    validateEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation ValidateEmail($token: String!) {\n    validateEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OpenOrders_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment OpenOrders_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnpaidInvoices_invoice on Invoice {\n    id\n    number\n    state\n    dueDate\n    overdue\n    amountDue {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment UnpaidInvoices_invoice on Invoice {\n    id\n    number\n    state\n    dueDate\n    overdue\n    amountDue {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LatestDocuments_document on Document {\n    id\n    name\n    date\n    size\n    url\n  }\n"): (typeof documents)["\n  fragment LatestDocuments_document on Document {\n    id\n    name\n    date\n    size\n    url\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoicedChart_month on MonthlyAmount {\n    month\n    amount {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment InvoicedChart_month on MonthlyAmount {\n    month\n    amount {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($orders: Boolean!, $invoices: Boolean!, $documents: Boolean!) {\n    viewer {\n      id\n      name\n      amountDue @include(if: $invoices) {\n        amount\n        currency\n      }\n      openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] })\n        @include(if: $orders) {\n        totalCount\n        edges {\n          node {\n            ...OpenOrders_order\n          }\n        }\n      }\n      unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) @include(if: $invoices) {\n        totalCount\n        edges {\n          node {\n            ...UnpaidInvoices_invoice\n          }\n        }\n      }\n      overdueInvoices: invoices(first: 1, filter: { overdue: true }) @include(if: $invoices) {\n        totalCount\n      }\n      documents(first: 5) @include(if: $documents) {\n        edges {\n          node {\n            ...LatestDocuments_document\n          }\n        }\n      }\n      invoicedByMonth(months: 12) @include(if: $invoices) {\n        ...InvoicedChart_month\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($orders: Boolean!, $invoices: Boolean!, $documents: Boolean!) {\n    viewer {\n      id\n      name\n      amountDue @include(if: $invoices) {\n        amount\n        currency\n      }\n      openOrders: orders(first: 5, filter: { states: [CONFIRMED, PROCESSING] })\n        @include(if: $orders) {\n        totalCount\n        edges {\n          node {\n            ...OpenOrders_order\n          }\n        }\n      }\n      unpaidInvoices: invoices(first: 5, filter: { unpaid: true }) @include(if: $invoices) {\n        totalCount\n        edges {\n          node {\n            ...UnpaidInvoices_invoice\n          }\n        }\n      }\n      overdueInvoices: invoices(first: 1, filter: { overdue: true }) @include(if: $invoices) {\n        totalCount\n      }\n      documents(first: 5) @include(if: $documents) {\n        edges {\n          node {\n            ...LatestDocuments_document\n          }\n        }\n      }\n      invoicedByMonth(months: 12) @include(if: $invoices) {\n        ...InvoicedChart_month\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DocumentRow_document on Document {\n    id\n    name\n    kind\n    date\n    size\n    url\n    related {\n      kind\n      number\n    }\n  }\n"): (typeof documents)["\n  fragment DocumentRow_document on Document {\n    id\n    name\n    kind\n    date\n    size\n    url\n    related {\n      kind\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Documents($first: Int!, $after: String) {\n    viewer {\n      id\n      documents(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DocumentRow_document\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Documents($first: Int!, $after: String) {\n    viewer {\n      id\n      documents(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...DocumentRow_document\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayInvoice($input: PayInvoiceInput!) {\n    payInvoice(input: $input) {\n      checkoutUrl\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation PayInvoice($input: PayInvoiceInput!) {\n    payInvoice(input: $input) {\n      checkoutUrl\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceDocuments_invoice on Invoice {\n    documents(first: 20) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment InvoiceDocuments_invoice on Invoice {\n    documents(first: 20) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceLines_invoice on Invoice {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    taxes(first: 20) {\n      description\n      base {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n    state\n  }\n"): (typeof documents)["\n  fragment InvoiceLines_invoice on Invoice {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    taxes(first: 20) {\n      description\n      base {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n    state\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoicePayment_invoice on Invoice {\n    number\n    state\n    amountDue {\n      amount\n      currency\n    }\n    transfer {\n      holder\n      iban\n      bic\n      reference\n      creditorReference\n      amount {\n        amount\n        currency\n      }\n      qrSvg\n    }\n    payments(first: 20) {\n      date\n      amount {\n        amount\n        currency\n      }\n      method\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment InvoicePayment_invoice on Invoice {\n    number\n    state\n    amountDue {\n      amount\n      currency\n    }\n    transfer {\n      holder\n      iban\n      bic\n      reference\n      creditorReference\n      amount {\n        amount\n        currency\n      }\n      qrSvg\n    }\n    payments(first: 20) {\n      date\n      amount {\n        amount\n        currency\n      }\n      method\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceRow_invoice on Invoice {\n    id\n    number\n    reference\n    date\n    dueDate\n    state\n    overdue\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment InvoiceRow_invoice on Invoice {\n    id\n    number\n    reference\n    date\n    dueDate\n    state\n    overdue\n    totalAmount {\n      amount\n      currency\n    }\n    amountDue {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PayOnline_invoice on Invoice {\n    id\n    canPayOnline\n    amountDue {\n      amount\n      currency\n    }\n    onlinePayments {\n      amount {\n        amount\n        currency\n      }\n      state\n      date\n      paidBy {\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PayOnline_invoice on Invoice {\n    id\n    canPayOnline\n    amountDue {\n      amount\n      currency\n    }\n    onlinePayments {\n      amount {\n        amount\n        currency\n      }\n      state\n      date\n      paidBy {\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoice($number: String!, $withOrders: Boolean! = true) {\n    viewer {\n      id\n      invoice(number: $number) {\n        id\n        number\n        reference\n        date\n        dueDate\n        state\n        overdue\n        pdfUrl\n        orders(first: 20) @include(if: $withOrders) {\n          id\n          number\n          state\n          totalAmount {\n            amount\n            currency\n          }\n        }\n        ...InvoiceLines_invoice\n        ...InvoiceDocuments_invoice\n        ...InvoicePayment_invoice\n        ...PayOnline_invoice\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invoice($number: String!, $withOrders: Boolean! = true) {\n    viewer {\n      id\n      invoice(number: $number) {\n        id\n        number\n        reference\n        date\n        dueDate\n        state\n        overdue\n        pdfUrl\n        orders(first: 20) @include(if: $withOrders) {\n          id\n          number\n          state\n          totalAmount {\n            amount\n            currency\n          }\n        }\n        ...InvoiceLines_invoice\n        ...InvoiceDocuments_invoice\n        ...InvoicePayment_invoice\n        ...PayOnline_invoice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter, $sort: ListSort) {\n    viewer {\n      id\n      exportLimits {\n        invoicesPerZip\n        rowsPerCsv\n      }\n      invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...InvoiceRow_invoice\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter, $sort: ListSort) {\n    viewer {\n      id\n      exportLimits {\n        invoicesPerZip\n        rowsPerCsv\n      }\n      invoices(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...InvoiceRow_invoice\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptQuotation($input: AcceptQuotationInput!) {\n    acceptQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptQuotation($input: AcceptQuotationInput!) {\n    acceptQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineQuotation($input: DeclineQuotationInput!) {\n    declineQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineQuotation($input: DeclineQuotationInput!) {\n    declineQuotation(input: $input) {\n      replayed\n      order {\n        id\n        state\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reorder($input: ReorderInput!) {\n    reorder(input: $input) {\n      replayed\n      order {\n        id\n        number\n        state\n      }\n      leftOut {\n        name\n        quantity\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Reorder($input: ReorderInput!) {\n    reorder(input: $input) {\n      replayed\n      order {\n        id\n        number\n        state\n      }\n      leftOut {\n        name\n        quantity\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileComplaint($input: FileComplaintInput!, $withDocuments: Boolean! = true) {\n    fileComplaint(input: $input) {\n      replayed\n      order {\n        id\n        ...OrderComplaints_order\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FileComplaint($input: FileComplaintInput!, $withDocuments: Boolean! = true) {\n    fileComplaint(input: $input) {\n      replayed\n      order {\n        id\n        ...OrderComplaints_order\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintTypes {\n    complaintTypes {\n      id\n      name\n      target\n    }\n  }\n"): (typeof documents)["\n  query ComplaintTypes {\n    complaintTypes {\n      id\n      name\n      target\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderAuthors_order on Order {\n    requestedBy {\n      email\n    }\n    acceptedBy {\n      email\n    }\n    declinedBy {\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment OrderAuthors_order on Order {\n    requestedBy {\n      email\n    }\n    acceptedBy {\n      email\n    }\n    declinedBy {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderComplaints_order on Order {\n    id\n    state\n    version\n    lines(first: 100) {\n      id\n      description\n    }\n    complaints(first: 20) {\n      id\n      number\n      state\n      typeName\n      description\n      answer\n      date\n      line {\n        id\n        description\n      }\n      files @include(if: $withDocuments) {\n        id\n        name\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment OrderComplaints_order on Order {\n    id\n    state\n    version\n    lines(first: 100) {\n      id\n      description\n    }\n    complaints(first: 20) {\n      id\n      number\n      state\n      typeName\n      description\n      answer\n      date\n      line {\n        id\n        description\n      }\n      files @include(if: $withDocuments) {\n        id\n        name\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderLines_order on Order {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment OrderLines_order on Order {\n    lines(first: 100) {\n      id\n      description\n      quantity\n      unit\n      taxes\n      product {\n        id\n        name\n        code\n      }\n      unitPrice {\n        amount\n        currency\n      }\n      amount {\n        amount\n        currency\n      }\n    }\n    untaxedAmount {\n      amount\n      currency\n    }\n    taxAmount {\n      amount\n      currency\n    }\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderRelated_order on Order {\n    shipments(first: 20) {\n      id\n      number\n      state\n      plannedDate\n      effectiveDate\n    }\n    invoices(first: 20) @include(if: $withInvoices) {\n      id\n      number\n      state\n      overdue\n      date\n      totalAmount {\n        amount\n        currency\n      }\n    }\n    documents(first: 20) @include(if: $withDocuments) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment OrderRelated_order on Order {\n    shipments(first: 20) {\n      id\n      number\n      state\n      plannedDate\n      effectiveDate\n    }\n    invoices(first: 20) @include(if: $withInvoices) {\n      id\n      number\n      state\n      overdue\n      date\n      totalAmount {\n        amount\n        currency\n      }\n    }\n    documents(first: 20) @include(if: $withDocuments) {\n      id\n      name\n      size\n      date\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderRow_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    shipmentState\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment OrderRow_order on Order {\n    id\n    number\n    reference\n    date\n    state\n    shipmentState\n    totalAmount {\n      amount\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($number: String!, $withInvoices: Boolean! = true, $withDocuments: Boolean! = true) {\n    viewer {\n      id\n      order(number: $number) {\n        id\n        number\n        reference\n        description\n        date\n        state\n        version\n        invoiceState\n        shipmentState\n        invoiceAddress {\n          ...AddressBlock_address\n        }\n        shipmentAddress {\n          ...AddressBlock_address\n        }\n        ...OrderLines_order\n        ...OrderRelated_order\n        ...OrderComplaints_order\n        ...OrderAuthors_order\n      }\n    }\n  }\n"): (typeof documents)["\n  query Order($number: String!, $withInvoices: Boolean! = true, $withDocuments: Boolean! = true) {\n    viewer {\n      id\n      order(number: $number) {\n        id\n        number\n        reference\n        description\n        date\n        state\n        version\n        invoiceState\n        shipmentState\n        invoiceAddress {\n          ...AddressBlock_address\n        }\n        shipmentAddress {\n          ...AddressBlock_address\n        }\n        ...OrderLines_order\n        ...OrderRelated_order\n        ...OrderComplaints_order\n        ...OrderAuthors_order\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($first: Int!, $after: String, $filter: OrderFilter, $sort: ListSort) {\n    viewer {\n      id\n      orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...OrderRow_order\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Orders($first: Int!, $after: String, $filter: OrderFilter, $sort: ListSort) {\n    viewer {\n      id\n      orders(first: $first, after: $after, filter: $filter, sort: $sort) {\n        totalCount\n        edges {\n          cursor\n          node {\n            ...OrderRow_order\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberItem_member on Member {\n    id\n    email\n    role\n    state\n    invitedBy\n    roleChangedBy {\n      email\n    }\n    invitationExpiresAt\n  }\n"): (typeof documents)["\n  fragment MemberItem_member on Member {\n    id\n    email\n    role\n    state\n    invitedBy\n    roleChangedBy {\n      email\n    }\n    invitationExpiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    viewer {\n      id\n      email\n      name\n      members {\n        ...MemberItem_member\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members {\n    viewer {\n      id\n      email\n      name\n      members {\n        ...MemberItem_member\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      replayed\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      replayed\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        ...MemberItem_member\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scopes {\n    viewer {\n      id\n      role\n      scopes\n    }\n  }\n"): (typeof documents)["\n  query Scopes {\n    viewer {\n      id\n      role\n      scopes\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;