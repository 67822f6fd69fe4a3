import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '@/gql';
import type { Role } from '@/gql/graphql';

export const MemberItemFragment = graphql(`
  fragment MemberItem_member on Member {
    id
    email
    role
    state
    invitedBy
    roleChangedBy {
      email
    }
    invitationExpiresAt
  }
`);

const MembersQuery = graphql(`
  query Members {
    viewer {
      id
      email
      name
      members {
        ...MemberItem_member
      }
    }
  }
`);

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      replayed
      member {
        ...MemberItem_member
      }
    }
  }
`);

const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member {
        ...MemberItem_member
      }
    }
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      memberId
    }
  }
`);

/** The company account's members and invitations, always read fresh (who may act). */
export function useMembers(enabled: boolean) {
  return useQuery(MembersQuery, { fetchPolicy: 'cache-and-network', skip: !enabled });
}

/** Invites a person; the list is read again (an invitation sent again replaces its row). */
export function useInviteMember() {
  const [mutate, state] = useMutation(InviteMemberMutation, {
    refetchQueries: [MembersQuery],
    awaitRefetchQueries: true,
  });
  const invite = (email: string, role: Role, idempotencyKey: string) =>
    mutate({ variables: { input: { email: email.trim(), role, idempotencyKey } } });
  return [invite, state] as const;
}

/** Changes a role; the member's row is updated from the answer (normalised by id). */
export function useChangeMemberRole() {
  const [mutate, state] = useMutation(ChangeMemberRoleMutation);
  const change = (memberId: string, role: Role) =>
    mutate({ variables: { input: { memberId, role, idempotencyKey: crypto.randomUUID() } } });
  return [change, state] as const;
}

/** Removes a member (or withdraws an invitation): it leaves the cache, and so the list. */
export function useRemoveMember() {
  const [mutate, state] = useMutation(RemoveMemberMutation);
  const remove = (memberId: string) =>
    mutate({
      variables: { input: { memberId, idempotencyKey: crypto.randomUUID() } },
      update(cache, { data }) {
        if (!data) return;
        cache.evict({ id: cache.identify({ __typename: 'Member', id: memberId }) });
        cache.gc();
      },
    });
  return [remove, state] as const;
}
