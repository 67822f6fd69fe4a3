import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { forbiddenMessage, refusalMessage } from './refusal-message';

const refused = (code: string, extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors({
    errors: [{ message: 'Refused.', extensions: { code, ...extensions } }],
  });

describe('a refused form submission in words', () => {
  it('says FORBIDDEN as the pages do, with the role, in French and English', () => {
    const forbidden = refused('FORBIDDEN', { needed: ['orders:write'], role: 'BUYER' });
    const fr = createI18n('fr').t;
    expect(refusalMessage(forbidden, fr)).toBe(
      'Votre rôle (Acheteur) ne permet pas ceci. Vous êtes toujours connecté. Un administrateur de votre compte peut changer votre rôle.',
    );
    // The form's own key for a code does not hide the role.
    expect(refusalMessage(forbidden, fr, { FORBIDDEN: 'team.errors.tooMany' })).toMatch(
      /^Votre rôle \(Acheteur\) ne permet pas ceci\./,
    );
    const en = createI18n('en').t;
    expect(refusalMessage(forbidden, en)).toMatch(/^Your role \(Buyer\) does not allow this\. /);
    expect(forbiddenMessage(en, 'ACCOUNTANT')).toBe('Your role (Accountant) does not allow this.');
    // A role the app does not know is left out, not invented.
    expect(refusalMessage(refused('FORBIDDEN', { role: 'OWNER' }), fr)).toMatch(
      /^Votre rôle ne permet pas ceci\. /,
    );
  });

  it('says a code the form expects by its key, anything else as unexpected', () => {
    const fr = createI18n('fr').t;
    const keys = { LAST_ADMINISTRATOR: 'team.errors.lastAdministrator' };
    expect(refusalMessage(refused('LAST_ADMINISTRATOR'), fr, keys)).toBe(
      'Le compte doit garder un administrateur : nommez d’abord un autre administrateur.',
    );
    expect(refusalMessage(refused('CONFLICT'), fr, keys)).toBe(
      'Une erreur inattendue est survenue. Réessayez.',
    );
    expect(refusalMessage(new Error('boom'), fr)).toBe(
      'Une erreur inattendue est survenue. Réessayez.',
    );
  });
});
