import { describe, expect, it } from 'vitest';
import { textOfHtml } from './mail-catcher.js';

describe('textOfHtml', () => {
  it('spells out links and decodes entities', () => {
    const html =
      '<p>Bonjour,</p><p>Pour changer votre mot de passe : <a href="http://portal/reset-password?token=ab12&amp;email=m%40x.fr">cliquez ici</a></p>';
    expect(textOfHtml(html)).toBe(
      'Bonjour,\nPour changer votre mot de passe : cliquez ici http://portal/reset-password?token=ab12&email=m%40x.fr',
    );
  });
});
