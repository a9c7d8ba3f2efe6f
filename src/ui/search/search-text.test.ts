import { describe, expect, it } from 'vitest';
import { authorLabel, resultCount, snippetText } from './search-text';

describe('search result text', () => {
  it('names the author as the log does', () => {
    expect(authorLabel('user')).toBe('You');
    expect(authorLabel('hearth')).toBe('Hearth');
  });

  it('joins a snippet into plain text', () => {
    expect(snippetText([{ text: '… buy ', match: false }, { text: 'milk', match: true }, { text: ' tomorrow', match: false }])).toBe('… buy milk tomorrow');
  });

  it('counts results, and says when the limit cut them off', () => {
    expect(resultCount(0, 50)).toBe('No messages match');
    expect(resultCount(1, 50)).toBe('1 matching message');
    expect(resultCount(12, 50)).toBe('12 matching messages');
    expect(resultCount(50, 50)).toMatch(/^The newest 50 matching messages/);
  });
});
