import catalogue from '@leaderscope/messages/src/en.json';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { deliveryLabel, sharedMessages } from './messages';

const english = createIntl({ locale: 'en', defaultLocale: 'en' });

describe('the words shared with the mails', () => {
  it('keep the ids and English of the mail catalogue (packages/messages/src/en.json)', () => {
    const words = catalogue as Record<string, string>;
    for (const descriptor of Object.values(sharedMessages)) {
      if (descriptor.id === 'delivery.unknown') continue; // the dashboard's own: a state it does not know yet
      expect({ id: descriptor.id, text: descriptor.defaultMessage }).toEqual({ id: descriptor.id, text: words[descriptor.id] });
    }
  });

  it('never show a delivery state by its key', () => {
    expect(deliveryLabel(english, 'recorded').label).toBe('In the mail outbox (not sent)');
    expect(deliveryLabel(english, 'bounced-later')).toEqual({ label: 'State not known', color: 'gray' });
  });
});
